// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "smtp/ClientOptions.h"

#include <QDateTime>
#include <QSysInfo>
#include <QUuid>

namespace Dsn::Smtp {

QString ClientOptions::effectiveHeloName() const
{
    if (!heloName.isEmpty())
        return heloName;
    const QString name = QSysInfo::machineHostName();
    return name.isEmpty() ? QStringLiteral("localhost") : name;
}

QByteArray ClientOptions::effectiveMessage() const
{
    return message.isEmpty() ? defaultMessage() : message;
}

QByteArray ClientOptions::defaultMessage() const
{
    const Clock &c = clock ? *clock : Clock::system();
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(c.wallMs(), Qt::UTC);
    const QString senderDomain = sender.section(QLatin1Char('@'), 1);
    const QString idDomain = senderDomain.isEmpty() ? effectiveHeloName() : senderDomain;
    QByteArray m;
    m += "From: <" + sender.toUtf8() + ">\r\n";
    m += "To: ";
    for (qsizetype i = 0; i < recipients.size(); ++i)
        m += (i ? ", <" : "<") + recipients[i].toUtf8() + ">";
    m += "\r\n";
    m += "Subject: DSN Workbench test message\r\n";
    m += "Date: " + now.toString(Qt::RFC2822Date).toUtf8() + "\r\n";
    m += "Message-ID: <" + QUuid::createUuid().toString(QUuid::Id128).toUtf8() + "@" + idDomain.toUtf8() + ">\r\n";
    m += "MIME-Version: 1.0\r\n";
    m += "Content-Type: text/plain; charset=us-ascii\r\n";
    m += "\r\n";
    m += "This message was sent by DSN Workbench to record how the server answers.\r\n";
    return m;
}

} // namespace Dsn::Smtp
