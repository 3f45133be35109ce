// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include <map>

#include <QSignalSpy>
#include <QTest>

#include "EvaluationController.h"
#include "EvaluationWorker.h"
#include "ExampleProject.h"
#include "MetaTypes.h"

using Dsn::Controllers::EvaluationController;
using Dsn::Controllers::EvaluationWorker;
using Dsn::Eval::EvalInput;
using Dsn::Eval::EvalResult;
using Dsn::Eval::EvaluatorConfig;
using Dsn::Eval::OutcomeSummary;

namespace {

// Collects what the controller forwards, checking chunks fit together.
struct Collector
{
    std::map<int, EvalResult> byRow;
    QList<quint64> resultGenerations;
    QList<quint64> finishedGenerations;
    QList<quint64> startedGenerations;
    OutcomeSummary summary;

    void attach(EvaluationController &c)
    {
        QObject::connect(&c, &EvaluationController::started, [this](quint64 g) { startedGenerations.append(g); });
        QObject::connect(&c, &EvaluationController::resultsReady,
                         [this](quint64 g, int first, const QList<EvalResult> &results) {
                             resultGenerations.append(g);
                             for (int i = 0; i < results.size(); ++i)
                                 byRow[first + i] = results.at(i);
                         });
        QObject::connect(&c, &EvaluationController::finished, [this](quint64 g, const OutcomeSummary &s) {
            finishedGenerations.append(g);
            summary = s;
        });
    }
};

} // namespace

class TestEvaluationController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sameOutcomesAsDirect();
    void threadsShareARunWithSameOutcomes_data();
    void threadsShareARunWithSameOutcomes();
    void debounceCoalescesEdits_data();
    void debounceCoalescesEdits();
    void staleGenerationsDropped();
    void workerAbandonsStaleWork();
    void brokenPolicyReportsDiagnostics();

private:
    Dsn::Project::Project m_project;
    EvaluatorConfig m_config;
    QList<EvalInput> m_inputs;
    QList<EvalResult> m_direct;
};

void TestEvaluationController::initTestCase()
{
    Dsn::Controllers::registerMetaTypes();
    m_project = ExampleProject::load();
    m_config = ExampleProject::config(m_project);
    m_inputs = ExampleProject::inputs(m_project);
    m_direct = ExampleProject::evaluateDirectly(m_project);
    QCOMPARE(m_inputs.size(), 28);
}

void TestEvaluationController::sameOutcomesAsDirect()
{
    EvaluationController controller;
    controller.setChunkSize(5);
    controller.setDebounceInterval(0);
    Collector got;
    got.attach(controller);
    QSignalSpy finished(&controller, &EvaluationController::finished);

    controller.setConfig(m_config);
    controller.setSamples(m_inputs);
    QVERIFY(finished.wait(30000));
    QCOMPARE(got.finishedGenerations, QList<quint64>{1});
    QCOMPARE(int(got.byRow.size()), 28);
    QCOMPARE(got.resultGenerations.size(), 6); // 28 rows in chunks of 5
    QVERIFY(!controller.isBusy());

    OutcomeSummary directSummary;
    for (int row = 0; row < 28; ++row) {
        const EvalResult &a = got.byRow.at(row);
        const EvalResult &b = m_direct.at(row);
        QCOMPARE(a.recordType, b.recordType);
        QCOMPARE(a.response.code, b.response.code);
        QCOMPARE(a.rewritten, b.rewritten);
        QCOMPARE(a.explanation, b.explanation);
        directSummary.add(b);
    }
    QCOMPARE(got.summary.toJson(), directSummary.toJson());
}

void TestEvaluationController::threadsShareARunWithSameOutcomes_data()
{
    QTest::addColumn<int>("threads");
    QTest::newRow("one thread") << 1;
    QTest::newRow("two threads") << 2;
    QTest::newRow("three threads") << 3;
}

