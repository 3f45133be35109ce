// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "replay/ResponseMasker.h"

#include <algorithm>
#include <array>
#include <memory>
#include <string>

// The 8-bit library: every run the fast path masks is ASCII.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <QHash>
#include <QRegularExpression>
#include <QRegularExpressionMatch>
#include <QRegularExpressionMatchIterator>

namespace Dsn::Replay {

namespace {

/**
 * One alternation: earlier alternatives win at a position, so an address is never cut into an
 * ID, and an all-digit token is a number, not an ID. Groups in pattern order: 1 addr, 2 ip6,
 * 3 ip4, 4 n, 5 id (every other group is (?:…)).
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
QLatin1String placeholder(ResponseMasker::Part part)
{
    static constexpr const char *texts[] = {"<addr>", "<ip>", "<n>", "<id>"};
    return QLatin1String(texts[int(part)]);
}

/**
 * kPattern on PCRE2 itself, JIT-compiled, for the ASCII runs mask() hands it: the engine under
 * QRegularExpression, so the same answers, without the wrapper's allocations per match, which
 * cost more than the matching. Real replies carry a fresh ID per message and miss mask()'s
 * cache, so this runs for most unmatched failures of a real log.
 */
class AsciiMasker
{
public:
    AsciiMasker()
    {
        int error = 0;
        PCRE2_SIZE offset = 0;
        m_code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(kPattern), PCRE2_ZERO_TERMINATED, 0, &error, &offset, nullptr);
        Q_ASSERT(m_code);
        // Without JIT (an unusual build of the library) pcre2_match interprets: slower, same answers.
        if (m_code)
            pcre2_jit_compile(m_code, PCRE2_JIT_COMPLETE);
    }
    ~AsciiMasker() { pcre2_code_free(m_code); }
    AsciiMasker(const AsciiMasker &) = delete;
    AsciiMasker &operator=(const AsciiMasker &) = delete;

    static const AsciiMasker &instance()
    {
        static const AsciiMasker masker;
        return masker;
    }

    /// Appends `run` (ASCII only) to `out` with every match replaced by its placeholder.
    void append(QStringView run, QString &out) const
    {
        // Per thread: the compiled pattern is shared, the match data and subject buffer are not.
        thread_local std::unique_ptr<pcre2_match_data, decltype(&pcre2_match_data_free)> data(
            pcre2_match_data_create(6, nullptr), &pcre2_match_data_free);
        thread_local std::string subject;
        subject.resize(size_t(run.size()));
        for (qsizetype i = 0; i < run.size(); ++i)
            subject[size_t(i)] = char(run[i].unicode());
        const auto *bytes = reinterpret_cast<PCRE2_SPTR>(subject.data());
        const PCRE2_SIZE *ovector = pcre2_get_ovector_pointer(data.get());
        PCRE2_SIZE last = 0;
        // Every alternative consumes a character, so each search starts where the last match
        // ended, with the text before it still visible to the look-behinds (as globalMatch does).
        while (last < subject.size() && pcre2_match(m_code, bytes, subject.size(), last, 0, data.get(), nullptr) > 0) {
            out += run.sliced(qsizetype(last), qsizetype(ovector[0] - last));
            for (int group = 1; group <= 5; ++group) {
                if (ovector[2 * group] != PCRE2_UNSET && ovector[2 * group + 1] > ovector[2 * group]) {
                    out += placeholder(kGroupParts[group - 1]);
                    break;
                }
            }
            last = ovector[1];
        }
        out += run.sliced(qsizetype(last));
    }

private:
    pcre2_code *m_code = nullptr;
};

} // namespace

QString ResponseMasker::mask(QStringView text)
{
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
 * Characters some part of kPattern can consume or look at: ASCII letters and digits
 * and . _ % + = - @ :. Every other character (space, brackets, quotes, non-ASCII) fails every
 * class of the pattern, consumed or looked at, exactly as the text's start and end do. So a
 * match never crosses one, and masking each run of joining characters on its own gives the
 * same text as masking the whole reply at once.
 */
constexpr std::array<bool, 128> JoiningChars = [] {
    std::array<bool, 128> t{};
    for (char c = 'a'; c <= 'z'; ++c)
        t[size_t(c)] = t[size_t(c - 'a' + 'A')] = true;
    for (char c = '0'; c <= '9'; ++c)
        t[size_t(c)] = true;
    for (char c : {'.', '_', '%', '+', '=', '-', '@', ':'})
        t[size_t(c)] = true;
    return t;
}();

bool joins(char16_t c)
{
    return c < 128 && JoiningChars[c];
}

} // namespace

QString ResponseMasker::maskUncached(const QString &text)
{
    // Real replies carry a fresh ID per message, so most of them miss the cache: the regex runs
    // only on the runs that can hold a match, not across the whole reply, where it cost tens of
    // thousands of instructions. Text between such runs is copied in one piece when the next
    // one is masked, and a reply without any comes back as it was, without a copy.
    QString out;
    const QStringView view(text);
    const char16_t *u = view.utf16();
    const qsizetype n = text.size();
    qsizetype copied = 0; // text before this position is in `out`
    qsizetype i = 0;
    while (i < n) {
        while (i < n && !joins(u[i]))
            ++i;
        const qsizetype start = i;
        // What each alternative needs at least: an address an '@', an IPv6 address a ':', an
        // IPv4 address seven characters with digits, a number four digits in a row and an ID
        // eight characters with a digit. Reply and enhanced codes ("550", "5.1.1") need none.
        bool separator = false;
        bool digit = false;
        int digitRun = 0;
        int longestDigitRun = 0;
        while (i < n && joins(u[i])) {
            const char16_t c = u[i];
            separator = separator || c == u'@' || c == u':';
            if (c >= u'0' && c <= u'9') {
                digit = true;
                longestDigitRun = std::max(longestDigitRun, ++digitRun);
            } else {
                digitRun = 0;
            }
            ++i;
        }
        if (separator || (digit && (i - start >= 7 || longestDigitRun >= 4))) {
            if (copied == 0)
                out.reserve(n + 8);
            out += view.sliced(copied, start - copied);
            AsciiMasker::instance().append(view.sliced(start, i - start), out);
            copied = i;
        }
    }
    if (copied == 0)
        return text;
    out += view.sliced(copied);
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
