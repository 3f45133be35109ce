// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
//
// SmtpClient against FakeSmtpServer on 127.0.0.1: the transaction, per-recipient outcomes in
// both profiles, what reaches the wire, and hostile servers that must end the run on time.
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include "FakeSmtpServer.h"
#include "SmtpTestRun.h"
#include "smtp/SmtpClient.h"

using namespace Dsn;
using Dsn::Test::FakeSmtpServer;
using Dsn::Test::SmtpTestRun;
using Action = FakeSmtpServer::Action;
using Reaction = FakeSmtpServer::Reaction;

namespace {

Smtp::ClientOptions optionsFor(const FakeSmtpServer &server, int recipients = 1)
{
    Smtp::ClientOptions o;
    o.host = QStringLiteral("127.0.0.1");
    o.port = server.serverPort();
    o.tls = Smtp::TlsMode::Off;
    o.heloName = QStringLiteral("client.test");
    o.sender = QStringLiteral("sender@example.org");
    const QStringList all = {QStringLiteral("a@example.com"), QStringLiteral("b@example.net"),
                             QStringLiteral("c@example.com")};
    o.recipients = all.mid(0, recipients);
    o.timeouts = {2000, 2000, 2000, 2000};
    return o;
}

/// "<phase>:<code>:<delivered|rejected|synthesised>" per recipient, for compact comparisons.
QStringList outcomes(const Smtp::TransactionResult &r)
{
    QStringList out;
    for (const Smtp::RecipientResult &rr : r.recipients) {
        const QString state = rr.delivered ? QStringLiteral("delivered")
            : rr.eventEligible             ? QStringLiteral("rejected")
            : rr.synthesised               ? QStringLiteral("synthesised")
                                           : QStringLiteral("undecided");
        out << QStringLiteral("%1:%2:%3").arg(smtpPhaseName(rr.phase)).arg(rr.reply.code).arg(state);
    }
    return out;
}

} // namespace

class TestSmtpClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void happyPath_data();
    void happyPath();
    void ehloFallback_data();
    void ehloFallback();
    void phaseOutcomes_data();
    void phaseOutcomes();
    void dataEncoding_data();
    void dataEncoding();
    void auth_data();
    void auth();
    void hostile_data();
    void hostile();
    void connectionRefused();
    void abortEndsRun();
};

void TestSmtpClient::happyPath_data()
{
    QTest::addColumn<bool>("advertised");
    QTest::addColumn<bool>("enabled");
    QTest::newRow("pipelined") << true << true;
    QTest::newRow("not advertised") << false << true;
    QTest::newRow("disabled by the client") << true << false;
}

