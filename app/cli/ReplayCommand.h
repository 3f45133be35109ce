// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include "Command.h"

namespace Dsn::Cli {

/// `replay`: re-runs the failures of KumoMTA log files (plain or zstd, files or directories)
/// through the policy and prints how their outcomes change; --json for the full summary,
/// --emit for one decision per record. SIGINT or SIGTERM stops the replay: the partial summary
/// is printed, marked as cancelled, and the exit code is 128 + the signal number (130 for Ctrl-C).
class ReplayCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("replay"); }
    QString description() const override;
    int execute(const QStringList &arguments, CommandContext &ctx) override;
};

} // namespace Dsn::Cli
