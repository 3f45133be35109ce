// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <cstdint>
#include <vector>

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include "rules/RustRegexTranslator.h"
#include "rules/detail/LiteralScanner.h"

namespace Dsn::Rules::Detail {

/**
 * Which rules of a table can match a subject, learnt from one literal scan, so that a regex runs
 * only where it may succeed.
 *
 * Each rule brings literal OR-sets every match meets (RegexNodeAnalysis::literalSets). One set,
 * the most selective by a table-wide score, is the rule's trigger: the scan finding any of its
 * strings makes the rule a candidate. The rule's other sets must then have been seen too before
 * its regex runs. Sets of a pattern anchored at the start count only where they end early
 * enough (RustRegexTranslator::AnchoredLiterals). A rule that is literal text in one case mode
 * (alternatives included) needs no regex at all: the trigger hit is the match. Case-sensitive strings are checked against the subject's exact text
 * where the case-folded scan finds them. Rules
 * without a usable set (every string shorter than MinLiteralLength, or none) always run.
 *
 * Immutable after construction; forEachCandidate() is const and may run on several threads
 * (its scratch is thread_local).
 */
class PrefilterIndex
{
public:
    /// What the index needs to know about one rule.
    struct RuleFacts
    {
        QList<RustRegexTranslator::LiteralSet> literalSets;
        QList<RustRegexTranslator::AnchoredLiterals> anchoredSets;
        /// Non-empty: the rule matches exactly where one of these strings occurs.
        RustRegexTranslator::LiteralSet exactLiterals;
    };

    /// Shorter literals occur in nearly every reply (" ", "[", "5."), so they filter nothing.
    static constexpr qsizetype MinLiteralLength = 3;

    /// How a candidate is to be decided.
    enum class Verdict
    {
        Match,    ///< the scan proved the match
        RunRegex, ///< the literals are there; only the regex can tell
    };

    explicit PrefilterIndex(const std::vector<RuleFacts> &rules);

    /**
     * Calls `visit(rule, verdict)` in ascending rule order for every rule that may match
     * `subject`, leaving out those the scan proved cannot; stops when `visit` returns true.
     * Returns false, without visiting anything, when `subject` is not well-formed UTF-16.
     * `visit` must not start another lookup on the same thread. Before the first visit,
     * `*ascii` (when given) learns whether every unit of `subject` is ASCII, which the scan
     * finds out on the way.
     */
    template <typename Visit> bool forEachCandidate(QStringView subject, Visit &&visit, bool *ascii = nullptr) const;

    /// The strings whose presence makes rule `index` a candidate (any one of them; folded for
    /// the case-insensitive ones); empty when the rule runs on every subject.
    QStringList triggerLiterals(int index) const;
    /// Rules without a usable literal, which run on every subject.
    qsizetype alwaysRunCount() const { return qsizetype(m_alwaysRun.size()); }
    /// Those rules, ascending.
    const std::vector<int> &alwaysRun() const { return m_alwaysRun; }

private:
    enum class Kind : uint8_t
    {
        Regex,         ///< decided by the regex, after the other sets are checked
        FoldedLiteral, ///< the trigger hit is the match unless a character folds into ASCII
        ExactLiteral,  ///< the trigger hit, checked case-sensitively, is the match
    };

    /// Per-thread state of one lookup: literals seen, candidate rules (sorted, merged with
    /// the always-run ones). Stamps make clearing free between lookups.
    struct Scratch
    {
        uint32_t generation = 0;
        std::vector<uint32_t> literalSeen; // generation in which each literal was seen
        std::vector<uint32_t> literalEnd;  // where its first occurrence ends, when seen
        std::vector<uint32_t> ruleQueued;  // generation in which each rule was queued
        std::vector<int> hitLiterals;
        std::vector<int> rules;
        std::vector<int> merged;
        bool foldsIntoAscii = false; // the subject holds ſ or the Kelvin sign
        bool ascii = false;          // every unit of the subject is ASCII
    };
    static Scratch &scratch();

    /// Scans `subject` and leaves the candidate rules, ascending, in scratch().merged.
    bool collect(QStringView subject, Scratch &s) const;
    /// Whether every non-trigger set of `rule` had a string in the subject just scanned.
    bool otherSetsSeen(int rule, const Scratch &s) const;

    LiteralScanner m_scanner;
    QStringList m_literals;            // by literal id; folded unless exact
    std::vector<bool> m_literalExact;  // hits are checked against the subject's exact text
    std::vector<uint32_t> m_postBegin; // per literal, into m_postRules: rules it triggers
    std::vector<int> m_postRules;
    std::vector<uint32_t> m_checkBegin; // per rule, into m_checks: [count, maxEnd, id…] per other set
    std::vector<int> m_checks;
    std::vector<Kind> m_kind;
    std::vector<QList<int>> m_trigger; // per rule, literal ids of its trigger set
    std::vector<uint32_t> m_triggerMaxEnd; // per rule: how far into the subject a trigger hit counts
    std::vector<int> m_alwaysRun;      // ascending
};

inline bool PrefilterIndex::otherSetsSeen(int rule, const Scratch &s) const
{
    for (uint32_t i = m_checkBegin[size_t(rule)], end = m_checkBegin[size_t(rule) + 1]; i < end;) {
        const auto count = uint32_t(m_checks[i++]);
        const auto maxEnd = uint32_t(m_checks[i++]);
        bool seen = false;
        for (uint32_t k = 0; k < count && !seen; ++k) {
            const auto id = size_t(m_checks[i + k]);
            seen = s.literalSeen[id] == s.generation && s.literalEnd[id] <= maxEnd;
        }
        if (!seen)
            return false;
        i += count;
    }
    return true;
}

template <typename Visit>
bool PrefilterIndex::forEachCandidate(QStringView subject, Visit &&visit, bool *ascii) const
{
    Scratch &s = scratch();
    if (!collect(subject, s))
        return false;
    if (ascii)
        *ascii = s.ascii;
    for (const int rule : s.merged) {
        switch (m_kind[size_t(rule)]) {
        case Kind::FoldedLiteral:
            if (visit(rule, s.foldsIntoAscii ? Verdict::RunRegex : Verdict::Match))
                return true;
            break;
        case Kind::ExactLiteral:
            if (visit(rule, Verdict::Match))
                return true;
            break;
        case Kind::Regex:
            if (otherSetsSeen(rule, s) && visit(rule, Verdict::RunRegex))
                return true;
            break;
        }
    }
    return true;
}

} // namespace Dsn::Rules::Detail
