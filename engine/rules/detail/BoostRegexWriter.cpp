// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "rules/detail/BoostRegexWriter.h"

#include <algorithm>

#include <unicode/uniset.h>

#include "rules/detail/UnicodeTables.h"

namespace Dsn::Rules::Detail {

namespace {
using Node = RegexNode;
using Assertion = RegexNode::Assertion;
} // namespace

QString BoostRegexWriter::write(const RegexNode &root, Target target)
{
    QString out;
    BoostRegexWriter(target).emitNode(root, out, true);
    return out;
}

const QString &BoostRegexWriter::wordClass(bool ascii)
{
    static const QString s_unicode = UnicodeTables::boostClass(UnicodeTables::perlUnicode(UnicodeTables::Perl::Word));
    static const QString s_ascii = UnicodeTables::boostClass(UnicodeTables::perlAscii(UnicodeTables::Perl::Word));
    return ascii ? s_ascii : s_unicode;
}

QString BoostRegexWriter::assertion(const RegexNode &n) const
{
    static const QString s_narrowWord =
        UnicodeTables::asciiBoostClass(UnicodeTables::perlAscii(UnicodeTables::Perl::Word));
    const QString &w = m_ascii ? s_narrowWord : wordClass(n.asciiWord);
    // On ASCII text Rust's Unicode and ASCII word classes coincide with Boost's classic-locale
    // word characters (alnum and '_'), so Boost's table-driven boundaries decide alike, except
    // that Boost's \B never holds at either end of the text, where Rust's does next to a
    // non-word character (and on empty text).
    if (m_ascii) {
        switch (n.assertion) {
        case Assertion::WordBoundary:
            return QStringLiteral("\\b");
        case Assertion::NotWordBoundary:
            return QStringLiteral("(?:\\B|(?<!%1)(?!%1))").arg(w);
        case Assertion::WordStart:
            return QStringLiteral("\\<");
        case Assertion::WordEnd:
            return QStringLiteral("\\>");
        default:
            break;
        }
    }
    // Between "\r" and "\n" there is no line boundary in CRLF mode.
    static const QString s_notInsideCrlf = QStringLiteral("(?!(?<=\\x{d})\\x{a})");
    switch (n.assertion) {
    case Assertion::TextStart:
        return QStringLiteral("\\A");
    case Assertion::TextEnd:
        return QStringLiteral("\\z");
    case Assertion::LineStart:
        return QStringLiteral("(?<![^\\x{a}])");
    case Assertion::LineEnd:
        return QStringLiteral("(?![^\\x{a}])");
    case Assertion::LineStartCrlf:
        return QStringLiteral("(?<![^\\x{a}\\x{d}])") + s_notInsideCrlf;
    case Assertion::LineEndCrlf:
        return QStringLiteral("(?![^\\x{a}\\x{d}])") + s_notInsideCrlf;
    case Assertion::WordBoundary:
        return QStringLiteral("(?:(?<=%1)(?!%1)|(?<!%1)(?=%1))").arg(w);
    case Assertion::NotWordBoundary:
        return QStringLiteral("(?:(?<=%1)(?=%1)|(?<!%1)(?!%1))").arg(w);
    case Assertion::WordStart:
        return QStringLiteral("(?<!%1)(?=%1)").arg(w);
    case Assertion::WordEnd:
        return QStringLiteral("(?<=%1)(?!%1)").arg(w);
    case Assertion::WordStartHalf:
        return QStringLiteral("(?<!%1)").arg(w);
    case Assertion::WordEndHalf:
        return QStringLiteral("(?!%1)").arg(w);
    }
    return {};
}

bool BoostRegexWriter::boostFolds(const RegexNode &n) const
{
    // The narrow form folds with explicit classes: no locale's case mapping takes part.
    return !m_ascii && n.kind == Node::Kind::Literal && n.foldCase && UnicodeTables::boostFoldsLikeRust(n.ch);
}

QString BoostRegexWriter::literal(const RegexNode &n) const
{
    if (m_ascii)
        return UnicodeTables::asciiBoostClass(n.foldCase ? UnicodeTables::caseOrbit(n.ch)
                                                         : icu::UnicodeSet(n.ch, n.ch));
    if (n.foldCase)
        // Boost's (?i) would miss part of the orbit (s/ſ, σ/ς) or add to it (i/İ).
        return UnicodeTables::boostClass(UnicodeTables::caseOrbit(n.ch));
    return UnicodeTables::boostLiteral(n.ch);
}

bool BoostRegexWriter::startsAtTextStart(const RegexNode &n)
{
    switch (n.kind) {
    case Node::Kind::Assertion:
        return n.assertion == Assertion::TextStart;
    case Node::Kind::Group:
        return startsAtTextStart(n.children.front());
    case Node::Kind::Concat:
        for (const Node &child : n.children) {
            if (child.kind != Node::Kind::Flags && child.kind != Node::Kind::Empty)
                return startsAtTextStart(child);
        }
        return false;
    case Node::Kind::Alternation:
        return !n.children.empty() && std::all_of(n.children.begin(), n.children.end(), startsAtTextStart);
    default:
        return false;
    }
}

// True when the emitted text is one atom a quantifier can follow directly.
bool BoostRegexWriter::atomic(const RegexNode &n) const
{
    return (n.kind == Node::Kind::Literal && !boostFolds(n)) || n.kind == Node::Kind::Class ||
           n.kind == Node::Kind::Group;
}

void BoostRegexWriter::emitNode(const RegexNode &n, QString &out, bool bare) const
{
    switch (n.kind) {
    case Node::Kind::Empty:
    case Node::Kind::Flags:
        return;
    case Node::Kind::Literal:
        if (boostFolds(n))
            out += QStringLiteral("(?i:") + UnicodeTables::boostLiteral(n.ch) + u')';
        else
            out += literal(n);
        return;
    case Node::Kind::Class:
        out += m_ascii ? UnicodeTables::asciiBoostClass(n.set) : UnicodeTables::boostClass(n.set);
        return;
    case Node::Kind::Assertion:
        out += assertion(n);
        return;
    case Node::Kind::Repetition: {
        const Node &child = n.children.front();
        if (child.zeroWidth()) {
            // Boost refuses a quantifier on an assertion; "once or not at all" of a
            // zero-width match is the assertion itself, or nothing when the minimum is 0.
            if (n.min > 0)
                emitNode(child, out, false);
            return;
        }
        const bool wrap = !atomic(child);
        if (wrap)
            out += QStringLiteral("(?:");
        emitNode(child, out, true);
        if (wrap)
            out += u')';
        if (n.unbounded && n.min == 0)
            out += u'*';
        else if (n.unbounded && n.min == 1)
            out += u'+';
        else if (!n.unbounded && n.min == 0 && n.max == 1)
            out += u'?';
        else if (n.unbounded)
            out += QStringLiteral("{%1,}").arg(n.min);
        else if (n.min == n.max)
            out += QStringLiteral("{%1}").arg(n.min);
        else
            out += QStringLiteral("{%1,%2}").arg(n.min).arg(n.max);
        if (!n.greedy)
            out += u'?';
        return;
    }
    case Node::Kind::Group:
        // Rust has no back-references, so captures only matter to callers reading them; the
        // narrow form answers match and span only, and saving captures costs it time.
        if (m_ascii)
            out += QStringLiteral("(?:");
        else if (n.captureIndex > 0 && !n.name.isEmpty())
            out += QStringLiteral("(?<") + n.name + u'>';
        else
            out += n.captureIndex > 0 ? QStringLiteral("(") : QStringLiteral("(?:");
        emitNode(n.children.front(), out, true);
        out += u')';
        return;
    case Node::Kind::Concat: {
        // Runs of case-insensitive literals share one (?i:…) so Boost still sees a string; an
        // orbit class ends the run, as Boost would fold the class's members too.
        bool inFold = false;
        for (const Node &child : n.children) {
            const bool fold = boostFolds(child);
            if (fold && !inFold)
                out += QStringLiteral("(?i:");
            else if (!fold && inFold && child.kind != Node::Kind::Flags)
                out += u')';
            if (child.kind != Node::Kind::Flags)
                inFold = fold;
            if (fold)
                out += UnicodeTables::boostLiteral(child.ch);
            else
                emitNode(child, out, n.children.size() == 1 && bare);
        }
        if (inFold)
            out += u')';
        return;
    }
    case Node::Kind::Alternation: {
        // Where every branch starts at the text's start, saying so once in front lets Boost try
        // that one position instead of every one (joint alternations of `^…` rules).
        const bool anchored = std::all_of(n.children.begin(), n.children.end(), startsAtTextStart);
        const bool wrap = !bare || anchored;
        if (anchored)
            out += QStringLiteral("\\A");
        if (wrap)
            out += QStringLiteral("(?:");
        bool firstBranch = true;
        for (const Node &child : n.children) {
            if (!firstBranch)
                out += u'|';
            firstBranch = false;
            emitNode(child, out, false);
        }
        if (wrap)
            out += u')';
        return;
    }
    }
}

} // namespace Dsn::Rules::Detail
