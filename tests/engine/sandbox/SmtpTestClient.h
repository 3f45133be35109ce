// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QByteArray>
#include <QSslSocket>
#include <QStringList>

namespace Dsn::Test {

/**
 * A deliberately dumb SMTP client for the sandbox tests: it sends raw bytes and reads replies
 * line by line, so tests see exactly what the server wrote. It waits by spinning the event loop
 * (never the blocking waitFor… calls), because the server runs in the same thread.
 */
class SmtpTestClient final
{
public:
    SmtpTestClient() = default;

    bool connectTo(quint16 port, int timeoutMs = 5000);
    /// Sends `line` + CRLF and returns the reply's lines (empty on timeout or close).
    QStringList command(const QByteArray &line, int timeoutMs = 5000);
    void send(const QByteArray &raw);
    /// The next complete reply: lines up to the first "NNN " line, without CRLF.
    QStringList readReply(int timeoutMs = 5000);
    /// True once the server closed the connection (waiting up to `timeoutMs`).
    bool waitClosed(int timeoutMs = 5000);
    /// Runs the TLS handshake (after a 220 to STARTTLS, or at once for implicit TLS).
    bool startTls(int timeoutMs = 5000);
    /// Closes without QUIT, as a client that vanishes.
    void vanish() { m_socket.abort(); }
    QByteArray unread() const { return m_buffer; }
    QSslSocket &socket() { return m_socket; }

private:
    bool waitForSignal(int timeoutMs);

    QSslSocket m_socket;
    QByteArray m_buffer;
};

} // namespace Dsn::Test
