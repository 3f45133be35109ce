// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "CliApplication.h"

#include <QCoreApplication>

#include "EvalCommand.h"
#include "ExportCommand.h"
#include "GenerateCommand.h"
#include "LintCommand.h"
#include "MergeCommand.h"
#include "ProbeCommand.h"
#include "ReplayCommand.h"
#include "SandboxCommand.h"
#include "TestCommand.h"

namespace Dsn::Cli {

CliApplication::CliApplication()
{
    m_commands.push_back(std::make_unique<EvalCommand>());
    m_commands.push_back(std::make_unique<LintCommand>());
    m_commands.push_back(std::make_unique<ExportCommand>());
    m_commands.push_back(std::make_unique<TestCommand>());
    m_commands.push_back(std::make_unique<SandboxCommand>());
    m_commands.push_back(std::make_unique<ProbeCommand>());
    m_commands.push_back(std::make_unique<ReplayCommand>());
    m_commands.push_back(std::make_unique<MergeCommand>());
    m_commands.push_back(std::make_unique<GenerateCommand>());
}

CliApplication::~CliApplication() = default;

void CliApplication::printUsage(QTextStream &out) const
{
    out << QCoreApplication::translate("CliApplication",
                                       "Usage: dsn-workbench-cli COMMAND [OPTIONS]\n"
                                       "Test KumoMTA smtp_client_rewrite_delivery_status policies.\n\nCommands:\n");
    for (const auto &c : m_commands)
        out << QStringLiteral("  %1  %2\n").arg(c->name().leftJustified(8), c->description().section(QLatin1Char('\n'), 0, 0));
    out << QCoreApplication::translate("CliApplication",
                                       "\nRun 'dsn-workbench-cli COMMAND --help' for a command's options.\n");
}

int CliApplication::run(const QStringList &arguments, CommandContext &ctx)
{
    if (arguments.size() < 2) {
        printUsage(ctx.err);
        return ExitUsage;
    }
    const QString name = arguments.at(1);
    if (name == QLatin1String("-h") || name == QLatin1String("--help") || name == QLatin1String("help")) {
        printUsage(ctx.out);
        return ExitOk;
    }
    if (name == QLatin1String("--version") || name == QLatin1String("version")) {
        ctx.out << QStringLiteral("dsn-workbench-cli %1\n").arg(QCoreApplication::applicationVersion());
        return ExitOk;
    }
    for (const auto &c : m_commands) {
        if (c->name() == name) {
            const int rc = c->execute(arguments.mid(1), ctx);
            ctx.out.flush();
            ctx.err.flush();
            return rc;
        }
    }
    ctx.err << QCoreApplication::translate("CliApplication", "dsn-workbench-cli: unknown command \"%1\"\n\n").arg(name);
    printUsage(ctx.err);
    return ExitUsage;
}

} // namespace Dsn::Cli
