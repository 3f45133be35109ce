// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "common/DeliveryRules.h"

#include <QCoreApplication>
#include <QStringList>

namespace Dsn {

namespace {

bool isPredefinedClassification(const QString &label)
{
    static const QStringList kPredefined = {
        QStringLiteral("InvalidRecipient"),  QStringLiteral("DNSFailure"),      QStringLiteral("SpamBlock"),
        QStringLiteral("SpamContent"),       QStringLiteral("ProhibitedAttachment"), QStringLiteral("RelayDenied"),
        QStringLiteral("AutoReply"),         QStringLiteral("TransientFailure"), QStringLiteral("Subscribe"),
        QStringLiteral("Unsubscribe"),       QStringLiteral("ChallengeResponse"), QStringLiteral("BadConfiguration"),
        QStringLiteral("BadConnection"),     QStringLiteral("BadDomain"),       QStringLiteral("ContentRelated"),
        QStringLiteral("InactiveMailbox"),   QStringLiteral("InvalidSender"),   QStringLiteral("MessageExpired"),
        QStringLiteral("NoAnswerFromHost"),  QStringLiteral("PolicyRelated"),   QStringLiteral("ProtocolErrors"),
        QStringLiteral("QuotaIssues"),       QStringLiteral("RoutingErrors"),   QStringLiteral("VirusRelated"),
        QStringLiteral("AuthenticationFailed"),
    };
    return kPredefined.contains(label);
}

} // namespace

bool DeliveryRules::eventFires(SmtpPhase phase, int code, CompatProfile profile)
{
    const bool is2026 = profile == CompatProfile::V2026_06;
    switch (phase) {
    case SmtpPhase::MailFrom:
    case SmtpPhase::RcptTo:
        return is2026 ? code != 250 : (code < 200 || code > 299);
    case SmtpPhase::Data:
        return code != 354;
    case SmtpPhase::EndOfData:
        return code != 250;
    case SmtpPhase::Rset:
        return is2026 && code != 250;
    default:
        return false;
    }
}

QString DeliveryRules::triggerExplanation(SmtpPhase phase, int code, CompatProfile profile)
{
    const bool fires = eventFires(phase, code, profile);
    const QString c = QString::number(code);
    const QString p = smtpPhaseName(phase);
    switch (phase) {
    case SmtpPhase::MailFrom:
    case SmtpPhase::RcptTo:
        if (profile == CompatProfile::V2026_06)
            return fires ? QCoreApplication::translate("DeliveryRules", "KumoMTA 2026.06 calls the event for any %1 reply other than 250; this one is %2.").arg(p, c)
                         : QCoreApplication::translate("DeliveryRules", "A 250 reply to %1 is accepted, so the event is not called.").arg(p);
        return fires ? QCoreApplication::translate("DeliveryRules", "A %1 reply to %2 is not 2xx, so the event is called.").arg(c, p)
                     : QCoreApplication::translate("DeliveryRules", "A 2xx reply to %1 is accepted, so the event is not called.").arg(p);
    case SmtpPhase::Data:
        return fires ? QCoreApplication::translate("DeliveryRules", "DATA answered %1 instead of 354, so the event is called.").arg(c)
                     : QCoreApplication::translate("DeliveryRules", "DATA answered 354, so the transfer goes on and the event is not called.");
    case SmtpPhase::EndOfData:
        return fires ? QCoreApplication::translate("DeliveryRules", "The final dot answered %1 instead of 250, so the event is called.").arg(c)
                     : QCoreApplication::translate("DeliveryRules", "The final dot answered 250: the message was accepted and the event is not called.");
    case SmtpPhase::Rset:
        if (profile == CompatProfile::V2026_06)
            return fires ? QCoreApplication::translate("DeliveryRules", "RSET before a further message answered %1 instead of 250, so KumoMTA 2026.06 calls the event.").arg(c)
                         : QCoreApplication::translate("DeliveryRules", "RSET answered 250, so the event is not called.");
        return QCoreApplication::translate("DeliveryRules", "The documented behaviour never calls the event for RSET.");
    default:
        return QCoreApplication::translate("DeliveryRules", "Replies to %1 are connection-level failures: KumoMTA logs them as TransientFailure and never calls the event.").arg(p);
    }
}

RecordType DeliveryRules::typeForCode(int code)
{
    if (code >= 200 && code <= 299)
        return RecordType::Delivery;
    if ((code >= 300 && code <= 499) || code == 503)
        return RecordType::TransientFailure;
    return RecordType::Bounce;
}

namespace {

/// Which rule of spec §4/§10 decides a final reply's record type.
enum class TypeRule
{
    EnhancedTooMany, ///< 2026.06, RCPT TO, enhanced code 4.5.3
    BareTooMany,     ///< 2026.06, RCPT TO, 452/552 without enhanced code, not settled by a class
    Code,            ///< the code alone
};

TypeRule typeRule(int code, const std::optional<EnhancedStatusCode> &enhanced, SmtpPhase phase, CompatProfile profile,
                  const QString &bounceClassification)
{
    if (profile == CompatProfile::V2026_06 && phase == SmtpPhase::RcptTo && !(code >= 200 && code <= 299)) {
        if (enhanced && *enhanced == EnhancedStatusCode{4, 5, 3})
            return TypeRule::EnhancedTooMany;
        if (!enhanced && (code == 452 || code == 552)) {
            const bool settledByClass = !bounceClassification.isEmpty()
                && bounceClassification != QLatin1String("TooManyRecipients")
                && bounceClassification != QLatin1String("Uncategorized")
                && isPredefinedClassification(bounceClassification);
            if (!settledByClass)
                return TypeRule::BareTooMany;
        }
    }
    return TypeRule::Code;
}

} // namespace

RecordType DeliveryRules::recordType(int code, const std::optional<EnhancedStatusCode> &enhanced, SmtpPhase phase,
                                     CompatProfile profile, const QString &bounceClassification)
{
    return typeRule(code, enhanced, phase, profile, bounceClassification) == TypeRule::Code
        ? typeForCode(code)
        : RecordType::TransientFailure;
}

DeliveryRules::Disposition DeliveryRules::classify(int code, const std::optional<EnhancedStatusCode> &enhanced,
                                                   SmtpPhase phase, CompatProfile profile,
                                                   const QString &bounceClassification)
{
    const QString c = QString::number(code);
    switch (typeRule(code, enhanced, phase, profile, bounceClassification)) {
    case TypeRule::EnhancedTooMany:
        return {RecordType::TransientFailure,
                QCoreApplication::translate("DeliveryRules", "Enhanced code 4.5.3 answering RCPT TO means too many recipients, so KumoMTA 2026.06 keeps it a "
                   "TransientFailure whatever the code (%1).")
                    .arg(c)};
    case TypeRule::BareTooMany:
        return {RecordType::TransientFailure,
                QCoreApplication::translate("DeliveryRules", "%1 without an enhanced code answering RCPT TO is treated as too many recipients, so "
                   "KumoMTA 2026.06 keeps it a TransientFailure (rewrite to 550 or 555 to bounce).")
                    .arg(c)};
    case TypeRule::Code:
        break;
    }
    const RecordType type = typeForCode(code);
    switch (type) {
    case RecordType::Delivery:
        return {type, QCoreApplication::translate("DeliveryRules", "A %1 code is 2xx, so the record is a Delivery.").arg(c)};
    case RecordType::TransientFailure:
        if (code == 503)
            return {type, QCoreApplication::translate("DeliveryRules", "503 (bad sequence of commands) is retried by KumoMTA, so the record is a TransientFailure.")};
        return {type, QCoreApplication::translate("DeliveryRules", "A %1 code is %2xx, so KumoMTA keeps the message and retries: TransientFailure.")
                          .arg(c, QString::number(code / 100))};
    default:
        if (code >= 500 && code <= 599)
            return {type, QCoreApplication::translate("DeliveryRules", "A %1 code is a permanent failure, so the record is a Bounce and the message leaves the "
                             "queue.")
                              .arg(c)};
        return {type, QCoreApplication::translate("DeliveryRules", "%1 is outside 2xx–4xx, which KumoMTA treats as a permanent failure: Bounce.").arg(c)};
    }
}

} // namespace Dsn
