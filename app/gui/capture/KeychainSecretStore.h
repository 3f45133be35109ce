// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QString>

#include "SecretStore.h"

namespace QKeychain {
class Job;
}

namespace Dsn::Capture {

/**
 * Passwords in the system keychain (Secret Service, KWallet, macOS Keychain, Windows Credential
 * Store) through QtKeychain. The insecure plain-file fallback of QtKeychain stays off: without a
 * keychain every call reports Status::Unavailable and the caller decides what to do instead.
 */
class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainSecretStore)

public:
    /// The service name every entry is filed under.
    static QString serviceName();

    explicit KeychainSecretStore(QObject *parent = nullptr);
    ~KeychainSecretStore() override;

    void readSecret(const QString &key, QObject *context, Callback done) override;
    void writeSecret(const QString &key, const QString &secret, QObject *context, Callback done) override;
    void removeSecret(const QString &key, QObject *context, Callback done) override;
    QString displayName() const override;

private:
    void run(QKeychain::Job *job, QObject *context, Callback done);
};

} // namespace Dsn::Capture
