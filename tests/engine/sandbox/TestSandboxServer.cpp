// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include <memory>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "MockClock.h"
#include "SmtpTestClient.h"
#include "TestConfig.h"
#include "common/SmtpPhase.h"
#include "sandbox/SandboxServer.h"
#include "sandbox/SandboxSession.h"

using namespace Dsn;
using namespace Dsn::Sandbox;
using Dsn::Test::SmtpTestClient;

namespace {

Scenario scenarioFromRules(const QByteArray &rules, const QByteArray &extra = QByteArray())
{
    const QByteArray json = R"({"format": 1, "hostname": "mx.test")" + (extra.isEmpty() ? QByteArray() : ", " + extra) +
                            R"(, "rules": [)" + rules + "]}";
    auto s = Scenario::parse(json, QStringLiteral("inline.json"));
    if (!s)
        qFatal("%s", qPrintable(s.error().toString()));
    return s.value();
}

QStringList codes(const QStringList &lines)
{
    QStringList out;
    for (const QString &l : lines)
        out.append(l.left(3));
    return out;
}

} // namespace

class TestSandboxServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void phaseReplies_data();
    void phaseReplies();
    void drop_data();
    void drop();
    void delayedReplyKeepsOrder();
    void pipelining();
    void dotUnstuffing();
    void malformed_data();
    void malformed();
    void tooManyErrorsCloses();
    void longLine_data();
    void longLine();
    void messageTooBig();
    void vanishingClient_data();
    void vanishingClient();
    void idleTimeout();
    void tooManySessions();
    void emlFolderAndCap();
    void greylistingScenario();
    void rateLimitScenario();
    void mailboxFillsUpScenario();

private:
    /// Connects, reads the greeting and runs the transaction up to (not including) `phase`.
    bool reach(SmtpTestClient &c, SmtpPhase phase, QStringList *greeting = nullptr);

    std::unique_ptr<Dsn::Test::MockClock> m_clock;
    std::unique_ptr<SandboxServer> m_server;
};

void TestSandboxServer::init()
{
    m_clock = std::make_unique<Dsn::Test::MockClock>();
    m_server = std::make_unique<SandboxServer>(*m_clock);
    QVERIFY(m_server->listen(QHostAddress(QHostAddress::LocalHost), 0));
    QVERIFY(m_server->serverPort() != 0);
}

void TestSandboxServer::cleanup()
{
    m_server.reset();
    m_clock.reset();
}

bool TestSandboxServer::reach(SmtpTestClient &c, SmtpPhase phase, QStringList *greeting)
{
    if (!c.connectTo(m_server->serverPort()))
        return false;
    const QStringList g = c.readReply();
    if (greeting)
        *greeting = g;
    if (phase == SmtpPhase::Connect)
        return true;
    const std::pair<SmtpPhase, QByteArray> steps[] = {
        {SmtpPhase::Ehlo, "EHLO client.test"},
        {SmtpPhase::MailFrom, "MAIL FROM:<sender@example.com>"},
        {SmtpPhase::RcptTo, "RCPT TO:<rcpt@example.org>"},
        {SmtpPhase::Data, "DATA"},
    };
    // RSET and QUIT are tried in the middle of a transaction, after MAIL FROM.
    const SmtpPhase stop = phase == SmtpPhase::Rset || phase == SmtpPhase::Quit ? SmtpPhase::RcptTo : phase;
    for (const auto &[step, line] : steps) {
        if (step == stop)
            return true;
        const QStringList reply = c.command(line);
        if (reply.isEmpty() ||
            !(reply.last().startsWith(QLatin1Char('2')) || reply.last().startsWith(QLatin1Char('3'))))
            return false;
    }
    if (phase == SmtpPhase::EndOfData) {
        c.send("Subject: test\r\n\r\nbody\r\n");
        return true;
    }
    return false;
}

