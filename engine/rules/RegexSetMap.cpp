// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "rules/RegexSetMap.h"

#include <algorithm>
#include <atomic>
#include <deque>
#include <mutex>

#include <QCoreApplication>

#include "rules/CompiledPattern.h"
#include "rules/CompiledPatternCache.h"
#include "rules/detail/LiteralScanner.h"
#include "rules/detail/PrefilterIndex.h"

namespace Dsn::Rules {

namespace {

/// Everything compile() derives from the pattern texts alone (values play no part).
struct Compiled
{
    RegexSetMap::Strategy strategy = RegexSetMap::Strategy::Scan;
    QStringList patterns;
    std::vector<std::shared_ptr<const CompiledPattern>> compiled;
    std::shared_ptr<const Detail::PrefilterIndex> prefilter;
};

/**
 * The last few pattern lists compiled. Editing a rule's value, a second evaluator thread and
 * the CLI's second build all ask for a map whose patterns were just compiled; they then skip
 * the prefilter's construction, not only the pattern compiles (CompiledPatternCache).
 */
class RecentMaps
{
public:
    std::shared_ptr<const Compiled> find(const QStringList &patterns, RegexSetMap::Strategy strategy)
    {
        std::lock_guard lock(m_mutex);
        for (const auto &c : m_recent) {
            if (c->strategy == strategy && c->patterns == patterns)
                return c;
        }
        return nullptr;
    }
    void add(std::shared_ptr<const Compiled> c)
    {
        std::lock_guard lock(m_mutex);
        m_recent.push_front(std::move(c));
        if (m_recent.size() > 4)
            m_recent.pop_back();
    }

private:
    std::mutex m_mutex;
    std::deque<std::shared_ptr<const Compiled>> m_recent;
};

RecentMaps &recentMaps()
{
    // Never destroyed, like CompiledPatternCache::instance().
    static auto *s_recent = new RecentMaps;
    return *s_recent;
}

quint64 nextMapId()
{
    static std::atomic<quint64> s_next{1};
    return s_next.fetch_add(1, std::memory_order_relaxed);
}

} // namespace

RegexSetMap::RegexSetMap() = default;
RegexSetMap::~RegexSetMap() = default;
RegexSetMap::RegexSetMap(RegexSetMap &&) noexcept = default;
RegexSetMap &RegexSetMap::operator=(RegexSetMap &&) noexcept = default;

Result<RegexSetMap> RegexSetMap::compile(const QList<RegexRule> &rules, Strategy strategy)
{
    RegexSetMap map;
    map.m_strategy = strategy;
    map.m_rules = rules;
    map.m_id = nextMapId();
    QStringList patterns;
    patterns.reserve(rules.size());
    for (const RegexRule &rule : rules)
        patterns.append(rule.pattern);
    if (auto recent = recentMaps().find(patterns, strategy)) {
        map.m_compiled = recent->compiled;
        map.m_prefilter = recent->prefilter;
        return map;
    }
    auto remember = [&map, &patterns, strategy] {
        auto c = std::make_shared<Compiled>();
        c->strategy = strategy;
        c->patterns = patterns;
        c->compiled = map.m_compiled;
        c->prefilter = map.m_prefilter;
        recentMaps().add(std::move(c));
    };
    map.m_compiled.reserve(size_t(rules.size()));
    // Rule edits rebuild the whole map; the shared cache makes that cost one compile per new pattern.
    CompiledPatternCache &cache = CompiledPatternCache::instance();
    for (qsizetype i = 0; i < rules.size(); ++i) {
        auto compiled = cache.compile(rules[i].pattern);
        if (!compiled) {
            Diagnostic d = compiled.error();
            d.ruleIndex = int(i);
            d.pattern = rules[i].pattern;
            d.message = QStringLiteral("compiling rules: ") + d.message;
            return d;
        }
        map.m_compiled.push_back(std::move(compiled.value()));
    }
    if (strategy != Strategy::Prefiltered) {
        remember();
        return map;
    }
    // The scanner folds BMP units one at a time; if a future ICU broke that, every rule simply
    // runs on every subject.
    if (Detail::LiteralScanner::foldKeepsPlanes()) {
        std::vector<Detail::PrefilterIndex::RuleFacts> facts;
        facts.reserve(map.m_compiled.size());
        for (const auto &pattern : map.m_compiled)
            facts.push_back({pattern->literalSets(), pattern->anchoredLiteralSets(), pattern->exactLiteral(),
                             pattern->exactLiteralFoldCase()});
        map.m_prefilter = std::make_shared<const Detail::PrefilterIndex>(facts);
    }
    remember();
    return map;
}

template <typename Visit> void RegexSetMap::forEachCandidate(QStringView subject, Visit &&visit) const
{
    if (m_prefilter) {
        const bool wellFormed = m_prefilter->forEachCandidate(
            subject, [&visit](int i, Detail::PrefilterIndex::Verdict verdict) {
                return visit(i, verdict == Detail::PrefilterIndex::Verdict::Match);
            });
        if (wellFormed)
            return;
        // Boost refuses malformed UTF-16 for every pattern, and the plain loop reports each as
        // given up; run them all so the answer stays the same.
    }
    for (size_t i = 0; i < m_compiled.size(); ++i) {
        if (visit(int(i), false))
            return;
    }
}

const QList<RegexRule> &RegexSetMap::rules() const
{
    return m_rules;
}

qsizetype RegexSetMap::size() const
{
    return m_rules.size();
}

int RegexSetMap::findFirst(QStringView subject) const
{
    int first = -1;
    forEachCandidate(subject, [&](int i, bool decided) {
        if (!decided && !m_compiled[size_t(i)]->search(subject))
            return false;
        first = i;
        return true;
    });
    return first;
}

RegexSetMap::Lookup RegexSetMap::lookup(QStringView subject) const
{
    // The evaluator looks the same reply up twice in a row (once per compatibility profile,
    // whose single-line forms mostly agree); a map is immutable, so the answer is too.
    struct Last
    {
        quint64 mapId = 0;
        QString subject;
        Lookup lookup;
    };
    thread_local Last t_last;
    if (m_id != 0 && t_last.mapId == m_id && t_last.subject == subject)
        return t_last.lookup;
    Lookup l;
    forEachCandidate(subject, [&](int i, bool decided) {
        const CompiledPattern::Outcome outcome =
            decided ? CompiledPattern::Outcome::Match : m_compiled[size_t(i)]->searchOutcome(subject);
        if (outcome == CompiledPattern::Outcome::GaveUp)
            l.gaveUp.append(i);
        if (outcome != CompiledPattern::Outcome::Match)
            return false;
        if (l.first < 0)
            l.first = i;
        else if (m_rules[i].value != m_rules[l.first].value)
            l.ambiguous = true;
        l.matches.append(i);
        return false;
    });
    t_last.mapId = m_id;
    t_last.subject = subject.toString();
    t_last.lookup = l;
    return l;
}

std::optional<std::pair<qsizetype, qsizetype>> RegexSetMap::matchSpan(int index, QStringView subject) const
{
    if (index < 0 || size_t(index) >= m_compiled.size())
        return std::nullopt;
    return m_compiled[size_t(index)]->span(subject);
}

RegexSetMap::Strategy RegexSetMap::strategy() const
{
    return m_strategy;
}

QStringList RegexSetMap::prefilterLiterals(int index) const
{
    return m_prefilter ? m_prefilter->triggerLiterals(index) : QStringList();
}

RegexSetMap::PrefilterStats RegexSetMap::prefilterStats(QStringView subject, QList<int> *regexRules) const
{
    PrefilterStats stats;
    forEachCandidate(subject, [&stats, regexRules](int i, bool decided) {
        ++(decided ? stats.decidedByScan : stats.regexRuns);
        if (regexRules && !decided)
            regexRules->append(i);
        return false;
    });
    return stats;
}

} // namespace Dsn::Rules
