// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
//
// Lookups per second of RegexSetMap on the generated workload (see gen_workload.py), for tables
// of 10 to 10,000 patterns, next to a strlen pass over the same lines: absolute numbers vary
// between machines, the ratio to strlen in one run does not. Every lookup runs twice: through the
// literal prefilter (/prefiltered) and as the plain loop over all patterns (/scan). The NoLit10
// runs replace every tenth pattern with one that has no required literal, so the prefilter
// cannot skip it.
//
//   cmake --build <build> --target bench_workload bench_regexset
//   <build>/bin/bench_regexset            (DSN_BENCH_DATA overrides the workload folder)

#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include <benchmark/benchmark.h>

#include <QFile>
#include <QJsonValue>
#include <QString>

#include "rules/RegexSetMap.h"

using Dsn::Rules::RegexRule;
using Dsn::Rules::RegexSetMap;
using Strategy = Dsn::Rules::RegexSetMap::Strategy;

namespace {

// Large tables take about a millisecond per line on plain Boost; this many distinct lines keep
// the measurement representative without letting a run last forever.
constexpr int kLineCount = 20000;

QString dataDir()
{
    const char *env = std::getenv("DSN_BENCH_DATA");
    return QString::fromLocal8Bit(env && *env ? env : DSN_BENCH_DATA_DEFAULT);
}

QList<QByteArray> readLines(const QString &file, int limit)
{
    QFile f(dataDir() + u'/' + file);
    QList<QByteArray> lines;
    if (!f.open(QIODevice::ReadOnly))
        return lines;
    while (!f.atEnd() && (limit < 0 || lines.size() < limit)) {
        QByteArray line = f.readLine();
        if (line.endsWith('\n'))
            line.chop(1);
        lines << line;
    }
    return lines;
}

struct Workload
{
    std::vector<std::string> utf8;
    std::vector<QString> utf16;
};

const Workload &workload()
{
    static const Workload s_workload = [] {
        Workload w;
        for (const QByteArray &line : readLines(QStringLiteral("lines.txt"), kLineCount)) {
            w.utf8.emplace_back(line.constData(), size_t(line.size()));
            w.utf16.push_back(QString::fromUtf8(line));
        }
        return w;
    }();
    return s_workload;
}

// Patterns without a required literal (alternations, classes, anchors), for the NoLit10 tables.
const QStringList &literalFree()
{
    static const QStringList s_patterns = {
        QStringLiteral("(?i)(mailbox|account) (full|disabled)"), QStringLiteral("^[45]\\d\\d\\s+[45]\\.\\d"),
        QStringLiteral("(quota|storage) (exceeded|full)"),       QStringLiteral("\\d{3} [45]\\.\\d\\.\\d{2,3} \\w+"),
        QStringLiteral("(?i)(blocked|denied|refused)"),          QStringLiteral("\\[\\d+\\.\\d+\\.\\d+\\.\\d+\\]$"),
    };
    return s_patterns;
}

const RegexSetMap *table(int patterns, Strategy strategy, bool noLiteral10)
{
    static std::map<std::tuple<int, Strategy, bool>, std::unique_ptr<RegexSetMap>> s_tables;
    auto &slot = s_tables[{patterns, strategy, noLiteral10}];
    if (!slot) {
        QList<RegexRule> rules;
        const QList<QByteArray> lines = readLines(QStringLiteral("patterns_%1.txt").arg(patterns), -1);
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const bool bare = noLiteral10 && i % 10 == 9;
            const QString pattern = bare ? literalFree()[(i / 10) % literalFree().size()] : QString::fromUtf8(lines[i]);
            rules.append({pattern, QJsonValue(int(500 + i % 100))});
        }
        auto compiled = RegexSetMap::compile(rules, strategy);
        if (!compiled || rules.isEmpty())
            return nullptr;
        slot = std::make_unique<RegexSetMap>(std::move(compiled.value()));
    }
    return slot.get();
}

void reportPerLine(benchmark::State &state)
{
    state.SetItemsProcessed(state.iterations());
    state.counters["ns/line"] =
        benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate | benchmark::Counter::kInvert,
                           benchmark::Counter::kIs1000);
}

void BM_Strlen(benchmark::State &state)
{
    const Workload &w = workload();
    if (w.utf8.empty()) {
        state.SkipWithError("no workload: build the bench_workload target or set DSN_BENCH_DATA");
        return;
    }
    size_t i = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(std::strlen(w.utf8[i].c_str()));
        i = (i + 1) % w.utf8.size();
    }
    reportPerLine(state);
}

template <bool EveryMatch, Strategy S, bool NoLiteral10 = false> void BM_Lookup(benchmark::State &state)
{
    const Workload &w = workload();
    const RegexSetMap *map = table(int(state.range(0)), S, NoLiteral10);
    if (w.utf16.empty() || !map) {
        state.SkipWithError("no workload or a table failed to compile");
        return;
    }
    size_t i = 0;
    size_t matched = 0;
    for (auto _ : state) {
        if constexpr (EveryMatch)
            matched += map->lookup(w.utf16[i]).first >= 0;
        else
            matched += map->findFirst(w.utf16[i]) >= 0;
        i = (i + 1) % w.utf16.size();
    }
    reportPerLine(state);
    state.counters["matched%"] = 100.0 * double(matched) / double(std::max<int64_t>(state.iterations(), 1));
}

void tableSizes(benchmark::internal::Benchmark *b)
{
    b->Arg(10)->Arg(100)->Arg(1000)->Arg(10000);
}

} // namespace

BENCHMARK(BM_Strlen);
BENCHMARK(BM_Lookup<false, Strategy::Scan>)->Name("BM_FindFirst/scan")->Apply(tableSizes)->MinTime(1.0);
BENCHMARK(BM_Lookup<false, Strategy::Prefiltered>)->Name("BM_FindFirst/prefiltered")->Apply(tableSizes)->MinTime(1.0);
BENCHMARK(BM_Lookup<true, Strategy::Scan>)->Name("BM_LookupAll/scan")->Apply(tableSizes)->MinTime(1.0);
BENCHMARK(BM_Lookup<true, Strategy::Prefiltered>)->Name("BM_LookupAll/prefiltered")->Apply(tableSizes)->MinTime(1.0);
BENCHMARK(BM_Lookup<false, Strategy::Scan, true>)->Name("BM_FindFirstNoLit10/scan")->Apply(tableSizes)->MinTime(1.0);
BENCHMARK(BM_Lookup<false, Strategy::Prefiltered, true>)
    ->Name("BM_FindFirstNoLit10/prefiltered")
    ->Apply(tableSizes)
    ->MinTime(1.0);
BENCHMARK(BM_Lookup<true, Strategy::Scan, true>)->Name("BM_LookupAllNoLit10/scan")->Apply(tableSizes)->MinTime(1.0);
BENCHMARK(BM_Lookup<true, Strategy::Prefiltered, true>)
    ->Name("BM_LookupAllNoLit10/prefiltered")
    ->Apply(tableSizes)
    ->MinTime(1.0);

BENCHMARK_MAIN();
