// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "rules/RustRegexTranslator.h"

#include <exception>

#include <boost/regex/icu.hpp>

#include <QCoreApplication>

#include "rules/detail/BoostRegexWriter.h"
#include "rules/detail/RegexNodeAnalysis.h"
#include "rules/detail/RustRegexParser.h"
#include "rules/detail/UnicodeTables.h"

namespace Dsn::Rules {

using namespace Detail;

Result<RustRegexTranslator::Translation> RustRegexTranslator::translate(const QString &rustPattern)
{
    Translation t;
    try {
        RustRegexParser::Output parsed = RustRegexParser::parse(rustPattern);
        const RegexNode &root = parsed.root;
        RegexNodeAnalysis::checkNesting(root);
        // Rust reports the size limit for the whole pattern, without a position.
        if (RegexNodeAnalysis::estimatedSize(root) > SizeLimitBytes) {
            throw RustRegexParser::Failure{
                0, QStringLiteral("Compiled regex exceeds size limit of %1 bytes.").arg(qint64(SizeLimitBytes))};
        }
        t.boostPattern = BoostRegexWriter::write(root);
        t.captureNames = std::move(parsed.captureNames);
        t.findings = std::move(parsed.findings);

        const RegexNodeAnalysis::Literals runs = RegexNodeAnalysis::requiredLiterals(root);
        if (!runs.exact.isEmpty()) {
            t.requiredLiterals = runs.exact;
        } else if (!runs.folded.isEmpty()) {
            for (const QString &s : runs.folded)
                t.requiredLiterals.append(UnicodeTables::simpleFold(s));
            t.requiredLiteralsFoldCase = true;
        }
        t.isPureLiteral = RegexNodeAnalysis::isPureLiteral(root) && (runs.exact.size() + runs.folded.size()) == 1;
        t.literalSets = RegexNodeAnalysis::literalSets(root);
        t.anchoredLiteralSets = RegexNodeAnalysis::anchoredLiteralSets(root);
        t.exactLiterals = RegexNodeAnalysis::exactLiterals(root);
    } catch (const RustRegexParser::Failure &failure) {
        Diagnostic d = Diagnostic::error(QStringLiteral("regex-parse"), failure.message);
        d.position = failure.position;
        d.pattern = rustPattern;
        return d;
    }
    return t;
}

bool RustRegexTranslator::boostAcceptsVerbatim(const QString &pattern)
{
    const auto *begin = reinterpret_cast<const UChar *>(pattern.utf16());
    try {
        boost::make_u32regex(begin, begin + pattern.size(), boost::regex_constants::perl);
    } catch (const std::exception &) {
        return false;
    }
    return true;
}

QList<RustRegexTranslator::Finding> RustRegexTranslator::incompatibilities(const QString &rustPattern)
{
    const Result<Translation> t = translate(rustPattern);
    if (t)
        return t->findings;
    if (!boostAcceptsVerbatim(rustPattern))
        return {};
    Finding f;
    f.kind = Finding::Kind::RustRejects;
    f.position = t.error().position;
    f.message = QCoreApplication::translate("RustRegexTranslator",
                                            "Boost.Regex and PCRE accept this pattern, but KumoMTA's Rust "
                                            "regex refuses it (%1), so KumoMTA would refuse the whole table")
                    .arg(t.error().message);
    return {f};
}

} // namespace Dsn::Rules
