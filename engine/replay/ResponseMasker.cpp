// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "replay/ResponseMasker.h"

#include <algorithm>
#include <array>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <QHash>
#include <QRegularExpression>
#include <QRegularExpressionMatch>
#include <QRegularExpressionMatchIterator>

namespace Dsn::Replay {

namespace {

/**
 * One alternation: earlier alternatives win at a position, so an address is never cut into an
 * ID, and an all-digit token is a number, not an ID. Groups in pattern order: 1 addr, 2 ip6,
 * 3 ip4, 4 n, 5 id (every other group is (?:…)). maskUncached() follows it by hand (Matcher
 * below): a change here needs the same change there, and TestResponseMasker says where not.
 */
constexpr char kPattern[] =
    "(?<addr>[A-Za-z0-9._%+=-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})"
    "|(?<ip6>(?<![\\w:])(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}"
    "|(?:[0-9A-Fa-f]{1,4}:)*[0-9A-Fa-f]{0,4}::(?:[0-9A-Fa-f]{1,4}:)*[0-9A-Fa-f]{0,4})(?![\\w:]))"
    "|(?<ip4>(?<![\\w.])(?:\\d{1,3}\\.){3}\\d{1,3}(?!\\.?\\d))"
    "|(?<n>(?<![\\w-])\\d{4,}(?![\\w-]))"
    "|(?<id>(?<![\\w-])(?=[\\w-]*\\d)[A-Za-z0-9][\\w-]{6,}[A-Za-z0-9](?![\\w-]))";
/// What each of kPattern's groups finds, and how masking writes it.
constexpr ResponseMasker::Part kGroupParts[] = {ResponseMasker::Part::Address, ResponseMasker::Part::Ip,
                                               ResponseMasker::Part::Ip, ResponseMasker::Part::Number,
                                               ResponseMasker::Part::Id};
QStringView placeholder(ResponseMasker::Part part)
{
    static constexpr std::array<std::u16string_view, 4> texts = {u"<addr>", u"<ip>", u"<n>", u"<id>"};
    return texts[size_t(part)];
}

} // namespace

QString ResponseMasker::mask(QStringView text)
{
    return mask(text.toString());
}

QString ResponseMasker::mask(const QString &text)
{
    // A replay masks the same few thousand replies over and over; a lookup costs less than masking.
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
 * The classes kPattern's parts consume or look at, one bit each. \w and \d are ASCII here (no
 * Unicode properties), so every character outside ASCII letters, digits and . _ % + = - @ : has
 * none: it fails every class, consumed or looked at, exactly as the text's start and end do.
 */
enum Class : quint16 {
    Word = 1 << 0, // \w
    Digit = 1 << 1,
    Hex = 1 << 2,
    Letter = 1 << 3,
    Local = 1 << 4, // an address's local part, [A-Za-z0-9._%+=-]
    Domain = 1 << 5, // a domain label, [A-Za-z0-9-]
    Dot = 1 << 6,
    Dash = 1 << 7,
    Colon = 1 << 8,
    At = 1 << 9, // none of the others, but an address needs its run to go on through the '@'
};
constexpr std::array<quint16, 128> Classes = [] {
    std::array<quint16, 128> t{};
    for (char c = 'a'; c <= 'z'; ++c)
        t[size_t(c)] = t[size_t(c - 'a' + 'A')] = Word | Letter | Local | Domain | (c <= 'f' ? Hex : 0);
    for (char c = '0'; c <= '9'; ++c)
        t[size_t(c)] = Word | Digit | Hex | Local | Domain;
    t['_'] = Word | Local;
    for (char c : {'%', '+', '='})
        t[size_t(c)] = Local;
    t['.'] = Local | Dot;
    t['-'] = Local | Domain | Dash;
    t[':'] = Colon;
    t['@'] = At;
    return t;
}();

/**
 * kPattern's search, written out for the classes above: QRegularExpression cost tens of
 * thousands of instructions a reply and PCRE2 itself still thousands, and real replies carry a
 * fresh ID per message, so most of them miss mask()'s cache. Each alternative below is the
 * alternative's backtracking worked out once; where it says "the whole run", a look-around on
 * both sides pins the match to exactly that run, so no backtracking order is left to follow.
 */
class Matcher
{
public:
    /// Every scan below stops at a character without classes, and past the end is one.
    Matcher(const char16_t *text, qsizetype size)
        : m_text(text)
        , m_size(size)
    {
    }

