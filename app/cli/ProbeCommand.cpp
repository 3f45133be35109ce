// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "ProbeCommand.h"

#include <cstdio>

#include <termios.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "HostPort.h"
#include "PolicyOptions.h"
#include "SignalWatcher.h"
#include "eval/PolicyEvaluator.h"
#include "eval/TransactionEvaluator.h"
#include "smtp/SmtpClient.h"

namespace Dsn::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ProbeCommand", text);
}

// Reads a password from the terminal without echo; never from the command line.
QString promptPassword(const QString &user, CommandContext &ctx)
{
    FILE *tty = std::fopen("/dev/tty", "r+");
    if (!tty)
        return QString();
    ctx.err << tr("Password for %1: ").arg(user);
    ctx.err.flush();
    termios old = {};
    const bool isTerminal = ::tcgetattr(fileno(tty), &old) == 0;
    if (isTerminal) {
        termios quiet = old;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(fileno(tty), TCSAFLUSH, &quiet);
    }
    char buffer[1024] = {};
    const bool got = std::fgets(buffer, sizeof buffer, tty) != nullptr;
    if (isTerminal)
        ::tcsetattr(fileno(tty), TCSAFLUSH, &old);
    std::fclose(tty);
    ctx.err << '\n';
    return got ? QString::fromUtf8(buffer).chopped(QByteArray(buffer).endsWith('\n') ? 1 : 0) : QString();
}

} // namespace

QString ProbeCommand::description() const
{
    return tr("Run one SMTP transaction against a server and show, per recipient, what the policy does with "
              "the reply. The password comes from DSN_SMTP_PASSWORD or a prompt, never from the command line.");
}

