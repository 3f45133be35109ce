// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include <set>

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "ReplayFixtures.h"
#include "TestConfig.h"
#include "replay/ReplayEngine.h"

using namespace Dsn;
using Replay::ReplaySummary;

namespace {

QString data(const char *name)
{
    return Test::replayData(name);
}

ReplaySummary replay(const QStringList &paths, const Replay::ReplayOptions &options = Test::fixtureOptions())
{
    Replay::ReplayEngine engine(options);
    auto summary = engine.run(paths);
    if (!summary)
        qFatal("%s", qPrintable(summary.error().toString()));
    return *summary;
}

QJsonObject group(const QJsonObject &summary, const char *dimension, const QString &name)
{
    const QJsonArray groups = summary.value(QLatin1String(dimension)).toArray();
    for (const QJsonValue &v : groups) {
        if (v.toObject().value(QLatin1String("name")).toString() == name)
            return v.toObject();
    }
    return {};
}

Replay::ReplayDecision decision(const QString &domain, const QString &response)
{
    Replay::ReplayDecision d;
    d.file = QStringLiteral("f");
    d.domain = domain;
    d.oldType = d.newType = QStringLiteral("Bounce");
    d.oldCode = d.newCode = 550;
    d.eventCalled = true;
    d.response = response;
    return d;
}

} // namespace

class TestReplaySummary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void smallLogCounts();
    void transitionSamples();
    void mergeIsAssociative();
    void cellRules();
    void keyHashSpreads_data();
    void keyHashSpreads();
    void jsonRoundTrip();
    void groupCap();
    void unmatchedExamples();
    void rejectsOtherJson();
    void classTransitions_data();
    void classTransitions();
};

void TestReplaySummary::smallLogCounts()
{
    const ReplaySummary s = replay({data("small.jsonl")});
    QCOMPARE(s.records(), qint64(7));
    QCOMPARE(s.malformed(), qint64(3));
    QCOMPARE(s.recordsOfType(u"Bounce"_qs), qint64(2));
    QCOMPARE(s.recordsOfType(u"TransientFailure"_qs), qint64(3));
    QCOMPARE(s.recordsOfType(u"Delivery"_qs), qint64(1));
    QCOMPARE(s.recordsOfType(u"Reception"_qs), qint64(1));
    QCOMPARE(s.evaluated(), qint64(5));
    // Line 3 (452 → 500) and line 5, whose production rewrite note is undone and redone.
    QCOMPARE(s.rewritten(), qint64(2));
    QCOMPARE(s.changed(), qint64(1));
    QCOMPARE(s.unmatched(), qint64(2));
    QCOMPARE(s.transitions(u"TransientFailure"_qs, u"Bounce"_qs), qint64(1));
    QCOMPARE(s.transitions(u"Bounce"_qs, u"Bounce"_qs), qint64(2));
    // The greylisting reply and KumoMTA's own connection failure, which no policy sees.
    QCOMPARE(s.transitions(u"TransientFailure"_qs, u"TransientFailure"_qs), qint64(2));

    const QJsonObject json = s.toJson();
    QCOMPARE(json.value(u"internal"_qs).toInteger(), qint64(1));
    const QJsonArray rules = json.value(u"rules"_qs).toArray();
    QCOMPARE(rules.size(), 1);
    QVERIFY(rules.at(0).toObject().value(u"pattern"_qs).toString().contains(u"over quota"_qs));
    QCOMPARE(rules.at(0).toObject().value(u"count"_qs).toInteger(), qint64(2));

    const QJsonObject gmail = group(json, "domains", u"gmail.com"_qs);
    QCOMPARE(gmail.value(u"records"_qs).toInteger(), qint64(2));
    QCOMPARE(gmail.value(u"rewritten"_qs).toInteger(), qint64(2));
    QCOMPARE(gmail.value(u"changed"_qs).toInteger(), qint64(1));
    QCOMPARE(group(json, "domains", u"example.com"_qs).value(u"records"_qs).toInteger(), qint64(1));
    QCOMPARE(group(json, "tenants", u"acme"_qs).value(u"records"_qs).toInteger(), qint64(2));
    QCOMPARE(group(json, "campaigns", u"newsletter"_qs).value(u"records"_qs).toInteger(), qint64(2));
    QCOMPARE(group(json, "sites", u"(alt1|alt2)?.gmail-smtp-in.l.google.com"_qs).value(u"records"_qs).toInteger(), qint64(2));

    const auto unmatched = s.topUnmatched(10);
    QCOMPARE(unmatched.size(), 2);
    QVERIFY(unmatched.contains(std::pair<QString, qint64>(u"550 5.1.1 <<addr>>: Recipient address rejected: User unknown"_qs, 1)));
    QVERIFY(unmatched.contains(std::pair<QString, qint64>(u"451 4.7.1 Greylisting in action, please come back later"_qs, 1)));
}

