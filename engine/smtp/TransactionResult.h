// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include "common/SmtpPhase.h"
#include "smtp/RecipientResult.h"
#include "smtp/TlsInfo.h"
#include "smtp/Transcript.h"

namespace Dsn::Smtp {

/// What one SmtpClient run found out: the server's capabilities, TLS, and every recipient's fate.
struct TransactionResult
{
    QString host;
    quint16 port = 0;
    QString sender;          ///< MAIL FROM address as given
    QString peerAddress;     ///< the address actually connected to ("127.0.0.1", "::1")
    QString greeting;        ///< the greeting's first line
    bool esmtp = false;      ///< EHLO worked (false after the HELO fallback)
    /// EHLO keywords with their parameters as sent, e.g. "SIZE 35882577", "AUTH PLAIN LOGIN".
    QStringList capabilities;
    bool pipelined = false;  ///< MAIL/RCPT/DATA went out as one group
    bool authenticated = false;
    TlsInfo tls;
    qint64 messageSize = 0;  ///< bytes after line-ending normalisation, before dot-stuffing

    QList<RecipientResult> recipients;
    Transcript transcript;

    /// Empty when every recipient got a server decision; otherwise why the run stopped.
    QString error;
    /// The phase in progress when the run stopped early.
    SmtpPhase errorPhase = SmtpPhase::Connect;
    qint64 durationMs = 0;

    bool ok() const { return error.isEmpty(); }
    bool hasCapability(QStringView keyword) const;
    /// The parameters after a keyword ("PLAIN LOGIN" for AUTH), empty when absent.
    QString capabilityArguments(QStringView keyword) const;
};

} // namespace Dsn::Smtp

Q_DECLARE_METATYPE(Dsn::Smtp::TransactionResult)
