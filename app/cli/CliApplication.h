// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <memory>
#include <vector>

#include "Command.h"

namespace Dsn::Cli {

/// Picks the subcommand named by the first argument and runs it; `main` is only this call.
class CliApplication
{
public:
    CliApplication();
    ~CliApplication();

    /// `arguments` as in argv, program name first.
    int run(const QStringList &arguments, CommandContext &ctx);

private:
    void printUsage(QTextStream &out) const;

    std::vector<std::unique_ptr<Command>> m_commands;
};

} // namespace Dsn::Cli
