// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "common/SmtpResponse.h"

#include <algorithm>
#include <charconv>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <QCoreApplication>
#include <QVarLengthArray>

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

/// The reply code as printed, in `buf`: one conversion for every way a reply is put together.
QLatin1String printedCode(int code, char (&buf)[12])
{
    return QLatin1String(buf, std::to_chars(buf, buf + sizeof buf, code).ptr);
}

/// Whether `text` holds a CR or an LF. A replay asks twice per failure, of replies a hundred
/// characters long: two contains() calls cost more in dispatch than in searching.
bool hasLineBreak(QStringView text)
{
    const char16_t *u = reinterpret_cast<const char16_t *>(text.data());
    const qsizetype n = text.size();
    qsizetype i = 0;
#if defined(__SSE2__)
    const __m128i cr = _mm_set1_epi16('\r');
    const __m128i lf = _mm_set1_epi16('\n');
    for (; i + 8 <= n; i += 8) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(u + i));
        if (_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi16(v, cr), _mm_cmpeq_epi16(v, lf))) != 0)
            return true;
    }
#endif
    for (; i < n; ++i) {
        if (u[i] == u'\r' || u[i] == u'\n')
            return true;
    }
    return false;
}

} // namespace

namespace {

bool isReplyLine(QStringView line)
{
    return line.size() >= 4 && isDigit(line[0]) && isDigit(line[1]) && isDigit(line[2])
        && (line[3] == QLatin1Char(' ') || line[3] == QLatin1Char('-'));
}

int lineCode(QStringView line)
{
    return (line[0].unicode() - '0') * 100 + (line[1].unicode() - '0') * 10 + (line[2].unicode() - '0');
}

Diagnostic malformedLine(QStringView line)
{
    return Diagnostic::error(QStringLiteral("malformed-line"), QStringLiteral("MalformedResponseLine: ") + line.toString());
}

/// The reply from its lines as views: a replay parses one reply per logged failure, so no line
/// is copied before it is known to be needed.
template <typename Lines>
Result<SmtpResponse> parseViews(const Lines &lines, CompatProfile profile, int maxLineLength)
{
    if (maxLineLength < 0)
        maxLineLength = profile == CompatProfile::V2026_06 ? SmtpResponse::MaxLineLength : 0;
    if (lines.isEmpty())
        return malformed(QCoreApplication::translate("SmtpResponse", "empty reply"));

    SmtpResponse r;
    QString prefix;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QStringView raw = lines[i];
        if (maxLineLength > 0 && raw.size() * 3 > maxLineLength && raw.toUtf8().size() > maxLineLength)
            return malformed(QCoreApplication::translate("SmtpResponse", "line %1 is longer than %2 bytes")
                                 .arg(i + 1)
                                 .arg(maxLineLength));
        if (!isReplyLine(raw)) {
            Diagnostic d = malformedLine(raw);
            d.line = int(i + 1);
            return d;
        }
        const int code = lineCode(raw);
        QStringView content = raw.mid(4);
        if (i == 0) {
            r.code = code;
            QStringView rest;
            r.enhancedCode = EnhancedStatusCode::parsePrefix(content, &rest);
            r.content = (r.enhancedCode ? rest : content).toString();
            if (r.enhancedCode && lines.size() > 1)
                prefix = r.enhancedCode->toString() + QLatin1Char(' ');
            continue;
        }
        if (code != r.code)
            return malformed(raw.toString());
        if (profile == CompatProfile::V2026_06 && !prefix.isEmpty() && content.startsWith(prefix))
            content = content.mid(prefix.size());
        r.content += QLatin1Char('\n');
        r.content += content;
    }
    return r;
}

} // namespace

Result<SmtpResponse::Line> SmtpResponse::parseLine(QStringView line)
{
    if (!isReplyLine(line))
        return malformedLine(line);
    Line l;
    l.code = lineCode(line);
    l.isFinal = line[3] == QLatin1Char(' ');
    l.content = line.mid(4).toString();
    return l;
}

Result<SmtpResponse> SmtpResponse::parseLines(const QStringList &lines, CompatProfile profile, int maxLineLength)
{
    return parseViews(lines, profile, maxLineLength);
}