void TestSmtpClient::happyPath()
{
    QFETCH(bool, advertised);
    QFETCH(bool, enabled);
    FakeSmtpServer server;
    QVERIFY(server.listenLocal());
    FakeSmtpServer::Script script;
    script.greeting = {QByteArrayLiteral("220-fake.test ESMTP\r\n220 second greeting line\r\n")};
    script.reactions.insert("EHLO", {FakeSmtpServer::ehloReply(advertised)});
    server.setScript(script);

    Smtp::ClientOptions o = optionsFor(server, 3);
    o.pipelining = enabled;
    Smtp::SmtpClient client;
    QSignalSpy lines(&client, &Smtp::SmtpClient::transcriptLine);
    Smtp::TransactionResult r;
    int finishedCount = 0;
    connect(&client, &Smtp::SmtpClient::finished, this, [&](const Smtp::TransactionResult &res) {
        r = res;
        ++finishedCount;
    });
    QVERIFY(client.start(o));
    QVERIFY(!client.start(o)); // one run at a time
    QTRY_COMPARE_WITH_TIMEOUT(finishedCount, 1, 5000);
    QTest::qWait(20);
    QCOMPARE(finishedCount, 1);

    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.pipelined, advertised && enabled);
    QVERIFY(r.esmtp);
    QCOMPARE(r.greeting, u"220-fake.test ESMTP"_qs);
    QCOMPARE(r.peerAddress, u"127.0.0.1"_qs);
    QVERIFY(r.hasCapability(u"SIZE"));
    QCOMPARE(r.capabilityArguments(u"SIZE"), u"10240000"_qs);
    QCOMPARE(outcomes(r), QStringList(3, u"end of data:250:delivered"_qs));
    QCOMPARE(r.recipients[0].reply.command, u".\r\n"_qs);

    const QList<QByteArray> &cmds = server.commands();
    const QByteArray mail = "MAIL FROM:<sender@example.org> SIZE=" + QByteArray::number(r.messageSize);
    QVERIFY(cmds.contains(mail));
    QVERIFY(cmds.contains("RCPT TO:<b@example.net>"));
    QCOMPARE(cmds.last(), QByteArray("QUIT"));
    bool grouped = false;
    for (const QList<QByteArray> &batch : server.batches())
        grouped = grouped || (batch.contains(mail) && batch.contains("DATA") && batch.size() == 5);
    QCOMPARE(grouped, advertised && enabled);

    // The transcript: one signal per entry, times never go back, phases follow the dialogue.
    QCOMPARE(lines.size(), r.transcript.size());
    qint64 last = 0;
    for (const Smtp::TranscriptEntry &e : r.transcript.entries()) {
        QVERIFY(e.ms >= last);
        last = e.ms;
        if (e.text.startsWith(u"RCPT TO:"))
            QCOMPARE(e.phase, SmtpPhase::RcptTo);
    }
    const QStringList received = r.transcript.texts(Smtp::TranscriptEntry::Direction::Received);
    QCOMPARE(received.value(1), u"220 second greeting line"_qs);
    QVERIFY(r.transcript.texts(Smtp::TranscriptEntry::Direction::Sent).contains(u"EHLO client.test"_qs));
}

void TestSmtpClient::ehloFallback_data()
{
    QTest::addColumn<QByteArray>("ehloReply");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<bool>("heloSent");
    QTest::newRow("502 falls back to HELO") << QByteArray("502 5.5.2 What?\r\n")
                                            << QStringList{u"end of data:250:delivered"_qs} << true;
    QTest::newRow("500 falls back to HELO") << QByteArray("500 Syntax error\r\n")
                                            << QStringList{u"end of data:250:delivered"_qs} << true;
    QTest::newRow("421 ends the run") << QByteArray("421 4.3.2 Shutting down\r\n")
                                      << QStringList{u"EHLO:400:synthesised"_qs} << false;
}

void TestSmtpClient::ehloFallback()
{
    QFETCH(QByteArray, ehloReply);
    QFETCH(QStringList, expected);
    QFETCH(bool, heloSent);
    FakeSmtpServer server;
    QVERIFY(server.listenLocal());
    FakeSmtpServer::Script script;
    script.reactions.insert("EHLO", {ehloReply});
    server.setScript(script);

    const SmtpTestRun run = SmtpTestRun::run(optionsFor(server));
    QVERIFY(run.finished);
    QCOMPARE(outcomes(run.result), expected);
    QCOMPARE(server.commands().contains("HELO client.test"), heloSent);
    if (heloSent) {
        QVERIFY(!run.result.esmtp);
        // Without EHLO there is no SIZE extension, so MAIL FROM carries no parameter.
        QVERIFY(server.commands().contains("MAIL FROM:<sender@example.org>"));
    } else {
        QVERIFY(run.result.recipients[0].reply.content.contains(u"failed to connect to any candidate hosts"));
        QVERIFY(run.result.error.contains(u"421 4.3.2 Shutting down"));
    }
}

