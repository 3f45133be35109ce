// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "rules/CompiledPattern.h"

#include <QCoreApplication>

namespace Dsn::Rules {

namespace {

// Rust's defaults on Boost: ^/$ only at the ends, '.' never matches '\n'.
const auto kMatchFlags = boost::match_default | boost::match_not_dot_newline;

const UChar *u16(QStringView s)
{
    return reinterpret_cast<const UChar *>(s.utf16());
}

} // namespace

Result<std::shared_ptr<CompiledPattern>> CompiledPattern::compile(const QString &rustPattern)
{
    auto p = std::make_shared<CompiledPattern>();
    try {
        p->m_regex = boost::make_u32regex(u16(rustPattern), u16(rustPattern) + rustPattern.size(),
                                          boost::regex_constants::perl | boost::regex_constants::no_mod_m);
    } catch (const boost::regex_error &e) {
        Diagnostic d = Diagnostic::error(
            QStringLiteral("regex-parse"),
            QCoreApplication::translate("CompiledPattern", "regex parse error: %1").arg(QString::fromUtf8(e.what())));
        d.position = int(e.position());
        d.pattern = rustPattern;
        return d;
    }
    return p;
}

bool CompiledPattern::search(QStringView subject) const
{
    try {
        return boost::u32regex_search(u16(subject), u16(subject) + subject.size(), m_regex, kMatchFlags);
    } catch (const std::runtime_error &) {
        // Boost gives up on catastrophic backtracking; Rust's engine never does, but we cannot
        // say it matched, so the pattern counts as not matching this subject.
        return false;
    }
}

std::optional<std::pair<qsizetype, qsizetype>> CompiledPattern::span(QStringView subject) const
{
    boost::match_results<const UChar *> m;
    try {
        if (!boost::u32regex_search(u16(subject), u16(subject) + subject.size(), m, m_regex, kMatchFlags))
            return std::nullopt;
    } catch (const std::runtime_error &) {
        return std::nullopt;
    }
    return std::make_pair(qsizetype(m[0].first - u16(subject)), qsizetype(m[0].length()));
}

} // namespace Dsn::Rules