void TestReplaySummary::transitionSamples()
{
    const ReplaySummary s = replay({data("small.jsonl")});
    const auto &cell = s.transitionCells().at({u"TransientFailure"_qs, u"Bounce"_qs});
    QCOMPARE(cell.samples.size(), 1);
    const ReplaySummary::Sample &sample = cell.samples.first();
    QCOMPARE(sample.file, data("small.jsonl"));
    QCOMPARE(sample.line, qint64(3));
    QCOMPARE(sample.oldCode, 452);
    QCOMPARE(sample.newCode, 500);
    QCOMPARE(sample.queue, u"newsletter:acme@gmail.com"_qs);
    QVERIFY(sample.rule >= 0);
    // Bounce → Bounce has two records: samples keep input order.
    const auto &bounces = s.transitionCells().at({u"Bounce"_qs, u"Bounce"_qs});
    QCOMPARE(bounces.samples.size(), 2);
    QCOMPARE(bounces.samples.at(0).line, qint64(1));
    QCOMPARE(bounces.samples.at(1).line, qint64(5));
}

void TestReplaySummary::mergeIsAssociative()
{
    QTemporaryDir dir;
    const QStringList files = Test::generateLogs(dir, {1, 2, 3}, 1500, 2).files;
    Replay::ReplayOptions options = Test::fixtureOptions();
    options.limits.samplesPerCell = 3;
    const ReplaySummary a = replay({files[0]}, options);
    const ReplaySummary b = replay({files[1]}, options);
    const ReplaySummary c = replay({files[2]}, options);
    const ReplaySummary whole = replay(files, options);
    QCOMPARE(whole.records(), qint64(4500));
    QVERIFY(whole.rewritten() > 0);
    QVERIFY(whole.unmatched() > 0);

    ReplaySummary left = a;
    left.merge(b);
    left.merge(c);
    ReplaySummary bc = b;
    bc.merge(c);
    ReplaySummary right = a;
    right.merge(bc);
    ReplaySummary reversed = c;
    reversed.merge(b);
    reversed.merge(a);
    QCOMPARE(left.toJson(), whole.toJson());
    QCOMPARE(right.toJson(), whole.toJson());
    QCOMPARE(reversed.toJson(), whole.toJson());
}

/// Each transition cell counts the rules behind it, through merges and the JSON form; a summary
/// saved before cells did reads with none.
void TestReplaySummary::keyHashSpreads_data()
{
    QTest::addColumn<QString>("stem");
    QTest::addColumn<bool>("numberFirst");
    // Keys that differ only in a few characters, at the start, or at the end past the last
    // whole eight-byte word, as domains, sites and masked replies do.
    QTest::newRow("domains") << u".example.com"_qs << true;
    QTest::newRow("masked replies, number last")
        << u"550 5.1.1 The email account that you tried to reach does not exist. <id> - gsmtp "_qs << false;
    QTest::newRow("short, number last") << u"d"_qs << false;
    QTest::newRow("odd length, number last") << u"abcde"_qs << false;
}

void TestReplaySummary::keyHashSpreads()
{
    QFETCH(QString, stem);
    QFETCH(bool, numberFirst);
    const Replay::ReplaySummary::KeyHash hash;
    std::set<size_t> seen;
    // One bucket per key is what keeps a group map's look-up at one compare.
    std::set<size_t> buckets;
    constexpr int Keys = 5000;
    constexpr size_t Buckets = 6151; // a prime, as libstdc++ picks
    for (int i = 0; i < Keys; ++i) {
        const QString key = numberFirst ? QString::number(i) + stem : stem + QString::number(i);
        seen.insert(hash(key));
        buckets.insert(hash(key) % Buckets);
    }
    QCOMPARE(int(seen.size()), Keys);
    // Random placement fills 1 - e^(-5000/6151) = 56% of the buckets: about 3,430.
    QVERIFY2(buckets.size() > 3200, qPrintable(QString::number(buckets.size())));
    QVERIFY(hash(stem) != hash(stem + QChar(u'\0')));
}

