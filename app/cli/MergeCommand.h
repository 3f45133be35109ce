// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include "Command.h"

namespace Dsn::Cli {

/// `merge`: combines `replay --json` summaries of parts of a log into the summary of the whole.
class MergeCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("merge"); }
    QString description() const override;
    int execute(const QStringList &arguments, CommandContext &ctx) override;
};

} // namespace Dsn::Cli
