// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include "Command.h"

namespace Dsn::Cli {

/// `export`: writes the JSON table KumoMTA loads (and optionally the Lua policy).
class ExportCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("export"); }
    QString description() const override;
    int execute(const QStringList &arguments, CommandContext &ctx) override;
};

} // namespace Dsn::Cli
