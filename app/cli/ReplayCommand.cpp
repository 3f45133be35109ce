// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "ReplayCommand.h"

#include <algorithm>
#include <optional>
#include <thread>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaObject>
#include <QObject>
#include <QTextStream>

#include "PolicyOptions.h"
#include "SignalWatcher.h"
#include "replay/ReplayEngine.h"

namespace Dsn::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ReplayCommand", text);
}

QString mebibytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1);
}

} // namespace

QString ReplayCommand::description() const
{
    return tr("Replay KumoMTA log files through the policy: how would today's rules have treated "
              "yesterday's failures?\n"
              "PATH is a log file (JSON Lines, plain or zstd-compressed) or a directory, read recursively.");
}

int ReplayCommand::execute(const QStringList &arguments, CommandContext &ctx)
{
    QCommandLineParser parser;
    PolicyOptions policy;
    policy.addTo(parser);
    const QCommandLineOption jsonOpt(QStringLiteral("json"), tr("Print the full summary as JSON (the format merge reads)."));
    const QCommandLineOption emitOpt(QStringLiteral("emit"),
                                     tr("Write one decision per failure record as JSON Lines to FILE (- for stdout)."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption threadsOpt(QStringLiteral("threads"), tr("Worker threads (default: one per core)."),
                                        QStringLiteral("N"));
    const QCommandLineOption samplesOpt(QStringLiteral("samples"), tr("Sample records kept per transition (default 5)."),
                                        QStringLiteral("K"));
    const QCommandLineOption topOpt(QStringLiteral("top"), tr("Rows per list in the readable summary (default 10)."),
                                    QStringLiteral("N"));
    parser.addOptions({jsonOpt, emitOpt, threadsOpt, samplesOpt, topOpt});
    parser.addPositionalArgument(QStringLiteral("PATH"), tr("Log files or directories."), QStringLiteral("PATH…"));
    int exitCode = ExitOk;
    if (!parseArguments(parser, arguments, ctx, exitCode))
        return exitCode;

    const auto usage = [&](const QString &message) {
        ctx.err << QStringLiteral("dsn-workbench-cli replay: ") << message << '\n';
        return int(ExitUsage);
    };
    if (parser.positionalArguments().isEmpty())
        return usage(tr("no log file or directory given"));
    const auto number = [&](const QCommandLineOption &opt, int fallback, int minimum, bool &ok) {
        ok = true;
        if (!parser.isSet(opt))
            return fallback;
        const int n = parser.value(opt).toInt(&ok);
        ok = ok && n >= minimum;
        return n;
    };
    bool ok = true;
    Replay::ReplayOptions options;
    options.threads = number(threadsOpt, 0, 1, ok);
    if (!ok)
        return usage(tr("--threads needs a positive number"));
    options.limits.samplesPerCell = number(samplesOpt, options.limits.samplesPerCell, 0, ok);
    if (!ok)
        return usage(tr("--samples needs a number"));
    const int top = number(topOpt, 10, 1, ok);
    if (!ok)
        return usage(tr("--top needs a positive number"));
    const bool emitToStdout = parser.value(emitOpt) == QLatin1String("-");
    if (emitToStdout && parser.isSet(jsonOpt))
        return usage(tr("--json and --emit - both write to stdout; give --emit a file"));

    auto resolved = policy.resolve(parser);
    if (!resolved) {
        ctx.err << QStringLiteral("dsn-workbench-cli replay: ") << resolved.error().toString() << '\n';
        return resolved.error().code == QLatin1String("usage") ? ExitUsage : ExitFailure;
    }
    options.config = resolved->config;

    Replay::ReplayEngine engine(options);
    QFile emitFile;
    QTextStream emitStream;
    if (parser.isSet(emitOpt)) {
        if (!emitToStdout) {
            emitFile.setFileName(parser.value(emitOpt));
            if (!emitFile.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
                ctx.err << tr("dsn-workbench-cli replay: cannot write %1: %2\n").arg(emitFile.fileName(), emitFile.errorString());
                return ExitFailure;
            }
            emitStream.setDevice(&emitFile);
        }
        QTextStream &target = emitToStdout ? ctx.out : emitStream;
        engine.setDecisionCallback([&target](const Replay::ReplayDecision &d) {
            target << QString::fromUtf8(QJsonDocument(d.toJson()).toJson(QJsonDocument::Compact)) << '\n';
        });
    }
    QElapsedTimer sinceLast;
    sinceLast.start();
    if (ctx.interactive) {
        // For people watching a long run; never in pipes or logs, where it would be noise.
        engine.setProgressCallback([&](const Replay::ReplayProgress &p) {
            if (sinceLast.elapsed() < 200 && p.filesDone < p.files)
                return;
            sinceLast.restart();
            const int percent = p.totalBytes > 0 ? int(p.bytesRead * 100 / p.totalBytes) : 100;
            ctx.err << '\r'
                    << tr("%1 / %2 MiB (%3%), %4 lines, file %5 of %6")
                           .arg(mebibytes(p.bytesRead), mebibytes(p.totalBytes))
                           .arg(percent)
                           .arg(p.lines)
                           .arg(std::min(p.filesDone + 1, p.files))
                           .arg(p.files);
            ctx.err.flush();
        });
    }

    // The replay runs on its own thread so this one can watch for Ctrl-C (SIGINT) and SIGTERM:
    // the engine then stops soon and the summary of what was read so far is still printed.
    std::optional<Result<Replay::ReplaySummary>> summary;
    int signalNumber = 0;
    {
        QEventLoop loop;
        SignalWatcher watcher;
        QObject::connect(&watcher, &SignalWatcher::interrupted, &loop, [&engine, &signalNumber](int number) {
            signalNumber = number;
            engine.cancel();
        });
        std::thread runner([&] {
            summary.emplace(engine.run(parser.positionalArguments()));
            QMetaObject::invokeMethod(&loop, &QEventLoop::quit, Qt::QueuedConnection);
        });
        loop.exec();
        runner.join();
    }
    if (ctx.interactive)
        ctx.err << '\n';
    emitStream.flush();
    if (!*summary) {
        ctx.err << QStringLiteral("dsn-workbench-cli replay: ") << summary->error().message << '\n';
        return ExitFailure;
    }
    const bool interrupted = signalNumber != 0 && engine.cancelled();
    QTextStream &report = emitToStdout ? ctx.err : ctx.out;
    if (parser.isSet(jsonOpt)) {
        QJsonObject json = (*summary)->toJson();
        // An extra key merge ignores: a partial summary still merges, but says what it is.
        if (interrupted)
            json.insert(QStringLiteral("cancelled"), true);
        report << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented));
    } else {
        if (interrupted)
            report << tr("Replay cancelled: the summary covers only the records read before the interruption.\n");
        report << (*summary)->text(top);
    }
    report.flush();
    if (interrupted) {
        ctx.err << tr("dsn-workbench-cli replay: cancelled\n");
        ctx.err.flush();
        // The shell convention for "ended by signal N", so scripts can tell a partial run.
        return 128 + signalNumber;
    }
    return ExitOk;
}

} // namespace Dsn::Cli
