// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "rules/detail/RustRegexParser.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

#include <unicode/uchar.h>

#include <QCoreApplication>
#include <QRegularExpression>

#include "rules/detail/RustClassParser.h"
#include "rules/detail/UnicodeTables.h"

namespace Dsn::Rules::Detail {

namespace {

using Node = RegexNode;
using Assertion = RegexNode::Assertion;

bool isRustAlphanumeric(UChar32 c)
{
    return u_hasBinaryProperty(c, UCHAR_ALPHABETIC) || (U_GET_GC_MASK(c) & U_GC_N_MASK) != 0;
}

class ParserState : public RustClassParser
{
public:
    using RustClassParser::RustClassParser;

    Node parse()
    {
        Node root = parseSequence(-1);
        return root;
    }

    QStringList captureNames() const { return m_captureNames; }

private:
    // --- structure ---------------------------------------------------------------------------
    // Parses alternatives until ')' (left for the caller) or the end. `openPos` is the group's
    // '(' or -1 at the top level.
    Node parseSequence(int openPos)
    {
        std::vector<Node> branches;
        Node concat;
        concat.kind = Node::Kind::Concat;
        concat.pos = pos();
        for (;;) {
            bumpSpace();
            if (eof()) {
                if (openPos >= 0)
                    fail(openPos, "unclosed group");
                break;
            }
            const UChar32 c = cur();
            if (c == ')') {
                if (openPos < 0)
                    fail(pos(), "unopened group");
                break;
            }
            switch (c) {
            case '|':
                branches.push_back(std::move(concat));
                bump();
                concat = Node{};
                concat.kind = Node::Kind::Concat;
                concat.pos = pos();
                break;
            case '(':
                parseGroup(concat);
                break;
            case '[': {
                Node cls;
                cls.kind = Node::Kind::Class;
                cls.pos = pos();
                cls.set = parseBracketClass(1);
                concat.children.push_back(std::move(cls));
                break;
            }
            case '?':
            case '*':
            case '+':
                parseUncountedRepetition(concat);
                break;
            case '{':
                parseCountedRepetition(concat);
                break;
            default:
                concat.children.push_back(parsePrimitiveNode());
                break;
            }
        }
        if (branches.empty())
            return concat;
        branches.push_back(std::move(concat));
        Node alt;
        alt.kind = Node::Kind::Alternation;
        alt.pos = branches.front().pos;
        alt.children = std::move(branches);
        return alt;
    }

    Node popRepeatable(Node &concat)
    {
        if (concat.children.empty() || concat.children.back().kind == Node::Kind::Empty ||
            concat.children.back().kind == Node::Kind::Flags)
            fail(pos(), "repetition operator missing expression");
        Node child = std::move(concat.children.back());
        concat.children.pop_back();
        return child;
    }

    void pushRepetition(Node &concat, Node child, uint32_t min, uint32_t max, bool unbounded, bool lazy)
    {
        Node rep;
        rep.kind = Node::Kind::Repetition;
        rep.pos = child.pos;
        rep.min = min;
        rep.max = max;
        rep.unbounded = unbounded;
        rep.greedy = (lazy == m_flags.U);
        rep.children.push_back(std::move(child));
        concat.children.push_back(std::move(rep));
    }

    void parseUncountedRepetition(Node &concat)
    {
        const UChar32 op = cur();
        const int opPos = pos();
        Node child = popRepeatable(concat);
        if (op == '+' && child.kind == Node::Kind::Repetition)
            note(opPos, "a '+' after a quantifier is possessive in PCRE and Boost.Regex; Rust (KumoMTA) "
                        "reads it as a repetition of the repetition");
        bool lazy = false;
        if (bump() && cur() == '?') {
            lazy = true;
            bump();
        }
        switch (op) {
        case '?':
            pushRepetition(concat, std::move(child), 0, 1, false, lazy);
            break;
        case '*':
            pushRepetition(concat, std::move(child), 0, 0, true, lazy);
            break;
        default:
            pushRepetition(concat, std::move(child), 1, 0, true, lazy);
            break;
        }
    }

    // regex-syntax's parse_decimal: surrounding whitespace is skipped even without (?x).
    std::optional<uint32_t> parseDecimal(int *digitsPos)
    {
        while (!eof() && isRustWhitespace(cur()))
            bump();
        *digitsPos = pos();
        QString digits;
        while (!eof() && cur() >= '0' && cur() <= '9') {
            digits += QChar(char16_t(cur()));
            bumpAndBumpSpace();
        }
        while (!eof() && isRustWhitespace(cur()))
            bumpAndBumpSpace();
        if (digits.isEmpty())
            return std::nullopt;
        bool ok = false;
        const qulonglong value = digits.toULongLong(&ok);
        if (!ok || value > std::numeric_limits<uint32_t>::max())
            fail(*digitsPos, "decimal literal invalid");
        return uint32_t(value);
    }

