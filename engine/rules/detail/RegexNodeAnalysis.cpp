// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "rules/detail/RegexNodeAnalysis.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

#include <unicode/uchar.h>
#include <unicode/uniset.h>

#include <QList>
#include <QString>
#include <QStringList>

#include "rules/RustRegexTranslator.h"
#include "rules/detail/RustRegexParser.h"
#include "rules/detail/UnicodeTables.h"

namespace Dsn::Rules::Detail {

namespace {

using Node = RegexNode;

// ---------------------------------------------------------------------------------------------
// Limits regex-syntax and the regex crate enforce after parsing.

// regex-syntax's NestLimiter counts groups, repetitions, alternations, concatenations and
// bracketed classes on the way down.
void nestingAt(const Node &n, int depth)
{
    int next = depth;
    switch (n.kind) {
    case Node::Kind::Repetition:
    case Node::Kind::Group:
    case Node::Kind::Alternation:
        next = depth + 1;
        break;
    case Node::Kind::Concat:
        next = n.children.size() > 1 ? depth + 1 : depth;
        break;
    default:
        break;
    }
    if (next > RustRegexTranslator::NestLimit)
        throw RustRegexParser::Failure{
            n.pos, QStringLiteral("exceed the maximum number of nested parentheses/brackets (250)")};
    for (const Node &child : n.children)
        nestingAt(child, next);
}

/*
 * A rough model of the size of Rust's compiled NFA: a few dozen bytes per literal state and per
 * range a class needs once encoded as UTF-8, multiplied out by counted repetitions. It exists to
 * catch the patterns Rust refuses outright ("\w{1000}{1000}"), not to predict borderline cases.
 */
double sizeOf(const Node &n)
{
    switch (n.kind) {
    case Node::Kind::Empty:
    case Node::Kind::Flags:
        return 0;
    case Node::Kind::Literal:
        return n.foldCase ? 48 : 24;
    case Node::Kind::Assertion:
        return 24;
    case Node::Kind::Class: {
        const int32_t ranges = n.set.getRangeCount();
        const bool ascii = !n.set.isEmpty() && n.set.getRangeEnd(ranges - 1) < 0x80;
        return ascii ? 24 + 8.0 * ranges : 24 + 60.0 * ranges;
    }
    case Node::Kind::Repetition: {
        const double child = sizeOf(n.children.front());
        const double copies = n.unbounded ? std::max<double>(n.min, 1) + 1 : std::max<double>(n.max, 1);
        return 24 + child * copies;
    }
    case Node::Kind::Group:
    case Node::Kind::Concat:
    case Node::Kind::Alternation: {
        double total = n.kind == Node::Kind::Group ? 48 : 0;
        for (const Node &child : n.children)
            total += sizeOf(child) + (n.kind == Node::Kind::Alternation ? 24 : 0);
        return total;
    }
    }
    return 0;
}

// ---------------------------------------------------------------------------------------------
// Required literals: maximal runs of literals every match must contain.

struct LiteralRuns
{
    QStringList exact;
    QStringList folded;
};

QString ucs4(UChar32 c)
{
    const char32_t ch = char32_t(c);
    return QString::fromUcs4(&ch, 1);
}

void collectRuns(const Node &n, LiteralRuns &runs)
{
    switch (n.kind) {
    case Node::Kind::Literal:
        (n.foldCase ? runs.folded : runs.exact).append(ucs4(n.ch));
        return;
    case Node::Kind::Group:
        collectRuns(n.children.front(), runs);
        return;
    case Node::Kind::Repetition:
        if (n.min > 0)
            collectRuns(n.children.front(), runs);
        return;
    case Node::Kind::Concat: {
        QString run;
        bool runFolded = false;
        auto flush = [&] {
            if (!run.isEmpty())
                (runFolded ? runs.folded : runs.exact).append(run);
            run.clear();
        };
        for (const Node &child : n.children) {
            if (child.kind == Node::Kind::Flags)
                continue;
            if (child.kind == Node::Kind::Literal) {
                // An exact character inside a case-insensitive run only weakens the run (a
                // folded search finds it too), which keeps it usable as a filter.
                runFolded = runFolded || child.foldCase;
                run += ucs4(child.ch);
                continue;
            }
            flush();
            collectRuns(child, runs);
        }
        flush();
        return;
    }
    default:
        return;
    }
}

bool pureLiteralNode(const Node &n)
{
    if (n.kind == Node::Kind::Literal)
        return true;
    if (n.kind != Node::Kind::Concat || n.children.empty())
        return false;
    bool any = false;
    for (const Node &child : n.children) {
        if (child.kind == Node::Kind::Flags)
            continue;
        if (child.kind != Node::Kind::Literal)
            return false;
        any = true;
    }
    return any;
}

// ---------------------------------------------------------------------------------------------
// Literal sets for the prefilter (FilteredRE2's idea on our tree).

// Bounds keep the analysis linear-ish: past them a node stops being "exactly these strings"
// and only contributes what every match must contain.
constexpr qsizetype kMaxStrings = 16;     // alternatives one node may enumerate
constexpr qsizetype kMaxClassMembers = 8; // folded members of a class worth enumerating
constexpr qsizetype kMaxSetStrings = 32;  // strings an alternation's OR-set may collect

using LiteralString = RustRegexTranslator::LiteralString;
using LiteralSet = RustRegexTranslator::LiteralSet;

struct SetInfo
{
    bool exact = false; ///< the node matches exactly one of `strings`
    LiteralSet strings; ///< when exact
    QList<LiteralSet> required;
};

bool hasEmpty(const LiteralSet &set)
{
    return std::any_of(set.begin(), set.end(), [](const LiteralString &s) { return s.text.isEmpty(); });
}

/// Sorted, each string once: equal sets then compare equal.
void normalize(LiteralSet &set)
{
    auto key = [](const LiteralString &s) { return std::make_pair(s.text, s.foldCase); };
    std::sort(set.begin(), set.end(), [&key](const auto &a, const auto &b) { return key(a) < key(b); });
    set.erase(std::unique(set.begin(), set.end()), set.end());
}

/// `a` then `b`; one case-insensitive part makes the whole string compare case-insensitively.
LiteralString joined(const LiteralString &a, const LiteralString &b)
{
    if (!a.foldCase && !b.foldCase)
        return {a.text + b.text, false};
    return {UnicodeTables::simpleFold(a.text) + UnicodeTables::simpleFold(b.text), true};
}

LiteralSet product(const LiteralSet &run, const LiteralSet &next)
{
    LiteralSet out;
    out.reserve(run.size() * next.size());
    for (const LiteralString &a : run) {
        for (const LiteralString &b : next)
            out.append(joined(a, b));
    }
    normalize(out);
    return out;
}

LiteralSet emptyString()
{
    return {LiteralString{}};
}

void addRequired(QList<LiteralSet> &required, LiteralSet set)
{
    // A set holding the empty string is met by every subject.
    if (set.isEmpty() || hasEmpty(set))
        return;
    normalize(set);
    required.append(std::move(set));
}

SetInfo exactInfo(LiteralSet strings)
{
    SetInfo info;
    info.exact = true;
    normalize(strings);
    info.strings = std::move(strings);
    return info;
}

/// A set's worth for picking one per alternative: its weakest string decides, fewer is better.
qsizetype setStrength(const LiteralSet &set)
{
    qsizetype shortest = std::numeric_limits<qsizetype>::max();
    for (const LiteralString &s : set)
        shortest = std::min(shortest, s.text.size());
    return shortest * 64 - set.size();
}

SetInfo setInfo(const Node &n);

SetInfo concatInfo(const std::vector<Node> &children)
{
    SetInfo info;
    LiteralSet run = emptyString();
    bool allExact = true;
    for (const Node &child : children) {
        SetInfo c = setInfo(child);
        if (!c.exact) {
            // Sets stay in pattern order, which breaks ties between equally good ones.
            allExact = false;
            addRequired(info.required, run);
            run = emptyString();
            info.required.append(c.required);
            continue;
        }
        if (run.size() * c.strings.size() > kMaxStrings) {
            // Too many combinations: keep what we have as a requirement and start afresh.
            allExact = false;
            addRequired(info.required, run);
            run = c.strings;
            continue;
        }
        run = product(run, c.strings);
    }
    if (allExact) {
        info.exact = true;
        info.strings = run;
    } else {
        addRequired(info.required, run);
    }
    return info;
}

SetInfo alternationInfo(const std::vector<Node> &children)
{
    std::vector<SetInfo> alternatives;
    alternatives.reserve(children.size());
    bool allExact = true;
    qsizetype total = 0;
    for (const Node &child : children) {
        alternatives.push_back(setInfo(child));
        allExact = allExact && alternatives.back().exact;
        total += alternatives.back().strings.size();
    }
    if (allExact && total <= kMaxStrings) {
        LiteralSet strings;
        for (const SetInfo &a : alternatives)
            strings.append(a.strings);
        return exactInfo(std::move(strings));
    }
    // One OR-set: each alternative contributes its best set; one without any spoils it.
    SetInfo info;
    LiteralSet set;
    for (const SetInfo &a : alternatives) {
        const LiteralSet *best = nullptr;
        if (a.exact && !hasEmpty(a.strings))
            best = &a.strings;
        for (const LiteralSet &r : a.required) {
            if (!best || setStrength(r) > setStrength(*best))
                best = &r;
        }
        if (!best)
            return info;
        set.append(*best);
    }
    normalize(set);
    if (set.size() <= kMaxSetStrings)
        addRequired(info.required, set);
    return info;
}

SetInfo classInfo(const icu::UnicodeSet &set)
{
    if (set.isEmpty() || set.size() > kMaxClassMembers * 4)
        return {};
    LiteralSet members;
    for (int32_t r = 0; r < set.getRangeCount(); ++r) {
        for (UChar32 c = set.getRangeStart(r); c <= set.getRangeEnd(r); ++c) {
            // A member whose whole case orbit is in the class reads as one case-insensitive
            // character ([Uu] is "u" folded); otherwise it stays exact.
            icu::UnicodeSet orbit(c, c);
            UnicodeTables::closeOverSimpleCaseFolding(orbit);
            if (orbit.size() > 1 && set.containsAll(orbit))
                members.append({UnicodeTables::simpleFold(ucs4(c)), true});
            else
                members.append({ucs4(c), false});
        }
    }
    normalize(members);
    if (members.size() > kMaxClassMembers)
        return {};
    return exactInfo(std::move(members));
}

SetInfo setInfo(const Node &n)
{
    switch (n.kind) {
    case Node::Kind::Empty:
    case Node::Kind::Flags:
    case Node::Kind::Assertion:
        return exactInfo(emptyString());
    case Node::Kind::Literal:
        if (n.foldCase)
            return exactInfo({{UnicodeTables::simpleFold(ucs4(n.ch)), true}});
        return exactInfo({{ucs4(n.ch), false}});
    case Node::Kind::Class:
        return classInfo(n.set);
    case Node::Kind::Group:
        return setInfo(n.children.front());
    case Node::Kind::Repetition: {
        SetInfo child = setInfo(n.children.front());
        if (n.min == 0) {
            // x? is "nothing or x"; x* and x{0,n} enumerate too much to be worth it.
            if (!n.unbounded && n.max == 1 && child.exact) {
                child.strings.append(LiteralString{});
                return exactInfo(std::move(child.strings));
            }
            return {};
        }
        if (n.min == 1 && !n.unbounded && n.max == 1)
            return child;
        SetInfo info;
        info.required = std::move(child.required);
        if (child.exact)
            addRequired(info.required, child.strings);
        return info;
    }
    case Node::Kind::Concat:
        return concatInfo(n.children);
    case Node::Kind::Alternation:
        return alternationInfo(n.children);
    }
    return {};
}

constexpr int kUnbounded = std::numeric_limits<int>::max();

/// The most UTF-16 units one match of `n` can span, or kUnbounded.
int maxUnits(const Node &n)
{
    switch (n.kind) {
    case Node::Kind::Empty:
    case Node::Kind::Flags:
    case Node::Kind::Assertion:
        return 0;
    case Node::Kind::Literal:
        return n.ch > 0xFFFF ? 2 : 1;
    case Node::Kind::Class:
        return n.set.isEmpty() || n.set.getRangeEnd(n.set.getRangeCount() - 1) <= 0xFFFF ? 1 : 2;
    case Node::Kind::Group:
        return maxUnits(n.children.front());
    case Node::Kind::Repetition: {
        const int child = maxUnits(n.children.front());
        if (child == 0)
            return 0;
        if (n.unbounded || child == kUnbounded || n.max > uint32_t(kUnbounded / child))
            return kUnbounded;
        return child * int(n.max);
    }
    case Node::Kind::Concat:
    case Node::Kind::Alternation: {
        int total = 0;
        for (const Node &child : n.children) {
            const int units = maxUnits(child);
            if (units == kUnbounded || (n.kind == Node::Kind::Concat && total > kUnbounded - units))
                return kUnbounded;
            total = n.kind == Node::Kind::Concat ? total + units : std::max(total, units);
        }
        return total;
    }
    }
    return kUnbounded;
}

} // namespace

void RegexNodeAnalysis::checkNesting(const RegexNode &root)
{
    nestingAt(root, 0);
}

double RegexNodeAnalysis::estimatedSize(const RegexNode &root)
{
    return sizeOf(root);
}

RegexNodeAnalysis::Literals RegexNodeAnalysis::requiredLiterals(const RegexNode &root)
{
    LiteralRuns runs;
    collectRuns(root, runs);
    return {runs.exact, runs.folded};
}

bool RegexNodeAnalysis::isPureLiteral(const RegexNode &root)
{
    return pureLiteralNode(root);
}


QList<RustRegexTranslator::LiteralSet> RegexNodeAnalysis::literalSets(const RegexNode &root)
{
    SetInfo info = setInfo(root);
    if (info.exact)
        addRequired(info.required, info.strings);
    // Duplicated sets (a literal run both inside and outside a group) would only be checked twice.
    QList<LiteralSet> unique;
    for (LiteralSet &set : info.required) {
        if (!unique.contains(set))
            unique.append(std::move(set));
    }
    return unique;
}

QList<RustRegexTranslator::AnchoredLiterals> RegexNodeAnalysis::anchoredLiteralSets(const RegexNode &root)
{
    QList<RustRegexTranslator::AnchoredLiterals> out;
    std::vector<const Node *> children;
    if (root.kind == Node::Kind::Concat) {
        for (const Node &child : root.children)
            children.push_back(&child);
    } else {
        children.push_back(&root);
    }
    auto first = std::find_if(children.begin(), children.end(),
                              [](const Node *n) { return n->kind != Node::Kind::Flags; });
    if (first == children.end() || (*first)->kind != Node::Kind::Assertion
        || (*first)->assertion != Node::Assertion::TextStart)
        return out;
    int offset = 0; // the furthest the text read so far can reach
    LiteralSet run = emptyString();
    auto flush = [&] {
        if (!hasEmpty(run)) {
            normalize(run);
            out.append({run, offset});
        }
        run = emptyString();
    };
    for (auto it = first + 1; it != children.end(); ++it) {
        const int units = maxUnits(**it);
        if (units == kUnbounded || offset > kUnbounded - units)
            break; // what follows may start anywhere
        SetInfo c = setInfo(**it);
        if (c.exact && run.size() * c.strings.size() <= kMaxStrings) {
            run = product(run, c.strings);
        } else {
            flush();
            if (c.exact)
                run = std::move(c.strings);
        }
        offset += units;
    }
    flush();
    return out;
}

RustRegexTranslator::LiteralSet RegexNodeAnalysis::exactLiterals(const RegexNode &root)
{
    // setInfo() treats anchors as empty and joins a case-sensitive part with a folded one into
    // a folded string: both only ever widen a set, so such patterns are left to the regex.
    bool anyFolded = false;
    bool anyExact = false;
    auto literalOnly = [&](auto &&self, const Node &n) -> bool {
        switch (n.kind) {
        case Node::Kind::Empty:
        case Node::Kind::Flags:
            return true;
        case Node::Kind::Literal:
            // A character without case variants reads the same either way.
            if (n.foldCase)
                anyFolded = true;
            else if (UnicodeTables::hasCaseVariants(n.ch))
                anyExact = true;
            return true;
        case Node::Kind::Repetition:
            if (n.unbounded || n.max != 1)
                return false;
            [[fallthrough]];
        case Node::Kind::Group:
        case Node::Kind::Concat:
        case Node::Kind::Alternation:
            return std::all_of(n.children.begin(), n.children.end(),
                               [&](const Node &child) { return self(self, child); });
        case Node::Kind::Class:
        case Node::Kind::Assertion:
            return false;
        }
        return false;
    };
    if (!literalOnly(literalOnly, root) || (anyFolded && anyExact))
        return {};
    SetInfo info = setInfo(root);
    if (!info.exact || info.strings.isEmpty() || hasEmpty(info.strings))
        return {};
    return info.strings;
}

namespace {

using AsciiMask = RegexNodeAnalysis::AsciiMask;

/// For each ASCII character, the ASCII part of its case closure (asciiCaseClosure's way).
struct AsciiClosures
{
    AsciiMask ofAscii[0x80];
    /// The other code points whose closure reaches ASCII (ſ and the Kelvin sign in ICU 72).
    std::vector<std::pair<UChar32, AsciiMask>> reaching;
    /// False when ICU could not build the candidates: every set then takes the slow closure.
    bool complete = false;
};

AsciiMask slowAsciiClosure(icu::UnicodeSet set)
{
    set.closeOver(USET_CASE_INSENSITIVE);
    UnicodeTables::closeOverSimpleCaseFolding(set);
    AsciiMask mask{0, 0};
    for (UChar32 c = 0; c < 0x80; ++c) {
        if (set.contains(c))
            mask[size_t(c / 64)] |= uint64_t(1) << (c % 64);
    }
    return mask;
}

const AsciiClosures &asciiClosures()
{
    static const AsciiClosures s_closures = [] {
        AsciiClosures c;
        for (UChar32 a = 0; a < 0x80; ++a)
            c.ofAscii[a] = slowAsciiClosure(icu::UnicodeSet(a, a));
        // Only members of the ASCII range's own closure can reach ASCII: case closure relates
        // characters both ways. Walking every Case_Sensitive character instead took ~400M
        // instructions at the first compile of every process. TestRegexSetMapPrefilter's
        // "[^\\u0000-\\u007F]" row (all of them against ICU's full closure) checks the shortcut.
        icu::UnicodeSet candidates(0, 0x7F);
        candidates.closeOver(USET_CASE_INSENSITIVE);
        UnicodeTables::closeOverSimpleCaseFolding(candidates);
        candidates.remove(0, 0x7F);
        candidates.removeAllStrings();
        for (int32_t r = 0; r < candidates.getRangeCount(); ++r) {
            for (UChar32 x = candidates.getRangeStart(r); x <= candidates.getRangeEnd(r); ++x) {
                const AsciiMask m = slowAsciiClosure(icu::UnicodeSet(x, x));
                if ((m[0] | m[1]) != 0)
                    c.reaching.emplace_back(x, m);
            }
        }
        c.complete = !candidates.isBogus();
        return c;
    }();
    return s_closures;
}

/// Bit 1 (U+0001) of a position also stands for every character beyond ASCII, which
/// ClassRunFilter reads as U+0001 (and the text's edges as NUL), so a position admitting any of
/// them sets it.
constexpr AsciiMask kBeyond{2, 0};
/// ASCII word characters ([0-9A-Za-z_]: Rust's Unicode and ASCII word classes agree there).
constexpr AsciiMask kWord{0x03FF000000000000ull, 0x07FFFFFE87FFFFFEull};
/// Word characters, those beyond ASCII included.
constexpr AsciiMask kWordOrBeyond{kWord[0] | kBeyond[0], kWord[1]};
/// Non-word characters, those beyond ASCII, and the edges.
constexpr AsciiMask kNonWord{~kWord[0], ~kWord[1]};

AsciiMask operator&(const AsciiMask &a, const AsciiMask &b)
{
    return {a[0] & b[0], a[1] & b[1]};
}

AsciiMask operator|(const AsciiMask &a, const AsciiMask &b)
{
    return {a[0] | b[0], a[1] | b[1]};
}

/// One character of a run, and whether all it admits are word characters (Unicode's \\w) or
/// none are, which decides what a word boundary next to it says about its neighbour.
struct Position
{
    AsciiMask mask{0, 0};
    bool allWord = false;
    bool noWord = false;
};

/// `set` is every character the position admits, exactly.
Position positionOf(const icu::UnicodeSet &set, const AsciiMask &ascii)
{
    const icu::UnicodeSet &word = UnicodeTables::perlUnicode(UnicodeTables::Perl::Word);
    const bool beyond = !set.isEmpty() && set.getRangeEnd(set.getRangeCount() - 1) >= 0x80;
    return {beyond ? ascii | kBeyond : ascii, !set.isEmpty() && word.containsAll(set) != 0, word.containsNone(set) != 0};
}

/// The position of a node that is exactly one character, if it is one.
std::optional<Position> singlePosition(const Node &n)
{
    switch (n.kind) {
    case Node::Kind::Literal: {
        // Both regex forms spell a case-insensitive literal as its orbit (BoostRegexWriter).
        const icu::UnicodeSet set = n.foldCase ? UnicodeTables::caseOrbit(n.ch) : icu::UnicodeSet(n.ch, n.ch);
        return positionOf(set, RegexNodeAnalysis::asciiCaseClosure(icu::UnicodeSet(n.ch, n.ch), n.foldCase));
    }
    case Node::Kind::Class:
        // Stored closed over case under (?i); closing again costs nothing in safety.
        return positionOf(n.set, RegexNodeAnalysis::asciiCaseClosure(n.set, true));
    case Node::Kind::Group:
        return singlePosition(n.children.front());
    default:
        return std::nullopt;
    }
}

/**
 * Collects runs of consecutive positions. Word-boundary assertions constrain a neighbour: next to
 * a position of word characters only, the other side is a non-word character or the text's edge
 * (`\\b[a-z]{2}\\d\\b` needs non-word, two letters, a digit, non-word). Leaving a constraint
 * out is always safe; every one kept must hold in every match, on any subject.
 */
class RunBuilder
{
public:
    std::vector<std::vector<AsciiMask>> runs;

