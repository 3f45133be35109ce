// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
//
// Lookups per second of RegexSetMap on the generated workload (see gen_workload.py), for tables
// of 10 to 10,000 patterns, next to a strlen pass and, when the build found them, RE2::Set and
// Hyperscan on the same lines in the same run: absolute numbers vary between machines, ratios
// measured in one run do not. Our lookups run through the literal prefilter (/prefiltered) and
// as the plain loop over all patterns (/scan); BM_Prefilter times a lookup without Boost (literal
// scan, candidate list, plain-text patterns decided), so the rest is Boost on the candidates. The
// NoLit10 runs replace every tenth pattern with a distinct one without a required literal run:
// only alternations of words give the prefilter something (OR-sets), anchored at times. The
// Free10 runs replace every tenth with a distinct one that has no literal at all, not even an
// alternation (classes, counts, anchors): those run through the joint alternations.
// After the runs a summary prints each engine's best ns/line and our ratios to the others.
//
//   cmake --build <build> --target bench_workload bench_regexset
//   <build>/bin/bench_regexset --benchmark_filter=-/scan --benchmark_repetitions=3
//       --benchmark_enable_random_interleaving=true      (one command line)
//   (DSN_BENCH_DATA overrides the workload folder)

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <benchmark/benchmark.h>

#include <QFile>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#ifdef DSN_HAVE_RE2
#include <re2/re2.h>
#include <re2/set.h>
#endif
#ifdef DSN_HAVE_HYPERSCAN
#include <hs.h>
#endif

#include "rules/RegexSetMap.h"

using Dsn::Rules::RegexRule;
using Dsn::Rules::RegexSetMap;
using Strategy = Dsn::Rules::RegexSetMap::Strategy;

