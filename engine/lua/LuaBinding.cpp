// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "lua/LuaBinding.h"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace Dsn::Lua {

LuaBinding::Location LuaBinding::callerLocation(lua_State *L, int level)
{
    lua_Debug ar;
    for (int i = level; lua_getstack(L, i, &ar); ++i) {
        if (!lua_getinfo(L, "Sl", &ar))
            break;
        if (ar.currentline > 0 && std::strcmp(ar.what, "C") != 0)
            return {chunkName(ar.source), ar.currentline};
    }
    return {};
}

QString LuaBinding::chunkName(const char *source)
{
    if (!source)
        return {};
    if (*source == '@' || *source == '=')
        ++source;
    return QString::fromUtf8(source);
}

QString LuaBinding::toQString(lua_State *L, int index)
{
    size_t len = 0;
    const char *s = lua_tolstring(L, index, &len);
    return s ? QString::fromUtf8(s, qsizetype(len)) : QString();
}

void LuaBinding::pushQString(lua_State *L, const QString &text)
{
    // Every event call pushes its five arguments: ASCII text (nearly every reply and domain)
    // is narrowed on the stack instead of through an allocated UTF-8 copy.
    constexpr qsizetype StackBytes = 512;
    if (text.size() <= StackBytes) {
        char narrow[StackBytes];
        // constData(), not utf16(): that copies a literal or raw-data string (a record type, say)
        // to the heap, mutating the caller's string, which another thread may be reading.
        const char16_t *units = reinterpret_cast<const char16_t *>(text.constData());
        qsizetype i = 0;
#if defined(__SSE2__)
        // Eight units at a time: replies run to a hundred characters and more.
        const __m128i high = _mm_set1_epi16(short(0xFF80));
        for (; i + 8 <= text.size(); i += 8) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(units + i));
            if (_mm_movemask_epi8(_mm_cmpeq_epi16(_mm_and_si128(v, high), _mm_setzero_si128())) != 0xFFFF)
                break;
            _mm_storel_epi64(reinterpret_cast<__m128i *>(narrow + i), _mm_packus_epi16(v, v));
        }
#endif
        for (; i < text.size() && units[i] < 0x80; ++i)
            narrow[i] = char(units[i]);
        if (i == text.size()) {
            lua_pushlstring(L, narrow, size_t(i));
            return;
        }
    }
    pushBytes(L, text.toUtf8());
}

void LuaBinding::pushBytes(lua_State *L, const QByteArray &bytes)
{
    lua_pushlstring(L, bytes.constData(), size_t(bytes.size()));
}

QString LuaBinding::describe(lua_State *L, int index)
{
    size_t len = 0;
    const char *s = luaL_tolstring(L, index, &len);
    QString text = QString::fromUtf8(s, qsizetype(len));
    lua_pop(L, 1);
    return text;
}

int LuaBinding::raise(lua_State *L, const QString &message)
{
    pushQString(L, message);
    return lua_error(L);
}

int LuaBinding::raise(lua_State *L, const std::string &message)
{
    lua_pushlstring(L, message.data(), message.size());
    return lua_error(L);
}

int LuaBinding::typeError(lua_State *L, int arg, const char *function, const char *expected)
{
    const char *actual = nullptr;
    if (luaL_getmetafield(L, arg, "__name") == LUA_TSTRING)
        actual = lua_tostring(L, -1);
    else if (lua_type(L, arg) == LUA_TLIGHTUSERDATA)
        actual = "light userdata";
    else
        actual = luaL_typename(L, arg);
    luaL_where(L, 1);
    lua_pushfstring(L, "bad argument #%d to '%s' (%s expected, got %s)", arg, function, expected, actual);
    lua_concat(L, 2);
    return lua_error(L);
}

void LuaBinding::checkType(lua_State *L, int arg, int type, const char *function)
{
    if (lua_type(L, arg) != type)
        typeError(L, arg, function, lua_typename(L, type));
}

QByteArray LuaBinding::checkBytes(lua_State *L, int arg, const char *function)
{
    if (lua_type(L, arg) != LUA_TSTRING && lua_type(L, arg) != LUA_TNUMBER)
        typeError(L, arg, function, "string");
    size_t len = 0;
    const char *s = lua_tolstring(L, arg, &len);
    return QByteArray(s, qsizetype(len));
}

void LuaBinding::setFunction(lua_State *L, const char *name, lua_CFunction fn)
{
    lua_pushcfunction(L, fn);
    lua_setfield(L, -2, name);
}

} // namespace Dsn::Lua