    void append(const Node &n);
    /// Ends the current run: what follows may start anywhere.
    void flush()
    {
        // The unit after a word character at a boundary is non-word (or the end); after a
        // non-word one, a word character.
        if (m_next == Next::NonWord)
            m_current.push_back({kNonWord, false, true});
        else if (m_next == Next::Word)
            m_current.push_back({kWordOrBeyond, true, false});
        m_next = Next::Any;
        if (!m_current.empty()) {
            std::vector<AsciiMask> run;
            for (const Position &p : m_current)
                run.push_back(p.mask);
            runs.push_back(std::move(run));
        }
        m_current.clear();
    }

private:
    enum class Next
    {
        Any,
        NonWord,  ///< the next unit is a non-word character or the text's end
        Word,     ///< the next unit is a word character
        Boundary, ///< a word boundary whose sides the next position decides
    };

    static void restrict(Position &p, bool word)
    {
        p.mask = p.mask & (word ? kWordOrBeyond : kNonWord);
        p.allWord = word;
        p.noWord = !word;
    }
    void push(Position p)
    {
        switch (m_next) {
        case Next::Any:
            break;
        case Next::NonWord:
            restrict(p, false);
            break;
        case Next::Word:
            restrict(p, true);
            break;
        case Next::Boundary:
            if (p.allWord)
                before(false);
            else if (p.noWord)
                before(true);
            break;
        }
        m_next = Next::Any;
        m_current.push_back(p);
    }
    /// The unit before the next position is a word character or not (at the text's start,
    /// only a non-word one can be, the edge).
    void before(bool word)
    {
        if (!m_current.empty())
            restrict(m_current.back(), word);
        else if (!word)
            m_current.push_back({kNonWord, false, true});
    }
    void assertion(const Node &n)
    {
        using A = RegexNode::Assertion;
        // Two in a row: the first one's constraint is enough. Under (?-u) a boundary reads
        // letters beyond ASCII as non-word, which the flags do not say.
        if (m_next != Next::Any || n.asciiWord)
            return;
        const A a = n.assertion;
        const bool afterWord = !m_current.empty() && m_current.back().allWord;
        const bool afterNonWord = !m_current.empty() && m_current.back().noWord;
        switch (a) {
        case A::WordBoundary:
            m_next = afterWord ? Next::NonWord : afterNonWord ? Next::Word : Next::Boundary;
            break;
        case A::WordStart:
            before(false);
            m_next = Next::Word;
            break;
        case A::WordEnd:
            if (!m_current.empty())
                restrict(m_current.back(), true);
            m_next = Next::NonWord;
            break;
        case A::WordStartHalf:
            before(false);
            break;
        case A::WordEndHalf:
            m_next = Next::NonWord;
            break;
        default:
            break; // the positions around other assertions stay adjacent
        }
    }

