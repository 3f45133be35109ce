// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "rules/detail/RustRegexParser.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <unicode/uchar.h>

#include <QCoreApplication>
#include <QRegularExpression>

#include "rules/detail/UnicodeTables.h"

namespace Dsn::Rules::Detail {

namespace {

using Node = RegexNode;
using Assertion = RegexNode::Assertion;

struct Flags
{
    bool i = false;
    bool m = false;
    bool s = false;
    bool U = false;
    bool u = true;
    bool x = false;
    bool R = false;
};

// A primitive as parse_escape returns it: a literal, a class or an assertion.
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

bool isRustWhitespace(UChar32 c)
{
    return u_hasBinaryProperty(c, UCHAR_WHITE_SPACE);
}

bool isRustAlphanumeric(UChar32 c)
{
    return u_hasBinaryProperty(c, UCHAR_ALPHABETIC) || (U_GET_GC_MASK(c) & U_GC_N_MASK) != 0;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("RustRegexTranslator", text);
}

class ParserState
{
public:
    explicit ParserState(const QString &pattern)
    {
        for (qsizetype i = 0; i < pattern.size();) {
            m_offsets.push_back(int(i));
            char32_t c = pattern.at(i).unicode();
            if (QChar::isHighSurrogate(c) && i + 1 < pattern.size() && pattern.at(i + 1).isLowSurrogate()) {
                c = QChar::surrogateToUcs4(pattern.at(i), pattern.at(i + 1));
                i += 2;
            } else {
                ++i;
            }
            m_chars.push_back(UChar32(c));
        }
        m_offsets.push_back(int(pattern.size()));
    }

    Node parse()
    {
        Node root = parseSequence(-1);
        return root;
    }

    QStringList captureNames() const { return m_captureNames; }
    QList<RustRegexTranslator::Finding> findings() const { return m_findings; }

private:
    // --- cursor ------------------------------------------------------------------------------
    bool eof() const { return m_i >= m_chars.size(); }
    UChar32 cur() const { return m_chars[m_i]; }
    int pos() const { return m_offsets[m_i]; }
    int posOf(size_t index) const { return m_offsets[index]; }

    bool bump()
    {
        if (eof())
            return false;
        ++m_i;
        return !eof();
    }

    void bumpSpace()
    {
        if (!m_flags.x)
            return;
        while (!eof()) {
            if (isRustWhitespace(cur())) {
                bump();
            } else if (cur() == '#') {
                while (!eof()) {
                    const UChar32 c = cur();
                    bump();
                    if (c == '\n')
                        break;
                }
            } else {
                break;
            }
        }
    }

    bool bumpAndBumpSpace()
    {
        if (!bump())
            return false;
        bumpSpace();
        return !eof();
    }

    std::optional<UChar32> peek() const
    {
        if (m_i + 1 >= m_chars.size())
            return std::nullopt;
        return m_chars[m_i + 1];
    }

    std::optional<UChar32> peekSpace() const
    {
        if (!m_flags.x)
            return peek();
        bool inComment = false;
        for (size_t j = m_i + 1; j < m_chars.size(); ++j) {
            const UChar32 c = m_chars[j];
            if (isRustWhitespace(c))
                continue;
            if (!inComment && c == '#')
                inComment = true;
            else if (inComment && c == '\n')
                inComment = false;
            else if (!inComment)
                return c;
        }
        return std::nullopt;
    }

    bool startsWith(const char *ascii) const
    {
        size_t j = m_i;
        for (const char *p = ascii; *p; ++p, ++j) {
            if (j >= m_chars.size() || m_chars[j] != UChar32(*p))
                return false;
        }
        return true;
    }

    bool bumpIf(const char *ascii)
    {
        if (!startsWith(ascii))
            return false;
        m_i += std::char_traits<char>::length(ascii);
        return true;
    }

    [[noreturn]] static void fail(int at, const char *rustMessage)
    {
        throw RustRegexParser::Failure{at, QString::fromLatin1(rustMessage)};
    }

    void note(int at, const char *text)
    {
        m_findings.append({RustRegexTranslator::Finding::Kind::ReadsDifferently, at, tr(text)});
    }