void TestSmtpClient::phaseOutcomes_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<bool>("pipelining");
    QTest::addColumn<int>("recipients");
    QTest::addColumn<QByteArray>("mail");
    QTest::addColumn<QList<QByteArray>>("rcpt");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("dot");
    QTest::addColumn<QStringList>("expected");

    const QByteArray ok250 = "250 2.1.0 Ok\r\n";
    const QByteArray go354 = "354 Go ahead\r\n";
    const QByteArray queued = "250 2.0.0 Ok: queued\r\n";
    const QByteArray quota = "452-4.2.2 The email account that you tried to reach is over quota.\r\n"
                             "452 4.2.2 Please direct the recipient to https://support.google.com/mail/?p=OverQuotaTemp\r\n";
    const QString delivered = u"end of data:250:delivered"_qs;
    for (const QString &profile : {u"documented"_qs, u"2026.06"_qs}) {
        for (const bool pipe : {true, false}) {
            const QByteArray tag = (profile + (pipe ? u" pipelined"_qs : u" one by one"_qs)).toUtf8();
            QTest::addRow("MAIL 550, 3 recipients, %s", tag.constData())
                << profile << pipe << 3 << QByteArray("550 5.7.1 Sender rejected\r\n") << QList<QByteArray>{}
                << go354 << queued << QStringList(3, u"MAIL FROM:550:rejected"_qs);
            QTest::addRow("RCPT 452 for 1 of 2, %s", tag.constData())
                << profile << pipe << 2 << ok250 << QList<QByteArray>{"250 2.1.5 Ok\r\n", quota} << go354 << queued
                << QStringList{delivered, u"RCPT TO:452:rejected"_qs};
            QTest::addRow("every RCPT rejected, %s", tag.constData())
                << profile << pipe << 2 << ok250
                << QList<QByteArray>{"550 5.1.1 No such user\r\n", "550 5.1.1 No such user\r\n"}
                << QByteArray("554 5.5.1 No valid recipients\r\n") << queued
                << QStringList(2, u"RCPT TO:550:rejected"_qs);
            QTest::addRow("DATA 554, %s", tag.constData())
                << profile << pipe << 2 << ok250 << QList<QByteArray>{} << QByteArray("554 5.7.0 No thanks\r\n")
                << queued << QStringList(2, u"DATA:554:rejected"_qs);
            QTest::addRow("dot 452, %s", tag.constData())
                << profile << pipe << 2 << ok250 << QList<QByteArray>{} << go354
                << QByteArray("452 4.3.1 Insufficient system storage\r\n")
                << QStringList(2, u"end of data:452:rejected"_qs);
        }
        // 251 (user not local, will forward) is accepted by "any 2xx" but not by "!= 250".
        QTest::addRow("RCPT 251, %s", qPrintable(profile))
            << profile << true << 2 << ok250 << QList<QByteArray>{"250 2.1.5 Ok\r\n", "251 2.1.5 Will forward\r\n"}
            << go354 << queued
            << (profile == u"documented"_qs ? QStringList{delivered, delivered}
                                           : QStringList{delivered, u"RCPT TO:251:rejected"_qs});
    }
}

