// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "sandbox/ScriptedReply.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include "common/EnhancedStatusCode.h"
#include "common/SmtpResponse.h"

namespace Dsn::Sandbox {

namespace {

Diagnostic replyError(const QString &where, const QString &message)
{
    return Diagnostic::error(QStringLiteral("scenario-reply"),
                             QCoreApplication::translate("ScriptedReply", "%1: %2").arg(where, message));
}

// Reply text goes on the wire as is, so a CR or LF inside would let a scenario forge extra lines.
bool hasLineBreak(const QString &s)
{
    return s.contains(QLatin1Char('\r')) || s.contains(QLatin1Char('\n'));
}

} // namespace

ScriptedReply ScriptedReply::make(int code, const QString &enhanced, const QStringList &text)
{
    ScriptedReply r;
    r.code = code;
    r.enhanced = enhanced;
    const QStringList content = text.isEmpty() ? QStringList{QString()} : text;
    for (qsizetype i = 0; i < content.size(); ++i) {
        QString line = QString::number(code) + (i + 1 == content.size() ? QLatin1Char(' ') : QLatin1Char('-'));
        QString rest = enhanced;
        if (!content[i].isEmpty())
            rest += (rest.isEmpty() ? QString() : QStringLiteral(" ")) + content[i];
        line += rest;
        // "550-5.7.26" with nothing after it is how Gmail sends a blank continuation line.
        if (rest.isEmpty())
            line.chop(1);
        r.lines.append(line);
    }
    return r;
}

Result<ScriptedReply> ScriptedReply::fromJson(const QJsonValue &value, const QString &where)
{
    if (!value.isObject())
        return replyError(where, QCoreApplication::translate("ScriptedReply", "expected an object"));
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        static const QStringList known{QStringLiteral("code"), QStringLiteral("enhanced"), QStringLiteral("text"),
                                       QStringLiteral("lines")};
        if (!known.contains(it.key()))
            return replyError(where, QCoreApplication::translate("ScriptedReply", "unknown key '%1'").arg(it.key()));
    }

    if (o.contains(QStringLiteral("lines"))) {
        if (o.contains(QStringLiteral("code")) || o.contains(QStringLiteral("text")))
            return replyError(
                where, QCoreApplication::translate(
                           "ScriptedReply", "'lines' gives the verbatim reply; do not mix it with 'code'/'text'"));
        const QJsonArray arr = o.value(QStringLiteral("lines")).toArray();
        QStringList lines;
        for (const QJsonValue &v : arr) {
            if (!v.isString() || hasLineBreak(v.toString()))
                return replyError(where, QCoreApplication::translate("ScriptedReply",
                                                                     "'lines' must hold strings without line breaks"));
            lines.append(v.toString());
        }
        if (lines.isEmpty())
            return replyError(where, QCoreApplication::translate("ScriptedReply", "'lines' is empty"));
        auto parsed = SmtpResponse::parseLines(lines, CompatProfile::Documented);
        if (!parsed)
            return replyError(where, parsed.error().message);
        // parseLines accepts a '-' on the last line as well; a client would then wait forever.
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const bool last = i + 1 == lines.size();
            const QChar sep = lines[i].size() > 3 ? lines[i].at(3) : QLatin1Char(' ');
            if ((sep == QLatin1Char('-')) == last)
                return replyError(
                    where, QCoreApplication::translate("ScriptedReply",
                                                       "line %1: only the last line may use 'NNN ', the others 'NNN-'")
                               .arg(i + 1));
        }
        ScriptedReply r;
        r.code = parsed->code;
        r.enhanced = parsed->enhancedCode ? parsed->enhancedCode->toString() : QString();
        r.lines = lines;
        if (r.code < 200 || r.code > 599)
            return replyError(where,
                              QCoreApplication::translate("ScriptedReply", "code %1 is outside 200–599").arg(r.code));
        return r;
    }

    const QJsonValue code = o.value(QStringLiteral("code"));
    if (!code.isDouble() || code.toDouble() != double(code.toInt()) || code.toInt() < 200 || code.toInt() > 599)
        return replyError(where,
                          QCoreApplication::translate("ScriptedReply", "'code' must be an integer from 200 to 599"));
    QString enhanced;
    const QJsonValue enh = o.value(QStringLiteral("enhanced"));
    if (!enh.isUndefined() && !enh.isNull()) {
        const auto parsed = EnhancedStatusCode::parse(enh.toString());
        if (!enh.isString() || !parsed)
            return replyError(where,
                              QCoreApplication::translate("ScriptedReply", "'enhanced' must look like \"4.2.2\""));
        if (parsed->klass != code.toInt() / 100)
            return replyError(
                where, QCoreApplication::translate("ScriptedReply", "enhanced code %1 does not match reply code %2")
                           .arg(enh.toString())
                           .arg(code.toInt()));
        enhanced = enh.toString();
    }
    QStringList text;
    const QJsonValue t = o.value(QStringLiteral("text"));
    if (t.isString()) {
        text.append(t.toString());
    } else if (t.isArray()) {
        for (const QJsonValue &v : t.toArray()) {
            if (!v.isString())
                return replyError(where, QCoreApplication::translate("ScriptedReply", "'text' lines must be strings"));
            text.append(v.toString());
        }
    } else if (!t.isUndefined()) {
        return replyError(
            where, QCoreApplication::translate("ScriptedReply", "'text' must be a string or an array of strings"));
    }
    for (const QString &line : std::as_const(text)) {
        if (hasLineBreak(line))
            return replyError(
                where, QCoreApplication::translate("ScriptedReply",
                                                   "put each line in its own 'text' entry instead of a line break"));
    }
    ScriptedReply r = make(code.toInt(), enhanced, text);
    for (const QString &line : std::as_const(r.lines)) {
        if (line.toUtf8().size() > SmtpResponse::MaxLineLength)
            return replyError(where,
                              QCoreApplication::translate("ScriptedReply", "a reply line is longer than %1 bytes")
                                  .arg(SmtpResponse::MaxLineLength));
    }
    return r;
}

QByteArray ScriptedReply::toWire() const
{
    QByteArray out;
    for (const QString &line : lines)
        out += line.toUtf8() + "\r\n";
    return out;
}

} // namespace Dsn::Sandbox
