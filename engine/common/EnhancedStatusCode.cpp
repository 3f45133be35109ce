// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "common/EnhancedStatusCode.h"

#include <charconv>

#include <QJsonObject>

namespace Dsn {

namespace {

// Rust's u16 parse: digits only here (KumoMTA splits on '.'), value must fit 16 bits.
std::optional<int> parseNumber(QStringView s, int maxValue)
{
    if (s.isEmpty() || s.size() > 5)
        return std::nullopt;
    int v = 0;
    for (QChar c : s) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
        v = v * 10 + (c.unicode() - '0');
    }
    if (v > maxValue)
        return std::nullopt;
    return v;
}

} // namespace

QString EnhancedStatusCode::toString() const
{
    QString out;
    appendTo(out);
    return out;
}

qsizetype EnhancedStatusCode::writeTo(char *buf) const
{
    // Every replayed record prints one: QString::arg's placeholder search costs more than the
    // digits, so they are written straight into a buffer.
    char *p = buf;
    for (const int part : {klass, subject, detail}) {
        if (p != buf)
            *p++ = '.';
        p = std::to_chars(p, buf + MaxTextLength, part).ptr;
    }
    return p - buf;
}

void EnhancedStatusCode::appendTo(QString &out) const
{
    char buf[MaxTextLength];
    out += QLatin1String(buf, writeTo(buf));
}

QJsonValue EnhancedStatusCode::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("class"), klass);
    o.insert(QStringLiteral("subject"), subject);
    o.insert(QStringLiteral("detail"), detail);
    return o;
}

std::optional<EnhancedStatusCode> EnhancedStatusCode::fromJson(const QJsonValue &value)
{
    if (value.isString())
        return parse(value.toString());
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject o = value.toObject();
    EnhancedStatusCode e;
    e.klass = o.value(QStringLiteral("class")).toInt(-1);
    e.subject = o.value(QStringLiteral("subject")).toInt(-1);
    e.detail = o.value(QStringLiteral("detail")).toInt(-1);
    if (e.klass < 0 || e.subject < 0 || e.detail < 0)
        return std::nullopt;
    return e;
}

std::optional<EnhancedStatusCode> EnhancedStatusCode::parse(QStringView text)
{
    // Every replayed failure parses one or two: split() would allocate a list for three views.
    const qsizetype dot1 = text.indexOf(QLatin1Char('.'));
    const qsizetype dot2 = dot1 < 0 ? -1 : text.indexOf(QLatin1Char('.'), dot1 + 1);
    if (dot2 < 0 || text.indexOf(QLatin1Char('.'), dot2 + 1) >= 0)
        return std::nullopt;
    auto k = parseNumber(text.first(dot1), 255);
    auto s = parseNumber(text.sliced(dot1 + 1, dot2 - dot1 - 1), 65535);
    auto d = parseNumber(text.sliced(dot2 + 1), 65535);
    if (!k || !s || !d || (*k != 2 && *k != 4 && *k != 5))
        return std::nullopt;
    return EnhancedStatusCode{*k, *s, *d};
}

std::optional<EnhancedStatusCode> EnhancedStatusCode::parsePrefix(QStringView text, QStringView *rest)
{
    const qsizetype space = text.indexOf(QLatin1Char(' '));
    if (space < 0)
        return std::nullopt;
    auto code = parse(text.left(space));
    if (code && rest)
        *rest = text.mid(space + 1);
    return code;
}

} // namespace Dsn