void TestSmtpClient::phaseOutcomes()
{
    QFETCH(QString, profile);
    QFETCH(bool, pipelining);
    QFETCH(int, recipients);
    QFETCH(QByteArray, mail);
    QFETCH(QList<QByteArray>, rcpt);
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, dot);
    QFETCH(QStringList, expected);

    FakeSmtpServer server;
    QVERIFY(server.listenLocal());
    FakeSmtpServer::Script script;
    script.reactions.insert("MAIL", {mail});
    script.reactions.insert("DATA", {data});
    script.reactions.insert(".", {dot});
    for (const QByteArray &r : rcpt)
        script.rcpt.append({r});
    server.setScript(script);

    Smtp::ClientOptions o = optionsFor(server, recipients);
    o.profile = compatProfileFromId(profile).value();
    o.pipelining = pipelining;
    const SmtpTestRun run = SmtpTestRun::run(o);
    QVERIFY(run.finished);
    QCOMPARE(run.finishedCount, 1);
    QVERIFY2(run.result.ok(), qPrintable(run.result.error));
    QCOMPARE(outcomes(run.result), expected);
    QCOMPARE(server.commands().last(), QByteArray("QUIT"));

    for (const Smtp::RecipientResult &r : run.result.recipients) {
        // The reply carries the command it answered, exactly as sent.
        switch (r.phase) {
        case SmtpPhase::MailFrom:
            QVERIFY(r.reply.command.startsWith(u"MAIL FROM:<sender@example.org>"));
            break;
        case SmtpPhase::RcptTo:
            QCOMPARE(r.reply.command, u"RCPT TO:<%1>\r\n"_qs.arg(r.recipient));
            break;
        case SmtpPhase::Data:
            QCOMPARE(r.reply.command, u"DATA\r\n"_qs);
            break;
        default:
            QCOMPARE(r.reply.command, u".\r\n"_qs);
            break;
        }
        QVERIFY(r.reply.command.endsWith(u"\r\n"));
        QCOMPARE(r.replyLines.isEmpty(), false);
        if (r.reply.code == 452 && r.phase == SmtpPhase::RcptTo) {
            QCOMPARE(r.replyLines.size(), 2);
            QVERIFY(r.reply.content.contains(u"over quota.\n"));
        }
    }
    // Without pipelining, a run where no recipient is left never sends DATA.
    if (!pipelining && !expected.contains(u"end of data:250:delivered"_qs) && !expected.first().startsWith(u"DATA")
        && !expected.first().startsWith(u"end of data"))
        QVERIFY(!server.commands().contains("DATA"));
}

void TestSmtpClient::dataEncoding_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("onTheWire");
    QTest::newRow("LF only") << QByteArray("Subject: x\n\nline\n") << QByteArray("Subject: x\r\n\r\nline\r\n");
    QTest::newRow("lone CR and missing final break") << QByteArray("Subject: x\r\rbody\rend")
                                                     << QByteArray("Subject: x\r\n\r\nbody\r\nend\r\n");
    QTest::newRow("leading dots are doubled") << QByteArray("Subject: x\r\n\r\n.\r\n..two\r\n.x\r\nmid.dot\r\n")
                                              << QByteArray("Subject: x\r\n\r\n..\r\n...two\r\n..x\r\nmid.dot\r\n");
    QTest::newRow("dot after bare LF") << QByteArray("a\n.\nb") << QByteArray("a\r\n..\r\nb\r\n");
}

void TestSmtpClient::dataEncoding()
{
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, onTheWire);
    FakeSmtpServer server;
    QVERIFY(server.listenLocal());
    Smtp::ClientOptions o = optionsFor(server);
    o.message = message;
    const SmtpTestRun run = SmtpTestRun::run(o);
    QVERIFY2(run.result.ok(), qPrintable(run.result.error));
    QCOMPARE(server.body(), onTheWire);
    QVERIFY(server.received().contains(onTheWire + ".\r\nQUIT\r\n"));
}

