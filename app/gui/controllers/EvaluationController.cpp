// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "EvaluationController.h"

#include <algorithm>

#include "MetaTypes.h"

namespace Dsn::Controllers {

EvaluationController::EvaluationController(QObject *parent)
    : QObject(parent)
    , m_latest(std::make_shared<EvaluationWorker::GenerationCounter>(0))
{
    registerMetaTypes();

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(150);
    connect(&m_debounce, &QTimer::timeout, this, [this] { evaluateNow(); });

    m_thread.setObjectName(QStringLiteral("EvaluationWorker"));
    m_worker = new EvaluationWorker(m_latest);
    m_worker->setThreadCount(std::clamp(QThread::idealThreadCount(), 1, 2));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &EvaluationWorker::resultsReady, this, &EvaluationController::onResults);
    connect(m_worker, &EvaluationWorker::finished, this, &EvaluationController::onFinished);
    connect(m_worker, &EvaluationWorker::policyDiagnostics, this, &EvaluationController::onDiagnostics);
    m_thread.start();
}

EvaluationController::~EvaluationController()
{
    // Generation 0 is never handed out, so the worker abandons whatever it runs.
    m_latest->store(0, std::memory_order_release);
    m_thread.quit();
    m_thread.wait();
}

void EvaluationController::setDebounceInterval(int msec)
{
    m_debounce.setInterval(std::max(0, msec));
}

void EvaluationController::setChunkSize(int rows)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, rows] { w->setChunkSize(rows); }, Qt::QueuedConnection);
}

void EvaluationController::setThreadCount(int threads)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, threads] { w->setThreadCount(threads); }, Qt::QueuedConnection);
}

void EvaluationController::setConfig(const Dsn::Eval::EvaluatorConfig &config)
{
    m_config = config;
    m_configDirty = true;
    m_debounce.start();
}

void EvaluationController::setSamples(const QList<Dsn::Eval::EvalInput> &inputs)
{
    m_inputs = inputs;
    m_debounce.start();
}

quint64 EvaluationController::evaluateNow()
{
    m_debounce.stop();
    const quint64 generation = ++m_generation;
    m_latest->store(generation, std::memory_order_release);
    // Queued calls run in order in the worker thread: the config lands before the evaluation.
    if (m_configDirty) {
        QMetaObject::invokeMethod(m_worker, [w = m_worker, config = m_config] { w->setConfig(config); },
                                  Qt::QueuedConnection);
        m_configDirty = false;
    }
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, generation, inputs = m_inputs] { w->evaluate(generation, inputs); },
        Qt::QueuedConnection);
    setBusy(true);
    Q_EMIT started(generation);
    return generation;
}

void EvaluationController::cancel()
{
    m_debounce.stop();
    // A fresh number nobody evaluates: the running work sees it and stops.
    ++m_generation;
    m_latest->store(m_generation, std::memory_order_release);
    setBusy(false);
}

void EvaluationController::onResults(quint64 generation, int first, const QList<Dsn::Eval::EvalResult> &results)
{
    if (generation != m_generation)
        return;
    Q_EMIT resultsReady(generation, first, results);
}

void EvaluationController::onFinished(quint64 generation, const Dsn::Eval::OutcomeSummary &summary)
{
    if (generation != m_generation)
        return;
    setBusy(false);
    Q_EMIT finished(generation, summary);
}

void EvaluationController::onDiagnostics(quint64 generation, const QList<Dsn::Diagnostic> &diagnostics)
{
    if (generation != m_generation)
        return;
    Q_EMIT policyDiagnostics(diagnostics);
}

void EvaluationController::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

} // namespace Dsn::Controllers
