// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

#include "ReplayFixtures.h"
#include "replay/LogGenerator.h"
#include "replay/LogReader.h"
#include "replay/LogRecord.h"

using namespace Dsn;
using Replay::LogGenerator;

namespace {

QByteArray contents(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QList<LogGenerator::Reply> corpus()
{
    return Test::corpusReplies();
}

QByteArray generate(const QString &path, quint64 seed, bool zstd, qint64 records = 500)
{
    LogGenerator generator(corpus());
    LogGenerator::Options o;
    o.seed = seed;
    o.records = records;
    o.zstd = zstd;
    if (!generator.writeFile(path, o).ok())
        return {};
    return contents(path);
}

} // namespace

class TestLogGenerator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameSeedSameBytes_data();
    void sameSeedSameBytes();
    void zstdHoldsThePlainBytes();
    void recordsAreKumoShaped();
    void sizeTarget();
    void failuresAreClassified_data();
    void failuresAreClassified();
};

void TestLogGenerator::sameSeedSameBytes_data()
{
    QTest::addColumn<bool>("zstd");
    QTest::newRow("plain") << false;
    QTest::newRow("zstd") << true;
}

void TestLogGenerator::sameSeedSameBytes()
{
    QFETCH(bool, zstd);
    QTemporaryDir dir;
    const QByteArray first = generate(dir.filePath(QStringLiteral("a")), 42, zstd);
    const QByteArray again = generate(dir.filePath(QStringLiteral("b")), 42, zstd);
    const QByteArray other = generate(dir.filePath(QStringLiteral("c")), 43, zstd);
    QVERIFY(!first.isEmpty());
    QVERIFY(first == again);
    QVERIFY(first != other);
    QCOMPARE(Replay::LogReader::hasZstdMagic(first), zstd);
}

void TestLogGenerator::zstdHoldsThePlainBytes()
{
    QTemporaryDir dir;
    const QByteArray plain = generate(dir.filePath(QStringLiteral("plain.jsonl")), 5, false, 2000);
    generate(dir.filePath(QStringLiteral("packed.zst")), 5, true, 2000);
    Replay::LogReader reader(dir.filePath(QStringLiteral("packed.zst")));
    QVERIFY(reader.open());
    QByteArray unpacked;
    Replay::LogReader::Line line;
    while (reader.next(line))
        unpacked += line.bytes + '\n';
    QVERIFY(reader.errorString().isEmpty());
    QVERIFY(reader.bytesRead() < plain.size() / 3);
    QVERIFY(unpacked == plain);
}

void TestLogGenerator::recordsAreKumoShaped()
{
    QTemporaryDir dir;
    LogGenerator generator(corpus());
    LogGenerator::Options o;
    o.records = 3000;
    const QString path = dir.filePath(QStringLiteral("log.jsonl"));
    const auto stats = generator.writeFile(path, o);
    QVERIFY(stats.ok());
    QCOMPARE(stats->records, qint64(3000));
    const QList<QByteArray> lines = contents(path).split('\n');
    QCOMPARE(lines.size(), 3001); // the last record ends with a line break
    QMap<QString, int> types;
    qint64 failures = 0;
    int withCampaign = 0;
    int rewrittenInProduction = 0;
    for (qsizetype i = 0; i < 3000; ++i) {
        const auto record = Replay::LogRecord::parse(lines.at(i));
        QVERIFY2(record.ok(), lines.at(i).constData());
        ++types[record->type];
        failures += record->isFailure;
        withCampaign += !record->queueName.campaign.isEmpty();
        rewrittenInProduction += record->originalCode != record->code;
        const QJsonObject o = QJsonDocument::fromJson(lines.at(i)).object();
        for (const char *key : {"id", "sender", "recipient", "queue", "site", "size", "response", "timestamp"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
    }
    QCOMPARE(failures, stats->failures);
    for (const char *type : {"Delivery", "TransientFailure", "Bounce", "Reception"})
        QVERIFY2(types.value(QLatin1String(type)) > 100, type);
    QVERIFY(withCampaign > 300);
    QVERIFY(rewrittenInProduction > 0);
}

void TestLogGenerator::sizeTarget()
{
    QTemporaryDir dir;
    LogGenerator generator(corpus());
    LogGenerator::Options o;
    o.bytes = 200 * 1024;
    const auto stats = generator.writeFile(dir.filePath(QStringLiteral("sized.jsonl")), o);
    QVERIFY(stats.ok());
    QVERIFY(stats->bytes >= o.bytes);
    QVERIFY(stats->bytes < o.bytes + 4096);
    QCOMPARE(QFileInfo(dir.filePath(QStringLiteral("sized.jsonl"))).size(), stats->bytes);
}


void TestLogGenerator::failuresAreClassified_data()
{
    // Labels the corpus replies must produce: keyword rules over real replies, not a constant.
    QTest::addColumn<QString>("label");
    for (const char *label : {"InvalidRecipient", "QuotaIssues", "SpamBlock", "BadConnection"})
        QTest::newRow(label) << QString::fromLatin1(label);
}

void TestLogGenerator::failuresAreClassified()
{
    QFETCH(QString, label);
    LogGenerator generator(corpus(), 3);
    int labelled = 0;
    int nonFailuresLabelled = 0;
    for (int i = 0; i < 3000; ++i) {
        bool failure = false;
        const QByteArray line = generator.nextRecord(&failure);
        const QString logged = QJsonDocument::fromJson(line).object().value(QLatin1String("bounce_classification")).toString();
        QVERIFY(!logged.isEmpty());
        if (!failure)
            nonFailuresLabelled += logged != QLatin1String("Uncategorized");
        else
            labelled += logged == label;
    }
    QCOMPARE(nonFailuresLabelled, 0);
    QVERIFY2(labelled > 0, qPrintable(label));
}

QTEST_GUILESS_MAIN(TestLogGenerator)
#include "TestLogGenerator.moc"
