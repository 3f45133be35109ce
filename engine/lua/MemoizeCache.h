// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <list>

#include <QByteArray>
#include <QByteArrayList>
#include <QHash>

namespace Dsn::Lua {

/**
 * The bookkeeping half of one kumo.memoize cache: which keys are fresh, in LRU order with a
 * TTL. The values themselves stay in Lua (so userdata such as a regex_set_map survive); the
 * caller drops the keys this class reports as evicted. Times are Clock::monotonicMs().
 */
class MemoizeCache
{
public:
    MemoizeCache(qint64 ttlMs, qsizetype capacity) : m_ttlMs(ttlMs), m_capacity(capacity) {}

    qint64 ttlMs() const { return m_ttlMs; }
    qsizetype capacity() const { return m_capacity; }
    qsizetype size() const { return qsizetype(m_order.size()); }

    /// True when `key` is cached and not expired at `nowMs`; a hit becomes most recently used.
    bool fresh(const QByteArray &key, qint64 nowMs);
    /// Stores `key` as computed at `nowMs`. Returns the keys to forget (expired or least recent).
    QByteArrayList insert(const QByteArray &key, qint64 nowMs);
    void remove(const QByteArray &key);

private:
    struct Entry
    {
        QByteArray key;
        qint64 expiresAtMs = 0;
    };

    qint64 m_ttlMs;
    qsizetype m_capacity;
    std::list<Entry> m_order; ///< most recently used first
    QHash<QByteArray, std::list<Entry>::iterator> m_index;
};

} // namespace Dsn::Lua
