// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "sandbox/SandboxTcpServer_p.h"

#include <QSslSocket>

namespace Dsn::Sandbox {

SandboxTcpServer::SandboxTcpServer(QObject *parent) : QTcpServer(parent) {}

void SandboxTcpServer::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    addPendingConnection(socket);
}

} // namespace Dsn::Sandbox
