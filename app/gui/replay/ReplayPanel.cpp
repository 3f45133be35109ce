// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "ReplayPanel.h"

#include <algorithm>
#include <mutex>
#include <optional>

#include <QApplication>
#include <QClipboard>
#include <QCoreApplication>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLabel>
#include <QLocale>
#include <QPalette>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "LogInputList.h"
#include "ReplayCharts.h"
#include "ReplaySampleModel.h"
#include "TransitionMatrixModel.h"
#include "UnmatchedReplyModel.h"
#include "common/Result.h"
#include "replay/ReplayEngine.h"

namespace Dsn::Gui {

namespace {

constexpr int ProgressSteps = 1000;
constexpr int ProgressIntervalMs = 100;
constexpr int UnmatchedRows = 200;
constexpr int MalformedShown = 3;

QString number(qint64 n)
{
    return QLocale().toString(n);
}

QString duration(qint64 ms)
{
    const qint64 s = ms / 1000;
    if (s < 60)
        return QCoreApplication::translate("ReplayPanel", "%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', 1));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

/// A record type as a plural noun for the headline.
QString plural(const QString &type)
{
    if (type == QLatin1String("TransientFailure"))
        return QCoreApplication::translate("ReplayPanel", "deferrals");
    if (type == QLatin1String("Bounce"))
        return QCoreApplication::translate("ReplayPanel", "bounces");
    if (type == QLatin1String("Delivery"))
        return QCoreApplication::translate("ReplayPanel", "deliveries");
    if (type == QLatin1String("Expiration"))
        return QCoreApplication::translate("ReplayPanel", "expirations");
    return QCoreApplication::translate("ReplayPanel", "%1 records").arg(type);
}

QString shortPattern(const QString &pattern)
{
    constexpr int Max = 48;
    return pattern.size() <= Max ? pattern : pattern.left(Max - 1) + QChar(0x2026);
}

QPushButton *makeButton(const QString &text, const QString &name, const QString &tip, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(name);
    button->setToolTip(tip);
    return button;
}

QTableView *makeTable(const QString &name, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setAlternatingRowColors(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setWordWrap(false);
    view->verticalHeader()->setVisible(false);
    view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setHighlightSections(false);
    return view;
}

} // namespace

/// What a worker thread shares with the panel. Owned jointly, so a late callback never touches
/// a destroyed panel; the destructor still waits, because the engine borrows the config.
struct ReplayPanel::RunState
{
    explicit RunState(Replay::ReplayOptions options)
        : engine(std::move(options))
    {
    }

    Replay::ReplayEngine engine;
    std::mutex mutex;
    Replay::ReplayProgress progress;   // guarded by mutex
    std::optional<Result<Replay::ReplaySummary>> result;   // written before the future finishes
};

ReplayPanel::ReplayPanel(QWidget *parent)
    : QWidget(parent)
    , m_progressTimer(new QTimer(this))
    , m_matrix(new TransitionMatrixModel(this))
    , m_samples(new ReplaySampleModel(this))
    , m_unmatched(new UnmatchedReplyModel(this))
{
    // Polling at a fixed rate is the throttle: however fast chunks complete, the GUI repaints
    // ten times a second and the worker never posts events into a busy event loop.
    m_progressTimer->setInterval(ProgressIntervalMs);
    connect(m_progressTimer, &QTimer::timeout, this, &ReplayPanel::pollProgress);
    connect(&m_watcher, &QFutureWatcher<void>::finished, this, &ReplayPanel::onRunFinished);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildInputArea(), 0);
    layout->addWidget(buildResults(), 1);

    // Input first, then what to do with it, then the results top to bottom.
    const QList<QWidget *> order{m_inputs, m_addFiles, m_addFolder, m_remove, m_clear, m_threads, m_runButton,
                                 m_cancelButton, m_open, m_save, m_runAgain, m_tabs, m_matrixView, m_copyLocation,
                                 m_addSample, m_sampleView};
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
    applyPalette();
    setStatus(tr("Add KumoMTA log files or folders, then Run to see what the current rules would change."), false);
    showSummary();
}

ReplayPanel::~ReplayPanel()
{
    if (m_run) {
        m_run->engine.cancel();
        m_watcher.waitForFinished();
    }
}

QWidget *ReplayPanel::buildInputArea()
{
    auto *area = new QWidget(this);
    m_inputs = new LogInputList(area);
    m_inputs->setObjectName(QStringLiteral("inputList"));
    connect(m_inputs, &LogInputList::pathsChanged, this, &ReplayPanel::updateButtons);
    connect(m_inputs, &QTreeWidget::itemSelectionChanged, this, &ReplayPanel::updateButtons);

    m_addFiles = makeButton(tr("Add &Files…"), QStringLiteral("addFilesButton"),
                            tr("Add KumoMTA log files, plain or zstd-compressed."), area);
    m_addFolder = makeButton(tr("Add F&older…"), QStringLiteral("addFolderButton"),
                             tr("Add a folder: every log file below it is read, in path order."), area);
    m_remove = makeButton(tr("&Remove"), QStringLiteral("removeButton"), tr("Remove the selected entries (Delete)."), area);
    m_clear = makeButton(tr("Cl&ear"), QStringLiteral("clearButton"), tr("Remove every entry."), area);
    connect(m_addFiles, &QPushButton::clicked, this, &ReplayPanel::addFiles);
    connect(m_addFolder, &QPushButton::clicked, this, &ReplayPanel::addFolder);
    connect(m_remove, &QPushButton::clicked, m_inputs, &LogInputList::removeSelected);
    connect(m_clear, &QPushButton::clicked, this, [this] { m_inputs->setPaths({}); });

    auto *fileButtons = new QVBoxLayout;
    fileButtons->addWidget(m_addFiles);
    fileButtons->addWidget(m_addFolder);
    fileButtons->addWidget(m_remove);
    fileButtons->addWidget(m_clear);
    fileButtons->addStretch(1);
    auto *files = new QHBoxLayout;
    files->addWidget(m_inputs, 1);
    files->addLayout(fileButtons);

    m_threads = new QSpinBox(area);
    m_threads->setObjectName(QStringLiteral("threadsSpin"));
    m_threads->setRange(0, 256);
    m_threads->setSpecialValueText(tr("All cores (%1)").arg(QThread::idealThreadCount()));
    m_threads->setToolTip(tr("Worker threads; each evaluates with its own copy of the policy. Results do not depend on it."));
    auto *threadsLabel = new QLabel(tr("&Threads:"), area);
    threadsLabel->setBuddy(m_threads);

    m_runButton = makeButton(tr("R&un"), QStringLiteral("runButton"),
                       tr("Replay the logs through the current rules and policy."), area);
    m_runButton->setDefault(true);
    m_cancelButton = makeButton(tr("&Cancel"), QStringLiteral("cancelButton"),
                          tr("Stop the replay; the records read so far stay as a partial result."), area);
    m_open = makeButton(tr("O&pen Summary…"), QStringLiteral("openSummaryButton"),
                        tr("Show one or several saved summaries (replay --json), merged: a fleet's replay in one view."), area);
    m_save = makeButton(tr("&Save Summary…"), QStringLiteral("saveSummaryButton"),
                        tr("Save this replay's summary as JSON, the format of dsn-workbench-cli replay --json."), area);
    connect(m_runButton, &QPushButton::clicked, this, &ReplayPanel::start);
    connect(m_cancelButton, &QPushButton::clicked, this, &ReplayPanel::cancel);
    connect(m_open, &QPushButton::clicked, this, &ReplayPanel::openSummaryDialog);
    connect(m_save, &QPushButton::clicked, this, &ReplayPanel::saveSummaryDialog);

    auto *controls = new QHBoxLayout;
    controls->addWidget(threadsLabel);
    controls->addWidget(m_threads);
    controls->addSpacing(12);
    controls->addWidget(m_runButton);
    controls->addWidget(m_cancelButton);
    controls->addStretch(1);
    controls->addWidget(m_open);
    controls->addWidget(m_save);

    m_progress = new QProgressBar(area);
    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_progress->setRange(0, ProgressSteps);
    m_progress->setValue(0);
    m_progress->hide();
    m_progress->setToolTip(tr("Bytes read of all files (compressed size for zstd files)."));
    m_progressText = new QLabel(area);
    m_progressText->setObjectName(QStringLiteral("progressText"));
    m_progressText->hide();
    m_status = new QLabel(area);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_malformed = new QLabel(area);
    m_malformed->setObjectName(QStringLiteral("malformedLabel"));
    m_malformed->setWordWrap(true);
    m_malformed->setTextFormat(Qt::PlainText);
    m_malformed->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_staleBar = new QFrame(area);
    m_staleBar->setObjectName(QStringLiteral("staleBar"));
    m_staleBar->setFrameShape(QFrame::StyledPanel);
    m_staleBar->setAutoFillBackground(true);
    auto *staleText = new QLabel(tr("The rules or the policy changed since this replay; its results may be out of date."),
                                 m_staleBar);
    staleText->setWordWrap(true);
    m_runAgain = makeButton(tr("Run &Again"), QStringLiteral("runAgainButton"),
                            tr("Replay the same logs through the current rules and policy."), m_staleBar);
    connect(m_runAgain, &QPushButton::clicked, this, &ReplayPanel::start);
    auto *staleLayout = new QHBoxLayout(m_staleBar);
    staleLayout->setContentsMargins(8, 4, 8, 4);
    staleLayout->addWidget(staleText, 1);
    staleLayout->addWidget(m_runAgain);
    m_staleBar->hide();

    m_totals = new QLabel(area);
    m_totals->setObjectName(QStringLiteral("totalsLabel"));
    m_totals->setWordWrap(true);
    m_totals->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_headline = new QLabel(area);
    m_headline->setObjectName(QStringLiteral("headlineLabel"));
    m_headline->setWordWrap(true);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont big = m_headline->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    big.setBold(true);
    m_headline->setFont(big);

    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_progressText, 2);

    auto *layout = new QVBoxLayout(area);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(files, 1);
    layout->addLayout(controls);
    layout->addLayout(progressRow);
    layout->addWidget(m_status);
    layout->addWidget(m_malformed);
    layout->addWidget(m_staleBar);
    layout->addWidget(m_headline);
    layout->addWidget(m_totals);
    m_inputs->setMinimumHeight(70);
    // Room for a handful of entries; the results below need the height more.
    m_inputs->setMaximumHeight(fontMetrics().height() * 9);
    return area;
}

QWidget *ReplayPanel::buildResults()
{
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("resultTabs"));
    m_tabs->addTab(buildTransitionsTab(), tr("&Transitions"));
    m_charts = new ReplayCharts(m_tabs);
    m_charts->setObjectName(QStringLiteral("replayCharts"));
    m_tabs->addTab(m_charts, tr("C&harts"));
    m_tabs->addTab(buildUnmatchedTab(), tr("U&nmatched Replies"));
    return m_tabs;
}

QWidget *ReplayPanel::buildTransitionsTab()
{
    auto *tab = new QWidget(m_tabs);
    m_matrixView = new QTableView(tab);
    m_matrixView->setObjectName(QStringLiteral("matrixView"));
    m_matrixView->setModel(m_matrix);
    m_matrixView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_matrixView->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_matrixView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_matrixView->horizontalHeader()->setMinimumSectionSize(110);
    m_matrixView->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_matrixView->setToolTip(tr("Rows: the record type as logged. Columns: the type under the current rules. "
                                "Changed transitions are bold. Select a cell to list its sample records."));
    connect(m_matrixView->selectionModel(), &QItemSelectionModel::currentChanged, this, &ReplayPanel::onCellChanged);

    m_sampleView = makeTable(QStringLiteral("sampleView"), tab);
    m_sampleView->setModel(m_samples);
    m_sampleView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_sampleView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_sampleView->horizontalHeader()->setStretchLastSection(true);
    m_sampleView->setToolTip(tr("The first records of the selected transition, by file and line."));
    connect(m_sampleView, &QTableView::doubleClicked, this, &ReplayPanel::copySampleLocation);
    connect(m_sampleView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ReplayPanel::updateButtons);
    connect(m_sampleView->selectionModel(), &QItemSelectionModel::currentChanged, this, &ReplayPanel::showSampleDetail);

    m_copyLocation = makeButton(tr("Copy &Location"), QStringLiteral("copyLocationButton"),
                                tr("Copy the record's file:line to the clipboard (also on double-click)."), tab);
    m_addSample = makeButton(tr("&Add to Samples"), QStringLiteral("addSampleButton"),
                             tr("Add this record's reply and queue to the project's samples."), tab);
    connect(m_copyLocation, &QPushButton::clicked, this, &ReplayPanel::copySampleLocation);
    connect(m_addSample, &QPushButton::clicked, this, &ReplayPanel::addSelectedSample);

    auto *sampleButtons = new QHBoxLayout;
    auto *sampleTitle = new QLabel(tr("Sample recor&ds of the selected transition:"), tab);
    sampleTitle->setBuddy(m_sampleView);
    sampleButtons->addWidget(sampleTitle, 1);
    sampleButtons->addWidget(m_copyLocation);
    sampleButtons->addWidget(m_addSample);

    auto *lower = new QWidget(tab);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addLayout(sampleButtons);
    lowerLayout->addWidget(m_sampleView, 1);
    m_sampleDetail = new QLabel(lower);
    m_sampleDetail->setObjectName(QStringLiteral("sampleDetail"));
    m_sampleDetail->setTextFormat(Qt::PlainText);
    m_sampleDetail->setWordWrap(true);
    m_sampleDetail->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_sampleDetail->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_sampleDetail->setToolTip(tr("The selected record in full."));
    lowerLayout->addWidget(m_sampleDetail);

    auto *splitter = new QSplitter(Qt::Vertical, tab);
    splitter->addWidget(m_matrixView);
    splitter->addWidget(lower);
    splitter->setChildrenCollapsible(false);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(splitter);
    return tab;
}

QWidget *ReplayPanel::buildUnmatchedTab()
{
    auto *tab = new QWidget(m_tabs);
    m_unmatchedView = makeTable(QStringLiteral("unmatchedView"), tab);
    m_unmatchedView->setModel(m_unmatched);
    m_unmatchedView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_unmatchedView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_unmatchedView->horizontalHeader()->setSectionResizeMode(UnmatchedReplyModel::TextColumn, QHeaderView::Stretch);
    m_unmatchedView->setToolTip(tr("Replies no rule of the table matched, grouped after masking addresses, IPs and "
                                   "IDs; most frequent first. Hover for an original example."));
    connect(m_unmatchedView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ReplayPanel::updateButtons);
    m_addUnmatched = makeButton(tr("&Add to Samples"), QStringLiteral("addUnmatchedButton"),
                                tr("Add an original reply of each selected group, with its queue, to the samples."), tab);
    connect(m_addUnmatched, &QPushButton::clicked, this, &ReplayPanel::addSelectedUnmatched);
    auto *row = new QHBoxLayout;
    auto *title = new QLabel(tr("Replies no rule &matched:"), tab);
    title->setBuddy(m_unmatchedView);
    row->addWidget(title, 1);
    row->addWidget(m_addUnmatched);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(row);
    layout->addWidget(m_unmatchedView, 1);
    return tab;
}

void ReplayPanel::setRuleNumbering(std::function<int(int)> number)
{
    m_ruleNumber = number;
    m_samples->setRuleNumbering(number);
    m_charts->setRuleNumbering(std::move(number));
    showSummary();
}

void ReplayPanel::setConfigProvider(std::function<Eval::EvaluatorConfig()> provider)
{
    m_provider = std::move(provider);
}

void ReplayPanel::setPaths(const QStringList &paths)
{
    m_inputs->setPaths(paths);
}

QStringList ReplayPanel::paths() const
{
    return m_inputs->paths();
}

void ReplayPanel::setThreads(int threads)
{
    m_threads->setValue(std::max(0, threads));
}

int ReplayPanel::threads() const
{
    return m_threads->value();
}

void ReplayPanel::setChunkLines(int lines)
{
    m_chunkLines = std::max(1, lines);
}

bool ReplayPanel::isRunning() const
{
    return m_run != nullptr;
}

void ReplayPanel::markStale()
{
    m_stale = true;
    updateButtons();
}

QString ReplayPanel::statusText() const
{
    return m_status->text();
}

QString ReplayPanel::headline() const
{
    return m_headline->text();
}

void ReplayPanel::start()
{
    if (isRunning())
        return;
    const QStringList inputs = paths();
    if (inputs.isEmpty()) {
        setStatus(tr("Nothing to replay: add log files or a folder first."), true);
        return;
    }
    Replay::ReplayOptions options;
    options.config = m_provider ? m_provider() : Eval::EvaluatorConfig{};
    options.threads = threads();
    options.chunkLines = m_chunkLines;
    m_run = std::make_shared<RunState>(std::move(options));
    const std::shared_ptr<RunState> run = m_run;
    run->engine.setProgressCallback([run](const Replay::ReplayProgress &p) {
        const std::lock_guard lock(run->mutex);
        run->progress = p;
    });

    m_clock.start();
    m_progress->setValue(0);
    m_progress->show();
    m_progressText->show();
    m_progressText->clear();
    setStatus(tr("Replaying %n path(s)…", nullptr, int(inputs.size())), false);
    m_watcher.setFuture(QtConcurrent::run([run, inputs] { run->result.emplace(run->engine.run(inputs)); }));
    m_progressTimer->start();
    updateButtons();
    Q_EMIT started();
}

void ReplayPanel::cancel()
{
    if (!m_run)
        return;
    m_run->engine.cancel();
    setStatus(tr("Cancelling…"), false);
    m_cancelButton->setEnabled(false);
}

void ReplayPanel::pollProgress()
{
    if (!m_run)
        return;
    Replay::ReplayProgress p;
    {
        const std::lock_guard lock(m_run->mutex);
        p = m_run->progress;
    }
    const qint64 elapsed = std::max<qint64>(1, m_clock.elapsed());
    m_progress->setValue(p.totalBytes > 0 ? int(p.bytesRead * ProgressSteps / p.totalBytes) : 0);
    QString text = tr("%1 of %2 · %3 records · %4 records/s · %5 elapsed")
                       .arg(QLocale().formattedDataSize(p.bytesRead), QLocale().formattedDataSize(p.totalBytes),
                            number(p.lines), number(p.lines * 1000 / elapsed), duration(elapsed));
    if (p.bytesRead > 0 && p.bytesRead < p.totalBytes)
        text += tr(", about %1 left").arg(duration(elapsed * (p.totalBytes - p.bytesRead) / p.bytesRead));
    m_progressText->setText(text);
}

void ReplayPanel::onRunFinished()
{
    if (!m_run)
        return;
    m_progressTimer->stop();
    pollProgress();
    const std::shared_ptr<RunState> run = std::exchange(m_run, nullptr);
    const qint64 elapsed = m_clock.elapsed();
    const bool cancelled = run->engine.cancelled();
    if (!run->result || !run->result->ok()) {
        const QString why = run->result ? run->result->error().toString() : tr("the replay ended without a result");
        setStatus(tr("Replay failed: %1").arg(why), true);
        updateButtons();
        Q_EMIT finished(cancelled);
        return;
    }
    m_summary = std::move(*run->result).value();
    m_stale = false;
    if (cancelled) {
        setStatus(tr("Cancelled after %1: partial results for the first %2 records.").arg(duration(elapsed), number(m_summary.records())),
                  false);
    } else {
        m_progress->setValue(ProgressSteps);
        setStatus(tr("Done in %1: %2 records read, %3 failures replayed.")
                      .arg(duration(elapsed), number(m_summary.records()), number(m_summary.evaluated())),
                  false);
    }
    showSummary();
    Q_EMIT finished(cancelled);
}

void ReplayPanel::showSummary()
{
    m_matrix->setSummary(m_summary);
    m_charts->setSummary(m_summary);
    m_unmatched->setSummary(m_summary, UnmatchedRows);
    m_samples->setSamples({});
    m_tabs->setTabText(2, m_summary.unmatched() > 0 ? tr("U&nmatched Replies (%1)").arg(number(m_summary.unmatched()))
                                                    : tr("U&nmatched Replies"));
    m_unmatchedView->resizeColumnToContents(UnmatchedReplyModel::CountColumn);
    updateHeadline();
    updateMalformed();

    // Open on the largest changed transition: it is the question the replay answers.
    QModelIndex best = m_matrix->largestChange();
    if (!best.isValid() && m_matrix->rowCount() > 0)
        best = m_matrix->index(0, 0);
    if (best.isValid())
        m_matrixView->setCurrentIndex(best);
    m_sampleView->resizeColumnsToContents();
    fitMatrixHeight();
    updateButtons();
}

void ReplayPanel::fitMatrixHeight()
{
    // The matrix has a handful of rows; any height beyond them is better spent on the samples.
    m_matrixView->resizeRowsToContents();
    int height = m_matrixView->horizontalHeader()->sizeHint().height() + 2 * m_matrixView->frameWidth() + 2;
    for (int r = 0; r < m_matrix->rowCount(); ++r)
        height += m_matrixView->rowHeight(r);
    if (m_matrix->rowCount() == 0)
        height += m_matrixView->verticalHeader()->defaultSectionSize() * 2;
    m_matrixView->setMaximumHeight(height);
}

void ReplayPanel::updateHeadline()
{
    if (m_summary.records() == 0) {
        m_headline->setText(m_summary.malformed() > 0 ? tr("No readable record in these logs.") : QString());
        m_totals->clear();
        return;
    }
    const QModelIndex largest = m_matrix->largestChange();
    const std::pair<QString, QString> top{m_matrix->fromType(largest.row()), m_matrix->toType(largest.column())};
    const qint64 topCount = m_matrix->count(largest);
    QString text;
    if (topCount == 0) {
        text = tr("No logged failure would change its record type under the current rules.");
    } else {
        text = tr("%1 %2 would become %3").arg(number(topCount), plural(top.first), plural(top.second));
        const auto cell = m_summary.transitionCells().find(top);
        const Replay::ReplaySummary::RuleCounts *rules =
            cell != m_summary.transitionCells().end() ? &cell->second.rules : nullptr;
        // Summaries saved before cells counted their rules have none in any cell.
        const bool cellsKnowRules = std::any_of(m_summary.transitionCells().begin(), m_summary.transitionCells().end(),
                                                [](const auto &c) { return !c.second.rules.empty(); });
        if (rules && !rules->empty()) {
            const auto best = std::max_element(rules->begin(), rules->end(),
                                               [](const auto &a, const auto &b) { return a.second < b.second; });
            text += tr(", %1% of them from rule #%2 (%3)")
                        .arg(best->second * 100 / topCount)
                        .arg(m_ruleNumber(best->first.first))
                        .arg(shortPattern(best->first.second));
            text += QLatin1Char('.');
        } else if (cellsKnowRules) {
            // Typically replies a policy in production rewrote (the log says so) that no rule of
            // this table matches any more: the change is a rule's absence, not a rule.
            text += tr(": no rule of this table matches them.");
        } else if (!m_summary.ruleCounts().empty()) {
            // A summary saved before cells counted their rules does not say which rule caused
            // which transition; the busiest rule overall is the next best pointer.
            const auto busiest = std::max_element(m_summary.ruleCounts().begin(), m_summary.ruleCounts().end(),
                                                  [](const auto &a, const auto &b) { return a.second < b.second; });
            text += tr("; rule #%1 (%2) matched the most replies (%3).")
                        .arg(m_ruleNumber(busiest->first.first))
                        .arg(shortPattern(busiest->first.second), number(busiest->second));
        } else {
            text += QLatin1Char('.');
        }
    }
    m_headline->setText(text);
    m_totals->setText(tr("%1 records read · %2 failures replayed · %3 rewritten by the policy · %4 different from "
                         "the log · %5 matched by no rule")
                          .arg(number(m_summary.records()), number(m_summary.evaluated()),
                               number(m_summary.rewritten()), number(m_summary.changed()),
                               number(m_summary.unmatched())));
}

void ReplayPanel::updateMalformed()
{
    const auto &examples = m_summary.malformedExamples();
    if (m_summary.malformed() == 0) {
        m_malformed->clear();
        m_malformed->setToolTip(QString());
        m_malformed->hide();
        return;
    }
    QStringList lines;
    for (const auto &m : examples)
        lines << QStringLiteral("%1:%2: %3").arg(QDir::toNativeSeparators(m.file)).arg(m.line).arg(m.reason);
    const QStringList shown = lines.mid(0, MalformedShown);
    m_malformed->setText(tr("%1 malformed lines skipped, first: %2").arg(number(m_summary.malformed()),
                                                                           shown.join(QStringLiteral("; "))));
    m_malformed->setToolTip(lines.join(QLatin1Char('\n')));
    m_malformed->show();
}

bool ReplayPanel::selectTransition(const QString &from, const QString &to)
{
    const QModelIndex index = m_matrix->indexOf(from, to);
    if (!index.isValid())
        return false;
    m_matrixView->setCurrentIndex(index);
    return true;
}

void ReplayPanel::onCellChanged()
{
    m_samples->setSamples(m_matrix->samples(m_matrixView->currentIndex()));
    if (m_samples->rowCount() > 0)
        m_sampleView->selectRow(0);
    m_sampleView->resizeColumnsToContents();
    showSampleDetail();
    updateButtons();
}

void ReplayPanel::showSampleDetail()
{
    const QModelIndex current = m_sampleView->currentIndex();
    if (!current.isValid()) {
        m_sampleDetail->clear();
        return;
    }
    const auto s = m_samples->sample(current.row());
    const QString rule = s.rule < 0 ? tr("no rule matched") : tr("rule #%1").arg(m_ruleNumber(s.rule));
    m_sampleDetail->setText(tr("%1 · queue %2 · %3 → %4 · %5\n%6")
                                .arg(QDir::toNativeSeparators(ReplaySampleModel::location(s)), s.queue)
                                .arg(s.oldCode)
                                .arg(s.newCode)
                                .arg(rule, s.response));
}

void ReplayPanel::copySampleLocation()
{
    const QModelIndex current = m_sampleView->currentIndex();
    if (!current.isValid())
        return;
    const QString location = ReplaySampleModel::location(m_samples->sample(current.row()));
    QApplication::clipboard()->setText(location);
    setStatus(tr("Copied %1").arg(location), false);
}

void ReplayPanel::addSelectedSample()
{
    const QModelIndex current = m_sampleView->currentIndex();
    if (!current.isValid())
        return;
    const auto sample = m_samples->sample(current.row());
    Q_EMIT addSampleRequested(sample.response, sample.queue);
}

void ReplayPanel::addSelectedUnmatched()
{
    QModelIndexList rows = m_unmatchedView->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const QModelIndex &row : rows) {
        const auto group = m_unmatched->group(row.row());
        // A group opened from an old summary may lack its example; the masked text is the best left.
        Q_EMIT addSampleRequested(group.example.isEmpty() ? group.text : group.example, group.queue);
    }
}

