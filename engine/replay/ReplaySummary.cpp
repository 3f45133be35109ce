// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "replay/ReplaySummary.h"

#include <algorithm>
#include <array>
#include <vector>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonValue>
#include <QStringList>

#include "eval/BounceClassifier.h"
#include "replay/ResponseMasker.h"

namespace Dsn::Replay {

namespace {

constexpr std::array<const char *, 4> DimensionKeys = {"domains", "sites", "tenants", "campaigns"};
const QLatin1String FormatName("dsn-replay-summary");
constexpr int FormatVersion = 1;


/// Input order: by file, then by line.
bool earlier(const QString &fileA, qint64 lineA, const QString &fileB, qint64 lineB)
{
    return fileA != fileB ? fileA < fileB : lineA < lineB;
}

template <typename Item>
bool before(const Item &a, const Item &b)
{
    return earlier(a.file, a.line, b.file, b.line);
}

/// Keeps the first `limit` items by (file, line): the same set whatever the merge order.
template <typename Item>
void insertByPosition(QList<Item> &list, const Item &item, int limit)
{
    if (list.size() >= limit && (limit <= 0 || !before(item, list.last())))
        return;
    const auto at = std::upper_bound(list.begin(), list.end(), item, before<Item>);
    list.insert(at, item);
    if (list.size() > limit)
        list.removeLast();
}

/// Whether an item at (file, line) would enter `list` (see insertByPosition): asked first so
/// the item, with its strings, is built only for the few that do.
template <typename Item>
bool wouldKeep(const QList<Item> &list, const QString &file, qint64 line, int limit)
{
    if (list.size() < limit)
        return true;
    if (limit <= 0)
        return false;
    return earlier(file, line, list.last().file, list.last().line);
}

qint64 weight(const ReplaySummary::Counts &c)
{
    return c.records;
}

qint64 weight(const ReplaySummary::UnmatchedGroup &g)
{
    return g.count;
}

/// Adds `count` replies to `into`, keeping the earliest example by (file, line) so merging is
/// order-free. The example's strings are copied only when it is kept.
void add(ReplaySummary::UnmatchedGroup &into, qint64 count, const QString &example, const QString &queue,
         const QString &file, qint64 line)
{
    const bool first = into.count == 0;
    into.count += count;
    if (first
        || (!example.isEmpty() && (into.example.isEmpty() || earlier(file, line, into.file, into.line)))) {
        into.example = example;
        into.queue = queue;
        into.file = file;
        into.line = line;
    }
}

void add(ReplaySummary::UnmatchedGroup &into, const ReplaySummary::UnmatchedGroup &g)
{
    add(into, g.count, g.example, g.queue, g.file, g.line);
}

/// The entries of a grouped count, largest first, ties by name so the order is total.
template <typename Map>
std::vector<typename Map::const_iterator> ranked(const Map &map)
{
    std::vector<typename Map::const_iterator> order;
    order.reserve(map.size());
    for (auto it = map.begin(); it != map.end(); ++it)
        order.push_back(it);
    std::sort(order.begin(), order.end(), [](auto a, auto b) {
        const qint64 wa = weight(a->second), wb = weight(b->second);
        return wa != wb ? wa > wb : a->first < b->first;
    });
    return order;
}

/// Drops all but the `cap` largest groups, adding their records to `dropped`.
template <typename Map>
void prune(Map &map, int cap, qint64 &dropped)
{
    if (qsizetype(map.size()) <= cap)
        return;
    const auto order = ranked(map);
    // By iterator: erasing one entry leaves the others' iterators valid, and nothing is hashed again.
    for (size_t i = size_t(std::max(cap, 0)); i < order.size(); ++i) {
        dropped += weight(order[i]->second);
        map.erase(order[i]);
    }
}

void add(ReplaySummary::Counts &into, const ReplaySummary::Counts &c)
{
    into.records += c.records;
    into.rewritten += c.rewritten;
    into.changed += c.changed;
    into.unmatched += c.unmatched;
}

QJsonArray rulesToJson(const ReplaySummary::RuleCounts &counts)
{
    QJsonArray rules;
    for (const auto &[key, n] : counts)
        rules.append(QJsonObject{{QStringLiteral("index"), key.first},
                                 {QStringLiteral("pattern"), key.second},
                                 {QStringLiteral("count"), n}});
    return rules;
}

ReplaySummary::RuleCounts rulesFromJson(const QJsonArray &rules)
{
    ReplaySummary::RuleCounts counts;
    for (const QJsonValue &v : rules) {
        const QJsonObject r = v.toObject();
        counts[{r.value(QLatin1String("index")).toInt(), r.value(QLatin1String("pattern")).toString()}] =
            r.value(QLatin1String("count")).toInteger();
    }
    return counts;
}

QJsonObject sampleToJson(const ReplaySummary::Sample &s)
{
    return QJsonObject{{QStringLiteral("file"), s.file},       {QStringLiteral("line"), s.line},
                       {QStringLiteral("queue"), s.queue},     {QStringLiteral("oldCode"), s.oldCode},
                       {QStringLiteral("newCode"), s.newCode}, {QStringLiteral("rule"), s.rule},
                       {QStringLiteral("response"), s.response}};
}

ReplaySummary::Sample sampleFromJson(const QJsonObject &o)
{
    ReplaySummary::Sample s;
    s.file = o.value(QLatin1String("file")).toString();
    s.line = o.value(QLatin1String("line")).toInteger();
    s.queue = o.value(QLatin1String("queue")).toString();
    s.oldCode = o.value(QLatin1String("oldCode")).toInt();
    s.newCode = o.value(QLatin1String("newCode")).toInt();
    s.rule = o.value(QLatin1String("rule")).toInt(-1);
    s.response = o.value(QLatin1String("response")).toString();
    return s;
}

qint64 integer(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toInteger();
}

} // namespace

ReplaySummary::ReplaySummary() = default;

ReplaySummary::ReplaySummary(Limits limits) : m_limits(limits) {}

void ReplaySummary::addRecord(const QString &type)
{
    ++m_records;
    ++m_recordTypes[type];
}

void ReplaySummary::addMalformed(const QString &file, qint64 line, const QString &reason)
{
    ++m_malformed;
    insertByPosition(m_malformedExamples, MalformedLine{file, line, reason}, m_limits.malformedExamples);
}

void ReplaySummary::addDecision(const ReplayDecision &d)
{
    ++m_evaluated;
    // Internal failures (no command) stay in the totals: they are part of what the log holds.
    m_internal += d.internal;
    const bool changed = d.changed();
    const bool unmatched = d.unmatched();
    m_rewritten += d.rewritten;
    m_changed += changed;
    m_policyErrors += d.policyError;
    m_inputErrors += d.inputError;
    Cell &cell = m_transitions[{d.oldType, d.newType}];
    ++cell.count;
    if (wouldKeep(cell.samples, d.file, d.line, m_limits.samplesPerCell)) {
        insertByPosition(cell.samples, Sample{d.file, d.line, d.queue, d.oldCode, d.newCode, d.ruleIndex, d.response},
                         m_limits.samplesPerCell);
    }
    ++m_classTransitions[{d.oldClass, d.newClass}];
    if (d.ruleIndex >= 0) {
        const std::pair<int, QString> rule{d.ruleIndex, d.rulePattern};
        ++m_rules[rule];
        ++cell.rules[rule];
    }
    if (unmatched) {
        ++m_unmatched;
        // The group's text is its key (filled in on the way out).
        add(m_unmatchedReplies[ResponseMasker::mask(d.response)], 1, d.response, d.queue, d.file, d.line);
        // Pruning only past twice the cap keeps adding amortised O(log n).
        if (qsizetype(m_unmatchedReplies.size()) > 2 * qsizetype(m_limits.groupCap))
            prune(m_unmatchedReplies, m_limits.groupCap, m_droppedUnmatched);
    }
    const Counts one{1, d.rewritten ? 1 : 0, changed ? 1 : 0, unmatched ? 1 : 0};
    const QString *keys[DimensionCount] = {&d.domain, &d.site, &d.tenant, &d.campaign};
    for (int i = 0; i < DimensionCount; ++i) {
        if (keys[i]->isEmpty())
            continue;
        add(m_groups[i][*keys[i]], one);
        if (qsizetype(m_groups[i].size()) > 2 * qsizetype(m_limits.groupCap))
            prune(m_groups[i], m_limits.groupCap, m_droppedGroups[i]);
    }
}

void ReplaySummary::merge(const ReplaySummary &other)
{
    m_records += other.m_records;
    m_malformed += other.m_malformed;
    m_evaluated += other.m_evaluated;
    m_internal += other.m_internal;
    m_rewritten += other.m_rewritten;
    m_changed += other.m_changed;
    m_unmatched += other.m_unmatched;
    m_policyErrors += other.m_policyErrors;
    m_inputErrors += other.m_inputErrors;
    for (const auto &[type, n] : other.m_recordTypes)
        m_recordTypes[type] += n;
    for (const auto &[key, cell] : other.m_transitions) {
        Cell &mine = m_transitions[key];
        mine.count += cell.count;
        for (const Sample &s : cell.samples)
            insertByPosition(mine.samples, s, m_limits.samplesPerCell);
        for (const auto &[rule, n] : cell.rules)
            mine.rules[rule] += n;
    }
    for (const auto &[key, n] : other.m_classTransitions)
        m_classTransitions[key] += n;
    for (const auto &[key, n] : other.m_rules)
        m_rules[key] += n;
    for (int i = 0; i < DimensionCount; ++i) {
        for (const auto &[key, counts] : other.m_groups[i])
            add(m_groups[i][key], counts);
        m_droppedGroups[i] += other.m_droppedGroups[i];
        prune(m_groups[i], m_limits.groupCap, m_droppedGroups[i]);
    }
    for (const auto &[text, group] : other.m_unmatchedReplies)
        add(m_unmatchedReplies[text], group);
    m_droppedUnmatched += other.m_droppedUnmatched;
    prune(m_unmatchedReplies, m_limits.groupCap, m_droppedUnmatched);
    for (const MalformedLine &m : other.m_malformedExamples)
        insertByPosition(m_malformedExamples, m, m_limits.malformedExamples);
}

qint64 ReplaySummary::recordsOfType(const QString &type) const
{
    const auto it = m_recordTypes.find(type);
    return it == m_recordTypes.end() ? 0 : it->second;
}

qint64 ReplaySummary::transitions(const QString &from, const QString &to) const
{
    const auto it = m_transitions.find({from, to});
    return it == m_transitions.end() ? 0 : it->second.count;
}

qint64 ReplaySummary::classTransitions(const QString &from, const QString &to) const
{
    const auto it = m_classTransitions.find({from, to});
    return it == m_classTransitions.end() ? 0 : it->second;
}

QList<std::pair<QString, qint64>> ReplaySummary::topUnmatched(int n) const
{
    QList<std::pair<QString, qint64>> out;
    for (const auto &it : ranked(m_unmatchedReplies)) {
        if (out.size() >= n)
            break;
        out.append({it->first, it->second.count});
    }
    return out;
}

QList<ReplaySummary::UnmatchedGroup> ReplaySummary::topUnmatchedGroups(int n) const
{
    QList<UnmatchedGroup> out;
    for (const auto &it : ranked(m_unmatchedReplies)) {
        if (out.size() >= n)
            break;
        out.append(it->second);
        out.last().text = it->first;
    }
    return out;
}

QList<std::pair<QString, ReplaySummary::Counts>> ReplaySummary::topGroups(Dimension dimension, int n) const
{
    QList<std::pair<QString, Counts>> out;
    for (const auto &it : ranked(m_groups[dimension])) {
        if (out.size() >= n)
            break;
        out.append({it->first, it->second});
    }
    return out;
}

QJsonObject ReplaySummary::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("format"), FormatName);
    o.insert(QStringLiteral("version"), FormatVersion);
    o.insert(QStringLiteral("limits"), QJsonObject{{QStringLiteral("samplesPerCell"), m_limits.samplesPerCell},
                                                   {QStringLiteral("malformedExamples"), m_limits.malformedExamples},
                                                   {QStringLiteral("groupCap"), m_limits.groupCap}});
    o.insert(QStringLiteral("records"), m_records);
    o.insert(QStringLiteral("malformed"), m_malformed);
    o.insert(QStringLiteral("evaluated"), m_evaluated);
    o.insert(QStringLiteral("internal"), m_internal);
    o.insert(QStringLiteral("rewritten"), m_rewritten);
    o.insert(QStringLiteral("changed"), m_changed);
    o.insert(QStringLiteral("unmatched"), m_unmatched);
    o.insert(QStringLiteral("policyErrors"), m_policyErrors);
    o.insert(QStringLiteral("inputErrors"), m_inputErrors);

    QJsonObject types;
    for (const auto &[type, n] : m_recordTypes)
        types.insert(type, n);
    o.insert(QStringLiteral("recordTypes"), types);

    QJsonArray transitions;
    for (const auto &[key, cell] : m_transitions) {
        QJsonArray samples;
        for (const Sample &s : cell.samples)
            samples.append(sampleToJson(s));
        transitions.append(QJsonObject{{QStringLiteral("from"), key.first},
                                       {QStringLiteral("to"), key.second},
                                       {QStringLiteral("count"), cell.count},
                                       {QStringLiteral("samples"), samples},
                                       {QStringLiteral("rules"), rulesToJson(cell.rules)}});
    }
    o.insert(QStringLiteral("transitions"), transitions);

    QJsonArray classes;
    for (const auto &[key, n] : m_classTransitions)
        classes.append(QJsonObject{{QStringLiteral("from"), key.first},
                                   {QStringLiteral("to"), key.second},
                                   {QStringLiteral("count"), n}});
    o.insert(QStringLiteral("classTransitions"), classes);

    o.insert(QStringLiteral("rules"), rulesToJson(m_rules));

    QJsonObject dropped;
    for (int i = 0; i < DimensionCount; ++i) {
        QJsonArray groups;
        qint64 cut = m_droppedGroups[i];
        const auto order = ranked(m_groups[i]);
        for (size_t k = 0; k < order.size(); ++k) {
            const Counts &c = order[k]->second;
            if (qsizetype(k) >= m_limits.groupCap) {
                cut += c.records;
                continue;
            }
            groups.append(QJsonObject{{QStringLiteral("name"), order[k]->first},
                                      {QStringLiteral("records"), c.records},
                                      {QStringLiteral("rewritten"), c.rewritten},
                                      {QStringLiteral("changed"), c.changed},
                                      {QStringLiteral("unmatched"), c.unmatched}});
        }
        o.insert(QLatin1String(DimensionKeys[size_t(i)]), groups);
        dropped.insert(QLatin1String(DimensionKeys[size_t(i)]), cut);
    }
    QJsonArray unmatched;
    qint64 cut = m_droppedUnmatched;
    const auto order = ranked(m_unmatchedReplies);
    for (size_t k = 0; k < order.size(); ++k) {
        if (qsizetype(k) >= m_limits.groupCap) {
            cut += order[k]->second.count;
            continue;
        }
        const UnmatchedGroup &g = order[k]->second;
        unmatched.append(QJsonObject{{QStringLiteral("text"), order[k]->first},
                                     {QStringLiteral("count"), g.count},
                                     {QStringLiteral("example"), g.example},
                                     {QStringLiteral("queue"), g.queue},
                                     {QStringLiteral("file"), g.file},
                                     {QStringLiteral("line"), g.line}});
    }
    o.insert(QStringLiteral("unmatchedResponses"), unmatched);
    dropped.insert(QStringLiteral("unmatchedResponses"), cut);
    o.insert(QStringLiteral("dropped"), dropped);

    QJsonArray examples;
    for (const MalformedLine &m : m_malformedExamples)
        examples.append(QJsonObject{{QStringLiteral("file"), m.file},
                                    {QStringLiteral("line"), m.line},
                                    {QStringLiteral("reason"), m.reason}});
    o.insert(QStringLiteral("malformedExamples"), examples);
    return o;
}

