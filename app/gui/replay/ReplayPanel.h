// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <utility>

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QString>
#include <QStringList>
#include <QWidget>

#include "eval/PolicyEvaluator.h"
#include "replay/ReplaySummary.h"

class QFrame;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableView;
class QTimer;

namespace Dsn::Gui {

class LogInputList;
class ReplayCharts;
class ReplaySampleModel;
class TransitionMatrixModel;
class UnmatchedReplyModel;

/**
 * The "Replay" panel: the analyst picks KumoMTA log files or folders, replays them through the
 * current rules and policy, and sees what would change — a headline, the transition matrix,
 * per-rule and per-group charts, sample records per cell, and the replies no rule matched,
 * each of which can become a sample with one click. Summaries save as the CLI's
 * `replay --json` and open (several at once, merged), so a fleet's replay can be viewed.
 *
 * The replay runs on a worker thread; the GUI thread polls its progress ten times a second and
 * never waits for it, except in the destructor, which cancels and waits so the engine never
 * outlives the configuration it was given.
 */
class ReplayPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReplayPanel)

public:
    explicit ReplayPanel(QWidget *parent = nullptr);
    /// Cancels and waits for a running replay.
    ~ReplayPanel() override;

    /// Called at the start of every run to snapshot the current rules/policy/classifier.
    void setConfigProvider(std::function<Dsn::Eval::EvaluatorConfig()> provider);
    /// Rule numbers as the Rules panel shows them, from a KumoMTA table index (default: index + 1;
    /// the window maps around disabled rules, which the table KumoMTA loads leaves out).
    void setRuleNumbering(std::function<int(int)> number);
    void setPaths(const QStringList &paths);
    QStringList paths() const;
    /// 0 = all cores (default).
    void setThreads(int threads);
    int threads() const;
    /// Lines per worker chunk (ReplayOptions::chunkLines): smaller means finer progress and a
    /// quicker cancel at some throughput cost. Results do not depend on it.
    void setChunkLines(int lines);
    bool isRunning() const;
    /// The last finished (or cancelled) run, or the summaries opened last.
    const Dsn::Replay::ReplaySummary &summary() const { return m_summary; }
    /// Rules/policy changed since the last run: say so, offer "Run again".
    void markStale();
    bool isStale() const { return m_stale; }

    /// Loads summary JSON files (`replay --json`), merges them and shows the result; false with
    /// the reason in the status line when one cannot be read.
    bool openSummaries(const QStringList &files);
    /// Writes summary() as `replay --json` does, atomically; false with the reason in the status.
    bool saveSummary(const QString &file);

    /// The status line: progress, "done in …", "cancelled …" or the error.
    QString statusText() const;
    /// The one-sentence result, e.g. "1,234 deferrals would become bounces, …".
    QString headline() const;

    TransitionMatrixModel *matrixModel() const { return m_matrix; }
    ReplaySampleModel *sampleModel() const { return m_samples; }
    UnmatchedReplyModel *unmatchedModel() const { return m_unmatched; }
    ReplayCharts *charts() const { return m_charts; }
    /// Selects a matrix cell and lists its samples; false when that transition did not occur.
    bool selectTransition(const QString &from, const QString &to);

public Q_SLOTS:
    void start();
    void cancel();

Q_SIGNALS:
    void started();
    void finished(bool cancelled);
    void addSampleRequested(const QString &response, const QString &queue);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct RunState;

    QWidget *buildInputArea();
    QWidget *buildResults();
    QWidget *buildTransitionsTab();
    QWidget *buildUnmatchedTab();
    void addFiles();
    void addFolder();
    void openSummaryDialog();
    void saveSummaryDialog();
    void showSampleDetail();
    void copySampleLocation();
    void addSelectedSample();
    void addSelectedUnmatched();
    void onCellChanged();
    void pollProgress();
    void onRunFinished();
    void showSummary();
    void fitMatrixHeight();
    void updateHeadline();
    void updateMalformed();
    void setStatus(const QString &text, bool error);
    void updateButtons();
    void applyPalette();

    std::function<Eval::EvaluatorConfig()> m_provider;
    std::function<int(int)> m_ruleNumber = [](int index) { return index + 1; };
    Replay::ReplaySummary m_summary;
    std::shared_ptr<RunState> m_run;
    QFutureWatcher<void> m_watcher;
    QTimer *m_progressTimer = nullptr;
    QElapsedTimer m_clock;
    int m_chunkLines = 1000;
    bool m_stale = false;
    bool m_statusIsError = false;

    LogInputList *m_inputs = nullptr;
    QPushButton *m_addFiles = nullptr;
    QPushButton *m_addFolder = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_clear = nullptr;
    QSpinBox *m_threads = nullptr;
    QPushButton *m_runButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_save = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressText = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_malformed = nullptr;
    QFrame *m_staleBar = nullptr;
    QPushButton *m_runAgain = nullptr;
    QLabel *m_headline = nullptr;
    QLabel *m_totals = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableView *m_matrixView = nullptr;
    QTableView *m_sampleView = nullptr;
    QLabel *m_sampleDetail = nullptr;
    QPushButton *m_copyLocation = nullptr;
    QPushButton *m_addSample = nullptr;
    QTableView *m_unmatchedView = nullptr;
    QPushButton *m_addUnmatched = nullptr;
    ReplayCharts *m_charts = nullptr;

    TransitionMatrixModel *m_matrix = nullptr;
    ReplaySampleModel *m_samples = nullptr;
    UnmatchedReplyModel *m_unmatched = nullptr;
};

} // namespace Dsn::Gui