namespace {

// Large tables take about a millisecond per line on plain Boost; this many distinct lines keep
// the measurement representative without letting a run last forever.
constexpr int kLineCount = 20000;
// Lines on which every other engine's answer is compared with ours (answers, not speed), and over
// which the prefilter model counts candidates.
constexpr size_t kCheckLines = 2000;
constexpr int kTableSizes[] = {10, 100, 1000, 10000};

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

/**
 * The n-th pattern without a useful literal, for the NoLit10 tables: alternations, classes and
 * anchors around words of the workload, so some lines match. Every one is distinct, as a real
 * table's would be; repeating a handful would let the automaton engines merge them for free.
 * Their only literal runs are single spaces or brackets, which every line contains; what a
 * prefilter can use are the alternations (any one of their words must occur).
 */
QString literalFreePattern(qsizetype n)
{
    static const QStringList s_subjects = {
        QStringLiteral("mailbox"),   QStringLiteral("account"), QStringLiteral("user"),   QStringLiteral("recipient"),
        QStringLiteral("domain"),    QStringLiteral("sender"),  QStringLiteral("message"), QStringLiteral("host"),
        QStringLiteral("address"),   QStringLiteral("relay"),   QStringLiteral("connection"),
        QStringLiteral("destination"),
    };
    static const QStringList s_states = {
        QStringLiteral("disabled"), QStringLiteral("suspended"), QStringLiteral("inactive"), QStringLiteral("full"),
        QStringLiteral("unavailable"), QStringLiteral("deferred"), QStringLiteral("rejected"), QStringLiteral("blacklisted"),
        QStringLiteral("unknown"), QStringLiteral("locked"), QStringLiteral("expired"), QStringLiteral("closed"),
        QStringLiteral("throttled"), QStringLiteral("denied"), QStringLiteral("restricted"), QStringLiteral("banned"),
    };
    static const QStringList s_qualifiers = {
        QStringLiteral("temporarily"), QStringLiteral("permanently"), QStringLiteral("due to policy"),
        QStringLiteral("for spam"),    QStringLiteral("at this time"), QStringLiteral("until further notice"),
        QStringLiteral("by local policy"), QStringLiteral("for security reasons"),
    };
    // Two different words of `words`, chosen by k: (k mod size, k / size) spans size·(size−1)
    // pairs, more than the 250 per template a 10,000-pattern table asks for.
    auto pair = [](const QStringList &words, qsizetype k) -> QString {
        const qsizetype size = words.size();
        const qsizetype a = k % size;
        const qsizetype b = (a + 1 + (k / size) % (size - 1)) % size;
        return u'(' + words[a] + u'|' + words[b] + u')';
    };
    const qsizetype k = n / 4;
    switch (n % 4) {
    case 0:
        return QStringLiteral("(?i)") + pair(s_subjects, k) + QStringLiteral(" (is |has been )?") + pair(s_states, k + 3);
    case 1:
        return pair(s_states, k) + u' ' + pair(s_qualifiers, k + 5);
    case 2:
        return QStringLiteral("^[45]\\d\\d [45]\\.\\d\\.\\d{1,3} ") + pair(s_subjects, k);
    default:
        return QStringLiteral("\\[(\\d+\\.){3}\\d+\\]\\s\\w+\\s") + pair(s_states, k);
    }
}

/**
 * The n-th pattern with no literal at all, for the Free10 tables: the shapes an analyst writes
 * when the words vary (reply and enhanced codes, word counts, tokens, bracketed addresses). The
 * counts make every one distinct and selective, as a real table's rules are: a reply matches
 * about one of each family, not all of them. Their longest literal run is one character.
 */
QString classOnlyPattern(qsizetype n)
{
    const qsizetype k = n / 4;
    const qsizetype p = k % 16;
    const qsizetype q = k / 16;
    switch (n % 4) {
    case 0:
        return QStringLiteral("^\\d{3}\\s\\d\\.\\d{1,3}\\.\\d{1,3}\\s\\S{%1}\\s\\S{%2}\\s").arg(1 + p).arg(1 + q);
    case 1:
        return QStringLiteral("^\\S+(\\s\\S+){%1}$").arg(k);
    case 2:
        return QStringLiteral("(?i)\\b[a-z]{%1}\\d{%2}\\b").arg(2 + p).arg(1 + q);
    default:
        return QStringLiteral("\\[\\d{1,3}(\\.\\d{1,3}){3}\\]\\s\\S{%1}\\s\\S{%2}\\b").arg(1 + p).arg(1 + q);
    }
}

/// Which patterns a table's every tenth one is.
enum class Variant
{
    Plain,  ///< the generated patterns as they are
    OrSets, ///< NoLit10: no required run, but alternations of words
    Free,   ///< Free10: no literal at all
};

/// The pattern texts of one table, exactly as every engine receives them.
const QStringList &patternList(int size, Variant variant)
{
    static std::map<std::pair<int, Variant>, QStringList> s_lists;
    QStringList &list = s_lists[{size, variant}];
    if (list.isEmpty()) {
        const QList<QByteArray> lines = readLines(QStringLiteral("patterns_%1.txt").arg(size), -1);
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (i % 10 == 9 && variant == Variant::OrSets)
                list.append(literalFreePattern(i / 10));
            else if (i % 10 == 9 && variant == Variant::Free)
                list.append(classOnlyPattern(i / 10));
            else
                list.append(QString::fromUtf8(lines[i]));
        }
    }
    return list;
}

const RegexSetMap *table(int patterns, Strategy strategy, Variant variant)
{
    static std::map<std::tuple<int, Strategy, Variant>, std::unique_ptr<RegexSetMap>> s_tables;
    auto &slot = s_tables[{patterns, strategy, variant}];
    if (!slot) {
        QList<RegexRule> rules;
        const QStringList &list = patternList(patterns, variant);
        for (qsizetype i = 0; i < list.size(); ++i)
            rules.append({list[i], QJsonValue(int(500 + i % 100))});
        auto compiled = RegexSetMap::compile(rules, strategy);
        if (!compiled || rules.isEmpty())
            return nullptr;
        slot = std::make_unique<RegexSetMap>(std::move(compiled.value()));
    }
    return slot.get();
}

/**
 * What the prefilter does on the workload: how many patterns Boost still runs per line, how many
 * plain-text patterns the scan alone decides, and which trigger literals let the most work through.
 */
