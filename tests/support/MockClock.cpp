// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "MockClock.h"

namespace Dsn::Test {

void MockClock::advanceMs(qint64 ms)
{
    m_now += ms;
}

} // namespace Dsn::Test
