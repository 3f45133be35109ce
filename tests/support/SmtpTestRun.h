// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include "smtp/ClientOptions.h"
#include "smtp/TransactionResult.h"

namespace Dsn::Test {

/// Result of one client run driven by the event loop, plus how long it took in real time.
struct SmtpTestRun
{
    Smtp::TransactionResult result;
    qint64 elapsedMs = 0;
    bool finished = false; ///< false: no finished() within the wait (a test failure)
    int finishedCount = 0;

    /// Starts an SmtpClient with `options` and spins the event loop until it finishes.
    static SmtpTestRun run(const Smtp::ClientOptions &options, int maxWaitMs = 10'000);
};

} // namespace Dsn::Test
