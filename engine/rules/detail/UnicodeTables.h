// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <optional>

#include <unicode/uniset.h>

#include <QString>
#include <QStringView>

namespace Dsn::Rules::Detail {

/**
 * The code point sets Rust's regex crate uses, computed with ICU, and the Boost spelling of a
 * set. Private to rules/: the translator builds every class here so that Boost's own notion of
 * `\w`, `\s` or a property never decides a match.
 *
 * All sets are immutable once built (first use, thread-safe static initialisation).
 */
class UnicodeTables
{
public:
    enum class Perl
    {
        Digit,
        Space,
        Word
    };

    /// `\d`, `\s`, `\w` with Unicode on (UTS#18 Annex C, as regex-syntax defines them).
    static const icu::UnicodeSet &perlUnicode(Perl kind);
    /// The same with (?-u): [0-9], [\t\n\v\f\r ], [0-9A-Za-z_].
    static const icu::UnicodeSet &perlAscii(Perl kind);
    /// `[[:alpha:]]` and friends (always ASCII in Rust); nullopt for an unknown name.
    static std::optional<icu::UnicodeSet> posixClass(const QString &name);

    enum class PropertyError
    {
        None,
        PropertyNotFound,
        ValueNotFound
    };
    /**
     * Resolves `\p{name}` / `\p{name=value}` the way regex-syntax does: general categories,
     * scripts, script extensions, cumulative ages, binary properties and Any/ASCII/Assigned,
     * with loose name matching (case, spaces, `_`, `-` and an `is` prefix ignored).
     */
    static icu::UnicodeSet property(const QString &name, const QString *value, PropertyError *error);

    /// An editable copy (ICU copies of a frozen set stay frozen).
    static icu::UnicodeSet thaw(const icu::UnicodeSet &set);
    /// Adds every code point that Unicode simple case folding makes equivalent to a member.
    static void closeOverSimpleCaseFolding(icu::UnicodeSet &set);
    /// ASCII-only variant used under (?i-u).
    static void closeOverAsciiCase(icu::UnicodeSet &set);
    /// Each code point replaced by its simple case folding (length in code points unchanged),
    /// the key under which Rust's (?i) compares characters.
    static QString simpleFold(QStringView text);
    /// True when simple case folding relates `c` to another code point.
    static bool hasCaseVariants(UChar32 c);
    /// The simple case folding orbit of `c`: every code point Rust's (?i) lets `c` match,
    /// `c` included (just `c` when it has no case variants).
    static icu::UnicodeSet caseOrbit(UChar32 c);
    /**
     * True when Boost's `(?i:c)` on a u32regex matches exactly caseOrbit(c). Boost's ICU traits
     * compare u_tolower() of both sides, which misses orbits of three or more (`s`/`S`/`ſ`,
     * `σ`/`Σ`/`ς`) and adds what lower-cases alike but folds apart (`İ` for `i`).
     */
    static bool boostFoldsLikeRust(UChar32 c);

    /**
     * The Boost perl-syntax spelling of a set outside any bracket: a literal for one code point,
     * `(?!)` for the empty set, else a bracket expression made of general-category atoms that
     * Boost's ICU traits evaluate exactly (`[[:Lu:]]`…) plus explicit ranges, negated when the
     * complement is shorter.
     */
    static QString boostClass(const icu::UnicodeSet &set);
    /**
     * The spelling of `set` ∩ ASCII for a narrow (byte) regex that only ever sees ASCII
     * subjects: a literal for one member, a bracket of explicit ranges, or, when no ASCII code
     * point is in the set, a class that no ASCII byte meets (still one atom a quantifier may
     * follow). Never names a class, so no locale's idea of one can enter.
     */
    static QString asciiBoostClass(const icu::UnicodeSet &set);
    /// One code point as a Boost literal outside brackets (metacharacters escaped).
    static QString boostLiteral(UChar32 c);
    /// The two-letter general categories boostClass may emit as `[:Xx:]`, for tests.
    static QStringList boostCategoryAtoms();
    static const icu::UnicodeSet &categorySet(const QString &twoLetterName);
};

} // namespace Dsn::Rules::Detail
