// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "rules/detail/RegexNodeAnalysis.h"

#include <algorithm>

#include "rules/RustRegexTranslator.h"
#include "rules/detail/RustRegexParser.h"

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

} // namespace Dsn::Rules::Detail
