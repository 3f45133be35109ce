// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "common/SmtpResponse.h"

#include <QCoreApplication>

namespace Dsn {

namespace {

Diagnostic malformed(const QString &what)
{
    // KumoMTA's exact wording; the workbench keeps it untranslated so it matches logs.
    return Diagnostic::error(QStringLiteral("malformed-response"), QStringLiteral("Malformed Response: ") + what);
}

bool isDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

} // namespace

Result<SmtpResponse::Line> SmtpResponse::parseLine(QStringView line)
{
    if (line.size() < 4 || !isDigit(line[0]) || !isDigit(line[1]) || !isDigit(line[2])
        || (line[3] != QLatin1Char(' ') && line[3] != QLatin1Char('-'))) {
        Diagnostic d = Diagnostic::error(QStringLiteral("malformed-line"),
                                         QStringLiteral("MalformedResponseLine: ") + line.toString());
        return d;
    }
    Line l;
    l.code = line.left(3).toInt();
    l.isFinal = line[3] == QLatin1Char(' ');
    l.content = line.mid(4).toString();
    return l;
}

Result<SmtpResponse> SmtpResponse::parseLines(const QStringList &lines, CompatProfile profile, int maxLineLength)
{
    if (maxLineLength < 0)
        maxLineLength = profile == CompatProfile::V2026_06 ? MaxLineLength : 0;
    if (lines.isEmpty())
        return malformed(QCoreApplication::translate("SmtpResponse", "empty reply"));

    SmtpResponse r;
    QString prefix;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &raw = lines[i];
        if (maxLineLength > 0 && raw.size() * 3 > maxLineLength && raw.toUtf8().size() > maxLineLength)
            return malformed(QCoreApplication::translate("SmtpResponse", "line %1 is longer than %2 bytes")
                                 .arg(i + 1)
                                 .arg(maxLineLength));
        auto parsed = parseLine(raw);
        if (!parsed) {
            Diagnostic d = parsed.error();
            d.line = int(i + 1);
            return d;
        }
        const Line &l = *parsed;
        if (i == 0) {
            r.code = l.code;
            QStringView rest;
            r.enhancedCode = EnhancedStatusCode::parsePrefix(l.content, &rest);
            r.content = r.enhancedCode ? rest.toString() : l.content;
            if (r.enhancedCode)
                prefix = r.enhancedCode->toString() + QLatin1Char(' ');
            continue;
        }
        if (l.code != r.code)
            return malformed(raw);
        QStringView content = l.content;
        if (profile == CompatProfile::V2026_06 && !prefix.isEmpty() && content.startsWith(prefix))
            content = content.mid(prefix.size());
        r.content += QLatin1Char('\n');
        r.content += content;
    }
    return r;
}

Result<SmtpResponse> SmtpResponse::parse(QStringView text, CompatProfile profile, int maxLineLength)
{
    QStringList lines;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            lines.append(text.mid(start, i - start).toString());
            if (c == QLatin1Char('\r') && i + 1 < text.size() && text[i + 1] == QLatin1Char('\n'))
                ++i;
            start = i + 1;
        }
    }
    if (start < text.size())
        lines.append(text.mid(start).toString());
    return parseLines(lines, profile, maxLineLength);
}

QString SmtpResponse::removeLineBreaks(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == QLatin1Char('\r')) {
            if (i + 1 < text.size() && text[i + 1] == QLatin1Char('\n'))
                ++i;
            out += QLatin1Char(' ');
        } else if (c == QLatin1Char('\n')) {
            out += QLatin1Char(' ');
        } else {
            out += c;
        }
    }
    return out;
}

QString SmtpResponse::contentSingleLine() const
{
    return removeLineBreaks(content);
}

QString SmtpResponse::toSingleLine(CompatProfile profile) const
{
    QString out = QString::number(code) + QLatin1Char(' ');
    if (enhancedCode)
        out += enhancedCode->toString() + QLatin1Char(' ');
    if (profile == CompatProfile::V2026_06) {
        out += removeLineBreaks(content);
        return out;
    }
    // Documented: every line break becomes the two literal characters backslash-r backslash-n.
    for (qsizetype i = 0; i < content.size(); ++i) {
        const QChar c = content[i];
        if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < content.size() && content[i + 1] == QLatin1Char('\n'))
                ++i;
            out += QStringLiteral("\\r\\n");
        } else {
            out += c;
        }
    }
    return out;
}

QJsonObject SmtpResponse::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("code"), code);
    o.insert(QStringLiteral("enhanced_code"), enhancedCode ? enhancedCode->toJson() : QJsonValue());
    o.insert(QStringLiteral("content"), contentSingleLine());
    o.insert(QStringLiteral("command"), command.isNull() ? QJsonValue() : QJsonValue(command));
    return o;
}

} // namespace Dsn
