// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "sandbox/Scenario.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include "common/JsonText.h"

namespace Dsn::Sandbox {

namespace {

Diagnostic scenarioError(const QString &sourceName, const QString &message)
{
    return Diagnostic::error(QStringLiteral("scenario"), message, sourceName);
}

ScriptedReply defaultGreeting(const QString &hostname)
{
    return ScriptedReply::make(220, QString(), hostname + QStringLiteral(" ESMTP DSN Workbench sandbox"));
}

} // namespace

Scenario Scenario::acceptAll()
{
    Scenario s;
    s.name = QStringLiteral("accept-all");
    s.greeting = defaultGreeting(s.hostname);
    return s;
}

Result<Scenario> Scenario::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return scenarioError(path, QCoreApplication::translate("Scenario", "cannot read %1: %2").arg(path, file.errorString()));
    // A scenario is a page of JSON; refusing huge files keeps a wrong path from eating memory.
    if (file.size() > 4 * 1024 * 1024)
        return scenarioError(path, QCoreApplication::translate("Scenario", "%1 is larger than 4 MiB").arg(path));
    return parse(file.readAll(), path, QFileInfo(path).absolutePath());
}

Result<Scenario> Scenario::parse(const QByteArray &json, const QString &sourceName, const QString &baseDir)
{
    auto parsed = JsonText::parse(json, sourceName);
    if (!parsed)
        return parsed.error();
    const QJsonValue root = JsonText::toQt(parsed.value());
    if (!root.isObject())
        return scenarioError(sourceName, QCoreApplication::translate("Scenario", "a scenario is a JSON object"));
    const QJsonObject o = root.toObject();
    static const QStringList known{QStringLiteral("format"),   QStringLiteral("name"),     QStringLiteral("comment"),
                                   QStringLiteral("hostname"), QStringLiteral("greeting"), QStringLiteral("ehlo"),
                                   QStringLiteral("limits"),   QStringLiteral("tls"),      QStringLiteral("rules")};
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!known.contains(it.key()))
            return scenarioError(sourceName, QCoreApplication::translate("Scenario", "unknown key '%1'").arg(it.key()));
    }
    const QJsonValue format = o.value(QStringLiteral("format"));
    if (!format.isDouble() || format.toInt() != FormatVersion)
        return scenarioError(
            sourceName, QCoreApplication::translate("Scenario", "'format' must be %1 (this version of the sandbox reads format %1)").arg(FormatVersion));

    Scenario s;
    s.sourceName = sourceName;
    s.name = o.value(QStringLiteral("name")).toString(QFileInfo(sourceName).completeBaseName());
    s.comment = o.value(QStringLiteral("comment")).toString();
    s.hostname = o.value(QStringLiteral("hostname")).toString(s.hostname);
    if (s.hostname.isEmpty() || s.hostname.contains(QLatin1Char(' ')))
        return scenarioError(sourceName, QCoreApplication::translate("Scenario", "'hostname' must be one word"));

    s.greeting = defaultGreeting(s.hostname);
    if (o.contains(QStringLiteral("greeting"))) {
        auto greeting = ScriptedReply::fromJson(o.value(QStringLiteral("greeting")), QStringLiteral("greeting"));
        if (!greeting) {
            Diagnostic d = greeting.error();
            d.source = sourceName;
            return d;
        }
        s.greeting = greeting.value();
    }

    if (o.contains(QStringLiteral("ehlo"))) {
        const QJsonValue ehlo = o.value(QStringLiteral("ehlo"));
        if (!ehlo.isArray())
            return scenarioError(sourceName, QCoreApplication::translate("Scenario", "'ehlo' must be an array of capability strings"));
        s.ehlo.clear();
        for (const QJsonValue &v : ehlo.toArray()) {
            const QString kw = v.toString();
            if (!v.isString() || kw.isEmpty() || kw.contains(QLatin1Char('\r')) || kw.contains(QLatin1Char('\n')))
                return scenarioError(sourceName, QCoreApplication::translate("Scenario", "'ehlo' entries must be non-empty one-line strings"));
            s.ehlo.append(kw);
            // An advertised SIZE is the limit clients plan for, so it is also the one enforced.
            if (kw.startsWith(QLatin1String("SIZE "), Qt::CaseInsensitive)) {
                bool ok = false;
                const qint64 size = kw.mid(5).trimmed().toLongLong(&ok);
                if (ok && size > 0)
                    s.maxMessageBytes = size;
            }
        }
    }

    if (o.contains(QStringLiteral("limits"))) {
        const QJsonObject limits = o.value(QStringLiteral("limits")).toObject();
        struct Limit
        {
            const char *key;
            qint64 min;
            qint64 max;
        };
        const Limit table[] = {{"max_message_bytes", 1, qint64(512) * 1024 * 1024},
                               {"max_recipients", 1, 100000},
                               {"idle_timeout_ms", 100, 86'400'000},
                               {"max_sessions", 1, 10000}};
        for (auto it = limits.begin(); it != limits.end(); ++it) {
            const Limit *limit = nullptr;
            for (const Limit &l : table) {
                if (it.key() == QLatin1String(l.key))
                    limit = &l;
            }
            if (!limit)
                return scenarioError(sourceName, QCoreApplication::translate("Scenario", "unknown limit '%1'").arg(it.key()));
            const double v = it.value().toDouble(-1);
            if (!it.value().isDouble() || v != double(qint64(v)) || v < double(limit->min) || v > double(limit->max))
                return scenarioError(sourceName, QCoreApplication::translate("Scenario", "limit '%1' must be a whole number from %2 to %3")
                                                     .arg(it.key())
                                                     .arg(limit->min)
                                                     .arg(limit->max));
            const qint64 n = qint64(v);
            if (it.key() == QLatin1String("max_message_bytes"))
                s.maxMessageBytes = n;
            else if (it.key() == QLatin1String("max_recipients"))
                s.maxRecipients = int(n);
            else if (it.key() == QLatin1String("idle_timeout_ms"))
                s.idleTimeoutMs = int(n);
            else
                s.maxSessions = int(n);
        }
    }

    if (o.contains(QStringLiteral("tls"))) {
        const QJsonObject tls = o.value(QStringLiteral("tls")).toObject();
        const QString cert = tls.value(QStringLiteral("certificate")).toString();
        const QString key = tls.value(QStringLiteral("key")).toString();
        if (cert.isEmpty() || key.isEmpty() || tls.size() != 2)
            return scenarioError(sourceName, QCoreApplication::translate("Scenario", "'tls' needs exactly 'certificate' and 'key' (file paths)"));
        const QDir base(baseDir.isEmpty() ? QDir::currentPath() : baseDir);
        s.tlsCertificatePath = QDir::cleanPath(base.absoluteFilePath(cert));
        s.tlsKeyPath = QDir::cleanPath(base.absoluteFilePath(key));
    }

    const QJsonValue rules = o.value(QStringLiteral("rules"));
    if (!rules.isUndefined() && !rules.isArray())
        return scenarioError(sourceName, QCoreApplication::translate("Scenario", "'rules' must be an array"));
    const QJsonArray array = rules.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        auto rule = ScenarioRule::fromJson(array.at(i), int(i), sourceName);
        if (!rule)
            return rule.error();
        s.rules.push_back(std::move(rule).value());
    }
    return s;
}

QStringList Scenario::ehloKeywords(bool tlsAvailable) const
{
    QStringList out;
    for (const QString &kw : ehlo) {
        if (!tlsAvailable && kw.compare(QLatin1String("STARTTLS"), Qt::CaseInsensitive) == 0)
            continue;
        out.append(kw);
    }
    return out;
}

} // namespace Dsn::Sandbox