void TestEvaluationController::threadsShareARunWithSameOutcomes()
{
    QFETCH(int, threads);
    // Big enough for every thread to get work (EvaluationWorker::minRowsPerThread()).
    QList<EvalInput> many;
    QList<EvalResult> expected;
    for (int i = 0; i < 12; ++i) {
        many.append(m_inputs);
        expected.append(m_direct);
    }
    QVERIFY(many.size() >= threads * EvaluationWorker::minRowsPerThread());

    EvaluationController controller;
    controller.setThreadCount(threads);
    controller.setChunkSize(7);
    controller.setDebounceInterval(0);
    Collector got;
    got.attach(controller);
    QSignalSpy finished(&controller, &EvaluationController::finished);
    controller.setConfig(m_config);
    controller.setSamples(many);
    QVERIFY(finished.wait(60000));
    QCOMPARE(int(got.byRow.size()), int(many.size()));
    // Chunks never overlap or leave gaps: 336 rows in chunks of 7.
    QCOMPARE(got.resultGenerations.size(), 48);

    OutcomeSummary directSummary;
    for (int row = 0; row < many.size(); ++row) {
        const EvalResult &a = got.byRow.at(row);
        const EvalResult &b = expected.at(row);
        QCOMPARE(a.recordType, b.recordType);
        QCOMPARE(a.response.code, b.response.code);
        QCOMPARE(a.explanation, b.explanation);
        QCOMPARE(a.matched.size(), b.matched.size());
        QCOMPARE(a.ambiguous, b.ambiguous);
        QCOMPARE(a.profileSensitive, b.profileSensitive);
        directSummary.add(b);
    }
    QCOMPARE(got.summary.toJson(), directSummary.toJson());

    // A second run after an edit reuses the helpers and their rebuilt evaluators.
    EvaluatorConfig noRules = m_config;
    noRules.rules.clear();
    got.byRow.clear();
    controller.setConfig(noRules);
    QVERIFY(finished.wait(60000));
    QCOMPARE(int(got.byRow.size()), int(many.size()));
    for (const auto &[row, result] : got.byRow)
        QVERIFY(!result.rewritten);
}

void TestEvaluationController::debounceCoalescesEdits_data()
{
    QTest::addColumn<int>("edits");
    QTest::addColumn<bool>("lastDisablesRules");

    QTest::newRow("single edit") << 1 << false;
    QTest::newRow("five quick edits") << 5 << false;
    QTest::newRow("five quick edits, last removes the rules") << 5 << true;
}

void TestEvaluationController::debounceCoalescesEdits()
{
    QFETCH(int, edits);
    QFETCH(bool, lastDisablesRules);

    EvaluationController controller;
    controller.setDebounceInterval(200);
    Collector got;
    got.attach(controller);
    QSignalSpy finished(&controller, &EvaluationController::finished);

    // Edits in quick succession (well inside the debounce interval) start one evaluation.
    for (int i = 0; i < edits; ++i) {
        EvaluatorConfig config = m_config;
        if (lastDisablesRules && i == edits - 1)
            config.rules.clear();
        controller.setConfig(config);
        controller.setSamples(m_inputs);
    }
    QCOMPARE(controller.currentGeneration(), quint64(0)); // nothing started synchronously
    QVERIFY(finished.wait(30000));
    QTest::qWait(100); // nothing else arrives
    QCOMPARE(got.startedGenerations, QList<quint64>{1});
    QCOMPARE(got.finishedGenerations, QList<quint64>{1});
    QCOMPARE(int(got.byRow.size()), 28);

    // The results are those of the last edit.
    int rewritten = 0;
    for (const auto &[row, result] : got.byRow)
        rewritten += result.rewritten ? 1 : 0;
    if (lastDisablesRules)
        QCOMPARE(rewritten, 0);
    else
        QVERIFY(rewritten > 0);
}

