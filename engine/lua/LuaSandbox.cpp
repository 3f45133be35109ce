// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "lua/LuaSandbox.h"

#include <initializer_list>

#include <lua.hpp>

namespace Dsn::Lua {

namespace {

int textOnlyLoad(lua_State *L)
{
    const int n = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    if (n >= 1)
        lua_pushvalue(L, 1);
    else
        lua_pushnil(L);
    if (n >= 2)
        lua_pushvalue(L, 2);
    else
        lua_pushnil(L);
    lua_pushliteral(L, "t");
    int args = 3;
    if (n >= 4) { // base load() tells an explicit nil env from a missing one
        lua_pushvalue(L, 4);
        ++args;
    }
    lua_call(L, args, LUA_MULTRET);
    return lua_gettop(L) - n;
}

int setmetatableWithoutGc(lua_State *L)
{
    if (lua_istable(L, 2)) {
        lua_pushliteral(L, "__gc");
        const bool hasGc = lua_rawget(L, 2) != LUA_TNIL;
        lua_pop(L, 1);
        if (hasGc)
            return luaL_error(L, "__gc metamethods are not available in the workbench sandbox");
    }
    lua_settop(L, 2);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, 2, 1);
    return 1;
}

// Builds a table holding only `names` from the library `opener` returns, so the dangerous
// rest (os.remove, os.exit, io.open …) is never reachable, not even through the registry.
void openSubset(lua_State *L, const char *global, lua_CFunction opener, std::initializer_list<const char *> names)
{
    lua_pushcfunction(L, opener);
    lua_call(L, 0, 1);
    lua_createtable(L, 0, int(names.size()));
    for (const char *name : names) {
        lua_getfield(L, -2, name);
        lua_setfield(L, -2, name);
    }
    lua_remove(L, -2);
    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
    lua_pushvalue(L, -2);
    lua_setfield(L, -2, global);
    lua_pop(L, 1);
    lua_setglobal(L, global);
}

} // namespace

void LuaSandbox::open(lua_State *L, const Permissions &permissions)
{
    static const luaL_Reg kLibraries[] = {
        {LUA_GNAME, luaopen_base},       {LUA_STRLIBNAME, luaopen_string}, {LUA_TABLIBNAME, luaopen_table},
        {LUA_MATHLIBNAME, luaopen_math}, {LUA_UTF8LIBNAME, luaopen_utf8},  {LUA_COLIBNAME, luaopen_coroutine},
    };
    for (const luaL_Reg &lib : kLibraries) {
        luaL_requiref(L, lib.name, lib.func, 1);
        lua_pop(L, 1);
    }

    for (const char *name : {"dofile", "loadfile", "collectgarbage"}) {
        lua_pushnil(L);
        lua_setglobal(L, name);
    }
    lua_getglobal(L, LUA_STRLIBNAME);
    lua_pushnil(L);
    lua_setfield(L, -2, "dump");
    lua_pop(L, 1);

    lua_getglobal(L, "load");
    lua_pushcclosure(L, textOnlyLoad, 1);
    lua_setglobal(L, "load");
    lua_getglobal(L, "setmetatable");
    lua_pushcclosure(L, setmetatableWithoutGc, 1);
    lua_setglobal(L, "setmetatable");

    if (permissions.osExecute)
        openSubset(L, LUA_OSLIBNAME, luaopen_os, {"time", "clock", "date", "difftime", "getenv", "execute"});
    else
        openSubset(L, LUA_OSLIBNAME, luaopen_os, {"time", "clock", "date", "difftime", "getenv"});
    if (permissions.ioPopen)
        openSubset(L, LUA_IOLIBNAME, luaopen_io, {"popen"});
}

} // namespace Dsn::Lua
