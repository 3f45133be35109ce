// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include <QByteArray>
#include <QTest>

#include "ReplayFixtures.h"
#include "replay/LogGenerator.h"
#include "replay/LogRecord.h"

using namespace Dsn;
using Replay::LogRecord;

namespace {

/// Every field a replay reads, or the error, as one comparable text.
QString describe(const Result<LogRecord> &r)
{
    if (!r)
        return QStringLiteral("error %1: %2").arg(r.error().code, r.error().message);
    return QStringList{r->type, r->queue, r->queueName.toString(), r->domain, r->site, r->recipient,
                       r->bounceClassification, QString::number(r->code), QString::number(r->originalCode),
                       QString::number(r->isFailure), QString::number(r->internal), r->input.response,
                       smtpPhaseName(r->input.phase), r->input.queue, r->input.sender, r->input.recipient,
                       r->input.command, QString::number(r->input.commandless)}
        .join(QLatin1Char('|'));
}

/// What a replay reads from parse(line, FailuresOnly): everything for a failure, the type for
/// the rest; the same outcome as the full parse.
void compareLean(const QByteArray &line)
{
    const Result<LogRecord> lean = LogRecord::parse(line, LogRecord::Fields::FailuresOnly);
    const Result<LogRecord> full = LogRecord::parseGeneric(line);
    QCOMPARE(bool(lean), bool(full));
    if (!full) {
        QCOMPARE(lean.error().message, full.error().message);
        return;
    }
    QCOMPARE(lean->type, full->type);
    QCOMPARE(lean->isFailure, full->isFailure);
    if (full->isFailure)
        QCOMPARE(describe(lean), describe(full));
}

} // namespace

/// parse() reads common records with its own scanner: it must agree with the full JSON parse
/// on every input, including the ones that make it hand over.
class TestLogRecord : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void agreesWithFullParser_data();
    void agreesWithFullParser();
    void agreesOnGeneratedLogs();
    void agreesOnMutatedLines_data();
    void agreesOnMutatedLines();
    void typeNamesStayStatic();
};

