// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "project/Sample.h"

#include <QCoreApplication>
#include <QStringList>

namespace Dsn::Project {

QString Expectation::mismatch(const Eval::EvalResult &result) const
{
    QStringList problems;
    if (recordType && *recordType != result.recordType) {
        problems << QCoreApplication::translate("Expectation", "expected %1, got %2")
                        .arg(recordTypeName(*recordType), recordTypeName(result.recordType));
    }
    if (code && *code != result.response.code) {
        problems << QCoreApplication::translate("Expectation", "expected code %1, got %2")
                        .arg(*code)
                        .arg(result.response.code);
    }
    if (rewritten && *rewritten != result.rewritten) {
        problems << (*rewritten ? QCoreApplication::translate("Expectation", "expected a rewrite, got none")
                                : QCoreApplication::translate("Expectation", "expected no rewrite, got one"));
    }
    return problems.join(QStringLiteral("; "));
}

QJsonObject Expectation::toJson() const
{
    QJsonObject o;
    if (recordType)
        o.insert(QStringLiteral("record_type"), recordTypeName(*recordType));
    if (code)
        o.insert(QStringLiteral("code"), *code);
    if (rewritten)
        o.insert(QStringLiteral("rewritten"), *rewritten);
    return o;
}

Expectation Expectation::fromJson(const QJsonObject &o)
{
    Expectation e;
    if (o.contains(QStringLiteral("record_type")))
        e.recordType = recordTypeFromName(o.value(QStringLiteral("record_type")).toString());
    if (o.value(QStringLiteral("code")).isDouble())
        e.code = o.value(QStringLiteral("code")).toInt();
    if (o.value(QStringLiteral("rewritten")).isBool())
        e.rewritten = o.value(QStringLiteral("rewritten")).toBool();
    return e;
}

Eval::EvalInput Sample::toInput() const
{
    Eval::EvalInput in;
    in.response = response;
    in.phase = phase;
    in.queue = queue;
    return in;
}

QJsonObject Sample::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("response"), response);
    o.insert(QStringLiteral("phase"), smtpPhaseName(phase));
    if (!queue.isEmpty())
        o.insert(QStringLiteral("queue"), queue);
    if (!note.isEmpty())
        o.insert(QStringLiteral("note"), note);
    if (!expect.isEmpty())
        o.insert(QStringLiteral("expect"), expect.toJson());
    return o;
}

Sample Sample::fromJson(const QJsonObject &o)
{
    Sample s;
    s.response = o.value(QStringLiteral("response")).toString();
    s.phase = smtpPhaseFromName(o.value(QStringLiteral("phase")).toString()).value_or(SmtpPhase::RcptTo);
    s.queue = o.value(QStringLiteral("queue")).toString();
    s.note = o.value(QStringLiteral("note")).toString();
    s.expect = Expectation::fromJson(o.value(QStringLiteral("expect")).toObject());
    return s;
}

} // namespace Dsn::Project