    std::vector<Position> m_current;
    Next m_next = Next::Any;
};

void RunBuilder::append(const Node &n)
{
    if (const std::optional<Position> single = singlePosition(n)) {
        push(*single);
        return;
    }
    switch (n.kind) {
    case Node::Kind::Empty:
    case Node::Kind::Flags:
        return; // zero width: the positions around it stay adjacent
    case Node::Kind::Assertion:
        assertion(n);
        return;
    case Node::Kind::Group:
        append(n.children.front());
        return;
    case Node::Kind::Concat:
        for (const Node &child : n.children)
            append(child);
        return;
    case Node::Kind::Repetition: {
        const Node &child = n.children.front();
        if (const std::optional<Position> single = singlePosition(child)) {
            const uint32_t copies = std::min<uint32_t>(n.min, RegexNodeAnalysis::MaxClassRun);
            for (uint32_t k = 0; k < copies; ++k)
                push(*single);
            if (n.unbounded || n.max != n.min) {
                // The first `min` repetitions follow what came before, the last `min` precede
                // what comes after: both are runs.
                flush();
                for (uint32_t k = 0; k < copies; ++k)
                    push(*single);
            }
            return;
        }
        flush();
        // The first repetition is required and its inside is contiguous.
        if (n.min > 0) {
            append(child);
            flush();
        }
        return;
    }
    default:
        flush();
        return;
    }
}

/// Bits of selectivity: how much rarer than any character each position is.
double runScore(const std::vector<AsciiMask> &run)
{
    double bits = 0;
    for (const AsciiMask &m : run) {
        const int admitted = std::popcount(m[0]) + std::popcount(m[1]);
        bits += admitted == 0 ? 64 : std::log2(128.0 / admitted);
    }
    return bits;
}

} // namespace

RegexNodeAnalysis::AsciiMask RegexNodeAnalysis::asciiCaseClosure(const icu::UnicodeSet &set, bool foldCase)
{
    // Closing a large class (\\S, \\w) over case visits every member; the closure is a union
    // over members, and only ASCII and a few other members can reach ASCII.
    const AsciiClosures *closures = foldCase ? &asciiClosures() : nullptr;
    if (closures && !closures->complete)
        return slowAsciiClosure(set);
    AsciiMask mask{0, 0};
    for (UChar32 c = 0; c < 0x80; ++c) {
        if (!set.contains(c))
            continue;
        const AsciiMask &m = closures ? closures->ofAscii[c] : AsciiMask{0, 0};
        mask[0] |= m[0];
        mask[1] |= m[1];
        mask[size_t(c / 64)] |= uint64_t(1) << (c % 64);
    }
    if (closures) {
        for (const auto &[c, m] : closures->reaching) {
            if (set.contains(c)) {
                mask[0] |= m[0];
                mask[1] |= m[1];
            }
        }
    }
    return mask;
}

std::vector<std::vector<RegexNodeAnalysis::AsciiMask>> RegexNodeAnalysis::requiredClassRuns(const RegexNode &root)
{
    // A three-digit reply code is about eleven bits; a lone \\S\\s\\S about five, which every
    // reply has.
    constexpr double kMinBits = 8;
    constexpr size_t kMaxRuns = 4;
    RunBuilder builder;
    builder.append(root);
    builder.flush();
    std::vector<std::pair<double, std::vector<AsciiMask>>> scored;
    for (std::vector<AsciiMask> &run : builder.runs) {
        if (run.size() > MaxClassRun)
            run.resize(MaxClassRun);
        const double score = runScore(run);
        if (score >= kMinBits)
            scored.emplace_back(score, std::move(run));
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    std::vector<std::vector<AsciiMask>> best;
    for (auto &entry : scored) {
        if (best.size() < kMaxRuns && std::find(best.begin(), best.end(), entry.second) == best.end())
            best.push_back(std::move(entry.second));
    }
    return best;
}

} // namespace Dsn::Rules::Detail
