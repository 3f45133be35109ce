// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <bit>
#include <cstring>
#include <functional>
#include <map>
#include <string_view>
#include <unordered_map>
#include <utility>

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QtGlobal>

#include "common/Result.h"
#include "replay/ReplayDecision.h"

namespace Dsn::Replay {

/**
 * Counts over a replay: records by type, malformed lines (with the first examples), and for
 * every re-evaluated failure the transition from the logged record type to the new one, the
 * transition of its bounce classification (before → after the rewrite), the rule that matched, the destination domain, site, tenant and campaign, and the masked text of
 * replies no rule matched.
 *
 * Summaries merge: merge() of the summaries of consecutive or disjoint parts of the input gives
 * the summary of the whole, and the JSON form round-trips, so runs over split logs combine.
 * Samples and malformed examples keep the first ones by (file, line), which makes merging
 * associative and commutative. Grouped counts (domains, sites, tenants, campaigns, unmatched
 * replies) are exact per group up to Limits::groupCap distinct groups per dimension; past that
 * the smallest groups are dropped (their records counted in `dropped`) and merged totals of
 * groups near the cut become approximate.
 */
class ReplaySummary
{
public:
    struct Limits
    {
        int samplesPerCell = 5;
        int malformedExamples = 20;
        int groupCap = 10000;
    };

    struct Counts
    {
        qint64 records = 0;
        qint64 rewritten = 0;
        qint64 changed = 0;
        qint64 unmatched = 0;
    };

    struct Sample
    {
        QString file;
        qint64 line = 0;
        QString queue;
        int oldCode = 0;
        int newCode = 0;
        int rule = -1;
        QString response;
    };

    struct MalformedLine
    {
        QString file;
        qint64 line = 0;
        QString reason;
    };

    /// Matches per rule, keyed by (table index, pattern).
    using RuleCounts = std::map<std::pair<int, QString>, qint64>;

    struct Cell
    {
        qint64 count = 0;
        QList<Sample> samples;
        /// The rules that matched this cell's failures: which rule drives a transition.
        RuleCounts rules;
    };

    /// Grouped counts are looked up once per dimension and record, among thousands of names: a
    /// hash, not a tree of string compares. Reports rank them (ranked() in the .cpp).
    struct KeyHash
    {
        size_t operator()(const QString &s) const noexcept
        {
            // A multiply-rotate over eight bytes at a time: a masked reply is a hundred characters
            // and more, where std::hash's Murmur (and more so qHash's SipHash) cost several times
            // as much. Pruning keeps every map small enough that a collision attack stays bounded.
            // constData(), not utf16(): that would move a literal or raw-data key to the heap.
            const char *p = reinterpret_cast<const char *>(s.constData());
            size_t n = size_t(s.size()) * sizeof(char16_t);
            constexpr quint64 K = 0x9E3779B97F4A7C15ULL;
            quint64 h = quint64(n) * K;
            for (; n >= 8; p += 8, n -= 8) {
                quint64 w;
                std::memcpy(&w, p, 8);
                h = (std::rotl(h, 5) ^ w) * K;
            }
            if (n > 0) {
                quint64 w = 0;
                std::memcpy(&w, p, n);
                h = (std::rotl(h, 5) ^ w) * K;
            }
            // No final mix: libstdc++ takes buckets modulo a prime, which every bit reaches.
            return size_t(h);
        }
    };
    using GroupMap = std::unordered_map<QString, Counts, KeyHash>;

    /// std::less's order on (from, to) pairs with one compare per string: std::pair's operator<
    /// goes through a synthesised three-way compare that runs QString's `<` twice per member.
    struct PairLess
    {
        bool operator()(const std::pair<QString, QString> &a, const std::pair<QString, QString> &b) const noexcept
        {
            if (const int c = QString::compare(a.first, b.first))
                return c < 0;
            return QString::compare(a.second, b.second) < 0;
        }
    };
    using TransitionMap = std::map<std::pair<QString, QString>, Cell, PairLess>;
    using ClassTransitionMap = std::map<std::pair<QString, QString>, qint64, PairLess>;