struct PrefilterModel
{
    int alwaysRunCount = 0;
    double candidatesPerLine = 0; ///< Boost runs per line
    double decidedPerLine = 0;    ///< plain-text patterns found matching by the scan alone
    double groupRunsPerLine = 0;  ///< joint alternations of literal-free patterns run per line
    /// The trigger literals that hand Boost the most candidates: text, rules sharing it, candidates/line.
    std::vector<std::tuple<QString, int, double>> topLiterals;
};

QString triggerKey(const RegexSetMap &map, int rule)
{
    return map.prefilterLiterals(rule).join(u'|');
}

const PrefilterModel *prefilterModel(int patterns, Variant variant)
{
    static std::map<std::pair<int, Variant>, std::unique_ptr<PrefilterModel>> s_models;
    auto &slot = s_models[{patterns, variant}];
    const RegexSetMap *map = table(patterns, Strategy::Prefiltered, variant);
    if (slot || !map)
        return slot.get();
    auto model = std::make_unique<PrefilterModel>();
    std::map<QString, std::pair<int, size_t>> perLiteral; // rules sharing it, candidates in all
    for (int i = 0; i < int(map->size()); ++i) {
        const QString key = triggerKey(*map, i);
        ++perLiteral[key].first;
        model->alwaysRunCount += key.isEmpty();
    }
    const Workload &w = workload();
    size_t runs = 0;
    size_t decided = 0;
    size_t groupRuns = 0;
    QList<int> regexRules;
    // The first kCheckLines lines: on the Free10 tables one line can cost milliseconds of Boost.
    const size_t modelLines = std::min(kCheckLines, w.utf16.size());
    for (size_t l = 0; l < modelLines; ++l) {
        const QString &line = w.utf16[l];
        regexRules.clear();
        const RegexSetMap::PrefilterStats stats = map->prefilterStats(line, &regexRules);
        runs += size_t(stats.regexRuns);
        decided += size_t(stats.decidedByScan);
        groupRuns += size_t(stats.groupRuns);
        for (int rule : regexRules)
            ++perLiteral[triggerKey(*map, rule)].second;
    }
    const double lines = std::max<double>(1, double(modelLines));
    model->candidatesPerLine = double(runs) / lines;
    model->groupRunsPerLine = double(groupRuns) / lines;
    model->decidedPerLine = double(decided) / lines;
    for (const auto &[literal, counts] : perLiteral)
        model->topLiterals.emplace_back(literal, counts.first, double(counts.second) / lines);
    std::sort(model->topLiterals.begin(), model->topLiterals.end(),
              [](const auto &a, const auto &b) { return std::get<2>(a) > std::get<2>(b); });
    model->topLiterals.resize(std::min<size_t>(model->topLiterals.size(), 6));
    slot = std::move(model);
    return slot.get();
}

// ------------------------------------------------------------------ the other engines

enum class Engine
{
    Re2Set,
    HyperscanUcp,   ///< UTF-8, Unicode classes: Rust's \d, \w, \s are Unicode-aware too
    HyperscanAscii, ///< UTF-8 but ASCII classes, in case UCP is what costs Hyperscan its speed
};

/// One competitor's compiled table: it reports every matching rule by its index in the table.
class EngineTable
{
public:
    virtual ~EngineTable() = default;
    /// Appends the index of every matching rule to `out`, in no particular order.
    virtual void matches(const std::string &line, std::vector<int> &out) const = 0;

    std::vector<bool> accepted; ///< per rule: the engine compiled it (rejected ones never match)
    int rejected = 0;
    mutable int64_t failures = 0; ///< scans the engine gave up on (RE2's DFA out of memory)
};

