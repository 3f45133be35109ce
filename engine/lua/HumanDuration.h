// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <optional>

#include <QStringView>

namespace Dsn::Lua {

/**
 * Duration text as KumoMTA reads it (the Rust `humantime` grammar): one or more
 * `<integer><unit>` pieces, optionally separated by spaces — "5 minutes", "10s", "1h 30m",
 * "2days", "250ms". Units: ns/nsec/nanos, us/usec, ms/msec/millis, s/sec/secs/second(s),
 * m/min/mins/minute(s), h/hr/hrs/hour(s), d/day(s), w/week(s), M/month(s) (30.44 days),
 * y/year(s) (365.25 days). A bare number without a unit is not a duration.
 */
class HumanDuration
{
public:
    /// Whole milliseconds (shorter pieces are truncated), or nullopt when `text` is no duration.
    static std::optional<qint64> parseMs(QStringView text);
};

} // namespace Dsn::Lua
