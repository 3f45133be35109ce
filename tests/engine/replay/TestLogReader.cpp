// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QTemporaryDir>
#include <QTest>

#include "ReplayFixtures.h"
#include "replay/LogFileList.h"
#include "replay/LogReader.h"
#include "replay/ReplayEngine.h"

using namespace Dsn;
using Replay::LogReader;

namespace {

using Test::replayData;

QString data(const char *name)
{
    return replayData(name);
}

struct ReadAll
{
    QList<qint64> numbers;
    QList<QByteArray> lines; ///< "<overlong>" for skipped lines
    QString error;
    bool compressed = false;
};

ReadAll readAll(const QString &path, qint64 maxLine = LogReader::DefaultMaxLineLength,
                qint64 block = LogReader::DefaultBlockSize)
{
    ReadAll out;
    LogReader reader(path, maxLine, block);
    if (!reader.open()) {
        out.error = reader.errorString();
        return out;
    }
    out.compressed = reader.isCompressed();
    LogReader::Line line;
    while (reader.next(line)) {
        out.numbers << line.number;
        out.lines << (line.overlong ? QByteArray("<overlong>") : line.bytes);
    }
    out.error = reader.errorString();
    return out;
}

void write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

class TestLogReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plainAndZstd_data();
    void plainAndZstd();
    void overlongLines_data();
    void overlongLines();
    void truncatedZstdIsAnError();
    void directoryIsRecursiveAndSorted();
    void unreadablePath();
    void malformedLinesHaveFileAndLine();
};

void TestLogReader::plainAndZstd_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<qint64>("block");
    QTest::addColumn<bool>("compressed");
    // The .log name proves detection by magic bytes; tiny blocks cross every line boundary.
    QTest::newRow("plain") << data("small.jsonl") << LogReader::DefaultBlockSize << false;
    QTest::newRow("plain, 7-byte blocks") << data("small.jsonl") << qint64(7) << false;
    QTest::newRow("zstd named .log") << data("small-zstd.log") << LogReader::DefaultBlockSize << true;
    QTest::newRow("zstd, 7-byte blocks") << data("small-zstd.log") << qint64(7) << true;
}

void TestLogReader::plainAndZstd()
{
    QFETCH(QString, path);
    QFETCH(qint64, block);
    QFETCH(bool, compressed);
    const ReadAll r = readAll(path, LogReader::DefaultMaxLineLength, block);
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.compressed, compressed);
    // Line 6 is blank: skipped, but the numbering keeps counting it.
    QCOMPARE(r.numbers, (QList<qint64>{1, 2, 3, 4, 5, 7, 8, 9, 10, 11}));
    QCOMPARE(r.lines.at(3), QByteArray("this is not json"));
    QVERIFY(r.lines.at(0).startsWith("{\"type\": \"Bounce\""));
    QVERIFY(r.lines.at(9).endsWith('}'));
}

void TestLogReader::overlongLines_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<qint64>("block");
    QTest::addColumn<QList<QByteArray>>("expected");
    const QByteArray longLine(100, 'x');
    const QList<QByteArray> middle{"a", "<overlong>", "b"};
    QTest::newRow("in one block") << QByteArray("a\n" + longLine + "\nb\n") << qint64(1024) << middle;
    QTest::newRow("across blocks") << QByteArray("a\n" + longLine + "\nb\n") << qint64(8) << middle;
    QTest::newRow("crlf") << QByteArray("a\r\n" + longLine + "\r\nb\r\n") << qint64(8) << middle;
    QTest::newRow("last, no newline") << QByteArray("a\n" + longLine) << qint64(8) << QList<QByteArray>{"a", "<overlong>"};
    QTest::newRow("exactly the limit") << QByteArray(50, 'y') + "\n" << qint64(8) << QList<QByteArray>{QByteArray(50, 'y')};
}

void TestLogReader::overlongLines()
{
    QFETCH(QByteArray, content);
    QFETCH(qint64, block);
    QFETCH(QList<QByteArray>, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("log.jsonl"));
    write(path, content);
    const ReadAll r = readAll(path, 50, block);
    QCOMPARE(r.lines, expected);
    QCOMPARE(r.numbers.size(), expected.size());
    QCOMPARE(r.numbers.last(), qint64(expected.size()));
}

void TestLogReader::truncatedZstdIsAnError()
{
    QFile f(data("small-zstd.log"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray whole = f.readAll();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cut.zst"));
    write(path, whole.left(whole.size() / 2));
    const ReadAll r = readAll(path);
    QVERIFY(!r.error.isEmpty());
    QVERIFY(r.lines.size() < 10);
}

void TestLogReader::directoryIsRecursiveAndSorted()
{
    QTemporaryDir dir;
    for (const char *name : {"b/2.log", "a.log", "b/1.log", "c/d/e.log"})
        write(dir.filePath(QLatin1String(name)), "{}\n");
    const auto files = Replay::LogFileList::expand({dir.path(), data("small.jsonl")});
    QVERIFY(files.ok());
    QStringList paths;
    for (const Replay::LogFile &f : *files)
        paths << QDir(dir.path()).relativeFilePath(f.path);
    QCOMPARE(paths.mid(0, 4), (QStringList{u"a.log"_qs, u"b/1.log"_qs, u"b/2.log"_qs, u"c/d/e.log"_qs}));
    QCOMPARE(files->last().path, data("small.jsonl"));
    QCOMPARE(files->first().size, qint64(3));
}

void TestLogReader::unreadablePath()
{
    const auto files = Replay::LogFileList::expand({data("small.jsonl"), data("does-not-exist.jsonl")});
    QVERIFY(!files.ok());
    QCOMPARE(files.error().code, u"unreadable-path"_qs);
    QVERIFY(files.error().message.contains(u"does-not-exist.jsonl"_qs));
}

void TestLogReader::malformedLinesHaveFileAndLine()
{
    Replay::ReplayOptions options;
    options.threads = 1;
    Replay::ReplayEngine engine(options);
    const auto summary = engine.run({data("small.jsonl")});
    QVERIFY(summary.ok());
    QCOMPARE(summary->malformed(), qint64(3));
    const auto &examples = summary->malformedExamples();
    QCOMPARE(examples.size(), 3);
    QList<qint64> lines;
    for (const auto &m : examples) {
        QCOMPARE(m.file, data("small.jsonl"));
        lines << m.line;
    }
    QCOMPARE(lines, (QList<qint64>{4, 9, 10}));
    QVERIFY(examples.at(0).reason.contains(u"invalid JSON"_qs));
    QVERIFY(examples.at(1).reason.contains(u"not a JSON object"_qs));
    QVERIFY(examples.at(2).reason.contains(u"type"_qs));
}

QTEST_GUILESS_MAIN(TestLogReader)
#include "TestLogReader.moc"
