// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "replay/ReplayDecision.h"

#include <utility>

#include <QJsonValue>

#include "common/RecordType.h"

namespace Dsn::Replay {

namespace {

/// Takes the record's grouping fields; its input (the reply) stays for the caller.
ReplayDecision fromRecord(const QString &file, qint64 line, LogRecord &record)
{
    ReplayDecision d;
    d.file = file;
    d.line = line;
    d.queue = std::move(record.queue);
    d.domain = std::move(record.domain);
    d.site = std::move(record.site);
    d.tenant = std::move(record.queueName.tenant);
    d.campaign = std::move(record.queueName.campaign);
    d.oldType = record.type;
    d.oldCode = record.code;
    return d;
}

/// The reply's first line, as the event would have received it.
QString firstLine(const QString &reply)
{
    const qsizetype lf = reply.indexOf(QLatin1Char('\n'));
    return lf < 0 ? reply : reply.first(lf);
}

QJsonObject typeCodeAndClass(const QString &type, int code, const QString &bounceClass)
{
    return QJsonObject{{QStringLiteral("type"), type}, {QStringLiteral("code"), code},
                       {QStringLiteral("class"), bounceClass}};
}

} // namespace

ReplayDecision ReplayDecision::fromEvaluation(const QString &file, qint64 line, LogRecord &&record,
                                              Eval::EvalResult &&result)
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
    d.oldClass = result.classificationBeforeRewrite.isEmpty() ? result.bounceClassification
                                                              : std::move(result.classificationBeforeRewrite);
    d.newClass = std::move(result.bounceClassification);
    d.eventCalled = result.eventCalled;
    d.response = result.eventCalled ? std::move(result.eventResponse) : firstLine(record.input.response);
    d.rewritten = result.rewritten;
    d.policyError = result.policyError.has_value();
    d.inputError = result.inputError.has_value();
    return d;
}

ReplayDecision ReplayDecision::unchanged(const QString &file, qint64 line, LogRecord &&record)
{
    ReplayDecision d = fromRecord(file, line, record);
    d.newType = record.type;
    d.newCode = record.code;
    d.oldClass = d.newClass = record.bounceClassification;
    d.internal = true;
    d.response = firstLine(record.input.response);
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
