// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include <QDir>
#include <QTest>

#include "MockClock.h"
#include "TestConfig.h"
#include "sandbox/Scenario.h"
#include "sandbox/ScenarioState.h"

using namespace Dsn;
using namespace Dsn::Sandbox;

namespace {

Scenario parseOrFail(const QByteArray &json)
{
    auto s = Scenario::parse(json, QStringLiteral("test.json"));
    if (!s)
        qWarning("%s", qPrintable(s.error().toString()));
    return s ? s.value() : Scenario::acceptAll();
}

} // namespace

class TestScenario : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wireLines_data();
    void wireLines();
    void loadErrors_data();
    void loadErrors();
    void syntaxErrorHasPosition();
    void readyScenarios_data();
    void readyScenarios();
    void greylist_data();
    void greylist();
    void rateLimit_data();
    void rateLimit();
    void quota_data();
    void quota();
    void firstMatchingRuleWins();
};

void TestScenario::wireLines_data()
{
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<QStringList>("lines");
    QTest::newRow("single with enhanced") << QByteArray(R"({"code": 452, "enhanced": "4.2.2", "text": "over quota"})")
                                          << QStringList{QStringLiteral("452 4.2.2 over quota")};
    QTest::newRow("multi with enhanced") << QByteArray(R"({"code": 550, "enhanced": "5.1.1", "text": ["a", "b", "c"]})")
                                         << QStringList{QStringLiteral("550-5.1.1 a"), QStringLiteral("550-5.1.1 b"),
                                                        QStringLiteral("550 5.1.1 c")};
    QTest::newRow("no enhanced") << QByteArray(R"({"code": 554, "text": ["x", "y"]})")
                                 << QStringList{QStringLiteral("554-x"), QStringLiteral("554 y")};
    QTest::newRow("blank continuation") << QByteArray(R"({"code": 550, "enhanced": "5.7.26", "text": ["a", "", "b"]})")
                                        << QStringList{QStringLiteral("550-5.7.26 a"), QStringLiteral("550-5.7.26"),
                                                       QStringLiteral("550 5.7.26 b")};
    QTest::newRow("no text") << QByteArray(R"({"code": 421})") << QStringList{QStringLiteral("421")};
    QTest::newRow("verbatim lines") << QByteArray(R"({"lines": ["550-5.1.1 a", "550 5.1.1  b"]})")
                                    << QStringList{QStringLiteral("550-5.1.1 a"), QStringLiteral("550 5.1.1  b")};
}