void TestReplaySummary::cellRules()
{
    Replay::ReplayDecision quota = decision(u"gmail.com"_qs, u"452 4.2.2 The email account is over quota"_qs);
    quota.oldType = u"TransientFailure"_qs;
    quota.oldCode = 452;
    quota.newCode = 552;
    quota.ruleIndex = 2;
    quota.rulePattern = u"over quota"_qs;
    Replay::ReplayDecision kept = decision(u"example.net"_qs, u"550 5.1.1 unknown"_qs);
    kept.ruleIndex = 0;
    kept.rulePattern = u"^550"_qs;
    ReplaySummary a;
    a.addDecision(quota);
    a.addDecision(quota);
    a.addDecision(kept);
    a.addDecision(decision(u"example.org"_qs, u"550 nobody here"_qs)); // no rule
    ReplaySummary b;
    quota.ruleIndex = 3;
    quota.rulePattern = u"quota"_qs;
    b.addDecision(quota);
    a.merge(b);

    const std::pair<QString, QString> changedKey{u"TransientFailure"_qs, u"Bounce"_qs};
    const ReplaySummary::RuleCounts changed = a.transitionCells().at(changedKey).rules;
    QCOMPARE(changed.size(), size_t(2));
    QCOMPARE(changed.at({2, u"over quota"_qs}), qint64(2));
    QCOMPARE(changed.at({3, u"quota"_qs}), qint64(1));
    const ReplaySummary::RuleCounts same = a.transitionCells().at({u"Bounce"_qs, u"Bounce"_qs}).rules;
    QCOMPARE(same.size(), size_t(1));
    QCOMPARE(same.at({0, u"^550"_qs}), qint64(1));

    const auto back = ReplaySummary::fromJson(a.toJson());
    QVERIFY(back.ok());
    QVERIFY(back->transitionCells().at(changedKey).rules == changed);

    QJsonObject older = a.toJson();
    QJsonArray cells = older.value(u"transitions"_qs).toArray();
    for (qsizetype i = 0; i < cells.size(); ++i) {
        QJsonObject cell = cells.at(i).toObject();
        QVERIFY(cell.contains(u"rules"_qs));
        cell.remove(u"rules"_qs);
        cells[i] = cell;
    }
    older.insert(u"transitions"_qs, cells);
    const auto old = ReplaySummary::fromJson(older);
    QVERIFY(old.ok());
    QVERIFY(old->transitionCells().at(changedKey).rules.empty());
    QCOMPARE(old->transitions(changedKey.first, changedKey.second), qint64(3));
}

void TestReplaySummary::jsonRoundTrip()
{
    const ReplaySummary s = replay({data("small.jsonl"), data("small-zstd.log")});
    QCOMPARE(s.records(), qint64(14));
    const auto back = ReplaySummary::fromJson(s.toJson());
    QVERIFY(back.ok());
    QCOMPARE(back->toJson(), s.toJson());
    QCOMPARE(back->text(), s.text());
}

void TestReplaySummary::groupCap()
{
    ReplaySummary::Limits limits;
    limits.groupCap = 2;
    ReplaySummary s(limits);
    for (const char *domain : {"a.example", "b.example", "b.example", "c.example", "c.example", "c.example"})
        s.addDecision(decision(QLatin1String(domain), QStringLiteral("550 no")));
    const QJsonObject json = s.toJson();
    const QJsonArray domains = json.value(u"domains"_qs).toArray();
    QCOMPARE(domains.size(), 2);
    QCOMPARE(domains.at(0).toObject().value(u"name"_qs).toString(), u"c.example"_qs);
    QCOMPARE(domains.at(1).toObject().value(u"name"_qs).toString(), u"b.example"_qs);
    QCOMPARE(json.value(u"dropped"_qs).toObject().value(u"domains"_qs).toInteger(), qint64(1));
    // Totals never lose anything.
    QCOMPARE(s.evaluated(), qint64(6));
    QCOMPARE(s.unmatched(), qint64(6));
}

