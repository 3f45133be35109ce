// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "FakeSmtpServer.h"

namespace Dsn::Test {

FakeSmtpServer::FakeSmtpServer(QObject *parent)
    : QTcpServer(parent)
{
    connect(&m_endless, &QTimer::timeout, this, [this] {
        if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState) {
            m_endless.stop();
            return;
        }
        // Keep the socket's buffer small: only top it up when the client has drained it.
        if (m_socket->bytesToWrite() < 64 * 1024)
            m_socket->write(QByteArray("250-this reply never ends\r\n").repeated(m_burst));
    });
}

FakeSmtpServer::~FakeSmtpServer() = default;

QByteArray FakeSmtpServer::ehloReply(bool pipelining, bool startTls, const QByteArray &auth)
{
    QByteArray r = "250-fake.test greets you\r\n";
    if (pipelining)
        r += "250-PIPELINING\r\n";
    if (startTls)
        r += "250-STARTTLS\r\n";
    if (!auth.isEmpty())
        r += "250-AUTH " + auth + "\r\n";
    r += "250-SIZE 10240000\r\n250 8BITMIME\r\n";
    return r;
}

void FakeSmtpServer::incomingConnection(qintptr descriptor)
{
    ++m_connections;
    if (m_socket) {
        m_socket->abort();
        m_socket->deleteLater();
    }
    auto *socket = new QSslSocket(this);
    socket->setSocketDescriptor(descriptor);
    socket->setPeerVerifyMode(QSslSocket::VerifyNone);
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (!m_script.certificate.isNull()) {
        socket->setLocalCertificate(m_script.certificate);
        socket->setPrivateKey(m_script.key);
    }
    m_socket = socket;
    m_in.clear();
    m_inData = false;
    m_rcptCount = 0;
    m_authLoginStep = 0;
    m_stalled = false;
    connect(socket, &QIODevice::readyRead, this, &FakeSmtpServer::onReadyRead);
    connect(socket, &QSslSocket::encrypted, this, [this, socket] {
        m_tls = true;
        if (m_script.implicitTls && socket == m_socket)
            react(m_script.greeting);
    });
    // A client that refuses the certificate makes the handshake fail on this side too; expected.
    connect(socket, &QSslSocket::sslErrors, socket, [socket](const QList<QSslError> &) { socket->ignoreSslErrors(); });
    if (m_script.implicitTls)
        socket->startServerEncryption();
    else
        react(m_script.greeting);
}

void FakeSmtpServer::write(const QByteArray &bytes)
{
    if (m_socket && !bytes.isEmpty())
        m_socket->write(bytes);
}

void FakeSmtpServer::react(const Reaction &reaction)
{
    switch (reaction.action) {
    case Action::Reply:
        write(reaction.reply);
        break;
    case Action::ReplyAndClose:
        write(reaction.reply);
        if (m_socket)
            m_socket->disconnectFromHost();
        break;
    case Action::Stall:
        // A hung server answers nothing after this point, not even pipelined commands.
        m_stalled = true;
        break;
    case Action::Endless:
    case Action::Trickle:
        write(reaction.reply);
        m_burst = reaction.action == Action::Endless ? 200 : 1;
        m_endless.start(reaction.action == Action::Endless ? 5 : 20);
        break;
    }
}

void FakeSmtpServer::onReadyRead()
{
    if (!m_socket)
        return;
    const QByteArray bytes = m_socket->readAll();
    m_received += bytes;
    m_in += bytes;
    QList<QByteArray> batch;
    for (;;) {
        if (m_stalled)
            break;
        if (m_inData) {
            // The body ends at a line holding a single dot; an empty body is just ".\r\n".
            qsizetype end = -1;
            qsizetype skip = 0;
            if (m_in.startsWith(".\r\n")) {
                end = 0;
                skip = 3;
            } else if (const qsizetype i = m_in.indexOf("\r\n.\r\n"); i >= 0) {
                end = i + 2;
                skip = 3;
            }
            if (end < 0)
                break;
            m_body = m_in.left(end);
            m_in.remove(0, end + skip);
            m_inData = false;
            batch.append(QByteArrayLiteral("."));
            m_commands.append(QByteArrayLiteral("."));
            react(m_script.reactions.value(".", {QByteArrayLiteral("250 2.0.0 Ok: queued as FAKE1\r\n")}));
            continue;
        }
        const qsizetype lf = m_in.indexOf('\n');
        if (lf < 0)
            break;
        QByteArray line = m_in.left(lf);
        m_in.remove(0, lf + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        handleLine(line, batch);
        if (!m_socket || (m_socket->mode() == QSslSocket::SslServerMode && !m_socket->isEncrypted()))
            break; // STARTTLS: what follows belongs to the handshake
    }
    if (!batch.isEmpty())
        m_batches.append(batch);
}

void FakeSmtpServer::handleLine(const QByteArray &line, QList<QByteArray> &batch)
{
    m_commands.append(line);
    batch.append(line);
    if (m_stalled)
        return;
    if (m_authLoginStep == 1) {
        m_authLoginStep = 2;
        write("334 UGFzc3dvcmQ6\r\n");
        return;
    }
    if (m_authLoginStep == 2) {
        m_authLoginStep = 0;
        react(m_script.reactions.value("AUTH", {QByteArrayLiteral("235 2.7.0 Authentication successful\r\n")}));
        return;
    }
    const QByteArray verb = line.split(' ').value(0).toUpper();
    const auto scripted = m_script.reactions.find(verb);
    const bool has = scripted != m_script.reactions.end();
    if (verb == "EHLO") {
        react(has ? *scripted : Reaction{ehloReply()});
    } else if (verb == "HELO") {
        react(has ? *scripted : Reaction{QByteArrayLiteral("250 fake.test\r\n")});
    } else if (verb == "STARTTLS") {
        const Reaction r = has ? *scripted : Reaction{QByteArrayLiteral("220 2.0.0 Ready to start TLS\r\n")};
        react(r);
        if (r.reply.startsWith("220") && r.action == Action::Reply) {
            m_received.clear();
            m_socket->startServerEncryption();
        }
    } else if (verb == "AUTH") {
        if (line.toUpper().startsWith("AUTH LOGIN")) {
            m_authLoginStep = 1;
            write("334 VXNlcm5hbWU6\r\n");
        } else {
            react(has ? *scripted : Reaction{QByteArrayLiteral("235 2.7.0 Authentication successful\r\n")});
        }
    } else if (verb == "MAIL") {
        react(has ? *scripted : Reaction{QByteArrayLiteral("250 2.1.0 Ok\r\n")});
    } else if (verb == "RCPT") {
        const int i = m_rcptCount++;
        react(i < m_script.rcpt.size() ? m_script.rcpt[i]
                                       : has ? *scripted
                                             : Reaction{QByteArrayLiteral("250 2.1.5 Ok\r\n")});
    } else if (verb == "DATA") {
        const Reaction r = has ? *scripted : Reaction{QByteArrayLiteral("354 End data with <CR><LF>.<CR><LF>\r\n")};
        react(r);
        m_inData = r.reply.startsWith("354");
    } else if (verb == "QUIT") {
        react(has ? *scripted : Reaction{QByteArrayLiteral("221 2.0.0 Bye\r\n"), Action::ReplyAndClose});
    } else if (verb == "RSET") {
        react(has ? *scripted : Reaction{QByteArrayLiteral("250 2.0.0 Ok\r\n")});
    } else {
        write("502 5.5.2 Command not recognised\r\n");
    }
}

} // namespace Dsn::Test
