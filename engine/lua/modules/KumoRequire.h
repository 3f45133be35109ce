// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

namespace Dsn::Lua {

class LuaState;

/**
 * Our own `require`, since the `package` library stays closed: 'kumo' is the kumo module;
 * the user's module folders come first (`a.b` → a/b.lua, a/b/init.lua, loaded text-only);
 * KumoMTA's bundled and native modules (policy-extras.*, sqlite, redis, …) are stand-ins that
 * record their calls; anything else is "module 'x' not found" with the paths searched.
 * C modules are never loaded.
 */
class KumoRequire
{
public:
    static void registerIn(LuaState &state);
};

} // namespace Dsn::Lua
