// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
//
// Lookups per second of RegexSetMap on the generated workload (see gen_workload.py), for tables
// of 10 to 10,000 patterns, next to a strlen pass over the same lines: absolute numbers vary
// between machines, the ratio to strlen in one run does not.
//
//   cmake --build <build> --target bench_workload bench_regexset
//   <build>/bin/bench_regexset            (DSN_BENCH_DATA overrides the workload folder)

#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include <QFile>
#include <QJsonValue>
#include <QString>

#include "rules/RegexSetMap.h"

using Dsn::Rules::RegexRule;
using Dsn::Rules::RegexSetMap;

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

const RegexSetMap *table(int patterns)
{
    static std::map<int, std::unique_ptr<RegexSetMap>> s_tables;
    auto &slot = s_tables[patterns];
    if (!slot) {
        QList<RegexRule> rules;
        const QList<QByteArray> lines = readLines(QStringLiteral("patterns_%1.txt").arg(patterns), -1);
        for (qsizetype i = 0; i < lines.size(); ++i)
            rules.append({QString::fromUtf8(lines[i]), QJsonValue(int(500 + i % 100))});
        auto compiled = RegexSetMap::compile(rules);
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

template <bool EveryMatch> void BM_Lookup(benchmark::State &state)
{
    const Workload &w = workload();
    const RegexSetMap *map = table(int(state.range(0)));
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

} // namespace

BENCHMARK(BM_Strlen);
BENCHMARK(BM_Lookup<false>)->Name("BM_FindFirst")->Arg(10)->Arg(100)->Arg(1000)->Arg(10000)->MinTime(1.0);
BENCHMARK(BM_Lookup<true>)->Name("BM_LookupAll")->Arg(10)->Arg(100)->Arg(1000)->Arg(10000)->MinTime(1.0);

BENCHMARK_MAIN();
