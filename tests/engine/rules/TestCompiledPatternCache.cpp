// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
//
// The pattern cache must be invisible in answers: a cached pattern behaves like a fresh compile,
// failures come back with the same diagnostic, and a map rebuilt after a one-rule edit compiles
// just that rule.
#include <memory>
#include <thread>
#include <vector>

#include <QTest>

#include "rules/CompiledPattern.h"
#include "rules/CompiledPatternCache.h"
#include "rules/RegexSetMap.h"

using Dsn::Rules::CompiledPattern;
using Dsn::Rules::CompiledPatternCache;
using Dsn::Rules::RegexRule;
using Dsn::Rules::RegexSetMap;

class TestCompiledPatternCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void samePatternIsShared();
    void cachedPatternMatchesLikeAFreshOne();
    void failuresAreNotCachedAndReadTheSame();
    void leastRecentlyUsedGoesFirst();
    void threadsShareOneCopy();
    void mapRebuildCompilesOnlyTheEditedRule();
};

void TestCompiledPatternCache::samePatternIsShared()
{
    CompiledPatternCache cache;
    auto a = cache.compile(QStringLiteral("(?i)mailbox (is )?full"));
    auto b = cache.compile(QStringLiteral("(?i)mailbox (is )?full"));
    auto c = cache.compile(QStringLiteral("(?i)mailbox (is )?ful"));
    QVERIFY(a && b && c);
    QCOMPARE(a->get(), b->get());
    QVERIFY(a->get() != c->get());
    QCOMPARE(cache.hits(), size_t(1));
    QCOMPARE(cache.misses(), size_t(2));
    QCOMPARE(cache.size(), size_t(2));
}

void TestCompiledPatternCache::cachedPatternMatchesLikeAFreshOne()
{
    CompiledPatternCache cache;
    const QString pattern = QStringLiteral("^5\\d\\d .*\\bblocked\\b");
    (void)cache.compile(pattern);
    auto cached = cache.compile(pattern);
    auto fresh = CompiledPattern::compile(pattern);
    QVERIFY(cached && fresh);
    QCOMPARE((*cached)->boostPattern(), (*fresh)->boostPattern());
    QCOMPARE((*cached)->requiredLiterals(), (*fresh)->requiredLiterals());
    for (const QString &subject : {QStringLiteral("550 5.7.1 IP blocked by policy"), QStringLiteral("550 unblocked"),
                                   QStringLiteral("450 blocked")})
        QCOMPARE((*cached)->search(subject), (*fresh)->search(subject));
}

void TestCompiledPatternCache::failuresAreNotCachedAndReadTheSame()
{
    CompiledPatternCache cache;
    const QString pattern = QStringLiteral("(?=lookahead)");
    auto first = cache.compile(pattern);
    auto second = cache.compile(pattern);
    auto fresh = CompiledPattern::compile(pattern);
    QVERIFY(!first && !second && !fresh);
    QCOMPARE(first.error().message, fresh.error().message);
    QCOMPARE(first.error().position, fresh.error().position);
    QCOMPARE(second.error().message, fresh.error().message);
    QCOMPARE(cache.size(), size_t(0));
    QCOMPARE(cache.misses(), size_t(2));
}

void TestCompiledPatternCache::leastRecentlyUsedGoesFirst()
{
    CompiledPatternCache cache(2);
    auto a = cache.compile(QStringLiteral("a"));
    (void)cache.compile(QStringLiteral("b"));
    (void)cache.compile(QStringLiteral("a")); // a is now the most recent
    (void)cache.compile(QStringLiteral("c")); // evicts b
    QCOMPARE(cache.size(), size_t(2));
    const size_t misses = cache.misses();
    auto a2 = cache.compile(QStringLiteral("a"));
    QCOMPARE(cache.misses(), misses);
    QCOMPARE(a2->get(), a->get());
    (void)cache.compile(QStringLiteral("b"));
    QCOMPARE(cache.misses(), misses + 1);
    // The evicted pattern a map may still hold stays usable.
    QVERIFY((*a)->search(QStringLiteral("xa")));
}

void TestCompiledPatternCache::threadsShareOneCopy()
{
    CompiledPatternCache cache;
    QStringList patterns;
    for (int i = 0; i < 40; ++i)
        patterns << QStringLiteral("5\\.%1\\.%2 .*(inactive|disabled) rule %3").arg(i % 8).arg(i % 5).arg(i);
    std::vector<std::vector<const CompiledPattern *>> seen(4);
    std::vector<std::thread> threads;
    for (size_t t = 0; t < seen.size(); ++t) {
        threads.emplace_back([&, t] {
            for (const QString &p : patterns)
                seen[t].push_back(cache.compile(p)->get());
        });
    }
    for (std::thread &t : threads)
        t.join();
    for (size_t t = 1; t < seen.size(); ++t)
        QCOMPARE(seen[t], seen[0]);
    QCOMPARE(cache.size(), size_t(patterns.size()));
}

void TestCompiledPatternCache::mapRebuildCompilesOnlyTheEditedRule()
{
    CompiledPatternCache &cache = CompiledPatternCache::instance();
    QList<RegexRule> rules;
    for (int i = 0; i < 50; ++i)
        rules.append({QStringLiteral("4\\.2\\.%1 mailbox rule %2 (full|over quota)").arg(i % 3).arg(i), 500 + i});
    QVERIFY(RegexSetMap::compile(rules));
    const size_t misses = cache.misses();
    rules[7].pattern = QStringLiteral("4\\.2\\.1 edited rule");
    rules[9].value = 551; // values never reach the compiler
    auto map = RegexSetMap::compile(rules);
    QVERIFY(map);
    QCOMPARE(cache.misses(), misses + 1);
    QCOMPARE(map->findFirst(QStringLiteral("452 4.2.1 edited rule")), 7);
    QCOMPARE(map->rules().at(9).value.toInt(), 551);
}

QTEST_GUILESS_MAIN(TestCompiledPatternCache)
#include "TestCompiledPatternCache.moc"
