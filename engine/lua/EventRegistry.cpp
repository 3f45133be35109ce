// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "lua/EventRegistry.h"

#include <lua.hpp>

#include <QCoreApplication>

namespace Dsn::Lua {

bool EventRegistry::allowsMultiple(const QString &event)
{
    // KumoMTA's does_callback_allow_multiple list.
    static const QStringList kMultiple = {
        QStringLiteral("get_queue_config"),
        QStringLiteral("get_acl_definition"),
        QStringLiteral("pre_init"),
        QStringLiteral("validate_config"),
        QStringLiteral("requeue_message"),
        QStringLiteral("should_enqueue_log_record"),
        QStringLiteral("throttle_insert_ready_queue"),
    };
    return kMultiple.contains(event);
}

std::optional<QString> EventRegistry::add(lua_State *L, const QString &event, int index, const QString &source,
                                          int line)
{
    if (!allowsMultiple(event)) {
        if (const Handler *existing = first(event)) {
            return QCoreApplication::translate("EventRegistry", "%1 event already has a handler defined at %2:%3")
                .arg(event, existing->source)
                .arg(existing->line);
        }
    }
    lua_pushvalue(L, index);
    const int ref = luaL_ref(L, LUA_REGISTRYINDEX);
    m_handlers.append({event, ref, source, line});
    return std::nullopt;
}

const EventRegistry::Handler *EventRegistry::first(const QString &event) const
{
    for (const Handler &h : m_handlers) {
        if (h.event == event)
            return &h;
    }
    return nullptr;
}

bool EventRegistry::contains(const QString &event) const
{
    return first(event) != nullptr;
}

} // namespace Dsn::Lua
