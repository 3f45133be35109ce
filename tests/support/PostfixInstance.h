// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace Dsn::Test {

/**
 * A private Postfix (Debian's package) for tests: its own configuration, queue and log in a
 * temporary folder, listening on 127.0.0.1 on a free port, rejecting chosen recipients and
 * senders through access maps, discarding everything it accepts (it never relays). Stopped in
 * the destructor. Needs root, as Postfix's master does.
 */
class PostfixInstance
{
public:
    PostfixInstance();
    ~PostfixInstance();
    PostfixInstance(const PostfixInstance &) = delete;
    PostfixInstance &operator=(const PostfixInstance &) = delete;

    /// Postfix is installed and we may start it (root).
    static bool available(QString *why = nullptr);

    /// Access-map lines, e.g. "full@example.com 452 4.2.2 Mailbox full".
    void setRecipientAccess(const QStringList &lines) { m_recipientAccess = lines; }
    void setSenderAccess(const QStringList &lines) { m_senderAccess = lines; }
    /// Extra main.cf lines, e.g. "smtpd_banner = …".
    void setExtraConfig(const QStringList &lines) { m_extra = lines; }

    /// Writes the configuration and starts Postfix; false with errorString() on failure.
    bool start();
    void stop();

    quint16 port() const { return m_port; }
    QString errorString() const { return m_error; }
    QString log() const;

private:
    bool run(const QStringList &args);

    QTemporaryDir m_dir;
    QStringList m_recipientAccess;
    QStringList m_senderAccess;
    QStringList m_extra;
    quint16 m_port = 0;
    bool m_running = false;
    QString m_error;
};

} // namespace Dsn::Test
