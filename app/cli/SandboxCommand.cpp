// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "SandboxCommand.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QHostAddress>
#include <QTimer>

#include "HostPort.h"
#include "SignalWatcher.h"
#include "sandbox/SandboxServer.h"
#include "sandbox/Scenario.h"

namespace Dsn::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SandboxCommand", text);
}

} // namespace

QString SandboxCommand::description() const
{
    return tr("Run the sandbox SMTP server with a scripted scenario (it never relays). Ctrl-C stops it.");
}

int SandboxCommand::execute(const QStringList &arguments, CommandContext &ctx)
{
    QCommandLineParser parser;
    const QCommandLineOption scenarioOpt(QStringLiteral("scenario"), tr("Scenario file (JSON); default: accept everything."),
                                         QStringLiteral("FILE"));
    const QCommandLineOption listenOpt(QStringLiteral("listen"), tr("Address and port (default 127.0.0.1:2525; port 0 picks one)."),
                                       QStringLiteral("ADDR:PORT"), QStringLiteral("127.0.0.1:2525"));
    const QCommandLineOption certOpt(QStringLiteral("tls-cert"), tr("PEM certificate for STARTTLS."), QStringLiteral("FILE"));
    const QCommandLineOption keyOpt(QStringLiteral("tls-key"), tr("PEM private key for STARTTLS."), QStringLiteral("FILE"));
    const QCommandLineOption emlOpt(QStringLiteral("eml-dir"), tr("Also write accepted messages to this folder as .eml."),
                                    QStringLiteral("DIR"));
    const QCommandLineOption durationOpt(QStringLiteral("duration"), tr("Stop after this many seconds."),
                                         QStringLiteral("SECONDS"));
    parser.addOptions({scenarioOpt, listenOpt, certOpt, keyOpt, emlOpt, durationOpt});
    int exitCode = ExitOk;
    if (!parseArguments(parser, arguments, ctx, exitCode))
        return exitCode;

    Sandbox::Scenario scenario = Sandbox::Scenario::acceptAll();
    if (parser.isSet(scenarioOpt)) {
        auto loaded = Sandbox::Scenario::load(parser.value(scenarioOpt));
        if (!loaded) {
            ctx.err << QStringLiteral("dsn-workbench-cli sandbox: ") << loaded.error().toString() << '\n';
            return ExitFailure;
        }
        scenario = *loaded;
    }
    const QString listen = parser.value(listenOpt);
    const auto hostPort = HostPort::parse(listen, true);
    const QHostAddress address(hostPort ? hostPort->host : QString());
    if (!hostPort || address.isNull()) {
        ctx.err << tr("dsn-workbench-cli sandbox: --listen wants ADDRESS:PORT, got \"%1\"\n").arg(listen);
        return ExitUsage;
    }

    Sandbox::SandboxServer server;
    if (auto problem = server.setScenario(scenario)) {
        ctx.err << QStringLiteral("dsn-workbench-cli sandbox: ") << problem->toString() << '\n';
        return ExitFailure;
    }
    if (parser.isSet(certOpt) != parser.isSet(keyOpt)) {
        ctx.err << tr("dsn-workbench-cli sandbox: --tls-cert and --tls-key go together\n");
        return ExitUsage;
    }
    if (parser.isSet(certOpt)) {
        if (auto problem = server.setTlsFiles(parser.value(certOpt), parser.value(keyOpt))) {
            ctx.err << QStringLiteral("dsn-workbench-cli sandbox: ") << problem->toString() << '\n';
            return ExitFailure;
        }
    }
    if (parser.isSet(emlOpt))
        server.setEmlFolder(parser.value(emlOpt));
    if (!server.listen(address, hostPort->port)) {
        ctx.err << tr("dsn-workbench-cli sandbox: cannot listen on %1: %2\n").arg(listen, server.errorString());
        return ExitFailure;
    }
    ctx.out << tr("sandbox: scenario \"%1\", listening on %2:%3 (Ctrl-C stops)\n")
                   .arg(scenario.name, address.toString())
                   .arg(server.serverPort());
    ctx.out.flush();

    QEventLoop loop;
    QObject::connect(&server, &Sandbox::SandboxServer::sessionLog, &loop, [&ctx](const QString &line) {
        ctx.out << line << '\n';
        ctx.out.flush();
    });
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::interrupted, &loop, [&loop] { loop.quit(); });
    if (parser.isSet(durationOpt))
        QTimer::singleShot(int(parser.value(durationOpt).toDouble() * 1000), &loop, &QEventLoop::quit);
    loop.exec();
    server.close();
    ctx.out << tr("sandbox: stopped after %1 accepted message(s)\n").arg(server.acceptedTotal());
    ctx.out.flush();
    return ExitOk;
}

} // namespace Dsn::Cli