    /// Replies no rule matched that mask to the same text, with the first original by (file, line).
    struct UnmatchedGroup
    {
        QString text;      ///< masked: addresses, IPs, IDs and numbers replaced by placeholders
        qint64 count = 0;
        QString example;   ///< one original reply of the group, as the event received it
        QString queue;     ///< the example's queue
        QString file;      ///< where the example was logged
        qint64 line = 0;
    };
    /// The grouped dimensions, in the order of the JSON form's keys.
    enum Dimension { Domains, Sites, Tenants, Campaigns, DimensionCount };
    // Two constructors, not a `= {}` default: a nested struct's member initialisers are not
    // usable in a default argument inside the enclosing class.
    ReplaySummary();
    explicit ReplaySummary(Limits limits);

    /// Every record read (failures too), by its logged type.
    void addRecord(const QString &type);
    void addMalformed(const QString &file, qint64 line, const QString &reason);
    /// One re-evaluated (or internal, unchanged) failure.
    void addDecision(const ReplayDecision &decision);
    void merge(const ReplaySummary &other);

    const Limits &limits() const { return m_limits; }
    qint64 records() const { return m_records; }
    qint64 malformed() const { return m_malformed; }
    qint64 evaluated() const { return m_evaluated; }
    qint64 rewritten() const { return m_rewritten; }
    qint64 changed() const { return m_changed; }
    qint64 unmatched() const { return m_unmatched; }
    qint64 recordsOfType(const QString &type) const;
    qint64 transitions(const QString &from, const QString &to) const;
    const TransitionMap &transitionCells() const { return m_transitions; }
    /// Failures whose bounce classification went from `from` (before the rewrite) to `to`.
    qint64 classTransitions(const QString &from, const QString &to) const;
    /// Every (before, after) classification pair seen, with its count.
    const ClassTransitionMap &classTransitionCounts() const { return m_classTransitions; }
    const QList<MalformedLine> &malformedExamples() const { return m_malformedExamples; }
    /// Unmatched masked replies, most frequent first.
    QList<std::pair<QString, qint64>> topUnmatched(int n) const;
    /// The same, with an original example of each group (what "add to samples" needs).
    QList<UnmatchedGroup> topUnmatchedGroups(int n) const;
    const RuleCounts &ruleCounts() const { return m_rules; }
    /// The `n` largest groups of one dimension, largest first (ties by name).
    QList<std::pair<QString, Counts>> topGroups(Dimension dimension, int n) const;
    /// Records of groups dropped past Limits::groupCap in one dimension.
    qint64 droppedGroups(Dimension dimension) const { return m_droppedGroups[dimension]; }

    /// A readable report with the `top` largest groups of each kind.
    QString text(int top = 10) const;
    QJsonObject toJson() const;
    /// Fails (code "bad-summary") when `o` is not a replay summary.
    static Result<ReplaySummary> fromJson(const QJsonObject &o);

    friend bool operator==(const ReplaySummary &a, const ReplaySummary &b) { return a.toJson() == b.toJson(); }

private:
    Limits m_limits;
    qint64 m_records = 0;
    qint64 m_malformed = 0;
    qint64 m_evaluated = 0;
    qint64 m_internal = 0;
    qint64 m_rewritten = 0;
    qint64 m_changed = 0;
    qint64 m_unmatched = 0;
    qint64 m_policyErrors = 0;
    qint64 m_inputErrors = 0;
    std::map<QString, qint64> m_recordTypes;
    TransitionMap m_transitions;
    ClassTransitionMap m_classTransitions;
    RuleCounts m_rules;
    GroupMap m_groups[DimensionCount];
    qint64 m_droppedGroups[DimensionCount] = {};
    std::unordered_map<QString, UnmatchedGroup, KeyHash> m_unmatchedReplies;
    qint64 m_droppedUnmatched = 0;
    QList<MalformedLine> m_malformedExamples;
};

} // namespace Dsn::Replay
