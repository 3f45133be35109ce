// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include "common/CompatProfile.h"
#include "common/LineBuffer.h"
#include "common/SmtpResponse.h"
#include "smtp/ClientOptions.h"

namespace Dsn::Smtp {

/**
 * Turns received bytes into SMTP replies without trusting the peer: a line, a reply's line count
 * and a reply's total size are bounded (ReplyLimits), and every line is checked as it arrives, so
 * garbage or an endless multi-line reply fails early instead of being buffered.
 *
 * Feed bytes with append(), then call next() until it returns NeedMore. After an Error the reader
 * stays failed until reset().
 */
class ReplyReader
{
public:
    struct Step
    {
        enum class Kind {
            NeedMore, ///< no complete line buffered
            Line,     ///< a continuation line arrived (`line`)
            Reply,    ///< the last line of a reply arrived (`line`); `reply` and `lines` are set
            Error,    ///< the peer broke the protocol or a limit (`error`)
        };
        Kind kind = Kind::NeedMore;
        QString line;
        SmtpResponse reply;
        QStringList lines;
        QString error;
    };

    explicit ReplyReader(ReplyLimits limits = {}, CompatProfile profile = CompatProfile::Documented);

    void append(const QByteArray &bytes);
    Step next();

    /// Lines of the reply being read (for error reports after a timeout or a close).
    const QStringList &partialLines() const { return m_lines; }
    /// Bytes not yet consumed as lines; after STARTTLS anything here was sent in the clear
    /// before the handshake and must be dropped, not trusted.
    qsizetype pendingBytes() const { return m_buffer.pending(); }
    void reset();

private:
    Step fail(const QString &error);

    ReplyLimits m_limits;
    CompatProfile m_profile;
    LineBuffer m_buffer;
    QStringList m_lines;
    qsizetype m_replyBytes = 0;
    int m_firstCode = 0;
    bool m_failed = false;
    QString m_error;
};

} // namespace Dsn::Smtp
