// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "sandbox/AcceptedMessage.h"

#include <QDateTime>

namespace Dsn::Sandbox {

QByteArray AcceptedMessage::toEml() const
{
    const QString date = QDateTime::fromMSecsSinceEpoch(receivedWallMs, Qt::UTC).toString(Qt::RFC2822Date);
    QByteArray out = "Return-Path: <" + sender.toUtf8() + ">\r\n";
    out += "Received: from " + helo.toUtf8() + " ([" + client.toUtf8() + "])\r\n\tby DSN Workbench sandbox with " +
           (tls ? "ESMTPS" : "ESMTP") + " id " + QByteArray::number(id) + "\r\n\tfor <" +
           recipients.join(QStringLiteral(">, <")).toUtf8() + ">; " + date.toUtf8() + "\r\n";
    out += data;
    return out;
}

} // namespace Dsn::Sandbox