    // Our case folding is ICU's; a code point newer than ICU's Unicode may have case variants
    // that KumoMTA's regex (with newer Unicode tables) matches under (?i) and we cannot. Unicode
    // 17 also gave three pairs of existing characters a simple folding.
    void noteUnknownToIcu(UChar32 c, int at)
    {
        if (!m_flags.i || !m_flags.u)
            return;
        auto hex = [](UChar32 x) { return QString::number(uint(x), 16).toUpper().rightJustified(4, u'0'); };
        const QString icuVersion = QLatin1String(U_UNICODE_VERSION);
        if (u_charType(c) == U_UNASSIGNED) {
            m_findings.append({RustRegexTranslator::Finding::Kind::ReadsDifferently, at,
                               QCoreApplication::translate("RustRegexTranslator",
                                                           "U+%1 is unassigned in Unicode %2, which the workbench "
                                                           "uses; KumoMTA's regex may know case variants of it that "
                                                           "(?i) matches, so results here can differ")
                                   .arg(hex(c), icuVersion)});
            return;
        }
        static constexpr std::pair<UChar32, UChar32> kUnicode17Folds[] = {
            {0x1FD3, 0x0390}, {0x1FE3, 0x03B0}, {0xFB05, 0xFB06}};
        UVersionInfo version;
        u_getUnicodeVersion(version);
        if (version[0] >= 17)
            return;
        for (const auto &[a, b] : kUnicode17Folds) {
            if (c != a && c != b)
                continue;
            m_findings.append({RustRegexTranslator::Finding::Kind::ReadsDifferently, at,
                               QCoreApplication::translate("RustRegexTranslator",
                                                           "Unicode 17 folds U+%1 and U+%2 together, Unicode %3 "
                                                           "(which the workbench uses) does not; under (?i) "
                                                           "KumoMTA's regex may match both, so results here can "
                                                           "differ")
                                   .arg(hex(a), hex(b), icuVersion)});
        }
    }

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

    // --- escapes -----------------------------------------------------------------------------
    Primitive parseEscape()
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

    std::optional<Assertion> maybeSpecialWordBoundary(int wbStart)
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

    UChar32 parseHex(UChar32 kind)
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

    icu::UnicodeSet parseUnicodeClass(int start)
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

    icu::UnicodeSet perlClass(UChar32 c, int start)
    {
        using P = UnicodeTables::Perl;
        const P kind = (c == 'd' || c == 'D') ? P::Digit : (c == 's' || c == 'S') ? P::Space : P::Word;
        const bool negated = c == 'D' || c == 'S' || c == 'W';
        icu::UnicodeSet set =
            UnicodeTables::thaw(m_flags.u ? UnicodeTables::perlUnicode(kind) : UnicodeTables::perlAscii(kind));
        return finishSet(std::move(set), negated, start);
    }

    // Rust folds a class's items first and negates afterwards. `set` must not be frozen.
    icu::UnicodeSet finishSet(icu::UnicodeSet set, bool negated, int at)
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
    enum class SetOp
    {
        None,
        Intersection,
        Difference,
        Symmetric
    };

    static icu::UnicodeSet applyOp(SetOp op, icu::UnicodeSet lhs, const icu::UnicodeSet &rhs)
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

    icu::UnicodeSet parseBracketClass(int depth)
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

    std::optional<icu::UnicodeSet> maybeAsciiClass()
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

    Primitive parseClassItem()
    {
        if (cur() == '\\')
            return parseEscape();
        Primitive prim;
        prim.pos = pos();
        prim.ch = cur();
        bump();
        return prim;
    }

    void checkAsciiLiteral(const Primitive &p)
    {
        if (!m_flags.u && p.kind == Primitive::Kind::Literal && p.ch > 0x7F)
            fail(p.pos, "Unicode not allowed here");
    }

    void parseClassRange(icu::UnicodeSet &into)
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

    std::vector<UChar32> m_chars;
    std::vector<int> m_offsets;
    size_t m_i = 0;
    Flags m_flags;
    QStringList m_captureNames{QString()};
    QList<RustRegexTranslator::Finding> m_findings;
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
