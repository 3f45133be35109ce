// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <functional>
#include <optional>

#include <QByteArray>
#include <QObject>
#include <QSslConfiguration>
#include <QStringList>
#include <QTimer>

#include "common/LineBuffer.h"
#include "common/SmtpPhase.h"
#include "sandbox/AcceptedMessage.h"
#include "sandbox/MatchContext.h"
#include "sandbox/ScenarioRule.h"

class QSslSocket;

namespace Dsn::Sandbox {

class ScenarioState;

/**
 * One SMTP connection of the sandbox: a state machine over EHLO/HELO, STARTTLS, MAIL, RCPT, DATA,
 * RSET, NOOP, QUIT, VRFY (252) and HELP that asks ScenarioState how to answer each step.
 *
 * Commands are taken from the input in order, so pipelined clients work; while a scripted delay
 * runs, nothing further is read, and the socket's read buffer is capped so TCP pushes back on
 * the client. Memory per session is bounded by the read chunk, the 4096-byte line limit (longer
 * lines are skipped and answered `500 5.5.2 Line too long`) and the scenario's message size
 * limit (larger messages are counted, not kept, and answered 552).
 *
 * Owned by SandboxServer, which deletes it after `finished`. Lives in the server's thread.
 */
class SandboxSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxSession)

public:
    /// Receives an accepted message and returns its id (used in "queued as").
    using DeliverFn = std::function<quint64(AcceptedMessage &&)>;

    static constexpr qsizetype MaxLineLength = 4096;
    static constexpr qint64 ReadChunk = 64 * 1024;
    static constexpr int MaxErrors = 20;

    /// Takes ownership of `socket`. `tls` set means STARTTLS is offered (or, with `implicitTls`,
    /// the handshake starts at once and the greeting follows it).
    SandboxSession(QSslSocket *socket, quint64 id, ScenarioState &state, std::optional<QSslConfiguration> tls,
                   bool implicitTls, DeliverFn deliver, QObject *parent = nullptr);
    ~SandboxSession() override;

    void start();
    /// Closes at once without a reply (server shutdown).
    void abort();
    quint64 id() const { return m_id; }

Q_SIGNALS:
    void logLine(const QString &line);
    void finished(quint64 id);

private:
    enum class Mode
    {
        Greeting,
        Command,
        Data,
        NoService,
        Closing
    };

    void pump();
    bool readChunk();
    void handleCommand(const QByteArray &line);
    void handleDataLine(const QByteArray &line);
    void lineTooLong();
    void endOfData();

    void cmdEhlo(const QByteArray &verb, const QString &arg);
    void cmdStartTls(const QString &arg);
    void cmdMail(const QString &arg);
    void cmdRcpt(const QString &arg);
    void cmdData(const QString &arg);
    void greet();
    void startTls();

    /// Sends `rule`'s reply (or drops) after its delay, or `fallback` at once; then calls
    /// `after(positive)` unless the connection went away.
    void answer(const std::optional<ScenarioRule> &rule, const ScriptedReply &fallback,
                const std::function<void(bool)> &after = {});
    void send(const ScriptedReply &reply);
    void sendError(int code, const char *enhanced, const QString &text);
    void closeGracefully();
    void drop();
    void finish();
    void resetTransaction();
    MatchContext context() const;
    void log(const QString &direction, const QString &text);
    /// Whether SMTP can still be spoken: not closing and the socket still there.
    bool alive() const;

    QSslSocket *m_socket;
    quint64 m_id;
    ScenarioState &m_state;
    std::optional<QSslConfiguration> m_tls;
    bool m_implicitTls;
    DeliverFn m_deliver;
    QString m_client;
    QTimer m_idle;
    LineBuffer m_lines{MaxLineLength};
    Mode m_mode = Mode::Greeting;
    bool m_busy = false;
    bool m_discarding = false;
    bool m_finished = false;
    int m_errors = 0;

    QString m_helo;
    bool m_ehloDone = false;
    std::optional<QString> m_sender;
    QStringList m_recipients;
    QByteArray m_message;
    qint64 m_messageBytes = 0;
    bool m_messageTooBig = false;
    bool m_messageLineTooLong = false;
};

} // namespace Dsn::Sandbox
