// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Dsn::Sandbox {

/// A message the sandbox accepted. It is never relayed: it stays in memory and, optionally, in a folder.
struct AcceptedMessage
{
    quint64 id = 0; ///< server-wide sequence number, also the "queued as" id
    quint64 sessionId = 0;
    QString client; ///< peer IP address
    QString helo;
    QString sender; ///< "" for the null sender
    QStringList recipients;
    QByteArray data; ///< dot-unstuffed, CRLF line ends, without the final "."
    qint64 receivedWallMs = 0;
    bool tls = false;

    /// The message as an .eml file: Return-Path and a Received trace header, then `data`.
    QByteArray toEml() const;
};

} // namespace Dsn::Sandbox

Q_DECLARE_METATYPE(Dsn::Sandbox::AcceptedMessage)