#ifdef DSN_HAVE_RE2
class Re2Table final : public EngineTable
{
public:
    static std::unique_ptr<Re2Table> compile(const QStringList &patterns, QString *error)
    {
        re2::RE2::Options options;
        options.set_log_errors(false);
        // The default 8 MiB leaves the DFA of a large set no room and every scan fails; a
        // generous budget measures RE2 at its best.
        options.set_max_mem(int64_t(1) << 30);
        auto t = std::make_unique<Re2Table>(options);
        t->accepted.assign(size_t(patterns.size()), false);
        for (qsizetype i = 0; i < patterns.size(); ++i) {
            std::string reason;
            if (t->m_set.Add(patterns[i].toStdString(), &reason) < 0) {
                ++t->rejected;
                continue;
            }
            t->accepted[size_t(i)] = true;
            t->m_ruleOf.push_back(int(i)); // Add() numbers the accepted patterns 0, 1, …
        }
        if (!t->m_set.Compile()) {
            *error = QStringLiteral("RE2::Set::Compile failed");
            return nullptr;
        }
        return t;
    }
    explicit Re2Table(const re2::RE2::Options &options)
        : m_set(options, re2::RE2::UNANCHORED)
    {
    }
    void matches(const std::string &line, std::vector<int> &out) const override
    {
        re2::RE2::Set::ErrorInfo info{};
        m_scratch.clear();
        if (!m_set.Match(line, &m_scratch, &info) && info.kind != re2::RE2::Set::kNoError)
            ++failures;
        for (int i : m_scratch)
            out.push_back(m_ruleOf[size_t(i)]);
    }

private:
    re2::RE2::Set m_set;
    std::vector<int> m_ruleOf;
    mutable std::vector<int> m_scratch;
};
#endif

#ifdef DSN_HAVE_HYPERSCAN
class HyperscanTable final : public EngineTable
{
public:
    static std::unique_ptr<HyperscanTable> compile(const QStringList &patterns, bool ucp, QString *error)
    {
        // SINGLEMATCH: a rule is reported once, which is all a set lookup needs; `.` stays off
        // line feeds and ^/$ anchor at the ends (no DOTALL, no MULTILINE), as in Rust.
        const unsigned flags = HS_FLAG_SINGLEMATCH | HS_FLAG_UTF8 | (ucp ? HS_FLAG_UCP : 0u);
        auto t = std::make_unique<HyperscanTable>();
        t->accepted.assign(size_t(patterns.size()), false);
        std::vector<std::string> texts;
        std::vector<unsigned> ids;
        for (qsizetype i = 0; i < patterns.size(); ++i) {
            std::string text = patterns[i].toStdString();
            // Checking each pattern alone names the rejected ones without failing the table.
            hs_expr_info_t *info = nullptr;
            hs_compile_error_t *compileError = nullptr;
            if (hs_expression_info(text.c_str(), flags, &info, &compileError) != HS_SUCCESS) {
                hs_free_compile_error(compileError);
                ++t->rejected;
                continue;
            }
            std::free(info);
            t->accepted[size_t(i)] = true;
            texts.push_back(std::move(text));
            ids.push_back(unsigned(i));
        }
        // A pattern may pass alone and still fail in the database: drop it and try again.
        for (;;) {
            std::vector<const char *> expressions;
            for (const std::string &text : texts)
                expressions.push_back(text.c_str());
            const std::vector<unsigned> allFlags(texts.size(), flags);
            hs_compile_error_t *compileError = nullptr;
            if (hs_compile_multi(expressions.data(), allFlags.data(), ids.data(), unsigned(texts.size()),
                                 HS_MODE_BLOCK, nullptr, &t->m_database, &compileError)
                == HS_SUCCESS)
                break;
            const int failed = compileError ? compileError->expression : -1;
            if (failed < 0) {
                *error = QStringLiteral("hs_compile_multi: ") +
                         QString::fromUtf8(compileError ? compileError->message : "unknown error");
                hs_free_compile_error(compileError);
                return nullptr;
            }
            hs_free_compile_error(compileError);
            t->accepted[ids[size_t(failed)]] = false;
            ++t->rejected;
            texts.erase(texts.begin() + failed);
            ids.erase(ids.begin() + failed);
        }
        if (hs_alloc_scratch(t->m_database, &t->m_scratch) != HS_SUCCESS) {
            *error = QStringLiteral("hs_alloc_scratch failed");
            return nullptr;
        }
        return t;
    }
    HyperscanTable() = default;
    HyperscanTable(const HyperscanTable &) = delete;
    HyperscanTable &operator=(const HyperscanTable &) = delete;
    ~HyperscanTable() override
    {
        hs_free_scratch(m_scratch);
        hs_free_database(m_database);
    }
    void matches(const std::string &line, std::vector<int> &out) const override
    {
        auto onMatch = [](unsigned id, unsigned long long, unsigned long long, unsigned, void *context) {
            static_cast<std::vector<int> *>(context)->push_back(int(id));
            return 0;
        };
        if (hs_scan(m_database, line.data(), unsigned(line.size()), 0, m_scratch, onMatch, &out) != HS_SUCCESS)
            ++failures;
    }

private:
    hs_database_t *m_database = nullptr;
    hs_scratch_t *m_scratch = nullptr; // one thread only, like the benchmark
};
#endif

