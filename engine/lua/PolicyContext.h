// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <map>

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include "common/Clock.h"
#include "common/Diagnostic.h"
#include "lua/EventRegistry.h"
#include "lua/MemoizeCache.h"
#include "lua/PolicyRuntime.h"

namespace Dsn::Lua {

/**
 * Everything the kumo.* bindings share for one policy state: options, bound files, what the
 * policy has registered and called, and where the current top-level call's output goes.
 * Reached from a lua_State through LuaState::from(L).context(). Internal to dsn_lua.
 */
class PolicyContext
{
public:
    explicit PolicyContext(RuntimeOptions options);

    const RuntimeOptions &options() const { return m_options; }
    const Clock &clock() const { return m_options.clock ? *m_options.clock : Clock::system(); }

    QHash<QString, QByteArray> boundJson;
    EventRegistry events;
    std::map<QByteArray, MemoizeCache> memoizeCaches;

    QList<Diagnostic> warnings;
    QList<RecordedCall> recordedCalls;
    QStringList loadLog;

    /// "main" while the policy loads (KumoMTA's _KUMO_CURRENT_EVENT), else the event's name.
    QString currentEvent;
    /// Where kumo.log_* and print() write during the current call.
    QStringList *currentLog = nullptr;
    /// Where regex_set_map lookups are traced during an event call; nullptr while loading.
    QList<RegexLookupTrace> *currentLookups = nullptr;
    /// Modules whose chunk is running, to report a require loop instead of recursing.
    QSet<QString> modulesLoading;

    /// Adds a warning unless one with the same code and key was already given.
    void warnOnce(const QString &code, const QString &key, const QString &message, const QString &source, int line);
    void log(const QString &line);

private:
    RuntimeOptions m_options;
    QSet<QString> m_warned;
};

} // namespace Dsn::Lua
