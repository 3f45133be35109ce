// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "SecretStore.h"

#include <utility>

#include <QMetaObject>

namespace Dsn::Capture {

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
{
}

SecretStore::~SecretStore() = default;

void SecretStore::deliverLater(QObject *context, Callback done, const Reply &reply)
{
    if (!done || !context)
        return;
    // A queued call on the context is dropped by Qt when the context is destroyed first.
    QMetaObject::invokeMethod(
        context, [done = std::move(done), reply] { done(reply); }, Qt::QueuedConnection);
}

} // namespace Dsn::Capture
