// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "replay/ResponseMasker.h"

#include <QHash>
#include <QRegularExpression>
#include <QRegularExpressionMatch>
#include <QRegularExpressionMatchIterator>

namespace Dsn::Replay {

QString ResponseMasker::mask(QStringView text)
{
    // A replay masks the same few thousand replies over and over; the regex below is the cost.
    // Per thread, so workers never share it; cleared when full, so memory stays bounded.
    thread_local QHash<QString, QString> cache;
    constexpr qsizetype CacheEntries = 4096;
    constexpr qsizetype CachedLength = 1024;
    if (text.size() > CachedLength)
        return maskUncached(text);
    QString key = text.toString();
    const auto hit = cache.constFind(key);
    if (hit != cache.constEnd())
        return *hit;
    if (cache.size() >= CacheEntries)
        cache.clear();
    QString masked = maskUncached(text);
    cache.insert(std::move(key), masked);
    return masked;
}

QString ResponseMasker::maskUncached(QStringView text)
{
    // One pass with one alternation: earlier alternatives win at a position, so an address is
    // never cut into an ID, and an all-digit token is a number, not an ID.
    static const QRegularExpression re(
        QStringLiteral("(?<addr>[A-Za-z0-9._%+=-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})"
                       "|(?<ip6>(?<![\\w:])(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}"
                       "|(?:[0-9A-Fa-f]{1,4}:)*[0-9A-Fa-f]{0,4}::(?:[0-9A-Fa-f]{1,4}:)*[0-9A-Fa-f]{0,4})(?![\\w:]))"
                       "|(?<ip4>(?<![\\w.])(?:\\d{1,3}\\.){3}\\d{1,3}(?!\\.?\\d))"
                       "|(?<n>(?<![\\w-])\\d{4,}(?![\\w-]))"
                       "|(?<id>(?<![\\w-])(?=[\\w-]*\\d)[A-Za-z0-9][\\w-]{6,}[A-Za-z0-9](?![\\w-]))"));
    QString out;
    out.reserve(text.size());
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = re.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += text.mid(last, m.capturedStart() - last);
        // Groups in pattern order: 1 addr, 2 ip6, 3 ip4, 4 n, 5 id (all other groups are (?:…)).
        static const char *const placeholders[] = {"<addr>", "<ip>", "<ip>", "<n>", "<id>"};
        for (int group = 1; group <= 5; ++group) {
            if (m.capturedLength(group) > 0) {
                out += QLatin1String(placeholders[group - 1]);
                break;
            }
        }
        last = m.capturedEnd();
    }
    out += text.mid(last);
    return out;
}

} // namespace Dsn::Replay
