// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include <memory>

#include <QTest>

#include "SmtpTestClient.h"
#include "ThrowawayCertificate.h"
#include "sandbox/SandboxServer.h"

using namespace Dsn::Sandbox;
using Dsn::Test::SmtpTestClient;

class TestSandboxTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void startTls_data();
    void startTls();
    void commandsPipelinedAfterStartTlsAreDiscarded();
    void scriptedStartTlsReply();
    void implicitTls();
    void tlsFromScenarioFile();
    void badKeyIsReported();

private:
    std::unique_ptr<Dsn::Test::ThrowawayCertificate> m_cert;
    std::unique_ptr<SandboxServer> m_server;
};

void TestSandboxTls::initTestCase()
{
    m_cert = std::make_unique<Dsn::Test::ThrowawayCertificate>();
    if (!m_cert->isValid())
        QSKIP(qPrintable(m_cert->error()));
    if (!QSslSocket::supportsSsl())
        QSKIP("Qt has no TLS backend");
}

void TestSandboxTls::init()
{
    m_server = std::make_unique<SandboxServer>();
    QVERIFY(!m_server->setTlsFiles(m_cert->certificatePath(), m_cert->keyPath()));
    QVERIFY(m_server->listen());
}

void TestSandboxTls::cleanup()
{
    m_server.reset();
}

void TestSandboxTls::startTls_data()
{
    QTest::addColumn<QByteArray>("rcpt");
    QTest::addColumn<QStringList>("rcptReply");
    QTest::newRow("accepted") << QByteArray("RCPT TO:<ok@example.org>") << QStringList{QStringLiteral("250 2.1.5 Ok")};
    QTest::newRow("multi-line rejection over TLS")
        << QByteArray("RCPT TO:<unknown@example.org>")
        << QStringList{QStringLiteral("550-5.1.1 The email account that you tried to reach does not exist."),
                       QStringLiteral("550 5.1.1 https://support.google.com/mail/?p=NoSuchUser - gsmtp")};
}

void TestSandboxTls::startTls()
{
    QFETCH(QByteArray, rcpt);
    QFETCH(QStringList, rcptReply);
    auto s = Scenario::parse(
        R"({"format": 1, "rules": [{"phase": "RCPT TO", "match": {"recipient": "^unknown"}, "reply": {"code": 550, "enhanced": "5.1.1", "text": ["The email account that you tried to reach does not exist.", "https://support.google.com/mail/?p=NoSuchUser - gsmtp"]}}]})",
        QStringLiteral("inline.json"));
    QVERIFY(s.ok());
    QVERIFY(!m_server->setScenario(s.value()));
    SmtpTestClient c;
    QVERIFY(c.connectTo(m_server->serverPort()));
    QVERIFY(c.readReply().value(0).startsWith(QLatin1String("220 ")));
    QVERIFY(c.command("EHLO c.test").join(QLatin1Char('\n')).contains(QLatin1String("STARTTLS")));
    QCOMPARE(c.command("MAIL FROM:<before@tls.test>").value(0), QStringLiteral("250 2.1.0 Ok"));
    QCOMPARE(c.command("STARTTLS"), QStringList{QStringLiteral("220 2.0.0 Ready to start TLS")});
    QVERIFY(c.startTls());
    // RFC 3207: the transaction started in the clear is gone, and STARTTLS is not offered twice.
    QCOMPARE(c.command("MAIL FROM:<a@b.test>").value(0).left(9), QStringLiteral("503 5.5.1"));
    const QStringList ehlo = c.command("EHLO c.test");
    QVERIFY(!ehlo.isEmpty());
    QVERIFY(!ehlo.join(QLatin1Char('\n')).contains(QLatin1String("STARTTLS")));
    QCOMPARE(c.command("STARTTLS").value(0).left(9), QStringLiteral("503 5.5.1"));
    QCOMPARE(c.command("MAIL FROM:<a@b.test>").value(0), QStringLiteral("250 2.1.0 Ok"));
    QCOMPARE(c.command(rcpt), rcptReply);
    if (!rcptReply.at(0).startsWith(QLatin1String("250")))
        return;
    QCOMPARE(c.command("DATA").value(0).left(3), QStringLiteral("354"));
    QVERIFY(c.command("Subject: tls\r\n\r\nsecret\r\n.").value(0).startsWith(QLatin1String("250 ")));
    QCOMPARE(m_server->acceptedMessages().size(), 1);
    QVERIFY(m_server->acceptedMessages().at(0).tls);
}

