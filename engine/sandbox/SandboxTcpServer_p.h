// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QTcpServer>

namespace Dsn::Sandbox {

/**
 * A QTcpServer whose pending connections are QSslSocket, still unencrypted, so a session can
 * speak plain SMTP and switch with STARTTLS. (QSslServer starts the handshake at once, which only
 * suits implicit TLS.)
 */
class SandboxTcpServer final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxTcpServer)

public:
    explicit SandboxTcpServer(QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr socketDescriptor) override;
};

} // namespace Dsn::Sandbox
