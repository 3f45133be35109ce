// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QHash>
#include <QString>

#include "SecretStore.h"

namespace Dsn::Capture {

/**
 * Secrets kept in this process only, never written anywhere: the session fallback when the
 * system keychain is unavailable, and the store tests use. setUnavailable() makes it behave like
 * a machine without a keychain so the fallback path can be exercised.
 */
class MemorySecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemorySecretStore)

public:
    explicit MemorySecretStore(QObject *parent = nullptr);
    ~MemorySecretStore() override;

    void readSecret(const QString &key, QObject *context, Callback done) override;
    void writeSecret(const QString &key, const QString &secret, QObject *context, Callback done) override;
    void removeSecret(const QString &key, QObject *context, Callback done) override;
    QString displayName() const override;

    void setUnavailable(bool unavailable) { m_unavailable = unavailable; }
    /// Synchronous look-ups for tests.
    bool contains(const QString &key) const { return m_secrets.contains(key); }
    QString secret(const QString &key) const { return m_secrets.value(key); }
    /// Synchronous store, used by the panel for its session fallback.
    void setSecret(const QString &key, const QString &secret) { m_secrets.insert(key, secret); }

private:
    Reply unavailableReply() const;

    QHash<QString, QString> m_secrets;
    bool m_unavailable = false;
};

} // namespace Dsn::Capture
