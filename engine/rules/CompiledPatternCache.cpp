// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "rules/CompiledPatternCache.h"

#include <algorithm>
#include <utility>

#include "rules/CompiledPattern.h"

namespace Dsn::Rules {

CompiledPatternCache::CompiledPatternCache(std::size_t capacity)
    : m_capacity(std::max<std::size_t>(1, capacity))
{
}

CompiledPatternCache &CompiledPatternCache::instance()
{
    // Never destroyed: maps held by static objects may still release patterns at exit.
    static auto *s_cache = new CompiledPatternCache;
    return *s_cache;
}

Result<std::shared_ptr<const CompiledPattern>> CompiledPatternCache::compile(const QString &rustPattern)
{
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_entries.find(rustPattern);
        if (it != m_entries.end()) {
            m_lru.splice(m_lru.begin(), m_lru, it->second.position);
            ++m_hits;
            return it->second.pattern;
        }
        ++m_misses;
    }
    // Compiled outside the lock so other threads' hits do not wait for it.
    auto compiled = CompiledPattern::compile(rustPattern);
    if (!compiled)
        return compiled.error();
    std::shared_ptr<const CompiledPattern> pattern = std::move(compiled.value());

    std::lock_guard lock(m_mutex);
    const auto it = m_entries.find(rustPattern);
    if (it != m_entries.end())
        return it->second.pattern; // another thread won the race; share its copy
    m_lru.push_front(rustPattern);
    m_entries.emplace(rustPattern, Entry{pattern, m_lru.begin()});
    evictLocked();
    return pattern;
}

void CompiledPatternCache::setCapacity(std::size_t capacity)
{
    std::lock_guard lock(m_mutex);
    m_capacity = std::max<std::size_t>(1, capacity);
    evictLocked();
}

std::size_t CompiledPatternCache::size() const
{
    std::lock_guard lock(m_mutex);
    return m_entries.size();
}

std::size_t CompiledPatternCache::hits() const
{
    std::lock_guard lock(m_mutex);
    return m_hits;
}

std::size_t CompiledPatternCache::misses() const
{
    std::lock_guard lock(m_mutex);
    return m_misses;
}

void CompiledPatternCache::clear()
{
    std::lock_guard lock(m_mutex);
    m_entries.clear();
    m_lru.clear();
    m_hits = 0;
    m_misses = 0;
}

void CompiledPatternCache::evictLocked()
{
    while (m_entries.size() > m_capacity) {
        m_entries.erase(m_lru.back());
        m_lru.pop_back();
    }
}

} // namespace Dsn::Rules
