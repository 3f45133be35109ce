// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "eval/LogRecordBuilder.h"

#include <QDateTime>
#include <QUuid>

namespace Dsn::Eval {

namespace {

QJsonValue orNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

} // namespace

QJsonObject LogRecordBuilder::build(const Fields &f, const Clock &clock)
{
    static const QUuid kNamespace = QUuid(QStringLiteral("{4f7b2c1e-8d5a-4e36-9b0c-6a1d3e5f7a90}"));
    const qint64 nowMs = clock.wallMs();

    QJsonObject r;
    r.insert(QStringLiteral("type"), recordTypeName(f.type));
    // KumoMTA ids are 32 hex digits; a name-based UUID keeps them stable for the same input.
    r.insert(QStringLiteral("id"), QUuid::createUuidV5(kNamespace, f.idSeed).toString(QUuid::Id128));
    r.insert(QStringLiteral("sender"), f.sender);
    r.insert(QStringLiteral("recipient"), f.recipient);
    r.insert(QStringLiteral("queue"), f.queue);
    r.insert(QStringLiteral("site"), f.site);
    r.insert(QStringLiteral("size"), f.size);
    r.insert(QStringLiteral("response"), f.response.toJson());
    if (f.peerName.isEmpty() && f.peerAddress.isEmpty()) {
        r.insert(QStringLiteral("peer_address"), QJsonValue());
    } else {
        r.insert(QStringLiteral("peer_address"),
                 QJsonObject{{QStringLiteral("name"), f.peerName}, {QStringLiteral("addr"), f.peerAddress}});
    }
    r.insert(QStringLiteral("timestamp"), nowMs / 1000);
    r.insert(QStringLiteral("event_time"),
             QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC).toString(Qt::ISODateWithMs));
    r.insert(QStringLiteral("created"), nowMs / 1000);
    r.insert(QStringLiteral("num_attempts"), f.numAttempts);
    r.insert(QStringLiteral("bounce_classification"), f.bounceClassification);
    r.insert(QStringLiteral("egress_pool"), QStringLiteral("unspecified"));
    r.insert(QStringLiteral("egress_source"), QStringLiteral("unspecified"));
    r.insert(QStringLiteral("delivery_protocol"), QStringLiteral("ESMTP"));
    r.insert(QStringLiteral("feedback_report"), QJsonValue());
    r.insert(QStringLiteral("meta"), QJsonObject());
    r.insert(QStringLiteral("headers"), QJsonObject());
    r.insert(QStringLiteral("source_address"), orNull(QString()));
    return r;
}

} // namespace Dsn::Eval
