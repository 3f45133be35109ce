// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <unordered_map>

#include <QHashFunctions>
#include <QString>

#include "common/Result.h"

namespace Dsn::Rules {

class CompiledPattern;

/**
 * Compiled patterns by pattern text, shared by every RegexSetMap built in the process. A rule
 * edit rebuilds the whole map (KumoMTA rebuilds it too), and compiling a Unicode-aware pattern
 * costs about a millisecond, so without this a 1,000-rule table costs a second per keystroke;
 * with it an edit compiles the one pattern that changed.
 *
 * The key is the Rust pattern text alone: RustRegexTranslator is stateless and
 * CompiledPattern::compile takes no other input, so equal texts give equal patterns. Failures
 * are not kept (their messages are translated at the time) and cost a fresh compile each time.
 *
 * Least recently used entries go once more than capacity() are held; a map keeps its own
 * shared_ptrs, so eviction never invalidates a built map. Thread-safe: the mutex is held only
 * for the lookup and the insertion, never while compiling, so two threads may compile the same
 * new pattern at once (the second result is dropped).
 */
class CompiledPatternCache
{
public:
    explicit CompiledPatternCache(std::size_t capacity = 4096);
    CompiledPatternCache(const CompiledPatternCache &) = delete;
    CompiledPatternCache &operator=(const CompiledPatternCache &) = delete;

    /// The process-wide cache RegexSetMap::compile and TableLinter use.
    static CompiledPatternCache &instance();

    /// CompiledPattern::compile(rustPattern), from the cache when it was compiled before.
    Result<std::shared_ptr<const CompiledPattern>> compile(const QString &rustPattern);

    std::size_t capacity() const { return m_capacity; }
    void setCapacity(std::size_t capacity);
    std::size_t size() const;
    /// Lookups answered from the cache and compiles it had to run, since construction or clear().
    std::size_t hits() const;
    std::size_t misses() const;
    void clear();

private:
    struct Hash
    {
        std::size_t operator()(const QString &s) const noexcept { return std::size_t(qHash(s)); }
    };
    using Lru = std::list<QString>; // most recently used first
    struct Entry
    {
        std::shared_ptr<const CompiledPattern> pattern;
        Lru::iterator position;
    };
    void evictLocked();

    mutable std::mutex m_mutex;
    std::size_t m_capacity;
    Lru m_lru;
    std::unordered_map<QString, Entry, Hash> m_entries;
    std::size_t m_hits = 0;
    std::size_t m_misses = 0;
};

} // namespace Dsn::Rules
