// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "lua/HumanDuration.h"

#include <QString>

namespace Dsn::Lua {

namespace {

// Nanoseconds per unit; 0 means unknown.
qint64 unitNanos(QStringView unit)
{
    constexpr qint64 s = 1'000'000'000;
    struct U
    {
        const char16_t *name;
        qint64 nanos;
    };
    static const U kUnits[] = {
        {u"nanos", 1},
        {u"nsec", 1},
        {u"ns", 1},
        {u"usec", 1000},
        {u"us", 1000},
        {u"millis", 1'000'000},
        {u"msec", 1'000'000},
        {u"ms", 1'000'000},
        {u"seconds", s},
        {u"second", s},
        {u"secs", s},
        {u"sec", s},
        {u"s", s},
        {u"minutes", 60 * s},
        {u"minute", 60 * s},
        {u"mins", 60 * s},
        {u"min", 60 * s},
        {u"m", 60 * s},
        {u"hours", 3600 * s},
        {u"hour", 3600 * s},
        {u"hrs", 3600 * s},
        {u"hr", 3600 * s},
        {u"h", 3600 * s},
        {u"days", 86400 * s},
        {u"day", 86400 * s},
        {u"d", 86400 * s},
        {u"weeks", 604800 * s},
        {u"week", 604800 * s},
        {u"w", 604800 * s},
        {u"months", 2'630'016 * s},
        {u"month", 2'630'016 * s},
        {u"M", 2'630'016 * s},
        {u"years", 31'557'600 * s},
        {u"year", 31'557'600 * s},
        {u"y", 31'557'600 * s},
    };
    for (const U &u : kUnits) {
        if (unit == QStringView(u.name))
            return u.nanos;
    }
    return 0;
}

} // namespace

std::optional<qint64> HumanDuration::parseMs(QStringView text)
{
    const QStringView t = text.trimmed();
    if (t.isEmpty())
        return std::nullopt;
    qint64 totalNanos = 0;
    qsizetype i = 0;
    while (i < t.size()) {
        const qsizetype numberStart = i;
        while (i < t.size() && t[i].isDigit() && t[i].unicode() < 128)
            ++i;
        if (i == numberStart)
            return std::nullopt;
        bool ok = false;
        const qint64 number = t.mid(numberStart, i - numberStart).toLongLong(&ok);
        if (!ok)
            return std::nullopt;
        while (i < t.size() && t[i].isSpace())
            ++i;
        const qsizetype unitStart = i;
        while (i < t.size() && t[i].isLetter())
            ++i;
        const qint64 nanos = unitNanos(t.mid(unitStart, i - unitStart));
        if (nanos == 0)
            return std::nullopt;
        qint64 piece = 0;
        if (__builtin_mul_overflow(number, nanos, &piece) || __builtin_add_overflow(totalNanos, piece, &totalNanos))
            return std::nullopt;
        while (i < t.size() && t[i].isSpace())
            ++i;
    }
    return totalNanos / 1'000'000;
}

} // namespace Dsn::Lua