    void parseCountedRepetition(Node &concat)
    {
        const int start = pos();
        Node child = popRepeatable(concat);
        if (!bumpAndBumpSpace())
            fail(start, "unclosed counted repetition");
        int digitsPos = 0;
        const std::optional<uint32_t> first = parseDecimal(&digitsPos);
        if (eof())
            fail(start, "unclosed counted repetition");
        uint32_t min = 0;
        uint32_t max = 0;
        bool unbounded = false;
        if (cur() == ',') {
            if (!bumpAndBumpSpace())
                fail(start, "unclosed counted repetition");
            if (cur() != '}') {
                if (!first)
                    fail(digitsPos, "repetition quantifier expects a valid decimal");
                int secondPos = 0;
                const std::optional<uint32_t> second = parseDecimal(&secondPos);
                if (!second)
                    fail(secondPos, "repetition quantifier expects a valid decimal");
                min = *first;
                max = *second;
            } else {
                if (!first)
                    fail(digitsPos, "repetition quantifier expects a valid decimal");
                min = *first;
                unbounded = true;
            }
        } else {
            if (!first)
                fail(digitsPos, "repetition quantifier expects a valid decimal");
            min = max = *first;
        }
        if (eof() || cur() != '}')
            fail(start, "unclosed counted repetition");
        bool lazy = false;
        if (bumpAndBumpSpace() && cur() == '?') {
            lazy = true;
            bump();
        }
        if (!unbounded && min > max)
            fail(start, "invalid repetition count range, the start must be <= the end");
        pushRepetition(concat, std::move(child), min, max, unbounded, lazy);
    }

