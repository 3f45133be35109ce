// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "common/SmtpPhase.h"

namespace Dsn {

QString smtpPhaseName(SmtpPhase phase)
{
    switch (phase) {
    case SmtpPhase::Connect:
        return QStringLiteral("connect");
    case SmtpPhase::Greeting:
        return QStringLiteral("connect/greeting");
    case SmtpPhase::Ehlo:
        return QStringLiteral("EHLO");
    case SmtpPhase::StartTls:
        return QStringLiteral("STARTTLS");
    case SmtpPhase::Auth:
        return QStringLiteral("AUTH");
    case SmtpPhase::MailFrom:
        return QStringLiteral("MAIL FROM");
    case SmtpPhase::RcptTo:
        return QStringLiteral("RCPT TO");
    case SmtpPhase::Data:
        return QStringLiteral("DATA");
    case SmtpPhase::EndOfData:
        return QStringLiteral("end of data");
    case SmtpPhase::Rset:
        return QStringLiteral("RSET");
    case SmtpPhase::Quit:
        return QStringLiteral("QUIT");
    }
    return QString();
}

std::optional<SmtpPhase> smtpPhaseFromName(const QString &name)
{
    QString n = name.trimmed().toLower();
    n.replace(QLatin1Char('_'), QLatin1Char(' '));
    n.replace(QLatin1Char('-'), QLatin1Char(' '));
    if (n == QLatin1String("mail from") || n == QLatin1String("mail"))
        return SmtpPhase::MailFrom;
    if (n == QLatin1String("rcpt to") || n == QLatin1String("rcpt"))
        return SmtpPhase::RcptTo;
    if (n == QLatin1String("data"))
        return SmtpPhase::Data;
    if (n == QLatin1String("end of data") || n == QLatin1String("final dot") || n == QLatin1String("dot")
        || n == QLatin1String(".") || n == QLatin1String("eod"))
        return SmtpPhase::EndOfData;
    if (n == QLatin1String("connect/greeting") || n == QLatin1String("greeting") || n == QLatin1String("banner"))
        return SmtpPhase::Greeting;
    if (n == QLatin1String("connect"))
        return SmtpPhase::Connect;
    if (n == QLatin1String("ehlo") || n == QLatin1String("helo"))
        return SmtpPhase::Ehlo;
    if (n == QLatin1String("starttls"))
        return SmtpPhase::StartTls;
    if (n == QLatin1String("auth") || n == QLatin1String("auth/starttls"))
        return SmtpPhase::Auth;
    if (n == QLatin1String("rset"))
        return SmtpPhase::Rset;
    if (n == QLatin1String("quit"))
        return SmtpPhase::Quit;
    return std::nullopt;
}

std::optional<SmtpPhase> smtpPhaseForCommand(QStringView command)
{
    const QStringView c = command.trimmed();
    if (c == QLatin1String("."))
        return SmtpPhase::EndOfData;
    qsizetype end = 0;
    while (end < c.size() && c[end].isLetter())
        ++end;
    const QStringView verb = c.left(end);
    auto is = [verb](const char *name) { return verb.compare(QLatin1String(name), Qt::CaseInsensitive) == 0; };
    if (is("MAIL"))
        return SmtpPhase::MailFrom;
    if (is("RCPT"))
        return SmtpPhase::RcptTo;
    if (is("DATA"))
        return SmtpPhase::Data;
    if (is("BDAT")) // only the LAST chunk completes the message
        return c.contains(QLatin1String(" LAST"), Qt::CaseInsensitive) ? SmtpPhase::EndOfData : SmtpPhase::Data;
    if (is("EHLO") || is("HELO") || is("LHLO"))
        return SmtpPhase::Ehlo;
    if (is("STARTTLS"))
        return SmtpPhase::StartTls;
    if (is("AUTH"))
        return SmtpPhase::Auth;
    if (is("RSET"))
        return SmtpPhase::Rset;
    if (is("QUIT"))
        return SmtpPhase::Quit;
    return std::nullopt;
}

QString smtpCommandFor(SmtpPhase phase, const QString &sender, const QString &recipient)
{
    switch (phase) {
    case SmtpPhase::MailFrom:
        return QStringLiteral("MAIL FROM:<%1>\r\n").arg(sender);
    case SmtpPhase::RcptTo:
        return QStringLiteral("RCPT TO:<%1>\r\n").arg(recipient);
    case SmtpPhase::Data:
        return QStringLiteral("DATA\r\n");
    case SmtpPhase::EndOfData:
        return QStringLiteral(".\r\n");
    case SmtpPhase::Rset:
        return QStringLiteral("RSET\r\n");
    default:
        return QString();
    }
}

} // namespace Dsn