struct EngineSlot
{
    std::unique_ptr<EngineTable> table;
    QString error; ///< why there is no table: not built in, or compile failed
    bool tried = false;
};

std::map<std::tuple<Engine, int, Variant>, EngineSlot> &engineSlots()
{
    static std::map<std::tuple<Engine, int, Variant>, EngineSlot> s_slots;
    return s_slots;
}

/// The table a benchmark built earlier, or null: the summary never compiles one of its own.
const EngineTable *builtEngineTable(Engine engine, int patterns, Variant variant)
{
    const auto it = engineSlots().find({engine, patterns, variant});
    return it == engineSlots().end() ? nullptr : it->second.table.get();
}

EngineSlot &engineTable(Engine engine, int patterns, Variant variant)
{
    EngineSlot &slot = engineSlots()[{engine, patterns, variant}];
    if (slot.tried)
        return slot;
    slot.tried = true;
    [[maybe_unused]] const QStringList &list = patternList(patterns, variant);
    switch (engine) {
    case Engine::Re2Set:
#ifdef DSN_HAVE_RE2
        slot.table = Re2Table::compile(list, &slot.error);
#else
        slot.error = QStringLiteral("RE2 not found at configure time (pkg-config re2)");
#endif
        break;
    case Engine::HyperscanUcp:
    case Engine::HyperscanAscii:
#ifdef DSN_HAVE_HYPERSCAN
        slot.table = HyperscanTable::compile(list, engine == Engine::HyperscanUcp, &slot.error);
#else
        slot.error = QStringLiteral("Hyperscan not found at configure time (pkg-config libhs)");
#endif
        break;
    }
    return slot;
}

struct Agreement
{
    int differ = 0;      ///< lines among the first kCheckLines whose match sets differ
    std::string example; ///< the first such line and the rules only one side matched
};

/// Compares `engine`'s match sets with our lookup() (restricted to the rules it accepted).
Agreement agreement(const EngineTable &engine, const RegexSetMap &ours)
{
    const Workload &w = workload();
    Agreement a;
    std::vector<int> theirs;
    std::vector<int> mine;
    for (size_t i = 0; i < std::min(kCheckLines, w.utf8.size()); ++i) {
        theirs.clear();
        engine.matches(w.utf8[i], theirs);
        std::sort(theirs.begin(), theirs.end());
        mine.clear();
        for (int rule : ours.lookup(w.utf16[i]).matches) {
            if (engine.accepted[size_t(rule)])
                mine.push_back(rule);
        }
        if (theirs == mine)
            continue;
        if (a.differ++ == 0) {
            auto onlyIn = [](const std::vector<int> &from, const std::vector<int> &other) {
                std::string rules;
                for (int rule : from) {
                    if (!std::binary_search(other.begin(), other.end(), rule))
                        rules += ' ' + std::to_string(rule);
                }
                return rules;
            };
            a.example = "line " + std::to_string(i) + ": only ours:" + onlyIn(mine, theirs) +
                        "; only theirs:" + onlyIn(theirs, mine) + "; \"" + w.utf8[i] + '"';
        }
    }
    return a;
}

// ------------------------------------------------------------------ benchmarks

