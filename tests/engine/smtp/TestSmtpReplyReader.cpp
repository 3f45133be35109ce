// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include <QTest>

#include "smtp/ReplyReader.h"

using namespace Dsn;
using Kind = Smtp::ReplyReader::Step::Kind;

namespace {

/// Feeds `chunks` one by one and describes what came out: "R:<code>:<lines>" per reply,
/// "E:<error>" for an error (then stops).
QStringList readAll(Smtp::ReplyReader &reader, const QList<QByteArray> &chunks)
{
    QStringList out;
    for (const QByteArray &chunk : chunks) {
        reader.append(chunk);
        for (;;) {
            const auto step = reader.next();
            if (step.kind == Kind::NeedMore)
                break;
            if (step.kind == Kind::Error) {
                out << u"E:"_qs + step.error;
                return out;
            }
            if (step.kind == Kind::Reply)
                out << u"R:%1:%2"_qs.arg(step.reply.code).arg(step.lines.size());
        }
    }
    return out;
}

} // namespace

class TestSmtpReplyReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void read_data();
    void read();
    void content();
    void partialLinesAfterStall();
};

void TestSmtpReplyReader::read_data()
{
    QTest::addColumn<QList<QByteArray>>("chunks");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("single line") << QList<QByteArray>{"250 ok\r\n"} << QStringList{u"R:250:1"_qs};
    QTest::newRow("multi-line") << QList<QByteArray>{"250-a\r\n250-b\r\n250 c\r\n"} << QStringList{u"R:250:3"_qs};
    QTest::newRow("split across reads") << QList<QByteArray>{"25", "0-a\r", "\n250 b", "\r\n"}
                                        << QStringList{u"R:250:2"_qs};
    QTest::newRow("pipelined replies in one read") << QList<QByteArray>{"250 a\r\n250 b\r\n354 go\r\n"}
                                                   << QStringList{u"R:250:1"_qs, u"R:250:1"_qs, u"R:354:1"_qs};
    QTest::newRow("bare LF accepted") << QList<QByteArray>{"220 hi\n"} << QStringList{u"R:220:1"_qs};
    QTest::newRow("incomplete reply waits") << QList<QByteArray>{"250-a\r\n"} << QStringList{};
    QTest::newRow("garbage") << QList<QByteArray>{"hello there\r\n"}
                             << QStringList{u"E:Malformed Response: hello there"_qs};
    QTest::newRow("bare code") << QList<QByteArray>{"250\r\n"} << QStringList{u"E:Malformed Response: 250"_qs};
    QTest::newRow("code changes mid-reply") << QList<QByteArray>{"221-a\r\n250 b\r\n"}
                                            << QStringList{u"E:Malformed Response: 250 b"_qs};
    QTest::newRow("line of 4096 bytes is fine") << QList<QByteArray>{"250 " + QByteArray(4092, 'x') + "\r\n"}
                                                << QStringList{u"R:250:1"_qs};
    QTest::newRow("line of 4097 bytes") << QList<QByteArray>{"250 " + QByteArray(4093, 'x') + "\r\n"}
                                        << QStringList{u"E:reply line longer than 4096 bytes"_qs};
    QTest::newRow("10 MB without a line break") << QList<QByteArray>(640, QByteArray(16384, 'x'))
                                                << QStringList{u"E:reply line longer than 4096 bytes"_qs};
    QTest::newRow("too many lines") << QList<QByteArray>{QByteArray("250-x\r\n").repeated(300)}
                                    << QStringList{u"E:reply has more than 256 lines"_qs};
    QTest::newRow("too many bytes") << QList<QByteArray>{("250-" + QByteArray(4000, 'y') + "\r\n").repeated(20)}
                                    << QStringList{u"E:reply larger than 65536 bytes"_qs};
    QTest::newRow("limits reset per reply") << QList<QByteArray>{QByteArray("250-x\r\n").repeated(200) + "250 x\r\n"
                                                                 + QByteArray("250-y\r\n").repeated(200) + "250 y\r\n"}
                                            << QStringList{u"R:250:201"_qs, u"R:250:201"_qs};
}

void TestSmtpReplyReader::read()
{
    QFETCH(QList<QByteArray>, chunks);
    QFETCH(QStringList, expected);
    Smtp::ReplyReader reader;
    QCOMPARE(readAll(reader, chunks), expected);
}

void TestSmtpReplyReader::content()
{
    Smtp::ReplyReader documented({}, CompatProfile::Documented);
    Smtp::ReplyReader v2026({}, CompatProfile::V2026_06);
    const QByteArray gmail = "452-4.2.2 The account is over quota.\r\n452 4.2.2 Please retry later\r\n";
    for (Smtp::ReplyReader *r : {&documented, &v2026}) {
        r->append(gmail);
        QCOMPARE(r->next().kind, Kind::Line);
    }
    const auto d = documented.next();
    const auto v = v2026.next();
    QCOMPARE(d.kind, Kind::Reply);
    QCOMPARE(d.reply.code, 452);
    QCOMPARE(d.reply.enhancedCode, (EnhancedStatusCode{4, 2, 2}));
    QCOMPARE(d.reply.content, u"The account is over quota.\n4.2.2 Please retry later"_qs);
    QCOMPARE(v.reply.content, u"The account is over quota.\nPlease retry later"_qs);
    QCOMPARE(d.lines, (QStringList{u"452-4.2.2 The account is over quota."_qs, u"452 4.2.2 Please retry later"_qs}));
}

void TestSmtpReplyReader::partialLinesAfterStall()
{
    Smtp::ReplyReader reader;
    reader.append("250-one\r\n250-two\r\n250-thr");
    QCOMPARE(reader.next().kind, Kind::Line);
    QCOMPARE(reader.next().kind, Kind::Line);
    QCOMPARE(reader.next().kind, Kind::NeedMore);
    QCOMPARE(reader.partialLines().size(), 2);
    QCOMPARE(reader.pendingBytes(), 7);
    reader.reset();
    QCOMPARE(reader.partialLines().size(), 0);
}

QTEST_APPLESS_MAIN(TestSmtpReplyReader)
#include "TestSmtpReplyReader.moc"