void TestLogRecord::agreesWithFullParser_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("expect"); // a substring of describe(parse(line))
    const QByteArray bounce = R"j({"type":"Bounce","queue":"promo:acme@example.net","site":"mx.example.net","recipient":"a@example.net","sender":"s@x.org","bounce_classification":"InvalidRecipient","response":{"code":550,"enhanced_code":{"class":5,"subject":1,"detail":1},"content":"No such user","command":"RCPT TO:<a@example.net>\r\n"},"meta":{},"headers":{"x":[1,2.5e3,true,false,null]}})j";
    QTest::newRow("plain bounce") << bounce << QStringLiteral("550 5.1.1 No such user|RCPT TO");
    QTest::newRow("leading and trailing space") << (QByteArray("  ") + bounce + " \t") << QStringLiteral("Bounce|");
    QTest::newRow("escaped quote and slash") << QByteArray(R"j({"type":"Bounce","response":{"code":550,"content":"say \"no\" \/ \u0041","command":"RCPT TO:<a@b>\r\n"}})j")
                                             << QStringLiteral("550 say \"no\" / A");
    QTest::newRow("non-ASCII content") << QByteArray("{\"type\":\"Bounce\",\"response\":{\"code\":550,\"content\":\"Empf\xC3\xA4nger unbekannt\",\"command\":\"RCPT TO:<a@b>\\r\\n\"}}")
                                       << QStringLiteral("Empfänger");
    QTest::newRow("unicode escape beyond ASCII") << QByteArray(R"j({"type":"Bounce","response":{"code":550,"content":"caf\u00e9 \ud83d\ude00","command":"DATA\r\n"}})j")
                                                 << QStringLiteral("café");
    QTest::newRow("escaped key") << QByteArray(R"j({"typ\u0065":"Bounce","response":{"code":550,"content":"x","command":"DATA\r\n"}})j")
                                 << QStringLiteral("Bounce|");
    QTest::newRow("duplicate type, last wins") << QByteArray(R"j({"type":"Delivery","type":"Bounce","response":{"code":550,"content":"x","command":"DATA\r\n"}})j")
                                               << QString();
    QTest::newRow("duplicate code") << QByteArray(R"j({"type":"Bounce","response":{"code":450,"code":550,"content":"x","command":"DATA\r\n"}})j")
                                    << QString();
    QTest::newRow("recipient array") << QByteArray(R"j({"type":"Bounce","recipient":["x@a.example","y@b.example"],"response":{"code":550,"content":"x","command":"DATA\r\n"}})j")
                                     << QStringLiteral("x@a.example");
    QTest::newRow("nulls everywhere") << QByteArray(R"j({"type":"Bounce","queue":null,"site":null,"recipient":null,"sender":null,"bounce_classification":null,"response":{"code":421,"enhanced_code":null,"content":null,"command":null}})j")
                                      << QStringLiteral("Uncategorized");
    QTest::newRow("code as double") << QByteArray(R"j({"type":"Bounce","response":{"code":550.0,"content":"x","command":"DATA\r\n"}})j")
                                    << QStringLiteral("550 x");
    QTest::newRow("code as string") << QByteArray(R"j({"type":"Bounce","response":{"code":"550","content":"x","command":"DATA\r\n"}})j")
                                    << QStringLiteral("no SMTP response code");
    QTest::newRow("enhanced code as text") << QByteArray(R"j({"type":"TransientFailure","response":{"code":451,"enhanced_code":"4.7.1","content":"later","command":"RCPT TO:<a@b>\r\n"}})j")
                                           << QStringLiteral("451 4.7.1 later");
    QTest::newRow("incomplete enhanced code") << QByteArray(R"j({"type":"Bounce","response":{"code":550,"enhanced_code":{"class":5,"subject":1},"content":"x","command":"DATA\r\n"}})j")
                                              << QStringLiteral("550 x");
    QTest::newRow("production rewrite note") << QByteArray(R"j({"type":"Bounce","response":{"code":500,"enhanced_code":{"class":4,"subject":2,"detail":2},"content":"Full (kumomta: status was rewritten from 452 -> 500)","command":"RCPT TO:<a@b>\r\n"}})j")
                                             << QStringLiteral("452 4.2.2 Full|");
    QTest::newRow("delivery") << QByteArray(R"j({"type":"Delivery","response":{"code":250,"content":"ok","command":".\r\n"}})j")
                              << QStringLiteral("Delivery|");
    // Fields a delivery does not need: the lean parse skips them, the result must not change.
    QTest::newRow("delivery with odd fields") << QByteArray(R"j({"type":"Delivery","queue":7,"recipient":["a@b","c@d"],"site":"caf\u00e9","response":{"code":250,"content":{"x":1},"command":".\r\n"}})j")
                                              << QStringLiteral("Delivery|");
    QTest::newRow("bounce with numeric queue") << QByteArray(R"j({"type":"Bounce","queue":7,"response":{"code":550,"content":"x","command":"DATA\r\n"}})j")
                                               << QStringLiteral("550 x");
    QTest::newRow("empty command") << QByteArray(R"j({"type":"Bounce","response":{"code":550,"content":"x","command":""}})j")
                                   << QStringLiteral("550 x");
    QTest::newRow("no type") << QByteArray(R"j({"response":{"code":550}})j") << QStringLiteral("no \"type\"");
    QTest::newRow("type not a string") << QByteArray(R"j({"type":5})j") << QStringLiteral("no \"type\"");
    QTest::newRow("array") << QByteArray("[1,2]") << QStringLiteral("not a JSON object");
    QTest::newRow("truncated") << bounce.left(80) << QStringLiteral("invalid JSON");
    QTest::newRow("trailing garbage") << (bounce + "x") << QStringLiteral("invalid JSON");
    QTest::newRow("leading zero") << QByteArray(R"j({"type":"Delivery","size":012})j") << QStringLiteral("invalid JSON");
    // Qt's parser is lenient here, and the scanner must be exactly as lenient: it hands over.
    QTest::newRow("raw tab in string") << QByteArray("{\"type\":\"Deli\tvery\"}") << QStringLiteral("Deli\tvery|");
    QTest::newRow("unknown escape") << QByteArray(R"j({"type":"Delivery","x":"\q"})j") << QStringLiteral("Delivery|");
    QTest::newRow("missing comma") << QByteArray(R"j({"type":"Delivery" "x":1})j") << QStringLiteral("invalid JSON");
    QTest::newRow("trailing comma") << QByteArray(R"j({"type":"Delivery",})j") << QStringLiteral("invalid JSON");
    QByteArray deep = R"j({"type":"Delivery","x":)j";
    deep += QByteArray(60, '[') + QByteArray(60, ']') + '}';
    QTest::newRow("deep nesting") << deep << QStringLiteral("Delivery|");
}

void TestLogRecord::agreesWithFullParser()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, expect);
    const QString fast = describe(LogRecord::parse(line));
    QCOMPARE(fast, describe(LogRecord::parseGeneric(line)));
    QVERIFY2(fast.contains(expect), qPrintable(fast));
    compareLean(line);
}

void TestLogRecord::agreesOnGeneratedLogs()
{
    Replay::LogGenerator generator(Test::corpusReplies(), 7);
    int failures = 0;
    for (int i = 0; i < 3000; ++i) {
        bool failure = false;
        QByteArray line = generator.nextRecord(&failure);
        line.chop(1);
        failures += failure;
        const Result<LogRecord> fast = LogRecord::parse(line);
        QVERIFY2(bool(fast), line.constData());
        QCOMPARE(describe(fast), describe(LogRecord::parseGeneric(line)));
        compareLean(line);
        if (QTest::currentTestFailed())
            return;
    }
    QVERIFY(failures > 100);
}

