// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "SmtpTestClient.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QSslConfiguration>
#include <QTimer>

namespace Dsn::Test {

bool SmtpTestClient::waitForSignal(int timeoutMs)
{
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(&m_socket, &QSslSocket::readyRead, &loop, &QEventLoop::quit);
    QObject::connect(&m_socket, &QSslSocket::disconnected, &loop, &QEventLoop::quit);
    QObject::connect(&m_socket, &QSslSocket::connected, &loop, &QEventLoop::quit);
    QObject::connect(&m_socket, &QSslSocket::encrypted, &loop, &QEventLoop::quit);
    QObject::connect(&m_socket, &QSslSocket::errorOccurred, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    loop.exec();
    return timer.isActive();
}

bool SmtpTestClient::connectTo(quint16 port, int timeoutMs)
{
    m_socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    const QDeadlineTimer deadline(timeoutMs);
    while (m_socket.state() != QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        if (m_socket.state() == QAbstractSocket::UnconnectedState)
            return false;
        waitForSignal(int(deadline.remainingTime()));
    }
    return m_socket.state() == QAbstractSocket::ConnectedState;
}

void SmtpTestClient::send(const QByteArray &raw)
{
    m_socket.write(raw);
}

QStringList SmtpTestClient::command(const QByteArray &line, int timeoutMs)
{
    send(line + "\r\n");
    return readReply(timeoutMs);
}

QStringList SmtpTestClient::readReply(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        m_buffer += m_socket.readAll();
        // A reply ends with a line whose fourth character is a space (or that has only the code).
        qsizetype pos = 0;
        QStringList lines;
        while (true) {
            const qsizetype end = m_buffer.indexOf("\r\n", pos);
            if (end < 0)
                break;
            const QByteArray line = m_buffer.mid(pos, end - pos);
            lines.append(QString::fromUtf8(line));
            pos = end + 2;
            if (line.size() <= 3 || line.at(3) != '-') {
                m_buffer.remove(0, pos);
                return lines;
            }
        }
        if (deadline.hasExpired() || m_socket.state() == QAbstractSocket::UnconnectedState)
            return {};
        waitForSignal(int(std::max<qint64>(1, deadline.remainingTime())));
    }
}

bool SmtpTestClient::waitClosed(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (m_socket.state() != QAbstractSocket::UnconnectedState && !deadline.hasExpired()) {
        waitForSignal(int(std::max<qint64>(1, deadline.remainingTime())));
        m_buffer += m_socket.readAll();
    }
    return m_socket.state() == QAbstractSocket::UnconnectedState;
}

bool SmtpTestClient::startTls(int timeoutMs)
{
    QSslConfiguration config = m_socket.sslConfiguration();
    // The test certificate is self-signed; what is under test is the server's side.
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    m_socket.setSslConfiguration(config);
    m_socket.startClientEncryption();
    const QDeadlineTimer deadline(timeoutMs);
    while (!m_socket.isEncrypted() && !deadline.hasExpired() && m_socket.state() == QAbstractSocket::ConnectedState)
        waitForSignal(int(std::max<qint64>(1, deadline.remainingTime())));
    return m_socket.isEncrypted();
}

} // namespace Dsn::Test
