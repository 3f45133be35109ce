// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QFileInfo>
#include <QList>
#include <QTemporaryDir>
#include <QTest>

#include "ReplayFixtures.h"
#include "replay/LogFileList.h"
#include "replay/LogReader.h"
#include "replay/ReplayEngine.h"

#include <zstd.h>

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

/// How a test compresses its content: each frame takes `frameBytes` of it (all of it when 0).
struct Packing
{
    QList<int> windowLogs{10}; ///< per frame, cycled
    int level = 3;
    qsizetype frameBytes = 0;
    bool knownSize = false;
    bool checksum = false;
    bool skippableBetween = false;
};

QByteArray compressFrame(QByteArrayView content, int windowLog, const Packing &p)
{
    std::unique_ptr<ZSTD_CCtx, decltype(&ZSTD_freeCCtx)> ctx(ZSTD_createCCtx(), &ZSTD_freeCCtx);
    ZSTD_CCtx_setParameter(ctx.get(), ZSTD_c_compressionLevel, p.level);
    ZSTD_CCtx_setParameter(ctx.get(), ZSTD_c_windowLog, windowLog);
    ZSTD_CCtx_setParameter(ctx.get(), ZSTD_c_checksumFlag, p.checksum ? 1 : 0);
    if (p.knownSize)
        ZSTD_CCtx_setPledgedSrcSize(ctx.get(), size_t(content.size()));
    QByteArray out;
    QByteArray buffer(qsizetype(ZSTD_CStreamOutSize()), Qt::Uninitialized);
    // Fed in pieces and ended apart, so a frame without a pledged size keeps its size unknown
    // and its window as asked, the way a log writer's stream does.
    auto pump = [&](QByteArrayView piece, ZSTD_EndDirective mode) {
        ZSTD_inBuffer in{piece.data(), size_t(piece.size()), 0};
        size_t remaining = 0;
        do {
            ZSTD_outBuffer o{buffer.data(), size_t(buffer.size()), 0};
            remaining = ZSTD_compressStream2(ctx.get(), &o, &in, mode);
            if (ZSTD_isError(remaining))
                qFatal("zstd: %s", ZSTD_getErrorName(remaining));
            out.append(buffer.constData(), qsizetype(o.pos));
        } while (mode == ZSTD_e_end ? remaining != 0 : in.pos < in.size);
    };
    for (qsizetype at = 0; at < content.size(); at += 4096)
        pump(content.sliced(at, std::min<qsizetype>(4096, content.size() - at)), ZSTD_e_continue);
    pump({}, ZSTD_e_end);
    return out;
}

QByteArray skippableFrame(QByteArrayView payload)
{
    QByteArray out("\x50\x2A\x4D\x18", 4);
    const quint32 n = quint32(payload.size());
    for (int shift = 0; shift < 32; shift += 8)
        out.append(char((n >> shift) & 0xFF));
    out.append(payload);
    return out;
}

QByteArray compress(const QByteArray &content, const Packing &p)
{
    QByteArray out;
    const qsizetype step = p.frameBytes > 0 ? p.frameBytes : std::max<qsizetype>(content.size(), 1);
    int frame = 0;
    for (qsizetype at = 0; at < content.size() || frame == 0; at += step, ++frame) {
        if (frame > 0 && p.skippableBetween)
            out += skippableFrame("not a log line\n{\"type\":\"Bounce\"}\n");
        const int windowLog = p.windowLogs.at(frame % p.windowLogs.size());
        out += compressFrame(QByteArrayView(content).sliced(at, std::min(step, content.size() - at)), windowLog, p);
    }
    return out;
}

/**
 * A log with what makes decoding into a ring hard: lines of every length up to several windows,
 * runs zstd stores as RLE blocks, random text it stores raw, blank and CRLF lines, and no
 * final line break.
 */
QByteArray ringLog(quint32 seed)
{
    QRandomGenerator rng(seed);
    QByteArray out;
    int n = 0;
    while (out.size() < 300 * 1024) {
        const quint32 kind = rng.bounded(20);
        if (kind == 0) {
            out += QByteArray(int(2000 + rng.bounded(9000)), 'x') + '\n';
        } else if (kind == 1) {
            QByteArray noise(int(1500 + rng.bounded(6000)), Qt::Uninitialized);
            for (char &c : noise)
                c = char(33 + rng.bounded(94));
            out += noise + '\n';
        } else if (kind == 2) {
            out += rng.bounded(2) ? "\n" : "   \r\n";
        } else if (kind == 3) {
            out += "{\"type\":\"Delivery\",\"n\":" + QByteArray::number(n++) + "}\r\n";
        } else {
            out += "{\"type\":\"TransientFailure\",\"id\":\"" + QByteArray::number(rng.generate64(), 16)
                 + "\",\"n\":" + QByteArray::number(n++) + ",\"pad\":\""
                 + QByteArray(int(rng.bounded(400)), char('a' + rng.bounded(26))) + "\"}\n";
        }
    }
    out += "{\"last\":true}";
    return out;
}

/// What LogReader must make of `content`, worked out without it.
ReadAll expectedLines(const QByteArray &content, qint64 maxLine)
{
    ReadAll out;
    QList<QByteArray> pieces = content.split('\n');
    if (content.endsWith('\n'))
        pieces.removeLast();
    for (qsizetype i = 0; i < pieces.size(); ++i) {
        QByteArray line = pieces.at(i);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.size() > maxLine) {
            out.numbers << i + 1;
            out.lines << "<overlong>";
        } else if (!line.trimmed().isEmpty()) {
            out.numbers << i + 1;
            out.lines << line;
        }
    }
    return out;
}

} // namespace

