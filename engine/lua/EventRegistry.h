// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <optional>

#include <QHash>
#include <QList>
#include <QString>

struct lua_State;

namespace Dsn::Lua {

/**
 * kumo.on bookkeeping with KumoMTA's rules: most events take one handler and a second
 * registration is an error naming where the first one was defined; a few events keep every
 * handler in registration order. Handlers are registry references, never stack slots.
 */
class EventRegistry
{
public:
    struct Handler
    {
        QString event;
        int ref = 0;    ///< LUA_REGISTRYINDEX reference
        QString source; ///< where the handler function was defined
        int line = -1;
    };

    static bool allowsMultiple(const QString &event);

    /**
     * Registers the callable at `index` for `event`. Returns the error message when the event
     * already has its single handler (nothing is registered then). Needs protected mode.
     */
    std::optional<QString> add(lua_State *L, const QString &event, int index, const QString &source, int line);

    /// The first handler for `event`, or nullptr.
    const Handler *first(const QString &event) const;
    QList<Handler> all() const { return m_handlers; }
    bool contains(const QString &event) const;

private:
    QList<Handler> m_handlers; ///< registration order
};

} // namespace Dsn::Lua
