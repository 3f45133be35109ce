// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include "Command.h"

namespace Dsn::Cli {

/// `probe --server HOST:PORT --from A --to B …`: one real SMTP transaction, its transcript, and
/// per recipient what the policy makes of the reply.
class ProbeCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("probe"); }
    QString description() const override;
    int execute(const QStringList &arguments, CommandContext &ctx) override;
};

} // namespace Dsn::Cli
