// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include "Command.h"

namespace Dsn::Cli {

/// `test PROJECT`: checks every sample's expectation; prints `N passed, N failed`.
class TestCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("test"); }
    QString description() const override;
    int execute(const QStringList &arguments, CommandContext &ctx) override;
};

} // namespace Dsn::Cli
