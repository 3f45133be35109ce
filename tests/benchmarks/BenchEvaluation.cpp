// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
//
// Full event evaluations per second: reply parsing, the Lua handler (memoized regex-set map
// lookup) and the outcome with its log record, over the provider corpus. The reference in the
// same run is the bare regex-set lookup of the same single lines, so the figure reads as "how
// much the whole pipeline costs on top of matching".
#include <benchmark/benchmark.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "TestConfig.h"
#include "eval/PolicyEvaluator.h"
#include "rules/RegexSetMap.h"

using namespace Dsn;

namespace {

QList<Eval::EvalInput> corpusInputs()
{
    QList<Eval::EvalInput> out;
    QFile f(QStringLiteral(DSN_TEST_DATA_DIR "/corpus/responses.jsonl"));
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray &line : f.readAll().split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.isEmpty())
            continue;
        QStringList lines;
        for (const QJsonValue &v : o.value(QStringLiteral("lines")).toArray())
            lines << v.toString();
        Eval::EvalInput in;
        in.response = lines.join(QLatin1Char('\n'));
        in.phase = SmtpPhase::RcptTo;
        in.queue = QStringLiteral("bulk@example.com");
        out << in;
    }
    return out;
}

// The reference page's two rules, padded with `extra` patterns that never match, so table size
// varies while the outcomes stay the same.
QList<Rules::RegexRule> table(int extra)
{
    QList<Rules::RegexRule> rules = {
        {QStringLiteral("4\\.2\\.1 <.+>: Recipient address rejected: this mailbox is inactive and has been disabled"), 500},
        {QStringLiteral("4\\.2\\.2 The email account that you tried to reach is over quota\\."), 500},
    };
    for (int i = 0; i < extra; ++i)
        rules.append({QStringLiteral("^5\\d\\d 5\\.%1\\.%2 unused rule number %3").arg(i % 8).arg(i % 13).arg(i), 550});
    return rules;
}

// range(0): padding patterns; range(1): 1 to also evaluate under the other profile (as the
// workbench does to flag profile-sensitive outcomes).
void BM_FullEvaluation(benchmark::State &state)
{
    const auto inputs = corpusInputs();
    Eval::EvaluatorConfig config;
    config.rules = table(int(state.range(0)));
    config.compareProfiles = state.range(1) != 0;
    Eval::PolicyEvaluator evaluator(config);
    qsizetype i = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(evaluator.evaluate(inputs[i]));
        i = (i + 1) % inputs.size();
    }
    state.SetItemsProcessed(state.iterations());
}

void BM_LookupOnlyReference(benchmark::State &state)
{
    const auto inputs = corpusInputs();
    QStringList lines;
    for (const auto &in : inputs) {
        if (auto parsed = SmtpResponse::parse(in.response, CompatProfile::Documented))
            lines << parsed->toSingleLine(CompatProfile::Documented);
    }
    auto map = Rules::RegexSetMap::compile(table(int(state.range(0))));
    qsizetype i = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(map->findFirst(lines[i]));
        i = (i + 1) % lines.size();
    }
    state.SetItemsProcessed(state.iterations());
}

} // namespace

BENCHMARK(BM_LookupOnlyReference)->Arg(0)->Arg(100)->Arg(1000);
BENCHMARK(BM_FullEvaluation)->Args({0, 0})->Args({100, 0})->Args({1000, 0})->Args({0, 1});
BENCHMARK_MAIN();
