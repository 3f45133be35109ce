// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "rules/RegexSetMap.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include <QCoreApplication>

#include "rules/CompiledPattern.h"
#include "rules/CompiledPatternCache.h"
#include "rules/detail/ClassRunFilter.h"
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
    std::vector<std::shared_ptr<const CompiledPattern>> groups;
    std::vector<int> groupOf;
    std::shared_ptr<const Detail::ClassRunFilter> classRuns;
    std::vector<uint32_t> runBegin;
    std::vector<int> runIds;
};

// Literal-free rules per alternation: a lookup that finds no match runs one regex for this many
// rules, and one that does runs this many more.
constexpr qsizetype kGroupSize = 16;

/**
 * Joins the literal-free rules `members` (ascending) into alternations of up to kGroupSize
 * rules. Rust's alternation of non-capturing groups matches exactly where one of them does, and
 * keeps each member's flags to itself. A joint pattern Rust or Boost refuses (duplicate capture
 * names, the size limit) is halved until it compiles; single rules stay alone. Patterns with `#`
 * are left alone: under (?x) a comment would swallow the group's end.
 *
 * A rule's verdict comes from its own alternation, so members need not be neighbours, and they
 * are joined by how they run: rules anchored at the subject's start among themselves (such an
 * alternation is tried at one position, BoostRegexWriter), the others only when they have no
 * class run. A rule with runs runs alone where its runs occur: joined with others it would run
 * wherever any of them might match, and an unanchored alternation costs far more per position
 * than its members do where their runs rule them out.
 */
void buildGroups(const QStringList &patterns, const std::vector<int> &members,
                 const std::vector<std::shared_ptr<const CompiledPattern>> &compiled,
                 std::vector<std::shared_ptr<const CompiledPattern>> &groups, std::vector<int> &groupOf)
{
    std::vector<int> anchored;
    std::vector<int> runless;
    for (const int rule : members) {
        const CompiledPattern &pattern = *compiled[size_t(rule)];
        if (patterns[rule].contains(u'#'))
            continue;
        if (pattern.classRuns().empty())
            (pattern.startsAtTextStart() ? anchored : runless).push_back(rule);
    }
    std::vector<int> joinable;
    auto join = [&](auto &&self, size_t begin, size_t end) -> void {
        if (end - begin < 2)
            return;
        QString joint;
        for (size_t k = begin; k < end; ++k)
            joint += (k > begin ? QStringLiteral("|(?:") : QStringLiteral("(?:")) + patterns[joinable[k]] + u')';
        auto compiled = CompiledPattern::compile(joint);
        if (!compiled) {
            const size_t middle = begin + (end - begin) / 2;
            self(self, begin, middle);
            self(self, middle, end);
            return;
        }
        for (size_t k = begin; k < end; ++k)
            groupOf[size_t(joinable[k])] = int(groups.size());
        groups.push_back(std::move(compiled.value()));
    };
    for (std::vector<int> *list : {&anchored, &runless}) {
        joinable = std::move(*list);
        for (size_t begin = 0; begin < joinable.size(); begin += size_t(kGroupSize))
            join(join, begin, std::min(joinable.size(), begin + size_t(kGroupSize)));
    }
}

using ClassRun = std::vector<Detail::ClassRunFilter::AsciiMask>;

// Positions of the class runs that rules with a literal also check: one filter pass covers
// them all, and more would make that pass cost what the regexes it saves cost.
constexpr size_t kSharedRunPositions = 128;

/**
 * Class runs of rules that do have a trigger literal, for when the trigger is a common word of
 * an alternation (`\[(\d+\.){3}\d+\]\s\w+\s(deferred|rejected)`): the runs several such
 * rules share (with a class in them; plain text is the scan's job), most shared first, within
 * kSharedRunPositions. A rule then runs only where its trigger and those runs both occur.
 */
