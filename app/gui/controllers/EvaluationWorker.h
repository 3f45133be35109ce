// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <atomic>
#include <memory>
#include <optional>

#include <QList>
#include <QObject>

#include "common/Diagnostic.h"
#include "eval/EvalInput.h"
#include "eval/EvalResult.h"
#include "eval/OutcomeSummary.h"
#include "eval/PolicyEvaluator.h"

namespace Dsn::Controllers {

/**
 * Evaluates samples in a worker thread. Lives in the thread it was moved to and owns that
 * thread's PolicyEvaluator (and so its Lua state), rebuilt lazily on the first evaluation after
 * a config change. Talks to the GUI thread only through queued signals and slots.
 *
 * Before each sample it compares its generation with the shared "latest" counter the
 * controller bumps; once they differ it abandons the run, so stale work stops after at most one
 * sample (whose Lua call is bounded by the runtime's instruction budget).
 */
class EvaluationWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EvaluationWorker)

public:
    using GenerationCounter = std::atomic<quint64>;

    explicit EvaluationWorker(std::shared_ptr<const GenerationCounter> latest, QObject *parent = nullptr);
    ~EvaluationWorker() override;

public Q_SLOTS:
    /// Takes effect at the next evaluate(); several changes in between cost one rebuild.
    void setConfig(const Dsn::Eval::EvaluatorConfig &config);
    /// Results are emitted every `rows` samples (at least 1).
    void setChunkSize(int rows);
    void evaluate(quint64 generation, const QList<Dsn::Eval::EvalInput> &inputs);

Q_SIGNALS:
    /// At the start of each run: the policy's load error and warnings (empty when clean).
    void policyDiagnostics(quint64 generation, const QList<Dsn::Diagnostic> &diagnostics);
    void resultsReady(quint64 generation, int first, const QList<Dsn::Eval::EvalResult> &results);
    void finished(quint64 generation, const Dsn::Eval::OutcomeSummary &summary);
    /// The run stopped because a newer generation was requested.
    void abandoned(quint64 generation);

private:
    bool isStale(quint64 generation) const;

    std::shared_ptr<const GenerationCounter> m_latest;
    std::optional<Dsn::Eval::EvaluatorConfig> m_pendingConfig;
    std::unique_ptr<Dsn::Eval::PolicyEvaluator> m_evaluator;
    int m_chunkSize = 32;
};

} // namespace Dsn::Controllers