    quint16 classes(qsizetype i) const
    {
        // Bounded here rather than by a terminating NUL: only utf16() promises one, and it
        // copies a literal or raw-data string in place, under any other thread reading it.
        if (i >= m_size)
            return 0;
        const char16_t c = m_text[i];
        return c < 128 ? Classes[c] : 0;
    }

    /**
     * Where the match kPattern would find at `p` ends (the search tries earlier positions
     * first, and resumes where a match ends), or -1. `prev` and `here` are the classes of the
     * characters before `p`, which the look-behinds read, and at it.
     */
    qsizetype matchAt(qsizetype p, quint16 prev, quint16 here, ResponseMasker::Part &part)
    {
        qsizetype end = -1;
        if ((here & Local) && p >= m_noAddressBefore && (end = address(p)) >= 0) {
            part = ResponseMasker::Part::Address;
            return end;
        }
        // Each of the others looks behind at a word character and refuses it.
        if (prev & Word)
            return -1;
        if (!(prev & Colon) && (here & (Hex | Colon)) && (end = ip6(p)) >= 0) {
            part = ResponseMasker::Part::Ip;
            return end;
        }
        if (!(prev & Dot) && (here & Digit) && (end = ip4(p)) >= 0) {
            part = ResponseMasker::Part::Ip;
            return end;
        }
        if (!(prev & Dash) && (here & (Letter | Digit)))
            return numberOrId(p, part);
        return -1;
    }

    /**
     * Where the search goes on after a word character at `p` that starts no match: past the
     * word. Inside it every look-behind but addr's refuses the word character before, and addr
     * fails there too: address() marks all the positions up to the next that can follow an
     * '@', or start a local part, as failing, and neither lies inside a word.
     */
    qsizetype afterWord(qsizetype p) const
    {
        if (p == m_wordStart)
            return m_wordEnd;
        while (classes(++p) & Word) {
        }
        return p;
    }

private:
    /**
     * addr at `p`. The local part cannot hold an '@', so it is everything from `p` to the next
     * '@' and fits when no other character lies between; from any such `p` the match ends where
     * the domain after that '@' does. So each '@' is looked at once, and a start that cannot
     * reach it marks every position up to the next one that could as failing.
     */
    qsizetype address(qsizetype p)
    {
        if (m_at < p) {
            m_at = QStringView(m_text, m_size).indexOf(u'@', p);
            if (m_at < 0) {
                m_noAddressBefore = m_size;
                return -1;
            }
            m_localStart = m_at;
            while (m_localStart > 0 && (classes(m_localStart - 1) & Local))
                --m_localStart;
            m_domainEnd = domainEnd(m_at + 1);
        }
        if (p < m_localStart) {
            m_noAddressBefore = m_localStart;
            return -1;
        }
        if (m_domainEnd < 0)
            m_noAddressBefore = m_at + 1;
        return m_domainEnd;
    }

    /**
     * The domain part from `i`: a greedy label, greedy ".label" repeats, then ".[A-Za-z]{2,}".
     * No label can end early (a label character, not a dot, would follow), so backtracking
     * only gives up whole repeats from the right: the match ends after the leading letters of
     * the last label (not the first) that starts with two or more.
     */
    qsizetype domainEnd(qsizetype i) const
    {
        const qsizetype first = i;
        while (classes(i) & Domain)
            ++i;
        if (i == first)
            return -1;
        qsizetype end = -1;
        while ((classes(i) & Dot) && (classes(i + 1) & Domain)) {
            const qsizetype label = ++i;
            while (classes(i) & Letter)
                ++i;
            if (i - label >= 2)
                end = i;
            while (classes(i) & Domain)
                ++i;
        }
        return end;
    }

