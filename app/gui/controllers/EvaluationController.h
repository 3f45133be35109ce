// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <atomic>
#include <memory>

#include <QList>
#include <QObject>
#include <QThread>
#include <QTimer>

#include "common/Diagnostic.h"
#include "eval/EvalInput.h"
#include "eval/EvalResult.h"
#include "eval/OutcomeSummary.h"
#include "eval/PolicyEvaluator.h"

#include "EvaluationWorker.h"

namespace Dsn::Controllers {

/**
 * Live re-evaluation, "latest wins". setConfig() and setSamples() restart a single-shot
 * debounce timer; when it fires the controller stamps a new generation, publishes it to the
 * worker through a shared atomic (so a running evaluation stops at its next sample) and queues
 * the request. Worker signals of any other generation are dropped here, so listeners only ever
 * see the latest generation's results, in chunks.
 *
 * Owns the worker thread. Nothing here blocks the GUI thread except the destructor, which
 * cancels the current run and joins the thread (at most one sample's evaluation).
 */
class EvaluationController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EvaluationController)

public:
    explicit EvaluationController(QObject *parent = nullptr);
    ~EvaluationController() override;

    void setDebounceInterval(int msec);
    int debounceInterval() const { return m_debounce.interval(); }
    /// Samples per resultsReady chunk.
    void setChunkSize(int rows);
    /// Threads sharing one evaluation (each with its own Lua state); defaults to two when the
    /// machine has two cores, since Lua-bound evaluation scales with them.
    void setThreadCount(int threads);

    void setConfig(const Dsn::Eval::EvaluatorConfig &config);
    void setSamples(const QList<Dsn::Eval::EvalInput> &inputs);
    /// Starts at once, skipping the debounce; returns the new generation.
    quint64 evaluateNow();
    /// Makes the running evaluation (if any) stale; nothing more is forwarded for it.
    void cancel();

    quint64 currentGeneration() const { return m_generation; }
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    void started(quint64 generation);
    void resultsReady(quint64 generation, int first, const QList<Dsn::Eval::EvalResult> &results);
    void finished(quint64 generation, const Dsn::Eval::OutcomeSummary &summary);
    /// The policy's load error and warnings after a config change (empty list: clean).
    void policyDiagnostics(const QList<Dsn::Diagnostic> &diagnostics);
    void busyChanged(bool busy);

private:
    void onResults(quint64 generation, int first, const QList<Dsn::Eval::EvalResult> &results);
    void onFinished(quint64 generation, const Dsn::Eval::OutcomeSummary &summary);
    void onDiagnostics(quint64 generation, const QList<Dsn::Diagnostic> &diagnostics);
    void setBusy(bool busy);

    QThread m_thread;
    EvaluationWorker *m_worker = nullptr; // lives in m_thread, deleted when it finishes
    std::shared_ptr<EvaluationWorker::GenerationCounter> m_latest;
    QTimer m_debounce;
    quint64 m_generation = 0;
    Dsn::Eval::EvaluatorConfig m_config;
    bool m_configDirty = true;
    QList<Dsn::Eval::EvalInput> m_inputs;
    bool m_busy = false;
};

} // namespace Dsn::Controllers