void TestSmtpClient::auth_data()
{
    QTest::addColumn<QByteArray>("advertised");
    QTest::addColumn<int>("mechanism");
    QTest::addColumn<QByteArray>("authReply");
    QTest::addColumn<QList<QByteArray>>("expectedCommands");
    QTest::addColumn<bool>("succeeds");

    const QByteArray plain = "AUTH PLAIN " + QByteArray("\0user@example.org\0s3cr3t!", 25).toBase64();
    const QList<QByteArray> login = {"AUTH LOGIN", QByteArray("user@example.org").toBase64(),
                                     QByteArray("s3cr3t!").toBase64()};
    const QByteArray ok = "235 2.7.0 Authentication successful\r\n";
    QTest::newRow("auto picks PLAIN") << QByteArray("LOGIN PLAIN") << int(Smtp::AuthMechanism::Auto) << ok
                                      << QList<QByteArray>{plain} << true;
    QTest::newRow("auto falls to LOGIN") << QByteArray("LOGIN") << int(Smtp::AuthMechanism::Auto) << ok << login
                                         << true;
    QTest::newRow("explicit LOGIN") << QByteArray("PLAIN LOGIN") << int(Smtp::AuthMechanism::Login) << ok << login
                                    << true;
    QTest::newRow("PLAIN refused") << QByteArray("PLAIN") << int(Smtp::AuthMechanism::Plain)
                                   << QByteArray("535 5.7.8 Authentication credentials invalid\r\n")
                                   << QList<QByteArray>{plain} << false;
    QTest::newRow("AUTH not advertised") << QByteArray() << int(Smtp::AuthMechanism::Auto) << ok
                                         << QList<QByteArray>{} << false;
}

void TestSmtpClient::auth()
{
    QFETCH(QByteArray, advertised);
    QFETCH(int, mechanism);
    QFETCH(QByteArray, authReply);
    QFETCH(QList<QByteArray>, expectedCommands);
    QFETCH(bool, succeeds);
    FakeSmtpServer server;
    QVERIFY(server.listenLocal());
    FakeSmtpServer::Script script;
    script.reactions.insert("EHLO", {FakeSmtpServer::ehloReply(true, false, advertised)});
    script.reactions.insert("AUTH", {authReply});
    server.setScript(script);

    Smtp::ClientOptions o = optionsFor(server);
    o.authUser = QStringLiteral("user@example.org");
    o.authPassword = QStringLiteral("s3cr3t!");
    o.authMechanism = Smtp::AuthMechanism(mechanism);
    const SmtpTestRun run = SmtpTestRun::run(o);
    QVERIFY(run.finished);

    QList<QByteArray> sentAuth;
    const QList<QByteArray> &cmds = server.commands();
    for (qsizetype i = 0; i < cmds.size(); ++i) {
        if (cmds[i].startsWith("AUTH")) {
            sentAuth << cmds[i];
            if (cmds[i] == "AUTH LOGIN")
                sentAuth << cmds.value(i + 1) << cmds.value(i + 2);
        }
    }
    QCOMPARE(sentAuth, expectedCommands);
    QCOMPARE(run.result.authenticated, succeeds);
    QCOMPARE(run.result.ok(), succeeds);
    if (!succeeds) {
        QCOMPARE(outcomes(run.result), QStringList{u"AUTH:400:synthesised"_qs});
        QVERIFY(!cmds.contains("MAIL FROM:<sender@example.org> SIZE=" + QByteArray::number(run.result.messageSize)));
    }
    // Secrets never reach the transcript, neither plain nor encoded.
    const QString transcript = run.result.transcript.toText();
    QVERIFY(!transcript.contains(u"s3cr3t!"));
    for (const QByteArray &c : expectedCommands) {
        if (c != "AUTH LOGIN")
            QVERIFY2(!transcript.contains(QString::fromLatin1(c.mid(c.lastIndexOf(' ') + 1))), c.constData());
    }
}

