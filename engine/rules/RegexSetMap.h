// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include "common/Result.h"
#include "rules/RegexRule.h"

namespace Dsn::Rules {

class CompiledPattern;
namespace Detail {
class ClassRunFilter;
class PrefilterIndex;
}

/**
 * kumo.regex_set_map on Boost.Regex with the Rust `regex` crate's semantics: unanchored search,
 * case-sensitive unless (?i), ^/$ only at the subject's ends unless (?m), `.` never matches a
 * line feed, Unicode-aware classes. When several patterns match, KumoMTA's pick is arbitrary;
 * the workbench returns the first in table order and reports the lookup as ambiguous when the
 * matching values disagree.
 *
 * Lookups normally go through a literal prefilter: compile() derives, for each pattern, sets of
 * literals every match must contain one of (alternations give sets of alternatives), and a
 * lookup scans the subject once (Aho–Corasick, case-folded) to learn which patterns can match at
 * all. Patterns that are plain text, alternatives included (`(?i)(mailbox|account) (is )?full`),
 * are decided by the scan alone; Boost runs only on the other candidates and on the patterns
 * with no usable literal. Those literal-free patterns skip subjects that lack a run of
 * characters every match has (`\\d{3}\\s\\d`, `\\b[a-z]{2}\\d\\b` with the non-word
 * characters around it, found for all of them in one pass), and those without a run are joined,
 * a few at a time, into one alternation that runs once per subject; only when it matches (or
 * Boost gives up on it) do its members run one by one. Runs that several patterns with a common
 * trigger word share are checked for those too. The answer is the same as running
 * every pattern, with one deliberate exception: a pattern the scan or its alternation rules out
 * is never run, so it can no longer appear in Lookup::gaveUp for that subject (it cannot match,
 * so Rust's answer is known).
 *
 * The scan also learns whether the subject is all ASCII; then the subject is narrowed to bytes
 * once and every regex that runs (alternations included) takes its narrow form
 * (CompiledPattern::hasAsciiForm), with the same answers. Strategy::Scan always runs the
 * u32regex: it is the reference the prefiltered path is tested against.
 *
 * Immutable after compile(); lookups are const and safe from several threads at once (the
 * prefilter's scratch is thread_local).
 */
class RegexSetMap
{
public:
    struct Lookup
    {
        int first = -1;         ///< index of the first matching rule in table order, -1 if none
        QList<int> matches;     ///< every matching rule, in table order
        bool ambiguous = false; ///< matching rules carry different values
        /// Rules Boost.Regex gave up on (catastrophic backtracking) for this subject. They count as
        /// not matching although Rust's linear-time engine would have decided; callers should
        /// warn that the answer may differ from KumoMTA's.
        QList<int> gaveUp;
    };

    /// How lookups choose the patterns they run.
    enum class Strategy
    {
        Prefiltered, ///< literal scan first, Boost on the candidates only
        Scan,        ///< Boost on every pattern in table order (the reference behaviour)
    };

    RegexSetMap();
    ~RegexSetMap();
    RegexSetMap(RegexSetMap &&) noexcept;
    RegexSetMap &operator=(RegexSetMap &&) noexcept;

    /**
     * Compiles every pattern. The first invalid one (or one KumoMTA's Rust regex would refuse)
     * fails the whole map, as KumoMTA does, with a Diagnostic naming the rule index, the
     * pattern, the position and the reason; its message starts "compiling rules: regex parse
     * error:".
     *
     * Patterns come from CompiledPatternCache, and a pattern list compiled moments ago (only
     * values edited, another thread's evaluator) reuses that build's prefilter as well, so a
     * rebuild after a one-rule edit costs one pattern compile and one prefilter build.
     */
    static Result<RegexSetMap> compile(const QList<RegexRule> &rules, Strategy strategy = Strategy::Prefiltered);

    const QList<RegexRule> &rules() const;
    qsizetype size() const;

    /// The first matching rule in table order, or -1. The fast path for map[subject].
    int findFirst(QStringView subject) const;
    /// Every matching rule, and whether their values disagree.
    Lookup lookup(QStringView subject) const;
    /// Where rule `index` matches in `subject` (start, length in UTF-16 units), for highlighting.
    std::optional<std::pair<qsizetype, qsizetype>> matchSpan(int index, QStringView subject) const;

    Strategy strategy() const;
    /**
     * The literals whose presence (any one of them, compared case-insensitively; shown
     * case-folded) makes rule `index` a candidate for Boost. Empty when that rule runs on every
     * subject, or when the map does not prefilter.
     */
    QStringList prefilterLiterals(int index) const;

    /// How a lookup of one subject was decided, for benchmarks and diagnostics.
    struct PrefilterStats
    {
        int regexRuns = 0;     ///< rules Boost had to run (every rule for Scan)
        int decidedByScan = 0; ///< plain-text rules the literal scan alone found matching
        int groupRuns = 0;     ///< alternations of literal-free rules Boost ran
    };
    /// What lookup(subject) would do, without the answer; `regexRules` receives the rules Boost runs on.
    PrefilterStats prefilterStats(QStringView subject, QList<int> *regexRules = nullptr) const;

private:
    /// Calls `visit(index, decided, ascii)` in table order for every rule that may match,
    /// `decided` when the prefilter proved the match without Boost, `ascii` the subject as bytes
    /// when it is all ASCII and Boost must run (for CompiledPattern's narrow form), else null;
    /// stops when `visit` returns true. Returns how many alternations of literal-free rules it ran.
    template <typename Visit> int forEachCandidate(QStringView subject, Visit &&visit) const;

    QList<RegexRule> m_rules;
    std::vector<std::shared_ptr<const CompiledPattern>> m_compiled;
    Strategy m_strategy = Strategy::Scan;
    std::shared_ptr<const Detail::PrefilterIndex> m_prefilter; ///< null for Scan
    /// Alternations of literal-free rules (Prefiltered only), and each rule's, -1 for none.
    std::vector<std::shared_ptr<const CompiledPattern>> m_groups;
    std::vector<int> m_groupOf;
    /// Class runs of literal-free rules (RegexNodeAnalysis::requiredClassRuns); per rule, the
    /// range of m_runIds holding the ids of its runs.
    std::shared_ptr<const Detail::ClassRunFilter> m_classRuns;
    std::vector<uint32_t> m_runBegin;
    std::vector<int> m_runIds;
    quint64 m_id = 0;                  ///< unique per compile(), so answers can be remembered per map
};

} // namespace Dsn::Rules
