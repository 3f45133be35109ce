// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "rules/detail/PrefilterIndex.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <utility>

#include <QHash>

namespace Dsn::Rules::Detail {

namespace {

// A rule's trigger is checked on every line that contains it; the other sets only once the
// trigger fired, so a few are plenty.
constexpr qsizetype kMaxCheckedSets = 4;

/// One literal set of a rule; `maxEnd` bounds where an occurrence may end to count.
struct RuleSet
{
    RustRegexTranslator::LiteralSet strings;
    int maxEnd = std::numeric_limits<int>::max();
};

bool usable(const RustRegexTranslator::LiteralSet &set)
{
    return !set.isEmpty() && std::all_of(set.begin(), set.end(), [](const auto &s) {
        return s.text.size() >= PrefilterIndex::MinLiteralLength;
    });
}

/// One key per literal the scan tracks: text and case mode.
QString keyOf(const RustRegexTranslator::LiteralString &s)
{
    return (s.foldCase ? u'~' : u'=') + s.text;
}

/**
 * How often a set is expected to fire, lower is better. Without sample text the table itself is
 * the best guide: a string many rules require ("Recipient address rejected: ") is a phrase the
 * replies share, and short strings occur by chance. Each string adds its table count, doubled
 * for every character it falls short of eight.
 */
double setCost(const RuleSet &set, const QHash<QString, int> &uses)
{
    double cost = 0;
    for (const auto &s : set.strings)
        cost += double(uses.value(keyOf(s)) + 4) * std::ldexp(1.0, int(std::max<qsizetype>(0, 8 - s.text.size())));
    // Where an occurrence must end near the start, a line rarely has it there.
    return set.maxEnd == std::numeric_limits<int>::max() ? cost : cost / 16;
}

bool isAscii(const QString &text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
}

} // namespace

PrefilterIndex::Scratch &PrefilterIndex::scratch()
{
    thread_local Scratch t_scratch;
    return t_scratch;
}

PrefilterIndex::PrefilterIndex(const std::vector<RuleFacts> &rules)
{
    const size_t count = rules.size();
    // The sets each rule can use, the exact-literal rules' text being their only set.
    std::vector<QList<RuleSet>> sets(count);
    m_kind.assign(count, Kind::Regex);
    QHash<QString, int> uses;
    for (size_t i = 0; i < count; ++i) {
        const RuleFacts &r = rules[i];
        // The scan hit decides, so even a one-character text is worth scanning for; a set of
        // several needs usable strings, as a trigger would. Case-insensitive strings are decided
        // by the scan only when ASCII: beyond that, Boost's case-insensitive comparison and
        // simple case folding part ways (ſ, final sigma), and Boost is the reference here.
        const RustRegexTranslator::LiteralSet &exact = r.exactLiterals;
        if (!exact.isEmpty() && (exact.size() == 1 || usable(exact))) {
            const bool folded = std::any_of(exact.begin(), exact.end(), [](const auto &s) { return s.foldCase; });
            const bool decidable = std::all_of(exact.begin(), exact.end(),
                                               [](const auto &s) { return !s.foldCase || isAscii(s.text); });
            if (decidable)
                m_kind[i] = folded ? Kind::FoldedLiteral : Kind::ExactLiteral;
            sets[i].append({exact});
        } else {
            for (const RustRegexTranslator::AnchoredLiterals &set : r.anchoredSets) {
                if (usable(set.strings))
                    sets[i].append({set.strings, set.maxEnd});
            }
            for (const RustRegexTranslator::LiteralSet &set : r.literalSets) {
                // The anchored form of the same set is the stricter one.
                const bool anchored = std::any_of(r.anchoredSets.begin(), r.anchoredSets.end(),
                                                  [&set](const auto &a) { return a.strings == set; });
                if (usable(set) && !anchored)
                    sets[i].append({set});
            }
        }
        QStringList strings;
        for (const RuleSet &set : std::as_const(sets[i])) {
            for (const auto &s : set.strings)
                strings.append(keyOf(s));
        }
        strings.removeDuplicates();
        for (const QString &s : std::as_const(strings))
            ++uses[s];
    }

    QHash<QString, int> literalId;
    auto idOf = [&](const RustRegexTranslator::LiteralString &s) {
        const QString key = keyOf(s);
        auto it = literalId.find(key);
        if (it == literalId.end()) {
            it = literalId.insert(key, int(m_literals.size()));
            m_literals.append(s.text);
            m_literalExact.push_back(!s.foldCase);
        }
        return it.value();
    };
    std::vector<std::vector<int>> posting;
    m_trigger.resize(count);
    m_triggerMaxEnd.assign(count, std::numeric_limits<uint32_t>::max());
    m_checkBegin.reserve(count + 1);
    for (size_t i = 0; i < count; ++i) {
        m_checkBegin.push_back(uint32_t(m_checks.size()));
        QList<RuleSet> &ruleSets = sets[i];
        if (ruleSets.isEmpty()) {
            m_alwaysRun.push_back(int(i));
            continue;
        }
        // Cheapest first: the first is the trigger, the next few are checked after it fires.
        std::stable_sort(ruleSets.begin(), ruleSets.end(), [&uses](const RuleSet &a, const RuleSet &b) {
            return setCost(a, uses) < setCost(b, uses);
        });
        m_triggerMaxEnd[i] = uint32_t(ruleSets.front().maxEnd);
        for (const auto &s : std::as_const(ruleSets.front().strings)) {
            const int id = idOf(s);
            if (size_t(id) >= posting.size())
                posting.resize(size_t(id) + 1);
            posting[size_t(id)].push_back(int(i));
            m_trigger[i].append(id);
        }
        if (m_kind[i] != Kind::Regex)
            continue;
        for (qsizetype k = 1; k < std::min(ruleSets.size(), kMaxCheckedSets + 1); ++k) {
            m_checks.push_back(int(ruleSets[k].strings.size()));
            m_checks.push_back(ruleSets[k].maxEnd);
            for (const auto &s : std::as_const(ruleSets[k].strings))
                m_checks.push_back(idOf(s));
        }
    }
    m_checkBegin.push_back(uint32_t(m_checks.size()));

    posting.resize(size_t(m_literals.size()));
    m_postBegin.reserve(posting.size() + 1);
    for (const std::vector<int> &rulesOfLiteral : posting) {
        m_postBegin.push_back(uint32_t(m_postRules.size()));
        // A rule listing two strings that fold alike is queued once anyway (ruleQueued).
        m_postRules.insert(m_postRules.end(), rulesOfLiteral.begin(), rulesOfLiteral.end());
    }
    m_postBegin.push_back(uint32_t(m_postRules.size()));
    for (qsizetype id = 0; id < m_literals.size(); ++id)
        m_scanner.add(m_literals[id], int(id));
    m_scanner.build();
}

bool PrefilterIndex::collect(QStringView subject, Scratch &s) const
{
    if (++s.generation == 0) {
        // Wrapped after four billion lookups: old stamps could pass for current ones.
        std::fill(s.literalSeen.begin(), s.literalSeen.end(), 0);
        std::fill(s.ruleQueued.begin(), s.ruleQueued.end(), 0);
        s.generation = 1;
    }
    if (s.literalSeen.size() < size_t(m_literals.size())) {
        s.literalSeen.resize(size_t(m_literals.size()), 0);
        s.literalEnd.resize(size_t(m_literals.size()), 0);
    }
    if (s.ruleQueued.size() < m_kind.size())
        s.ruleQueued.resize(m_kind.size(), 0);
    const uint32_t generation = s.generation;
    s.hitLiterals.clear();
    // A literal's occurrences arrive by ascending end, so the first one seen ends earliest.
    const LiteralScanner::ScanResult scanned = m_scanner.scan(subject, [&](int id, qsizetype end) {
        uint32_t &seen = s.literalSeen[size_t(id)];
        if (seen != generation) {
            // The scan compares case-folded; a case-sensitive literal needs its exact text.
            if (m_literalExact[size_t(id)]) {
                const QString &text = m_literals[id];
                if (subject.sliced(end - text.size(), text.size()) != text)
                    return;
            }
            seen = generation;
            s.literalEnd[size_t(id)] = uint32_t(std::min<qsizetype>(end, std::numeric_limits<uint32_t>::max()));
            s.hitLiterals.push_back(id);
        }
    });
    if (!scanned.wellFormed)
        return false;
    s.foldsIntoAscii = scanned.foldsIntoAscii;
    s.ascii = scanned.ascii;
    s.rules.clear();
    for (const int id : s.hitLiterals) {
        const uint32_t literalEnd = s.literalEnd[size_t(id)];
        for (uint32_t p = m_postBegin[size_t(id)], end = m_postBegin[size_t(id) + 1]; p < end; ++p) {
            const int rule = m_postRules[p];
            uint32_t &queued = s.ruleQueued[size_t(rule)];
            if (queued != generation && literalEnd <= m_triggerMaxEnd[size_t(rule)]) {
                queued = generation;
                s.rules.push_back(rule);
            }
        }
    }
    std::sort(s.rules.begin(), s.rules.end());
    s.merged.clear();
    if (m_alwaysRun.empty()) {
        std::swap(s.merged, s.rules);
    } else {
        s.merged.resize(s.rules.size() + m_alwaysRun.size());
        std::merge(s.rules.begin(), s.rules.end(), m_alwaysRun.begin(), m_alwaysRun.end(), s.merged.begin());
    }
    return true;
}

QStringList PrefilterIndex::triggerLiterals(int index) const
{
    QStringList out;
    if (index < 0 || size_t(index) >= m_trigger.size())
        return out;
    for (const int id : m_trigger[size_t(index)])
        out.append(m_literals[id]);
    return out;
}

} // namespace Dsn::Rules::Detail