    /**
     * ip6 at `p`: both look-arounds refuse \w and ':', and the address is nothing else, so it
     * is the whole run of [\w:] from `p` or nothing; what is left is whether either form can
     * spell that run. Split at the colons into fields, each 0 to 4 hex digits: the full form
     * is 8 non-empty fields; the compressed one is a prefix (fields, only the last may be
     * empty), "::", a suffix of the same shape. So the "::" is an empty field i with
     * 0 < i < last, and the empty fields other than the last one are i, or i-1 and i.
     */
    qsizetype ip6(qsizetype p) const
    {
        int colons = 0;
        int length = 0; // of the field being read
        int empty = 0; // empty fields before a colon
        int firstEmpty = -1;
        int lastEmpty = -1;
        qsizetype i = p;
        for (;; ++i) {
            const quint16 c = classes(i);
            if (c & Colon) {
                if (length == 0) {
                    if (empty++ == 0)
                        firstEmpty = colons;
                    lastEmpty = colons;
                }
                ++colons;
                length = 0;
            } else if (c & Hex) {
                if (++length > 4)
                    return -1;
            } else if (c & Word) {
                return -1;
            } else {
                break;
            }
        }
        const bool full = colons == 7 && empty == 0 && length > 0;
        const bool compressed = (empty == 1 && firstEmpty > 0) || (empty == 2 && lastEmpty == firstEmpty + 1);
        return full || compressed ? i : -1;
    }

    /**
     * ip4 at `p`: \d{1,3} before a dot, or before the look-ahead that refuses a digit, can only
     * be a whole run of digits, so there is one way to read it.
     */
    qsizetype ip4(qsizetype p) const
    {
        qsizetype i = p;
        for (int part = 0;; ++part) {
            const qsizetype start = i;
            while (classes(i) & Digit)
                ++i;
            if (i == start || i - start > 3)
                return -1;
            if (part == 3)
                break;
            if (!(classes(i) & Dot))
                return -1;
            ++i;
        }
        return (classes(i) & Dot) && (classes(i + 1) & Digit) ? -1 : i;
    }

    /**
     * n and id at `p`: both look-arounds refuse [\w-] and the bodies consume nothing else, so
     * each is the whole run of [\w-] from `p` or nothing: n when it is all digits (4 or more),
     * else id when it holds a digit, has 8 or more characters and starts and ends with a
     * letter or digit.
     */
    qsizetype numberOrId(qsizetype p, ResponseMasker::Part &part)
    {
        qsizetype digits = 0;
        qsizetype i = p;
        quint16 c;
        // The word first, for afterWord(), then on through dashes.
        for (; (c = classes(i)) & Word; ++i)
            digits += (c & Digit) != 0;
        m_wordStart = p;
        m_wordEnd = i;
        for (; (c = classes(i)) & (Word | Dash); ++i)
            digits += (c & Digit) != 0;
        const qsizetype length = i - p;
        if (digits == length && length >= 4) {
            part = ResponseMasker::Part::Number;
            return i;
        }
        if (digits > 0 && length >= 8 && (classes(i - 1) & (Letter | Digit))) {
            part = ResponseMasker::Part::Id;
            return i;
        }
        return -1;
    }

    const char16_t *m_text;
    qsizetype m_size;
    /// The '@' address() last looked at, where its local part can start, and its domain's end.
    qsizetype m_at = -1;
    qsizetype m_localStart = 0;
    qsizetype m_domainEnd = -1;
    /// Positions before this one start no address.
    qsizetype m_noAddressBefore = 0;
    /// The word numberOrId() read last.
    qsizetype m_wordStart = -1;
    qsizetype m_wordEnd = -1;
};

/**
 * The first position from `p` on that holds a digit, ':' or '@', or one of ; < = > ? (between
 * them in ASCII, so one range test takes them along), or `n`. Every match holds a digit, a ':'
 * or an '@', and never leaves its run of characters with classes: a run without one of them,
 * most of a reply's words, is skipped unread by the matcher.
 */
qsizetype nextTrigger(const char16_t *text, qsizetype p, qsizetype n)
{
#if defined(__SSE2__)
    const __m128i first = _mm_set1_epi16(0x30);
    const __m128i span = _mm_set1_epi16(0x10);
    for (; p + 8 <= n; p += 8) {
        const __m128i offset = _mm_sub_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i *>(text + p)), first);
        // Unsigned offset <= 0x10: subtracting 0x10 with saturation leaves zero.
        const int hits = _mm_movemask_epi8(_mm_cmpeq_epi16(_mm_subs_epu16(offset, span), _mm_setzero_si128()));
        if (hits)
            return p + __builtin_ctz(unsigned(hits)) / 2;
    }
