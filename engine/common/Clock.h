// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QtGlobal>

namespace Dsn {

/**
 * The engine's only source of time, so memoize TTLs and SMTP timeouts can be tested without
 * sleeping. Implementations must be thread-safe.
 */
class Clock
{
public:
    virtual ~Clock() = default;
    /// Milliseconds on a monotonic scale (only differences are meaningful).
    virtual qint64 monotonicMs() const = 0;
    /// Milliseconds since the Unix epoch, for timestamps in log records.
    virtual qint64 wallMs() const = 0;

    /// The process-wide real clock.
    static const Clock &system();
};

} // namespace Dsn
