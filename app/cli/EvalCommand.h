// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include "Command.h"

namespace Dsn::Cli {

/// `eval`: runs replies (stdin, a file, or the project's samples) through the policy and
/// prints one JSON object per reply, or a readable table with --table.
class EvalCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("eval"); }
    QString description() const override;
    int execute(const QStringList &arguments, CommandContext &ctx) override;
};

} // namespace Dsn::Cli