void TestScenario::wireLines()
{
    QFETCH(QByteArray, reply);
    QFETCH(QStringList, lines);
    const QByteArray json = R"({"format": 1, "rules": [{"phase": "RCPT TO", "reply": )" + reply + "}]}";
    auto s = Scenario::parse(json, QStringLiteral("test.json"));
    QVERIFY2(s.ok(), s ? "" : qPrintable(s.error().toString()));
    QCOMPARE(s->rules.at(0).reply.lines, lines);
    QCOMPARE(s->rules.at(0).reply.toWire(), (lines.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n")).toUtf8());
}

void TestScenario::loadErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("ruleIndex");
    QTest::addColumn<QString>("messagePart");

    auto rules = [](const char *r) { return QByteArray(R"({"format": 1, "rules": [)") + r + "]}"; };
    const char *ok = R"({"phase": "MAIL FROM", "reply": {"code": 451, "text": "x"}})";
    QTest::newRow("wrong format") << QByteArray(R"({"format": 2})") << QStringLiteral("scenario") << -1
                                  << QStringLiteral("'format'");
    QTest::newRow("no format") << QByteArray(R"({"rules": []})") << QStringLiteral("scenario") << -1
                               << QStringLiteral("'format'");
    QTest::newRow("unknown top key") << QByteArray(R"({"format": 1, "rulez": []})") << QStringLiteral("scenario") << -1
                                     << QStringLiteral("'rulez'");
    QTest::newRow("unknown phase in second rule")
        << rules((QByteArray(ok) + R"(, {"phase": "RCTP TO", "reply": {"code": 550}})").constData())
        << QStringLiteral("scenario-phase") << 1 << QStringLiteral("RCTP TO");
    QTest::newRow("bad regex")
        << rules(R"({"phase": "RCPT TO", "match": {"recipient": "(unclosed"}, "reply": {"code": 550}})")
        << QStringLiteral("regex-parse") << 0 << QStringLiteral("recipient");
    QTest::newRow("recipient at MAIL FROM")
        << rules(R"({"phase": "MAIL FROM", "match": {"recipient": "x"}, "reply": {"code": 550}})")
        << QStringLiteral("scenario-match") << 0 << QStringLiteral("MAIL FROM");
    QTest::newRow("sender at connect")
        << rules(R"({"phase": "connect", "match": {"sender": "x"}, "reply": {"code": 554}})")
        << QStringLiteral("scenario-match") << 0 << QStringLiteral("sender");
    QTest::newRow("code out of range") << rules(R"({"phase": "RCPT TO", "reply": {"code": 700}})")
                                       << QStringLiteral("scenario-reply") << 0 << QStringLiteral("'code'");
    QTest::newRow("enhanced class mismatch")
        << rules(R"({"phase": "RCPT TO", "reply": {"code": 450, "enhanced": "5.1.1"}})")
        << QStringLiteral("scenario-reply") << 0 << QStringLiteral("does not match");
    QTest::newRow("line break in text") << rules(
                                               R"({"phase": "RCPT TO", "reply": {"code": 450, "text": "a\r\n250 b"}})")
                                        << QStringLiteral("scenario-reply") << 0 << QStringLiteral("line break");
    QTest::newRow("verbatim lines with two codes")
        << rules(R"({"phase": "RCPT TO", "reply": {"lines": ["550-a", "450 b"]}})") << QStringLiteral("scenario-reply")
        << 0 << QStringLiteral("Malformed");
    QTest::newRow("verbatim last line with dash")
        << rules(R"({"phase": "RCPT TO", "reply": {"lines": ["550-a", "550-b"]}})") << QStringLiteral("scenario-reply")
        << 0 << QStringLiteral("line 2");
    QTest::newRow("2xx to DATA") << rules(R"({"phase": "DATA", "reply": {"code": 250}})")
                                 << QStringLiteral("scenario-reply") << 0 << QStringLiteral("354");
    QTest::newRow("no reply") << rules(R"({"phase": "RCPT TO"})") << QStringLiteral("scenario-rule") << 0
                              << QStringLiteral("'reply'");
    QTest::newRow("typo in rule key") << rules(R"({"phase": "RCPT TO", "dealy_ms": 5, "reply": {"code": 450}})")
                                      << QStringLiteral("scenario-rule") << 0 << QStringLiteral("dealy_ms");
    QTest::newRow("negative delay") << rules(R"({"phase": "RCPT TO", "delay_ms": -1, "reply": {"code": 450}})")
                                    << QStringLiteral("scenario-rule") << 0 << QStringLiteral("delay_ms");
    QTest::newRow("greylist at DATA") << rules(
                                             R"({"phase": "DATA", "state": {"greylist": {}}, "reply": {"code": 450}})")
                                      << QStringLiteral("scenario-state") << 0 << QStringLiteral("greylisting");
    QTest::newRow("rate limit without max")
        << rules(R"({"phase": "MAIL FROM", "state": {"rate_limit": {"count": "messages"}}, "reply": {"code": 451}})")
        << QStringLiteral("scenario-state") << 0 << QStringLiteral("'max'");
    QTest::newRow("quota at MAIL FROM")
        << rules(R"({"phase": "MAIL FROM", "state": {"quota": {"bytes": 10}}, "reply": {"code": 552}})")
        << QStringLiteral("scenario-state") << 0 << QStringLiteral("quota");
    QTest::newRow("bad limit") << QByteArray(R"({"format": 1, "limits": {"max_sessions": 0}})")
                               << QStringLiteral("scenario") << -1 << QStringLiteral("max_sessions");
}

void TestScenario::loadErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, code);
    QFETCH(int, ruleIndex);
    QFETCH(QString, messagePart);
    auto s = Scenario::parse(json, QStringLiteral("bad.json"));
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, code);
    QCOMPARE(s.error().ruleIndex, ruleIndex);
    QCOMPARE(s.error().source, QStringLiteral("bad.json"));
    QVERIFY2(s.error().message.contains(messagePart), qPrintable(s.error().toString()));
}

void TestScenario::syntaxErrorHasPosition()
{
    auto s = Scenario::load(QStringLiteral(DSN_TEST_DATA_DIR "/sandbox/syntax-error.json"));
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, QStringLiteral("json-parse"));
    QCOMPARE(s.error().line, 8);
    QVERIFY(s.error().column > 0);
    QVERIFY(s.error().source.endsWith(QLatin1String("syntax-error.json")));
}

