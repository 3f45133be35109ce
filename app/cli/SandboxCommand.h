// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include "Command.h"

namespace Dsn::Cli {

/// `sandbox --scenario FILE [--listen 127.0.0.1:2525]`: runs the scripted SMTP server until
/// Ctrl-C (or --duration), logging every session.
class SandboxCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("sandbox"); }
    QString description() const override;
    int execute(const QStringList &arguments, CommandContext &ctx) override;
};

} // namespace Dsn::Cli
