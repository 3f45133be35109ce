// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "smtp/TranscriptEntry.h"

namespace Dsn::Smtp {

QString TranscriptEntry::directionMarker(Direction direction)
{
    switch (direction) {
    case Direction::Sent:
        return QStringLiteral("C:");
    case Direction::Received:
        return QStringLiteral("S:");
    case Direction::Info:
        break;
    }
    return QStringLiteral("*");
}

QString TranscriptEntry::toText() const
{
    return QStringLiteral("[%1 ms] %2 %3").arg(ms, 6).arg(directionMarker(direction), text);
}

} // namespace Dsn::Smtp
