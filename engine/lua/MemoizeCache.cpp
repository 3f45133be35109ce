// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "lua/MemoizeCache.h"

namespace Dsn::Lua {

bool MemoizeCache::fresh(const QByteArray &key, qint64 nowMs)
{
    const auto it = m_index.constFind(key);
    if (it == m_index.constEnd())
        return false;
    if (nowMs >= it.value()->expiresAtMs)
        return false;
    m_order.splice(m_order.begin(), m_order, it.value());
    return true;
}

QByteArrayList MemoizeCache::insert(const QByteArray &key, qint64 nowMs)
{
    QByteArrayList evicted;
    remove(key);
    if (m_capacity <= 0) {
        evicted.append(key);
        return evicted;
    }
    m_order.push_front({key, nowMs + m_ttlMs});
    m_index.insert(key, m_order.begin());
    // Expired entries go first so a full cache of stale values does not push out a fresh one.
    for (auto it = m_order.begin(); it != m_order.end();) {
        if (nowMs >= it->expiresAtMs && it->key != key) {
            evicted.append(it->key);
            m_index.remove(it->key);
            it = m_order.erase(it);
        } else {
            ++it;
        }
    }
    while (qsizetype(m_order.size()) > m_capacity) {
        evicted.append(m_order.back().key);
        m_index.remove(m_order.back().key);
        m_order.pop_back();
    }
    return evicted;
}

void MemoizeCache::remove(const QByteArray &key)
{
    const auto it = m_index.find(key);
    if (it == m_index.end())
        return;
    m_order.erase(it.value());
    m_index.erase(it);
}

} // namespace Dsn::Lua
