// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "replay/LogRecord.h"

#include <array>
#include <cctype>
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

/// What FastScanner picks out of a line. Text stays raw until the record turns out to be a
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

/// Bytes a JSON string holds as they are and the scanner accepts without a second look.
constexpr std::array<bool, 256> PlainStringByte = [] {
    std::array<bool, 256> t{};
    for (int c = 0x20; c < 0x80; ++c)
        t[size_t(c)] = c != '"' && c != '\\';
    return t;
}();

/// The first byte at or after `p` that PlainStringByte rejects, or `end`. Reply texts run to
/// hundreds of plain bytes, so sixteen are tested at once where the CPU allows it.
const char *skipPlainString(const char *p, const char *end)
{
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i space = _mm_set1_epi8(0x20);
    while (end - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        // A signed compare: bytes >= 0x80 are negative, so "< 0x20" also catches non-ASCII.
        const __m128i special = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                                             _mm_cmplt_epi8(v, space));
        if (const int mask = _mm_movemask_epi8(special))
            return p + __builtin_ctz(static_cast<unsigned>(mask));
        p += 16;
    }
#endif
    while (p < end && PlainStringByte[static_cast<unsigned char>(*p)])
        ++p;
    return p;
}

/**
 * A validating scanner for the common shape of a KumoMTA record: one flat-ish object of ASCII
 * text. It checks the whole line is JSON (RFC 8259 grammar) and picks out the fields a replay
 * reads. Anything it is not sure reproduces QJsonDocument exactly — non-ASCII bytes, \u escapes
 * beyond ASCII, a needed field twice or of an unexpected type, deep nesting, invalid syntax —
 * makes it give up, and the caller runs the full parser, which also words the error.
 */
class FastScanner
{
public:
    explicit FastScanner(QByteArrayView line) : m_p(line.data()), m_end(line.data() + line.size()) {}

    std::optional<ScannedFields> scan()
    {
        ws();
        if (!eat('{'))
            return std::nullopt;
        ScannedFields f;
        unsigned seen = 0;
        bool ok = members([&](QByteArrayView key) {
            const auto once = [&seen](unsigned bit) {
                if (seen & bit)
                    return false;
                seen |= bit;
                return true;
            };
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
            return skipValue(0);
        });
        ws();
        if (!ok || m_p != m_end)
            return std::nullopt;
        return f;
    }

    /// Decodes a validated raw string; fails on \u escapes beyond ASCII (surrogates and all).
    static bool decode(const RawText &text, QString &out)
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

private:
    void ws()
    {
        // KumoMTA writes compact JSON: one compare sends every byte above ' ' back at once.
        while (m_p < m_end && static_cast<unsigned char>(*m_p) <= ' '
               && (*m_p == ' ' || *m_p == '\t' || *m_p == '\n' || *m_p == '\r'))
            ++m_p;
    }

    bool eat(char c)
    {
        if (m_p < m_end && *m_p == c) {
            ++m_p;
            return true;
        }
        return false;
    }

    /// Object members after '{': calls `member(key)` with the cursor on the value.
    template <typename Member>
    bool members(Member &&member)
    {
        ws();
        if (eat('}'))
            return true;
        while (true) {
            ws();
            QByteArrayView key;
            bool escaped = false;
            if (!rawString(key, escaped) || escaped)
                return false; // an escaped key could spell a needed one: leave it to Qt
            // KumoMTA writes no space around ':' and ',': one look settles both there.
            if (m_end - m_p >= 2 && m_p[0] == ':' && static_cast<unsigned char>(m_p[1]) > ' ') {
                ++m_p;
            } else {
                ws();
                if (!eat(':'))
                    return false;
                ws();
            }
            if (!member(key))
                return false;
            if (m_p < m_end && *m_p == ',') {
                ++m_p;
                continue;
            }
            ws();
            if (eat(','))
                continue;
            return eat('}');
        }
    }

