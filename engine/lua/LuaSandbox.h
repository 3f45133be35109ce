// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

struct lua_State;

namespace Dsn::Lua {

/**
 * The library whitelist: base, string, table, math, utf8 and coroutine, opened one by one.
 * Removed: dofile, loadfile, collectgarbage, string.dump; `load` only accepts text; a
 * metatable with __gc is refused (finalizers run with hooks off, so the limits could not stop
 * one). Instead of `os`, a table with time, clock, date and getenv (execute only when allowed);
 * `io` exists only with popen, and only when allowed. No package, no debug.
 */
class LuaSandbox
{
public:
    struct Permissions
    {
        bool osExecute = false;
        bool ioPopen = false;
    };

    /// Needs protected mode (it allocates).
    static void open(lua_State *L, const Permissions &permissions);
};

} // namespace Dsn::Lua
