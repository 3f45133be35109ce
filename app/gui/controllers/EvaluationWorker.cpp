// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "EvaluationWorker.h"

#include <algorithm>
#include <atomic>
#include <limits>

#include <QSemaphore>

namespace Dsn::Controllers {

using Dsn::Eval::EvalResult;
using Dsn::Eval::OutcomeSummary;
using Dsn::Eval::PolicyEvaluator;

/// One helper thread and the evaluator that only it touches.
struct EvaluationWorker::Helper
{
    Helper()
    {
        // One thread that never expires, so the evaluator always runs on the thread that built it.
        pool.setMaxThreadCount(1);
        pool.setExpiryTimeout(-1);
    }
    QThreadPool pool;
    std::unique_ptr<PolicyEvaluator> evaluator;
    std::shared_ptr<const Dsn::Eval::EvaluatorConfig> builtFrom;
};

/// What the threads of one run share.
struct EvaluationWorker::Run
{
    quint64 generation = 0;
    const QList<Dsn::Eval::EvalInput> *inputs = nullptr;
    int chunkSize = 1;
    std::atomic<int> nextChunk{0};
    std::atomic<bool> stale{false};
};

EvaluationWorker::EvaluationWorker(std::shared_ptr<const GenerationCounter> latest, QObject *parent)
    : QObject(parent)
    , m_latest(std::move(latest))
{
}

EvaluationWorker::~EvaluationWorker()
{
    for (const std::unique_ptr<Helper> &helper : m_helpers) {
        // The Lua state goes down in the thread that used it.
        Helper *h = helper.get();
        h->pool.start([h] { h->evaluator.reset(); });
        h->pool.waitForDone();
    }
}

void EvaluationWorker::setConfig(const Dsn::Eval::EvaluatorConfig &config)
{
    m_pendingConfig = config;
}

void EvaluationWorker::setChunkSize(int rows)
{
    m_chunkSize = std::max(1, rows);
}

void EvaluationWorker::setThreadCount(int threads)
{
    m_threadCount = std::max(1, threads);
}

bool EvaluationWorker::isStale(quint64 generation) const
{
    return m_latest->load(std::memory_order_acquire) != generation;
}

void EvaluationWorker::evaluateChunks(PolicyEvaluator &evaluator, Run &run, OutcomeSummary &summary, int maxChunks)
{
    const QList<Dsn::Eval::EvalInput> &inputs = *run.inputs;
    for (int taken = 0; taken < maxChunks; ++taken) {
        const qsizetype first = qsizetype(run.nextChunk.fetch_add(1, std::memory_order_relaxed)) * run.chunkSize;
        if (first >= inputs.size())
            return;
        const qsizetype end = std::min(first + run.chunkSize, inputs.size());
        QList<EvalResult> chunk;
        chunk.reserve(end - first);
        for (qsizetype i = first; i < end; ++i) {
            if (run.stale.load(std::memory_order_relaxed) || isStale(run.generation)) {
                run.stale.store(true, std::memory_order_relaxed);
                return;
            }
            EvalResult result = evaluator.evaluate(inputs.at(i));
            summary.add(result);
            chunk.append(std::move(result));
        }
        Q_EMIT resultsReady(run.generation, int(first), chunk);
    }
}

void EvaluationWorker::evaluate(quint64 generation, const QList<Dsn::Eval::EvalInput> &inputs)
{
    // Requests queue up while a run is busy; all but the newest are skipped right here.
    if (isStale(generation)) {
        Q_EMIT abandoned(generation);
        return;
    }
    if (m_pendingConfig || !m_evaluator) {
        // Loading the policy runs Lua, so it happens here and never in the GUI thread.
        m_helperConfig =
            std::make_shared<const Dsn::Eval::EvaluatorConfig>(m_pendingConfig.value_or(Dsn::Eval::EvaluatorConfig{}));
        m_evaluator = std::make_unique<PolicyEvaluator>(*m_helperConfig);
        m_pendingConfig.reset();
    }
    // Sent with every run, not only after a rebuild: the rebuild's own run may have been the
    // one the controller dropped as stale.
    Q_EMIT policyDiagnostics(generation, m_evaluator->diagnostics());

    Run run;
    run.generation = generation;
    run.inputs = &inputs;
    run.chunkSize = m_chunkSize;
    OutcomeSummary summary;

    const int threads =
        int(std::clamp<qsizetype>(inputs.size() / minRowsPerThread(), 1, std::max(1, m_threadCount)));
    if (threads > 1) {
        // The first chunk warms the shared pattern cache, so helpers building their own maps
        // afterwards do not compile the same new patterns a second time.
        evaluateChunks(*m_evaluator, run, summary, 1);
    }
    while (int(m_helpers.size()) < threads - 1)
        m_helpers.push_back(std::make_unique<Helper>());
    std::vector<OutcomeSummary> helperSummaries(size_t(std::max(0, threads - 1)));
    QSemaphore helpersDone;
    if (!run.stale.load()) {
        for (int h = 0; h < threads - 1; ++h) {
            Helper *helper = m_helpers[size_t(h)].get();
            OutcomeSummary *helperSummary = &helperSummaries[size_t(h)];
            helper->pool.start([this, helper, helperSummary, &run, &helpersDone] {
                if (helper->builtFrom != m_helperConfig || !helper->evaluator) {
                    helper->evaluator = std::make_unique<PolicyEvaluator>(*m_helperConfig);
                    helper->builtFrom = m_helperConfig;
                }
                evaluateChunks(*helper->evaluator, run, *helperSummary);
                helpersDone.release();
            });
        }
        evaluateChunks(*m_evaluator, run, summary);
        // Even a stale run waits: the helpers read `run` and `inputs`, which live on this stack.
        helpersDone.acquire(threads - 1);
    }
    if (run.stale.load()) {
        Q_EMIT abandoned(generation);
        return;
    }
    for (const OutcomeSummary &s : helperSummaries)
        summary.merge(s);
    Q_EMIT finished(generation, summary);
}

} // namespace Dsn::Controllers