int ProbeCommand::execute(const QStringList &arguments, CommandContext &ctx)
{
    QCommandLineParser parser;
    PolicyOptions policy;
    policy.addTo(parser);
    const QCommandLineOption serverOpt(QStringLiteral("server"), tr("Server to talk to."), QStringLiteral("HOST:PORT"));
    const QCommandLineOption tlsOpt(QStringLiteral("tls"), tr("off, starttls (when offered; default), required or implicit."),
                                    QStringLiteral("MODE"), QStringLiteral("starttls"));
    const QCommandLineOption insecureOpt(QStringLiteral("insecure"),
                                         tr("Accept a certificate that does not verify (a staging server's self-signed one)."));
    const QCommandLineOption authOpt(QStringLiteral("auth"), tr("Authenticate as USER (AUTH PLAIN or LOGIN)."),
                                     QStringLiteral("USER"));
    const QCommandLineOption fromOpt(QStringLiteral("from"), tr("Envelope sender."), QStringLiteral("ADDR"));
    const QCommandLineOption toOpt(QStringLiteral("to"), tr("Envelope recipient (repeatable)."), QStringLiteral("ADDR"));
    const QCommandLineOption heloOpt(QStringLiteral("helo"), tr("EHLO name."), QStringLiteral("NAME"));
    const QCommandLineOption tenantOpt(QStringLiteral("queue-tenant"), tr("Tenant of the queue name."), QStringLiteral("TENANT"));
    const QCommandLineOption campaignOpt(QStringLiteral("queue-campaign"), tr("Campaign of the queue name."),
                                         QStringLiteral("CAMPAIGN"));
    const QCommandLineOption routingOpt(QStringLiteral("queue-routing-domain"), tr("Routing domain of the queue name."),
                                        QStringLiteral("DOMAIN"));
    const QCommandLineOption timeoutOpt(QStringLiteral("timeout"), tr("Seconds to wait for each step (default 30)."),
                                        QStringLiteral("SECONDS"), QStringLiteral("30"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), tr("Machine-readable output."));
    parser.addOptions({serverOpt, tlsOpt, insecureOpt, authOpt, fromOpt, toOpt, heloOpt, tenantOpt, campaignOpt,
                       routingOpt, timeoutOpt, jsonOpt});
    int exitCode = ExitOk;
    if (!parseArguments(parser, arguments, ctx, exitCode))
        return exitCode;

    const QString server = parser.value(serverOpt);
    const auto hostPort = HostPort::parse(server, false);
    if (!hostPort) {
        ctx.err << tr("dsn-workbench-cli probe: --server wants HOST:PORT\n");
        return ExitUsage;
    }
    if (!parser.isSet(fromOpt) || !parser.isSet(toOpt)) {
        ctx.err << tr("dsn-workbench-cli probe: give --from and at least one --to\n");
        return ExitUsage;
    }

    Smtp::ClientOptions options;
    options.host = hostPort->host;
    options.port = hostPort->port;
    const QString tls = parser.value(tlsOpt).toLower();
    if (tls == QLatin1String("off"))
        options.tls = Smtp::TlsMode::Off;
    else if (tls == QLatin1String("starttls") || tls == QLatin1String("opportunistic"))
        options.tls = Smtp::TlsMode::Opportunistic;
    else if (tls == QLatin1String("required"))
        options.tls = Smtp::TlsMode::Required;
    else if (tls == QLatin1String("implicit"))
        options.tls = Smtp::TlsMode::Implicit;
    else {
        ctx.err << tr("dsn-workbench-cli probe: --tls is off, starttls, required or implicit\n");
        return ExitUsage;
    }
    options.acceptUntrustedCertificate = parser.isSet(insecureOpt);
    options.sender = parser.value(fromOpt);
    options.recipients = parser.values(toOpt);
    options.heloName = parser.value(heloOpt);
    const int timeoutMs = int(parser.value(timeoutOpt).toDouble() * 1000);
    if (timeoutMs <= 0) {
        ctx.err << tr("dsn-workbench-cli probe: --timeout must be positive\n");
        return ExitUsage;
    }
    options.timeouts = {timeoutMs, timeoutMs, timeoutMs, timeoutMs * 2};
    if (parser.isSet(authOpt)) {
        options.authUser = parser.value(authOpt);
        options.authPassword = qEnvironmentVariable("DSN_SMTP_PASSWORD");
        if (options.authPassword.isEmpty())
            options.authPassword = promptPassword(options.authUser, ctx);
        if (options.authPassword.isEmpty()) {
            ctx.err << tr("dsn-workbench-cli probe: no password (set DSN_SMTP_PASSWORD or run in a terminal)\n");
            return ExitUsage;
        }
    }

    // The policy is optional here: without one, the replies are shown as KumoMTA records them.
    Eval::EvaluatorConfig config;
    const bool hasPolicy = parser.isSet(QStringLiteral("rules")) || parser.isSet(QStringLiteral("policy"))
        || parser.isSet(QStringLiteral("project"));
    if (hasPolicy) {
        auto resolved = policy.resolve(parser);
        if (!resolved) {
            ctx.err << QStringLiteral("dsn-workbench-cli probe: ") << resolved.error().toString() << '\n';
            return ExitFailure;
        }
        config = resolved->config;
    } else if (parser.isSet(QStringLiteral("compat"))) {
        config.profile = compatProfileFromId(parser.value(QStringLiteral("compat"))).value_or(CompatProfile::Documented);
    }
    options.profile = config.profile;
    Eval::PolicyEvaluator evaluator(config);
    if (evaluator.loadError()) {
        ctx.err << QStringLiteral("dsn-workbench-cli probe: ") << evaluator.loadError()->toDiagnostic().toString() << '\n';
        return ExitFailure;
    }

    const bool json = parser.isSet(jsonOpt);
    Smtp::SmtpClient client;
    Smtp::TransactionResult result;
    QEventLoop loop;
    QObject::connect(&client, &Smtp::SmtpClient::transcriptLine, &loop, [&](const Smtp::TranscriptEntry &e) {
        if (!json) {
            ctx.out << e.toText() << '\n';
            ctx.out.flush();
        }
    });
    QObject::connect(&client, &Smtp::SmtpClient::finished, &loop, [&](const Smtp::TransactionResult &r) {
        result = r;
        loop.quit();
    });
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::interrupted, &client, [&client] { client.abort(); });
    client.start(options);
    loop.exec();

    const QList<Eval::EvalResult> outcomes = Eval::TransactionEvaluator::evaluate(
        result, evaluator, {parser.value(tenantOpt), parser.value(campaignOpt), parser.value(routingOpt)});
    if (json) {
        QJsonArray transcript;
        for (const Smtp::TranscriptEntry &e : result.transcript.entries())
            transcript.append(e.toText());
        QJsonArray recipients;
        for (qsizetype i = 0; i < outcomes.size(); ++i) {
            QJsonObject o = outcomes[i].toJson();
            o.insert(QStringLiteral("recipient"), i < result.recipients.size() ? result.recipients[i].recipient : QString());
            recipients.append(o);
        }
        QJsonObject out{{QStringLiteral("server"), server},
                        {QStringLiteral("error"), result.error.isEmpty() ? QJsonValue() : QJsonValue(result.error)},
                        {QStringLiteral("capabilities"), QJsonArray::fromStringList(result.capabilities)},
                        {QStringLiteral("transcript"), transcript},
                        {QStringLiteral("recipients"), recipients}};
        ctx.out << QJsonDocument(out).toJson(QJsonDocument::Indented);
    } else {
        if (!result.error.isEmpty())
            ctx.out << tr("error: %1\n").arg(result.error);
        ctx.out << '\n';
        for (qsizetype i = 0; i < outcomes.size(); ++i) {
            const Eval::EvalResult &r = outcomes[i];
            const QString who = i < result.recipients.size() ? result.recipients[i].recipient : QString();
            const QString codes = r.rewritten ? QStringLiteral("%1 → %2").arg(r.originalCode).arg(r.response.code)
                                              : QString::number(r.response.code);
            ctx.out << QStringLiteral("%1  %2  %3  %4\n    %5\n")
                           .arg(who, smtpPhaseName(r.phase), codes, recordTypeName(r.recordType), r.explanation);
        }
    }
    ctx.out.flush();
    return result.error.isEmpty() ? ExitOk : ExitFailure;
}

} // namespace Dsn::Cli
