// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include <memory>
#include <vector>

#include <QFile>
#include <QTcpSocket>
#include <QTest>

#include "SmtpTestClient.h"
#include "sandbox/SandboxServer.h"

using namespace Dsn::Sandbox;

namespace {

qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace

/// Many clients at once: all must be served, memory must stay bounded, the server must stay responsive.
class TestSandboxLoad : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void concurrentClients_data();
    void concurrentClients();
};

void TestSandboxLoad::concurrentClients_data()
{
    QTest::addColumn<int>("clients");
    QTest::addColumn<bool>("vanishHalf");
    QTest::newRow("500 complete transactions") << 500 << false;
    QTest::newRow("500 clients, half vanish mid-DATA") << 500 << true;
}

void TestSandboxLoad::concurrentClients()
{
    QFETCH(int, clients);
    QFETCH(bool, vanishHalf);
    SandboxServer server;
    server.setMessageCap(50);
    QVERIFY(server.listen());
    const qint64 before = residentKiB();

    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    std::vector<QByteArray> received(clients);
    int connected = 0;
    for (int i = 0; i < clients; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        QTcpSocket *raw = socket.get();
        connect(raw, &QTcpSocket::connected, this, [&connected] { ++connected; });
        connect(raw, &QTcpSocket::readyRead, this, [raw, &received, i] { received[i] += raw->readAll(); });
        raw->connectToHost(QHostAddress(QHostAddress::LocalHost), server.serverPort());
        sockets.push_back(std::move(socket));
    }
    // All sessions are open at the same time before anyone sends a command.
    QTRY_COMPARE_WITH_TIMEOUT(connected, clients, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(server.sessionCount(), clients, 15000);

    int expectedAccepted = 0;
    for (int i = 0; i < clients; ++i) {
        const QByteArray head = "EHLO c" + QByteArray::number(i) + ".test\r\nMAIL FROM:<s" + QByteArray::number(i) +
                                "@example.com>\r\nRCPT TO:<r@example.org>\r\nDATA\r\nSubject: load\r\n\r\n";
        if (vanishHalf && i % 2) {
            sockets[i]->write(head + "half a message");
            continue;
        }
        sockets[i]->write(head + QByteArray(2000, 'b') + "\r\n.\r\nQUIT\r\n");
        ++expectedAccepted;
    }
    if (vanishHalf) {
        QTest::qWait(200);
        for (int i = 1; i < clients; i += 2)
            sockets[i]->abort();
    }
    auto done = [&] {
        int n = 0;
        for (int i = 0; i < clients; ++i)
            n += received[i].contains("\r\n221 2.0.0 Bye\r\n") ? 1 : 0;
        return n;
    };
    QTRY_COMPARE_WITH_TIMEOUT(done(), expectedAccepted, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(server.sessionCount(), 0, 10000);
    QCOMPARE(server.acceptedTotal(), quint64(expectedAccepted));
    QCOMPARE(server.acceptedMessages().size(), 50);

    // Still answering after the storm, promptly.
    Dsn::Test::SmtpTestClient probe;
    QVERIFY(probe.connectTo(server.serverPort()));
    QVERIFY(probe.readReply(2000).value(0).startsWith(QLatin1String("220 ")));
    QCOMPARE(probe.command("NOOP", 2000), QStringList{QStringLiteral("250 2.0.0 Ok")});

    sockets.clear();
    const qint64 after = residentKiB();
    // 500 sessions, 500 client sockets and 50 kept messages fit well within 64 MiB.
    if (before > 0 && after > 0)
        QVERIFY2(after - before < 64 * 1024, qPrintable(QStringLiteral("RSS grew by %1 KiB").arg(after - before)));
}

QTEST_GUILESS_MAIN(TestSandboxLoad)
#include "TestSandboxLoad.moc"
