// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

namespace Dsn::Lua {

class LuaState;

/**
 * kumo.json_load / json_parse / json_encode (and the kumo.serde.* spellings newer KumoMTA
 * releases use). json_load reads files bound to the project first, then files below
 * RuntimeOptions::baseDirectory, nothing else. Comments are allowed, trailing commas are not,
 * null becomes nil and objects remember their key order (see LuaJson).
 */
class KumoJson
{
public:
    static void registerIn(LuaState &state);
};

} // namespace Dsn::Lua
