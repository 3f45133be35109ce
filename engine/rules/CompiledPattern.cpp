// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "rules/CompiledPattern.h"

#include <algorithm>
#include <exception>
#include <locale>

#include <QCoreApplication>

#include "rules/RustRegexTranslator.h"
#include "rules/detail/BoostRegexWriter.h"
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

bool isAscii(QStringView s)
{
    char16_t any = 0;
    for (const QChar c : s)
        any |= c.unicode();
    return any < 0x80;
}

/**
 * Compiles the narrow form. The classic locale makes Boost's word characters (for `\b`) exactly
 * [0-9A-Za-z_] whatever locale the process runs in; the writer names no other class and folds
 * case with explicit sets. A pattern Boost refuses in this form just has none.
 */
bool compileAscii(const QString &pattern, boost::regex &out)
{
    if (!isAscii(pattern))
        return false;
    const QByteArray bytes = pattern.toLatin1();
    try {
        boost::regex r;
        r.imbue(std::locale::classic());
        r.assign(bytes.constData(), bytes.constData() + bytes.size(), kSyntax);
        out = std::move(r);
    } catch (const std::exception &) {
        return false;
    }
    return true;
}

std::string &narrowBuffer()
{
    thread_local std::string t_buffer;
    return t_buffer;
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
    p->m_exactLiterals = translated->exactLiterals;
    // Only a pattern without a usable literal needs it, but which literals are usable is the
    // prefilter's call; parsing again is cheap next to the Boost compile below.
    try {
        const Detail::RegexNode root = Detail::RustRegexParser::parse(rustPattern).root;
        p->m_classRuns = Detail::RegexNodeAnalysis::requiredClassRuns(root);
        p->m_startsAtTextStart = Detail::BoostRegexWriter::startsAtTextStart(root);
        const QString ascii = Detail::BoostRegexWriter::write(root, Detail::BoostRegexWriter::Target::Ascii);
        p->m_hasAscii = compileAscii(ascii, p->m_asciiRegex);
        if (p->m_hasAscii)
            p->m_asciiPattern = ascii.toStdString();
    } catch (const Detail::RustRegexParser::Failure &) {
        // The translator accepted the pattern, so this does not happen; without a run it just
        // runs, and without the narrow form every subject takes the u32regex.
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

void CompiledPattern::narrow(QStringView subject, std::string &out)
{
    out.resize(size_t(subject.size()));
    std::transform(subject.begin(), subject.end(), out.begin(), [](QChar c) { return char(c.unicode()); });
}

const char *CompiledPattern::asciiView(QStringView subject, Form form, std::string &buffer) const
{
    if (!m_hasAscii || form == Form::Unicode || !isAscii(subject))
        return nullptr;
    narrow(subject, buffer);
    return buffer.data();
}

CompiledPattern::Outcome CompiledPattern::searchOutcome(QStringView subject, Form form) const
{
    return searchOutcome(subject, asciiView(subject, form, narrowBuffer()));
}

CompiledPattern::Outcome CompiledPattern::searchOutcome(QStringView subject, const char *ascii) const
{
    try {
        // match_any: a yes/no answer needs any match, not the leftmost-first one.
        if (ascii && m_hasAscii) {
            // Reused, so that a search allocates nothing once the thread has run a few.
            thread_local boost::cmatch t_match;
            return boost::regex_search(ascii, ascii + subject.size(), t_match, m_asciiRegex,
                                       boost::match_default | boost::match_any)
                       ? Outcome::Match
                       : Outcome::NoMatch;
        }
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

std::optional<std::pair<qsizetype, qsizetype>> CompiledPattern::span(QStringView subject, Form form) const
{
    std::string &buffer = narrowBuffer();
    if (const char *ascii = asciiView(subject, form, buffer)) {
        // One byte per unit, so byte offsets are UTF-16 offsets.
        boost::cmatch m;
        try {
            if (!boost::regex_search(ascii, ascii + subject.size(), m, m_asciiRegex, boost::match_default))
                return std::nullopt;
        } catch (const std::exception &) {
            return std::nullopt;
        }
        return std::make_pair(qsizetype(m[0].first - ascii), qsizetype(m[0].length()));
    }
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
