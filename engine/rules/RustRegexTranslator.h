// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "common/Result.h"

namespace Dsn::Rules {

/**
 * Reads a pattern in the syntax of Rust's `regex` crate 1.13 (regex-syntax 0.8), the dialect
 * KumoMTA's kumo.regex_set_map compiles, and rewrites it as a Boost.Regex perl-syntax pattern
 * for `boost::u32regex` with identical match semantics.
 *
 * The output never relies on Boost's flags or on Boost's idea of a word, a line or a Unicode
 * property: every class becomes an explicit set computed with ICU, `.`/`^`/`$`/`\b` become
 * explicit constructs, (?U) is applied to every quantifier and case-insensitive literals are
 * wrapped in `(?i:…)`, or spelled as the class of their simple case folding orbit where Boost's
 * lower-casing comparison differs from Rust's (`(?i)s` also matches `ſ`, `(?i)i` not `İ`).
 * Compile the result with `boost::regex_constants::perl` and no other option.
 *
 * Positions are 0-based offsets in UTF-16 code units of the pattern (QString indexes), so an
 * editor can put a squiggle under them. Rust reports byte offsets; for ASCII patterns both agree.
 *
 * Stateless and thread-safe.
 */
class RustRegexTranslator
{
public:
    /// Something worth telling a rule author about a construct, with where it starts.
    struct Finding
    {
        enum class Kind
        {
            /// Rust refuses the pattern although Boost.Regex (and PCRE-style engines) accept it:
            /// the table works in a PCRE tester but KumoMTA refuses to load it.
            RustRejects,
            /// Both accept the construct but read it differently (e.g. `a++` is possessive in
            /// PCRE and a nested repetition in Rust). Our translation follows Rust.
            ReadsDifferently,
        };
        Kind kind = Kind::ReadsDifferently;
        int position = -1;
        QString message; ///< translated, complete sentence
    };

    /// One alternative of a literal set.
    struct LiteralString
    {
        QString text;          ///< as written; already folded when `foldCase`
        bool foldCase = false; ///< compare under simple case folding, else exactly
        bool operator==(const LiteralString &) const = default;
    };
    /// A match contains at least one of these strings (sorted by text, then case mode).
    using LiteralSet = QList<LiteralString>;

    /// Literal alternatives that, in a match of a pattern anchored at the text's start, end
    /// within `maxEnd` UTF-16 units of it.
    struct AnchoredLiterals
    {
        LiteralSet strings;
        int maxEnd = 0;
    };

    /// The Boost form of one valid Rust pattern.
    struct Translation
    {
        QString boostPattern;
        /// Capture group names by group number (index 0 is the whole match, always empty);
        /// unnamed groups have an empty name. Boost sees plain numbered groups when a Rust name
        /// (which may contain `.`, `[`, `]` or non-ASCII letters) is not a valid Boost name.
        QStringList captureNames;
        /**
         * Literal strings every match must contain (each one found verbatim in the subject,
         * or case-insensitively when `requiredLiteralsFoldCase`); empty when the pattern has
         * none. Suitable for a prefilter and for the linter's shadowing checks.
         */
        QStringList requiredLiterals;
        bool requiredLiteralsFoldCase = false;
        /// The whole pattern is one literal (no anchors, classes or operators): it matches
        /// exactly the subjects containing `requiredLiterals.first()`.
        bool isPureLiteral = false;
        /**
         * For a multi-pattern prefilter: every match contains, for each set, at least one of
         * its strings. Finer than requiredLiterals: alternations and small classes give sets
         * of alternatives (`(a|b)c` → {ac, bc}).
         */
        QList<LiteralSet> literalSets;
        /// For a pattern anchored at the start (`^` without (?m)): sets of its bounded prefix,
        /// with how far into the subject their strings must end.
        QList<AnchoredLiterals> anchoredLiteralSets;
        /**
         * Non-empty when the pattern is literal text in one case mode, alternatives and optional
         * parts included (`(?i)(mailbox|account) (is )?full`): it matches exactly the subjects
         * containing one of these strings, each compared as its `foldCase` says. No string is
         * empty (a pattern that matches the empty string matches every subject).
         */
        LiteralSet exactLiterals;
        /// Advisory dialect notes (never errors: the pattern is valid Rust).
        QList<Finding> findings;
    };

    /**
     * Translates `rustPattern`, or fails with a Diagnostic: code "regex-parse", `position`
     * set, `pattern` set, `message` the reason in regex-syntax's words (e.g. "unclosed group",
     * "look-around, including look-ahead and look-behind, is not supported"), without any
     * "regex parse error:" prefix.
     */
    static Result<Translation> translate(const QString &rustPattern);

    /**
     * Everything lint should say about portability: when Rust rejects the pattern and Boost
     * accepts it, a RustRejects finding carrying Rust's reason; plus the ReadsDifferently notes
     * of a valid pattern.
     */
    static QList<Finding> incompatibilities(const QString &rustPattern);

    /// True when Boost.Regex (perl syntax, the way a PCRE-minded author would test) accepts
    /// the pattern text as it stands.
    static bool boostAcceptsVerbatim(const QString &pattern);

    /// Rust's default limit on the compiled size of one regex, in bytes.
    static constexpr double SizeLimitBytes = 10.0 * (1 << 20);
    /// Rust's default limit on nested groups, classes and repetitions.
    static constexpr int NestLimit = 250;
};

} // namespace Dsn::Rules
