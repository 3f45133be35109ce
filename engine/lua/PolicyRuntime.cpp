// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "lua/PolicyRuntime.h"

#include <lua.hpp>

#include <QCoreApplication>
#include <QDir>

#include "lua/KumoCallScanner.h"
#include "lua/LuaBinding.h"
#include "lua/LuaJson.h"
#include "lua/LuaSandbox.h"
#include "lua/LuaState.h"
#include "lua/PolicyContext.h"
#include "lua/modules/KumoJson.h"
#include "lua/modules/KumoLog.h"
#include "lua/modules/KumoMemoize.h"
#include "lua/modules/KumoOn.h"
#include "lua/modules/KumoRegexSetMap.h"
#include "lua/modules/KumoRequire.h"
#include "lua/modules/KumoStubs.h"

namespace Dsn::Lua {

namespace {

const QString kRewriteEvent = QStringLiteral("smtp_client_rewrite_delivery_status");

// Every kumo.* family in one list, as KumoMTA's kumo-server-common registers its modules.
// KumoStubs comes first: it creates the `kumo` table the others fill in.
using Registrar = void (*)(LuaState &);
constexpr Registrar kModules[] = {
    &KumoStubs::registerIn, &KumoOn::registerIn,          &KumoLog::registerIn,     &KumoMemoize::registerIn,
    &KumoJson::registerIn,  &KumoRegexSetMap::registerIn, &KumoRequire::registerIn,
};

void pushOptional(lua_State *L, const QString &text)
{
    if (text.isNull())
        lua_pushnil(L);
    else
        LuaBinding::pushQString(L, text);
}

LuaValue classify(lua_State *L, int index)
{
    LuaValue v;
    v.typeName = QString::fromUtf8(luaL_typename(L, index));
    switch (lua_type(L, index)) {
    case LUA_TNIL:
        v.kind = LuaValue::Kind::Nil;
        break;
    case LUA_TBOOLEAN:
        v.kind = LuaValue::Kind::Boolean;
        v.boolean = lua_toboolean(L, index);
        break;
    case LUA_TNUMBER:
        if (lua_isinteger(L, index)) {
            v.kind = LuaValue::Kind::Integer;
            v.integer = lua_tointeger(L, index);
        } else {
            v.kind = LuaValue::Kind::Number;
            v.number = lua_tonumber(L, index);
        }
        break;
    case LUA_TSTRING:
        v.kind = LuaValue::Kind::String;
        v.string = LuaBinding::toQString(L, index);
        break;
    case LUA_TTABLE:
        v.kind = LuaValue::Kind::Table;
        break;
    case LUA_TFUNCTION:
        v.kind = LuaValue::Kind::Function;
        break;
    default:
        v.kind = LuaValue::Kind::Other;
        break;
    }
    return v;
}

} // namespace

class PolicyRuntime::Private
{
public:
    explicit Private(RuntimeOptions options)
        : context(std::move(options)),
          state({context.options().memoryLimitBytes, context.options().instructionLimit, context.options().timeLimitMs})
    {
    }

    // Declared before the state: lua_close may still report warnings into it.
    PolicyContext context;
    LuaState state;
    std::optional<LuaError> setupError;
};

PolicyRuntime::PolicyRuntime(RuntimeOptions options) : d(std::make_unique<Private>(std::move(options)))
{
    d->state.setContext(&d->context);
    d->state.setWarningSink([this](const QString &message) {
        const LuaBinding::Location where = LuaBinding::callerLocation(d->state.handle(), 1);
        Diagnostic w = Diagnostic::warning(QStringLiteral("lua-warn"), message, where.source);
        w.line = where.line;
        d->context.warnings.append(w);
    });
    d->setupError = d->state.run([this](lua_State *L) {
        const RuntimeOptions &o = d->context.options();
        LuaSandbox::open(L, {o.allowOsExecute, o.allowIoPopen});
        LuaJson::install(L);
        for (Registrar registerIn : kModules)
            registerIn(d->state);
    });
}

PolicyRuntime::~PolicyRuntime() = default;

void PolicyRuntime::bindJson(const QString &path, const QByteArray &jsonText)
{
    d->context.boundJson.insert(path, jsonText);
    d->context.boundJson.insert(QDir::cleanPath(path), jsonText);
}

std::optional<LuaError> PolicyRuntime::load(const QByteArray &source, const QString &chunkName)
{
    if (d->setupError)
        return d->setupError;
    PolicyContext &ctx = d->context;
    ctx.currentEvent = QStringLiteral("main");
    ctx.currentLog = &ctx.loadLog;
    ctx.currentLookups = nullptr;
    auto error = d->state.run([&](lua_State *L) {
        d->state.loadChunk(L, source, chunkName);
        lua_call(L, 0, 0);
    });
    ctx.currentLog = nullptr;
    ctx.currentEvent.clear();
    warnAboutUnrunCalls(source, chunkName);
    return error;
}

void PolicyRuntime::warnAboutUnrunCalls(const QByteArray &source, const QString &chunkName)
{
    // Calls that ran already warned (with the same key) when they happened; this adds the
    // ones inside handlers the workbench never runs, such as `init`.
    const QList<KumoCallScanner::Call> calls = KumoCallScanner::scan(source);
    if (calls.isEmpty())
        return;
    d->state.run([&](lua_State *L) {
        for (const KumoCallScanner::Call &call : calls) {
            if (KumoStubs::isEmulated(L, call.path))
                continue;
            d->context.warnOnce(QStringLiteral("unknown-kumo-call"), call.path,
                                QCoreApplication::translate("PolicyRuntime",
                                                            "%1(…) is not emulated by the workbench: where this line "
                                                            "runs, the call is recorded and does nothing")
                                    .arg(call.path),
                                chunkName, call.line);
        }
    });
}

bool PolicyRuntime::hasHandler(const QString &event) const
{
    return d->context.events.contains(event);
}

QList<RegisteredHandler> PolicyRuntime::handlers() const
{
    QList<RegisteredHandler> list;
    for (const EventRegistry::Handler &h : d->context.events.all())
        list.append({h.event, h.source, h.line});
    return list;
}

EventCall PolicyRuntime::callRewriteEvent(const QString &response, const QString &domain, const QString &tenant,
                                          const QString &campaign, const QString &routingDomain)
{
    EventCall call;
    if (d->setupError) {
        call.error = d->setupError;
        return call;
    }
    const EventRegistry::Handler *handler = d->context.events.first(kRewriteEvent);
    if (!handler)
        return call;
    call.handlerFound = true;
    const int ref = handler->ref;

    PolicyContext &ctx = d->context;
    ctx.currentEvent = kRewriteEvent;
    ctx.currentLog = &call.log;
    ctx.currentLookups = &call.lookups;
    call.error = d->state.run([&](lua_State *L) {
        const int base = lua_gettop(L);
        lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
        pushOptional(L, response);
        pushOptional(L, domain);
        pushOptional(L, tenant);
        pushOptional(L, campaign);
        pushOptional(L, routingDomain);
        lua_call(L, 5, LUA_MULTRET);
        if (lua_gettop(L) > base)
            call.returned = classify(L, base + 1);
    });
    ctx.currentLog = nullptr;
    ctx.currentLookups = nullptr;
    ctx.currentEvent.clear();
    return call;
}

QList<Diagnostic> PolicyRuntime::warnings() const
{
    return d->context.warnings;
}

QList<RecordedCall> PolicyRuntime::recordedCalls() const
{
    return d->context.recordedCalls;
}

QStringList PolicyRuntime::loadLog() const
{
    return d->context.loadLog;
}

} // namespace Dsn::Lua
