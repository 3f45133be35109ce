// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
//
// STARTTLS and implicit TLS against FakeSmtpServer with a throwaway self-signed certificate that
// the openssl CLI generates at test time (no private key is ever committed).
#include <QFile>
#include <QProcess>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include "FakeSmtpServer.h"
#include "SmtpTestRun.h"

using namespace Dsn;
using Dsn::Test::FakeSmtpServer;
using Dsn::Test::SmtpTestRun;

class TestSmtpClientTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tls_data();
    void tls();

private:
    QTemporaryDir m_dir;
    QSslCertificate m_certificate;
    QSslKey m_key;
};

void TestSmtpClientTls::initTestCase()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("Qt has no TLS backend here");
    QVERIFY(m_dir.isValid());
    const QString cert = m_dir.filePath(QStringLiteral("cert.pem"));
    const QString key = m_dir.filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {u"req"_qs, u"-x509"_qs, u"-newkey"_qs, u"ec"_qs, u"-pkeyopt"_qs, u"ec_paramgen_curve:prime256v1"_qs,
                   u"-nodes"_qs, u"-keyout"_qs, key, u"-out"_qs, cert, u"-days"_qs, u"2"_qs, u"-subj"_qs,
                   u"/CN=fake.test/O=DSN Workbench tests"_qs, u"-addext"_qs, u"subjectAltName=DNS:fake.test"_qs});
    if (!openssl.waitForStarted(5000))
        QSKIP("the openssl command is not available");
    QVERIFY(openssl.waitForFinished(15000));
    QVERIFY2(openssl.exitCode() == 0, openssl.readAllStandardError().constData());
    QFile c(cert);
    QFile k(key);
    QVERIFY(c.open(QIODevice::ReadOnly) && k.open(QIODevice::ReadOnly));
    m_certificate = QSslCertificate(c.readAll(), QSsl::Pem);
    m_key = QSslKey(k.readAll(), QSsl::Ec, QSsl::Pem);
    QVERIFY(!m_certificate.isNull());
    QVERIFY(!m_key.isNull());
}

void TestSmtpClientTls::tls_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<bool>("advertised");
    QTest::addColumn<QByteArray>("startTlsReply");
    QTest::addColumn<bool>("acceptUntrusted");
    QTest::addColumn<bool>("trustAsCa");
    QTest::addColumn<bool>("delivered");
    QTest::addColumn<bool>("encrypted");
    QTest::addColumn<QString>("errorFragment");

    const int opp = int(Smtp::TlsMode::Opportunistic);
    const int req = int(Smtp::TlsMode::Required);
    const int imp = int(Smtp::TlsMode::Implicit);
    const QByteArray go = "220 2.0.0 Ready to start TLS\r\n";
    const QByteArray no = "454 4.7.0 TLS not available\r\n";
    QTest::newRow("required, not advertised") << req << false << go << false << false << false << false
                                              << u"does not advertise STARTTLS"_qs;
    QTest::newRow("opportunistic, not advertised") << opp << false << go << false << false << true << false
                                                   << QString();
    QTest::newRow("required, refused by the server") << req << true << no << false << false << false << false
                                                     << u"STARTTLS was answered \"454 4.7.0 TLS not available\""_qs;
    QTest::newRow("opportunistic, refused by the server") << opp << true << no << false << false << true << false
                                                          << QString();
    QTest::newRow("required, untrusted certificate refused") << req << true << go << false << false << false << false
                                                             << u"CN=fake.test"_qs;
    QTest::newRow("opportunistic, untrusted certificate refused") << opp << true << go << false << false << false
                                                                  << false << u"SHA-256"_qs;
    QTest::newRow("required, untrusted accepted by choice") << req << true << go << true << false << true << true
                                                            << QString();
    QTest::newRow("required, trusted through an extra CA") << req << true << go << false << true << true << true
                                                           << QString();
    QTest::newRow("implicit, untrusted certificate refused") << imp << false << go << false << false << false << false
                                                             << u"CN=fake.test"_qs;
    QTest::newRow("implicit, untrusted accepted by choice") << imp << false << go << true << false << true << true
                                                            << QString();
}

