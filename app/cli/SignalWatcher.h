// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QObject>

class QSocketNotifier;

namespace Dsn::Cli {

/**
 * Turns SIGINT and SIGTERM into a Qt signal. The handler only writes a byte to a socket pair
 * (the one thing that is safe inside a signal handler); the notifier reads it in the event loop.
 */
class SignalWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalWatcher)

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void interrupted(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Dsn::Cli
