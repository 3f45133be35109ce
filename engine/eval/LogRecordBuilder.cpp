// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "eval/LogRecordBuilder.h"

#include <limits>

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
    // Every record has the same keys, most with fixed values. Copying a finished object and
    // replacing the variable values costs one detach instead of a reallocation per inserted key;
    // live re-evaluation builds thousands of these per rule edit.
    static const QJsonObject kTemplate = [] {
        QJsonObject t;
        for (const char *key : {"type", "id", "sender", "recipient", "queue", "site", "size", "response",
                                "peer_address", "timestamp", "event_time", "created", "num_attempts",
                                "bounce_classification"})
            t.insert(QLatin1String(key), QJsonValue());
        t.insert(QStringLiteral("egress_pool"), QStringLiteral("unspecified"));
        t.insert(QStringLiteral("egress_source"), QStringLiteral("unspecified"));
        t.insert(QStringLiteral("delivery_protocol"), QStringLiteral("ESMTP"));
        t.insert(QStringLiteral("feedback_report"), QJsonValue());
        t.insert(QStringLiteral("meta"), QJsonObject());
        t.insert(QStringLiteral("headers"), QJsonObject());
        t.insert(QStringLiteral("source_address"), orNull(QString()));
        return t;
    }();
    const qint64 nowMs = clock.wallMs();
    // Formatting a date is slow next to the rest, and a run stamps many records in the same
    // millisecond.
    thread_local qint64 t_lastMs = std::numeric_limits<qint64>::min();
    thread_local QString t_lastTime;
    if (nowMs != t_lastMs) {
        t_lastTime = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC).toString(Qt::ISODateWithMs);
        t_lastMs = nowMs;
    }

    QJsonObject r = kTemplate;
    r[QLatin1String("type")] = recordTypeName(f.type);
    // KumoMTA ids are 32 hex digits; a name-based UUID keeps them stable for the same input.
    r[QLatin1String("id")] = QUuid::createUuidV5(kNamespace, f.idSeed).toString(QUuid::Id128);
    r[QLatin1String("sender")] = f.sender;
    r[QLatin1String("recipient")] = f.recipient;
    r[QLatin1String("queue")] = f.queue;
    r[QLatin1String("site")] = f.site;
    r[QLatin1String("size")] = f.size;
    r[QLatin1String("response")] = f.response.toJson();
    if (!f.peerName.isEmpty() || !f.peerAddress.isEmpty()) {
        r[QLatin1String("peer_address")] =
            QJsonObject{{QStringLiteral("name"), f.peerName}, {QStringLiteral("addr"), f.peerAddress}};
    }
    r[QLatin1String("timestamp")] = nowMs / 1000;
    r[QLatin1String("event_time")] = t_lastTime;
    r[QLatin1String("created")] = nowMs / 1000;
    r[QLatin1String("num_attempts")] = f.numAttempts;
    r[QLatin1String("bounce_classification")] = f.bounceClassification;
    return r;
}

} // namespace Dsn::Eval
