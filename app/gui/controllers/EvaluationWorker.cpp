// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "EvaluationWorker.h"

#include <algorithm>

namespace Dsn::Controllers {

using Dsn::Eval::EvalResult;

EvaluationWorker::EvaluationWorker(std::shared_ptr<const GenerationCounter> latest, QObject *parent)
    : QObject(parent)
    , m_latest(std::move(latest))
{
}

EvaluationWorker::~EvaluationWorker() = default;

void EvaluationWorker::setConfig(const Dsn::Eval::EvaluatorConfig &config)
{
    m_pendingConfig = config;
}

void EvaluationWorker::setChunkSize(int rows)
{
    m_chunkSize = std::max(1, rows);
}

bool EvaluationWorker::isStale(quint64 generation) const
{
    return m_latest->load(std::memory_order_acquire) != generation;
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
        m_evaluator = std::make_unique<Dsn::Eval::PolicyEvaluator>(m_pendingConfig.value_or(Dsn::Eval::EvaluatorConfig{}));
        m_pendingConfig.reset();
    }
    // Sent with every run, not only after a rebuild: the rebuild's own run may have been the
    // one the controller dropped as stale.
    Q_EMIT policyDiagnostics(generation, m_evaluator->diagnostics());

    Dsn::Eval::OutcomeSummary summary;
    QList<EvalResult> chunk;
    chunk.reserve(std::min<qsizetype>(m_chunkSize, inputs.size()));
    int chunkFirst = 0;
    for (int i = 0; i < inputs.size(); ++i) {
        if (isStale(generation)) {
            Q_EMIT abandoned(generation);
            return;
        }
        EvalResult result = m_evaluator->evaluate(inputs.at(i));
        summary.add(result);
        chunk.append(std::move(result));
        if (chunk.size() >= m_chunkSize) {
            Q_EMIT resultsReady(generation, chunkFirst, chunk);
            chunkFirst = i + 1;
            chunk.clear();
        }
    }
    if (!chunk.isEmpty())
        Q_EMIT resultsReady(generation, chunkFirst, chunk);
    Q_EMIT finished(generation, summary);
}

} // namespace Dsn::Controllers