Q_DECLARE_METATYPE(Packing)

class TestLogReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plainAndZstd_data();
    void plainAndZstd();
    void overlongLines_data();
    void overlongLines();
    void truncatedZstdIsAnError();
    void zstdRing_data();
    void zstdRing();
    void brokenZstd_data();
    void brokenZstd();
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

void TestLogReader::zstdRing_data()
{
    QTest::addColumn<Packing>("packing");
    QTest::addColumn<qint64>("maxLine");
    QTest::addColumn<qint64>("block");
    const qint64 noLimit = LogReader::DefaultMaxLineLength;
    const qint64 defaultBlock = LogReader::DefaultBlockSize;
    // A 1 KiB window wraps the ring every few lines, and lines of up to 11 KB span several wraps.
    QTest::newRow("one frame, 1 KiB window") << Packing{} << noLimit << defaultBlock;
    QTest::newRow("one frame, 1 KiB window, 7-byte reads") << Packing{} << noLimit << qint64(7);
    QTest::newRow("overlong lines across wraps") << Packing{} << qint64(1000) << defaultBlock;
    QTest::newRow("frames of 10 KB, sizes known, checksums")
        << Packing{{12}, 3, 10000, true, true, false} << noLimit << defaultBlock;
    // A later frame with a larger window makes the reader grow its ring under a partial line.
    QTest::newRow("windows growing and shrinking")
        << Packing{{10, 17, 11, 20, 10}, 3, 50000, false, false, false} << noLimit << defaultBlock;
    QTest::newRow("skippable frames between")
        << Packing{{10, 14}, 3, 30000, false, true, true} << qint64(3000) << qint64(100);
    QTest::newRow("level 1, 64 KiB window") << Packing{{16}, 1, 0, false, false, false} << noLimit << defaultBlock;
    QTest::newRow("level 19, 8 MiB window") << Packing{{23}, 19, 0, false, true, false} << noLimit << defaultBlock;
}

void TestLogReader::zstdRing()
{
    QFETCH(Packing, packing);
    QFETCH(qint64, maxLine);
    QFETCH(qint64, block);
    const QByteArray content = ringLog(quint32(qHash(QTest::currentDataTag())));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ring.log"));
    write(path, compress(content, packing));
    const ReadAll want = expectedLines(content, maxLine);
    const ReadAll got = readAll(path, maxLine, block);
    QVERIFY2(got.error.isEmpty(), qPrintable(got.error));
    QVERIFY(got.compressed);
    QCOMPARE(got.numbers.size(), want.numbers.size());
    for (qsizetype i = 0; i < want.lines.size(); ++i) {
        if (got.lines.at(i) != want.lines.at(i) || got.numbers.at(i) != want.numbers.at(i))
            QFAIL(qPrintable(QStringLiteral("line %1 differs").arg(want.numbers.at(i))));
    }
    QVERIFY(want.lines.contains("<overlong>") == (maxLine < 11000));
}

void TestLogReader::brokenZstd_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QString>("error");
    QTest::addColumn<qsizetype>("linesAtLeast");
    // A corrupt byte may decode to wrong text before zstd notices: only the other rows' lines
    // are all the log's own.
    QTest::addColumn<bool>("intact");
    const QByteArray content = ringLog(7);
    const Packing frames{{10}, 3, 100000, false, true, false};
    const QByteArray whole = compress(content, frames);
    const QByteArray first = compress(content.left(100000), frames);
    const qsizetype firstLines = expectedLines(content.left(100000), LogReader::DefaultMaxLineLength).lines.size();
    QTest::newRow("garbage after a frame") << first + "not zstd at all" << u"zstd: Unknown frame descriptor"_qs << firstLines << true;
    QTest::newRow("cut inside the second frame") << whole.left(first.size() + 500) << u"ends in the middle of a frame"_qs
                                                 << firstLines - 1 << true;
    QTest::newRow("cut inside a frame header") << first + whole.mid(first.size(), 3) << u"ends in the middle of a frame"_qs
                                               << firstLines - 1 << true;
    QByteArray flipped = whole;
    flipped[whole.size() / 2] = char(flipped[whole.size() / 2] ^ 0x5A);
    QTest::newRow("a corrupt byte") << flipped << u"zstd: "_qs << qsizetype(1) << false;
    // A frame header asking for a 256 MiB window: refused before anything is allocated.
    QTest::newRow("window too large") << first + QByteArray("\x28\xB5\x2F\xFD\x00\x90", 6) + QByteArray(64, 'z')
                                      << u"256 MiB"_qs << firstLines << true;
}

void TestLogReader::brokenZstd()
{
    QFETCH(QByteArray, file);
    QFETCH(QString, error);
    QFETCH(qsizetype, linesAtLeast);
    QFETCH(bool, intact);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.zst"));
    write(path, file);
    const ReadAll got = readAll(path);
    QVERIFY2(got.error.contains(error), qPrintable(got.error));
    QVERIFY2(got.lines.size() >= linesAtLeast, qPrintable(QString::number(got.lines.size())));
    // What was read before the damage is the log's own start, line for line; the last line
    // read may be cut where the data broke off.
    const ReadAll want = expectedLines(ringLog(7), LogReader::DefaultMaxLineLength);
    QVERIFY(got.lines.size() < want.lines.size());
    if (intact) {
        const qsizetype n = got.lines.size();
        QCOMPARE(got.lines.mid(0, n - 1), want.lines.mid(0, n - 1));
        QVERIFY(want.lines.at(n - 1).startsWith(got.lines.last()));
    }
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
