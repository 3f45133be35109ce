// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <optional>

#include <QString>
#include <QStringView>

namespace Dsn {

/// The command (or connection step) an SMTP reply answered.
enum class SmtpPhase {
    Connect,
    Greeting,
    Ehlo,
    StartTls,
    Auth,
    MailFrom,
    RcptTo,
    Data,
    EndOfData,
    Rset,
    Quit,
};

/// Canonical names as the CLI and the corpus write them: "MAIL FROM", "RCPT TO", "DATA",
/// "end of data", "connect/greeting", "EHLO", "AUTH/STARTTLS", "RSET", "QUIT".
QString smtpPhaseName(SmtpPhase phase);
/// Accepts the canonical names case-insensitively plus common spellings ("rcpt", "dot", ".").
std::optional<SmtpPhase> smtpPhaseFromName(const QString &name);
/// The phase a client command opens: "RCPT TO:<a@b>" → RcptTo, "." → EndOfData; nullopt for
/// commands without a phase of their own (NOOP, AUTH continuation lines …).
std::optional<SmtpPhase> smtpPhaseForCommand(QStringView command);
/// The command line (with CRLF) a client sends in `phase`, as KumoMTA logs it in
/// `response.command`; empty for phases without one (connect, EHLO, QUIT …).
QString smtpCommandFor(SmtpPhase phase, const QString &sender, const QString &recipient);

} // namespace Dsn
