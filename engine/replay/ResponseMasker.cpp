// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "replay/ResponseMasker.h"

#include <algorithm>

#include <QHash>
#include <QRegularExpression>
#include <QRegularExpressionMatch>
#include <QRegularExpressionMatchIterator>

namespace Dsn::Replay {

QString ResponseMasker::mask(QStringView text)
{
    if (text.size() > CachedLength)
        return maskUncached(text);
    return mask(text.toString());
}

QString ResponseMasker::mask(const QString &text)
{
    // A replay masks the same few thousand replies over and over; the regex below is the cost.
    // Per thread, so workers never share it; cleared when full, so memory stays bounded.
    thread_local QHash<QString, QString> cache;
    constexpr qsizetype CacheEntries = 4096;
    if (text.size() > CachedLength)
        return maskUncached(text);
    const auto hit = cache.constFind(text);
    if (hit != cache.constEnd())
        return *hit;
    if (cache.size() >= CacheEntries)
        cache.clear();
    QString masked = maskUncached(text);
    cache.insert(text, masked);
    return masked;
}

namespace {

/**
 * Characters some part of the pattern below can consume or look at: ASCII letters and digits
 * and . _ % + = - @ :. Every other character (space, brackets, quotes, non-ASCII) fails every
 * class of the pattern, consumed or looked at, exactly as the text's start and end do. So a
 * match never crosses one, and masking each run of joining characters on its own gives the
 * same text as masking the whole reply at once.
 */
bool joins(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'.' || c == u'_'
        || c == u'%' || c == u'+' || c == u'=' || c == u'-' || c == u'@' || c == u':';
}

} // namespace

QString ResponseMasker::maskUncached(QStringView text)
{
    // Real replies carry a fresh ID per message, so most of them miss the cache: the regex runs
    // only on the runs that can hold a match, not across the whole reply, where it cost tens of
    // thousands of instructions.
    QString out;
    out.reserve(text.size());
    const char16_t *u = text.utf16();
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        qsizetype j = i;
        while (j < n && !joins(u[j]))
            ++j;
        out += text.sliced(i, j - i);
        i = j;
        // What each alternative needs at least: an address an '@', an IPv6 address a ':', an
        // IPv4 address seven characters with digits, a number four digits in a row and an ID
        // eight characters with a digit. Reply and enhanced codes ("550", "5.1.1") need none.
        bool separator = false;
        bool digit = false;
        int digitRun = 0;
        int longestDigitRun = 0;
        while (j < n && joins(u[j])) {
            const char16_t c = u[j];
            separator = separator || c == u'@' || c == u':';
            if (c >= u'0' && c <= u'9') {
                digit = true;
                longestDigitRun = std::max(longestDigitRun, ++digitRun);
            } else {
                digitRun = 0;
            }
            ++j;
        }
        if (separator || (digit && (j - i >= 7 || longestDigitRun >= 4)))
            appendMasked(text.sliced(i, j - i), out);
        else
            out += text.sliced(i, j - i);
        i = j;
    }
    return out;
}

QString ResponseMasker::maskWhole(QStringView text)
{
    QString out;
    out.reserve(text.size());
    appendMasked(text, out);
    return out;
}

void ResponseMasker::appendMasked(QStringView text, QString &out)
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
}

} // namespace Dsn::Replay
