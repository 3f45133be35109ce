// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "lua/modules/KumoStubs.h"

#include <lua.hpp>

#include <QCoreApplication>

#include "lua/LuaBinding.h"
#include "lua/LuaState.h"
#include "lua/PolicyContext.h"

namespace Dsn::Lua {

namespace {

const char kKumoKey = 0;
const char kInfoKey = 0; // weak-keyed: stand-in → {path, code}
const char kMetaKey = 0;

struct StandInInfo
{
    QString path;
    QString code;
    bool valid = false;
};

StandInInfo infoOf(lua_State *L, int index)
{
    index = lua_absindex(L, index);
    StandInInfo info;
    lua_rawgetp(L, LUA_REGISTRYINDEX, &kInfoKey);
    lua_pushvalue(L, index);
    if (lua_rawget(L, -2) == LUA_TTABLE) {
        lua_rawgeti(L, -1, 1);
        info.path = LuaBinding::toQString(L, -1);
        lua_rawgeti(L, -2, 2);
        info.code = LuaBinding::toQString(L, -1);
        lua_pop(L, 2);
        info.valid = true;
    }
    lua_pop(L, 2);
    return info;
}

void attach(lua_State *L, int index, const QString &path, const QString &code)
{
    index = lua_absindex(L, index);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &kInfoKey);
    lua_pushvalue(L, index);
    lua_createtable(L, 2, 0);
    LuaBinding::pushQString(L, path);
    lua_rawseti(L, -2, 1);
    LuaBinding::pushQString(L, code);
    lua_rawseti(L, -2, 2);
    lua_rawset(L, -3);
    lua_pop(L, 1);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &kMetaKey);
    lua_setmetatable(L, index);
}

int standInIndex(lua_State *L)
{
    // Integer keys stay nil so ipairs() over a stand-in ends at once instead of never.
    if (lua_type(L, 2) != LUA_TSTRING)
        return 0;
    const StandInInfo info = infoOf(L, 1);
    const QString child = info.path + QLatin1Char('.') + LuaBinding::toQString(L, 2);
    KumoStubs::pushStandIn(L, child, info.code);
    lua_pushvalue(L, 2);
    lua_pushvalue(L, -2);
    lua_rawset(L, 1); // the same name gives the same stand-in next time
    return 1;
}

int standInCall(lua_State *L)
{
    const StandInInfo info = infoOf(L, 1);
    QString name = info.path;
    // `module:method(…)` passes the module as the first argument: show it the way it was written.
    if (lua_gettop(L) >= 2) {
        const StandInInfo self = infoOf(L, 2);
        const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
        if (self.valid && dot > 0 && self.path == name.left(dot))
            name[dot] = QLatin1Char(':');
    }
    const LuaBinding::Location where = LuaBinding::callerLocation(L, 1);
    PolicyContext &ctx = LuaState::from(L).context();
    ctx.recordedCalls.append({name, where.source, where.line});
    const QString message =
        info.code == QLatin1String("stub-module")
            ? QCoreApplication::translate("KumoStubs", "%1(…) belongs to a KumoMTA module the workbench does not "
                                                       "emulate: the call was recorded and did nothing")
                  .arg(name)
            : QCoreApplication::translate(
                  "KumoStubs", "%1(…) is not emulated by the workbench: the call was recorded and did nothing")
                  .arg(name);
    ctx.warnOnce(info.code, name, message, where.source, where.line);
    KumoStubs::pushStandIn(L, name + QStringLiteral("()"), info.code);
    return 1;
}

int standInToString(lua_State *L)
{
    LuaBinding::pushQString(L, QStringLiteral("stand-in: %1").arg(infoOf(L, 1).path));
    return 1;
}

int standInConcat(lua_State *L)
{
    luaL_tolstring(L, 1, nullptr);
    luaL_tolstring(L, 2, nullptr);
    lua_concat(L, 2);
    return 1;
}

int standInLength(lua_State *L)
{
    lua_pushinteger(L, 0);
    return 1;
}

} // namespace

void KumoStubs::registerIn(LuaState &state)
{
    lua_State *L = state.handle();

    lua_newtable(L);
    lua_createtable(L, 0, 1);
    lua_pushliteral(L, "k");
    lua_setfield(L, -2, "__mode");
    lua_setmetatable(L, -2);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &kInfoKey);

    lua_createtable(L, 0, 6);
    LuaBinding::setFunction(L, "__index", LuaBinding::guarded<standInIndex>);
    LuaBinding::setFunction(L, "__call", LuaBinding::guarded<standInCall>);
    LuaBinding::setFunction(L, "__tostring", LuaBinding::guarded<standInToString>);
    LuaBinding::setFunction(L, "__concat", standInConcat);
    LuaBinding::setFunction(L, "__len", standInLength);
    // getmetatable() then yields this string, so a policy cannot rewire the stand-ins.
    lua_pushliteral(L, "stand-in");
    lua_setfield(L, -2, "__metatable");
    lua_rawsetp(L, LUA_REGISTRYINDEX, &kMetaKey);

    lua_newtable(L);
    attach(L, -1, QStringLiteral("kumo"), QStringLiteral("unknown-kumo-call"));
    lua_pushvalue(L, -1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &kKumoKey);
    // Also in the registry's _LOADED, where require() finds already loaded modules.
    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
    lua_pushvalue(L, -2);
    lua_setfield(L, -2, "kumo");
    lua_pop(L, 1);
    lua_setglobal(L, "kumo");
}

void KumoStubs::pushKumo(lua_State *L)
{
    lua_rawgetp(L, LUA_REGISTRYINDEX, &kKumoKey);
}

void KumoStubs::pushStandIn(lua_State *L, const QString &path, const QString &code)
{
    lua_newtable(L);
    attach(L, -1, path, code);
}

bool KumoStubs::isStandIn(lua_State *L, int index)
{
    return infoOf(L, index).valid;
}

bool KumoStubs::isEmulated(lua_State *L, const QString &path)
{
    const int top = lua_gettop(L);
    const QStringList segments = path.split(QLatin1Char('.'));
    pushKumo(L);
    for (qsizetype i = 1; i < segments.size() && lua_istable(L, -1); ++i) {
        LuaBinding::pushQString(L, segments[i]);
        lua_rawget(L, -2);
    }
    const bool emulated = segments.size() > 1 && lua_isfunction(L, -1);
    lua_settop(L, top);
    return emulated;
}

} // namespace Dsn::Lua
