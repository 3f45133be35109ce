// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "lua/LuaState.h"

#include <cstdlib>
#include <cstring>
#include <stdexcept>

#include <lua.hpp>

#include <QCoreApplication>
#include <QRegularExpression>

#include "lua/LuaBinding.h"

namespace Dsn::Lua {

namespace {

// Fine enough that a tight loop overshoots its budget by a negligible amount, coarse enough
// that the hook costs nothing measurable.
constexpr int kHookStep = 1000;
// Allocations this large cost page faults; a loop of them can run far past the deadline
// between two hook calls, so the allocator checks the clock for them.
constexpr std::size_t kLargeAllocation = 16 * 1024;

int parseLine(const QByteArray &message, const QString &chunk)
{
    const QString text = QString::fromUtf8(message);
    const QString prefix = chunk + QLatin1Char(':');
    qsizetype from = text.startsWith(prefix) ? prefix.size() - 1 : 0;
    static const QRegularExpression lineRe(QStringLiteral(":(\\d+):"));
    const auto m = lineRe.match(text, from);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

} // namespace

LuaState::LuaState(const Limits &limits) : m_limits(limits)
{
    m_L = lua_newstate(&LuaState::allocate, this);
    if (!m_L)
        throw std::bad_alloc();
    *static_cast<LuaState **>(lua_getextraspace(m_L)) = this;
    lua_atpanic(m_L, &LuaState::panic);
    lua_setwarnf(m_L, &LuaState::warn, this);
}

LuaState::~LuaState()
{
    lua_close(m_L);
}

LuaState &LuaState::from(lua_State *L)
{
    // lua_newthread copies the main thread's extra space, so coroutines find us too.
    return **static_cast<LuaState **>(lua_getextraspace(L));
}

void *LuaState::allocate(void *ud, void *ptr, std::size_t osize, std::size_t nsize)
{
    auto *self = static_cast<LuaState *>(ud);
    // With ptr == nullptr, osize is a type tag rather than a size.
    const std::size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        std::free(ptr);
        self->m_used -= old;
        return nullptr;
    }
    const auto cap = std::size_t(self->m_limits.memoryBytes);
    if (nsize > old && cap > 0 && self->m_used - old + nsize > cap) {
        // Lua runs an emergency collection and retries once before raising LUA_ERRMEM.
        self->m_memoryRefused = true;
        return nullptr;
    }
    if (self->m_running && nsize >= kLargeAllocation && !self->m_deadlinePassed && self->m_limits.timeMs > 0 &&
        self->m_timer.hasExpired(self->m_limits.timeMs)) {
        // lua_sethook may be called from anywhere, even here: the very next instruction then
        // runs the hook, which raises the time limit with a proper location and traceback.
        self->m_deadlinePassed = true;
        lua_sethook(self->m_L, &LuaState::countHook, LUA_MASKCOUNT, 1);
    }
    void *p = std::realloc(ptr, nsize);
    if (!p)
        return nullptr;
    self->m_used = self->m_used - old + nsize;
    return p;
}

void LuaState::countHook(lua_State *L, lua_Debug *)
{
    LuaState &self = from(L);
    if (self.m_limitHit == LimitHit::None) {
        // A coroutine keeps the hook count it was created with, so read it rather than assume.
        self.m_instructions += lua_gethookcount(L);
        if (self.m_limits.instructions > 0 && self.m_instructions > self.m_limits.instructions) {
            self.m_limitHit = LimitHit::Instructions;
            self.m_limitMessage =
                QCoreApplication::translate("LuaState", "instruction limit exceeded: the policy ran more than "
                                                        "%1 Lua instructions in one call")
                    .arg(self.m_limits.instructions)
                    .toUtf8();
        } else if (self.m_limits.timeMs > 0 && self.m_timer.hasExpired(self.m_limits.timeMs)) {
            self.m_limitHit = LimitHit::Time;
            self.m_limitMessage = QCoreApplication::translate(
                                      "LuaState", "time limit exceeded: the policy ran longer than %1 ms in one call")
                                      .arg(self.m_limits.timeMs)
                                      .toUtf8();
        } else {
            // A count of 1 left over from an earlier limit (in a coroutine kept across calls).
            if (lua_gethookcount(L) != kHookStep && !self.m_deadlinePassed)
                lua_sethook(L, &LuaState::countHook, LUA_MASKCOUNT, kHookStep);
            return;
        }
    }
    // Once over the limit, raise on every instruction: a script's own pcall may catch this
    // error, but the very next instruction after it raises again, so nothing can outlive it.
    lua_sethook(L, &LuaState::countHook, LUA_MASKCOUNT, 1);
    luaL_where(L, 0);
    lua_pushlstring(L, self.m_limitMessage.constData(), size_t(self.m_limitMessage.size()));
    lua_concat(L, 2);
    lua_error(L);
}

int LuaState::messageHandler(lua_State *L)
{
    LuaState &self = from(L);
    if (lua_type(L, 1) != LUA_TSTRING && lua_type(L, 1) != LUA_TNUMBER) {
        if (!luaL_callmeta(L, 1, "__tostring") || lua_type(L, -1) != LUA_TSTRING)
            lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
        lua_replace(L, 1);
    }
    lua_settop(L, 1);
    // Level 0 is this handler; the first Lua frame above it is the line that raised.
    const LuaBinding::Location where = LuaBinding::callerLocation(L, 1);
    self.m_errorChunk = where.source;
    self.m_errorLine = where.line;
    luaL_traceback(L, L, lua_tostring(L, 1), 1);
    self.m_traceback = LuaBinding::toQString(L, -1);
    lua_pop(L, 1);
    return 1;
}

int LuaState::trampoline(lua_State *L)
{
    const auto *body = static_cast<const Body *>(lua_touserdata(L, 1));
    lua_settop(L, 0);
    (*body)(L);
    return 0;
}

int LuaState::panic(lua_State *L)
{
    // Only reachable through an API misuse outside run(); throwing beats Lua's abort().
    const char *message = lua_tostring(L, -1);
    throw std::runtime_error(std::string("unprotected Lua error: ") + (message ? message : "?"));
}

void LuaState::warn(void *ud, const char *message, int toContinue)
{
    auto *self = static_cast<LuaState *>(ud);
    const bool firstPiece = self->m_warningBuffer.isEmpty();
    self->m_warningBuffer += message;
    if (toContinue)
        return;
    const QByteArray text = std::exchange(self->m_warningBuffer, {});
    if (firstPiece && text.startsWith('@')) {
        // Control messages, as in the stand-alone interpreter.
        if (text == "@on")
            self->m_warningsOn = true;
        else if (text == "@off")
            self->m_warningsOn = false;
        return;
    }
    if (self->m_warningsOn && self->m_warningSink)
        self->m_warningSink(QString::fromUtf8(text));
}

void LuaState::loadChunk(lua_State *L, const QByteArray &text, const QString &chunkName)
{
    const QByteArray name = '@' + chunkName.toUtf8();
    const int status = luaL_loadbufferx(L, text.constData(), size_t(text.size()), name.constData(), "t");
    if (status == LUA_OK)
        return;
    if (status == LUA_ERRSYNTAX) {
        const QByteArray message = lua_tostring(L, -1);
        m_syntax = SyntaxError{message, chunkName, parseLine(message, chunkName)};
    }
    lua_error(L);
}

std::optional<LuaError> LuaState::run(const Body &body)
{
    const int base = lua_gettop(m_L);
    lua_pushcfunction(m_L, &LuaState::messageHandler);
    lua_pushcfunction(m_L, &LuaBinding::guarded<&LuaState::trampoline>);
    lua_pushlightuserdata(m_L, const_cast<Body *>(&body));

    m_instructions = 0;
    m_limitHit = LimitHit::None;
    m_memoryRefused = false;
    m_errorChunk.clear();
    m_errorLine = -1;
    m_traceback.clear();
    m_syntax.reset();
    m_deadlinePassed = false;
    m_timer.start();
    lua_sethook(m_L, &LuaState::countHook, LUA_MASKCOUNT, kHookStep);
    m_running = true;
    const int status = lua_pcall(m_L, 1, 0, base + 1);
    m_running = false;
    lua_sethook(m_L, nullptr, 0, 0);

    std::optional<LuaError> error;
    if (status != LUA_OK)
        error = describeFailure(status);
    lua_settop(m_L, base);
    m_limitHit = LimitHit::None;
    if (error && error->kind == LuaError::Kind::Memory)
        lua_gc(m_L, LUA_GCCOLLECT);
    return error;
}

LuaError LuaState::describeFailure(int status)
{
    LuaError e;
    QByteArray raw;
    if (lua_type(m_L, -1) == LUA_TSTRING || lua_type(m_L, -1) == LUA_TNUMBER)
        raw = lua_tostring(m_L, -1);
    else
        raw = QByteArray("(error object is a ") + luaL_typename(m_L, -1) + " value)";
    e.message = QString::fromUtf8(raw);
    e.chunk = m_errorChunk;
    e.line = m_errorLine;
    e.traceback = m_traceback;

    if (m_syntax && m_syntax->message == raw) {
        e.kind = LuaError::Kind::Syntax;
        e.chunk = m_syntax->chunk;
        e.line = m_syntax->line;
    } else if (m_limitHit == LimitHit::Instructions || m_limitHit == LimitHit::Time) {
        e.kind = m_limitHit == LimitHit::Instructions ? LuaError::Kind::InstructionLimit : LuaError::Kind::TimeLimit;
        if (!raw.contains(m_limitMessage))
            e.message = QString::fromUtf8(m_limitMessage);
    } else if (status == LUA_ERRMEM ||
               (m_memoryRefused && (status == LUA_ERRERR || raw.contains("not enough memory")))) {
        e.kind = LuaError::Kind::Memory;
        e.message =
            QCoreApplication::translate("LuaState", "memory limit exceeded: the policy needed more than %1 MiB (%2)")
                .arg(double(m_limits.memoryBytes) / (1024.0 * 1024.0))
                .arg(e.message);
    } else {
        e.kind = LuaError::Kind::Runtime;
    }
    return e;
}

} // namespace Dsn::Lua
