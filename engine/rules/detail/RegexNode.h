// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <cstdint>
#include <vector>

#include <unicode/uniset.h>

#include <QString>

namespace Dsn::Rules::Detail {

/**
 * One node of a parsed Rust pattern. Flags are resolved while parsing, so every node already
 * carries the meaning Rust gives it: a case-insensitive class is stored closed over case, (?U)
 * is folded into `greedy`, `^` under (?m) is a LineStart assertion, and so on.
 */
struct RegexNode
{
    enum class Assertion
    {
        TextStart,
        TextEnd,
        LineStart,     // (?m) ^
        LineEnd,       // (?m) $
        LineStartCrlf, // (?mR) ^
        LineEndCrlf,   // (?mR) $
        WordBoundary,
        NotWordBoundary,
        WordStart,
        WordEnd,
        WordStartHalf,
        WordEndHalf,
    };

    enum class Kind
    {
        Empty,
        Flags,
        Literal,
        Class,
        Assertion,
        Repetition,
        Group,
        Concat,
        Alternation
    };
    Kind kind = Kind::Empty;
    int pos = 0;
    UChar32 ch = 0;
    bool foldCase = false; // literal: Unicode simple case folding applies
    icu::UnicodeSet set;
    Assertion assertion = Assertion::TextStart;
    bool asciiWord = false; // word assertions under (?-u)
    uint32_t min = 0;
    uint32_t max = 0;
    bool unbounded = false;
    bool greedy = true;
    int captureIndex = 0; // > 0 for capturing groups
    QString name;         // capture name, when Boost can spell it
    std::vector<RegexNode> children;

    bool zeroWidth() const { return kind == Kind::Empty || kind == Kind::Flags || kind == Kind::Assertion; }
};

} // namespace Dsn::Rules::Detail
