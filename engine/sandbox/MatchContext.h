// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QString>
#include <QStringList>

namespace Dsn::Sandbox {

/// What a session knows when it asks the scenario how to answer: the values rules match against.
struct MatchContext
{
    QString client;          ///< peer IP address as text ("127.0.0.1")
    QString helo;            ///< EHLO/HELO argument
    QString sender;          ///< MAIL FROM address without angle brackets ("" for the null sender)
    QString recipient;       ///< the address of the RCPT TO being answered; null outside RCPT TO
    QStringList recipients;  ///< recipients accepted so far in this transaction
    qint64 messageBytes = 0; ///< size of the received message (end of data only)
};

} // namespace Dsn::Sandbox