std::set<ClassRun> sharedClassRuns(const std::vector<std::shared_ptr<const CompiledPattern>> &compiled,
                                   const std::vector<int> &alwaysRun)
{
    std::map<ClassRun, int> users;
    for (size_t rule = 0; rule < compiled.size(); ++rule) {
        const CompiledPattern &pattern = *compiled[rule];
        if (!pattern.exactLiterals().isEmpty() || std::binary_search(alwaysRun.begin(), alwaysRun.end(), int(rule)))
            continue;
        for (const ClassRun &run : pattern.classRuns()) {
            // Case-insensitive letters admit two characters; a class admits more.
            const bool hasClass = std::any_of(run.begin(), run.end(), [](const auto &m) {
                return std::popcount(m[0]) + std::popcount(m[1]) > 2;
            });
            if (hasClass)
                ++users[run];
        }
    }
    std::vector<std::pair<int, const ClassRun *>> ranked;
    for (const auto &[run, count] : users) {
        if (count >= 2)
            ranked.emplace_back(count, &run);
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    std::set<ClassRun> chosen;
    size_t positions = 0;
    for (const auto &[count, run] : ranked) {
        if (positions + run->size() > kSharedRunPositions)
            break;
        positions += run->size();
        chosen.insert(*run);
    }
    return chosen;
}

/// Per thread, what each alternation said about the subject of the current lookup.
struct GroupVerdicts
{
    enum : uint8_t
    {
        Unknown,
        NoMatch,
        MayMatch,
    };
    std::vector<uint8_t> verdict;
    int runs = 0;
    // The class runs of the current subject: not looked for yet, or found (runFound).
    bool runsKnown = false;
    std::vector<uint8_t> runFound;
    std::string runBytes; // a subject beyond ASCII, as ClassRunFilter reads it
    // The current subject as bytes, once a regex or the class runs need it on an ASCII subject.
    std::string ascii;
};

GroupVerdicts &groupVerdicts()
{
    thread_local GroupVerdicts t_verdicts;
    return t_verdicts;
}

/**
 * The last few pattern lists compiled. Editing a rule's value, a second evaluator thread and
 * the CLI's second build all ask for a map whose patterns were just compiled; they then skip
 * the prefilter's construction, not only the pattern compiles (CompiledPatternCache).
 */
class RecentMaps
{
public:
    /**
     * The map compiled for `patterns`, or null when the caller is to compile it; the caller then
     * holds the claim until add() or release(). Another caller asking meanwhile waits: evaluator
     * threads started together would otherwise each compile the same table.
     */
    std::shared_ptr<const Compiled> findOrClaim(const QStringList &patterns, RegexSetMap::Strategy strategy)
    {
        std::unique_lock lock(m_mutex);
        while (true) {
            for (const auto &c : m_recent) {
                if (c->strategy == strategy && c->patterns == patterns)
                    return c;
            }
            if (claimed(patterns, strategy) == m_claims.end()) {
                m_claims.emplace_back(strategy, patterns);
                return nullptr;
            }
            m_released.wait(lock);
        }
    }
    void add(std::shared_ptr<const Compiled> c)
    {
        {
            std::lock_guard lock(m_mutex);
            if (const auto it = claimed(c->patterns, c->strategy); it != m_claims.end())
                m_claims.erase(it);
            m_recent.push_front(std::move(c));
            if (m_recent.size() > 4)
                m_recent.pop_back();
        }
        m_released.notify_all();
    }
    /// The claim ends without a map (a pattern did not compile): a waiter compiles it itself.
    void release(const QStringList &patterns, RegexSetMap::Strategy strategy)
    {
        {
            std::lock_guard lock(m_mutex);
            if (const auto it = claimed(patterns, strategy); it != m_claims.end())
                m_claims.erase(it);
        }
        m_released.notify_all();
    }

private:
    using Claim = std::pair<RegexSetMap::Strategy, QStringList>;
    std::vector<Claim>::iterator claimed(const QStringList &patterns, RegexSetMap::Strategy strategy)
    {
        return std::find_if(m_claims.begin(), m_claims.end(),
                            [&](const Claim &c) { return c.first == strategy && c.second == patterns; });
    }

    std::mutex m_mutex;
    std::condition_variable m_released;
    std::deque<std::shared_ptr<const Compiled>> m_recent;
    std::vector<Claim> m_claims;
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
    if (auto recent = recentMaps().findOrClaim(patterns, strategy)) {
        map.m_compiled = recent->compiled;
        map.m_prefilter = recent->prefilter;
        map.m_groups = recent->groups;
        map.m_groupOf = recent->groupOf;
        map.m_classRuns = recent->classRuns;
        map.m_runBegin = recent->runBegin;
        map.m_runIds = recent->runIds;
        return map;
    }
    // Whatever ends this compile, the claim on the list ends with it.
    struct ClaimGuard
    {
        const QStringList &patterns;
        Strategy strategy;
        bool added = false;
        ~ClaimGuard()
        {
            if (!added)
                recentMaps().release(patterns, strategy);
        }
    } claim{patterns, strategy};
    auto remember = [&map, &patterns, strategy, &claim] {
        auto c = std::make_shared<Compiled>();
        c->strategy = strategy;
        c->patterns = patterns;
        c->compiled = map.m_compiled;
        c->prefilter = map.m_prefilter;
        c->groups = map.m_groups;
        c->groupOf = map.m_groupOf;
        c->classRuns = map.m_classRuns;
        c->runBegin = map.m_runBegin;
        c->runIds = map.m_runIds;
        recentMaps().add(std::move(c));
        claim.added = true;
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
            facts.push_back({pattern->literalSets(), pattern->anchoredLiteralSets(), pattern->exactLiterals()});
        map.m_prefilter = std::make_shared<const Detail::PrefilterIndex>(facts);
        auto runs = std::make_shared<Detail::ClassRunFilter>();
        std::vector<uint32_t> runBegin(map.m_compiled.size() + 1, 0);
        std::vector<int> runIds;
        const std::vector<int> &alwaysRun = map.m_prefilter->alwaysRun();
        const std::set<ClassRun> shared = sharedClassRuns(map.m_compiled, alwaysRun);
        for (size_t rule = 0, next = 0; rule < map.m_compiled.size(); ++rule) {
            runBegin[rule] = uint32_t(runIds.size());
            const bool always = next < alwaysRun.size() && alwaysRun[next] == int(rule);
            next += always;
            for (const auto &run : map.m_compiled[rule]->classRuns()) {
                if (always || shared.contains(run))
                    runIds.push_back(runs->add(run));
            }
        }
        runBegin.back() = uint32_t(runIds.size());
        if (!runs->isEmpty()) {
            map.m_classRuns = std::move(runs);
            map.m_runBegin = std::move(runBegin);
            map.m_runIds = std::move(runIds);
        }
        if (alwaysRun.size() >= 2) {
            map.m_groupOf.assign(map.m_compiled.size(), -1);
            buildGroups(patterns, alwaysRun, map.m_compiled, map.m_groups, map.m_groupOf);
            if (map.m_groups.empty())
                map.m_groupOf.clear();
        }
    }
    remember();
    return map;
}

template <typename Visit> int RegexSetMap::forEachCandidate(QStringView subject, Visit &&visit) const
{
    if (m_prefilter) {
        GroupVerdicts &groups = groupVerdicts();
        groups.verdict.assign(m_groups.size(), GroupVerdicts::Unknown);
        groups.runs = 0;
        groups.runsKnown = false;
        // The scan tells whether the subject is ASCII; it is narrowed only if a regex runs.
        bool ascii = false;
        const char *bytes = nullptr;
        auto narrowed = [&]() -> const char * {
            if (ascii && !bytes) {
                CompiledPattern::narrow(subject, groups.ascii);
                bytes = groups.ascii.data();
            }
            return bytes;
        };
        const bool wellFormed = m_prefilter->forEachCandidate(
            subject,
            [&](int i, Detail::PrefilterIndex::Verdict verdict) {
                if (!m_runIds.empty() && m_runBegin[size_t(i)] != m_runBegin[size_t(i) + 1]) {
                    if (!groups.runsKnown) {
                        groups.runsKnown = true;
                        if (ascii)
                            m_classRuns->find(narrowed(), subject.size(), groups.runFound);
                        else
                            m_classRuns->find(subject, groups.runFound, groups.runBytes);
                    }
                    for (uint32_t k = m_runBegin[size_t(i)]; k < m_runBegin[size_t(i) + 1]; ++k) {
                        if (!groups.runFound[size_t(m_runIds[k])])
                            return false;
                    }
                }
                const int group = m_groupOf.empty() ? -1 : m_groupOf[size_t(i)];
                if (group >= 0) {
                    uint8_t &known = groups.verdict[size_t(group)];
                    if (known == GroupVerdicts::Unknown) {
                        ++groups.runs;
                        // Where Boost gives up on the alternation, its members decide alone.
                        known = m_groups[size_t(group)]->searchOutcome(subject, narrowed()) ==
                                        CompiledPattern::Outcome::NoMatch
                                    ? GroupVerdicts::NoMatch
                                    : GroupVerdicts::MayMatch;
                    }
                    if (known == GroupVerdicts::NoMatch)
                        return false;
                }
                const bool decided = verdict == Detail::PrefilterIndex::Verdict::Match;
                return visit(i, decided, decided ? nullptr : narrowed());
            },
            &ascii);
        if (wellFormed)
            return groups.runs;
        // Boost refuses malformed UTF-16 for every pattern, and the plain loop reports each as
        // given up; run them all so the answer stays the same.
    }
    // Scan stays the reference: the u32regex on every pattern, whatever the subject.
    for (size_t i = 0; i < m_compiled.size(); ++i) {
        if (visit(int(i), false, nullptr))
            break;
    }
    return 0;
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
    forEachCandidate(subject, [&](int i, bool decided, const char *ascii) {
        if (!decided && m_compiled[size_t(i)]->searchOutcome(subject, ascii) != CompiledPattern::Outcome::Match)
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
    forEachCandidate(subject, [&](int i, bool decided, const char *ascii) {
        const CompiledPattern::Outcome outcome =
            decided ? CompiledPattern::Outcome::Match : m_compiled[size_t(i)]->searchOutcome(subject, ascii);
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
    // Into the buffer the last subject left, so that remembering costs no allocation per line.
    // The string is never handed out, so it is never shared and resize() keeps its capacity.
    t_last.subject.resize(subject.size());
    std::copy(subject.begin(), subject.end(), t_last.subject.data());
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
    stats.groupRuns = forEachCandidate(subject, [&stats, regexRules](int i, bool decided, const char *) {
        ++(decided ? stats.decidedByScan : stats.regexRuns);
        if (regexRules && !decided)
            regexRules->append(i);
        return false;
    });
    return stats;
}

} // namespace Dsn::Rules
