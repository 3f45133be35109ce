// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <atomic>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

#include <QList>
#include <QObject>
#include <QThreadPool>

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
 *
 * Large runs are shared with helper threads (setThreadCount), each with a PolicyEvaluator of its
 * own that is built, used and destroyed only in that helper's thread. Threads take chunks of
 * rows from a shared counter, so a thread the machine starves simply takes fewer; every chunk is
 * still one resultsReady, and finished comes after all of them.
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
    /// Threads evaluating one run, this one included (at least 1). Runs of fewer than
    /// minRowsPerThread() rows per thread use fewer threads.
    void setThreadCount(int threads);
    void evaluate(quint64 generation, const QList<Dsn::Eval::EvalInput> &inputs);

Q_SIGNALS:
    /// At the start of each run: the policy's load error and warnings (empty when clean).
    void policyDiagnostics(quint64 generation, const QList<Dsn::Diagnostic> &diagnostics);
    void resultsReady(quint64 generation, int first, const QList<Dsn::Eval::EvalResult> &results);
    void finished(quint64 generation, const Dsn::Eval::OutcomeSummary &summary);
    /// The run stopped because a newer generation was requested.
    void abandoned(quint64 generation);

public:
    int threadCount() const { return m_threadCount; }
    static constexpr int minRowsPerThread() { return 64; }

private:
    struct Run;
    struct Helper;
    bool isStale(quint64 generation) const;
    /// Evaluates chunks taken from `run` until none is left, `maxChunks` are done or the run goes stale.
    void evaluateChunks(Dsn::Eval::PolicyEvaluator &evaluator, Run &run, Dsn::Eval::OutcomeSummary &summary,
                        int maxChunks = std::numeric_limits<int>::max());

    std::shared_ptr<const GenerationCounter> m_latest;
    std::optional<Dsn::Eval::EvaluatorConfig> m_pendingConfig;
    std::unique_ptr<Dsn::Eval::PolicyEvaluator> m_evaluator;
    /// The config the helpers' evaluators must be rebuilt from (set with each rebuild here).
    std::shared_ptr<const Dsn::Eval::EvaluatorConfig> m_helperConfig;
    std::vector<std::unique_ptr<Helper>> m_helpers;
    int m_chunkSize = 32;
    int m_threadCount = 1;
};

} // namespace Dsn::Controllers
