// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "InputLineParser.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace Dsn::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("InputLineParser", text);
}

QString literalBreaksToReal(const QString &text)
{
    QString s = text;
    s.replace(QLatin1String("\\r\\n"), QLatin1String("\n"));
    return s;
}

} // namespace

InputLineParser::InputLineParser(SmtpPhase defaultPhase, QString defaultQueue)
    : m_defaultPhase(defaultPhase)
    , m_defaultQueue(std::move(defaultQueue))
{
}

Result<Eval::EvalInput> InputLineParser::parse(const QString &line) const
{
    Eval::EvalInput in;
    in.phase = m_defaultPhase;
    in.queue = m_defaultQueue;
    const QString trimmed = line.trimmed();
    if (!trimmed.startsWith(QLatin1Char('{'))) {
        in.response = literalBreaksToReal(trimmed);
        return in;
    }

    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(trimmed.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        return Diagnostic::error(QStringLiteral("input-json"),
                                 tr("invalid JSON input at column %1: %2").arg(error.offset + 1).arg(error.errorString()));
    }
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("response")).isString()) {
        in.response = o.value(QStringLiteral("response")).toString();
    } else if (o.value(QStringLiteral("lines")).isArray()) {
        QStringList lines;
        for (const QJsonValue &v : o.value(QStringLiteral("lines")).toArray())
            lines.append(v.toString());
        in.response = lines.join(QLatin1Char('\n'));
    } else if (o.value(QStringLiteral("text")).isString()) {
        in.response = literalBreaksToReal(o.value(QStringLiteral("text")).toString());
    } else {
        return Diagnostic::error(QStringLiteral("input-json"),
                                 tr("the JSON input has no \"response\", \"lines\" or \"text\" field"));
    }
    if (o.contains(QStringLiteral("phase"))) {
        const QString name = o.value(QStringLiteral("phase")).toString();
        const auto phase = smtpPhaseFromName(name);
        if (!phase)
            return Diagnostic::error(QStringLiteral("input-json"), tr("unknown phase \"%1\"").arg(name));
        in.phase = *phase;
    }
    if (o.value(QStringLiteral("queue")).isString())
        in.queue = o.value(QStringLiteral("queue")).toString();
    in.sender = o.value(QStringLiteral("sender")).toString();
    in.recipient = o.value(QStringLiteral("recipient")).toString();
    if (o.value(QStringLiteral("command")).isString())
        in.command = o.value(QStringLiteral("command")).toString();
    return in;
}

} // namespace Dsn::Cli
