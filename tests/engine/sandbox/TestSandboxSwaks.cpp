// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include <memory>

#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include "ThrowawayCertificate.h"
#include "sandbox/SandboxServer.h"

using namespace Dsn::Sandbox;

/**
 * The sandbox seen by a real, independent SMTP client: swaks (Debian package `swaks`) talks to
 * the in-process server, and its transcript must show each scripted reply line for line.
 */
class TestSandboxSwaks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void scriptedReply_data();
    void scriptedReply();

private:
    QString m_swaks;
    std::unique_ptr<Dsn::Test::ThrowawayCertificate> m_cert;
};

void TestSandboxSwaks::initTestCase()
{
    m_swaks = QStandardPaths::findExecutable(QStringLiteral("swaks"));
    if (m_swaks.isEmpty())
        QSKIP("swaks is not installed (packaging/install-deps.sh installs it)");
    m_cert = std::make_unique<Dsn::Test::ThrowawayCertificate>();
}

void TestSandboxSwaks::scriptedReply_data()
{
    QTest::addColumn<QByteArray>("rule");
    QTest::addColumn<bool>("tls");

    QTest::newRow("accepted, no rule") << QByteArray() << false;
    QTest::newRow("connect multi-line")
        << QByteArray(
               R"({"phase": "connect", "reply": {"lines": ["554-mail.com (cddtuyr274) Nemesis ESMTP Service not available", "554-No SMTP service", "554-Bad DNS PTR resource record.", "554 For explanation visit http://postmaster.gmx.com/en/error-messages?ip=192.0.2.22&c=rdns"]}})")
        << false;
    QTest::newRow("EHLO")
        << QByteArray(
               R"({"phase": "EHLO", "reply": {"code": 550, "text": ["Requested action not taken: mailbox unavailable", "Reject due to policy restrictions."]}})")
        << false;
    QTest::newRow("MAIL FROM delayed")
        << QByteArray(
               R"J({"phase": "MAIL FROM", "delay_ms": 300, "reply": {"code": 451, "enhanced": "4.7.650", "text": "The mail server [192.0.2.25] has been temporarily rate limited due to IP reputation. For e-mail delivery information, see https://postmaster.live.com (S3113)"}})J")
        << false;
    QTest::newRow("RCPT TO multi-line")
        << QByteArray(
               R"({"phase": "RCPT TO", "reply": {"lines": ["552-5.2.2 The recipient's inbox is out of storage space and inactive. Please", "552-5.2.2 direct the recipient to", "552 5.2.2 https://support.google.com/mail/?p=OverQuotaPerm r2-290450aeHYDI1ssm94.953 - gsmtp"]}})")
        << false;
    QTest::newRow("DATA")
        << QByteArray(
               R"({"phase": "DATA", "reply": {"code": 554, "enhanced": "5.7.1", "text": "Service unavailable"}})")
        << false;
    QTest::newRow("end of data multi-line")
        << QByteArray(
               R"({"phase": "end of data", "reply": {"lines": ["550-5.7.26 Unauthenticated email from libsisimai.org is not accepted due to", "550-5.7.26 domain's DMARC policy. Please contact the administrator of", "550-5.7.26 libsisimai.org domain if this was a legitimate mail. Please visit", "550-5.7.26 https://support.google.com/mail/answer/2451690 to learn about the", "550 5.7.26 DMARC initiative. l1jf1405533las.81 - gsmtp"]}})")
        << false;
    QTest::newRow("STARTTLS then RCPT TO multi-line")
        << QByteArray(
               R"({"phase": "RCPT TO", "reply": {"lines": ["550-5.1.1 The email account that you tried to reach does not exist. Please try", "550-5.1.1 double-checking the recipient's email address for typos or", "550-5.1.1 unnecessary spaces. Learn more at", "550 5.1.1 https://support.google.com/mail/?p=NoSuchUser e38-r2RjLbim728301.462 - gsmtp"]}})")
        << true;
    QTest::newRow("STARTTLS then end of data accepted") << QByteArray() << true;
}

void TestSandboxSwaks::scriptedReply()
{
    QFETCH(QByteArray, rule);
    QFETCH(bool, tls);
    if (tls && !m_cert->isValid())
        QSKIP(qPrintable(m_cert->error()));

    auto scenario = Scenario::parse(R"({"format": 1, "hostname": "mx.swaks.test", "rules": [)" + rule + "]}",
                                    QStringLiteral("inline.json"));
    QVERIFY2(scenario.ok(), scenario ? "" : qPrintable(scenario.error().toString()));
    SandboxServer server;
    QVERIFY(!server.setScenario(scenario.value()));
    if (tls)
        QVERIFY(!server.setTlsFiles(m_cert->certificatePath(), m_cert->keyPath()));
    QVERIFY(server.listen());

    QStringList args{QStringLiteral("--server"),  QStringLiteral("127.0.0.1"),
                     QStringLiteral("--port"),    QString::number(server.serverPort()),
                     QStringLiteral("--from"),    QStringLiteral("sender@example.com"),
                     QStringLiteral("--to"),      QStringLiteral("rcpt@example.org"),
                     QStringLiteral("--helo"),    QStringLiteral("client.test"),
                     QStringLiteral("--timeout"), QStringLiteral("10")};
    if (tls)
        args << QStringLiteral("--tls");
    QProcess swaks;
    swaks.setProcessChannelMode(QProcess::MergedChannels);
    // swaks runs while this thread serves it, so wait by spinning the event loop, never blocking.
    QSignalSpy finished(&swaks, &QProcess::finished);
    swaks.start(m_swaks, args);
    QVERIFY(swaks.waitForStarted(5000));
    QVERIFY(finished.wait(20000));
    const QString transcript = QString::fromUtf8(swaks.readAll());

    QStringList expected;
    if (!scenario->rules.empty())
        expected = scenario->rules.at(0).reply.lines;
    else
        expected << QStringLiteral("250 2.0.0 Ok: queued as SBX1");
    for (const QString &line : std::as_const(expected))
        QVERIFY2(transcript.contains(line), qPrintable(QStringLiteral("missing \"%1\" in:\n%2").arg(line, transcript)));
    if (tls) {
        QVERIFY2(transcript.contains(QLatin1String("220 2.0.0 Ready to start TLS")), qPrintable(transcript));
        // swaks marks lines read over TLS with "<~".
        QVERIFY2(transcript.contains(QStringLiteral("<~") +
                                     (expected.size() > 1 ? QStringLiteral("*") : QStringLiteral(" ")) +
                                     QLatin1Char(' ') + expected.at(0)),
                 qPrintable(transcript));
    }
    QCOMPARE(server.acceptedTotal(), quint64(rule.isEmpty() ? 1 : 0));
}

QTEST_GUILESS_MAIN(TestSandboxSwaks)
#include "TestSandboxSwaks.moc"
