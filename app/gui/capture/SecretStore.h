// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <functional>

#include <QObject>
#include <QPointer>
#include <QString>

namespace Dsn::Capture {

/**
 * Where staging-server passwords live. Every call is asynchronous: the callback runs later from
 * the event loop, never from inside the call, because a real keychain may show a prompt. The
 * callback is dropped when `context` is destroyed first, so a closed panel is never called back.
 */
class SecretStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    enum class Status {
        Ok,
        NotFound,    ///< nothing stored under the key (not an error for a read)
        Unavailable, ///< no keychain on this machine (no Secret Service), or it refused access
        Failed,      ///< the store exists but the operation failed
    };

    struct Reply
    {
        Status status = Status::Ok;
        QString secret;    ///< the password read; empty for writes and removals
        QString errorText; ///< translated, empty when `status` is Ok or NotFound

        bool ok() const { return status == Status::Ok; }
    };

    using Callback = std::function<void(const Reply &reply)>;

    explicit SecretStore(QObject *parent = nullptr);
    ~SecretStore() override;

    virtual void readSecret(const QString &key, QObject *context, Callback done) = 0;
    virtual void writeSecret(const QString &key, const QString &secret, QObject *context, Callback done) = 0;
    virtual void removeSecret(const QString &key, QObject *context, Callback done) = 0;
    /// For messages: "system keychain", "session memory".
    virtual QString displayName() const = 0;

protected:
    /// Runs `done(reply)` from the event loop unless `context` died meanwhile.
    static void deliverLater(QObject *context, Callback done, const Reply &reply);
};

} // namespace Dsn::Capture
