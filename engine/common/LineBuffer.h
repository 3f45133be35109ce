// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <optional>

#include <QByteArray>

namespace Dsn {

/**
 * Splits a byte stream into lines for SMTP peers without trusting them: a line longer than
 * `maxLineLength` (excluding its line break) is an error instead of unbounded buffering. Lines
 * end with LF; a CR before it is removed. Used by both the client and the sandbox server.
 */
class LineBuffer
{
public:
    enum class Status { Line, NeedMore, TooLong };

    explicit LineBuffer(qsizetype maxLineLength = 4096) : m_max(maxLineLength) {}

    void append(const QByteArray &bytes) { m_data.append(bytes); }
    /// Takes the next complete line into `line` (without CR/LF).
    Status next(QByteArray &line);
    /// Bytes received but not yet returned as a line.
    qsizetype pending() const { return m_data.size() - m_pos; }
    /// Hands back everything not yet consumed (e.g. the start of a TLS handshake) and clears.
    QByteArray takeRest();
    void clear();

private:
    QByteArray m_data;
    qsizetype m_pos = 0;
    qsizetype m_max;
};

} // namespace Dsn
