// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <optional>

#include <QString>

namespace Dsn::Cli {

/// "host:port", "[::1]:port" as the --server and --listen options take them.
struct HostPort
{
    QString host;
    quint16 port = 0;

    /// nullopt unless there is a host and a port in 0–65535 (0 only when `allowZero`).
    static std::optional<HostPort> parse(const QString &text, bool allowZero);
};

} // namespace Dsn::Cli
