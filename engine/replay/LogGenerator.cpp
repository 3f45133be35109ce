// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "replay/LogGenerator.h"

#include <array>
#include <initializer_list>
#include <optional>

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringView>

#include "common/DeliveryRules.h"
#include "common/EnhancedStatusCode.h"
#include "common/RecordType.h"
#include "replay/LogWriter.h"

namespace Dsn::Replay {

namespace {

const std::array<const char *, 16> Domains = {"gmail.com",   "yahoo.com",  "outlook.com", "hotmail.com",
                                              "icloud.com",  "gmx.de",     "web.de",      "orange.fr",
                                              "aol.com",     "comcast.net", "yandex.ru",  "mail.ru",
                                              "t-online.de", "free.fr",    "libero.it",   "example.net"};
const std::array<const char *, 4> Tenants = {"acme", "globex", "initech", "umbrella"};
const std::array<const char *, 4> Campaigns = {"newsletter", "promo", "receipts", "onboarding"};
const std::array<const char *, 8> Names = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"};

QString site(const QString &domain)
{
    if (domain == QLatin1String("gmail.com"))
        return QStringLiteral("(alt1|alt2|alt3|alt4)?.gmail-smtp-in.l.google.com");
    if (domain == QLatin1String("outlook.com") || domain == QLatin1String("hotmail.com"))
        return QStringLiteral("%1.olc.protection.outlook.com").arg(QString(domain).replace(QLatin1Char('.'), QLatin1Char('-')));
    if (domain == QLatin1String("yahoo.com") || domain == QLatin1String("aol.com"))
        return QStringLiteral("(mta5|mta6|mta7).am0.yahoodns.net");
    return QStringLiteral("(mx1|mx2).") + domain;
}

/**
 * A label as a KumoMTA bounce classifier with typical rules would log it: keywords of the
 * reply, checked in order (the first match wins, as in a rule file). Only failures get one.
 */
QString classificationFor(int code, const QString &content)
{
    struct Rule
    {
        const char *label;
        std::initializer_list<const char *> needles;
    };
    static const Rule rules[] = {
        {"InvalidRecipient", {"does not exist", "user unknown", "no such user", "unknown user", "invalid recipient",
                              "recipient address rejected", "mailbox unavailable", "address rejected", "5.1.1"}},
        {"QuotaIssues", {"quota", "mailbox full", "mailbox is full", "out of storage", "insufficient storage", "4.2.2",
                         "5.2.2"}},
        {"InactiveMailbox", {"inactive", "disabled", "deactivated", "suspended"}},
        {"SpamBlock", {"spamhaus", "blocked", "blacklist", "blocklist", "block list", "listed", "reputation", "rbl"}},
        {"SpamContent", {"spam", "content", "message not accepted"}},
        {"PolicyRelated", {"policy", "dmarc", "dkim", "spf", "authentication", "5.7."}},
        {"TooManyRecipients", {"too many recipients", "4.5.3"}},
        {"BadConnection", {"too quickly", "rate limit", "deferred", "unexpected volume", "too many connections",
                           "try again later", "come back later", "greylist"}},
        {"RelayDenied", {"relay", "relaying"}},
        {"BadDomain", {"domain not found", "no such domain", "bad destination"}},
    };
    const QString text = content.toLower();
    for (const Rule &rule : rules) {
        for (const char *needle : rule.needles) {
            if (text.contains(QLatin1String(needle)))
                return QString::fromLatin1(rule.label);
        }
    }
    return code >= 500 ? QStringLiteral("Uncategorized") : QStringLiteral("TransientFailure");
}

Diagnostic corpusError(const QString &path, const QString &why)
{
    return Diagnostic::error(QStringLiteral("bad-corpus"),
                             QCoreApplication::translate("LogGenerator", "cannot use corpus %1: %2").arg(path, why), path);
}

} // namespace

LogGenerator::LogGenerator(QList<Reply> replies, quint64 seed)
    : m_state(seed)
{
    if (replies.isEmpty())
        replies = builtinReplies();
    m_prepared.reserve(replies.size());
    for (const Reply &reply : std::as_const(replies))
        m_prepared.append(prepare(reply));
}

LogGenerator::Prepared LogGenerator::prepare(const Reply &reply)
{
    Prepared p;
    p.code = reply.lines.first().left(3).toInt();
    p.phase = reply.phase;
    // The log keeps the content without code and enhanced code, lines joined by spaces.
    QStringList parts;
    for (qsizetype i = 0; i < reply.lines.size(); ++i) {
        QStringView text = QStringView(reply.lines.at(i)).mid(4);
        QStringView rest;
        if (const auto esc = EnhancedStatusCode::parsePrefix(text, &rest)) {
            if (i == 0)
                p.enhanced = esc;
            if (i == 0 || esc == p.enhanced)
                text = rest;
        }
        parts << text.toString();
    }
    p.content = parts.join(QLatin1Char(' '));
    p.variable = ResponseMasker::variableParts(p.content);
    return p;
}

QString LogGenerator::contentFor(const Prepared &p, const QString &recipient)
{
    if (p.variable.isEmpty())
        return p.content;
    QString out;
    out.reserve(p.content.size() + recipient.size());
    qsizetype last = 0;
    for (const ResponseMasker::Span &span : p.variable) {
        out += QStringView(p.content).sliced(last, span.start - last);
        const QStringView part = QStringView(p.content).sliced(span.start, span.length);
        switch (span.part) {
        case ResponseMasker::Part::Address:
            out += recipient;
            break;
        case ResponseMasker::Part::Ip:
            out += part; // the sending address: the same for every message from one source
            break;
        case ResponseMasker::Part::Number:
        case ResponseMasker::Part::Id:
            // Same shape, fresh characters: what masks as <id> or <n> still does.
            for (const QChar c : part) {
                const char16_t u = c.unicode();
                if (u >= u'0' && u <= u'9')
                    out += QLatin1Char(char('0' + below(10)));
                else if (u >= u'a' && u <= u'z')
                    out += QLatin1Char(char('a' + below(26)));
                else if (u >= u'A' && u <= u'Z')
                    out += QLatin1Char(char('A' + below(26)));
                else
                    out += c;
            }
            break;
        }
        last = span.start + span.length;
    }
    out += QStringView(p.content).sliced(last);
    return out;
}

quint64 LogGenerator::random()
{
    // splitmix64: tiny, fast, and the same sequence everywhere.
    quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

QString LogGenerator::hex(int digits)
{
    QString out;
    out.reserve(digits);
    while (out.size() < digits)
        out += QString::number(random() & 0xFFFFFFFFu, 16).rightJustified(8, QLatin1Char('0'));
    out.truncate(digits);
    return out;
}

Result<QList<LogGenerator::Reply>> LogGenerator::loadCorpus(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return corpusError(path, file.errorString());
    QList<Reply> replies;
    while (!file.atEnd()) {
        const QJsonObject o = QJsonDocument::fromJson(file.readLine()).object();
        const QJsonArray lines = o.value(QLatin1String("lines")).toArray();
        if (lines.isEmpty())
            continue;
        Reply r;
        for (const QJsonValue &l : lines)
            r.lines << l.toString();
        r.phase = smtpPhaseFromName(o.value(QLatin1String("phase")).toString()).value_or(SmtpPhase::RcptTo);
        replies.append(r);
    }
    if (replies.isEmpty())
        return corpusError(path, QCoreApplication::translate("LogGenerator", "no line has a \"lines\" array"));
    return replies;
}

QList<LogGenerator::Reply> LogGenerator::builtinReplies()
{
    const auto reply = [](std::initializer_list<const char *> lines, SmtpPhase phase) {
        Reply r;
        for (const char *l : lines)
            r.lines << QString::fromUtf8(l);
        r.phase = phase;
        return r;
    };
    return {
        reply({"550-5.1.1 The email account that you tried to reach does not exist. Please try",
               "550 5.1.1 double-checking the recipient's email address for typos. 4si123456qtb.12 - gsmtp"},
              SmtpPhase::RcptTo),
        reply({"452-4.2.2 The recipient's inbox is out of storage space. Please direct the",
               "452 4.2.2 recipient to https://support.google.com/mail/?p=OverQuotaTemp 4si123456qtb.12 - gsmtp"},
              SmtpPhase::RcptTo),
        reply({"421 4.7.0 [TSS04] Messages from 192.0.2.10 temporarily deferred due to unexpected volume"},
              SmtpPhase::MailFrom),
        reply({"554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using zen.spamhaus.org"},
              SmtpPhase::RcptTo),
        reply({"550 5.7.1 Unfortunately, messages from [192.0.2.10] weren't sent. (S3140)"}, SmtpPhase::RcptTo),
        reply({"451 4.7.1 Greylisting in action, please come back later"}, SmtpPhase::RcptTo),
        reply({"552 5.2.2 Mailbox full"}, SmtpPhase::RcptTo),
        reply({"450 4.2.1 The user you are trying to contact is receiving mail too quickly"}, SmtpPhase::RcptTo),
        reply({"554 5.7.9 Message not accepted for policy reasons. See https://help.yahoo.com/kb/postmaster"},
              SmtpPhase::EndOfData),
        reply({"550 5.1.1 <user@example.net>: Recipient address rejected: User unknown in virtual mailbox table"},
              SmtpPhase::RcptTo),
    };
}

QByteArray LogGenerator::nextRecord(bool *isFailure)
{
    m_time += below(3);
    const QString domain = QString::fromLatin1(pick(Domains));
    const QString tenant = QString::fromLatin1(pick(Tenants));
    const QString campaign = QString::fromLatin1(pick(Campaigns));
    QString queue;
    switch (below(10)) {
    case 0: case 1: case 2: case 3:
        queue = domain;
        break;
    case 4: case 5:
        queue = tenant + QLatin1Char('@') + domain;
        break;
    default:
        queue = campaign + QLatin1Char(':') + tenant + QLatin1Char('@') + domain;
        break;
    }
    const QString recipient = QStringLiteral("%1.%2@%3").arg(QString::fromLatin1(pick(Names))).arg(below(100000)).arg(domain);
    const QString sender = QStringLiteral("bounces-%1@%2.example.com").arg(campaign, tenant);
    const QString peerHost = QStringLiteral("mx%1.%2.").arg(below(4) + 1).arg(domain);

    const int dice = below(100);
    RecordType type = RecordType::Delivery;
    QJsonObject response;
    QString classification = QStringLiteral("Uncategorized");
    if (dice < 10) {
        type = RecordType::Reception;
        response = QJsonObject{{QStringLiteral("code"), 250},
                               {QStringLiteral("enhanced_code"), QJsonValue::Null},
                               {QStringLiteral("content"), QString()},
                               {QStringLiteral("command"), QJsonValue::Null}};
    } else if (dice < 60) {
        response = QJsonObject{{QStringLiteral("code"), 250},
                               {QStringLiteral("enhanced_code"), EnhancedStatusCode{2, 0, 0}.toJson()},
                               {QStringLiteral("content"), QStringLiteral("OK ids=") + hex(32)},
                               {QStringLiteral("command"), QStringLiteral(".\r\n")}};
    } else {
        const Prepared &prepared = pick(m_prepared);
        const int code = prepared.code;
        const std::optional<EnhancedStatusCode> &enhanced = prepared.enhanced;
        QString content = contentFor(prepared, recipient);
        int loggedCode = code;
        // Some sites already run a rewrite policy: their 4xx become 500 with KumoMTA's note.
        if (code >= 400 && code < 500 && below(10) == 0) {
            loggedCode = 500;
            content += QStringLiteral(" (kumomta: status was rewritten from %1 -> 500)").arg(code);
        }
        classification = classificationFor(loggedCode, content);
        const QString command = smtpCommandFor(prepared.phase, sender, recipient);
        type = command.isNull() ? RecordType::TransientFailure : DeliveryRules::typeForCode(loggedCode);
        if (type == RecordType::Delivery)
            type = RecordType::TransientFailure;
        response = QJsonObject{{QStringLiteral("code"), loggedCode},
                               {QStringLiteral("enhanced_code"), enhanced ? enhanced->toJson() : QJsonValue(QJsonValue::Null)},
                               {QStringLiteral("content"), content},
                               {QStringLiteral("command"), command.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(command)}};
    }
    const bool failure = type == RecordType::TransientFailure || type == RecordType::Bounce;
    if (isFailure)
        *isFailure = failure;

    QJsonObject o;
    o.insert(QStringLiteral("type"), recordTypeName(type));
    o.insert(QStringLiteral("id"), hex(32));
    o.insert(QStringLiteral("sender"), sender);
    o.insert(QStringLiteral("recipient"), recipient);
    o.insert(QStringLiteral("queue"), queue);
    o.insert(QStringLiteral("site"), type == RecordType::Reception ? QString() : site(domain));
    o.insert(QStringLiteral("size"), 1000 + below(200000));
    o.insert(QStringLiteral("response"), response);
    o.insert(QStringLiteral("peer_address"),
             QJsonObject{{QStringLiteral("name"), peerHost},
                         {QStringLiteral("addr"), QStringLiteral("192.0.2.%1").arg(below(254) + 1)}});
    o.insert(QStringLiteral("timestamp"), m_time);
    o.insert(QStringLiteral("created"), m_time - below(600));
    o.insert(QStringLiteral("num_attempts"), failure ? 1 + below(5) : 1);
    o.insert(QStringLiteral("bounce_classification"), classification);
    o.insert(QStringLiteral("egress_pool"), QStringLiteral("pool-") + tenant);
    o.insert(QStringLiteral("egress_source"), QStringLiteral("ip-%1").arg(below(8) + 1));
    o.insert(QStringLiteral("feedback_report"), QJsonValue::Null);
    o.insert(QStringLiteral("meta"), QJsonObject());
    o.insert(QStringLiteral("headers"), QJsonObject());
    o.insert(QStringLiteral("delivery_protocol"), QStringLiteral("ESMTP"));
    QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact);
    line += '\n';
    return line;
}

Result<LogGenerator::Stats> LogGenerator::writeFile(const QString &path, const Options &options)
{
    if (options.records <= 0 && options.bytes <= 0)
        return Diagnostic::error(QStringLiteral("usage"),
                                 QCoreApplication::translate("LogGenerator", "a record count or a size is needed"));
    m_state = options.seed;
    m_time = 1767225600;
    LogWriter writer;
    if (!writer.open(path, options.zstd, options.zstdLevel))
        return Diagnostic::error(QStringLiteral("write-failed"), writer.errorString(), path);
    Stats stats;
    while ((options.records <= 0 || stats.records < options.records)
           && (options.bytes <= 0 || stats.bytes < options.bytes)) {
        bool failure = false;
        const QByteArray line = nextRecord(&failure);
        if (!writer.write(line))
            break;
        ++stats.records;
        stats.failures += failure;
        stats.bytes += line.size();
    }
    if (!writer.close())
        return Diagnostic::error(QStringLiteral("write-failed"), writer.errorString(), path);
    return stats;
}

} // namespace Dsn::Replay
