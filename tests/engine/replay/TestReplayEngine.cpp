// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "ReplayFixtures.h"
#include "replay/ReplayEngine.h"

using namespace Dsn;

namespace {

Replay::ReplayOptions options(int threads)
{
    Replay::ReplayOptions o = Test::fixtureOptions(threads);
    // Small chunks and blocks so even a test-sized log is split across workers many times.
    o.chunkLines = 50;
    o.blockSize = 4096;
    return o;
}

struct Run
{
    QJsonObject summary;
    QByteArray decisions;
    bool cancelled = false;
    qint64 records = 0;
};

Run replay(const QStringList &paths, Replay::ReplayOptions o, bool cancelAtFirstProgress = false,
          bool withDecisions = true)
{
    Replay::ReplayEngine engine(o);
    Run run;
    if (withDecisions) {
        engine.setDecisionCallback([&run](const Replay::ReplayDecision &d) {
            run.decisions += QJsonDocument(d.toJson()).toJson(QJsonDocument::Compact) + '\n';
        });
    }
    if (cancelAtFirstProgress)
        engine.setProgressCallback([&engine](const Replay::ReplayProgress &) { engine.cancel(); });
    const auto summary = engine.run(paths);
    if (!summary)
        qFatal("%s", qPrintable(summary.error().toString()));
    run.summary = summary->toJson();
    run.records = summary->records();
    run.cancelled = engine.cancelled();
    return run;
}

} // namespace

class TestReplayEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void threadCountDoesNotMatter_data();
    void threadCountDoesNotMatter();
    void wholeFilesPerWorker_data();
    void wholeFilesPerWorker();
    void wholeFilesProgressAndCancel();
    void oneDecisionPerFailure();
    void cancelStopsEarly();
    void policyLoadErrorFails();
    void unreadablePathFails();

private:
    QTemporaryDir m_dir;
    QStringList m_files;
    qint64 m_records = 0;
    qint64 m_failures = 0;
};

void TestReplayEngine::initTestCase()
{
    const Test::GeneratedLogs logs = Test::generateLogs(m_dir, {7, 8}, 3000, 8);
    m_files = logs.files;
    m_records = logs.records;
    m_failures = logs.failures;
}

void TestReplayEngine::threadCountDoesNotMatter_data()
{
    QTest::addColumn<int>("threads");
    QTest::newRow("2 threads") << 2;
    QTest::newRow("4 threads") << 4;
}

void TestReplayEngine::threadCountDoesNotMatter()
{
    QFETCH(int, threads);
    const Run one = replay(m_files, options(1));
    const Run many = replay(m_files, options(threads));
    QCOMPARE(one.records, m_records);
    QCOMPARE(many.summary, one.summary);
    QVERIFY(many.decisions == one.decisions);
}

void TestReplayEngine::wholeFilesPerWorker_data()
{
    QTest::addColumn<int>("threads");
    QTest::addColumn<int>("groupCap");
    // Ten files and no decision stream: with 2 threads each worker replays whole files (4 per
    // thread are needed), with 3 one reader hands out chunks. A cap of 3 groups prunes at every
    // merge, where the result depends on how the merges are grouped.
    QTest::newRow("2 threads, whole files") << 2 << 10000;
    QTest::newRow("2 threads, whole files, cap 3") << 2 << 3;
    QTest::newRow("3 threads, chunks, cap 3") << 3 << 3;
}