#endif
    for (; p < n; ++p) {
        if (char16_t(text[p] - 0x30) <= 0x10)
            return p;
    }
    return n;
}

} // namespace

QString ResponseMasker::maskUncached(const QString &text)
{
    // Only the runs around a digit, ':' or '@' are matched; a reply without a match comes back
    // as it was, without a copy, and a masked one is written into one allocation.
    const char16_t *in = reinterpret_cast<const char16_t *>(text.constData());
    const qsizetype n = text.size();
    Matcher matcher(in, n);
    QString out;
    char16_t *o = nullptr;
    qsizetype written = 0;
    qsizetype copied = 0; // text before this position is in `out`
    const auto write = [&](const char16_t *from, qsizetype length) {
        // Only an IPv6 address as short as "::" grows: rarely past the slack reserved.
        if (written + length > out.size()) {
            out.resize(std::max(written + length, 2 * out.size()));
            o = reinterpret_cast<char16_t *>(out.data());
        }
        std::copy_n(from, length, o + written);
        written += length;
    };
    qsizetype p = 0;
    for (qsizetype trigger; (trigger = nextTrigger(in, p, n)) < n;) {
        if (!matcher.classes(trigger)) {
            p = trigger + 1;
            continue;
        }
        // Back to the start of the trigger's run (the text before `p` holds none of it), then
        // position by position to the run's end.
        p = trigger;
        while (p > 0 && matcher.classes(p - 1))
            --p;
        quint16 prev = 0;
        for (quint16 here; (here = matcher.classes(p));) {
            Part part = Part::Id;
            const qsizetype end = matcher.matchAt(p, prev, here, part);
            if (end < 0) {
                // What the look-behinds read after a word is only that it is one.
                p = here & Word ? matcher.afterWord(p) : p + 1;
                prev = here & Word ? quint16(Word) : here;
                continue;
            }
            if (!o) {
                out = QString(n + 8, Qt::Uninitialized);
                o = reinterpret_cast<char16_t *>(out.data());
            }
            write(in + copied, p - copied);
            const QStringView replacement = placeholder(part);
            write(replacement.utf16(), replacement.size());
            copied = p = end;
            prev = matcher.classes(end - 1);
        }
    }
    if (!o)
        return text;
    write(in + copied, n - copied);
    out.resize(written);
    return out;
}

QString ResponseMasker::maskWhole(QStringView text)
{
    QString out;
    out.reserve(text.size());
    appendMasked(text, out);
    return out;
}

QList<ResponseMasker::Span> ResponseMasker::variableParts(QStringView text)
{
    static const QRegularExpression re{QLatin1String(kPattern)};
    QList<Span> spans;
    QRegularExpressionMatchIterator it = re.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        for (int group = 1; group <= 5; ++group) {
            if (m.capturedLength(group) > 0) {
                spans.append(Span{m.capturedStart(), m.capturedLength(), kGroupParts[group - 1]});
                break;
            }
        }
    }
    return spans;
}

void ResponseMasker::appendMasked(QStringView text, QString &out)
{
    qsizetype last = 0;
    for (const Span &span : variableParts(text)) {
        out += text.mid(last, span.start - last);
        out += placeholder(span.part);
        last = span.start + span.length;
    }
    out += text.mid(last);
}

} // namespace Dsn::Replay
