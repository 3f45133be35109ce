// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include <unicode/uniset.h>

#include <QStringList>

#include "rules/RustRegexTranslator.h"
#include "rules/detail/RegexNode.h"

namespace Dsn::Rules::Detail {

/// Checks and facts computed from a parsed pattern after the grammar itself accepted it.
class RegexNodeAnalysis
{
public:
    /// regex-syntax's nesting limit; throws RustRegexParser::Failure past it.
    static void checkNesting(const RegexNode &root);
    /// A rough model of the bytes Rust's compiled NFA takes, to catch refused giants.
    static double estimatedSize(const RegexNode &root);

    /// Maximal literal runs every match contains; `folded` runs compare case-insensitively.
    struct Literals
    {
        QStringList exact;
        QStringList folded;
    };
    static Literals requiredLiterals(const RegexNode &root);
    /// The pattern is literal text only (no anchor, class or operator).
    static bool isPureLiteral(const RegexNode &root);

    /**
     * Literal sets for a prefilter, FilteredRE2 style: every match contains, for each set, at
     * least one of its strings. A string with any case-insensitive part compares under simple
     * case folding as a whole, so a set is only ever a necessary condition. Alternations,
     * optional parts and small classes contribute their alternatives (`(a|b)c` gives {ac, bc});
     * sets that would admit the empty string are left out.
     */
    static QList<RustRegexTranslator::LiteralSet> literalSets(const RegexNode &root);

    /**
     * For a pattern anchored at the start of the text (`^` without (?m)): the literal runs of
     * its bounded-length prefix with how far into the subject each must end, so a prefilter
     * can ignore occurrences further on (`^550 .*blocked` needs "550 " ending by offset 4).
     */
    static QList<RustRegexTranslator::AnchoredLiterals> anchoredLiteralSets(const RegexNode &root);

    /**
     * The strings a pattern made of literal text alone matches, when it has no anchor or class,
     * no repetition but `?`, and all its cased characters are either case-sensitive or
     * case-insensitive (not mixed): then it matches exactly the subjects that contain one of
     * them (`(?i)(mailbox|account) (is )?full` gives six). Empty otherwise, and when a match
     * could be empty or the alternatives exceed what literalSets() enumerates.
     */
    static RustRegexTranslator::LiteralSet exactLiterals(const RegexNode &root);

    /// The ASCII characters one position admits: bit c of word c / 64.
    using AsciiMask = std::array<uint64_t, 2>;
    /**
     * For a prefilter of patterns without a literal: runs of consecutive single characters every
     * match contains (`\\d{3}\\s\\d` gives digit, digit, digit, space, digit), each position
     * reduced to the ASCII characters it admits, closed over case so that it holds whatever a
     * regex engine's case-insensitive comparison could accept; bit 1 (U+0001) is also set where
     * a position admits any character beyond ASCII, which ClassRunFilter reads as U+0001 (and
     * the text's edges as NUL). Word boundaries add their outside where one side is all word characters
     * (`\\b[a-z]{2}\\d\\b` gives non-word, letter, letter, digit, non-word). A subject
     * that lacks any of them cannot match. The few most selective, at most MaxClassRun positions
     * each; empty when none narrows the subjects enough to be worth checking.
     */
    static std::vector<std::vector<AsciiMask>> requiredClassRuns(const RegexNode &root);
    /**
     * The ASCII members of `set`, and with `foldCase` those of its closure over case both ways
     * ICU knows (USET_CASE_INSENSITIVE, then simple case folding orbits): a superset of what any
     * case-insensitive comparison accepts. Exactly what closing the whole set would give, without
     * visiting every member of a large class.
     */
    static AsciiMask asciiCaseClosure(const icu::UnicodeSet &set, bool foldCase);
    static constexpr size_t MaxClassRun = 32;
};

} // namespace Dsn::Rules::Detail
