// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <cstddef>
#include <functional>
#include <optional>

#include <QByteArray>
#include <QElapsedTimer>
#include <QString>

#include "lua/LuaError.h"

struct lua_State;
struct lua_Debug;

namespace Dsn::Lua {

class PolicyContext;

/**
 * RAII owner of one lua_State with the safety rails every top-level call needs: an allocator
 * with a byte cap, a count hook checking an instruction budget and a wall-clock deadline, a
 * panic handler that throws instead of aborting, warn() collection, and a message handler that
 * records where an error was raised (lua_getinfo, not text parsing) plus a traceback.
 *
 * Not thread-safe; the state is closed in the destructor. Internal to dsn_lua.
 */
class LuaState
{
public:
    struct Limits
    {
        qint64 memoryBytes = 0;  ///< 0: unlimited
        qint64 instructions = 0; ///< per run(); 0: unlimited
        int timeMs = 0;          ///< per run(); 0: unlimited
    };
    using Body = std::function<void(lua_State *)>;
    using WarningSink = std::function<void(const QString &)>;

    explicit LuaState(const Limits &limits);
    ~LuaState();
    LuaState(const LuaState &) = delete;
    LuaState &operator=(const LuaState &) = delete;

    lua_State *handle() const { return m_L; }
    /// The owner of `L` (or of the thread `L` is a coroutine of).
    static LuaState &from(lua_State *L);

    void setContext(PolicyContext *context) { m_context = context; }
    PolicyContext &context() const { return *m_context; }
    void setWarningSink(WarningSink sink) { m_warningSink = std::move(sink); }

    /**
     * Runs `body` as one top-level call: budgets reset, hook armed, everything inside a
     * protected call with our message handler, the stack restored afterwards. `body` may use
     * any Lua API call and may throw std::exception. Returns the error, if any; the state stays
     * usable afterwards (after a memory error the garbage is collected at once).
     */
    std::optional<LuaError> run(const Body &body);

    /**
     * Inside run(): compiles `text` as text only (bytecode is refused) under "@chunkName" and
     * pushes the function. A syntax error is raised as a Lua error that run() then reports as
     * Kind::Syntax with the chunk and line of the mistake.
     */
    void loadChunk(lua_State *L, const QByteArray &text, const QString &chunkName);

    std::size_t memoryInUse() const { return m_used; }
    const Limits &limits() const { return m_limits; }

private:
    enum class LimitHit
    {
        None,
        Instructions,
        Time
    };

    static void *allocate(void *ud, void *ptr, std::size_t osize, std::size_t nsize);
    static void countHook(lua_State *L, lua_Debug *ar);
    static int messageHandler(lua_State *L);
    static int trampoline(lua_State *L);
    static int panic(lua_State *L);
    static void warn(void *ud, const char *message, int toContinue);

    LuaError describeFailure(int status);

    lua_State *m_L = nullptr;
    Limits m_limits;
    PolicyContext *m_context = nullptr;
    WarningSink m_warningSink;

    std::size_t m_used = 0;
    bool m_memoryRefused = false;

    bool m_running = false;
    qint64 m_instructions = 0;
    QElapsedTimer m_timer;
    bool m_deadlinePassed = false;
    LimitHit m_limitHit = LimitHit::None;
    QByteArray m_limitMessage;

    QString m_errorChunk;
    int m_errorLine = -1;
    QString m_traceback;

    struct SyntaxError
    {
        QByteArray message;
        QString chunk;
        int line = -1;
    };
    std::optional<SyntaxError> m_syntax;

    QByteArray m_warningBuffer;
    bool m_warningsOn = true;
};

} // namespace Dsn::Lua
