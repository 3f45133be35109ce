// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "replay/LogRecord.h"

#include <cstdint>
#include <cstring>
#include <optional>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QRegularExpression>

#include "common/EnhancedStatusCode.h"
#include "common/SmtpPhase.h"
#include "common/SmtpResponse.h"
#include "eval/BounceClassifier.h"

namespace Dsn::Replay {

namespace {

Diagnostic malformed(const char *why)
{
    return Diagnostic::error(QStringLiteral("malformed-record"), QCoreApplication::translate("LogRecord", why));
}

/// The fields of a record that a replay reads, whichever parser found them.
struct RawFields
{
    QString type;
    QString queue;
    QString site;
    QString recipient;
    QString sender;
    QString bounceClassification;
    int code = 0;
    std::optional<EnhancedStatusCode> enhanced;
    QString content;
    bool hasCommand = false;
    QString command;
};

/// A string field as the scanner found it: validated, not yet decoded.
struct RawText
{
    QByteArrayView raw;
    bool escaped = false;
    bool isString = false; ///< false: absent or null, both of which read as ""
};

/// What TokenScanner picks out of a line. Text stays raw until the record turns out to be a
/// failure: most records of a log are deliveries, whose type is all a replay counts.
struct ScannedFields
{
    QString type;
    RawText queue;
    RawText site;
    RawText recipient;
    RawText sender;
    RawText bounceClassification;
    RawText content;
    RawText command;
    int code = 0;
    std::optional<EnhancedStatusCode> enhanced;
    /// A text field of another JSON type (a recipient array, a numeric queue…): valid JSON the
    /// full parser reads its own way, which matters only where the field is read.
    bool odd = false;
};

/// `recipient` is a string, or an array when several recipients share one outcome.
QString firstRecipient(const QJsonValue &v)
{
    if (v.isArray())
        return v.toArray().at(0).toString();
    return v.toString();
}

/// Keys are compared dozens of times per record: a length check and an inlined compare of a
/// known size, not a library call per key.
template <size_t N>
bool keyIs(QByteArrayView key, const char (&word)[N])
{
    // Many keys share a length ("type", "site", "code", "meta"): the first byte usually decides.
    // Compared in words of a constant size, which compile to loads: memcmp here stayed a call.
    constexpr size_t n = N - 1;
    if (key.size() != qsizetype(n) || key.data()[0] != word[0])
        return false;
    const char *k = key.data();
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t a, b;
        std::memcpy(&a, k + i, 8);
        std::memcpy(&b, word + i, 8);
        if (a != b)
            return false;
    }
    if constexpr (n % 8 >= 4) {
        uint32_t a, b;
        std::memcpy(&a, k + i, 4);
        std::memcpy(&b, word + i, 4);
        if (a != b)
            return false;
        i += 4;
    }
    for (; i < n; ++i) {
        if (k[i] != word[i])
            return false;
    }
    return true;
}

/// Most records repeat a handful of type names: sharing one QString each saves an allocation.
QString internedType(QLatin1String type)
{
    static const QString known[] = {QStringLiteral("Delivery"), QStringLiteral("TransientFailure"),
                                    QStringLiteral("Bounce"), QStringLiteral("Reception"),
                                    QStringLiteral("Expiration"), QStringLiteral("AdminBounce"),
                                    QStringLiteral("OOB"), QStringLiteral("Feedback"), QStringLiteral("Rejection")};
    // Compared unit by unit here: the names are ASCII, and a library compare per candidate and
    // record cost more than the whole type field's scan. Read through constData(): utf16()
    // would copy each literal to the heap on first use, from whichever thread got there, and
    // every record's copy of the name would then bounce its reference count between cores.
    for (const QString &k : known) {
        if (k.size() != type.size())
            continue;
        const char16_t *u = reinterpret_cast<const char16_t *>(k.constData());
        qsizetype i = 0;
        while (i < type.size() && u[i] == char16_t(static_cast<unsigned char>(type.data()[i])))
            ++i;
        if (i == type.size())
            return k;
    }
    return QString(type);
}

int hexValue(char c)
{
    return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

/// Decodes a validated raw string; fails on \u escapes beyond ASCII (surrogates and all).
bool decodeText(const RawText &text, QString &out)
{
    if (!text.isString)
        return true;
    if (!text.escaped) {
        out = QString::fromLatin1(text.raw);
        return true;
    }
    const QByteArrayView raw = text.raw;
    out.resize(raw.size());
    QChar *o = out.data();
    for (qsizetype i = 0; i < raw.size(); ++i) {
        char c = raw[i];
        if (c == '\\') {
            const char e = raw[++i];
            switch (e) {
            case 'b': c = '\b'; break;
            case 'f': c = '\f'; break;
            case 'n': c = '\n'; break;
            case 'r': c = '\r'; break;
            case 't': c = '\t'; break;
            case 'u': {
                int v = 0;
                for (int k = 1; k <= 4; ++k)
                    v = v * 16 + hexValue(raw[i + k]);
                if (v >= 0x80)
                    return false;
                c = char(v);
                i += 4;
                break;
            }
            default: c = e; break; // " \ /
            }
        }
        *o++ = QLatin1Char(c);
    }
    out.truncate(o - out.constData());
    return true;
}

bool isHexDigit(char c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

bool isDigit(char c)
{
    return static_cast<unsigned char>(c - '0') < 10;
}

/**
 * A validating scanner for the common shape of a KumoMTA record: one flat-ish object of ASCII
 * text. It checks the whole line is JSON (RFC 8259 grammar) and picks out the fields a replay
 * reads. Anything it is not sure reproduces QJsonDocument exactly — non-ASCII or control bytes,
 * \u escapes beyond ASCII, a needed field twice or of an unexpected type, deep nesting, invalid
 * syntax, very long lines — makes it give up, and the caller runs the full parser, which also
 * words the error.
 *
 * It works in two passes. The first classifies the bytes 64 at a time into bit masks: it finds
 * the bytes the scanner leaves to Qt, checks every escape, and maps the quotes that open or
 * close a string (those no backslash escapes). The second walks the grammar over the bytes
 * outside strings and jumps over each string from its opening quote straight to the closing one
 * the map shows, so string contents — most of a record — are never looked at again.
 *
 * Listing the structural characters as well, the way a general JSON parser would, cost more
 * than it saved here: a compact record puts every ':' and ',' right next to a quote, where the
 * walk reads it anyway, and each listed token costs a store and a load. Even listing the quote
 * positions cost more than finding the closing quote in the map when the walk needs it.
 */
class TokenScanner
{
public:
    /// Longer lines (rare: huge header dumps) go to the full parser; this bound keeps the work
    /// arrays on the stack and the positions in 16 bits.
    static constexpr qsizetype MaxLine = 8192;

    // User-provided so that `TokenScanner()` leaves the work arrays alone instead of zeroing them.
    TokenScanner() {}

    std::optional<ScannedFields> scan(QByteArrayView line)
    {
        m_src = line.data();
        m_n = uint32_t(line.size());
        if (line.isEmpty() || line.size() > MaxLine || !classify())
            return std::nullopt;
        m_esc = m_escapes;
        m_nextEscape = *m_esc;
        m_pos = 0;
        const uint32_t open = next();
        if (m_b[open] != '{')
            return std::nullopt;
        m_pos = open + 1;
        ScannedFields f;
        if (!topMembers(f))
            return std::nullopt;
        // Past the object only spaces up to the NUL that ends the copy.
        if (next() != m_n)
            return std::nullopt;
        return f;
    }

private:
    // ---- Stage 1 -------------------------------------------------------------------------

    /// Fills the quote map, the escape list and the padded copy; false on bytes the scanner leaves
    /// to Qt (control, non-ASCII), an invalid escape, or a string still open at the end.
    bool classify()
    {
        const uint32_t blocks = (m_n + 63) / 64;
        uint64_t quoteParity = 0;
        uint16_t *esc = m_escapes;
        uint64_t escapedCarry = 0; // bit 0: the next block's first byte follows an escaping backslash
#if defined(__SSE2__)
        __m128i bad = _mm_setzero_si128();
        const __m128i quote = _mm_set1_epi8('"');
        const __m128i backslash = _mm_set1_epi8('\\');
        const __m128i space = _mm_set1_epi8(0x20);
#endif
        for (uint32_t blk = 0; blk < blocks; ++blk) {
            const uint32_t base = blk * 64;
            char *copy = m_b + base;
            const char *in = m_src + base;
            if (m_n - base < 64) {
                // The tail: spaces fill the block, which the walk reads as padding.
                std::memset(copy, ' ', 64);
                std::memcpy(copy, in, m_n - base);
                in = copy;
            }
            uint64_t quotes = 0, backslashes = 0;
#if defined(__SSE2__)
            __m128i slash[4];
            __m128i anySlash = _mm_setzero_si128();
#pragma GCC unroll 4
            for (int k = 0; k < 4; ++k) {
                const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(in + 16 * k));
                _mm_storeu_si128(reinterpret_cast<__m128i *>(copy + 16 * k), v);
                // Signed: bytes of 0x80 and up are negative, so one compare finds both kinds.
                bad = _mm_or_si128(bad, _mm_cmplt_epi8(v, space));
                quotes |= uint64_t(uint32_t(_mm_movemask_epi8(_mm_cmpeq_epi8(v, quote)))) << (16 * k);
                slash[k] = _mm_cmpeq_epi8(v, backslash);
                anySlash = _mm_or_si128(anySlash, slash[k]);
            }
            // Most blocks hold no backslash: one test instead of four masks.
            if (_mm_movemask_epi8(anySlash)) {
#pragma GCC unroll 4
                for (int k = 0; k < 4; ++k)
                    backslashes |= uint64_t(uint32_t(_mm_movemask_epi8(slash[k]))) << (16 * k);
            }
#else
            for (int i = 0; i < 64; ++i) {
                const unsigned char c = static_cast<unsigned char>(in[i]);
                copy[i] = char(c);
                if (c < 0x20 || c >= 0x80)
                    return false;
                quotes |= uint64_t(c == '"') << i;
                backslashes |= uint64_t(c == '\\') << i;
            }
#endif
            uint64_t escaped = escapedCarry;
            escapedCarry = 0;
            if (backslashes) {
                // Escapes are rare (a "\r\n" per failure): the runs are followed one by one.
                for (uint64_t rest = backslashes; rest; rest &= rest - 1) {
                    const int i = __builtin_ctzll(rest);
                    if (escaped & (uint64_t(1) << i))
                        continue;
                    if (i == 63)
                        escapedCarry = 1;
                    else
                        escaped |= uint64_t(1) << (i + 1);
                    const uint32_t at = base + uint32_t(i);
                    if (!validEscape(at))
                        return false;
                    *esc++ = uint16_t(at);
                }
            }
            const uint64_t real = quotes & ~escaped;
            m_quotes[blk] = real;
            quoteParity ^= real;
        }
#if defined(__SSE2__)
        if (_mm_movemask_epi8(bad))
            return false;
#endif
        // An odd count leaves a string open; an escape at the very end was refused above.
        if (__builtin_parityll(quoteParity))
            return false;
        m_quotes[blocks] = ~uint64_t(0); // ends any search for a closing quote
        *esc = 0xFFFF;
        std::memset(m_b + m_n, 0, 16);
        return true;
    }

    /// The escape whose backslash is at `at`: one of RFC 8259's, \u with four hex digits.
    bool validEscape(uint32_t at) const
    {
        if (at + 1 >= m_n)
            return false;
        switch (m_src[at + 1]) {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
            return true;
        case 'u':
            if (at + 5 >= m_n)
                return false;
            for (uint32_t k = 2; k <= 5; ++k) {
                if (!isHexDigit(m_src[at + k]))
                    return false;
            }
            return true;
        default:
            return false;
        }
    }

    // ---- Stage 2 -------------------------------------------------------------------------
    // Every byte outside strings is read here in order, so each quote the walk meets is the
    // next one listed. Whitespace is only ' ': stage 1 gives up on tabs and line breaks.

    /// The first byte at or after the cursor that is not a space (the copy ends in a NUL).
    [[gnu::always_inline]] uint32_t next() const
    {
        uint32_t s = m_pos;
        while (m_b[s] == ' ')
            ++s;
        return s;
    }

    /// Whether the string whose opening quote is at `open` holds an escape. Strings are asked
    /// about in order, so the cursor into the escape list only moves forward.
    [[gnu::always_inline]] bool escapedBetween(uint32_t open, uint32_t close)
    {
        while (m_nextEscape < open)
            m_nextEscape = *++m_esc;
        return m_nextEscape < close;
    }

    /// The string opening at `open`, where the walk found a quote. The walk reads everything
    /// outside strings and refuses a backslash there, so that quote is a real one and opens a
    /// string; the next real quote in the map closes it, and stage 1 saw to it that there is one.
    [[gnu::always_inline]] bool string(uint32_t open, uint32_t &close)
    {
        const uint32_t from = open + 1;
        uint32_t w = from / 64;
        uint64_t m = m_quotes[w] & (~uint64_t(0) << (from % 64));
        while (!m)
            m = m_quotes[++w];
        close = w * 64 + uint32_t(__builtin_ctzll(m));
        m_pos = close + 1;
        return true;
    }

    [[gnu::always_inline]] bool string(uint32_t open, RawText &out)
    {
        uint32_t close = 0;
        if (!string(open, close))
            return false;
        out.raw = QByteArrayView(m_src + open + 1, qsizetype(close - open - 1));
        out.escaped = escapedBetween(open, close);
        out.isString = true;
        return true;
    }

    bool literal(uint32_t at, const char *word, uint32_t size)
    {
        if (std::memcmp(m_b + at, word, size) != 0) // the copy has 16 bytes of padding
            return false;
        m_pos = at + size;
        return true;
    }

    /// A number per RFC 8259 at `at`; `integer` receives its value when it is a plain integer
    /// of at most 9 digits, else the number fails. The copy ends in a NUL: no bounds checks.
    [[gnu::always_inline]] bool number(uint32_t at, int *integer)
    {
        const char *start = m_b + at;
        const char *p = start;
        const bool negative = *p == '-';
        p += negative;
        const char *digits = p;
        if (*p == '0') {
            ++p;
        } else {
            if (!isDigit(*p))
                return false;
            while (isDigit(*p))
                ++p;
        }
        const char *intEnd = p;
        if (*p == '.') {
            ++p;
            if (!isDigit(*p))
                return false;
            while (isDigit(*p))
                ++p;
        }
        if ((*p | 0x20) == 'e') {
            ++p;
            if (*p == '+' || *p == '-')
                ++p;
            const char *exponent = p;
            if (!isDigit(*p))
                return false;
            while (isDigit(*p))
                ++p;
            // Out of a double's range Qt may fail or round its own way: not worth following.
            if (p - exponent > 2)
                return false;
        }
        if (p - start > 32)
            return false;
        if (integer) {
            if (intEnd != p || p - digits > 9)
                return false; // Qt's double-to-int rules are not worth repeating here
            int v = 0;
            for (const char *q = digits; q < p; ++q)
                v = v * 10 + (*q - '0');
            *integer = negative ? -v : v;
        }
        m_pos = uint32_t(p - m_b);
        return true;
    }

    /// Object members after '{' (the cursor past it): calls `member(key)` with the cursor
    /// before the value.
    template <typename Member>
    [[gnu::always_inline]] bool members(Member &&member)
    {
        uint32_t s = next();
        if (m_b[s] == '}') {
            m_pos = s + 1;
            return true;
        }
        while (true) {
            uint32_t close = 0;
            if (m_b[s] != '"' || !string(s, close))
                return false;
            if (escapedBetween(s, close))
                return false; // an escaped key could spell a needed one: leave it to Qt
            const uint32_t colon = next();
            if (m_b[colon] != ':')
                return false;
            m_pos = colon + 1;
            if (!member(QByteArrayView(m_b + s + 1, qsizetype(close - s - 1))))
                return false;
            s = next();
            if (m_b[s] == ',') {
                m_pos = s + 1;
                s = next();
                continue;
            }
            if (m_b[s] != '}')
                return false;
            m_pos = s + 1;
            return true;
        }
    }

    /// Skips a value the scanner does not read. Strings, numbers and literals are most of
    /// them and are skipped in place; nested containers go through a call of their own, so that
    /// the common case does not pay for the recursion's stack frame.
    [[gnu::always_inline]] bool skipValue(int depth)
    {
        const uint32_t s = next();
        switch (m_b[s]) {
        case '"': {
            uint32_t close = 0;
            return string(s, close);
        }
        case '{':
        case '[':
            return skipContainer(s, depth);
        case 't': return literal(s, "true", 4);
        case 'f': return literal(s, "false", 5);
        case 'n': return literal(s, "null", 4);
        default: return number(s, nullptr);
        }
    }

    [[gnu::noinline]] bool skipContainer(uint32_t s, int depth)
    {
        if (depth > 32)
            return false;
        m_pos = s + 1;
        if (m_b[s] == '[')
            return array(depth + 1);
        return members([this, depth](QByteArrayView) { return skipValue(depth + 1); });
    }

    bool array(int depth)
    {
        uint32_t s = next();
        if (m_b[s] == ']') {
            m_pos = s + 1;
            return true;
        }
        while (true) {
            if (!skipValue(depth))
                return false;
            s = next();
            m_pos = s + 1;
            if (m_b[s] == ',')
                continue;
            return m_b[s] == ']';
        }
    }

    /// A text field: a string, or null (read as ""). Any other value is valid JSON that only
    /// the full parser reads as Qt does: `odd` is set and the value skipped.
    [[gnu::always_inline]] bool text(RawText &out, bool &odd)
    {
        const uint32_t s = next();
        if (m_b[s] == '"')
            return string(s, out);
        if (m_b[s] == 'n')
            return literal(s, "null", 4);
        odd = true;
        return skipValue(1);
    }

    /// The record type: a string, shared with other records when it is a known name.
    bool typeName(QString &out)
    {
        const uint32_t s = next();
        RawText raw;
        if (m_b[s] != '"' || !string(s, raw))
            return false;
        if (raw.escaped)
            return decodeText(raw, out);
        out = internedType(QLatin1String(raw.raw));
        return true;
    }

    [[gnu::always_inline]] bool integer(std::optional<int> &out)
    {
        int v = 0;
        if (!number(next(), &v))
            return false;
        out = v;
        return true;
    }

    bool enhancedCode(std::optional<EnhancedStatusCode> &out)
    {
        if (m_b[next()] == 'n')
            return literal(next(), "null", 4);
        if (!openObject())
            return false;
        std::optional<int> parts[3];
        unsigned seen = 0;
        const bool ok = members([&](QByteArrayView key) {
            const int i = keyIs(key, "class") ? 0 : keyIs(key, "subject") ? 1 : keyIs(key, "detail") ? 2 : -1;
            if (i < 0)
                return skipValue(2);
            if (seen & (1u << i))
                return false;
            seen |= 1u << i;
            return integer(parts[i]);
        });
        if (!ok || seen != 7u)
            return false; // incomplete codes follow fromJson's rules in the full parser
        EnhancedStatusCode e;
        e.klass = *parts[0];
        e.subject = *parts[1];
        e.detail = *parts[2];
        if (e.klass >= 0 && e.subject >= 0 && e.detail >= 0)
            out = e;
        return true;
    }

    bool response(ScannedFields &f)
    {
        if (!openObject())
            return false;
        FirstTime once;
        return members([&](QByteArrayView key) {
            if (keyIs(key, "code")) {
                std::optional<int> code;
                if (!once(1) || !integer(code))
                    return false;
                f.code = *code;
                return true;
            }
            if (keyIs(key, "enhanced_code"))
                return once(2) && enhancedCode(f.enhanced);
            if (keyIs(key, "content"))
                return once(4) && text(f.content, f.odd);
            if (keyIs(key, "command"))
                return once(8) && text(f.command, f.odd);
            return skipValue(1);
        });
    }

    /// Past the '{' that must come next.
    bool openObject()
    {
        const uint32_t s = next();
        if (m_b[s] != '{')
            return false;
        m_pos = s + 1;
        return true;
    }

    /// A needed key seen twice makes the reading ambiguous (Qt keeps the last): give up then.
    struct FirstTime
    {
        unsigned seen = 0;
        bool operator()(unsigned bit)
        {
            if (seen & bit)
                return false;
            seen |= bit;
            return true;
        }
    };

    bool topMembers(ScannedFields &f)
    {
        FirstTime once;
        return members([&](QByteArrayView key) {
            // Most of a record's twenty-odd keys are not read: the length rules them out at once.
            switch (key.size()) {
            case 4:
                if (keyIs(key, "type"))
                    return once(1) && typeName(f.type);
                if (keyIs(key, "site"))
                    return once(4) && text(f.site, f.odd);
                break;
            case 5:
                if (keyIs(key, "queue"))
                    return once(2) && text(f.queue, f.odd);
                break;
            case 6:
                if (keyIs(key, "sender"))
                    return once(16) && text(f.sender, f.odd);
                break;
            case 8:
                if (keyIs(key, "response"))
                    return once(32) && response(f);
                break;
            case 9:
                if (keyIs(key, "recipient"))
                    return once(8) && text(f.recipient, f.odd);
                break;
            case 21:
                if (keyIs(key, "bounce_classification"))
                    return once(64) && text(f.bounceClassification, f.odd);
                break;
            default:
                break;
            }
            return skipValue(1);
        });
    }

    const char *m_src = nullptr;
    uint32_t m_n = 0;
    uint32_t m_pos = 0;           ///< stage 2: the first byte not yet read
    const uint16_t *m_esc = nullptr;
    uint32_t m_nextEscape = 0; ///< *m_esc, kept at hand: every string asks
    /// The line copied, padded to whole blocks plus 16 bytes: the walk reads ahead freely.
    char m_b[MaxLine + 64 + 16];
    /// Bit i of word i / 64: byte i is a quote no backslash escapes, one that opens or closes a
    /// string. One word more: a sentinel.
    uint64_t m_quotes[MaxLine / 64 + 2];
    uint16_t m_escapes[MaxLine / 2 + 2];
};

Result<RawFields> parseWithQtJson(const QByteArray &line)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError)
        return Diagnostic::error(QStringLiteral("malformed-record"),
                                 QCoreApplication::translate("LogRecord", "invalid JSON at offset %1: %2")
                                     .arg(error.offset)
                                     .arg(error.errorString()));
    if (!doc.isObject())
        return malformed(QT_TRANSLATE_NOOP("LogRecord", "not a JSON object"));
    const QJsonObject o = doc.object();
    RawFields f;
    f.type = o.value(QLatin1String("type")).toString();
    f.queue = o.value(QLatin1String("queue")).toString();
    f.site = o.value(QLatin1String("site")).toString();
    f.recipient = firstRecipient(o.value(QLatin1String("recipient")));
    f.sender = o.value(QLatin1String("sender")).toString();
    f.bounceClassification = o.value(QLatin1String("bounce_classification")).toString();
    const QJsonObject response = o.value(QLatin1String("response")).toObject();
    f.code = response.value(QLatin1String("code")).toInt();
    f.enhanced = EnhancedStatusCode::fromJson(response.value(QLatin1String("enhanced_code")));
    f.content = response.value(QLatin1String("content")).toString();
    const QJsonValue command = response.value(QLatin1String("command"));
    f.hasCommand = command.isString();
    f.command = command.toString();
    return f;
}

