// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include "Command.h"

namespace Dsn::Cli {

/// `lint TABLE.json`: JSON errors, invalid or KumoMTA-incompatible patterns, odd codes,
/// duplicates, shadowed rules and risky rewrites; bounce classifier files that do not load and,
/// for a project's samples, rewrites that lose the bounce classification. Exit 1 on errors.
class LintCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("lint"); }
    QString description() const override;
    int execute(const QStringList &arguments, CommandContext &ctx) override;
};

} // namespace Dsn::Cli