void TestSmtpClient::hostile_data()
{
    QTest::addColumn<QByteArray>("verb"); // "" = the greeting
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<int>("action");
    QTest::addColumn<QString>("expected");       // outcome of the single recipient
    QTest::addColumn<QString>("contentFragment");
    QTest::addColumn<QString>("errorFragment");
    QTest::addColumn<bool>("waitsForTimeout");

    const int reply = int(Action::Reply);
    const QByteArray huge = "250-" + QByteArray(10 * 1024 * 1024, 'x') + "\r\n250 ok\r\n";
    QTest::newRow("10 MB greeting line") << QByteArray() << QByteArray(10 * 1024 * 1024, 'x') << reply
                                         << u"connect/greeting:400:synthesised"_qs << u"failed to send message"_qs
                                         << u"longer than 4096 bytes"_qs << false;
    QTest::newRow("10 MB line in the EHLO reply") << QByteArray("EHLO") << huge << reply << u"EHLO:400:synthesised"_qs
                                                  << u"failed to send message"_qs << u"longer than 4096 bytes"_qs
                                                  << false;
    QTest::newRow("endless multi-line reply") << QByteArray("EHLO") << QByteArray("250-fake.test\r\n")
                                              << int(Action::Endless) << u"EHLO:400:synthesised"_qs
                                              << u"failed to send message"_qs << u"more than 256 lines"_qs << false;
    QTest::newRow("trickled endless reply") << QByteArray("EHLO") << QByteArray("250-fake.test\r\n")
                                            << int(Action::Trickle) << u"EHLO:421:synthesised"_qs
                                            << u"Timed Out"_qs << u"within 300 ms"_qs << true;
    QTest::newRow("greeting never comes") << QByteArray() << QByteArray() << int(Action::Stall)
                                          << u"connect/greeting:421:synthesised"_qs
                                          << u"failed to send message to 127.0.0.1: greeting Timed Out"_qs
                                          << u"greeting did not complete within 300 ms"_qs << true;
    QTest::newRow("MAIL reply never comes") << QByteArray("MAIL") << QByteArray() << int(Action::Stall)
                                            << u"MAIL FROM:421:synthesised"_qs << u"Timed Out"_qs
                                            << u"reply to MAIL FROM:<sender@example.org>"_qs << true;
    QTest::newRow("final dot never answered") << QByteArray(".") << QByteArray() << int(Action::Stall)
                                              << u"end of data:421:synthesised"_qs << u"Timed Out"_qs
                                              << u"reply to ."_qs << true;
    QTest::newRow("close mid-reply") << QByteArray("EHLO") << QByteArray("250-fake.test\r\n250-PIPEL")
                                     << int(Action::ReplyAndClose) << u"EHLO:400:synthesised"_qs
                                     << u"failed to send message: the server closed the connection"_qs
                                     << u"after 1 line(s) of a multi-line reply"_qs << false;
    QTest::newRow("close instead of greeting") << QByteArray() << QByteArray() << int(Action::ReplyAndClose)
                                               << u"connect/greeting:400:synthesised"_qs
                                               << u"failed to send message"_qs << u"closed the connection"_qs << false;
    QTest::newRow("garbage greeting") << QByteArray() << QByteArrayLiteral("\x16\x03\x01\x02\x00garbage\r\n") << reply
                                      << u"connect/greeting:400:synthesised"_qs << u"Malformed Response"_qs
                                      << u"Malformed Response"_qs << false;
    QTest::newRow("garbage without a line break") << QByteArray() << QByteArray("\x01\x02 no line break") << reply
                                                  << u"connect/greeting:421:synthesised"_qs << u"Timed Out"_qs
                                                  << u"greeting did not complete"_qs << true;
    QTest::newRow("continuation with another code") << QByteArray("RCPT") << QByteArray("250-a\r\n251 b\r\n") << reply
                                                    << u"RCPT TO:400:synthesised"_qs
                                                    << u"Malformed Response: 251 b"_qs << u"251 b"_qs << false;
    QTest::newRow("bare code") << QByteArray("MAIL") << QByteArray("250\r\n") << reply
                               << u"MAIL FROM:400:synthesised"_qs << u"Malformed Response: 250"_qs << u"250"_qs
                               << false;
    QTest::newRow("non-220 greeting") << QByteArray() << QByteArray("554 5.7.1 Go away\r\n") << reply
                                      << u"connect/greeting:400:synthesised"_qs
                                      << u"failed to connect to any candidate hosts"_qs
                                      << u"greeting was \"554 5.7.1 Go away\""_qs << false;
}