void TestReplaySummary::unmatchedExamples()
{
    // Added late line first: the example must still be the earliest, as a merge would pick it.
    Replay::ReplayDecision late = decision(QStringLiteral("a.example"), QStringLiteral("550 5.1.1 <zoe@a.example> unknown"));
    late.line = 9;
    late.queue = QStringLiteral("late@a.example");
    Replay::ReplayDecision early = decision(QStringLiteral("a.example"), QStringLiteral("550 5.1.1 <bob@a.example> unknown"));
    early.line = 3;
    early.queue = QStringLiteral("early@a.example");
    ReplaySummary s;
    s.addDecision(late);
    s.addDecision(early);
    s.addDecision(decision(QStringLiteral("b.example"), QStringLiteral("421 try later")));

    const QList<ReplaySummary::UnmatchedGroup> groups = s.topUnmatchedGroups(10);
    QCOMPARE(groups.size(), 2);
    QCOMPARE(groups[0].count, qint64(2));
    QVERIFY(!groups[0].text.contains(QLatin1String("bob@")));
    QCOMPARE(groups[0].text, s.topUnmatched(1).value(0).first);
    QCOMPARE(groups[0].example, early.response);
    QCOMPARE(groups[0].queue, early.queue);
    QCOMPARE(groups[0].line, qint64(3));
    QCOMPARE(groups[1].example, QStringLiteral("421 try later"));

    const auto back = ReplaySummary::fromJson(s.toJson());
    QVERIFY(back.ok());
    QCOMPARE(back->topUnmatchedGroups(1).value(0).example, early.response);
    QCOMPARE(back->topUnmatchedGroups(1).value(0).queue, early.queue);
}

void TestReplaySummary::rejectsOtherJson()
{
    const auto r = ReplaySummary::fromJson(QJsonObject{{u"records"_qs, 3}});
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, u"bad-summary"_qs);
}


void TestReplaySummary::classTransitions_data()
{
    QTest::addColumn<bool>("classifier");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<qint64>("count");
    // Spec §10: the rewrite 452 4.2.2 → 500 no longer matches the QuotaIssues rule anchored on
    // ^(452|552); small.jsonl has two such records (lines 3 and 5).
    QTest::newRow("rewrite loses the quota label") << true << u"QuotaIssues"_qs << u"Uncategorized"_qs << qint64(2);
    QTest::newRow("unrewritten keeps its label") << true << u"InvalidRecipient"_qs << u"InvalidRecipient"_qs << qint64(1);
    QTest::newRow("nothing becomes quota") << true << u"Uncategorized"_qs << u"QuotaIssues"_qs << qint64(0);
    // Four evaluated failures and the internal one, logged without a label.
    QTest::newRow("no classifier: all uncategorized") << false << u"Uncategorized"_qs << u"Uncategorized"_qs << qint64(5);
}

void TestReplaySummary::classTransitions()
{
    QFETCH(bool, classifier);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(qint64, count);
    Replay::ReplayOptions options = Test::fixtureOptions();
    if (classifier)
        options.config.classifierFiles = {QStringLiteral(DSN_TEST_DATA_DIR "/classifier/kumo-rules.toml")};
    const ReplaySummary once = replay({data("small.jsonl")}, options);
    QCOMPARE(once.classTransitions(from, to), count);
    // Merging adds the pairs up, and the JSON form keeps them.
    ReplaySummary twice = once;
    twice.merge(once);
    QCOMPARE(twice.classTransitions(from, to), 2 * count);
    const auto back = ReplaySummary::fromJson(twice.toJson());
    QVERIFY(back.ok());
    QCOMPARE(back->classTransitions(from, to), 2 * count);
    QCOMPARE(back->classTransitionCounts(), twice.classTransitionCounts());
    if (classifier)
        QVERIFY(once.text().contains(u"QuotaIssues"_qs));
}

QTEST_GUILESS_MAIN(TestReplaySummary)
#include "TestReplaySummary.moc"