void TestEvaluationController::staleGenerationsDropped()
{
    EvaluationController controller;
    controller.setChunkSize(1);
    Collector got;
    got.attach(controller);
    QSignalSpy finished(&controller, &EvaluationController::finished);
    QSignalSpy chunks(&controller, &EvaluationController::resultsReady);

    // A long run, then new requests before it can finish: only the last one is forwarded.
    QList<EvalInput> many;
    for (int i = 0; i < 40; ++i)
        many.append(m_inputs);
    controller.setConfig(m_config);
    controller.setSamples(many);
    const quint64 first = controller.evaluateNow();
    QVERIFY(chunks.wait(30000)); // the first run is under way
    controller.setSamples(many);
    controller.evaluateNow();
    controller.setSamples(m_inputs);
    const quint64 last = controller.evaluateNow();
    QCOMPARE(last, first + 2);

    QVERIFY(finished.wait(60000));
    QTest::qWait(200);
    QCOMPARE(got.finishedGenerations, QList<quint64>{last});
    // Results of the first run may have arrived before it went stale; none after.
    const qsizetype firstOfLast = got.resultGenerations.indexOf(last);
    QVERIFY(firstOfLast >= 0);
    for (qsizetype i = firstOfLast; i < got.resultGenerations.size(); ++i)
        QCOMPARE(got.resultGenerations.at(i), last);
    QVERIFY(!got.resultGenerations.contains(first + 1));
    // The first run never got to its end.
    QVERIFY(got.resultGenerations.count(first) < many.size());
}

void TestEvaluationController::workerAbandonsStaleWork()
{
    auto latest = std::make_shared<EvaluationWorker::GenerationCounter>(7);
    EvaluationWorker worker(latest);
    worker.setConfig(m_config);
    QSignalSpy results(&worker, &EvaluationWorker::resultsReady);
    QSignalSpy finished(&worker, &EvaluationWorker::finished);
    QSignalSpy abandoned(&worker, &EvaluationWorker::abandoned);

    worker.evaluate(6, m_inputs); // not the latest: skipped before any work
    QCOMPARE(abandoned.count(), 1);
    QCOMPARE(results.count(), 0);
    QCOMPARE(finished.count(), 0);

    // The counter moves on while a run is in progress: it stops at the next sample.
    connect(&worker, &EvaluationWorker::resultsReady, this, [latest] { latest->store(8); });
    worker.setChunkSize(3);
    worker.evaluate(7, m_inputs);
    QCOMPARE(results.count(), 1);
    QCOMPARE(results.first().at(2).value<QList<EvalResult>>().size(), 3);
    QCOMPARE(finished.count(), 0);
    QCOMPARE(abandoned.count(), 2);
}

void TestEvaluationController::brokenPolicyReportsDiagnostics()
{
    EvaluationController controller;
    controller.setDebounceInterval(0);
    QSignalSpy diagnostics(&controller, &EvaluationController::policyDiagnostics);
    QSignalSpy finished(&controller, &EvaluationController::finished);

    EvaluatorConfig config = m_config;
    config.policySource = QByteArrayLiteral("local x = = 1\n");
    controller.setConfig(config);
    controller.setSamples(m_inputs);
    QVERIFY(finished.wait(30000));
    QCOMPARE(diagnostics.count(), 1);
    const auto list = diagnostics.first().at(0).value<QList<Dsn::Diagnostic>>();
    QVERIFY(!list.isEmpty());
    QCOMPARE(list.first().severity, Dsn::Diagnostic::Severity::Error);
    QVERIFY(list.first().line >= 1);

    // Fixing the policy clears them.
    controller.setConfig(m_config);
    QVERIFY(finished.wait(30000));
    QCOMPARE(diagnostics.count(), 2);
    QVERIFY(diagnostics.at(1).at(0).value<QList<Dsn::Diagnostic>>().isEmpty()
            || diagnostics.at(1).at(0).value<QList<Dsn::Diagnostic>>().first().severity
                   != Dsn::Diagnostic::Severity::Error);
}

QTEST_GUILESS_MAIN(TestEvaluationController)
#include "TestEvaluationController.moc"