Result<SmtpResponse> SmtpResponse::parse(QStringView text, CompatProfile profile, int maxLineLength)
{
    QVarLengthArray<QStringView, 4> lines;
    // Most replies are one line: two vector searches rule out line breaks before any walk.
    if (!hasLineBreak(text)) {
        if (!text.isEmpty())
            lines.append(text);
        return parseViews(lines, profile, maxLineLength);
    }
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            lines.append(text.mid(start, i - start));
            if (c == QLatin1Char('\r') && i + 1 < text.size() && text[i + 1] == QLatin1Char('\n'))
                ++i;
            start = i + 1;
        }
    }
    if (start < text.size())
        lines.append(text.mid(start));
    return parseViews(lines, profile, maxLineLength);
}

QString SmtpResponse::assembleLogged(int code, const std::optional<EnhancedStatusCode> &enhanced, const QString &content)
{
    // A replay assembles one per failure: the code and the enhanced code are written once into
    // small buffers and copied per line, not built as strings of their own.
    char codeBuf[12];
    const QLatin1String codeText = printedCode(code, codeBuf);
    // Some producers log the whole reply; it must not get a second code.
    if (content.startsWith(codeText) && isReplyLine(content) && content[0] >= QLatin1Char('2')
        && content[0] <= QLatin1Char('5'))
        return QString(content).replace(QLatin1String("\r\n"), QLatin1String("\n"));

    char escBuf[EnhancedStatusCode::MaxTextLength + 1];
    qsizetype escLength = 0;
    if (enhanced) {
        escLength = enhanced->writeTo(escBuf);
        escBuf[escLength++] = ' ';
    }
    const QLatin1String esc(escBuf, escLength);
    QStringView body = content;
    if (escLength > 0 && body.startsWith(esc))
        body = body.mid(escLength);
    if (!hasLineBreak(body)) {
        // One line, nearly every logged reply: written into one allocation of the exact size.
        QString out(codeText.size() + 1 + escLength + body.size(), Qt::Uninitialized);
        char16_t *o = reinterpret_cast<char16_t *>(out.data());
        o = std::copy(codeText.begin(), codeText.end(), o);
        *o++ = u' ';
        o = std::copy(esc.begin(), esc.end(), o);
        std::copy_n(reinterpret_cast<const char16_t *>(body.data()), body.size(), o);
        return out;
    }
    // The lines are walked in place, not split into a list.
    QString out;
    out.reserve(content.size() + 2 * (escLength + 5));
    qsizetype start = 0;
    while (true) {
        const qsizetype lf = body.indexOf(QLatin1Char('\n'), start);
        QStringView line = lf < 0 ? body.mid(start) : body.mid(start, lf - start);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        if (start > 0)
            out += QLatin1Char('\n');
        out += codeText;
        out += lf >= 0 ? QLatin1Char('-') : QLatin1Char(' ');
        out += esc;
        out += line;
        if (lf < 0)
            return out;
        start = lf + 1;
    }
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
    QString out;
    out.reserve(content.size() + 24);
    char codeBuf[12];
    out += printedCode(code, codeBuf);
    out += QLatin1Char(' ');
    if (enhancedCode) {
        enhancedCode->appendTo(out);
        out += QLatin1Char(' ');
    }
    if (!hasLineBreak(content)) {
        out += content; // one line: both profiles print it as it is
        return out;
    }
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

bool SmtpResponse::isSingleLineOf(QStringView text) const
{
    // toSingleLine() prints a one-line content as it is under both profiles.
    if (hasLineBreak(content))
        return false;
    char codeBuf[12];
    const QLatin1String codeText = printedCode(code, codeBuf);
    char esc[EnhancedStatusCode::MaxTextLength];
    const qsizetype escLength = enhancedCode ? enhancedCode->writeTo(esc) : 0;
    const qsizetype escAt = codeText.size() + 1;
    const qsizetype head = escAt + (enhancedCode ? escLength + 1 : 0);
    if (text.size() != head + content.size() || !text.startsWith(codeText) || text[escAt - 1] != u' ')
        return false;
    if (enhancedCode && (text.sliced(escAt, escLength) != QLatin1String(esc, escLength) || text[head - 1] != u' '))
        return false;
    return text.sliced(head) == QStringView(content);
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
