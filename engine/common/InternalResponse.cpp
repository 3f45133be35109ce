// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "common/InternalResponse.h"

namespace Dsn {

SmtpResponse InternalResponse::connectionFailed(const QString &detail)
{
    SmtpResponse r;
    r.code = 400;
    r.content = QStringLiteral("KumoMTA internal: failed to connect to any candidate hosts: ") + detail;
    return r;
}

SmtpResponse InternalResponse::timedOut(const QString &peer, const QString &what)
{
    SmtpResponse r;
    r.code = 421;
    r.enhancedCode = EnhancedStatusCode{4, 4, 2};
    r.content = QStringLiteral("KumoMTA internal: failed to send message to %1: %2 Timed Out").arg(peer, what);
    return r;
}

SmtpResponse InternalResponse::sendFailed(const QString &error)
{
    SmtpResponse r;
    r.code = 400;
    r.content = QStringLiteral("KumoMTA internal: failed to send message: ") + error;
    return r;
}

} // namespace Dsn
