// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "common/JsonText.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace Dsn {

QByteArray JsonText::stripComments(const QByteArray &text)
{
    QByteArray out = text;
    const qsizetype n = out.size();
    bool inString = false;
    for (qsizetype i = 0; i < n; ++i) {
        const char c = out[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '#' || (c == '/' && i + 1 < n && out[i + 1] == '/')) {
            while (i < n && out[i] != '\n')
                out[i++] = ' ';
        } else if (c == '/' && i + 1 < n && out[i + 1] == '*') {
            out[i] = out[i + 1] = ' ';
            i += 2;
            while (i < n && !(out[i] == '*' && i + 1 < n && out[i + 1] == '/')) {
                if (out[i] != '\n')
                    out[i] = ' ';
                ++i;
            }
            if (i < n) {
                out[i] = ' ';
                if (i + 1 < n)
                    out[i + 1] = ' ';
                ++i;
            }
        }
    }
    return out;
}

Result<JsonText::Ordered> JsonText::parse(const QByteArray &text, const QString &sourceName)
{
    const QByteArray clean = stripComments(text);
    try {
        return Ordered::parse(clean.constBegin(), clean.constEnd());
    } catch (const nlohmann::json::parse_error &e) {
        // e.byte is 1-based and points just past the offending character.
        const qsizetype at = qBound<qsizetype>(0, qsizetype(e.byte) - 1, clean.size());
        int line = 1;
        qsizetype lineStart = 0;
        for (qsizetype i = 0; i < at; ++i) {
            if (clean[i] == '\n') {
                ++line;
                lineStart = i + 1;
            }
        }
        QString reason = QString::fromUtf8(e.what());
        // nlohmann prefixes "[json.exception.parse_error.101] parse error at line 1, column 5: ".
        const qsizetype colon = reason.indexOf(QLatin1String(": "), reason.indexOf(QLatin1String("parse error")));
        if (colon >= 0)
            reason = reason.mid(colon + 2);
        Diagnostic d = Diagnostic::error(
            QStringLiteral("json-parse"),
            QCoreApplication::translate("JsonText", "parsing %1 as json: %2").arg(sourceName, reason), sourceName);
        d.line = line;
        d.column = int(QString::fromUtf8(clean.mid(lineStart, at - lineStart)).size()) + 1;
        return d;
    }
}

QJsonValue JsonText::toQt(const Ordered &value)
{
    switch (value.type()) {
    case Ordered::value_t::null:
    case Ordered::value_t::discarded:
        return QJsonValue();
    case Ordered::value_t::boolean:
        return value.get<bool>();
    case Ordered::value_t::number_integer:
        return qint64(value.get<std::int64_t>());
    case Ordered::value_t::number_unsigned:
        return qint64(value.get<std::uint64_t>());
    case Ordered::value_t::number_float:
        return value.get<double>();
    case Ordered::value_t::string:
        return QString::fromStdString(value.get<std::string>());
    case Ordered::value_t::array: {
        QJsonArray a;
        for (const auto &v : value)
            a.append(toQt(v));
        return a;
    }
    case Ordered::value_t::object: {
        QJsonObject o;
        for (auto it = value.begin(); it != value.end(); ++it)
            o.insert(QString::fromStdString(it.key()), toQt(it.value()));
        return o;
    }
    case Ordered::value_t::binary:
        break;
    }
    return QJsonValue();
}

JsonText::Ordered JsonText::fromQt(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return nullptr;
    case QJsonValue::Bool:
        return value.toBool();
    case QJsonValue::Double: {
        const double d = value.toDouble();
        const qint64 i = value.toInteger();
        if (double(i) == d)
            return std::int64_t(i);
        return d;
    }
    case QJsonValue::String:
        return value.toString().toStdString();
    case QJsonValue::Array: {
        Ordered a = Ordered::array();
        for (const auto &v : value.toArray())
            a.push_back(fromQt(v));
        return a;
    }
    case QJsonValue::Object: {
        Ordered o = Ordered::object();
        const QJsonObject obj = value.toObject();
        for (auto it = obj.begin(); it != obj.end(); ++it)
            o[it.key().toStdString()] = fromQt(it.value());
        return o;
    }
    }
    return nullptr;
}

QByteArray JsonText::dump(const Ordered &value, int indent)
{
    const std::string s = value.dump(indent, ' ', false, Ordered::error_handler_t::replace);
    return QByteArray(s.data(), qsizetype(s.size()));
}

} // namespace Dsn
