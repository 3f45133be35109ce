// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <exception>
#include <string>

#include <lua.hpp>

#include <QByteArray>
#include <QString>

namespace Dsn::Lua {

/**
 * Small helpers every binding shares, so argument handling, locations and the C++/Lua error
 * boundary read the same everywhere. Internal to dsn_lua (it includes <lua.hpp>).
 */
class LuaBinding
{
public:
    struct Location
    {
        QString source; ///< chunk name without '@'
        int line = -1;
    };

    /// The first Lua (not C) frame at or above `level`: from inside a lua_CFunction, level 1
    /// is whoever called it. Skipping C frames makes `pcall(kumo.on, …)` still point at Lua.
    static Location callerLocation(lua_State *L, int level = 1);
    /// "@policy.lua" → "policy.lua", "=[C]" → "[C]".
    static QString chunkName(const char *source);

    static QString toQString(lua_State *L, int index);
    static void pushQString(lua_State *L, const QString &text);
    static void pushBytes(lua_State *L, const QByteArray &bytes);
    /// tostring() of any value, honouring __tostring, without leaving anything on the stack.
    static QString describe(lua_State *L, int index);

    /// Raises `message` as a Lua error without a position prefix, as KumoMTA's Rust-side errors
    /// read ("compiling rules: …"). Use as `return LuaBinding::raise(L, msg);`.
    static int raise(lua_State *L, const QString &message);
    static int raise(lua_State *L, const std::string &message);

    /**
     * Wraps a lua_CFunction so a C++ exception becomes a Lua error at the boundary. Lua's own
     * errors (a C++ throw of an internal type in the C++ build of Lua) are not std::exception
     * and pass through untouched, which is why this never catches `...`.
     */
    template <lua_CFunction F> static int guarded(lua_State *L)
    {
        std::string failure;
        try {
            return F(L);
        } catch (const std::exception &e) {
            failure = e.what();
        }
        return raise(L, failure);
    }

    /**
     * Argument checks whose messages name the function the way policies spell it:
     * "bad argument #2 to 'kumo.on' (function expected, got nil)". (luaL_check* would say 'on'.)
     */
    static int typeError(lua_State *L, int arg, const char *function, const char *expected);
    static void checkType(lua_State *L, int arg, int type, const char *function);
    /// A string argument (numbers convert, as with luaL_checklstring).
    static QByteArray checkBytes(lua_State *L, int arg, const char *function);

    /// Registers `fn` as field `name` of the table at the top of the stack.
    static void setFunction(lua_State *L, const char *name, lua_CFunction fn);
};

} // namespace Dsn::Lua