void TestSandboxTls::commandsPipelinedAfterStartTlsAreDiscarded()
{
    SmtpTestClient c;
    QVERIFY(c.connectTo(m_server->serverPort()));
    c.readReply();
    c.command("EHLO c.test");
    // A man in the middle could inject these in the clear; they must not run after the handshake.
    c.send("STARTTLS\r\nMAIL FROM:<injected@evil.test>\r\n");
    QCOMPARE(c.readReply(), QStringList{QStringLiteral("220 2.0.0 Ready to start TLS")});
    QVERIFY(c.startTls());
    QCOMPARE(c.command("NOOP"), QStringList{QStringLiteral("250 2.0.0 Ok")});
    QVERIFY(c.command("EHLO c.test").value(0).startsWith(QLatin1String("250")));
    QCOMPARE(c.command("MAIL FROM:<a@b.test>").value(0), QStringLiteral("250 2.1.0 Ok"));
}

void TestSandboxTls::scriptedStartTlsReply()
{
    auto s = Scenario::parse(
        R"({"format": 1, "rules": [{"phase": "STARTTLS", "reply": {"code": 454, "enhanced": "4.7.0", "text": "TLS not available due to local problem"}}]})",
        QStringLiteral("inline.json"));
    QVERIFY(s.ok());
    QVERIFY(!m_server->setScenario(s.value()));
    SmtpTestClient c;
    QVERIFY(c.connectTo(m_server->serverPort()));
    c.readReply();
    c.command("EHLO c.test");
    QCOMPARE(c.command("STARTTLS"), QStringList{QStringLiteral("454 4.7.0 TLS not available due to local problem")});
    QCOMPARE(c.command("NOOP"), QStringList{QStringLiteral("250 2.0.0 Ok")});
    QVERIFY(!c.socket().isEncrypted());
}

void TestSandboxTls::implicitTls()
{
    m_server->setImplicitTls(true);
    SmtpTestClient c;
    QVERIFY(c.connectTo(m_server->serverPort()));
    QVERIFY(c.startTls());
    QVERIFY(c.readReply().value(0).startsWith(QLatin1String("220 ")));
    QVERIFY(!c.command("EHLO c.test").join(QLatin1Char('\n')).contains(QLatin1String("STARTTLS")));
    QCOMPARE(c.command("QUIT"), QStringList{QStringLiteral("221 2.0.0 Bye")});
}

void TestSandboxTls::tlsFromScenarioFile()
{
    // Paths in a scenario are resolved against the scenario's folder; absolute ones are kept.
    const QByteArray json = R"({"format": 1, "tls": {"certificate": ")" + m_cert->certificatePath().toUtf8() +
                            R"(", "key": ")" + m_cert->keyPath().toUtf8() + R"("}})";
    auto s = Scenario::parse(json, QStringLiteral("inline.json"), QStringLiteral("/nonexistent"));
    QVERIFY(s.ok());
    QCOMPARE(s->tlsKeyPath, m_cert->keyPath());
    SandboxServer server;
    QVERIFY(!server.setScenario(s.value()));
    QVERIFY(server.tlsAvailable());
}

void TestSandboxTls::badKeyIsReported()
{
    SandboxServer server;
    const auto error = server.setTlsFiles(m_cert->certificatePath(), m_cert->certificatePath());
    QVERIFY(error.has_value());
    QCOMPARE(error->code, QStringLiteral("sandbox-tls"));
    QVERIFY(!server.tlsAvailable());
}

QTEST_GUILESS_MAIN(TestSandboxTls)
#include "TestSandboxTls.moc"
