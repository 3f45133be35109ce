// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <functional>

#include <QByteArray>

#include "common/JsonText.h"

struct lua_State;

namespace Dsn::Lua {

/**
 * JSON ⇄ Lua for kumo.json_* and kumo.memoize keys. Tables made from JSON objects remember
 * their key order in a weak-keyed registry side table (the tables themselves stay plain, with
 * no metatable), so kumo.regex_set_map.new and json_encode can follow file order; tables made
 * from arrays remember their length so a `null` inside does not shorten them.
 */
class LuaJson
{
public:
    /// Creates the side table. Call once while setting up the state.
    static void install(lua_State *L);

    /// Pushes `value`; JSON null becomes nil. Raises a Lua error on memory exhaustion.
    static void push(lua_State *L, const JsonText::Ordered &value);

    /**
     * The value at `index` as JSON: sequences become arrays, other tables objects (remembered
     * order first, then the remaining keys sorted), nil becomes null. Throws std::runtime_error
     * for functions, userdata, cycles and keys JSON cannot hold.
     */
    static JsonText::Ordered toJson(lua_State *L, int index);

    /**
     * Calls `visit(keyText)` for each entry of the table at `index` with the key and the value
     * pushed (at -2 and -1; popped afterwards): remembered order first, then the other keys
     * sorted by their text. Number keys are visited with their decimal text; other key types
     * throw std::runtime_error.
     */
    static void forEachInOrder(lua_State *L, int index, const std::function<void(const QByteArray &)> &visit);
};

} // namespace Dsn::Lua
