// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include "Command.h"

namespace Dsn::Cli {

/// `generate`: writes a synthetic, reproducible KumoMTA log for trying replay and for benchmarks.
class GenerateCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("generate"); }
    QString description() const override;
    int execute(const QStringList &arguments, CommandContext &ctx) override;
};

} // namespace Dsn::Cli