void TestReplayEngine::wholeFilesPerWorker()
{
    QFETCH(int, threads);
    QFETCH(int, groupCap);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Test::GeneratedLogs logs = Test::generateLogs(dir, {11, 12, 13, 14, 15, 16, 17}, 400, 13);
    // The odd files of a real log folder: an empty segment, a line that is not JSON, and a
    // compressed segment cut short, whose read error ends it.
    const QString empty = dir.filePath(QStringLiteral("part18.log"));
    const QString broken = dir.filePath(QStringLiteral("part19.log"));
    const QString truncated = dir.filePath(QStringLiteral("part20.log"));
    QFile(empty).open(QIODevice::WriteOnly);
    {
        QFile source(logs.files.at(0));
        QFile out(broken);
        QVERIFY(source.open(QIODevice::ReadOnly) && out.open(QIODevice::WriteOnly));
        const QByteArray lines = source.readAll();
        out.write(lines.left(lines.indexOf('\n') + 1) + "{not json\n" + lines.mid(lines.indexOf('\n') + 1));
    }
    {
        QFile source(logs.files.at(2)); // seed 13: zstd
        QFile out(truncated);
        QVERIFY(source.open(QIODevice::ReadOnly) && out.open(QIODevice::WriteOnly));
        const QByteArray bytes = source.readAll();
        out.write(bytes.left(bytes.size() / 2));
    }
    Replay::ReplayOptions o = options(1);
    o.limits.groupCap = groupCap;
    const Run one = replay({dir.path()}, o, false, false);
    o.threads = threads;
    const Run many = replay({dir.path()}, o, false, false);
    QCOMPARE(many.summary, one.summary);
    QVERIFY(one.records > logs.records);
    QCOMPARE(one.summary.value(u"malformed"_qs).toInteger(), 2);
}

/// Workers reading files of their own report progress together, in order, up to the whole input;
/// and a cancel stops all of them.
void TestReplayEngine::wholeFilesProgressAndCancel()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Test::GeneratedLogs logs = Test::generateLogs(dir, {21, 22, 23, 24, 25, 26, 27, 28}, 400, 24);
    Replay::ReplayEngine engine(options(2));
    QList<Replay::ReplayProgress> reports;
    engine.setProgressCallback([&reports](const Replay::ReplayProgress &p) { reports.append(p); });
    const auto summary = engine.run({dir.path()});
    QVERIFY(summary.ok());
    QCOMPARE(summary->records(), logs.records);
    QVERIFY(reports.size() >= 8);
    for (qsizetype i = 1; i < reports.size(); ++i) {
        QVERIFY(reports.at(i).bytesRead >= reports.at(i - 1).bytesRead);
        QVERIFY(reports.at(i).lines >= reports.at(i - 1).lines);
    }
    const Replay::ReplayProgress &last = reports.last();
    QCOMPARE(last.files, 8);
    QCOMPARE(last.filesDone, 8);
    QCOMPARE(last.bytesRead, last.totalBytes);
    QCOMPARE(last.lines, logs.records);

    const Run cancelled = replay({dir.path()}, options(2), true, false);
    QVERIFY(cancelled.cancelled);
    QVERIFY2(cancelled.records < logs.records / 2, qPrintable(QString::number(cancelled.records)));
}

void TestReplayEngine::oneDecisionPerFailure()
{
    const Run run = replay(m_files, options(2));
    QCOMPARE(qint64(run.decisions.count('\n')), m_failures);
    QCOMPARE(run.summary.value(u"evaluated"_qs).toInteger(), m_failures);
    QVERIFY(!run.cancelled);
    // Each decision names the bounce classification before and after the rewrite.
    const QJsonObject first = QJsonDocument::fromJson(run.decisions.left(run.decisions.indexOf('\n'))).object();
    for (const char *side : {"old", "new"})
        QVERIFY2(!first.value(QLatin1String(side)).toObject().value(u"class"_qs).toString().isEmpty(), side);
}

void TestReplayEngine::cancelStopsEarly()
{
    const Run run = replay(m_files, options(2), true);
    QVERIFY(run.cancelled);
    QVERIFY2(run.records < m_records / 2, qPrintable(QString::number(run.records)));
}

void TestReplayEngine::policyLoadErrorFails()
{
    Replay::ReplayOptions o = options(2);
    o.config.policySource = "this is not lua (";
    Replay::ReplayEngine engine(o);
    const auto summary = engine.run(m_files);
    QVERIFY(!summary.ok());
    QVERIFY(summary.error().toString().contains(u"policy.lua"_qs));
}

void TestReplayEngine::unreadablePathFails()
{
    Replay::ReplayEngine engine(options(1));
    const auto summary = engine.run({m_dir.filePath(QStringLiteral("missing.log"))});
    QVERIFY(!summary.ok());
    QCOMPARE(summary.error().code, u"unreadable-path"_qs);
}

QTEST_GUILESS_MAIN(TestReplayEngine)
#include "TestReplayEngine.moc"