void TestSandboxServer::phaseReplies_data()
{
    QTest::addColumn<QString>("phase");
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<bool>("closes");

    QTest::newRow("connect single") << QStringLiteral("connect")
                                    << QByteArray(R"({"code": 554, "enhanced": "5.7.1", "text": "no service"})")
                                    << false;
    QTest::newRow("connect multi (gmx)")
        << QStringLiteral("connect/greeting")
        << QByteArray(
               R"({"lines": ["554-mail.com (cddtuyr274) Nemesis ESMTP Service not available", "554-No SMTP service", "554-Bad DNS PTR resource record.", "554 For explanation visit http://postmaster.gmx.com/en/error-messages?ip=192.0.2.22&c=rdns"]})")
        << false;
    QTest::newRow("connect 421 closes")
        << QStringLiteral("connect")
        << QByteArray(
               R"({"code": 421, "text": "mwinf5c79 ME Trop de connexions, veuillez verifier votre configuration."})")
        << true;
    QTest::newRow("connect custom 220") << QStringLiteral("connect")
                                        << QByteArray(R"({"code": 220, "text": ["mx.test ESMTP", "welcome"]})")
                                        << false;
    QTest::newRow("EHLO multi")
        << QStringLiteral("EHLO")
        << QByteArray(
               R"({"code": 550, "text": ["Requested action not taken: mailbox unavailable", "Reject due to policy restrictions."]})")
        << false;
    QTest::newRow("EHLO custom capabilities")
        << QStringLiteral("EHLO") << QByteArray(R"({"code": 250, "text": ["mx.test", "PIPELINING", "SIZE 1000"]})")
        << false;
    QTest::newRow("MAIL FROM single")
        << QStringLiteral("MAIL FROM")
        << QByteArray(
               R"({"code": 451, "enhanced": "4.7.650", "text": "The mail server [192.0.2.25] has been temporarily rate limited due to IP reputation."})")
        << false;
    QTest::newRow("MAIL FROM 421 closes")
        << QStringLiteral("MAIL FROM")
        << QByteArray(
               R"J({"code": 421, "enhanced": "4.7.28", "text": "Gmail has detected an unusual rate of mail (originating from)"})J")
        << true;
    QTest::newRow("RCPT TO multi")
        << QStringLiteral("RCPT TO")
        << QByteArray(
               R"({"lines": ["552-5.2.2 The recipient's inbox is out of storage space and inactive. Please", "552-5.2.2 direct the recipient to", "552 5.2.2 https://support.google.com/mail/?p=OverQuotaPerm r2-290450aeHYDI1ssm94.953 - gsmtp"]})")
        << false;
    QTest::newRow("RCPT TO single") << QStringLiteral("RCPT TO")
                                    << QByteArray(R"({"code": 452, "enhanced": "4.2.2", "text": "over quota"})")
                                    << false;
    QTest::newRow("DATA refused") << QStringLiteral("DATA")
                                  << QByteArray(
                                         R"({"code": 554, "enhanced": "5.5.1", "text": "Error: no valid recipients"})")
                                  << false;
    QTest::newRow("DATA custom 354") << QStringLiteral("DATA")
                                     << QByteArray(R"({"code": 354, "text": " Go ahead l1-692254 - gsmtp"})") << false;
    QTest::newRow("end of data multi")
        << QStringLiteral("end of data")
        << QByteArray(
               R"({"code": 550, "enhanced": "5.7.26", "text": ["This mail has been blocked because the sender is unauthenticated.", "", " Authentication results:", "https://support.google.com/mail/answer/81126#authentication - gsmtp"]})")
        << false;
    QTest::newRow("end of data custom 250")
        << QStringLiteral("end of data")
        << QByteArray(R"({"code": 250, "enhanced": "2.0.0", "text": "OK 1700000000 l1-692254 - gsmtp"})") << false;
    QTest::newRow("RSET") << QStringLiteral("RSET")
                          << QByteArray(R"({"code": 250, "enhanced": "2.1.5", "text": "Flushed l1-692254 - gsmtp"})")
                          << false;
    QTest::newRow("QUIT")
        << QStringLiteral("QUIT")
        << QByteArray(R"({"code": 221, "enhanced": "2.0.0", "text": "closing connection l1-692254 - gsmtp"})") << true;
}

void TestSandboxServer::phaseReplies()
{
    QFETCH(QString, phase);
    QFETCH(QByteArray, reply);
    QFETCH(bool, closes);
    const Scenario s = scenarioFromRules(R"({"phase": ")" + phase.toUtf8() + R"(", "reply": )" + reply + "}");
    QVERIFY(!m_server->setScenario(s));
    const ScriptedReply &expected = s.rules.at(0).reply;
    const SmtpPhase p =
        *smtpPhaseFromName(phase) == SmtpPhase::Greeting ? SmtpPhase::Connect : *smtpPhaseFromName(phase);

    SmtpTestClient c;
    QStringList greeting;
    QVERIFY(reach(c, p, &greeting));
    QStringList got;
    switch (p) {
    case SmtpPhase::Connect:
        got = greeting;
        break;
    case SmtpPhase::Ehlo:
        got = c.command("EHLO client.test");
        break;
    case SmtpPhase::MailFrom:
        got = c.command("MAIL FROM:<sender@example.com>");
        break;
    case SmtpPhase::RcptTo:
        got = c.command("RCPT TO:<rcpt@example.org>");
        break;
    case SmtpPhase::Data:
        got = c.command("DATA");
        break;
    case SmtpPhase::EndOfData:
        got = c.command(".");
        break;
    case SmtpPhase::Rset:
        got = c.command("RSET");
        break;
    default:
        got = c.command("QUIT");
        break;
    }
    QCOMPARE(got, expected.lines);
    if (closes) {
        QVERIFY(c.waitClosed());
        return;
    }
    if (p == SmtpPhase::Data && expected.isPositive()) {
        QVERIFY(c.command("body\r\n.").value(0).startsWith(QLatin1String("250 2.0.0 Ok: queued as")));
        return;
    }
    // The session goes on after a scripted reply (a 5xx greeting only allows QUIT).
    const QStringList noop = c.command("NOOP");
    QCOMPARE(noop.size(), 1);
    const bool noService = p == SmtpPhase::Connect && !expected.isPositive();
    QCOMPARE(noop.at(0).left(3), noService ? QStringLiteral("503") : QStringLiteral("250"));
    if (p == SmtpPhase::EndOfData)
        QCOMPARE(m_server->acceptedMessages().size(), expected.isPositive() ? 1 : 0);
}

void TestSandboxServer::drop_data()
{
    QTest::addColumn<QString>("phase");
    for (const char *p : {"connect", "EHLO", "MAIL FROM", "RCPT TO", "DATA", "end of data"})
        QTest::newRow(p) << QString::fromLatin1(p);
}

void TestSandboxServer::drop()
{
    QFETCH(QString, phase);
    QVERIFY(!m_server->setScenario(
        scenarioFromRules(R"({"phase": ")" + phase.toUtf8() + R"(", "action": "drop", "delay_ms": 50})")));
    const SmtpPhase p = *smtpPhaseFromName(phase);
    SmtpTestClient c;
    if (p == SmtpPhase::Connect) {
        QVERIFY(c.connectTo(m_server->serverPort()));
    } else {
        QVERIFY(reach(c, p));
        const char *line = p == SmtpPhase::Ehlo       ? "EHLO x.test"
                           : p == SmtpPhase::MailFrom ? "MAIL FROM:<a@b.test>"
                           : p == SmtpPhase::RcptTo   ? "RCPT TO:<c@d.test>"
                           : p == SmtpPhase::Data     ? "DATA"
                                                      : ".";
        c.send(QByteArray(line) + "\r\n");
    }
    QVERIFY(c.waitClosed());
    QCOMPARE(c.unread(), QByteArray());
    QTRY_COMPARE(m_server->sessionCount(), 0);
    QVERIFY(m_server->acceptedMessages().isEmpty());
}

void TestSandboxServer::delayedReplyKeepsOrder()
{
    QVERIFY(!m_server->setScenario(scenarioFromRules(
        R"({"phase": "RCPT TO", "match": {"recipient": "^slow"}, "delay_ms": 400, "reply": {"code": 450, "enhanced": "4.2.1", "text": "slow"}})")));
    SmtpTestClient c;
    QVERIFY(reach(c, SmtpPhase::RcptTo));
    QElapsedTimer t;
    t.start();
    c.send("RCPT TO:<slow@example.org>\r\nRCPT TO:<fast@example.org>\r\n");
    QCOMPARE(c.readReply(), QStringList{QStringLiteral("450 4.2.1 slow")});
    QVERIFY2(t.elapsed() >= 380, qPrintable(QString::number(t.elapsed())));
    QCOMPARE(c.readReply(), QStringList{QStringLiteral("250 2.1.5 Ok")});
}

void TestSandboxServer::pipelining()
{
    QVERIFY(!m_server->setScenario(scenarioFromRules(
        R"({"phase": "RCPT TO", "match": {"recipient": "^bad"}, "reply": {"code": 550, "enhanced": "5.1.1", "text": ["no", "such user"]}})")));
    SmtpTestClient c;
    QVERIFY(c.connectTo(m_server->serverPort()));
    // Sent before the greeting, in one write: the server must still answer in order.
    c.send("EHLO c.test\r\nMAIL FROM:<s@example.com>\r\nRCPT TO:<good@example.org>\r\nRCPT TO:<bad@example.org>\r\n"
           "RCPT TO:<good2@example.org>\r\nDATA\r\nSubject: x\r\n\r\nhello\r\n.\r\nQUIT\r\n");
    QStringList all;
    for (int i = 0; i < 9; ++i)
        all.append(codes(c.readReply()).join(QLatin1Char(',')));
    QCOMPARE(all.join(QLatin1Char(' ')), QStringLiteral("220 250,250,250,250,250 250 250 550,550 250 354 250 221"));
    QVERIFY(c.waitClosed());
    QCOMPARE(m_server->acceptedMessages().size(), 1);
    QCOMPARE(m_server->acceptedMessages().at(0).recipients,
             (QStringList{QStringLiteral("good@example.org"), QStringLiteral("good2@example.org")}));
}

void TestSandboxServer::dotUnstuffing()
{
    SmtpTestClient c;
    QVERIFY(reach(c, SmtpPhase::EndOfData));
    c.send("..leading dot\r\n.\r\n");
    QVERIFY(c.readReply().value(0).startsWith(QLatin1String("250 2.0.0 Ok: queued as SBX1")));
    QCOMPARE(m_server->acceptedMessages().at(0).data, QByteArray("Subject: test\r\n\r\nbody\r\n.leading dot\r\n"));
}

void TestSandboxServer::malformed_data()
{
    QTest::addColumn<QByteArrayList>("setup");
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("reply");
    const QByteArrayList none;
    const QByteArrayList ehlo{"EHLO c.test"};
    const QByteArrayList mail{"EHLO c.test", "MAIL FROM:<a@b.test>"};
    QTest::newRow("unknown verb") << none << QByteArray("FOO bar") << QStringLiteral("502 5.5.2");
    QTest::newRow("empty line") << none << QByteArray("") << QStringLiteral("500 5.5.2");
    QTest::newRow("binary") << none << QByteArray("\x01\x02\xff\xfe\x00z", 6) << QStringLiteral("502 5.5.2");
    QTest::newRow("EHLO without name") << none << QByteArray("EHLO") << QStringLiteral("501 5.5.4");
    QTest::newRow("MAIL before EHLO") << none << QByteArray("MAIL FROM:<a@b.test>") << QStringLiteral("503 5.5.1");
    QTest::newRow("MAIL without address") << ehlo << QByteArray("MAIL FROM:") << QStringLiteral("501 5.5.4");
    QTest::newRow("MAIL unclosed bracket") << ehlo << QByteArray("MAIL FROM:<a@b.test") << QStringLiteral("501 5.5.4");
    QTest::newRow("MAIL SIZE too big") << ehlo << QByteArray("MAIL FROM:<a@b.test> SIZE=999999999")
                                       << QStringLiteral("552 5.3.4");
    QTest::newRow("nested MAIL") << mail << QByteArray("MAIL FROM:<a@b.test>") << QStringLiteral("503 5.5.1");
    QTest::newRow("RCPT before MAIL") << ehlo << QByteArray("RCPT TO:<c@d.test>") << QStringLiteral("503 5.5.1");
    QTest::newRow("RCPT null path") << mail << QByteArray("RCPT TO:<>") << QStringLiteral("501 5.1.3");
    QTest::newRow("DATA without RCPT") << mail << QByteArray("DATA") << QStringLiteral("554 5.5.1");
    QTest::newRow("DATA with argument") << mail << QByteArray("DATA now") << QStringLiteral("501 5.5.4");
    QTest::newRow("lowercase works") << none << QByteArray("ehlo c.test") << QStringLiteral("250-sandbox.invalid");
    QTest::newRow("VRFY") << none << QByteArray("VRFY root") << QStringLiteral("252 2.5.0");
    QTest::newRow("HELP") << none << QByteArray("HELP") << QStringLiteral("214-2.0.0");
    QTest::newRow("AUTH unsupported") << ehlo << QByteArray("AUTH PLAIN AGFAYg==") << QStringLiteral("502 5.5.2");
    QTest::newRow("STARTTLS without TLS") << ehlo << QByteArray("STARTTLS") << QStringLiteral("454 4.7.0");
}

void TestSandboxServer::malformed()
{
    QFETCH(QByteArrayList, setup);
    QFETCH(QByteArray, line);
    QFETCH(QString, reply);
    SmtpTestClient c;
    QVERIFY(reach(c, SmtpPhase::Connect));
    for (const QByteArray &s : setup)
        QVERIFY(c.command(s).value(0).startsWith(QLatin1Char('2')));
    const QStringList got = c.command(line);
    QVERIFY2(got.value(0).startsWith(reply), qPrintable(got.join(QLatin1Char('|'))));
    // The session survives: a NOOP still works afterwards.
    QCOMPARE(c.command("NOOP"), QStringList{QStringLiteral("250 2.0.0 Ok")});
}

void TestSandboxServer::tooManyErrorsCloses()
{
    SmtpTestClient c;
    QVERIFY(reach(c, SmtpPhase::Connect));
    QByteArray junk;
    for (int i = 0; i < 30; ++i)
        junk += "XYZZY\r\n";
    c.send(junk);
    QVERIFY(c.waitClosed());
    QVERIFY(c.unread().contains("421 4.7.0 Too many errors\r\n"));
    QCOMPARE(c.unread().count("502 5.5.2"), qsizetype(SandboxSession::MaxErrors));
}

void TestSandboxServer::longLine_data()
{
    QTest::addColumn<bool>("inData");
    QTest::addColumn<int>("bytes");
    QTest::newRow("command, 4097 bytes") << false << 4097;
    QTest::newRow("command, 10 MB") << false << 10 * 1024 * 1024;
    QTest::newRow("data, 10 MB") << true << 10 * 1024 * 1024;
}

void TestSandboxServer::longLine()
{
    QFETCH(bool, inData);
    QFETCH(int, bytes);
    SmtpTestClient c;
    QVERIFY(reach(c, inData ? SmtpPhase::EndOfData : SmtpPhase::Connect));
    c.send(QByteArray(bytes, 'A') + "\r\n");
    if (inData)
        c.send(".\r\n");
    QCOMPARE(c.readReply(15000), QStringList{QStringLiteral("500 5.5.2 Line too long")});
    QCOMPARE(c.command("NOOP"), QStringList{QStringLiteral("250 2.0.0 Ok")});
    QVERIFY(m_server->acceptedMessages().isEmpty());
}

void TestSandboxServer::messageTooBig()
{
    QVERIFY(!m_server->setScenario(scenarioFromRules("", R"("limits": {"max_message_bytes": 1000})")));
    SmtpTestClient c;
    QVERIFY(reach(c, SmtpPhase::EndOfData));
    QByteArray body;
    for (int i = 0; i < 40; ++i)
        body += "0123456789012345678901234567890123456789\r\n";
    c.send(body + ".\r\n");
    QCOMPARE(c.readReply(), QStringList{QStringLiteral("552 5.3.4 Message size exceeds fixed maximum message size")});
    QVERIFY(m_server->acceptedMessages().isEmpty());
    // The next transaction on the same connection is unaffected.
    QVERIFY(c.command("MAIL FROM:<a@b.test>").value(0).startsWith(QLatin1String("250")));
}

void TestSandboxServer::vanishingClient_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::newRow("after greeting") << QByteArray();
    QTest::newRow("mid command") << QByteArray("EHLO c.te");
    QTest::newRow("mid DATA") << QByteArray(
        "EHLO c.test\r\nMAIL FROM:<a@b.test>\r\nRCPT TO:<c@d.test>\r\nDATA\r\nSubject: half\r\n\r\nhalf a mess");
    QTest::newRow("during delayed reply") << QByteArray("EHLO c.test\r\nMAIL FROM:<slow@b.test>\r\n");
}

void TestSandboxServer::vanishingClient()
{
    QFETCH(QByteArray, before);
    QVERIFY(!m_server->setScenario(scenarioFromRules(
        R"({"phase": "MAIL FROM", "match": {"sender": "^slow"}, "delay_ms": 300, "reply": {"code": 451, "text": "later"}})")));
    QSignalSpy finished(m_server.get(), &SandboxServer::sessionFinished);
    {
        SmtpTestClient c;
        QVERIFY(reach(c, SmtpPhase::Connect));
        c.send(before);
        QTest::qWait(50);
        c.vanish();
    }
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(m_server->sessionCount(), 0);
    QVERIFY(m_server->acceptedMessages().isEmpty());
    QTest::qWait(350); // let a pending delayed reply fire into the void
    SmtpTestClient again;
    QVERIFY(reach(again, SmtpPhase::EndOfData));
    QVERIFY(again.command(".").value(0).startsWith(QLatin1String("250")));
}

void TestSandboxServer::idleTimeout()
{
    QVERIFY(!m_server->setScenario(scenarioFromRules("", R"("limits": {"idle_timeout_ms": 300})")));
    SmtpTestClient c;
    QVERIFY(reach(c, SmtpPhase::Ehlo));
    QCOMPARE(c.readReply(3000), QStringList{QStringLiteral("421 4.4.2 mx.test Error: timeout exceeded")});
    QVERIFY(c.waitClosed());
}

void TestSandboxServer::tooManySessions()
{
    QVERIFY(!m_server->setScenario(scenarioFromRules("", R"("limits": {"max_sessions": 3})")));
    SmtpTestClient a, b, c, d;
    for (SmtpTestClient *x : {&a, &b, &c})
        QVERIFY(reach(*x, SmtpPhase::Connect));
    QVERIFY(d.connectTo(m_server->serverPort()));
    QCOMPARE(d.readReply(), QStringList{QStringLiteral("421 4.7.0 Too many connections")});
    QVERIFY(d.waitClosed());
    QCOMPARE(m_server->sessionCount(), 3);
    a.command("QUIT");
    QTRY_COMPARE(m_server->sessionCount(), 2);
    SmtpTestClient e;
    QVERIFY(reach(e, SmtpPhase::Ehlo));
}

void TestSandboxServer::emlFolderAndCap()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    m_server->setEmlFolder(dir.filePath(QStringLiteral("eml")));
    m_server->setMessageCap(2);
    QSignalSpy accepted(m_server.get(), &SandboxServer::messageAccepted);
    for (int i = 0; i < 3; ++i) {
        SmtpTestClient c;
        QVERIFY(reach(c, SmtpPhase::EndOfData));
        QVERIFY(c.command(".").value(0).startsWith(QLatin1String("250")));
    }
    QCOMPARE(accepted.size(), 3);
    QCOMPARE(m_server->acceptedTotal(), quint64(3));
    const QList<AcceptedMessage> kept = m_server->acceptedMessages();
    QCOMPARE(kept.size(), 2);
    QCOMPARE(kept.at(0).id, quint64(2));
    const QStringList files =
        QDir(dir.filePath(QStringLiteral("eml"))).entryList({QStringLiteral("*.eml")}, QDir::Files);
    QCOMPARE(files.size(), 3);
    QFile f(QDir(dir.filePath(QStringLiteral("eml"))).filePath(files.at(0)));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray eml = f.readAll();
    QVERIFY(eml.startsWith("Return-Path: <sender@example.com>\r\nReceived: from client.test ([127.0.0.1])"));
    QVERIFY(eml.endsWith("Subject: test\r\n\r\nbody\r\n"));
}

void TestSandboxServer::greylistingScenario()
{
    auto s = Scenario::load(QStringLiteral(DSN_SOURCE_DIR "/resources/scenarios/greylisting.json"));
    QVERIFY(s.ok());
    QVERIFY(!m_server->setScenario(s.value()));
    auto attempt = [this] {
        SmtpTestClient c;
        reach(c, SmtpPhase::RcptTo);
        return c.command("RCPT TO:<user@alphanet.ch>").value(0);
    };
    QVERIFY(
        attempt().startsWith(QLatin1String("450 4.2.0 <user@alphanet.ch>: Recipient address rejected: Greylisted")));
    m_clock->advanceSeconds(60);
    QVERIFY(attempt().startsWith(QLatin1String("450 4.2.0")));
    m_clock->advanceSeconds(250);
    QCOMPARE(attempt(), QStringLiteral("250 2.1.5 Ok"));
}

void TestSandboxServer::rateLimitScenario()
{
    auto s = Scenario::load(QStringLiteral(DSN_SOURCE_DIR "/resources/scenarios/rate-limit.json"));
    QVERIFY(s.ok());
    QVERIFY(!m_server->setScenario(s.value()));
    QStringList mailReplies;
    for (int i = 0; i < 6; ++i) {
        SmtpTestClient c;
        QVERIFY(reach(c, SmtpPhase::MailFrom));
        const QString r = c.command("MAIL FROM:<s@example.com>").value(0);
        mailReplies.append(r.left(3));
        if (r.startsWith(QLatin1String("250"))) {
            c.command("RCPT TO:<r@example.org>");
            c.command("DATA");
            QVERIFY(c.command("x\r\n.").value(0).startsWith(QLatin1String("250")));
        }
        c.command("QUIT");
    }
    // 3 messages pass, then 451 (messages are not accepted, so the 421 limit of 5 is never reached).
    QCOMPARE(mailReplies.join(QLatin1Char(' ')), QStringLiteral("250 250 250 451 451 451"));
    // Those were 6 connections; the 11th within the minute is refused at the greeting.
    QStringList greetings;
    for (int i = 0; i < 5; ++i) {
        SmtpTestClient c;
        QStringList g;
        QVERIFY(reach(c, SmtpPhase::Connect, &g));
        greetings.append(g.value(0).left(3));
    }
    QCOMPARE(greetings.join(QLatin1Char(' ')), QStringLiteral("220 220 220 220 421"));
    m_clock->advanceSeconds(3601);
    SmtpTestClient c;
    QVERIFY(reach(c, SmtpPhase::RcptTo));
}

void TestSandboxServer::mailboxFillsUpScenario()
{
    auto s = Scenario::load(QStringLiteral(DSN_SOURCE_DIR "/resources/scenarios/mailbox-fills-up.json"));
    QVERIFY(s.ok());
    QVERIFY(!m_server->setScenario(s.value()));
    QByteArray chunk;
    for (int i = 0; i < 7; ++i)
        chunk += QByteArray(998, 'x') + "\r\n";
    QStringList outcome;
    for (int i = 0; i < 4; ++i) {
        SmtpTestClient c;
        QVERIFY(reach(c, SmtpPhase::RcptTo));
        const QString rcpt = c.command("RCPT TO:<box@example.org>").value(0);
        if (!rcpt.startsWith(QLatin1String("250"))) {
            outcome.append(rcpt);
            continue;
        }
        c.command("DATA");
        outcome.append(c.command(chunk + ".").value(0).left(9));
    }
    QCOMPARE(outcome.at(0), QStringLiteral("250 2.0.0"));
    QCOMPARE(outcome.at(1), QStringLiteral("250 2.0.0"));
    QCOMPARE(outcome.at(2), QStringLiteral("552 5.2.2"));
    QCOMPARE(m_server->state().mailboxBytes(QStringLiteral("box@example.org")), qint64(2 * 7000));
    SmtpTestClient c;
    QVERIFY(reach(c, SmtpPhase::RcptTo));
    QCOMPARE(c.command("RCPT TO:<tiny@example.org>").value(0), QStringLiteral("250 2.1.5 Ok"));
    c.command("DATA");
    QVERIFY(c.command(QByteArray(2500, 'y') + "\r\n.").value(0).startsWith(QLatin1String("250")));
    QCOMPARE(c.command("MAIL FROM:<s@example.com>").value(0).left(3), QStringLiteral("250"));
    QCOMPARE(c.command("RCPT TO:<tiny@example.org>").value(0), QStringLiteral("522 5.2.0 Delivery failed: Over quota"));
}

QTEST_GUILESS_MAIN(TestSandboxServer)
#include "TestSandboxServer.moc"
