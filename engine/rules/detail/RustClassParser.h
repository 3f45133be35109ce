// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <optional>

#include <unicode/uniset.h>

#include <QString>

#include "rules/detail/RegexNode.h"
#include "rules/detail/RustPatternCursor.h"

namespace Dsn::Rules::Detail {

/**
 * The escape and class half of RustRegexParser: `\\x{…}`, `\\p{…}`, `\\d`, `\\b{start}` and the
 * like, and bracketed classes with their set operations and ASCII classes, each resolved to a
 * code point set with the flags in force (case closure, negation, (?-u) checks) as
 * regex-syntax's translator does.
 */
class RustClassParser : public RustPatternCursor
{
public:
    using RustPatternCursor::RustPatternCursor;

protected:
    using Assertion = RegexNode::Assertion;

    /// A primitive as parse_escape returns it: a literal, a class or an assertion.
    struct Primitive
    {
        enum class Kind
        {
            Literal,
            Class,
            Assertion
        } kind = Kind::Literal;
        int pos = 0;
        UChar32 ch = 0;
        icu::UnicodeSet set;
        Assertion assertion = Assertion::TextStart;
    };

    Primitive parseEscape();
    icu::UnicodeSet parseBracketClass(int depth);

private:
    enum class SetOp
    {
        None,
        Intersection,
        Difference,
        Symmetric
    };

    std::optional<Assertion> maybeSpecialWordBoundary(int wbStart);
    UChar32 parseHex(UChar32 kind);
    icu::UnicodeSet parseUnicodeClass(int start);
    icu::UnicodeSet perlClass(UChar32 c, int start);
    /// Rust folds a class's items first and negates afterwards. `set` must not be frozen.
    icu::UnicodeSet finishSet(icu::UnicodeSet set, bool negated, int at);
    static icu::UnicodeSet applyOp(SetOp op, icu::UnicodeSet lhs, const icu::UnicodeSet &rhs);
    std::optional<icu::UnicodeSet> maybeAsciiClass();
    Primitive parseClassItem();
    void checkAsciiLiteral(const Primitive &p);
    void parseClassRange(icu::UnicodeSet &into);
};

} // namespace Dsn::Rules::Detail
