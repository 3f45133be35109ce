// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "lua/modules/KumoOn.h"

#include <lua.hpp>

#include <QCoreApplication>

#include "lua/LuaBinding.h"
#include "lua/LuaState.h"
#include "lua/PolicyContext.h"
#include "lua/modules/KumoStubs.h"

namespace Dsn::Lua {

namespace {

int on(lua_State *L)
{
    const QString event = QString::fromUtf8(LuaBinding::checkBytes(L, 1, "kumo.on"));
    bool callable = lua_isfunction(L, 2);
    if (!callable && luaL_getmetafield(L, 2, "__call") != LUA_TNIL) {
        lua_pop(L, 1);
        callable = true;
    }
    if (!callable)
        return LuaBinding::typeError(L, 2, "kumo.on", "function");

    PolicyContext &ctx = LuaState::from(L).context();
    if (ctx.currentEvent != QLatin1String("main")) {
        return LuaBinding::raise(
            L, QCoreApplication::translate("KumoOn",
                                           "Attempting to register an event handler via `kumo.on('%1', ...)` from "
                                           "within the event handler '%2'. You must move your event handler "
                                           "registration so that it is setup directly when the policy is loaded in "
                                           "order for it to consistently trigger and handle events.")
                   .arg(event, ctx.currentEvent));
    }

    // KumoMTA names where the handler function was defined, not where kumo.on was called.
    LuaBinding::Location where;
    lua_Debug ar;
    lua_pushvalue(L, 2);
    if (lua_isfunction(L, 2) && lua_getinfo(L, ">S", &ar) && ar.linedefined > 0)
        where = {LuaBinding::chunkName(ar.source), ar.linedefined};
    else
        where = LuaBinding::callerLocation(L, 1);
    lua_settop(L, 2);

    if (const auto error = ctx.events.add(L, event, 2, where.source, where.line))
        return LuaBinding::raise(L, *error);
    return 0;
}

} // namespace

void KumoOn::registerIn(LuaState &state)
{
    lua_State *L = state.handle();
    KumoStubs::pushKumo(L);
    LuaBinding::setFunction(L, "on", LuaBinding::guarded<on>);
    lua_pop(L, 1);
}

} // namespace Dsn::Lua