    /// A string's raw bytes between the quotes; fails on control and non-ASCII bytes.
    [[gnu::always_inline]] bool rawString(QByteArrayView &out, bool &escaped)
    {
        if (!eat('"'))
            return false;
        const char *start = m_p;
        escaped = false;
        while (m_p < m_end) {
            // Most bytes are plain text: one table look-up each, the cases below only for the rest.
            m_p = skipPlainString(m_p, m_end);
            if (m_p >= m_end)
                return false;
            const unsigned char c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                out = QByteArrayView(start, m_p - start);
                ++m_p;
                return true;
            }
            if (c < 0x20 || c >= 0x80)
                return false;
            if (c == '\\') {
                escaped = true;
                ++m_p;
                if (m_p >= m_end)
                    return false;
                const char e = *m_p;
                if (e == 'u') {
                    if (m_end - m_p < 5)
                        return false;
                    for (int i = 1; i <= 4; ++i) {
                        if (!std::isxdigit(static_cast<unsigned char>(m_p[i])))
                            return false;
                    }
                    m_p += 4;
                } else if (!(e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't')) {
                    return false;
                }
            }
            ++m_p;
        }
        return false;
    }

    static int hexValue(char c)
    {
        return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    }

    bool literal(const char *word)
    {
        const qsizetype n = qsizetype(std::strlen(word));
        if (m_end - m_p < n || std::memcmp(m_p, word, size_t(n)) != 0)
            return false;
        m_p += n;
        return true;
    }

    /// A text field: a string, or null (read as ""). Any other value is valid JSON that only
    /// the full parser reads as Qt does: `odd` is set and the value skipped.
    bool text(RawText &out, bool &odd)
    {
        if (m_p < m_end && *m_p == 'n')
            return literal("null");
        if (m_p < m_end && *m_p == '"') {
            out.isString = true;
            return rawString(out.raw, out.escaped);
        }
        odd = true;
        return skipValue(1);
    }

    /// The record type: a string, shared with other records when it is a known name.
    bool typeName(QString &out)
    {
        QByteArrayView raw;
        bool escaped = false;
        if (!rawString(raw, escaped))
            return false;
        if (escaped)
            return decode(RawText{raw, true, true}, out);
        out = internedType(QLatin1String(raw));
        return true;
    }

    /// A JSON number; `integer` receives its value when it is a plain integer of at most 9 digits.
    [[gnu::always_inline]] bool number(std::optional<int> *integer)
    {
        const char *start = m_p;
        const bool negative = eat('-');
        if (m_p >= m_end || !std::isdigit(static_cast<unsigned char>(*m_p)))
            return false;
        if (*m_p == '0') {
            ++m_p;
        } else {
            while (m_p < m_end && std::isdigit(static_cast<unsigned char>(*m_p)))
                ++m_p;
        }
        bool plain = true;
        if (eat('.')) {
            plain = false;
            if (m_p >= m_end || !std::isdigit(static_cast<unsigned char>(*m_p)))
                return false;
            while (m_p < m_end && std::isdigit(static_cast<unsigned char>(*m_p)))
                ++m_p;
        }
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
            plain = false;
            ++m_p;
            if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            if (m_p >= m_end || !std::isdigit(static_cast<unsigned char>(*m_p)))
                return false;
            while (m_p < m_end && std::isdigit(static_cast<unsigned char>(*m_p)))
                ++m_p;
        }
        if (integer) {
            const qsizetype digits = (m_p - start) - (negative ? 1 : 0);
            if (!plain || digits > 9)
                return false; // Qt's double-to-int rules are not worth repeating here
            int v = 0;
            for (const char *q = start + (negative ? 1 : 0); q < m_p; ++q)
                v = v * 10 + (*q - '0');
            *integer = negative ? -v : v;
        }
        return true;
    }

    bool skipValue(int depth)
    {
        if (m_p >= m_end || depth > 32)
            return false;
        switch (*m_p) {
        case '"': {
            QByteArrayView raw;
            bool escaped = false;
            return rawString(raw, escaped);
        }
        case '{':
            ++m_p;
            return members([&](QByteArrayView) { return skipValue(depth + 1); });
        case '[':
            ++m_p;
            ws();
            if (eat(']'))
                return true;
            while (true) {
                ws();
                if (!skipValue(depth + 1))
                    return false;
                ws();
                if (eat(','))
                    continue;
                return eat(']');
            }
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            return number(nullptr);
        }
    }

    bool enhancedCode(std::optional<EnhancedStatusCode> &out)
    {
        if (m_p < m_end && *m_p == 'n')
            return literal("null");
        if (!eat('{'))
            return false;
        std::optional<int> parts[3];
        unsigned seen = 0;
        const bool ok = members([&](QByteArrayView key) {
            const int i = keyIs(key, "class") ? 0 : keyIs(key, "subject") ? 1 : keyIs(key, "detail") ? 2 : -1;
            if (i < 0)
                return skipValue(1);
            if (seen & (1u << i))
                return false;
            seen |= 1u << i;
            return number(&parts[i]);
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
        if (!eat('{'))
            return false;
        unsigned seen = 0;
        return members([&](QByteArrayView key) {
            const auto once = [&seen](unsigned bit) {
                if (seen & bit)
                    return false;
                seen |= bit;
                return true;
            };
            if (keyIs(key, "code")) {
                std::optional<int> code;
                if (!once(1) || !number(&code))
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

    const char *m_p;
    const char *m_end;
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
        if (!FastScanner::decode(*from, *to))
            return std::nullopt;
    }
    f.hasCommand = s.command.isString;
    // An empty command stays a null string, as the scanner has always left it.
    if (f.hasCommand && !s.command.raw.isEmpty() && !FastScanner::decode(s.command, f.command))
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

Result<LogRecord> LogRecord::parse(QByteArrayView line, Fields which)
{
    if (std::optional<ScannedFields> scanned = FastScanner(line).scan()) {
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
