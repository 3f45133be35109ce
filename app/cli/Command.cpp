// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "Command.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Dsn::Cli {

bool Command::parseArguments(QCommandLineParser &parser, const QStringList &arguments, CommandContext &ctx,
                             int &exitCode) const
{
    parser.setApplicationDescription(description());
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QCoreApplication::translate("Command", "Show this help."));
    parser.addOption(help);
    if (!parser.parse(arguments)) {
        ctx.err << QStringLiteral("dsn-workbench-cli %1: %2\n").arg(name(), parser.errorText());
        ctx.err << QCoreApplication::translate("Command", "Try 'dsn-workbench-cli %1 --help'.\n").arg(name());
        exitCode = ExitUsage;
        return false;
    }
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        // QCommandLineParser names the program after argv[0]; show the subcommand instead.
        text.replace(QRegularExpression(QStringLiteral("^Usage: \\S+")),
                     QStringLiteral("Usage: dsn-workbench-cli ") + name());
        ctx.out << text;
        exitCode = ExitOk;
        return false;
    }
    return true;
}

} // namespace Dsn::Cli
