// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
//
// Live re-evaluation as the GUI sees it: 5,000 samples and 1,000 rules in a SampleTableModel
// behind a SampleFilterProxy, fed by an EvaluationController wired the way the main window wires
// it. After each one-rule edit it measures the time until the model holds all 5,000 results of
// the new generation (the controller's debounce reported apart) and the longest gap between
// ticks of a 1 ms timer on the GUI thread meanwhile (the longest stall). References measured in
// the same run: the bare RegexSetMap::findFirst loop and strlen over the same replies.
//
//   QT_QPA_PLATFORM=offscreen <build>/bin/bench_gui_update [edits] [threads]
//
// DSN_BENCH_DATA overrides the folder with patterns_1000.txt (target bench_workload writes it).
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <vector>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include "EvaluationController.h"
#include "MetaTypes.h"
#include "SampleFilterProxy.h"
#include "SampleTableModel.h"
#include "TestConfig.h"
#include "common/CompatProfile.h"
#include "common/SmtpResponse.h"
#include "project/Project.h"
#include "rules/RegexSetMap.h"

using namespace Dsn;

namespace {

constexpr int kSamples = 5000;
constexpr int kRules = 1000;

QList<QJsonObject> jsonLines(const QString &path)
{
    QList<QJsonObject> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    for (const QByteArray &line : f.readAll().split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (!o.isEmpty())
            out << o;
    }
    return out;
}

// The provider corpus and the example samples, repeated to 5,000 with varied queues and a
// varied tail, so no two samples are the same text.
QList<Project::Sample> makeSamples()
{
    QList<QJsonObject> base;
    for (QJsonObject o : jsonLines(QStringLiteral(DSN_TEST_DATA_DIR "/corpus/responses.jsonl"))) {
        QStringList lines;
        for (const QJsonValue &v : o.value(QStringLiteral("lines")).toArray())
            lines << v.toString();
        o.insert(QStringLiteral("response"), lines.join(QLatin1Char('\n')));
        base << o;
    }
    base << jsonLines(QStringLiteral(DSN_SOURCE_DIR "/resources/examples/samples.jsonl"));
    const QStringList queues = {QStringLiteral("bulk@example.com"), QStringLiteral("newsletter:bulk@gmail.com"),
                                QStringLiteral("tenant1@outlook.com"), QStringLiteral("spring:acme@yahoo.com")};
    QList<Project::Sample> out;
    for (int i = 0; i < kSamples; ++i) {
        QJsonObject o = base.at(i % base.size());
        QJsonObject s;
        const int round = i / int(base.size());
        s.insert(QStringLiteral("response"),
                 o.value(QStringLiteral("response")).toString()
                     + (round == 0 ? QString() : QStringLiteral(" (ref %1)").arg(round)));
        s.insert(QStringLiteral("phase"), o.value(QStringLiteral("phase")).toString());
        s.insert(QStringLiteral("queue"), o.contains(QStringLiteral("queue")) ? o.value(QStringLiteral("queue"))
                                                                               : QJsonValue(queues.at(i % queues.size())));
        out << Project::Sample::fromJson(s);
    }
    return out;
}

// The example table's rules, then the workload's patterns (realistic literals, some classes and
// alternations) with rotating codes.
QList<Rules::RegexRule> makeRules(const Project::Project &example)
{
    QList<Rules::RegexRule> rules = example.kumoTable();
    QByteArray dataDir = qgetenv("DSN_BENCH_DATA");
    if (dataDir.isEmpty())
        dataDir = DSN_BENCH_DATA_DEFAULT;
    QFile f(QString::fromUtf8(dataDir) + QStringLiteral("/patterns_1000.txt"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s (build the bench_workload target)", qPrintable(f.fileName()));
    const int codes[] = {500, 550, 421, 451, 554};
    int n = 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (rules.size() >= kRules)
            break;
        if (!line.isEmpty())
            rules.append({QString::fromUtf8(line), codes[n++ % 5]});
    }
    return rules;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

template <typename F> double bestOf(int runs, F &&f)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        f();
        times.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    return median(times);
}

struct Edit
{
    double debounceMs = 0;  // edit → evaluation started
    double evaluateMs = 0;  // started → all 5,000 results applied in the model
    double totalMs = 0;
    double firstRowsMs = 0; // started → first results applied
    double stallMs = 0;     // longest gap between 1 ms ticks, edit → applied
};

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    Controllers::registerMetaTypes();
    const int edits = argc > 1 ? std::max(1, atoi(argv[1])) : 7;
    const int threads = argc > 2 ? std::max(1, atoi(argv[2])) : 0;

    const QString examplePath = QStringLiteral(DSN_SOURCE_DIR "/resources/examples/example.dsnwb");
    auto example = Project::Project::load(examplePath);
    if (!example)
        qFatal("cannot load %s", qPrintable(examplePath));
    Eval::EvaluatorConfig config = example->evaluatorConfig(QFileInfo(examplePath).absolutePath());
    config.rules = makeRules(*example);
    const QList<Project::Sample> samples = makeSamples();
    QList<Eval::EvalInput> inputs;
    for (const Project::Sample &s : samples)
        inputs << s.toInput();

    // --- the GUI's wiring ---------------------------------------------------------------------
    Models::SampleTableModel model;
    model.setSamples(samples);
    model.setDefaultQueue(config.defaultQueue);
    Models::SampleFilterProxy proxy;
    proxy.setSourceModel(&model);
    Controllers::EvaluationController controller;
    if (threads > 0)
        controller.setThreadCount(threads);
    QObject::connect(&controller, &Controllers::EvaluationController::resultsReady, &model,
                     [&model](quint64 g, int first, const QList<Eval::EvalResult> &r) { model.setResults(g, first, r); });
    QObject::connect(&controller, &Controllers::EvaluationController::finished, &model, [&model] { model.flush(); });

    // The stall probe: a 1 ms timer whose longest gap is the longest the GUI thread was busy.
    QElapsedTimer clock;
    clock.start();
    qint64 lastTickNs = 0;
    qint64 maxGapNs = 0;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(1);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        maxGapNs = std::max(maxGapNs, now - lastTickNs);
        lastTickNs = now;
    });
    tick.start();

    quint64 waitingFor = 0;
    int appliedRows = 0;
    qint64 startedNs = 0;
    qint64 firstAppliedNs = 0;
    qint64 doneNs = 0;
    QEventLoop loop;
    QObject::connect(&controller, &Controllers::EvaluationController::started, [&](quint64 g) {
        if (g == waitingFor || waitingFor == 0)
            startedNs = clock.nsecsElapsed();
    });
    QObject::connect(&model, &Models::SampleTableModel::resultsApplied, [&](quint64 g, int, int count) {
        if (g != controller.currentGeneration())
            return;
        if (appliedRows == 0)
            firstAppliedNs = clock.nsecsElapsed();
        appliedRows += count;
        if (appliedRows >= kSamples && doneNs == 0) {
            doneNs = clock.nsecsElapsed();
            loop.quit();
        }
    });

    auto runOnce = [&](const Eval::EvaluatorConfig &c, bool setSamples) {
        appliedRows = 0;
        doneNs = 0;
        startedNs = 0;
        waitingFor = controller.currentGeneration() + 1;
        QTimer guard;
        guard.setSingleShot(true);
        QObject::connect(&guard, &QTimer::timeout, &loop, [&] {
            qWarning("timed out");
            loop.quit();
        });
        guard.start(120000);
        lastTickNs = clock.nsecsElapsed();
        maxGapNs = 0;
        const qint64 editNs = lastTickNs;
        controller.setConfig(c);
        if (setSamples)
            controller.setSamples(inputs);
        loop.exec();
        Edit e;
        e.debounceMs = double(startedNs - editNs) / 1e6;
        e.evaluateMs = double(doneNs - startedNs) / 1e6;
        e.firstRowsMs = double(firstAppliedNs - startedNs) / 1e6;
        e.totalMs = double(doneNs - editNs) / 1e6;
        e.stallMs = double(maxGapNs) / 1e6;
        return e;
    };

    const Edit initial = runOnce(config, true);
    // Edits: alternately a rule's code and its pattern (a new pattern text the cache has not seen).
    std::vector<Edit> results;
    for (int k = 0; k < edits; ++k) {
        const int index = int((k * 137 + 11) % config.rules.size());
        Rules::RegexRule &rule = config.rules[index];
        if (k % 2 == 0)
            rule.value = rule.value.toInt() == 550 ? 551 : 550;
        else
            rule.pattern += QStringLiteral("( edited %1)?").arg(k);
        results.push_back(runOnce(config, false));
    }

    // --- references over the same replies ---------------------------------------------------
    QList<QString> singleLines;
    std::vector<QByteArray> utf8;
    for (const Eval::EvalInput &in : inputs) {
        auto parsed = SmtpResponse::parse(in.response, config.profile);
        singleLines << (parsed ? parsed->toSingleLine(config.profile) : in.response);
        utf8.push_back(singleLines.last().toUtf8());
    }
    auto map = Rules::RegexSetMap::compile(config.rules);
    if (!map)
        qFatal("rules do not compile: %s", qPrintable(map.error().message));
    size_t sink = 0;
    const double strlenMs = bestOf(9, [&] {
        for (const QByteArray &b : utf8)
            sink += strlen(b.constData());
    });
    const double findFirstMs = bestOf(5, [&] {
        for (const QString &s : singleLines)
            sink += size_t(map->findFirst(s) + 1);
    });
    const double lookupMs = bestOf(5, [&] {
        for (const QString &s : singleLines)
            sink += size_t(map->lookup(s).matches.size());
    });
    // A map rebuild after a one-pattern edit: one pattern compile plus the prefilter's build.
    int variant = 0;
    const double editCompileMs = bestOf(3, [&] {
        QList<Rules::RegexRule> edited = config.rules;
        edited[5].pattern += QStringLiteral("( reference %1)?").arg(variant++);
        sink += size_t(Rules::RegexSetMap::compile(edited)->size());
    });

    auto column = [&](double Edit::*field) {
        std::vector<double> v;
        for (const Edit &e : results)
            v.push_back(e.*field);
        return std::make_pair(median(v), *std::max_element(v.begin(), v.end()));
    };
    std::printf("bench_gui_update: %d samples, %d rules, debounce %d ms, %d edits, controller threads %s\n",
                kSamples, int(config.rules.size()), controller.debounceInterval(), edits,
                threads > 0 ? qPrintable(QString::number(threads)) : "default");
    std::printf("%-44s %10s %10s\n", "", "median ms", "worst ms");
    const auto deb = column(&Edit::debounceMs);
    const auto eva = column(&Edit::evaluateMs);
    const auto fir = column(&Edit::firstRowsMs);
    const auto tot = column(&Edit::totalMs);
    const auto sta = column(&Edit::stallMs);
    std::printf("%-44s %10.1f %10.1f\n", "edit -> evaluation starts (debounce)", deb.first, deb.second);
    std::printf("%-44s %10.1f %10.1f\n", "start -> first rows applied", fir.first, fir.second);
    std::printf("%-44s %10.1f %10.1f\n", "start -> all 5,000 applied (goal < 100)", eva.first, eva.second);
    std::printf("%-44s %10.1f %10.1f\n", "edit -> all 5,000 applied (incl. debounce)", tot.first, tot.second);
    std::printf("%-44s %10.1f %10.1f\n", "longest GUI-thread stall (goal < 30)", sta.first, sta.second);
    std::printf("first load (1,000 patterns compiled cold): %.1f ms after start, stall %.1f ms\n",
                initial.evaluateMs, initial.stallMs);
    std::printf("references, same replies, same run:\n");
    std::printf("  strlen over 5,000 replies          %9.3f ms\n", strlenMs);
    std::printf("  RegexSetMap::findFirst loop         %9.3f ms\n", findFirstMs);
    std::printf("  RegexSetMap::lookup loop (all)      %9.3f ms\n", lookupMs);
    std::printf("  RegexSetMap::compile, one new pattern %7.1f ms\n", editCompileMs);
    std::printf("ratios (median): update/findFirst %.1fx, update/strlen %.0fx, update/lookup %.1fx\n",
                eva.first / findFirstMs, eva.first / strlenMs, eva.first / lookupMs);
    std::printf("per edit:");
    for (const Edit &e : results)
        std::printf(" %.0f/%.0f", e.evaluateMs, e.stallMs);
    std::printf("  (update/stall ms)\n");
    return sink == 42 ? 1 : 0;
}