Result<ReplaySummary> ReplaySummary::fromJson(const QJsonObject &o)
{
    if (o.value(QLatin1String("format")).toString() != FormatName
        || o.value(QLatin1String("version")).toInt() != FormatVersion)
        return Diagnostic::error(QStringLiteral("bad-summary"),
                                 QCoreApplication::translate("ReplaySummary", "not a replay summary (expected \"format\": \"dsn-replay-summary\", version 1)"));
    const QJsonObject limits = o.value(QLatin1String("limits")).toObject();
    Limits l;
    l.samplesPerCell = limits.value(QLatin1String("samplesPerCell")).toInt(l.samplesPerCell);
    l.malformedExamples = limits.value(QLatin1String("malformedExamples")).toInt(l.malformedExamples);
    l.groupCap = limits.value(QLatin1String("groupCap")).toInt(l.groupCap);
    ReplaySummary s(l);
    s.m_records = integer(o, "records");
    s.m_malformed = integer(o, "malformed");
    s.m_evaluated = integer(o, "evaluated");
    s.m_internal = integer(o, "internal");
    s.m_rewritten = integer(o, "rewritten");
    s.m_changed = integer(o, "changed");
    s.m_unmatched = integer(o, "unmatched");
    s.m_policyErrors = integer(o, "policyErrors");
    s.m_inputErrors = integer(o, "inputErrors");

    const QJsonObject types = o.value(QLatin1String("recordTypes")).toObject();
    for (auto it = types.begin(); it != types.end(); ++it)
        s.m_recordTypes[it.key()] = it.value().toInteger();
    const QJsonArray transitions = o.value(QLatin1String("transitions")).toArray();
    for (const QJsonValue &v : transitions) {
        const QJsonObject t = v.toObject();
        Cell &cell = s.m_transitions[{t.value(QLatin1String("from")).toString(), t.value(QLatin1String("to")).toString()}];
        cell.count = integer(t, "count");
        const QJsonArray samples = t.value(QLatin1String("samples")).toArray();
        for (const QJsonValue &sv : samples)
            cell.samples.append(sampleFromJson(sv.toObject()));
        // Absent from summaries written before cells counted their rules.
        cell.rules = rulesFromJson(t.value(QLatin1String("rules")).toArray());
    }
    // Absent from summaries written before replays carried classifications: no pairs then.
    const QJsonArray classes = o.value(QLatin1String("classTransitions")).toArray();
    for (const QJsonValue &v : classes) {
        const QJsonObject c = v.toObject();
        s.m_classTransitions[{c.value(QLatin1String("from")).toString(), c.value(QLatin1String("to")).toString()}] =
            integer(c, "count");
    }
    s.m_rules = rulesFromJson(o.value(QLatin1String("rules")).toArray());
    const QJsonObject dropped = o.value(QLatin1String("dropped")).toObject();
    for (int i = 0; i < DimensionCount; ++i) {
        const QLatin1String key(DimensionKeys[size_t(i)]);
        const QJsonArray groups = o.value(key).toArray();
        for (const QJsonValue &v : groups) {
            const QJsonObject g = v.toObject();
            s.m_groups[i][g.value(QLatin1String("name")).toString()] = Counts{
                integer(g, "records"), integer(g, "rewritten"), integer(g, "changed"), integer(g, "unmatched")};
        }
        s.m_droppedGroups[i] = dropped.value(key).toInteger();
    }
    const QJsonArray unmatched = o.value(QLatin1String("unmatchedResponses")).toArray();
    for (const QJsonValue &v : unmatched) {
        const QJsonObject u = v.toObject();
        const QString text = u.value(QLatin1String("text")).toString();
        // Summaries written before examples were kept have only text and count.
        s.m_unmatchedReplies[text] = UnmatchedGroup{text, integer(u, "count"), u.value(QLatin1String("example")).toString(),
                                                    u.value(QLatin1String("queue")).toString(),
                                                    u.value(QLatin1String("file")).toString(), integer(u, "line")};
    }
    s.m_droppedUnmatched = dropped.value(QLatin1String("unmatchedResponses")).toInteger();
    const QJsonArray examples = o.value(QLatin1String("malformedExamples")).toArray();
    for (const QJsonValue &v : examples) {
        const QJsonObject m = v.toObject();
        s.m_malformedExamples.append(
            {m.value(QLatin1String("file")).toString(), integer(m, "line"), m.value(QLatin1String("reason")).toString()});
    }
    return s;
}

