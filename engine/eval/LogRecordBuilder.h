// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QJsonObject>
#include <QString>

#include "common/Clock.h"
#include "common/RecordType.h"
#include "common/SmtpResponse.h"

namespace Dsn::Eval {

/// Writes the JSON log record KumoMTA emits for a delivery attempt (spec §9 field names).
class LogRecordBuilder
{
public:
    struct Fields
    {
        RecordType type = RecordType::TransientFailure;
        SmtpResponse response;
        QString queue;
        QString sender;
        QString recipient;
        QString site;
        QString peerName;
        QString peerAddress;
        qint64 size = 0;
        int numAttempts = 1;
        QString bounceClassification = QStringLiteral("Uncategorized");
        /// Seed for a stable record id, so the same input always gives the same record.
        QString idSeed;
    };

    static QJsonObject build(const Fields &fields, const Clock &clock = Clock::system());
};

} // namespace Dsn::Eval
