// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "lua/LuaJson.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <string>

#include <lua.hpp>

#include <QHash>
#include <QList>

namespace Dsn::Lua {

namespace {

// Deep enough for any real rules table; shallow enough that recursion cannot exhaust the C
// stack and a table that contains itself is reported instead of looping.
constexpr int kMaxDepth = 200;

const char kOrderKey = 0;

void pushOrderTable(lua_State *L)
{
    lua_rawgetp(L, LUA_REGISTRYINDEX, &kOrderKey);
}

void pushValue(lua_State *L, const JsonText::Ordered &value, int depth)
{
    using T = JsonText::Ordered::value_t;
    if (depth > kMaxDepth)
        luaL_error(L, "json nesting deeper than %d levels", kMaxDepth);
    luaL_checkstack(L, 4, "json nesting");
    switch (value.type()) {
    case T::null:
    case T::discarded:
    case T::binary:
        lua_pushnil(L);
        return;
    case T::boolean:
        lua_pushboolean(L, value.get<bool>());
        return;
    case T::number_integer:
        lua_pushinteger(L, lua_Integer(value.get<std::int64_t>()));
        return;
    case T::number_unsigned: {
        const auto u = value.get<std::uint64_t>();
        if (u <= std::uint64_t(LUA_MAXINTEGER))
            lua_pushinteger(L, lua_Integer(u));
        else
            lua_pushnumber(L, lua_Number(u));
        return;
    }
    case T::number_float:
        lua_pushnumber(L, value.get<double>());
        return;
    case T::string: {
        const auto &s = value.get_ref<const std::string &>();
        lua_pushlstring(L, s.data(), s.size());
        return;
    }
    case T::array: {
        lua_createtable(L, int(value.size()), 0);
        lua_Integer i = 0;
        for (const auto &item : value) {
            pushValue(L, item, depth + 1);
            lua_rawseti(L, -2, ++i);
        }
        pushOrderTable(L);
        lua_pushvalue(L, -2);
        lua_pushinteger(L, i);
        lua_rawset(L, -3);
        lua_pop(L, 1);
        return;
    }
    case T::object: {
        lua_createtable(L, 0, int(value.size()));
        lua_createtable(L, int(value.size()), 0); // the key order
        lua_Integer i = 0;
        for (auto it = value.begin(); it != value.end(); ++it) {
            lua_pushlstring(L, it.key().data(), it.key().size());
            lua_pushvalue(L, -1);
            lua_rawseti(L, -3, ++i);
            pushValue(L, it.value(), depth + 1);
            lua_rawset(L, -4);
        }
        pushOrderTable(L);
        lua_pushvalue(L, -3);
        lua_pushvalue(L, -3);
        lua_rawset(L, -3);
        lua_pop(L, 2);
        return;
    }
    }
    lua_pushnil(L);
}

QByteArray keyText(lua_State *L, int index)
{
    switch (lua_type(L, index)) {
    case LUA_TSTRING: {
        size_t len = 0;
        const char *s = lua_tolstring(L, index, &len);
        return QByteArray(s, qsizetype(len));
    }
    case LUA_TNUMBER: {
        lua_pushvalue(L, index); // lua_tolstring would turn a lua_next key into a string
        QByteArray text = lua_tostring(L, -1);
        lua_pop(L, 1);
        return text;
    }
    default:
        throw std::runtime_error(std::string("table keys must be strings or numbers, got ") + luaL_typename(L, index));
    }
}

JsonText::Ordered toJsonAt(lua_State *L, int index, int depth);

JsonText::Ordered tableToJson(lua_State *L, int index, int depth)
{
    pushOrderTable(L);
    lua_pushvalue(L, index);
    lua_rawget(L, -2);
    const bool fromArray = lua_isinteger(L, -1);
    const lua_Integer arrayLength = fromArray ? lua_tointeger(L, -1) : 0;
    const bool fromObject = lua_istable(L, -1);
    lua_pop(L, 2);

    lua_Integer sequenceLength = 0;
    if (!fromArray && !fromObject) {
        // A plain Lua table: a sequence 1..n becomes an array, anything else an object.
        lua_Integer count = 0;
        bool onlyPositiveIntegers = true;
        lua_pushnil(L);
        while (lua_next(L, index)) {
            ++count;
            if (!lua_isinteger(L, -2) || lua_tointeger(L, -2) < 1)
                onlyPositiveIntegers = false;
            lua_pop(L, 1);
        }
        if (count > 0 && onlyPositiveIntegers && lua_Integer(lua_rawlen(L, index)) == count)
            sequenceLength = count;
    }
    if (fromArray || sequenceLength > 0) {
        const lua_Integer n = fromArray ? arrayLength : sequenceLength;
        JsonText::Ordered array = JsonText::Ordered::array();
        for (lua_Integer i = 1; i <= n; ++i) {
            lua_rawgeti(L, index, i);
            array.push_back(toJsonAt(L, -1, depth + 1));
            lua_pop(L, 1);
        }
        return array;
    }
    JsonText::Ordered object = JsonText::Ordered::object();
    LuaJson::forEachInOrder(L, index,
                            [&](const QByteArray &key) { object[key.toStdString()] = toJsonAt(L, -1, depth + 1); });
    return object;
}

JsonText::Ordered toJsonAt(lua_State *L, int index, int depth)
{
    index = lua_absindex(L, index);
    if (depth > kMaxDepth)
        throw std::runtime_error("json nesting deeper than 200 levels (does a table contain itself?)");
    luaL_checkstack(L, 6, "json nesting");
    switch (lua_type(L, index)) {
    case LUA_TNIL:
        return nullptr;
    case LUA_TBOOLEAN:
        return bool(lua_toboolean(L, index));
    case LUA_TNUMBER:
        if (lua_isinteger(L, index))
            return std::int64_t(lua_tointeger(L, index));
        return double(lua_tonumber(L, index));
    case LUA_TSTRING: {
        size_t len = 0;
        const char *s = lua_tolstring(L, index, &len);
        return std::string(s, len);
    }
    case LUA_TTABLE:
        return tableToJson(L, index, depth);
    default:
        throw std::runtime_error(std::string("cannot represent a ") + luaL_typename(L, index) + " value as json");
    }
}

} // namespace

void LuaJson::install(lua_State *L)
{
    lua_newtable(L);
    lua_createtable(L, 0, 1);
    lua_pushliteral(L, "k");
    lua_setfield(L, -2, "__mode");
    lua_setmetatable(L, -2);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &kOrderKey);
}