void ReplayPanel::addFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Add KumoMTA Log Files"), QString(),
        // KumoMTA names its segments by timestamp, without an extension: all files come first.
        tr("All files (*);;zstd-compressed logs (*.zst)"));
    m_inputs->addPaths(files);
}

void ReplayPanel::addFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Add a Folder of KumoMTA Logs"));
    if (!folder.isEmpty())
        m_inputs->addPaths({folder});
}

void ReplayPanel::openSummaryDialog()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Open Replay Summaries"), QString(),
                                                            tr("Replay summaries (*.json);;All files (*)"));
    if (!files.isEmpty())
        openSummaries(files);
}

void ReplayPanel::saveSummaryDialog()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Save Replay Summary"),
                                                      QStringLiteral("replay-summary.json"),
                                                      tr("Replay summaries (*.json)"));
    if (!file.isEmpty())
        saveSummary(file);
}

bool ReplayPanel::openSummaries(const QStringList &files)
{
    if (isRunning() || files.isEmpty())
        return false;
    std::optional<Replay::ReplaySummary> total;
    for (const QString &path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            setStatus(tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()), true);
            return false;
        }
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
        if (error.error != QJsonParseError::NoError) {
            setStatus(tr("%1 is not JSON: %2").arg(QDir::toNativeSeparators(path), error.errorString()), true);
            return false;
        }
        auto summary = Replay::ReplaySummary::fromJson(doc.object());
        if (!summary) {
            setStatus(tr("%1: %2").arg(QDir::toNativeSeparators(path), summary.error().message), true);
            return false;
        }
        if (total)
            total->merge(*summary);
        else
            total = std::move(summary).value();
    }
    m_summary = std::move(*total);
    m_progress->hide();
    m_progressText->hide();
    m_stale = false;
    setStatus(files.size() == 1 ? tr("Opened %1: %2 records.").arg(QDir::toNativeSeparators(files.first()), number(m_summary.records()))
                                : tr("Opened and merged %1 summaries: %2 records.").arg(files.size()).arg(number(m_summary.records())),
              false);
    showSummary();
    return true;
}

