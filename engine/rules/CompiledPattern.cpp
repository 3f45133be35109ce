// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "rules/CompiledPattern.h"

#include <exception>

#include <QCoreApplication>

#include "rules/RustRegexTranslator.h"
#include "rules/detail/RegexNodeAnalysis.h"
#include "rules/detail/RustRegexParser.h"

namespace Dsn::Rules {

namespace {

// The translated pattern spells out Rust's meaning of '.', '^', '$' and '\b', so no Boost
// option may change it: plain perl syntax, default matching.
constexpr auto kSyntax = boost::regex_constants::perl;

const UChar *u16(QStringView s)
{
    return reinterpret_cast<const UChar *>(s.utf16());
}

} // namespace

Result<std::shared_ptr<CompiledPattern>> CompiledPattern::compile(const QString &rustPattern)
{
    Result<RustRegexTranslator::Translation> translated = RustRegexTranslator::translate(rustPattern);
    if (!translated) {
        Diagnostic d = translated.error();
        d.message = QCoreApplication::translate("CompiledPattern", "regex parse error: %1").arg(d.message);
        return d;
    }
    auto p = std::make_shared<CompiledPattern>();
    p->m_boostPattern = translated->boostPattern;
    p->m_requiredLiterals = translated->requiredLiterals;
    p->m_requiredLiteralsFoldCase = translated->requiredLiteralsFoldCase;
    p->m_literalSets = translated->literalSets;
    p->m_anchoredLiteralSets = translated->anchoredLiteralSets;
    p->m_exactLiteral = translated->exactLiteral;
    p->m_exactLiteralFoldCase = translated->exactLiteralFoldCase;
    // Only a pattern without a usable literal needs it, but which literals are usable is the
    // prefilter's call; parsing again is cheap next to the Boost compile below.
    try {
        p->m_classRuns = Detail::RegexNodeAnalysis::requiredClassRuns(Detail::RustRegexParser::parse(rustPattern).root);
    } catch (const Detail::RustRegexParser::Failure &) {
        // The translator accepted the pattern, so this does not happen; without a run it just runs.
    }
    try {
        p->m_regex =
            boost::make_u32regex(u16(p->m_boostPattern), u16(p->m_boostPattern) + p->m_boostPattern.size(), kSyntax);
    } catch (const std::exception &e) {
        // A valid Rust pattern whose translation Boost refuses is our bug, not the user's; say
        // so rather than blame the pattern.
        Diagnostic d = Diagnostic::error(
            QStringLiteral("regex-translate"),
            QCoreApplication::translate("CompiledPattern",
                                        "regex parse error: internal: Boost.Regex refused the translation %1: %2")
                .arg(p->m_boostPattern, QString::fromUtf8(e.what())));
        d.position = 0;
        d.pattern = rustPattern;
        return d;
    }
    return p;
}

CompiledPattern::Outcome CompiledPattern::searchOutcome(QStringView subject) const
{
    try {
        // match_any: a yes/no answer needs any match, not the leftmost-first one.
        const bool found = boost::u32regex_search(u16(subject), u16(subject) + subject.size(), m_regex,
                                                  boost::match_default | boost::match_any);
        return found ? Outcome::Match : Outcome::NoMatch;
    } catch (const std::exception &) {
        // Boost gives up on catastrophic backtracking ("exceeded predefined bounds", "ran out
        // of stack space"). Rust's engine never does; we cannot say it matched.
        return Outcome::GaveUp;
    }
}

bool CompiledPattern::search(QStringView subject) const
{
    return searchOutcome(subject) == Outcome::Match;
}

std::optional<std::pair<qsizetype, qsizetype>> CompiledPattern::span(QStringView subject) const
{
    boost::match_results<const UChar *> m;
    try {
        if (!boost::u32regex_search(u16(subject), u16(subject) + subject.size(), m, m_regex, boost::match_default))
            return std::nullopt;
    } catch (const std::exception &) {
        return std::nullopt;
    }
    return std::make_pair(qsizetype(m[0].first - u16(subject)), qsizetype(m[0].length()));
}

} // namespace Dsn::Rules
