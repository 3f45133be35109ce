// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QString>

#include "rules/detail/RegexNode.h"

namespace Dsn::Rules::Detail {

/**
 * Writes a RegexNode tree as a Boost.Regex perl-syntax pattern that needs no Boost option:
 * classes are explicit sets, `^`/`$`/`\b` explicit assertions built on Rust's word class,
 * quantifiers carry their resolved greediness and case-insensitive literals sit in `(?i:…)`,
 * except those Boost's lower-casing comparison gets wrong, which become the class of their
 * simple case folding orbit (`(?i)s` → `[Ssſ]`).
 *
 * Target::Ascii writes the same pattern for a narrow `boost::regex` (classic locale) that only
 * ever searches subjects made of ASCII units, where Rust's Unicode classes reduce to their ASCII
 * members: every class and case orbit is cut down to ASCII (`\w` → `[0-9A-Z_a-z]`, `(?i)K`
 * with its Kelvin sign → `[Kk]`, U+212A alone → the same), a literal beyond ASCII becomes a
 * class no ASCII byte meets, groups capture nothing (only match and span are asked), and word
 * boundaries use Boost's own `\b`, `\<`, `\>`, which agree with Rust's on ASCII text and skip
 * the look-arounds (`\B` also accepts the text's ends next to a non-word character, where
 * Boost's never holds). The text is all ASCII.
 *
 * Both targets write an alternation whose every branch starts with `^` (without (?m)) as
 * `\A(?:…)`, so that Boost tries one position instead of every one.
 */
class BoostRegexWriter
{
public:
    enum class Target
    {
        Unicode, ///< boost::u32regex over UTF-16, any subject
        Ascii,   ///< narrow boost::regex, subjects of ASCII units only
    };

    static QString write(const RegexNode &root, Target target = Target::Unicode);
    /// Whether every match of `n` starts with `\\A` (`^` without (?m)), flags aside.
    static bool startsAtTextStart(const RegexNode &n);

private:
    explicit BoostRegexWriter(Target target) : m_ascii(target == Target::Ascii) {}

    static const QString &wordClass(bool ascii);
    QString assertion(const RegexNode &n) const;
    QString literal(const RegexNode &n) const;
    bool boostFolds(const RegexNode &n) const;
    bool atomic(const RegexNode &n) const;
    void emitNode(const RegexNode &n, QString &out, bool bare) const;

    bool m_ascii;
};

} // namespace Dsn::Rules::Detail