void TestScenario::readyScenarios_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(QStringLiteral(DSN_SOURCE_DIR "/resources/scenarios"));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 7);
    for (const QString &f : files)
        QTest::newRow(qPrintable(f)) << dir.filePath(f);
}

void TestScenario::readyScenarios()
{
    QFETCH(QString, path);
    auto s = Scenario::load(path);
    QVERIFY2(s.ok(), s ? "" : qPrintable(s.error().toString()));
    QVERIFY(!s->comment.isEmpty());
    QVERIFY(!s->rules.empty());
    QCOMPARE(s->name + QStringLiteral(".json"), QFileInfo(path).fileName());
}

// Steps: seconds to advance before each RCPT attempt and whether the greylist rule answers it.
void TestScenario::greylist_data()
{
    QTest::addColumn<QList<int>>("advance");
    QTest::addColumn<QList<bool>>("rejected");
    QTest::addColumn<QList<QString>>("recipients");
    const QString a = QStringLiteral("a@example.org");
    const QString b = QStringLiteral("b@example.org");
    QTest::newRow("first attempt") << QList<int>{0} << QList<bool>{true} << QList<QString>{a};
    QTest::newRow("retry too soon") << QList<int>{0, 60, 200} << QList<bool>{true, true, true}
                                    << QList<QString>{a, a, a};
    QTest::newRow("retry after delay passes") << QList<int>{0, 301} << QList<bool>{true, false} << QList<QString>{a, a};
    QTest::newRow("passed triplet stays passed")
        << QList<int>{0, 301, 86400} << QList<bool>{true, false, false} << QList<QString>{a, a, a};
    QTest::newRow("retry after window starts over")
        << QList<int>{0, 3 * 86400, 301} << QList<bool>{true, true, false} << QList<QString>{a, a, a};
    QTest::newRow("each recipient is its own triplet")
        << QList<int>{0, 301, 0} << QList<bool>{true, false, true} << QList<QString>{a, a, b};
}

void TestScenario::greylist()
{
    QFETCH(QList<int>, advance);
    QFETCH(QList<bool>, rejected);
    QFETCH(QList<QString>, recipients);
    Test::MockClock clock;
    ScenarioState state(clock);
    state.setScenario(parseOrFail(
        R"({"format": 1, "rules": [{"phase": "RCPT TO", "state": {"greylist": {"retry_after_s": 300, "retry_window_s": 86400}}, "reply": {"code": 450, "enhanced": "4.2.0", "text": "Greylisted"}}]})"));
    for (qsizetype i = 0; i < advance.size(); ++i) {
        clock.advanceSeconds(advance[i]);
        MatchContext ctx;
        ctx.client = QStringLiteral("127.0.0.1");
        ctx.sender = QStringLiteral("s@example.com");
        ctx.recipient = recipients[i];
        QCOMPARE(state.select(SmtpPhase::RcptTo, ctx).has_value(), rejected[i]);
    }
}

void TestScenario::rateLimit_data()
{
    QTest::addColumn<QString>("count");
    QTest::addColumn<int>("events");
    QTest::addColumn<int>("advanceS");
    QTest::addColumn<bool>("limited");
    QTest::newRow("messages below limit") << QStringLiteral("messages") << 2 << 0 << false;
    QTest::newRow("messages at limit") << QStringLiteral("messages") << 3 << 0 << true;
    QTest::newRow("messages after window") << QStringLiteral("messages") << 5 << 61 << false;
    QTest::newRow("connections below limit") << QStringLiteral("connections") << 2 << 0 << false;
    QTest::newRow("connections at limit") << QStringLiteral("connections") << 3 << 30 << true;
    QTest::newRow("connections after window") << QStringLiteral("connections") << 3 << 61 << false;
}

