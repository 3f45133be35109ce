// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "replay/ReplayDecision.h"

#include <QJsonValue>

#include "common/RecordType.h"

namespace Dsn::Replay {

namespace {

ReplayDecision fromRecord(const QString &file, qint64 line, const LogRecord &record)
{
    ReplayDecision d;
    d.file = file;
    d.line = line;
    d.queue = record.queue;
    d.domain = record.domain;
    d.site = record.site;
    d.tenant = record.queueName.tenant;
    d.campaign = record.queueName.campaign;
    d.oldType = record.type;
    d.oldCode = record.code;
    return d;
}

QJsonObject typeCodeAndClass(const QString &type, int code, const QString &bounceClass)
{
    return QJsonObject{{QStringLiteral("type"), type}, {QStringLiteral("code"), code},
                       {QStringLiteral("class"), bounceClass}};
}

} // namespace

ReplayDecision ReplayDecision::fromEvaluation(const QString &file, qint64 line, const LogRecord &record,
                                              const Eval::EvalResult &result)
{
    ReplayDecision d = fromRecord(file, line, record);
    d.newType = recordTypeName(result.recordType);
    d.newCode = result.response.code;
    if (!result.matched.isEmpty()) {
        // KumoMTA returns the lowest-index match; ambiguity is reported elsewhere.
        const Eval::MatchedRule *best = &result.matched.first();
        for (const Eval::MatchedRule &m : result.matched) {
            if (m.index < best->index)
                best = &m;
        }
        d.ruleIndex = best->index;
        d.rulePattern = best->pattern;
    }
    d.newClass = result.bounceClassification;
    d.oldClass = result.classificationBeforeRewrite.isEmpty() ? result.bounceClassification
                                                              : result.classificationBeforeRewrite;
    d.eventCalled = result.eventCalled;
    d.response = result.eventCalled ? result.eventResponse : record.input.response.section(QLatin1Char('\n'), 0, 0);
    d.rewritten = result.rewritten;
    d.policyError = result.policyError.has_value();
    d.inputError = result.inputError.has_value();
    return d;
}

ReplayDecision ReplayDecision::unchanged(const QString &file, qint64 line, const LogRecord &record)
{
    ReplayDecision d = fromRecord(file, line, record);
    d.newType = record.type;
    d.newCode = record.code;
    d.oldClass = d.newClass = record.bounceClassification;
    d.internal = true;
    d.response = record.input.response.section(QLatin1Char('\n'), 0, 0);
    return d;
}

QJsonObject ReplayDecision::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("file"), file);
    o.insert(QStringLiteral("line"), line);
    o.insert(QStringLiteral("queue"), queue);
    o.insert(QStringLiteral("old"), typeCodeAndClass(oldType, oldCode, oldClass));
    o.insert(QStringLiteral("new"), typeCodeAndClass(newType, newCode, newClass));
    o.insert(QStringLiteral("rule"), ruleIndex < 0 ? QJsonValue(QJsonValue::Null)
                                                   : QJsonValue(QJsonObject{{QStringLiteral("index"), ruleIndex},
                                                                            {QStringLiteral("pattern"), rulePattern}}));
    o.insert(QStringLiteral("rewritten"), rewritten);
    return o;
}

} // namespace Dsn::Replay
