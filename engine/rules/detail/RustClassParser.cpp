// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "rules/detail/RustClassParser.h"

#include <optional>
#include <utility>

#include <unicode/uchar.h>

#include <QString>

#include "rules/RustRegexTranslator.h"
#include "rules/detail/UnicodeTables.h"

namespace Dsn::Rules::Detail {

namespace {

bool isMeta(UChar32 c)
{
    switch (c) {
    case '\\':
    case '.':
    case '+':
    case '*':
    case '?':
    case '(':
    case ')':
    case '|':
    case '[':
    case ']':
    case '{':
    case '}':
    case '^':
    case '$':
    case '#':
    case '&':
    case '-':
    case '~':
        return true;
    default:
        return false;
    }
}

// regex-syntax: any ASCII character but letters, digits, '<' and '>' may be escaped.
bool isEscapeable(UChar32 c)
{
    if (isMeta(c))
        return true;
    if (c > 0x7F)
        return false;
    if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
        return false;
    return c != '<' && c != '>';
}

bool isHex(UChar32 c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

} // namespace

RustClassParser::Primitive RustClassParser::parseEscape()
{
    const int start = pos();
    if (!bump())
        fail(start, "incomplete escape sequence, reached end of pattern prematurely");
    const UChar32 c = cur();
    Primitive prim;
    prim.pos = start;
    if (c >= '0' && c <= '9')
        fail(start, "backreferences are not supported");
    if (c == 'x' || c == 'u' || c == 'U') {
        if (c != 'x')
            note(start, "\\u and \\U are hexadecimal escapes in Rust but mean something else in Boost.Regex");
        prim.ch = parseHex(c);
        if (!m_flags.u && c == 'x' && prim.ch > 0x7F)
            fail(start, "pattern can match invalid UTF-8");
        return prim;
    }
    if (c == 'p' || c == 'P') {
        prim.kind = Primitive::Kind::Class;
        prim.set = parseUnicodeClass(start);
        return prim;
    }
    if (c == 'd' || c == 's' || c == 'w' || c == 'D' || c == 'S' || c == 'W') {
        bump();
        prim.kind = Primitive::Kind::Class;
        prim.set = perlClass(c, start);
        return prim;
    }
    bump();
    if (isMeta(c) || isEscapeable(c)) {
        prim.ch = c;
        return prim;
    }
    auto assertion = [&](Assertion a) {
        prim.kind = Primitive::Kind::Assertion;
        prim.assertion = a;
        return prim;
    };
    switch (c) {
    case 'a':
        prim.ch = 0x07;
        return prim;
    case 'f':
        prim.ch = 0x0C;
        return prim;
    case 't':
        prim.ch = '\t';
        return prim;
    case 'n':
        prim.ch = '\n';
        return prim;
    case 'r':
        prim.ch = '\r';
        return prim;
    case 'v':
        note(start, "\\v is a vertical tab in Rust but any vertical whitespace in PCRE and Boost.Regex");
        prim.ch = 0x0B;
        return prim;
    case 'A':
        return assertion(Assertion::TextStart);
    case 'z':
        return assertion(Assertion::TextEnd);
    case 'B':
        return assertion(Assertion::NotWordBoundary);
    case '<':
        return assertion(Assertion::WordStart);
    case '>':
        return assertion(Assertion::WordEnd);
    case 'b': {
        Assertion kind = Assertion::WordBoundary;
        if (!eof() && cur() == '{') {
            if (auto special = maybeSpecialWordBoundary(start)) {
                note(start, "\\b{…} word boundaries are Rust syntax; Boost.Regex reads \\b followed by "
                            "a repetition or literal braces");
                kind = *special;
            }
        }
        return assertion(kind);
    }
    default:
        fail(start, "unrecognized escape sequence");
    }
}

std::optional<RegexNode::Assertion> RustClassParser::maybeSpecialWordBoundary(int wbStart)
{
    const size_t braceIndex = m_i;
    const int bracePos = pos();
    if (!bumpAndBumpSpace())
        fail(wbStart, "found either the beginning of a special word boundary or a bounded repetition "
                      "on a \\b with an opening brace, but no closing brace");
    auto validChar = [](UChar32 c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-'; };
    if (!validChar(cur())) {
        m_i = braceIndex;
        return std::nullopt;
    }
    const int contentsPos = pos();
    QString name;
    while (!eof() && validChar(cur())) {
        name += QChar(char16_t(cur()));
        bumpAndBumpSpace();
    }
    if (eof() || cur() != '}')
        fail(bracePos, "special word boundary assertion is either unclosed or contains an invalid character");
    bump();
    if (name == u"start")
        return Assertion::WordStart;
    if (name == u"end")
        return Assertion::WordEnd;
    if (name == u"start-half")
        return Assertion::WordStartHalf;
    if (name == u"end-half")
        return Assertion::WordEndHalf;
    fail(contentsPos, "unrecognized special word boundary assertion, valid choices are: start, end, "
                      "start-half or end-half");
}

UChar32 RustClassParser::parseHex(UChar32 kind)
{
    const int digits = kind == 'x' ? 2 : (kind == 'u' ? 4 : 8);
    if (!bumpAndBumpSpace())
        fail(pos(), "incomplete escape sequence, reached end of pattern prematurely");
    QString text;
    int start = pos();
    if (cur() == '{') {
        const int bracePos = pos();
        start = -1;
        while (bumpAndBumpSpace() && cur() != '}') {
            if (start < 0)
                start = pos();
            if (!isHex(cur()))
                fail(pos(), "invalid hexadecimal digit");
            text += QChar(char16_t(cur()));
        }
        if (eof())
            fail(bracePos, "incomplete escape sequence, reached end of pattern prematurely");
        bumpAndBumpSpace();
        if (text.isEmpty())
            fail(bracePos, "hexadecimal literal empty");
    } else {
        for (int n = 0; n < digits; ++n) {
            if (n > 0 && !bumpAndBumpSpace())
                fail(pos(), "incomplete escape sequence, reached end of pattern prematurely");
            if (!isHex(cur()))
                fail(pos(), "invalid hexadecimal digit");
            text += QChar(char16_t(cur()));
        }
        bumpAndBumpSpace();
    }
    bool ok = false;
    const qulonglong value = text.toULongLong(&ok, 16);
    if (!ok || text.size() > 8 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        fail(start, "hexadecimal literal is not a Unicode scalar value");
    return UChar32(value);
}

icu::UnicodeSet RustClassParser::parseUnicodeClass(int start)
{
    const bool negatedEscape = cur() == 'P';
    if (!bumpAndBumpSpace())
        fail(pos(), "incomplete escape sequence, reached end of pattern prematurely");
    QString text;
    if (cur() == '{') {
        while (bumpAndBumpSpace() && cur() != '}')
            text += QString::fromUcs4(reinterpret_cast<const char32_t *>(&m_chars[m_i]), 1);
        if (eof())
            fail(pos(), "incomplete escape sequence, reached end of pattern prematurely");
        bump();
    } else {
        if (cur() == '\\')
            fail(pos(), "invalid Unicode character class");
        text = QString::fromUcs4(reinterpret_cast<const char32_t *>(&m_chars[m_i]), 1);
        bumpAndBumpSpace();
    }
    if (!m_flags.u)
        fail(start, "Unicode not allowed here");
    bool negated = negatedEscape;
    QString name = text;
    QString value;
    bool hasValue = false;
    if (const qsizetype ne = text.indexOf(QLatin1String("!=")); ne >= 0) {
        name = text.left(ne);
        value = text.mid(ne + 2);
        hasValue = true;
        negated = !negated;
    } else if (const qsizetype colon = text.indexOf(u':'); colon >= 0) {
        name = text.left(colon);
        value = text.mid(colon + 1);
        hasValue = true;
    } else if (const qsizetype eq = text.indexOf(u'='); eq >= 0) {
        name = text.left(eq);
        value = text.mid(eq + 1);
        hasValue = true;
    }
    UnicodeTables::PropertyError error = UnicodeTables::PropertyError::None;
    icu::UnicodeSet set = UnicodeTables::property(name, hasValue ? &value : nullptr, &error);
    if (error == UnicodeTables::PropertyError::PropertyNotFound)
        fail(start, "Unicode property not found");
    if (error == UnicodeTables::PropertyError::ValueNotFound)
        fail(start, "Unicode property value not found");
    return finishSet(std::move(set), negated, start);
}

icu::UnicodeSet RustClassParser::perlClass(UChar32 c, int start)
{
    using P = UnicodeTables::Perl;
    const P kind = (c == 'd' || c == 'D') ? P::Digit : (c == 's' || c == 'S') ? P::Space : P::Word;
    const bool negated = c == 'D' || c == 'S' || c == 'W';
    icu::UnicodeSet set =
        UnicodeTables::thaw(m_flags.u ? UnicodeTables::perlUnicode(kind) : UnicodeTables::perlAscii(kind));
    return finishSet(std::move(set), negated, start);
}

icu::UnicodeSet RustClassParser::finishSet(icu::UnicodeSet set, bool negated, int at)
{
    if (m_flags.i)
        m_flags.u ? UnicodeTables::closeOverSimpleCaseFolding(set) : UnicodeTables::closeOverAsciiCase(set);
    if (negated) {
        set.complement();
        if (!m_flags.u)
            fail(at, "pattern can match invalid UTF-8");
    }
    return set;
}

// --- bracketed classes -------------------------------------------------------------------

icu::UnicodeSet RustClassParser::applyOp(SetOp op, icu::UnicodeSet lhs, const icu::UnicodeSet &rhs)
{
    switch (op) {
    case SetOp::Intersection:
        lhs.retainAll(rhs);
        break;
    case SetOp::Difference:
        lhs.removeAll(rhs);
        break;
    case SetOp::Symmetric: {
        icu::UnicodeSet both(lhs);
        both.retainAll(rhs);
        lhs.addAll(rhs);
        lhs.removeAll(both);
        break;
    }
    case SetOp::None:
        break;
    }
    return lhs;
}

icu::UnicodeSet RustClassParser::parseBracketClass(int depth)
{
    const int start = pos();
    if (depth > RustRegexTranslator::NestLimit)
        fail(start, "exceed the maximum number of nested parentheses/brackets (250)");
    if (!bumpAndBumpSpace())
        fail(start, "unclosed character class");
    bool negated = false;
    if (cur() == '^') {
        negated = true;
        if (!bumpAndBumpSpace())
            fail(start, "unclosed character class");
    }
    icu::UnicodeSet current;
    bool haveItems = false;
    while (cur() == '-') {
        current.add('-');
        haveItems = true;
        if (!bumpAndBumpSpace())
            fail(start, "unclosed character class");
    }
    if (!haveItems && cur() == ']') {
        current.add(']');
        if (!bumpAndBumpSpace())
            fail(start, "unclosed character class");
    }
    std::optional<icu::UnicodeSet> lhs;
    SetOp op = SetOp::None;
    auto folded = [this](icu::UnicodeSet set) {
        if (m_flags.i)
            m_flags.u ? UnicodeTables::closeOverSimpleCaseFolding(set) : UnicodeTables::closeOverAsciiCase(set);
        return set;
    };
    for (;;) {
        const size_t before = m_i;
        bumpSpace();
        if (m_flags.x && m_i != before)
            note(posOf(before), "with (?x) Rust ignores whitespace inside [...]; PCRE and Boost.Regex keep it");
        if (eof())
            fail(start, "unclosed character class");
        const UChar32 c = cur();
        if (c == '[') {
            if (auto ascii = maybeAsciiClass()) {
                current.addAll(*ascii);
                continue;
            }
            note(pos(), "a '[' inside a class opens a nested class in Rust; PCRE and Boost.Regex read a "
                        "literal '['");
            current.addAll(parseBracketClass(depth + 1));
            continue;
        }
        if (c == ']') {
            bump();
            icu::UnicodeSet result = folded(current);
            if (lhs)
                result = applyOp(op, *lhs, result);
            if (negated) {
                result.complement();
                if (!m_flags.u && !result.isEmpty() && result.getRangeEnd(result.getRangeCount() - 1) > 0x7F)
                    fail(start, "pattern can match invalid UTF-8");
            }
            return result;
        }
        SetOp next = SetOp::None;
        const std::optional<UChar32> after = peek();
        if (c == '&' && after == UChar32('&'))
            next = SetOp::Intersection;
        else if (c == '-' && after == UChar32('-'))
            next = SetOp::Difference;
        else if (c == '~' && after == UChar32('~'))
            next = SetOp::Symmetric;
        if (next != SetOp::None) {
            note(pos(), "&&, -- and ~~ are set operations in Rust classes; PCRE and Boost.Regex read "
                        "them as literal characters");
            m_i += 2;
            icu::UnicodeSet operand = folded(current);
            lhs = lhs ? applyOp(op, *lhs, operand) : operand;
            op = next;
            current.clear();
            continue;
        }
        parseClassRange(current);
    }
}

std::optional<icu::UnicodeSet> RustClassParser::maybeAsciiClass()
{
    const size_t start = m_i;
    auto reset = [&] {
        m_i = start;
        return std::nullopt;
    };
    if (!bump() || cur() != ':')
        return reset();
    if (!bump())
        return reset();
    bool negated = false;
    if (cur() == '^') {
        negated = true;
        if (!bump())
            return reset();
    }
    QString name;
    while (cur() != ':') {
        name += QString::fromUcs4(reinterpret_cast<const char32_t *>(&m_chars[m_i]), 1);
        if (!bump())
            break;
    }
    if (eof())
        return reset();
    if (!bumpIf(":]"))
        return reset();
    std::optional<icu::UnicodeSet> set = UnicodeTables::posixClass(name); // a fresh, editable set
    if (!set)
        return reset();
    if (m_flags.i)
        m_flags.u ? UnicodeTables::closeOverSimpleCaseFolding(*set) : UnicodeTables::closeOverAsciiCase(*set);
    if (negated) {
        set->complement();
        if (!m_flags.u)
            fail(posOf(start), "pattern can match invalid UTF-8");
    }
    return set;
}

RustClassParser::Primitive RustClassParser::parseClassItem()
{
    if (cur() == '\\')
        return parseEscape();
    Primitive prim;
    prim.pos = pos();
    prim.ch = cur();
    bump();
    return prim;
}

void RustClassParser::checkAsciiLiteral(const Primitive &p)
{
    if (!m_flags.u && p.kind == Primitive::Kind::Literal && p.ch > 0x7F)
        fail(p.pos, "Unicode not allowed here");
}

void RustClassParser::parseClassRange(icu::UnicodeSet &into)
{
    const Primitive first = parseClassItem();
    bumpSpace();
    if (eof())
        fail(pos(), "unclosed character class");
    const std::optional<UChar32> next = peekSpace();
    if (cur() != '-' || next == UChar32(']') || next == UChar32('-')) {
        if (first.kind == Primitive::Kind::Assertion)
            fail(first.pos, "invalid escape sequence found in character class");
        checkAsciiLiteral(first);
        if (first.kind == Primitive::Kind::Class) {
            into.addAll(first.set);
        } else {
            into.add(first.ch);
            noteUnknownToIcu(first.ch, first.pos);
        }
        return;
    }
    if (!bumpAndBumpSpace())
        fail(pos(), "unclosed character class");
    const Primitive second = parseClassItem();
    if (first.kind != Primitive::Kind::Literal)
        fail(first.pos, "invalid range boundary, must be a literal");
    if (second.kind != Primitive::Kind::Literal)
        fail(second.pos, "invalid range boundary, must be a literal");
    if (first.ch > second.ch)
        fail(first.pos, "invalid character class range, the start must be <= the end");
    checkAsciiLiteral(first);
    checkAsciiLiteral(second);
    into.add(first.ch, second.ch);
}

} // namespace Dsn::Rules::Detail