void TestScenario::rateLimit()
{
    QFETCH(QString, count);
    QFETCH(int, events);
    QFETCH(int, advanceS);
    QFETCH(bool, limited);
    Test::MockClock clock;
    ScenarioState state(clock);
    const SmtpPhase phase = count == QLatin1String("messages") ? SmtpPhase::MailFrom : SmtpPhase::Connect;
    state.setScenario(parseOrFail(
        QStringLiteral(
            R"({"format": 1, "rules": [{"phase": "%1", "state": {"rate_limit": {"count": "%2", "max": 3, "window_s": 60}}, "reply": {"code": 421, "enhanced": "4.7.0", "text": "slow down"}}]})")
            .arg(smtpPhaseName(phase), count)
            .toUtf8()));
    MatchContext ctx;
    ctx.client = QStringLiteral("192.0.2.1");
    ctx.recipients = {QStringLiteral("r@example.org")};
    ctx.messageBytes = 100;
    for (int i = 0; i < events; ++i) {
        if (phase == SmtpPhase::MailFrom)
            state.recordAcceptedMessage(ctx);
        else
            state.recordConnection(ctx.client);
    }
    clock.advanceSeconds(advanceS);
    QCOMPARE(state.select(phase, ctx).has_value(), limited);
    // Counters are per client: another address is never limited by this one's traffic.
    ctx.client = QStringLiteral("192.0.2.2");
    QVERIFY(!state.select(phase, ctx).has_value());
}

void TestScenario::quota_data()
{
    QTest::addColumn<QList<int>>("accepted");
    QTest::addColumn<int>("incoming");
    QTest::addColumn<bool>("rcptFull");
    QTest::addColumn<bool>("dataRefused");
    QTest::newRow("empty mailbox") << QList<int>{} << 500 << false << false;
    QTest::newRow("fits exactly") << QList<int>{400, 300} << 300 << false << false;
    QTest::newRow("does not fit") << QList<int>{400, 300} << 301 << false << true;
    QTest::newRow("full") << QList<int>{600, 400} << 1 << true << true;
}

void TestScenario::quota()
{
    QFETCH(QList<int>, accepted);
    QFETCH(int, incoming);
    QFETCH(bool, rcptFull);
    QFETCH(bool, dataRefused);
    Test::MockClock clock;
    ScenarioState state(clock);
    state.setScenario(parseOrFail(R"({"format": 1, "rules": [
        {"phase": "RCPT TO", "match": {"recipient": "^box@"}, "state": {"quota": {"bytes": 1000}}, "reply": {"code": 552, "enhanced": "5.2.2", "text": "Mailbox full"}},
        {"phase": "end of data", "match": {"recipient": "^box@"}, "state": {"quota": {"bytes": 1000}}, "reply": {"code": 552, "enhanced": "5.2.2", "text": "Quota exceeded"}}]})"));
    MatchContext ctx;
    ctx.client = QStringLiteral("192.0.2.1");
    ctx.recipients = {QStringLiteral("BOX@example.org")};
    for (int size : accepted) {
        ctx.messageBytes = size;
        state.recordAcceptedMessage(ctx);
    }
    MatchContext rcpt = ctx;
    rcpt.recipients.clear();
    rcpt.recipient = QStringLiteral("box@example.org");
    QCOMPARE(state.select(SmtpPhase::RcptTo, rcpt).has_value(), rcptFull);
    ctx.messageBytes = incoming;
    QCOMPARE(state.select(SmtpPhase::EndOfData, ctx).has_value(), dataRefused);
    rcpt.recipient = QStringLiteral("other@example.org");
    QVERIFY(!state.select(SmtpPhase::RcptTo, rcpt).has_value());
}

void TestScenario::firstMatchingRuleWins()
{
    Test::MockClock clock;
    ScenarioState state(clock);
    state.setScenario(parseOrFail(R"({"format": 1, "rules": [
        {"phase": "RCPT TO", "match": {"recipient": "^a"}, "reply": {"code": 550, "text": "first"}},
        {"phase": "RCPT TO", "match": {"recipient": "^ab"}, "reply": {"code": 551, "text": "second"}},
        {"phase": "RCPT TO", "match": {"sender": "^vip@"}, "reply": {"code": 450, "text": "third"}}]})"));
    MatchContext ctx;
    ctx.sender = QStringLiteral("vip@example.com");
    ctx.recipient = QStringLiteral("ABC@example.org");
    QCOMPARE(state.select(SmtpPhase::RcptTo, ctx)->index, 0);
    ctx.recipient = QStringLiteral("zed@example.org");
    QCOMPARE(state.select(SmtpPhase::RcptTo, ctx)->index, 2);
    QVERIFY(!state.select(SmtpPhase::MailFrom, ctx).has_value());
}

QTEST_GUILESS_MAIN(TestScenario)
#include "TestScenario.moc"