void TestSmtpClientTls::tls()
{
    QFETCH(int, mode);
    QFETCH(bool, advertised);
    QFETCH(QByteArray, startTlsReply);
    QFETCH(bool, acceptUntrusted);
    QFETCH(bool, trustAsCa);
    QFETCH(bool, delivered);
    QFETCH(bool, encrypted);
    QFETCH(QString, errorFragment);

    FakeSmtpServer server;
    QVERIFY(server.listenLocal());
    FakeSmtpServer::Script script;
    script.certificate = m_certificate;
    script.key = m_key;
    script.implicitTls = mode == int(Smtp::TlsMode::Implicit);
    script.reactions.insert("EHLO", {FakeSmtpServer::ehloReply(true, advertised)});
    script.reactions.insert("STARTTLS", {startTlsReply});
    server.setScript(script);

    Smtp::ClientOptions o;
    o.host = QStringLiteral("127.0.0.1");
    o.port = server.serverPort();
    o.tls = Smtp::TlsMode(mode);
    o.acceptUntrustedCertificate = acceptUntrusted;
    if (trustAsCa) {
        o.extraCaCertificates = {m_certificate};
        o.tlsServerName = QStringLiteral("fake.test");
    }
    o.heloName = QStringLiteral("client.test");
    o.sender = QStringLiteral("sender@example.org");
    o.recipients = {QStringLiteral("a@example.com")};
    o.timeouts = {3000, 3000, 3000, 3000};
    const SmtpTestRun run = SmtpTestRun::run(o);
    QVERIFY(run.finished);
    QCOMPARE(run.finishedCount, 1);
    const Smtp::TransactionResult &r = run.result;
    QCOMPARE(r.recipients.first().delivered, delivered);
    QCOMPARE(r.tls.active, encrypted);
    QCOMPARE(server.tlsEstablished() && r.tls.active, encrypted);
    if (!errorFragment.isEmpty())
        QVERIFY2(r.error.contains(errorFragment), qPrintable(r.error));
    if (!delivered) {
        // TLS trouble is a connection failure: synthesised 400, never the event.
        const Smtp::RecipientResult &rr = r.recipients.first();
        QVERIFY(rr.synthesised);
        QCOMPARE(rr.reply.code, 400);
        QVERIFY(rr.reply.content.startsWith(u"KumoMTA internal: failed to connect to any candidate hosts: "_qs));
        QVERIFY(!server.commands().contains("QUIT") || !server.commands().contains("DATA"));
        if (r.error.contains(u"handshake")) {
            // The refusal names the certificate so the user can decide to trust it.
            QVERIFY(!r.tls.verificationErrors.isEmpty());
            QVERIFY(r.error.contains(u"SHA-256 "_qs + r.tls.peerSha256));
            QVERIFY(r.error.contains(u"expires "));
            QVERIFY(r.error.contains(u"can be accepted explicitly"));
        }
    }
    if (encrypted) {
        QVERIFY(r.tls.protocol.startsWith(u"TLSv1."));
        QVERIFY(!r.tls.cipher.isEmpty());
        QVERIFY(r.tls.peerSubject.contains(u"CN=fake.test"));
        QCOMPARE(r.tls.peerIssuer, r.tls.peerSubject); // self-signed
        QVERIFY(r.tls.peerNotAfter > QDateTime::currentDateTimeUtc());
        QCOMPARE(r.tls.peerSha256.size(), 32 * 3 - 1);
        QCOMPARE(r.tls.untrustedAccepted, acceptUntrusted);
        QCOMPARE(r.tls.implicit, mode == int(Smtp::TlsMode::Implicit));
        // After STARTTLS the client forgets the old capabilities and says EHLO again.
        const qsizetype ehlos = server.commands().count("EHLO client.test");
        QCOMPARE(ehlos, mode == int(Smtp::TlsMode::Implicit) ? 1 : 2);
        QVERIFY(server.received().contains("MAIL FROM:<sender@example.org>"));
    }
}

QTEST_GUILESS_MAIN(TestSmtpClientTls)
#include "TestSmtpClientTls.moc"
