// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "SmtpTestRun.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTest>
#include <QTimer>

#include "smtp/SmtpClient.h"

namespace Dsn::Test {

SmtpTestRun SmtpTestRun::run(const Smtp::ClientOptions &options, int maxWaitMs)
{
    SmtpTestRun out;
    Smtp::SmtpClient client;
    QObject::connect(&client, &Smtp::SmtpClient::finished, [&out](const Smtp::TransactionResult &r) {
        out.result = r;
        out.finished = true;
        ++out.finishedCount;
    });
    // A real event loop rather than QTest::qWaitFor, which sleeps between polls: client and
    // server share this thread, so every round trip would cost a sleep.
    QEventLoop loop;
    QObject::connect(&client, &Smtp::SmtpClient::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(maxWaitMs, &loop, &QEventLoop::quit); // a run that never finishes fails the test
    QElapsedTimer timer;
    timer.start();
    client.start(options);
    loop.exec();
    out.elapsedMs = timer.elapsed();
    // Let late socket events arrive: finished() must not be emitted twice.
    QTest::qWait(20);
    return out;
}

} // namespace Dsn::Test
