// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

namespace Dsn::Lua {

class LuaState;

/**
 * `kumo.memoize(fn, {name=, ttl=, capacity=})` with KumoMTA's parameter rules (all three
 * required, unknown fields refused, serde-style messages) and cache semantics: the key is the
 * JSON form of the arguments (so f() and f(nil) share an entry), nil results are cached,
 * errors are not, entries expire after ttl on the runtime's Clock and the least recently used
 * goes when capacity is exceeded. Caches are per state and shared by name, as in KumoMTA.
 */
class KumoMemoize
{
public:
    static void registerIn(LuaState &state);
};

} // namespace Dsn::Lua