void LuaJson::push(lua_State *L, const JsonText::Ordered &value)
{
    pushValue(L, value, 0);
}

JsonText::Ordered LuaJson::toJson(lua_State *L, int index)
{
    return toJsonAt(L, index, 0);
}

void LuaJson::forEachInOrder(lua_State *L, int index, const std::function<void(const QByteArray &)> &visit)
{
    index = lua_absindex(L, index);
    luaL_checkstack(L, 6, "table keys");

    // Every key, in a scratch sequence, with its text alongside.
    lua_newtable(L);
    const int keys = lua_gettop(L);
    QList<QByteArray> texts;
    lua_pushnil(L);
    while (lua_next(L, index)) {
        lua_pop(L, 1);
        texts.append(keyText(L, -1));
        lua_pushvalue(L, -1);
        lua_rawseti(L, keys, lua_Integer(texts.size()));
    }

    QHash<QByteArray, qsizetype> remembered;
    pushOrderTable(L);
    lua_pushvalue(L, index);
    lua_rawget(L, -2);
    if (lua_istable(L, -1)) {
        const lua_Integer n = lua_Integer(lua_rawlen(L, -1));
        for (lua_Integer i = 1; i <= n; ++i) {
            if (lua_rawgeti(L, -1, i) == LUA_TSTRING)
                remembered.insert(keyText(L, -1), qsizetype(i));
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 2);

    QList<qsizetype> order(texts.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
        const qsizetype ra = remembered.value(texts[a], -1);
        const qsizetype rb = remembered.value(texts[b], -1);
        if ((ra >= 0) != (rb >= 0))
            return ra >= 0;
        if (ra >= 0)
            return ra < rb;
        return texts[a] < texts[b];
    });
    for (qsizetype i : order) {
        lua_rawgeti(L, keys, lua_Integer(i + 1));
        lua_pushvalue(L, -1);
        lua_rawget(L, index);
        visit(texts[i]);
        lua_pop(L, 2);
    }
    lua_pop(L, 1);
}

} // namespace Dsn::Lua
