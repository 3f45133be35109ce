// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
//
// Messages per second over loopback, each role measured next to Postfix's own tool in the same
// run: client role against smtp-sink (our SmtpClient vs smtp-source), server role with
// smtp-source as the client (our sandbox vs smtp-sink). Run by hand, never by ctest:
//   build/bin/bench_smtp [MESSAGES] [SESSIONS]
#include <cstdio>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include "smtp/SmtpClient.h"

using namespace Dsn;

namespace {

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

bool waitForListener(quint16 port)
{
    for (int i = 0; i < 200; ++i) {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, port);
        if (s.waitForConnected(50))
            return true;
        QThread::msleep(25);
    }
    return false;
}

// One message per transaction, `sessions` transactions in flight at once, as smtp-source -s does.
double runOurClient(quint16 port, int messages, int sessions, int size)
{
    Smtp::ClientOptions options;
    options.host = QStringLiteral("127.0.0.1");
    options.port = port;
    options.tls = Smtp::TlsMode::Off;
    options.sender = QStringLiteral("bench@example.org");
    options.recipients = {QStringLiteral("user@example.com")};
    options.message = "Subject: bench\r\n\r\n" + QByteArray(size, 'x') + "\r\n";
    options.timeouts = {5000, 5000, 5000, 10000};
    int started = 0;
    int finished = 0;
    int failed = 0;
    QEventLoop loop;
    QList<Smtp::SmtpClient *> clients;
    QElapsedTimer timer;
    timer.start();
    std::function<void(Smtp::SmtpClient *)> next = [&](Smtp::SmtpClient *c) {
        if (started < messages) {
            ++started;
            c->start(options);
        }
    };
    for (int i = 0; i < sessions; ++i) {
        auto *c = new Smtp::SmtpClient(&loop);
        QObject::connect(c, &Smtp::SmtpClient::finished, &loop, [&, c](const Smtp::TransactionResult &r) {
            if (!r.ok() || r.recipients.isEmpty() || !r.recipients.first().delivered)
                ++failed;
            if (++finished == messages)
                loop.quit();
            else
                QMetaObject::invokeMethod(c, [&, c] { next(c); }, Qt::QueuedConnection);
        });
        clients << c;
        next(c);
    }
    loop.exec();
    const double seconds = timer.nsecsElapsed() / 1e9;
    if (failed)
        std::fprintf(stderr, "our client: %d of %d transactions failed\n", failed, messages);
    return messages / seconds;
}

double runSmtpSource(quint16 port, int messages, int sessions, int size)
{
    QElapsedTimer timer;
    timer.start();
    QProcess p;
    p.start(QStringLiteral("/usr/sbin/smtp-source"),
            {QStringLiteral("-c"), QStringLiteral("-l"), QString::number(size), QStringLiteral("-m"),
             QString::number(messages), QStringLiteral("-s"), QString::number(sessions), QStringLiteral("-f"),
             QStringLiteral("bench@example.org"), QStringLiteral("-t"), QStringLiteral("user@example.com"),
             QStringLiteral("127.0.0.1:%1").arg(port)});
    p.waitForFinished(600000);
    if (p.exitCode() != 0)
        std::fprintf(stderr, "smtp-source: %s\n", p.readAllStandardError().constData());
    return messages / (timer.nsecsElapsed() / 1e9);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int messages = argc > 1 ? std::atoi(argv[1]) : 2000;
    const int sessions = argc > 2 ? std::atoi(argv[2]) : 8;
    const int size = 512;

    // Postfix's sink: accepts everything, as fast as it can.
    const quint16 sinkPort = freePort();
    QProcess sink;
    sink.start(QStringLiteral("/usr/sbin/smtp-sink"),
               {QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("127.0.0.1:%1").arg(sinkPort),
                QStringLiteral("256")});
    // Our sandbox as its own process, so it does not share the client's thread. It logs every
    // line of every session; nobody reads that here, and a full pipe would stall it.
    const quint16 sandboxPort = freePort();
    QProcess sandbox;
    sandbox.setStandardOutputFile(QProcess::nullDevice());
    sandbox.start(QStringLiteral(DSN_CLI_PATH), {QStringLiteral("sandbox"), QStringLiteral("--listen"),
                                                 QStringLiteral("127.0.0.1:%1").arg(sandboxPort)});
    if (!waitForListener(sinkPort) || !waitForListener(sandboxPort)) {
        std::fprintf(stderr, "could not start smtp-sink or the sandbox\n");
        return 1;
    }

    std::printf("%d messages of %d bytes, %d sessions in parallel, 127.0.0.1\n", messages, size, sessions);
    const double reference = runSmtpSource(sinkPort, messages, sessions, size);
    const double ourClient = runOurClient(sinkPort, messages, sessions, size);
    const double ourServer = runSmtpSource(sandboxPort, messages, sessions, size);
    const double both = runOurClient(sandboxPort, messages, sessions, size);
    std::printf("smtp-source -> smtp-sink   %9.0f msg/s  (reference)\n", reference);
    std::printf("our client  -> smtp-sink   %9.0f msg/s  client ratio %.2f of smtp-source\n", ourClient,
                ourClient / reference);
    std::printf("smtp-source -> our sandbox %9.0f msg/s  server ratio %.2f of smtp-sink\n", ourServer,
                ourServer / reference);
    std::printf("our client  -> our sandbox %9.0f msg/s\n", both);
    sandbox.terminate();
    sink.terminate();
    sandbox.waitForFinished(5000);
    sink.waitForFinished(5000);
    return 0;
}
