// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QString>

struct lua_State;

namespace Dsn::Lua {

class LuaState;

/**
 * The `kumo` module table and stand-ins for everything the workbench does not emulate. A
 * missing `kumo.x` (at any depth: `kumo.dkim.rsa_sha256_signer`) is a stand-in value that can
 * be indexed, called, concatenated and printed; each call is recorded as a RecordedCall, warns
 * once per name, and returns another stand-in, so a production policy loads instead of
 * failing on the first line the workbench does not know. Stand-in modules from `require` work
 * the same way with the warning code `stub-module`.
 */
class KumoStubs
{
public:
    static void registerIn(LuaState &state);

    /// Pushes the `kumo` module (the same table as the global, even if the global was replaced).
    static void pushKumo(lua_State *L);
    /// Pushes a stand-in named `path`; its calls warn with `code`.
    static void pushStandIn(lua_State *L, const QString &path, const QString &code);
    /// True when the value at `index` is a stand-in (or the kumo table).
    static bool isStandIn(lua_State *L, int index);
    /// True when `path` ("kumo.json_load") names a real function rather than a stand-in.
    static bool isEmulated(lua_State *L, const QString &path);
};

} // namespace Dsn::Lua