    void parseGroup(Node &concat)
    {
        const int openPos = pos();
        bump();
        bumpSpace();
        if (startsWith("?=") || startsWith("?!") || startsWith("?<=") || startsWith("?<!"))
            fail(openPos, "look-around, including look-ahead and look-behind, is not supported");
        const int innerPos = eof() ? pos() : pos();
        const Flags saved = m_flags;
        Node group;
        group.kind = Node::Kind::Group;
        group.pos = openPos;
        if (bumpIf("?P<") || bumpIf("?<")) {
            group.captureIndex = int(m_captureNames.size());
            m_captureNames.append(QString());
            m_captureNames.last() = parseCaptureName();
            static const QRegularExpression s_boostName(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
            if (s_boostName.match(m_captureNames.last()).hasMatch())
                group.name = m_captureNames.last();
        } else if (bumpIf("?")) {
            if (eof())
                fail(openPos, "unclosed group");
            const bool onlyR = startsWith("R)");
            Flags scoped = m_flags;
            const int count = parseFlags(scoped);
            const UChar32 end = cur();
            bump();
            if (end == ')') {
                if (count == 0)
                    fail(innerPos, "repetition operator missing expression");
                if (onlyR)
                    note(openPos, "(?R) recurses into the whole pattern in PCRE and Boost.Regex; Rust "
                                  "(KumoMTA) reads it as the CRLF-mode flag");
                // A bare flag group changes the flags until the end of the enclosing group.
                m_flags = scoped;
                Node marker;
                marker.kind = Node::Kind::Flags;
                marker.pos = openPos;
                concat.children.push_back(std::move(marker));
                return;
            }
            m_flags = scoped;
        } else {
            group.captureIndex = int(m_captureNames.size());
            m_captureNames.append(QString());
        }
        group.children.push_back(parseSequence(openPos));
        bump(); // the ')'
        m_flags = saved;
        concat.children.push_back(std::move(group));
    }

    QString parseCaptureName()
    {
        if (eof())
            fail(pos(), "unclosed capture group name");
        const size_t start = m_i;
        for (;;) {
            if (cur() == '>')
                break;
            const UChar32 c = cur();
            const bool ok = (m_i == start) ? (c == '_' || u_hasBinaryProperty(c, UCHAR_ALPHABETIC))
                                           : (c == '_' || c == '.' || c == '[' || c == ']' || isRustAlphanumeric(c));
            if (!ok)
                fail(pos(), "invalid capture group character");
            if (!bump())
                break;
        }
        if (eof())
            fail(pos(), "unclosed capture group name");
        const size_t end = m_i;
        bump();
        if (end == start)
            fail(posOf(start), "empty capture group name");
        QString name;
        for (size_t j = start; j < end; ++j)
            name += QString::fromUcs4(reinterpret_cast<const char32_t *>(&m_chars[j]), 1);
        if (m_captureNames.contains(name))
            fail(posOf(start), "duplicate capture group name");
        return name;
    }

    // Returns the number of flag items (negation included); leaves the cursor on ':' or ')'.
    int parseFlags(Flags &flags)
    {
        int items = 0;
        bool negate = false;
        int negationPos = -1;
        int lastNegation = -1;
        QString seen;
        while (cur() != ':' && cur() != ')') {
            if (cur() == '-') {
                if (negationPos >= 0)
                    fail(pos(), "flag negation operator repeated");
                negationPos = lastNegation = pos();
                negate = true;
            } else {
                lastNegation = -1;
                const UChar32 c = cur();
                bool *flag = nullptr;
                switch (c) {
                case 'i':
                    flag = &flags.i;
                    break;
                case 'm':
                    flag = &flags.m;
                    break;
                case 's':
                    flag = &flags.s;
                    break;
                case 'U':
                    flag = &flags.U;
                    break;
                case 'u':
                    flag = &flags.u;
                    break;
                case 'x':
                    flag = &flags.x;
                    break;
                case 'R':
                    flag = &flags.R;
                    break;
                default:
                    fail(pos(), "unrecognized flag");
                }
                if (seen.contains(QChar(char16_t(c))))
                    fail(pos(), "duplicate flag");
                seen += QChar(char16_t(c));
                *flag = !negate;
            }
            ++items;
            if (!bump())
                fail(pos(), "expected flag but got end of regex");
        }
        if (lastNegation >= 0)
            fail(lastNegation, "dangling flag negation operator");
        return items;
    }

    Node parsePrimitiveNode()
    {
        const int at = pos();
        const UChar32 c = cur();
        Node node;
        node.pos = at;
        if (c == '\\') {
            Primitive prim = parseEscape();
            return fromPrimitive(std::move(prim));
        }
        bump();
        if (c == '.') {
            node.kind = Node::Kind::Class;
            node.set = dotSet(at);
            return node;
        }
        if (c == '^' || c == '$') {
            node.kind = Node::Kind::Assertion;
            const bool start = c == '^';
            if (!m_flags.m)
                node.assertion = start ? Assertion::TextStart : Assertion::TextEnd;
            else if (m_flags.R)
                node.assertion = start ? Assertion::LineStartCrlf : Assertion::LineEndCrlf;
            else
                node.assertion = start ? Assertion::LineStart : Assertion::LineEnd;
            return node;
        }
        return literalNode(c, at);
    }

    Node fromPrimitive(Primitive prim)
    {
        if (prim.kind == Primitive::Kind::Literal)
            return literalNode(prim.ch, prim.pos);
        Node node;
        node.pos = prim.pos;
        if (prim.kind == Primitive::Kind::Class) {
            node.kind = Node::Kind::Class;
            node.set = std::move(prim.set);
        } else {
            node.kind = Node::Kind::Assertion;
            node.assertion = prim.assertion;
            node.asciiWord = !m_flags.u;
        }
        return node;
    }

    Node literalNode(UChar32 c, int at)
    {
        Node node;
        node.pos = at;
        if (m_flags.i && !m_flags.u) {
            // (?i-u) folds ASCII letters only, which Boost's (?i) would not do: use a class.
            icu::UnicodeSet set(c, c);
            UnicodeTables::closeOverAsciiCase(set);
            if (set.size() > 1) {
                node.kind = Node::Kind::Class;
                node.set = set;
                return node;
            }
        }
        node.kind = Node::Kind::Literal;
        node.ch = c;
        node.foldCase = m_flags.i && m_flags.u && UnicodeTables::hasCaseVariants(c);
        noteUnknownToIcu(c, at);
        return node;
    }

    icu::UnicodeSet dotSet(int at)
    {
        icu::UnicodeSet set(0, 0x10FFFF);
        if (!m_flags.s) {
            set.remove('\n');
            if (m_flags.R)
                set.remove('\r');
        }
        if (!m_flags.u)
            fail(at, "pattern can match invalid UTF-8");
        return set;
    }

    QStringList m_captureNames{QString()};
};

} // namespace

RustRegexParser::Output RustRegexParser::parse(const QString &pattern)
{
    ParserState state(pattern);
    Output out;
    out.root = state.parse();
    out.captureNames = state.captureNames();
    out.findings = state.findings();
    return out;
}

} // namespace Dsn::Rules::Detail