QString ReplaySummary::text(int top) const
{
    QString out;
    QStringList types;
    for (const auto &[type, n] : m_recordTypes)
        types << QStringLiteral("%1 %2").arg(type).arg(n);
    out += QCoreApplication::translate("ReplaySummary", "Records: %1 (%2), malformed lines: %3\n")
               .arg(m_records)
               .arg(types.isEmpty() ? QCoreApplication::translate("ReplaySummary", "none") : types.join(QStringLiteral(", ")))
               .arg(m_malformed);
    out += QCoreApplication::translate("ReplaySummary", "Failures replayed: %1 (KumoMTA-internal, not evaluated: %2); rewritten by the policy: %3; "
              "different from the log: %4; no rule matched: %5; policy errors: %6\n")
               .arg(m_evaluated)
               .arg(m_internal)
               .arg(m_rewritten)
               .arg(m_changed)
               .arg(m_unmatched)
               .arg(m_policyErrors);
    if (!m_transitions.empty()) {
        out += QCoreApplication::translate("ReplaySummary", "\nRecord type, logged → now:\n");
        for (const auto &[key, cell] : m_transitions)
            out += QStringLiteral("  %1 → %2  %3\n").arg(key.first, -16).arg(key.second, -16).arg(cell.count, 10);
    }
    // Without a classifier every failure is Uncategorized before and after: nothing to show.
    const bool onlyUncategorized = std::all_of(m_classTransitions.begin(), m_classTransitions.end(), [](const auto &entry) {
        return entry.first.first == Eval::BounceClassifier::uncategorized() && entry.first.second == entry.first.first;
    });
    if (!onlyUncategorized) {
        out += QCoreApplication::translate("ReplaySummary", "\nBounce classification, before → after the rewrite:\n");
        for (const auto &[key, n] : m_classTransitions)
            out += QStringLiteral("  %1 → %2  %3\n").arg(key.first, -20).arg(key.second, -20).arg(n, 10);
    }
    if (!m_rules.empty()) {
        out += QCoreApplication::translate("ReplaySummary", "\nMatches per rule (table index, pattern):\n");
        for (const auto &[key, n] : m_rules)
            out += QStringLiteral("  #%1  %2  %3\n").arg(key.first, 4).arg(n, 10).arg(key.second);
    }
    const char *titles[DimensionCount] = {QT_TRANSLATE_NOOP("ReplaySummary", "\nTop destination domains (records, rewritten, changed, unmatched):\n"),
                                          QT_TRANSLATE_NOOP("ReplaySummary", "\nTop sites (records, rewritten, changed, unmatched):\n"),
                                          QT_TRANSLATE_NOOP("ReplaySummary", "\nTop tenants (records, rewritten, changed, unmatched):\n"),
                                          QT_TRANSLATE_NOOP("ReplaySummary", "\nTop campaigns (records, rewritten, changed, unmatched):\n")};
    for (int i = 0; i < DimensionCount; ++i) {
        const auto order = ranked(m_groups[i]);
        if (order.empty())
            continue;
        out += QCoreApplication::translate("ReplaySummary", titles[i]);
        for (size_t k = 0; k < order.size() && qsizetype(k) < top; ++k) {
            const Counts &c = order[k]->second;
            out += QStringLiteral("  %1 %2 %3 %4  %5\n")
                       .arg(c.records, 10)
                       .arg(c.rewritten, 8)
                       .arg(c.changed, 8)
                       .arg(c.unmatched, 8)
                       .arg(order[k]->first);
        }
    }
    const auto unmatched = topUnmatched(top);
    if (!unmatched.isEmpty()) {
        out += QCoreApplication::translate("ReplaySummary", "\nTop replies no rule matched (variable parts masked):\n");
        for (const auto &[text, n] : unmatched)
            out += QStringLiteral("  %1  %2\n").arg(n, 10).arg(text);
    }
    if (!m_malformedExamples.isEmpty()) {
        out += QCoreApplication::translate("ReplaySummary", "\nMalformed lines (first %1):\n").arg(m_malformedExamples.size());
        for (const MalformedLine &m : m_malformedExamples)
            out += QStringLiteral("  %1:%2: %3\n").arg(m.file, QString::number(m.line), m.reason);
    }
    return out;
}

} // namespace Dsn::Replay
