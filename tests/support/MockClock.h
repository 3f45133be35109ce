// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <atomic>

#include "common/Clock.h"

namespace Dsn::Test {

/// A clock tests move by hand, so TTLs and timeouts are checked without sleeping.
class MockClock final : public Clock
{
public:
    explicit MockClock(qint64 startMs = 1'700'000'000'000) : m_now(startMs) {}

    qint64 monotonicMs() const override { return m_now.load(); }
    qint64 wallMs() const override { return m_now.load(); }

    void advanceMs(qint64 ms);
    void advanceSeconds(qint64 s) { advanceMs(s * 1000); }

private:
    std::atomic<qint64> m_now;
};

} // namespace Dsn::Test
