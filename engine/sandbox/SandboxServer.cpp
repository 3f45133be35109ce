// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "sandbox/SandboxServer.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTimer>

#include "sandbox/SandboxSession.h"
#include "sandbox/SandboxTcpServer_p.h"

namespace Dsn::Sandbox {

SandboxServer::SandboxServer(const Clock &clock, QObject *parent)
    : QObject(parent), m_server(new SandboxTcpServer(this)), m_state(clock), m_clock(clock)
{
    // 500 clients connecting at once overflow Qt's default backlog of 50 and then wait for SYN retries.
    m_server->setListenBacklogSize(1024);
    connect(m_server, &QTcpServer::newConnection, this, &SandboxServer::acceptPending);
}

SandboxServer::~SandboxServer()
{
    close();
}

std::optional<Diagnostic> SandboxServer::setScenario(const Scenario &scenario)
{
    if (!scenario.tlsCertificatePath.isEmpty()) {
        if (auto error = setTlsFiles(scenario.tlsCertificatePath, scenario.tlsKeyPath)) {
            error->source = scenario.sourceName;
            return error;
        }
    }
    m_state.setScenario(scenario);
    return std::nullopt;
}

std::optional<Diagnostic> SandboxServer::setTlsFiles(const QString &certificatePath, const QString &keyPath)
{
    auto fail = [](const QString &message) { return Diagnostic::error(QStringLiteral("sandbox-tls"), message); };
    if (!QSslSocket::supportsSsl())
        return fail(QCoreApplication::translate("SandboxServer", "this Qt has no TLS backend"));
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(certificatePath, QSsl::Pem);
    if (chain.isEmpty())
        return fail(QCoreApplication::translate("SandboxServer", "no PEM certificate in %1").arg(certificatePath));
    QFile keyFile(keyPath);
    if (!keyFile.open(QIODevice::ReadOnly))
        return fail(
            QCoreApplication::translate("SandboxServer", "cannot read %1: %2").arg(keyPath, keyFile.errorString()));
    const QByteArray pem = keyFile.readAll();
    QSslKey key(pem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(pem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        return fail(
            QCoreApplication::translate("SandboxServer", "no unencrypted RSA or EC PEM key in %1").arg(keyPath));
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificateChain(chain);
    config.setPrivateKey(key);
    // Clients of a sandbox do not present certificates; asking for one would only break them.
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    config.setProtocol(QSsl::TlsV1_2OrLater);
    m_tls = config;
    return std::nullopt;
}

void SandboxServer::setMessageCap(int cap)
{
    m_messageCap = std::max(0, cap);
    while (qsizetype(m_messages.size()) > m_messageCap)
        m_messages.pop_front();
}

bool SandboxServer::listen(const QHostAddress &address, quint16 port)
{
    return m_server->listen(address, port);
}

bool SandboxServer::isListening() const
{
    return m_server->isListening();
}

quint16 SandboxServer::serverPort() const
{
    return m_server->serverPort();
}

QString SandboxServer::errorString() const
{
    return m_server->errorString();
}

void SandboxServer::close()
{
    m_server->close();
    // abort() makes each session emit finished, which removes it from the hash; copy first.
    const QList<SandboxSession *> sessions = m_sessions.values();
    for (SandboxSession *s : sessions)
        s->abort();
    m_sessions.clear();
}

QList<AcceptedMessage> SandboxServer::acceptedMessages() const
{
    return QList<AcceptedMessage>(m_messages.begin(), m_messages.end());
}

void SandboxServer::acceptPending()
{
    while (m_server->hasPendingConnections()) {
        auto *socket = qobject_cast<QSslSocket *>(m_server->nextPendingConnection());
        if (!socket)
            continue;
        if (m_sessions.size() >= m_state.scenario().maxSessions) {
            // Refused without a session object, so a connection flood costs one socket each, briefly.
            socket->setParent(this);
            socket->write("421 4.7.0 Too many connections\r\n");
            connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
            QTimer::singleShot(5000, socket, &QAbstractSocket::abort);
            socket->disconnectFromHost();
            Q_EMIT sessionLog(
                QStringLiteral("#0 ! refused %1: too many connections").arg(socket->peerAddress().toString()));
            continue;
        }
        const quint64 id = m_nextSessionId++;
        auto *session = new SandboxSession(
            socket, id, m_state, m_tls, m_implicitTls, [this](AcceptedMessage &&m) { return deliver(std::move(m)); },
            this);
        m_sessions.insert(id, session);
        connect(session, &SandboxSession::logLine, this, &SandboxServer::sessionLog);
        connect(session, &SandboxSession::finished, this, [this, session](quint64 sessionId) {
            m_sessions.remove(sessionId);
            session->deleteLater();
            Q_EMIT sessionFinished(sessionId);
        });
        Q_EMIT sessionStarted(id, socket->peerAddress().toString());
        session->start();
    }
}

quint64 SandboxServer::deliver(AcceptedMessage &&message)
{
    message.id = m_nextMessageId++;
    message.receivedWallMs = m_clock.wallMs();
    if (!m_emlFolder.isEmpty())
        writeEml(message);
    Q_EMIT messageAccepted(message);
    if (m_messageCap > 0) {
        m_messages.push_back(std::move(message));
        while (qsizetype(m_messages.size()) > m_messageCap)
            m_messages.pop_front();
    }
    return m_nextMessageId - 1;
}

void SandboxServer::writeEml(const AcceptedMessage &message)
{
    if (!QDir().mkpath(m_emlFolder)) {
        Q_EMIT sessionLog(QStringLiteral("#%1 ! cannot create %2").arg(message.sessionId).arg(m_emlFolder));
        return;
    }
    const QString name = QStringLiteral("%1-%2.eml")
                             .arg(QDateTime::fromMSecsSinceEpoch(message.receivedWallMs, Qt::UTC)
                                      .toString(QStringLiteral("yyyyMMdd-HHmmss")))
                             .arg(message.id, 6, 10, QLatin1Char('0'));
    // QSaveFile writes a temporary file and renames it, so a watcher never sees half a message.
    QSaveFile file(QDir(m_emlFolder).filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(message.toEml()) < 0 || !file.commit())
        Q_EMIT sessionLog(
            QStringLiteral("#%1 ! cannot write %2: %3").arg(message.sessionId).arg(name, file.errorString()));
}

} // namespace Dsn::Sandbox
