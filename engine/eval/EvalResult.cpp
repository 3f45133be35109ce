// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "eval/EvalResult.h"

#include <QJsonArray>

namespace Dsn::Eval {

namespace {

QJsonValue orNull(const QString &s)
{
    return s.isNull() ? QJsonValue() : QJsonValue(s);
}

} // namespace

QString EvalResult::classificationText() const
{
    return classificationChanged() ? QStringLiteral("%1 → %2").arg(classificationBeforeRewrite, bounceClassification)
                                   : bounceClassification;
}

QJsonObject EvalResult::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("profile"), compatProfileId(profile));
    o.insert(QStringLiteral("phase"), smtpPhaseName(phase));
    o.insert(QStringLiteral("queue"), queue.toString());
    o.insert(QStringLiteral("event_called"), eventCalled);
    if (eventCalled) {
        QJsonObject args;
        args.insert(QStringLiteral("response"), eventResponse);
        args.insert(QStringLiteral("domain"), queue.domain);
        args.insert(QStringLiteral("tenant"), orNull(queue.tenant));
        args.insert(QStringLiteral("campaign"), orNull(queue.campaign));
        args.insert(QStringLiteral("routing_domain"), queue.eventRoutingDomain());
        o.insert(QStringLiteral("event_args"), args);
        o.insert(QStringLiteral("handler_returned"), handlerReturned);
    } else {
        o.insert(QStringLiteral("event_args"), QJsonValue());
    }
    o.insert(QStringLiteral("original_code"), originalCode);
    o.insert(QStringLiteral("code"), response.code);
    o.insert(QStringLiteral("enhanced_code"),
             response.enhancedCode ? QJsonValue(response.enhancedCode->toString()) : QJsonValue());
    o.insert(QStringLiteral("record_type"), recordTypeName(recordType));
    o.insert(QStringLiteral("rewritten"), rewritten);
    o.insert(QStringLiteral("content"), response.contentSingleLine());
    o.insert(QStringLiteral("bounce_classification"), bounceClassification);
    if (!classificationBeforeRewrite.isEmpty())
        o.insert(QStringLiteral("bounce_classification_before_rewrite"), classificationBeforeRewrite);
    o.insert(QStringLiteral("log_record"), logRecord);

    QJsonArray m;
    for (const MatchedRule &r : matched) {
        QJsonObject mo;
        mo.insert(QStringLiteral("rule"), r.index + 1);
        mo.insert(QStringLiteral("pattern"), r.pattern);
        mo.insert(QStringLiteral("value"), r.value);
        if (r.spanStart >= 0) {
            mo.insert(QStringLiteral("start"), qint64(r.spanStart));
            mo.insert(QStringLiteral("length"), qint64(r.spanLength));
        }
        m.append(mo);
    }
    o.insert(QStringLiteral("matched"), m);
    o.insert(QStringLiteral("ambiguous"), ambiguous);
    if (ambiguous) {
        QJsonArray values;
        for (const QJsonValue &v : possibleValues)
            values.append(v);
        o.insert(QStringLiteral("possible_values"), values);
    }
    o.insert(QStringLiteral("profile_sensitive"), profileSensitive);
    if (profileSensitive)
        o.insert(QStringLiteral("profile_note"), profileNote);
    o.insert(QStringLiteral("explanation"), explanation);
    if (inputError)
        o.insert(QStringLiteral("error"), inputError->message);
    else if (policyError)
        o.insert(QStringLiteral("error"), policyError->message);
    else
        o.insert(QStringLiteral("error"), QJsonValue());
    if (policyError && policyError->line > 0) {
        o.insert(QStringLiteral("error_location"),
                 QJsonObject{{QStringLiteral("source"), policyError->source}, {QStringLiteral("line"), policyError->line}});
    }
    if (!policyLog.isEmpty())
        o.insert(QStringLiteral("policy_log"), QJsonArray::fromStringList(policyLog));
    return o;
}

} // namespace Dsn::Eval
