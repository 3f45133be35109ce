// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QString>
#include <QStringList>

#include "common/SmtpPhase.h"
#include "common/SmtpResponse.h"

namespace Dsn::Smtp {

/**
 * The outcome of one recipient in a run: which phase decided it and with which reply.
 *
 * Exactly one of `delivered`, `eventEligible` and `synthesised` is true once the run finished:
 * the final dot answered 250; a MAIL/RCPT/DATA/dot reply rejected it (spec §3, so the rewrite
 * event fires); or the run failed outside those phases and `reply` is KumoMTA's synthesised
 * 400/421 response (the event never fires).
 */
struct RecipientResult
{
    QString recipient;
    SmtpPhase phase = SmtpPhase::Connect;
    /// The deciding reply, `command` set as sent (CRLF included), or the synthesised response.
    SmtpResponse reply;
    /// The deciding reply's lines as received, code prefixes included; empty when synthesised.
    QStringList replyLines;
    bool accepted = false;  ///< RCPT TO accepted it (under the run's profile)
    bool delivered = false; ///< the final dot answered 250
    bool eventEligible = false;
    bool synthesised = false;

    bool decided() const { return delivered || eventEligible || synthesised; }
};

} // namespace Dsn::Smtp
