// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "lua/modules/KumoMemoize.h"

#include <cmath>

#include <lua.hpp>

#include "common/JsonText.h"
#include "lua/HumanDuration.h"
#include "lua/LuaBinding.h"
#include "lua/LuaJson.h"
#include "lua/LuaState.h"
#include "lua/PolicyContext.h"
#include "lua/modules/KumoStubs.h"

namespace Dsn::Lua {

namespace {

const char kStoreKey = 0; // registry: cache name → {json key → {n=…, results…}}

struct Params
{
    QByteArray name;
    qint64 ttlMs = 0;
    qsizetype capacity = 0;
};

/// How serde names an unexpected value: "string \"soon\"", "integer `5`", "boolean `true`".
QString serdeDescribe(lua_State *L, int index)
{
    switch (lua_type(L, index)) {
    case LUA_TSTRING:
        return QStringLiteral("string \"%1\"").arg(LuaBinding::toQString(L, index));
    case LUA_TNUMBER:
        if (lua_isinteger(L, index))
            return QStringLiteral("integer `%1`").arg(lua_tointeger(L, index));
        return QStringLiteral("floating point `%1`").arg(lua_tonumber(L, index));
    case LUA_TBOOLEAN:
        return QStringLiteral("boolean `%1`").arg(lua_toboolean(L, index) ? u"true" : u"false");
    case LUA_TTABLE:
        return QStringLiteral("map");
    default:
        return QString::fromUtf8(luaL_typename(L, index));
    }
}

[[noreturn]] void fail(const QString &what)
{
    throw std::runtime_error(QStringLiteral("kumo.memoize: %1").arg(what).toStdString());
}

qint64 readTtl(lua_State *L, int index)
{
    if (lua_type(L, index) == LUA_TNUMBER) {
        const double seconds = lua_tonumber(L, index);
        if (seconds >= 0 && std::isfinite(seconds))
            return qint64(seconds * 1000.0);
        fail(QStringLiteral("invalid value: %1, expected a duration").arg(serdeDescribe(L, index)));
    }
    if (lua_type(L, index) == LUA_TSTRING) {
        if (const auto ms = HumanDuration::parseMs(LuaBinding::toQString(L, index)))
            return *ms;
        fail(QStringLiteral("invalid value: %1, expected a duration").arg(serdeDescribe(L, index)));
    }
    fail(QStringLiteral("invalid type: %1, expected a duration").arg(serdeDescribe(L, index)));
}

Params readParams(lua_State *L, int index)
{
    // Optional fields newer KumoMTA releases accept; the workbench has no use for them.
    static const QByteArrayList kOptional = {"invalidate_with_epoch", "retry_on_populate_timeout", "populate_timeout",
                                             "allow_stale_reads", "detached"};
    Params p;
    bool hasTtl = false, hasCapacity = false, hasName = false;
    LuaJson::forEachInOrder(L, index, [&](const QByteArray &key) {
        if (key == "ttl") {
            p.ttlMs = readTtl(L, -1);
            hasTtl = true;
        } else if (key == "capacity") {
            if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < 0) {
                fail(QStringLiteral("%1: %2, expected usize")
                         .arg(lua_isinteger(L, -1) ? u"invalid value" : u"invalid type", serdeDescribe(L, -1)));
            }
            p.capacity = qsizetype(lua_tointeger(L, -1));
            hasCapacity = true;
        } else if (key == "name") {
            if (lua_type(L, -1) != LUA_TSTRING)
                fail(QStringLiteral("invalid type: %1, expected a string").arg(serdeDescribe(L, -1)));
            p.name = LuaBinding::toQString(L, -1).toUtf8();
            hasName = true;
        } else if (!kOptional.contains(key)) {
            fail(QStringLiteral("unknown field `%1`, expected one of `ttl`, `capacity`, `name`, "
                                "`invalidate_with_epoch`, `retry_on_populate_timeout`, `populate_timeout`, "
                                "`allow_stale_reads`, `detached`")
                     .arg(QString::fromUtf8(key)));
        }
    });
    if (!hasTtl)
        fail(QStringLiteral("missing field `ttl`"));
    if (!hasCapacity)
        fail(QStringLiteral("missing field `capacity`"));
    if (!hasName)
        fail(QStringLiteral("missing field `name`"));
    return p;
}

/// Pushes the value store for cache `name`, creating it (and dropping a stale one) as needed.
void pushStore(lua_State *L, const QByteArray &name, bool fresh)
{
    lua_rawgetp(L, LUA_REGISTRYINDEX, &kStoreKey);
    if (fresh || lua_getfield(L, -1, name.constData()) != LUA_TTABLE) {
        if (!fresh)
            lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_setfield(L, -3, name.constData());
    }
    lua_remove(L, -2);
}

int memoized(lua_State *L)
{
    const int nargs = lua_gettop(L);
    // KumoMTA's key: no argument or one nil → null, one argument → itself, several → an array.
    // The usual call has no argument (a table loader run once per event): no JSON to build then.
    QByteArray key = QByteArrayLiteral("null");
    if (nargs == 1) {
        key = JsonText::dump(LuaJson::toJson(L, 1));
    } else if (nargs > 1) {
        JsonText::Ordered keyJson = JsonText::Ordered::array();
        for (int i = 1; i <= nargs; ++i)
            keyJson.push_back(LuaJson::toJson(L, i));
        key = JsonText::dump(keyJson);
    }
    // The upvalue is the name as memoize() stored it (already UTF-8), and it outlives this call.
    size_t nameLength = 0;
    const char *nameBytes = lua_tolstring(L, lua_upvalueindex(2), &nameLength);
    const QByteArray name = QByteArray::fromRawData(nameBytes, qsizetype(nameLength));
    PolicyContext &ctx = LuaState::from(L).context();

    auto cache = ctx.memoizeCaches.find(name);
    if (cache != ctx.memoizeCaches.end() && cache->second.fresh(key, ctx.clock().monotonicMs())) {
        pushStore(L, name, false);
        LuaBinding::pushBytes(L, key);
        if (lua_rawget(L, -2) == LUA_TTABLE) {
            lua_getfield(L, -1, "n");
            const int n = int(lua_tointeger(L, -1));
            lua_pop(L, 1);
            luaL_checkstack(L, n, "memoized results");
            for (int i = 1; i <= n; ++i)
                lua_rawgeti(L, nargs + 2, i);
            return n;
        }
        lua_settop(L, nargs);
    }

    // Errors propagate from here, so a failing call leaves nothing in the cache.
    lua_pushvalue(L, lua_upvalueindex(1));
    for (int i = 1; i <= nargs; ++i)
        lua_pushvalue(L, i);
    lua_call(L, nargs, LUA_MULTRET);
    const int nresults = lua_gettop(L) - nargs;

    cache = ctx.memoizeCaches.find(name); // the call may have run kumo.memoize itself
    if (cache == ctx.memoizeCaches.end())
        return nresults;
    lua_createtable(L, nresults, 1);
    for (int i = 1; i <= nresults; ++i) {
        lua_pushvalue(L, nargs + i);
        lua_rawseti(L, -2, i);
    }
    lua_pushinteger(L, nresults);
    lua_setfield(L, -2, "n");
    pushStore(L, name, false);
    LuaBinding::pushBytes(L, key);
    lua_pushvalue(L, -3);
    lua_rawset(L, -3);
    const QByteArrayList evicted = cache->second.insert(key, ctx.clock().monotonicMs());
    for (const QByteArray &gone : evicted) {
        LuaBinding::pushBytes(L, gone);
        lua_pushnil(L);
        lua_rawset(L, -3);
    }
    lua_pop(L, 2);
    return nresults;
}

int memoize(lua_State *L)
{
    LuaBinding::checkType(L, 1, LUA_TFUNCTION, "kumo.memoize");
    LuaBinding::checkType(L, 2, LUA_TTABLE, "kumo.memoize");
    const Params params = readParams(L, 2);
    lua_settop(L, 1);

    PolicyContext &ctx = LuaState::from(L).context();
    auto existing = ctx.memoizeCaches.find(params.name);
    const bool same = existing != ctx.memoizeCaches.end() && existing->second.ttlMs() == params.ttlMs &&
                      existing->second.capacity() == params.capacity;
    if (!same) {
        ctx.memoizeCaches.erase(params.name);
        ctx.memoizeCaches.emplace(params.name, MemoizeCache(params.ttlMs, params.capacity));
    }
    pushStore(L, params.name, !same);
    lua_pop(L, 1);

    LuaBinding::pushBytes(L, params.name);
    lua_pushcclosure(L, LuaBinding::guarded<memoized>, 2);
    return 1;
}

} // namespace

void KumoMemoize::registerIn(LuaState &state)
{
    lua_State *L = state.handle();
    lua_newtable(L);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &kStoreKey);
    KumoStubs::pushKumo(L);
    LuaBinding::setFunction(L, "memoize", LuaBinding::guarded<memoize>);
    lua_pop(L, 1);
}

} // namespace Dsn::Lua
