// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QString>
#include <QStringList>

#include "common/SmtpPhase.h"

namespace Dsn::Eval {

/// One rejected reply to run through the policy, as a sample or a CLI input line describes it.
struct EvalInput
{
    /// The reply as received: lines with their code prefixes, separated by real line breaks.
    QString response;
    SmtpPhase phase = SmtpPhase::RcptTo;
    /// KumoMTA queue name; empty means the evaluator's default queue.
    QString queue;
    /// Envelope addresses for the log record; a recipient is made up from the queue's domain
    /// when empty.
    QString sender;
    QString recipient;
    /// The command as sent, CRLF included; synthesised from phase and addresses when null.
    QString command;
    /// KumoMTA's own refusals (e.g. 8BITMIME) answer no command: the log record's command is null.
    bool commandless = false;
};

} // namespace Dsn::Eval
