// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "KeychainSecretStore.h"

#include <utility>

#include <qt6keychain/keychain.h>

namespace Dsn::Capture {

namespace {

SecretStore::Status statusOf(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return SecretStore::Status::Ok;
    case QKeychain::EntryNotFound:
        return SecretStore::Status::NotFound;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::AccessDeniedByUser:
        return SecretStore::Status::Failed;
    case QKeychain::AccessDenied:
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        break;
    }
    // "Other" is what QtKeychain reports when D-Bus has no Secret Service to talk to, the usual
    // case on CI machines and minimal desktops, so it counts as no keychain at all.
    return SecretStore::Status::Unavailable;
}

} // namespace

QString KeychainSecretStore::serviceName()
{
    return QStringLiteral("org.dsnworkbench.DsnWorkbench");
}

KeychainSecretStore::KeychainSecretStore(QObject *parent)
    : SecretStore(parent)
{
}

KeychainSecretStore::~KeychainSecretStore() = default;

void KeychainSecretStore::readSecret(const QString &key, QObject *context, Callback done)
{
    auto *job = new QKeychain::ReadPasswordJob(serviceName(), this);
    job->setKey(key);
    run(job, context, std::move(done));
}

void KeychainSecretStore::writeSecret(const QString &key, const QString &secret, QObject *context, Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(serviceName(), this);
    job->setKey(key);
    job->setTextData(secret);
    run(job, context, std::move(done));
}

void KeychainSecretStore::removeSecret(const QString &key, QObject *context, Callback done)
{
    auto *job = new QKeychain::DeletePasswordJob(serviceName(), this);
    job->setKey(key);
    run(job, context, std::move(done));
}

QString KeychainSecretStore::displayName() const
{
    return tr("system keychain");
}

void KeychainSecretStore::run(QKeychain::Job *job, QObject *context, Callback done)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    if (context && done) {
        // Connected to the context so that a destroyed caller is never called back.
        connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job *finished) {
            Reply reply;
            reply.status = statusOf(finished->error());
            if (reply.status == Status::Ok) {
                if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(finished))
                    reply.secret = read->textData();
            } else if (reply.status != Status::NotFound) {
                reply.errorText = finished->errorString();
                if (reply.errorText.isEmpty())
                    reply.errorText = tr("The system keychain reported error %1.").arg(int(finished->error()));
            }
            done(reply);
        });
    }
    job->start();
}

} // namespace Dsn::Capture
