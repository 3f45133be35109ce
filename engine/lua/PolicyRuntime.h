// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <memory>
#include <optional>

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include "common/Clock.h"
#include "common/Diagnostic.h"
#include "lua/LuaError.h"
#include "rules/RegexSetMap.h"

namespace Dsn::Lua {

/// Limits and permissions for one policy state.
struct RuntimeOptions
{
    /// Policies hold tables of rules, not data: 16 MiB is ample and small enough to fill quickly.
    qint64 memoryLimitBytes = 16ll * 1024 * 1024;
    /// Per top-level call (load or one event call). Counted with a Lua count hook.
    qint64 instructionLimit = 20'000'000;
    /// Per top-level call, wall clock. Set below 100 ms because a single C operation already
    /// under way (a large string copy) finishes before the check: runaways stop within 100 ms.
    int timeLimitMs = 60;
    bool allowOsExecute = false;
    bool allowIoPopen = false;
    bool allowCModules = false;
    /// Folders searched first by `require` for the user's own modules (`a.b` → a/b.lua, a/b/init.lua).
    QStringList moduleDirectories;
    /// kumo.json_load may read files below this folder; other paths must be bound.
    QString baseDirectory;
    /// Time source for kumo.memoize TTLs; nullptr means Clock::system().
    const Clock *clock = nullptr;
};

/// A value a Lua handler returned, reduced to what the engine needs to judge it.
struct LuaValue
{
    enum class Kind { None, Nil, Boolean, Integer, Number, String, Table, Function, Other };
    Kind kind = Kind::None;   ///< None: the handler returned nothing at all
    bool boolean = false;
    qint64 integer = 0;
    double number = 0;
    QString string;
    QString typeName;         ///< Lua's type() name, for messages

    QString toDisplayString() const;
};

/// One map[subject] lookup made by the policy during an event call.
struct RegexLookupTrace
{
    std::shared_ptr<const Rules::RegexSetMap> map;
    QString subject;
    Rules::RegexSetMap::Lookup result;
};

/// A kumo.* function (or a stand-in module function) the workbench does not emulate.
struct RecordedCall
{
    QString name;     ///< "kumo.start_esmtp_listener", "policy-extras.queue:setup"
    QString source;   ///< chunk name
    int line = -1;
};

struct RegisteredHandler
{
    QString event;
    QString source;
    int line = -1;
};

struct EventCall
{
    bool handlerFound = false;
    LuaValue returned;
    std::optional<LuaError> error;
    QList<RegexLookupTrace> lookups;
    QStringList log;   ///< kumo.log_* and print() output during the call
};

/**
 * A KumoMTA-like Lua 5.4 policy state: the `kumo` module subset real rewrite policies use
 * (`kumo.on`, `kumo.memoize`, `kumo.json_load`/`json_parse`/`json_encode`,
 * `kumo.regex_set_map.new`, logging), `require 'kumo'`, stand-ins for every other kumo.*
 * function and KumoMTA's bundled modules (recorded as warnings, never a crash), a library
 * whitelist, and memory, instruction and time limits.
 *
 * Owns one lua_State; not thread-safe: use one runtime per thread.
 */
class PolicyRuntime
{
public:
    explicit PolicyRuntime(RuntimeOptions options = {});
    ~PolicyRuntime();
    PolicyRuntime(const PolicyRuntime &) = delete;
    PolicyRuntime &operator=(const PolicyRuntime &) = delete;

    /// kumo.json_load(path) returns this text's content instead of reading the file.
    void bindJson(const QString &path, const QByteArray &jsonText);

    /**
     * Compiles and runs a policy's top level (text only, never bytecode). `chunkName` is shown
     * in errors ("policy.lua:12: …"). Returns the error, if any; the runtime stays usable for
     * inspection but a failed load leaves no handler that was registered after the error.
     */
    std::optional<LuaError> load(const QByteArray &source, const QString &chunkName);

    bool hasHandler(const QString &event) const;
    QList<RegisteredHandler> handlers() const;

    /**
     * Calls smtp_client_rewrite_delivery_status(response, domain, tenant, campaign,
     * routing_domain). A null QString is passed as nil.
     */
    EventCall callRewriteEvent(const QString &response, const QString &domain, const QString &tenant,
                               const QString &campaign, const QString &routingDomain);

    /// Warnings gathered so far: unknown kumo.* calls, stand-in modules, Lua warn().
    QList<Diagnostic> warnings() const;
    QList<RecordedCall> recordedCalls() const;
    /// Output of kumo.log_* and print() during load.
    QStringList loadLog() const;

private:
    void warnAboutUnrunCalls(const QByteArray &source, const QString &chunkName);

    class Private;
    std::unique_ptr<Private> d;
};

} // namespace Dsn::Lua