void reportPerLine(benchmark::State &state)
{
    state.SetItemsProcessed(state.iterations());
    state.counters["ns/line"] =
        benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate | benchmark::Counter::kInvert,
                           benchmark::Counter::kIs1000);
}

/// Times `lookup(line)` (true when it matched) over the workload, one line per iteration.
template <typename Line, typename Lookup>
void measureLines(benchmark::State &state, const std::vector<Line> &lines, Lookup &&lookup)
{
    size_t i = 0;
    size_t matched = 0;
    for (auto _ : state) {
        matched += lookup(lines[i]);
        i = (i + 1) % lines.size();
    }
    reportPerLine(state);
    state.counters["matched%"] = 100.0 * double(matched) / double(std::max<int64_t>(state.iterations(), 1));
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

template <bool EveryMatch, Strategy S, Variant V = Variant::Plain> void BM_Lookup(benchmark::State &state)
{
    const Workload &w = workload();
    const RegexSetMap *map = table(int(state.range(0)), S, V);
    if (w.utf16.empty() || !map) {
        state.SkipWithError("no workload or a table failed to compile");
        return;
    }
    measureLines(state, w.utf16, [map](const QString &line) {
        if constexpr (EveryMatch)
            return map->lookup(line).first >= 0;
        else
            return map->findFirst(line) >= 0;
    });
}

/// A prefiltered lookup without Boost: the literal scan and the candidate list, plain-text
/// patterns decided.
template <Variant V> void BM_Prefilter(benchmark::State &state)
{
    const Workload &w = workload();
    const PrefilterModel *model = prefilterModel(int(state.range(0)), V);
    const RegexSetMap *map = table(int(state.range(0)), Strategy::Prefiltered, V);
    if (w.utf16.empty() || !model || !map) {
        state.SkipWithError("no workload or a table failed to compile");
        return;
    }
    measureLines(state, w.utf16, [map](const QString &line) { return map->prefilterStats(line).regexRuns != 0; });
    state.counters["cand/line"] = model->candidatesPerLine;
}

template <Engine E, Variant V> void BM_Engine(benchmark::State &state)
{
    const Workload &w = workload();
    const EngineSlot &slot = engineTable(E, int(state.range(0)), V);
    if (w.utf8.empty() || !slot.table) {
        state.SkipWithError(w.utf8.empty() ? "no workload" : qPrintable(slot.error));
        return;
    }
    const EngineTable *engine = slot.table.get();
    std::vector<int> found;
    const int64_t failuresBefore = engine->failures;
    measureLines(state, w.utf8, [engine, &found](const std::string &line) {
        found.clear();
        engine->matches(line, found);
        return !found.empty();
    });
    state.counters["rejected"] = engine->rejected;
    state.counters["failed"] = double(engine->failures - failuresBefore);
}

void tableSizes(benchmark::internal::Benchmark *b)
{
    for (int size : kTableSizes)
        b->Arg(size);
    // Enough for a steady figure; --benchmark_repetitions gives the summary its best of several.
    b->MinTime(0.5);
}

// ------------------------------------------------------------------ summary

/// The console output, plus each benchmark's best ns/line for the summary.
class SummaryReporter : public benchmark::ConsoleReporter
{
public:
    SummaryReporter()
        : ConsoleReporter(OO_None)
    {
    }
    void ReportRuns(const std::vector<Run> &runs) override
    {
        for (const Run &run : runs) {
            if (run.run_type != Run::RT_Iteration || run.error_occurred || run.iterations == 0)
                continue;
            // The least disturbed repetition: on a shared machine noise only ever adds time.
            const double ns = run.GetAdjustedCPUTime();
            double &best = m_best[run.run_name.function_name + '/' + run.run_name.args];
            best = best == 0 ? ns : std::min(best, ns);
        }
        ConsoleReporter::ReportRuns(runs);
    }
    double best(const std::string &name, int size = 0) const
    {
        const auto it = m_best.find(size ? name + '/' + std::to_string(size) : name + '/');
        return it == m_best.end() ? 0 : it->second;
    }
    void printSummary() const;

private:
    std::map<std::string, double> m_best;
};

const char *variantName(Variant variant)
{
    return variant == Variant::Plain ? "plain" : variant == Variant::OrSets ? "NoLit10" : "Free10";
}

void printCell(double ns)
{
    if (ns > 0)
        std::printf(" %10.0f", ns);
    else
        std::printf(" %10s", "-");
}

void printRatio(double ours, double theirs)
{
    if (ours > 0 && theirs > 0)
        std::printf(" %8.2f", ours / theirs);
    else
        std::printf(" %8s", "-");
}

void SummaryReporter::printSummary() const
{
    const double strlenNs = best("BM_Strlen");
    if (strlenNs <= 0)
        return;
    struct Column
    {
        const char *title;
        std::string name; // the benchmark family, "NoLit10" or "Free10" inserted for those tables
        std::string noLitName;
        std::string freeName;
        const std::string &of(Variant variant) const
        {
            return variant == Variant::Plain ? name : variant == Variant::OrSets ? noLitName : freeName;
        }
    };
    const Column columns[] = {
        {"ours.first", "BM_FindFirst/prefiltered", "BM_FindFirstNoLit10/prefiltered", "BM_FindFirstFree10/prefiltered"},
        {"ours.all", "BM_LookupAll/prefiltered", "BM_LookupAllNoLit10/prefiltered", "BM_LookupAllFree10/prefiltered"},
        {"prefilter", "BM_Prefilter", "BM_PrefilterNoLit10", "BM_PrefilterFree10"},
        {"RE2::Set", "BM_RE2Set", "BM_RE2SetNoLit10", "BM_RE2SetFree10"},
        {"HS.ucp", "BM_Hyperscan/ucp", "BM_HyperscanNoLit10/ucp", "BM_HyperscanFree10/ucp"},
        {"HS.ascii", "BM_Hyperscan/ascii", "BM_HyperscanNoLit10/ascii", "BM_HyperscanFree10/ascii"},
    };
    const Engine engines[] = {Engine::Re2Set, Engine::HyperscanUcp, Engine::HyperscanAscii};
    std::printf("\nSummary: best ns/line of the repetitions; strlen %.1f ns/line in this run.\n"
                "ours.first = findFirst, ours.all = lookup (every match), prefilter = lookup without single-rule Boost runs;\n"
                "the other engines always report every match. cand = patterns Boost tries per line (first %zu lines)\n"
                "(trigger hits that pass the other literal checks + always-run), scan = plain-text patterns\n"
                "the literal scan alone found matching per line, grp = joint alternations of literal-free\n"
                "patterns run per line; x/HS = ours / Hyperscan (UCP), all/RE2 = ours.all / RE2::Set.\n"
                "rej = patterns the engine rejected, diff = of the first %zu lines, those whose match set\n"
                "differs from ours (RE2 / HS.ucp / HS.ascii).\n\n",
                strlenNs, kCheckLines, kCheckLines);
    std::printf("%-8s %6s", "table", "size");
    for (const Column &c : columns)
        std::printf(" %10s", c.title);
    std::printf(" %7s %7s %5s %8s %8s %8s %8s %11s %11s %11s\n", "cand", "scan", "grp", "first/HS", "all/HS", "all/RE2", "all/strl",
                "rej", "diff", "always-run");
    for (const Variant variant : {Variant::Plain, Variant::OrSets, Variant::Free}) {
        for (const int size : kTableSizes) {
            std::printf("%-8s %6d", variantName(variant), size);
            double ns[std::size(columns)];
            for (size_t c = 0; c < std::size(columns); ++c) {
                ns[c] = best(columns[c].of(variant), size);
                printCell(ns[c]);
            }
            const PrefilterModel *model = ns[2] > 0 ? prefilterModel(size, variant) : nullptr;
            if (model)
                std::printf(" %7.1f %7.1f %5.1f", model->candidatesPerLine, model->decidedPerLine,
                            model->groupRunsPerLine);
            else
                std::printf(" %7s %7s %5s", "-", "-", "-");
            printRatio(ns[0], ns[4]);
            printRatio(ns[1], ns[4]);
            printRatio(ns[1], ns[3]);
            printRatio(ns[1], strlenNs);
            // Answers are only compared for tables the benchmarks built anyway.
            std::string rejected;
            std::string differ;
            std::string examples;
            const RegexSetMap *ours = ns[1] > 0 ? table(size, Strategy::Prefiltered, variant) : nullptr;
            for (size_t e = 0; e < std::size(engines); ++e) {
                const EngineTable *engine = builtEngineTable(engines[e], size, variant);
                const char *separator = e ? "/" : "";
                rejected += separator + (engine ? std::to_string(engine->rejected) : std::string("-"));
                const Agreement a = engine && ours ? agreement(*engine, *ours) : Agreement{-1, {}};
                differ += separator + (a.differ >= 0 ? std::to_string(a.differ) : std::string("-"));
                if (!a.example.empty())
                    examples += std::string("    e.g. ") + columns[3 + e].title + ' ' + a.example + '\n';
            }
            std::printf(" %11s %11s %11s\n%s", rejected.c_str(), differ.c_str(),
                        model ? std::to_string(model->alwaysRunCount).c_str() : "-", examples.c_str());
            if (model && model->candidatesPerLine >= 1) {
                std::printf("    most candidates from literal (rules sharing it, candidates/line):");
                for (const auto &[literal, rules, perLine] : model->topLiterals)
                    std::printf(" \"%s\" (%d, %.1f)", qPrintable(literal), rules, perLine);
                std::printf("\n");
            }
        }
    }
    std::printf("\nlines/s (millions):\n%-8s %6s", "table", "size");
    for (const Column &c : columns)
        std::printf(" %10s", c.title);
    std::printf("\n");
    for (const Variant variant : {Variant::Plain, Variant::OrSets, Variant::Free}) {
        for (const int size : kTableSizes) {
            std::printf("%-8s %6d", variantName(variant), size);
            for (const Column &c : columns) {
                const double ns = best(c.of(variant), size);
                if (ns > 0)
                    std::printf(" %10.3f", 1e3 / ns);
                else
                    std::printf(" %10s", "-");
            }
            std::printf("\n");
        }
    }
}

} // namespace

