// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "MergeCommand.h"

#include <optional>

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include "replay/ReplaySummary.h"

namespace Dsn::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("MergeCommand", text);
}

} // namespace

QString MergeCommand::description() const
{
    return tr("Combine replay summaries (replay --json) of parts of a log into one, printed as JSON.\n"
              "Counts add up exactly; see the summary's groupCap for the per-group limit.");
}

int MergeCommand::execute(const QStringList &arguments, CommandContext &ctx)
{
    QCommandLineParser parser;
    const QCommandLineOption textOpt(QStringLiteral("text"), tr("Print the readable summary instead of JSON."));
    parser.addOption(textOpt);
    parser.addPositionalArgument(QStringLiteral("SUMMARY.json"), tr("Summaries written by replay --json."),
                                 QStringLiteral("SUMMARY.json…"));
    int exitCode = ExitOk;
    if (!parseArguments(parser, arguments, ctx, exitCode))
        return exitCode;
    if (parser.positionalArguments().isEmpty()) {
        ctx.err << tr("dsn-workbench-cli merge: no summary given\n");
        return ExitUsage;
    }

    std::optional<Replay::ReplaySummary> total;
    for (const QString &path : parser.positionalArguments()) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            ctx.err << tr("dsn-workbench-cli merge: cannot read %1: %2\n").arg(path, file.errorString());
            return ExitFailure;
        }
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
        auto summary = Replay::ReplaySummary::fromJson(doc.object());
        if (error.error != QJsonParseError::NoError || !summary) {
            const QString why = error.error != QJsonParseError::NoError ? error.errorString() : summary.error().message;
            ctx.err << tr("dsn-workbench-cli merge: %1: %2\n").arg(path, why);
            return ExitFailure;
        }
        if (total)
            total->merge(*summary);
        else
            total = std::move(summary).value();
    }
    if (parser.isSet(textOpt))
        ctx.out << total->text();
    else
        ctx.out << QString::fromUtf8(QJsonDocument(total->toJson()).toJson(QJsonDocument::Indented));
    return ExitOk;
}

} // namespace Dsn::Cli
