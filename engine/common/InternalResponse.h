// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QString>

#include "common/SmtpResponse.h"

namespace Dsn {

/**
 * The responses KumoMTA synthesises when there is no usable reply (spec §3). They are logged as
 * TransientFailure and never reach the rewrite event.
 */
class InternalResponse
{
public:
    /// 400, no enhanced code: "KumoMTA internal: failed to connect to any candidate hosts: <detail>".
    static SmtpResponse connectionFailed(const QString &detail);
    /// 421 4.4.2: "KumoMTA internal: failed to send message to <peer>: <what> Timed Out".
    static SmtpResponse timedOut(const QString &peer, const QString &what);
    /// 400, no enhanced code: "KumoMTA internal: failed to send message: <error>" (malformed replies, I/O).
    static SmtpResponse sendFailed(const QString &error);
};

} // namespace Dsn