BENCHMARK(BM_Strlen);

/// Registers every benchmark of one table variant; `tag` goes after each family's name.
template <Variant V> void registerVariant(const std::string &tag)
{
    auto add = [](const std::string &name, void (*function)(benchmark::State &)) {
        benchmark::RegisterBenchmark(name.c_str(), function)->Apply(tableSizes);
    };
    add("BM_FindFirst" + tag + "/scan", BM_Lookup<false, Strategy::Scan, V>);
    add("BM_FindFirst" + tag + "/prefiltered", BM_Lookup<false, Strategy::Prefiltered, V>);
    add("BM_LookupAll" + tag + "/scan", BM_Lookup<true, Strategy::Scan, V>);
    add("BM_LookupAll" + tag + "/prefiltered", BM_Lookup<true, Strategy::Prefiltered, V>);
    add("BM_Prefilter" + tag, BM_Prefilter<V>);
    add("BM_RE2Set" + tag, BM_Engine<Engine::Re2Set, V>);
    add("BM_Hyperscan" + tag + "/ucp", BM_Engine<Engine::HyperscanUcp, V>);
    add("BM_Hyperscan" + tag + "/ascii", BM_Engine<Engine::HyperscanAscii, V>);
}

int main(int argc, char **argv)
{
    registerVariant<Variant::Plain>(std::string());
    registerVariant<Variant::OrSets>("NoLit10");
    registerVariant<Variant::Free>("Free10");
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
#ifndef DSN_HAVE_RE2
    std::printf("note: built without RE2 (pkg-config re2), its columns stay empty\n");
#endif
#ifndef DSN_HAVE_HYPERSCAN
    std::printf("note: built without Hyperscan (pkg-config libhs), its columns stay empty\n");
#endif
    SummaryReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    reporter.printSummary();
    benchmark::Shutdown();
    return 0;
}