/// Every single-byte edit of a few real-looking records: the scanner's give-up rules must hold
/// at every position, and a line it accepts must read exactly as the full parser reads it.
void TestLogRecord::agreesOnMutatedLines_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("delivery") << QByteArray(R"j({"type":"Delivery","id":"4f1c0e2a","sender":"news@shop.example","recipient":"ann@example.com","queue":"campaign:tenant@example.com","site":"example.com->mx.example.com@smtp_client","size":2048,"response":{"code":250,"enhanced_code":{"class":2,"subject":0,"detail":0},"content":"OK id=1a2b","command":".\r\n"},"egress_pool":"pool","num_attempts":0,"bounce_classification":"Uncategorized","timestamp":1700000000,"nodeid":"a-b"})j");
    QTest::newRow("bounce") << QByteArray(R"j({"type":"Bounce","queue":"promo:acme@example.net","site":"mx.example.net","recipient":"a@example.net","sender":"s@x.org","bounce_classification":"InvalidRecipient","response":{"code":550,"enhanced_code":{"class":5,"subject":1,"detail":1},"content":"No such \"user\" here","command":"RCPT TO:<a@example.net>\r\n"},"meta":{}})j");
    QTest::newRow("transient, recipient array") << QByteArray(R"j({"type":"TransientFailure","recipient":["x@a.example","y@b.example"],"queue":"b.example","response":{"code":451,"enhanced_code":{"class":4,"subject":7,"detail":1},"content":"Try later","command":"RCPT TO:<x@a.example>\r\n"},"num_attempts":3})j");
    QTest::newRow("nested meta and headers") << QByteArray(R"j({"type":"Bounce","meta":{"a":[1,2.5e3,-0,true,false,null],"b":{"c":[],"d":{}}},"headers":{"Subject":["Hi \u0041\/"],"X":-12.75E-2},"response":{"code":554,"enhanced_code":null,"content":"Rejected","command":null},"site":null})j");
    // Runs of backslashes and escaped quotes that edits shift across the scanner's 64-byte blocks.
    QTest::newRow("backslash runs") << QByteArray(R"j({"type":"Bounce","x":"\\\\\"\\\"\\","response":{"code":550,"content":"a\\\"b\\\\\"\/\u005c\u0022","command":"RCPT TO:<a@b>\r\n"}})j");
    QTest::newRow("spaced") << QByteArray(R"j( { "type" : "Bounce" , "response" : { "code" : 550 , "content" : "x" , "command" : "DATA\r\n" } , "x" : [ 1 , 0.5 ] } )j");
}

void TestLogRecord::agreesOnMutatedLines()
{
    QFETCH(QByteArray, line);
    static const char replacements[] = {'"', '\\', '{', '}', '[', ']', ',', ':', ' ', '0', 'a', '-', '.', 'e', 'u', 'n'};
    static const char insertions[] = {'"', '\\', ',', ' ', '0', '}'};
    int cases = 0;
    int accepted = 0;
    const auto check = [&](const QByteArray &mutated) {
        ++cases;
        accepted += LogRecord::scannerReads(mutated);
        const QString fast = describe(LogRecord::parse(mutated));
        const QString full = describe(LogRecord::parseGeneric(mutated));
        if (fast != full)
            QFAIL(qPrintable(QStringLiteral("%1\n  parse:        %2\n  parseGeneric: %3").arg(QString::fromLatin1(mutated), fast, full)));
        compareLean(mutated); // the replay's own call
    };
    // The scanner must read the intact line itself wherever its 64-byte blocks cut it.
    for (int shift = 0; shift < 64; ++shift) {
        const QByteArray shifted = QByteArray(shift, ' ') + line;
        QVERIFY2(LogRecord::scannerReads(shifted), shifted.constData());
        check(shifted);
        if (QTest::currentTestFailed())
            return;
    }
    for (qsizetype i = 0; i < line.size(); ++i) {
        for (const char c : replacements) {
            if (line[i] == c)
                continue;
            QByteArray mutated = line;
            mutated[i] = c;
            check(mutated);
            if (QTest::currentTestFailed())
                return;
        }
        check(QByteArray(line).remove(i, 1));
        for (const char c : insertions)
            check(QByteArray(line).insert(i, c));
        if (QTest::currentTestFailed())
            return;
    }
    qDebug("%d lines, %d of them read by the scanner itself", cases, accepted);
}

/// Every record of a known type names it with one string in static storage. A heap copy with a
/// reference count shared by all threads would make the cores fight over it on every record.
void TestLogRecord::typeNamesStayStatic()
{
    const QByteArray line = R"j({"type":"Delivery","queue":"example.net","response":{"code":250,"content":"ok","command":".\r\n"}})j";
    const auto first = LogRecord::parse(line);
    const auto second = LogRecord::parse(line);
    QVERIFY(first.ok() && second.ok());
    QCOMPARE(first->type, QStringLiteral("Delivery"));
    QCOMPARE(first->type.constData(), second->type.constData());
    QString type = first->type; // data_ptr() wants a non-const string
    QVERIFY(!type.data_ptr().d_ptr());
}

QTEST_GUILESS_MAIN(TestLogRecord)
#include "TestLogRecord.moc"
