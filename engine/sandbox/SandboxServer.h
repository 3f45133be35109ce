// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <deque>
#include <optional>

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSslConfiguration>
#include <QString>

#include "common/Clock.h"
#include "common/Diagnostic.h"
#include "sandbox/AcceptedMessage.h"
#include "sandbox/Scenario.h"
#include "sandbox/ScenarioState.h"

namespace Dsn::Sandbox {

class SandboxSession;
class SandboxTcpServer;

/**
 * An SMTP server for tests and demonstrations that answers as a Scenario scripts it. It never
 * relays: accepted messages are kept in memory (the newest `messageCap()`) and, when a folder is
 * set, written there as .eml files (atomically, through QSaveFile).
 *
 * Bind it to 127.0.0.1; port 0 picks a free port (read it back with serverPort()). Beyond the
 * scenario's `max_sessions`, new connections get `421 4.7.0 Too many connections` and are closed.
 * Time for stateful rules comes from the Clock given to the constructor, which must outlive the
 * server. Single-threaded: use it from the thread that created it.
 */
class SandboxServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxServer)

public:
    explicit SandboxServer(const Clock &clock = Clock::system(), QObject *parent = nullptr);
    ~SandboxServer() override;

    /// Replaces the scenario and forgets greylist, rate and mailbox state. Sessions already
    /// open use the new rules for their next command. Loads the scenario's TLS files when it
    /// names them; on error the scenario is not applied.
    std::optional<Diagnostic> setScenario(const Scenario &scenario);
    const Scenario &scenario() const { return m_state.scenario(); }
    ScenarioState &state() { return m_state; }

    /// Enables STARTTLS (and implicit TLS) with a PEM certificate and private key.
    std::optional<Diagnostic> setTlsFiles(const QString &certificatePath, const QString &keyPath);
    bool tlsAvailable() const { return m_tls.has_value(); }
    /// With implicit TLS (SMTPS) the handshake starts on connect; without TLS credentials it is ignored.
    void setImplicitTls(bool on) { m_implicitTls = on; }

    void setMessageCap(int cap);
    int messageCap() const { return m_messageCap; }
    /// Folder for .eml copies of accepted messages; empty turns it off. Created when missing.
    void setEmlFolder(const QString &path) { m_emlFolder = path; }

    bool listen(const QHostAddress &address = QHostAddress(QHostAddress::LocalHost), quint16 port = 0);
    bool isListening() const;
    quint16 serverPort() const;
    QString errorString() const;
    /// Stops listening and aborts every open session.
    void close();

    int sessionCount() const { return int(m_sessions.size()); }
    /// Oldest first; at most messageCap() entries.
    QList<AcceptedMessage> acceptedMessages() const;
    /// Accepted since start, including those dropped from memory by the cap.
    quint64 acceptedTotal() const { return m_nextMessageId - 1; }
    void clearAcceptedMessages() { m_messages.clear(); }

Q_SIGNALS:
    void sessionStarted(quint64 sessionId, const QString &peer);
    void sessionFinished(quint64 sessionId);
    /// "#<session> C: EHLO x", "#<session> S: 250 …", "#<session> ! …" for events.
    void sessionLog(const QString &line);
    void messageAccepted(const Dsn::Sandbox::AcceptedMessage &message);

private:
    void acceptPending();
    quint64 deliver(AcceptedMessage &&message);
    void writeEml(const AcceptedMessage &message);

    SandboxTcpServer *m_server;
    ScenarioState m_state;
    const Clock &m_clock;
    std::optional<QSslConfiguration> m_tls;
    bool m_implicitTls = false;
    int m_messageCap = 100;
    QString m_emlFolder;
    QHash<quint64, SandboxSession *> m_sessions;
    std::deque<AcceptedMessage> m_messages;
    quint64 m_nextSessionId = 1;
    quint64 m_nextMessageId = 1;
};

} // namespace Dsn::Sandbox
