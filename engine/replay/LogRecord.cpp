// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "replay/LogRecord.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QRegularExpression>

#include "common/EnhancedStatusCode.h"
#include "common/SmtpPhase.h"
#include "project/detail/JsonSampleReader.h"
#include "project/detail/TextSampleReader.h"

namespace Dsn::Replay {

namespace {

Diagnostic malformed(const char *why)
{
    return Diagnostic::error(QStringLiteral("malformed-record"), QCoreApplication::translate("LogRecord", why));
}

/// `recipient` is a string, or an array when several recipients share one outcome.
QString firstRecipient(const QJsonValue &v)
{
    if (v.isArray())
        return v.toArray().at(0).toString();
    return v.toString();
}

} // namespace

Result<LogRecord> LogRecord::parse(const QByteArray &line)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError)
        return Diagnostic::error(QStringLiteral("malformed-record"),
                                 QCoreApplication::translate("LogRecord", "invalid JSON at offset %1: %2")
                                     .arg(error.offset)
                                     .arg(error.errorString()));
    if (!doc.isObject())
        return malformed(QT_TRANSLATE_NOOP("LogRecord", "not a JSON object"));
    const QJsonObject o = doc.object();
    LogRecord r;
    r.type = o.value(QLatin1String("type")).toString();
    if (r.type.isEmpty())
        return malformed(QT_TRANSLATE_NOOP("LogRecord", "the record has no \"type\""));
    r.queue = o.value(QLatin1String("queue")).toString();
    r.queueName = QueueName::parse(r.queue);
    r.site = o.value(QLatin1String("site")).toString();
    r.recipient = firstRecipient(o.value(QLatin1String("recipient")));
    r.domain = r.queueName.domain;
    if (r.domain.isEmpty())
        r.domain = r.recipient.section(QLatin1Char('@'), -1).toLower();

    const QJsonObject response = o.value(QLatin1String("response")).toObject();
    r.code = response.value(QLatin1String("code")).toInt();
    r.originalCode = r.code;
    r.isFailure = r.type == QLatin1String("TransientFailure") || r.type == QLatin1String("Bounce");
    if (!r.isFailure)
        return r;
    if (r.code < 200 || r.code > 599)
        return malformed(QT_TRANSLATE_NOOP("LogRecord", "the failure record has no SMTP response code"));

    QString content = response.value(QLatin1String("content")).toString();
    // Replaying the production policy's output would rewrite an already rewritten code.
    static const QRegularExpression note(QStringLiteral(" \\(kumomta: status was rewritten from (\\d{3}) -> (\\d{3})\\)$"));
    if (content.endsWith(QLatin1Char(')'))) {
        const QRegularExpressionMatch m = note.match(content);
        if (m.hasMatch() && m.captured(2).toInt() == r.code) {
            r.originalCode = m.captured(1).toInt();
            content.truncate(m.capturedStart());
        }
    }
    r.input.response = Project::Detail::JsonSampleReader::assembleReply(
        r.originalCode, EnhancedStatusCode::fromJson(response.value(QLatin1String("enhanced_code"))), content);
    r.input.queue = r.queue;
    r.input.recipient = r.recipient;
    r.input.sender = o.value(QLatin1String("sender")).toString();
    const QJsonValue command = response.value(QLatin1String("command"));
    if (command.isString()) {
        r.input.phase = Project::Detail::TextSampleReader::phaseForCommand(command.toString()).value_or(SmtpPhase::RcptTo);
        r.input.command = command.toString();
    } else {
        // No command: KumoMTA's own response (connection failure, timeout, I/O error). The event
        // never fires for those (spec §3), so the record stays what it was.
        r.internal = true;
        r.input.commandless = true;
    }
    return r;
}

} // namespace Dsn::Replay
