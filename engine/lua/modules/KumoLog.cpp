// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "lua/modules/KumoLog.h"

#include <lua.hpp>

#include "lua/LuaBinding.h"
#include "lua/LuaState.h"
#include "lua/PolicyContext.h"
#include "lua/modules/KumoStubs.h"

namespace Dsn::Lua {

namespace {

QString joinArguments(lua_State *L, QLatin1String separator)
{
    QString text;
    const int n = lua_gettop(L);
    for (int i = 1; i <= n; ++i) {
        if (i > 1)
            text += separator;
        text += LuaBinding::describe(L, i);
    }
    return text;
}

int logAt(lua_State *L)
{
    const QString level = LuaBinding::toQString(L, lua_upvalueindex(1));
    const LuaBinding::Location where = LuaBinding::callerLocation(L, 1);
    const QString text = joinArguments(L, QLatin1String(" "));
    LuaState::from(L).context().log(
        QStringLiteral("[%1] %2:%3: %4").arg(level, where.source).arg(where.line).arg(text));
    return 0;
}

int print(lua_State *L)
{
    LuaState::from(L).context().log(joinArguments(L, QLatin1String("\t")));
    return 0;
}

} // namespace

void KumoLog::registerIn(LuaState &state)
{
    lua_State *L = state.handle();
    KumoStubs::pushKumo(L);
    for (const char *level : {"error", "warn", "info", "debug"}) {
        lua_pushstring(L, level);
        lua_pushcclosure(L, LuaBinding::guarded<logAt>, 1);
        lua_setfield(L, -2, (QByteArray("log_") + level).constData());
    }
    lua_pop(L, 1);
    lua_pushcfunction(L, LuaBinding::guarded<print>);
    lua_setglobal(L, "print");
}

} // namespace Dsn::Lua
