// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include <QTest>

#include "smtp/ClientOptions.h"
#include "smtp/DataEncoder.h"

using namespace Dsn;

class TestSmtpDataEncoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encode_data();
    void encode();
    void defaultMessage();
};

void TestSmtpDataEncoder::encode_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("encoded");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("CRLF kept") << QByteArray("a\r\nb\r\n") << QByteArray("a\r\nb\r\n");
    QTest::newRow("LF") << QByteArray("a\nb\n") << QByteArray("a\r\nb\r\n");
    QTest::newRow("lone CR") << QByteArray("a\rb") << QByteArray("a\r\nb\r\n");
    QTest::newRow("CR CR LF") << QByteArray("a\r\r\nb") << QByteArray("a\r\n\r\nb\r\n");
    QTest::newRow("final break added") << QByteArray("no break") << QByteArray("no break\r\n");
    QTest::newRow("dot line") << QByteArray("a\r\n.\r\nb") << QByteArray("a\r\n..\r\nb\r\n");
    QTest::newRow("first line dot") << QByteArray(".hidden") << QByteArray("..hidden\r\n");
    QTest::newRow("dot inside a line") << QByteArray("a.b\r\n") << QByteArray("a.b\r\n");
    QTest::newRow("dots after LF") << QByteArray("x\n..\n") << QByteArray("x\r\n...\r\n");
}

void TestSmtpDataEncoder::encode()
{
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, encoded);
    QCOMPARE(Smtp::DataEncoder::encode(message), encoded);
}

void TestSmtpDataEncoder::defaultMessage()
{
    Smtp::ClientOptions o;
    o.sender = QStringLiteral("s@example.org");
    o.recipients = {QStringLiteral("a@example.com"), QStringLiteral("b@example.com")};
    const QByteArray m = o.effectiveMessage();
    QVERIFY(m.startsWith("From: <s@example.org>\r\nTo: <a@example.com>, <b@example.com>\r\n"));
    QVERIFY(m.contains("\r\nMessage-ID: <"));
    QVERIFY(m.contains("@example.org>\r\n"));
    QVERIFY(m.contains("\r\n\r\n"));
    QCOMPARE(Smtp::DataEncoder::normalizeLineEndings(m), m);
}

QTEST_APPLESS_MAIN(TestSmtpDataEncoder)
#include "TestSmtpDataEncoder.moc"