bool ReplayPanel::saveSummary(const QString &path)
{
    QSaveFile file(path);
    const QByteArray json = QJsonDocument(m_summary.toJson()).toJson(QJsonDocument::Indented);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        setStatus(tr("Cannot save %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()), true);
        return false;
    }
    setStatus(tr("Saved the summary to %1.").arg(QDir::toNativeSeparators(path)), false);
    return true;
}

void ReplayPanel::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_statusIsError = error;
    applyPalette();
}

void ReplayPanel::updateButtons()
{
    const bool running = isRunning();
    const bool hasPaths = !m_inputs->paths().isEmpty();
    const bool hasResult = m_summary.records() > 0 || m_summary.malformed() > 0;
    m_addFiles->setEnabled(!running);
    m_addFolder->setEnabled(!running);
    m_inputs->setEnabled(!running);
    m_remove->setEnabled(!running && !m_inputs->selectedItems().isEmpty());
    m_clear->setEnabled(!running && hasPaths);
    m_threads->setEnabled(!running);
    m_runButton->setEnabled(!running && hasPaths);
    m_cancelButton->setEnabled(running && !m_run->engine.cancelled());
    m_open->setEnabled(!running);
    m_save->setEnabled(!running && hasResult);
    m_staleBar->setVisible(m_stale && hasResult && !running);
    m_runAgain->setEnabled(hasPaths);
    const bool sampleSelected = m_sampleView->selectionModel()->hasSelection();
    m_copyLocation->setEnabled(sampleSelected);
    m_addSample->setEnabled(sampleSelected);
    m_addUnmatched->setEnabled(m_unmatchedView->selectionModel()->hasSelection());
}

void ReplayPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void ReplayPanel::applyPalette()
{
    const QPalette pal = palette();
    const bool dark = pal.color(QPalette::Window).lightness() < 128;
    m_matrix->setPalette(pal);
    QPalette status = m_status->palette();
    status.setColor(QPalette::WindowText, m_statusIsError ? (dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x1c, 0x1c))
                                                          : pal.color(QPalette::WindowText));
    m_status->setPalette(status);
    QPalette stale = m_staleBar->palette();
    stale.setColor(QPalette::Window, dark ? QColor(0x5a, 0x48, 0x10) : QColor(0xff, 0xf4, 0xce));
    stale.setColor(QPalette::WindowText, pal.color(QPalette::WindowText));
    m_staleBar->setPalette(stale);
}

} // namespace Dsn::Gui