bool isFailureType(const QString &type)
{
    // The size first: most records are deliveries, and this runs twice per record.
    return (type.size() == 16 && type == QLatin1String("TransientFailure"))
        || (type.size() == 6 && type == QLatin1String("Bounce"));
}

/// The scanned text decoded into fields: all of them, or for a record that is not a failure
/// only its type. nullopt: a field needs the full parser.
std::optional<RawFields> decoded(ScannedFields &&s, LogRecord::Fields which)
{
    RawFields f;
    f.type = std::move(s.type);
    f.code = s.code;
    f.enhanced = s.enhanced;
    if (which == LogRecord::Fields::FailuresOnly && !isFailureType(f.type))
        return f;
    if (s.odd)
        return std::nullopt;
    const std::pair<const RawText *, QString *> texts[] = {
        {&s.queue, &f.queue},         {&s.site, &f.site},
        {&s.recipient, &f.recipient}, {&s.sender, &f.sender},
        {&s.content, &f.content},     {&s.bounceClassification, &f.bounceClassification},
    };
    for (const auto &[from, to] : texts) {
        if (!decodeText(*from, *to))
            return std::nullopt;
    }
    f.hasCommand = s.command.isString;
    // An empty command stays a null string, as the scanner has always left it.
    if (f.hasCommand && !s.command.raw.isEmpty() && !decodeText(s.command, f.command))
        return std::nullopt;
    return f;
}