void TestSmtpClient::hostile()
{
    QFETCH(QByteArray, verb);
    QFETCH(QByteArray, reply);
    QFETCH(int, action);
    QFETCH(QString, expected);
    QFETCH(QString, contentFragment);
    QFETCH(QString, errorFragment);
    QFETCH(bool, waitsForTimeout);

    FakeSmtpServer server;
    QVERIFY(server.listenLocal());
    FakeSmtpServer::Script script;
    const Reaction reaction{reply, Action(action)};
    if (verb.isEmpty())
        script.greeting = reaction;
    else
        script.reactions.insert(verb, reaction);
    server.setScript(script);

    Smtp::ClientOptions o = optionsFor(server);
    o.timeouts = {300, 300, 300, 300};
    const SmtpTestRun run = SmtpTestRun::run(o, 5000);
    QVERIFY(run.finished);
    QCOMPARE(run.finishedCount, 1);
    QCOMPARE(outcomes(run.result), QStringList{expected});
    const Smtp::RecipientResult &r = run.result.recipients.first();
    QVERIFY(!r.eventEligible);
    QVERIFY2(r.reply.content.contains(contentFragment), qPrintable(r.reply.content));
    QVERIFY2(run.result.error.contains(errorFragment), qPrintable(run.result.error));
    QVERIFY(r.reply.command.isNull());
    if (r.reply.code == 421)
        QCOMPARE(r.reply.enhancedCode, (EnhancedStatusCode{4, 4, 2}));
    else
        QVERIFY(!r.reply.enhancedCode);
    // Each ends within its timeout: promptly when the fault is visible, just after it otherwise.
    if (waitsForTimeout)
        QVERIFY2(run.elapsedMs >= 280 && run.elapsedMs < 1500, qPrintable(QString::number(run.elapsedMs)));
    else
        QVERIFY2(run.elapsedMs < 1500, qPrintable(QString::number(run.elapsedMs)));
    // The transcript never holds more than a line's worth of a hostile line.
    for (const Smtp::TranscriptEntry &e : run.result.transcript.entries())
        QVERIFY(e.text.size() <= 4096 + 200);
}

void TestSmtpClient::connectionRefused()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    FakeSmtpServer unused;
    Smtp::ClientOptions o = optionsFor(unused, 2);
    o.port = port;
    const SmtpTestRun run = SmtpTestRun::run(o, 5000);
    QVERIFY(run.finished);
    QCOMPARE(outcomes(run.result), QStringList(2, u"connect:400:synthesised"_qs));
    const SmtpResponse &reply = run.result.recipients.first().reply;
    QVERIFY(!reply.enhancedCode);
    QVERIFY2(reply.content.startsWith(u"KumoMTA internal: failed to connect to any candidate hosts: 127.0.0.1:%1: "_qs
                                          .arg(port)),
             qPrintable(reply.content));
    QVERIFY(reply.content.contains(u"refused", Qt::CaseInsensitive));
    QVERIFY(run.elapsedMs < 1500);
}

void TestSmtpClient::abortEndsRun()
{
    FakeSmtpServer server;
    QVERIFY(server.listenLocal());
    FakeSmtpServer::Script script;
    script.greeting = {QByteArray(), Action::Stall};
    server.setScript(script);

    Smtp::SmtpClient client;
    int finished = 0;
    Smtp::TransactionResult r;
    connect(&client, &Smtp::SmtpClient::finished, this, [&](const Smtp::TransactionResult &res) {
        r = res;
        ++finished;
    });
    client.start(optionsFor(server));
    QTest::qWait(50);
    QCOMPARE(finished, 0);
    client.abort();
    QCOMPARE(finished, 1);
    QVERIFY(!client.isRunning());
    QVERIFY(r.error.contains(u"aborted"));
    QCOMPARE(outcomes(r), QStringList{u"connect/greeting:400:synthesised"_qs});
}

QTEST_GUILESS_MAIN(TestSmtpClient)
#include "TestSmtpClient.moc"
