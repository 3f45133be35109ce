// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "common/Diagnostic.h"

namespace Dsn {

Diagnostic Diagnostic::error(QString code, QString message, QString source)
{
    Diagnostic d;
    d.severity = Severity::Error;
    d.code = std::move(code);
    d.message = std::move(message);
    d.source = std::move(source);
    return d;
}

Diagnostic Diagnostic::warning(QString code, QString message, QString source)
{
    Diagnostic d = error(std::move(code), std::move(message), std::move(source));
    d.severity = Severity::Warning;
    return d;
}

QString Diagnostic::severityName(Severity s)
{
    switch (s) {
    case Severity::Info:
        return QStringLiteral("info");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Error:
        break;
    }
    return QStringLiteral("error");
}

QString Diagnostic::toString() const
{
    QString where = source;
    if (line > 0) {
        where += QLatin1Char(':') + QString::number(line);
        if (column > 0)
            where += QLatin1Char(':') + QString::number(column);
    }
    if (ruleIndex >= 0) {
        if (!where.isEmpty())
            where += QLatin1Char(' ');
        where += QStringLiteral("rule %1").arg(ruleIndex + 1);
        if (!pattern.isNull())
            where += QStringLiteral(" (%1)").arg(pattern);
        if (position >= 0)
            where += QStringLiteral(" at position %1").arg(position);
    }
    // The code in brackets lets people grep and look up a finding ("error[regex-parse]: …").
    QString text = severityName(severity) + (code.isEmpty() ? QString() : QLatin1Char('[') + code + QLatin1Char(']'))
        + QStringLiteral(": ") + message;
    return where.isEmpty() ? text : where + QStringLiteral(": ") + text;
}

QJsonObject Diagnostic::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("severity"), severityName(severity));
    o.insert(QStringLiteral("code"), code);
    o.insert(QStringLiteral("message"), message);
    if (!source.isEmpty())
        o.insert(QStringLiteral("source"), source);
    if (line > 0)
        o.insert(QStringLiteral("line"), line);
    if (column > 0)
        o.insert(QStringLiteral("column"), column);
    if (ruleIndex >= 0)
        o.insert(QStringLiteral("rule"), ruleIndex + 1);
    if (position >= 0)
        o.insert(QStringLiteral("position"), position);
    if (!pattern.isNull())
        o.insert(QStringLiteral("pattern"), pattern);
    return o;
}

} // namespace Dsn
