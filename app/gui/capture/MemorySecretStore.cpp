// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "MemorySecretStore.h"

#include <utility>

namespace Dsn::Capture {

MemorySecretStore::MemorySecretStore(QObject *parent)
    : SecretStore(parent)
{
}

MemorySecretStore::~MemorySecretStore() = default;

SecretStore::Reply MemorySecretStore::unavailableReply() const
{
    return {Status::Unavailable, QString(), tr("The secret store is unavailable.")};
}

void MemorySecretStore::readSecret(const QString &key, QObject *context, Callback done)
{
    Reply reply;
    if (m_unavailable)
        reply = unavailableReply();
    else if (!m_secrets.contains(key))
        reply.status = Status::NotFound;
    else
        reply.secret = m_secrets.value(key);
    deliverLater(context, std::move(done), reply);
}

void MemorySecretStore::writeSecret(const QString &key, const QString &secret, QObject *context, Callback done)
{
    Reply reply;
    if (m_unavailable)
        reply = unavailableReply();
    else
        m_secrets.insert(key, secret);
    deliverLater(context, std::move(done), reply);
}

void MemorySecretStore::removeSecret(const QString &key, QObject *context, Callback done)
{
    Reply reply;
    if (m_unavailable)
        reply = unavailableReply();
    else if (m_secrets.remove(key) == 0)
        reply.status = Status::NotFound;
    deliverLater(context, std::move(done), reply);
}

QString MemorySecretStore::displayName() const
{
    return tr("session memory");
}

} // namespace Dsn::Capture
