// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QByteArray>

namespace Dsn::Smtp {

/// Prepares a message for the DATA phase (RFC 5321 §4.5.2), independent of any socket.
class DataEncoder
{
public:
    /// Every lone LF, lone CR or CRLF becomes CRLF; the result ends with CRLF unless empty.
    static QByteArray normalizeLineEndings(const QByteArray &message);
    /// Normalises line endings and doubles a leading '.' on every line. The terminating
    /// ".\r\n" is not included, so callers can show the body and the dot as separate steps.
    static QByteArray encode(const QByteArray &message);
};

} // namespace Dsn::Smtp
