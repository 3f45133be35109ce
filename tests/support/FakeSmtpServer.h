// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTimer>

namespace Dsn::Test {

/**
 * A scripted SMTP server for tests, bound to 127.0.0.1 on a free port. It answers each verb with
 * a default or scripted reaction, can misbehave on purpose (stall, close mid-reply, send an
 * endless reply), speaks STARTTLS or implicit TLS with a given certificate, and records the
 * bytes it received so tests can check what the client put on the wire. One connection at a time.
 */
class FakeSmtpServer final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeSmtpServer)

public:
    enum class Action {
        Reply,         ///< send `reply`
        ReplyAndClose, ///< send `reply`, then close the connection
        Stall,         ///< send nothing, ever
        Endless,       ///< send `reply`, then continuation lines as fast as the client reads them
        Trickle,       ///< send `reply`, then one continuation line every 20 ms, forever
    };
    struct Reaction
    {
        QByteArray reply;
        Action action = Action::Reply;
    };
    struct Script
    {
        Reaction greeting{QByteArrayLiteral("220 fake.test ESMTP ready\r\n")};
        /// Keyed by upper-case verb ("EHLO", "HELO", "STARTTLS", "AUTH", "MAIL", "DATA", ".", "QUIT");
        /// verbs without an entry get a sensible default.
        QHash<QByteArray, Reaction> reactions;
        /// The n-th RCPT's reaction; missing entries use reactions["RCPT"] or answer "250 2.1.5 Ok".
        QList<Reaction> rcpt;
        bool implicitTls = false;
        QSslCertificate certificate;
        QSslKey key;
    };

    explicit FakeSmtpServer(QObject *parent = nullptr);
    ~FakeSmtpServer() override;

    bool listenLocal() { return listen(QHostAddress::LocalHost, 0); }
    void setScript(const Script &script) { m_script = script; }
    /// Default capabilities: PIPELINING, SIZE, 8BITMIME; STARTTLS and AUTH when asked.
    static QByteArray ehloReply(bool pipelining = true, bool startTls = false, const QByteArray &auth = {});

    /// Every byte received after TLS was set up (or all of them without TLS).
    const QByteArray &received() const { return m_received; }
    /// The command lines, in order, without CRLF (body lines excluded).
    const QList<QByteArray> &commands() const { return m_commands; }
    /// Commands that arrived in one read, to check pipelining.
    const QList<QList<QByteArray>> &batches() const { return m_batches; }
    /// The DATA body exactly as sent, dot-stuffing included, up to (not including) ".\r\n".
    const QByteArray &body() const { return m_body; }
    bool tlsEstablished() const { return m_tls; }
    int connectionCount() const { return m_connections; }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void onReadyRead();
    void handleLine(const QByteArray &line, QList<QByteArray> &batch);
    void react(const Reaction &reaction);
    void write(const QByteArray &bytes);

    Script m_script;
    QPointer<QSslSocket> m_socket;
    QTimer m_endless;
    QByteArray m_in;
    QByteArray m_received;
    QList<QByteArray> m_commands;
    QList<QList<QByteArray>> m_batches;
    QByteArray m_body;
    int m_burst = 1;
    int m_rcptCount = 0;
    int m_authLoginStep = 0;
    bool m_inData = false;
    bool m_stalled = false;
    bool m_tls = false;
    int m_connections = 0;
};

} // namespace Dsn::Test