Result<LogRecord> fromFields(RawFields f, LogRecord::Fields which)
{
    LogRecord r;
    r.type = std::move(f.type);
    if (r.type.isEmpty())
        return malformed(QT_TRANSLATE_NOOP("LogRecord", "the record has no \"type\""));
    r.isFailure = isFailureType(r.type);
    r.code = f.code;
    r.originalCode = r.code;
    if (!r.isFailure && which == LogRecord::Fields::FailuresOnly)
        return r;
    r.queue = std::move(f.queue);
    r.queueName = QueueName::parse(r.queue);
    r.site = std::move(f.site);
    r.recipient = std::move(f.recipient);
    r.bounceClassification = f.bounceClassification.isEmpty() ? Eval::BounceClassifier::uncategorized() : std::move(f.bounceClassification);
    r.domain = r.queueName.domain;
    if (r.domain.isEmpty())
        r.domain = r.recipient.section(QLatin1Char('@'), -1).toLower();

    if (!r.isFailure)
        return r;
    if (r.code < 200 || r.code > 599)
        return malformed(QT_TRANSLATE_NOOP("LogRecord", "the failure record has no SMTP response code"));

    QString content = std::move(f.content);
    // Replaying the production policy's output would rewrite an already rewritten code.
    const QLatin1String notePrefix(" (kumomta: status was rewritten from ");
    if (content.endsWith(QLatin1Char(')')) && content.contains(notePrefix)) {
        static const QRegularExpression note(QStringLiteral(" \\(kumomta: status was rewritten from (\\d{3}) -> (\\d{3})\\)$"));
        const QRegularExpressionMatch m = note.match(content);
        if (m.hasMatch() && m.captured(2).toInt() == r.code) {
            r.originalCode = m.captured(1).toInt();
            content.truncate(m.capturedStart());
        }
    }
    r.input.response = SmtpResponse::assembleLogged(r.originalCode, f.enhanced, content);
    r.input.queue = r.queue;
    r.input.recipient = r.recipient;
    r.input.sender = std::move(f.sender);
    if (f.hasCommand) {
        r.input.phase = smtpPhaseForCommand(f.command).value_or(SmtpPhase::RcptTo);
        r.input.command = std::move(f.command);
    } else {
        // No command: KumoMTA's own response (connection failure, timeout, I/O error). The event
        // never fires for those (spec §3), so the record stays what it was.
        r.internal = true;
        r.input.commandless = true;
    }
    return r;
}

} // namespace

bool LogRecord::scannerReads(QByteArrayView line)
{
    return TokenScanner().scan(line).has_value();
}

Result<LogRecord> LogRecord::parse(QByteArrayView line, Fields which)
{
    if (std::optional<ScannedFields> scanned = TokenScanner().scan(line)) {
        if (std::optional<RawFields> fields = decoded(std::move(*scanned), which))
            return fromFields(std::move(*fields), which);
    }
    return parseGeneric(line.toByteArray());
}

Result<LogRecord> LogRecord::parseGeneric(const QByteArray &line)
{
    Result<RawFields> fields = parseWithQtJson(line);
    if (!fields)
        return fields.error();
    return fromFields(std::move(*fields), Fields::All);
}

} // namespace Dsn::Replay
