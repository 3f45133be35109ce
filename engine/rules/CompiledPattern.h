// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <boost/regex.hpp>
#include <boost/regex/icu.hpp>

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include "common/Result.h"
#include "rules/RustRegexTranslator.h"

namespace Dsn::Rules {

/**
 * One Rust-syntax pattern, translated by RustRegexTranslator and compiled for Boost.Regex (ICU,
 * searching UTF-16 directly). Internal to rules/: the rest of the engine sees RegexSetMap.
 *
 * Most subjects are ASCII, and on those Rust's semantics fit a narrow byte regex (table-driven
 * classes, Boost's own `\b`, no UTF iterators), many times faster than the u32regex. So the
 * pattern is also compiled in that form (BoostRegexWriter::Target::Ascii, classic locale) and
 * searches of ASCII subjects use it; a pattern that cannot be written or compiled that way keeps
 * the u32regex for every subject. Both forms answer alike (TestCompiledPatternAscii checks it).
 *
 * Immutable after compile(); search() and span() are const and may run on several threads.
 */
class CompiledPattern
{
public:
    /// How one search ended. Boost gives up on patterns that backtrack too much; Rust never does.
    enum class Outcome
    {
        NoMatch,
        Match,
        GaveUp
    };

    /**
     * Fails with a Diagnostic (code "regex-parse", position and pattern set, message
     * "regex parse error: <reason>") when Rust's regex would refuse the pattern.
     */
    static Result<std::shared_ptr<CompiledPattern>> compile(const QString &rustPattern);

    /// Which compiled form a search uses.
    enum class Form
    {
        Auto,    ///< the narrow one when it exists and the subject is all ASCII
        Unicode, ///< always the u32regex (the reference)
        Ascii,   ///< the narrow one; only for hasAsciiForm() and all-ASCII subjects (else Unicode)
    };

    /// Whether the pattern matches anywhere in `subject`. Never throws; GaveUp counts as false.
    bool search(QStringView subject) const;
    Outcome searchOutcome(QStringView subject, Form form = Form::Auto) const;
    /**
     * searchOutcome() for a caller that already knows whether the subject is ASCII: `ascii` is
     * null, or the subject's units as bytes (see narrow()), which the narrow form then reads
     * without another pass over the subject.
     */
    Outcome searchOutcome(QStringView subject, const char *ascii) const;
    /// The leftmost-first match (start, length in UTF-16 units), as Rust's find() reports it.
    std::optional<std::pair<qsizetype, qsizetype>> span(QStringView subject, Form form = Form::Auto) const;

    /// Whether ASCII subjects have the fast narrow form.
    bool hasAsciiForm() const { return m_hasAscii; }
    /// The narrow form's pattern text; empty without one.
    const std::string &asciiPattern() const { return m_asciiPattern; }
    /// Writes the units of an all-ASCII `subject` into `out` as bytes (out resized to fit).
    static void narrow(QStringView subject, std::string &out);

    const QString &boostPattern() const { return m_boostPattern; }
    /// Literals every match contains (see RustRegexTranslator::Translation).
    const QStringList &requiredLiterals() const { return m_requiredLiterals; }
    bool requiredLiteralsFoldCase() const { return m_requiredLiteralsFoldCase; }
    /// Literal OR-sets every match meets (see RustRegexTranslator::Translation::literalSets).
    const QList<RustRegexTranslator::LiteralSet> &literalSets() const { return m_literalSets; }
    /// Literal sets bound to the subject's start (Translation::anchoredLiteralSets).
    const QList<RustRegexTranslator::AnchoredLiterals> &anchoredLiteralSets() const { return m_anchoredLiteralSets; }
    /// Non-empty when a subject matches exactly when it contains one of these strings; see
    /// RustRegexTranslator::Translation::exactLiterals.
    const RustRegexTranslator::LiteralSet &exactLiterals() const { return m_exactLiterals; }
    /// Runs of consecutive positions every match contains, as ASCII masks (bit c of word c / 64);
    /// empty when none is selective. See Detail::RegexNodeAnalysis::requiredClassRuns.
    const std::vector<std::vector<std::array<uint64_t, 2>>> &classRuns() const { return m_classRuns; }
    /// Every match starts at the subject's start (`^` without (?m)).
    bool startsAtTextStart() const { return m_startsAtTextStart; }

private:
    /// The subject as bytes when it is ASCII and the narrow form exists, else null; `buffer`
    /// holds the bytes.
    const char *asciiView(QStringView subject, Form form, std::string &buffer) const;

    boost::u32regex m_regex;
    boost::regex m_asciiRegex;
    std::string m_asciiPattern;
    bool m_hasAscii = false;
    QString m_boostPattern;
    QStringList m_requiredLiterals;
    bool m_requiredLiteralsFoldCase = false;
    QList<RustRegexTranslator::LiteralSet> m_literalSets;
    QList<RustRegexTranslator::AnchoredLiterals> m_anchoredLiteralSets;
    RustRegexTranslator::LiteralSet m_exactLiterals;
    std::vector<std::vector<std::array<uint64_t, 2>>> m_classRuns;
    bool m_startsAtTextStart = false;
};

} // namespace Dsn::Rules
