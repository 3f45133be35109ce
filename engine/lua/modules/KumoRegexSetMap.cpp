// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "lua/modules/KumoRegexSetMap.h"

#include <memory>
#include <new>
#include <stdexcept>

#include <lua.hpp>

#include <QCoreApplication>

#include "lua/LuaBinding.h"
#include "lua/LuaJson.h"
#include "lua/LuaState.h"
#include "lua/PolicyContext.h"
#include "lua/modules/KumoStubs.h"
#include "rules/RegexSetMap.h"

namespace Dsn::Lua {

namespace {

constexpr const char *kMetaName = "dsn.regex_set_map";

struct MapBox
{
    std::shared_ptr<const Rules::RegexSetMap> map;
};

/// The value as JSON for the ambiguity check; values JSON cannot hold still compare by identity.
QJsonValue comparableValue(lua_State *L, int index)
{
    index = lua_absindex(L, index);
    const int top = lua_gettop(L);
    try {
        return JsonText::toQt(LuaJson::toJson(L, index));
    } catch (const std::runtime_error &) {
        lua_settop(L, top);
        return QStringLiteral("%1: %2")
            .arg(QString::fromUtf8(luaL_typename(L, index)))
            .arg(quintptr(lua_topointer(L, index)), 0, 16);
    }
}

/// Rust's regex errors show the pattern with a caret under the problem; do the same when the
/// compiler's message does not already quote the pattern.
QString compileMessage(const Diagnostic &d)
{
    QString message = d.message;
    if (!d.pattern.isEmpty() && !message.contains(d.pattern)) {
        message += QStringLiteral("\n    ") + d.pattern;
        if (d.position >= 0)
            message += QStringLiteral("\n    ") + QString(d.position, QLatin1Char(' ')) + QLatin1Char('^');
    }
    return message;
}

int newMap(lua_State *L)
{
    QList<Rules::RegexRule> rules;
    lua_newtable(L); // the Lua values, by rule index + 1
    const int values = lua_gettop(L);
    if (!lua_isnoneornil(L, 1)) {
        LuaBinding::checkType(L, 1, LUA_TTABLE, "kumo.regex_set_map.new");
        LuaJson::forEachInOrder(L, 1, [&](const QByteArray &key) {
            rules.append({QString::fromUtf8(key), comparableValue(L, -1)});
            lua_pushvalue(L, -1);
            lua_rawseti(L, values, lua_Integer(rules.size()));
        });
    }
    auto compiled = Rules::RegexSetMap::compile(rules);
    if (!compiled)
        return LuaBinding::raise(L, compileMessage(compiled.error()));
    auto map = std::make_shared<const Rules::RegexSetMap>(std::move(compiled.value()));

    void *memory = lua_newuserdatauv(L, sizeof(MapBox), 1);
    new (memory) MapBox{std::move(map)};
    luaL_setmetatable(L, kMetaName);
    lua_pushvalue(L, values);
    lua_setiuservalue(L, -2, 1);
    return 1;
}

int mapIndex(lua_State *L)
{
    const auto *box = static_cast<MapBox *>(luaL_checkudata(L, 1, kMetaName));
    if (lua_type(L, 2) != LUA_TSTRING && lua_type(L, 2) != LUA_TNUMBER)
        LuaBinding::typeError(L, 2, "regex_set_map lookup", "string");
    const QString text = LuaBinding::toQString(L, 2); // straight from Lua's bytes: one lookup per event

    const Rules::RegexSetMap::Lookup result = box->map->lookup(text);

    PolicyContext &ctx = LuaState::from(L).context();
    if (ctx.currentLookups)
        ctx.currentLookups->append({box->map, text, result});

    if (result.first < 0)
        return 0;
    lua_getiuservalue(L, 1, 1);
    lua_rawgeti(L, -1, lua_Integer(result.first) + 1);
    return 1;
}

int mapToString(lua_State *L)
{
    const auto *box = static_cast<MapBox *>(luaL_checkudata(L, 1, kMetaName));
    lua_pushfstring(L, "regex_set_map (%d rules)", int(box->map->size()));
    return 1;
}

int mapGc(lua_State *L)
{
    // __metatable hides this from scripts, so it runs exactly once, from the collector.
    std::destroy_at(static_cast<MapBox *>(luaL_checkudata(L, 1, kMetaName)));
    return 0;
}

} // namespace

void KumoRegexSetMap::registerIn(LuaState &state)
{
    lua_State *L = state.handle();
    luaL_newmetatable(L, kMetaName);
    LuaBinding::setFunction(L, "__index", LuaBinding::guarded<mapIndex>);
    LuaBinding::setFunction(L, "__tostring", LuaBinding::guarded<mapToString>);
    LuaBinding::setFunction(L, "__gc", mapGc);
    lua_pushliteral(L, "regex_set_map");
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 1);

    KumoStubs::pushKumo(L);
    lua_createtable(L, 0, 1);
    LuaBinding::setFunction(L, "new", LuaBinding::guarded<newMap>);
    lua_setfield(L, -2, "regex_set_map");
    lua_pop(L, 1);
}

} // namespace Dsn::Lua
