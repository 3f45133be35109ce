// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

namespace Dsn::Lua {

class LuaState;

/// kumo.log_error/log_warn/log_info/log_debug and print(), written to the current call's log
/// (or the load log) instead of a terminal, each line with the caller's chunk and line.
class KumoLog
{
public:
    static void registerIn(LuaState &state);
};

} // namespace Dsn::Lua
