// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QMetaType>
#include <QString>

#include "common/SmtpPhase.h"

namespace Dsn::Smtp {

/// One line of an SMTP session as the workbench shows it.
struct TranscriptEntry
{
    enum class Direction {
        Sent,     ///< client to server (AUTH secrets already masked)
        Received, ///< server to client, without its CRLF
        Info,     ///< the client's own notes: connected, TLS details, errors
    };

    Direction direction = Direction::Info;
    SmtpPhase phase = SmtpPhase::Connect;
    /// Milliseconds since the run started, from the run's Clock.
    qint64 ms = 0;
    QString text;

    /// "C:", "S:" or "*", the prefix used in text transcripts.
    static QString directionMarker(Direction direction);
    /// `[   12 ms] C: EHLO host`
    QString toText() const;
};

} // namespace Dsn::Smtp

Q_DECLARE_METATYPE(Dsn::Smtp::TranscriptEntry)
