// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "SamplesPanel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QTableView>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include "OutcomeDelegate.h"
#include "SampleCommand.h"
#include "SampleFilterProxy.h"
#include "SampleTableModel.h"
#include "eval/EvalResult.h"

namespace Dsn::Workbench {

using Models::SampleTableModel;

SamplesPanel::SamplesPanel(SampleTableModel *model, QUndoStack *undoStack, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new Models::SampleFilterProxy(this))
    , m_undo(undoStack)
    , m_view(new QTableView(this))
    , m_filter(new QLineEdit(this))
    , m_onlyChanged(new QToolButton(this))
    , m_onlyBounces(new QToolButton(this))
    , m_onlyUnmatched(new QToolButton(this))
    , m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("samplesPanel"));
    m_proxy->setSourceModel(model);

    m_filter->setObjectName(QStringLiteral("sampleFilter"));
    m_filter->setPlaceholderText(tr("Filter responses, queues, notes…"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(tr("Shows only samples whose response, queue, note, explanation or matched "
                            "pattern contains this text (Ctrl+Shift+F)"));
    auto *focusFilter = new QAction(this);
    focusFilter->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    focusFilter->setShortcutContext(Qt::WindowShortcut);
    connect(focusFilter, &QAction::triggered, this, [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });
    addAction(focusFilter);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &Models::SampleFilterProxy::setText);

    auto setupToggle = [this](QToolButton *b, const QString &name, const QString &text, const QString &tip,
                              const QKeySequence &key, void (Models::SampleFilterProxy::*setter)(bool)) {
        b->setObjectName(name);
        b->setText(text);
        b->setCheckable(true);
        b->setAutoRaise(true);
        b->setShortcut(key);
        b->setToolTip(QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        connect(b, &QToolButton::toggled, m_proxy, setter);
    };
    setupToggle(m_onlyChanged, QStringLiteral("onlyChanged"), tr("Changed"),
                tr("Only samples whose code the policy rewrote"), QKeySequence(Qt::ALT | Qt::Key_1),
                &Models::SampleFilterProxy::setOnlyChanged);
    setupToggle(m_onlyBounces, QStringLiteral("onlyBounces"), tr("Bounces"), tr("Only samples that end as a Bounce"),
                QKeySequence(Qt::ALT | Qt::Key_2), &Models::SampleFilterProxy::setOnlyBounces);
    setupToggle(m_onlyUnmatched, QStringLiteral("onlyUnmatched"), tr("Unmatched"),
                tr("Only samples no rule matched"), QKeySequence(Qt::ALT | Qt::Key_3),
                &Models::SampleFilterProxy::setOnlyUnmatched);

    auto *filterBar = new QHBoxLayout;
    filterBar->setContentsMargins(4, 4, 4, 0);
    filterBar->addWidget(m_filter, 1);
    auto *only = new QLabel(tr("Only:"), this);
    filterBar->addWidget(only);
    filterBar->addWidget(m_onlyChanged);
    filterBar->addWidget(m_onlyBounces);
    filterBar->addWidget(m_onlyUnmatched);

    m_view->setObjectName(QStringLiteral("samplesView"));
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new OutcomeDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // Only the queue is editable in place: it is an input of the event, like the reply.
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    model->setEditHandler([this](int row, const Project::Sample &sample) {
        m_undo->push(SampleCommand::edit(m_model, {row}, {sample}, tr("Edit queue")));
        return true;
    });
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setSortingEnabled(false);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    QHeaderView *h = m_view->horizontalHeader();
    h->setStretchLastSection(true);
    h->setSectionsMovable(true);
    h->resizeSection(SampleTableModel::RecordTypeColumn, 200);
    h->resizeSection(SampleTableModel::CodeColumn, 80);
    h->resizeSection(SampleTableModel::ResponseColumn, 380);
    h->resizeSection(SampleTableModel::QueueColumn, 130);
    h->resizeSection(SampleTableModel::PhaseColumn, 90);
    h->resizeSection(SampleTableModel::MatchedRuleColumn, 200);
    h->resizeSection(SampleTableModel::RewriteNoteColumn, 200);
    h->resizeSection(SampleTableModel::ExplanationColumn, 320);
    connect(m_view, &QWidget::customContextMenuRequested, this, &SamplesPanel::showContextMenu);

    m_delete = new QAction(QIcon::fromTheme(QStringLiteral("edit-delete")), tr("Delete Samples"), this);
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_delete, &QAction::triggered, this, &SamplesPanel::deleteSelected);
    addAction(m_delete);
    m_copy = new QAction(QIcon::fromTheme(QStringLiteral("edit-copy")), tr("Copy Responses"), this);
    m_copy->setShortcut(QKeySequence::Copy);
    m_copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_copy, &QAction::triggered, this, &SamplesPanel::copySelected);
    addAction(m_copy);
    m_expectCurrent = new QAction(tr("Expect Current Outcome"), this);
    m_expectCurrent->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_expectCurrent->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_expectCurrent->setToolTip(tr("Records what the selected samples become now as their expected outcome"));
    connect(m_expectCurrent, &QAction::triggered, this, &SamplesPanel::expectCurrentOutcome);
    addAction(m_expectCurrent);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(filterBar);
    layout->addWidget(m_view, 1);
    m_summary->setObjectName(QStringLiteral("sampleSummary"));
    m_summary->setContentsMargins(6, 2, 6, 4);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                Q_EMIT currentSampleChanged(current.isValid() ? m_proxy->mapToSource(current).row() : -1);
            });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &SamplesPanel::updateSummaryText);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &SamplesPanel::updateSummaryText);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &SamplesPanel::updateSummaryText);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &SamplesPanel::updateSummaryText);
    updateSummaryText();
}

QList<int> SamplesPanel::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        rows.append(m_proxy->mapToSource(index).row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

void SamplesPanel::selectSourceRow(int row)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return;
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void SamplesPanel::setSummary(const Eval::OutcomeSummary &summary)
{
    m_lastSummary = summary;
    m_hasSummary = true;
    updateSummaryText();
}

void SamplesPanel::setBusy(bool busy)
{
    m_busy = busy;
    updateSummaryText();
}

void SamplesPanel::updateSummaryText()
{
    QString text;
    if (m_hasSummary)
        text = m_lastSummary.text();
    else
        text = tr("%n sample(s)", nullptr, m_model->rowCount());
    const int shown = m_proxy->rowCount();
    if (shown != m_model->rowCount())
        text += QStringLiteral(" · ") + tr("%1 shown").arg(shown);
    if (m_busy)
        text += QStringLiteral(" · ") + tr("evaluating…");
    m_summary->setText(text);
}

void SamplesPanel::expectSelected(const Project::Expectation &expectation, const QString &what)
{
    const QList<int> rows = selectedRows();
    if (rows.isEmpty())
        return;
    QList<Project::Sample> edited;
    for (int row : rows) {
        Project::Sample s = m_model->sample(row);
        s.expect = expectation;
        edited.append(s);
    }
    m_undo->push(SampleCommand::edit(m_model, rows, edited, what));
}

void SamplesPanel::expectCurrentOutcome()
{
    const QList<int> rows = selectedRows();
    QList<int> withResult;
    QList<Project::Sample> edited;
    for (int row : rows) {
        const Eval::EvalResult *r = m_model->result(row);
        if (!r)
            continue;
        Project::Sample s = m_model->sample(row);
        s.expect = Project::Expectation{r->recordType, r->response.code, r->rewritten};
        withResult.append(row);
        edited.append(s);
    }
    if (!withResult.isEmpty())
        m_undo->push(SampleCommand::edit(m_model, withResult, edited, tr("Expect current outcome")));
}

void SamplesPanel::deleteSelected()
{
    const QList<int> rows = selectedRows();
    if (!rows.isEmpty())
        m_undo->push(SampleCommand::remove(m_model, rows));
}

void SamplesPanel::copySelected() const
{
    QStringList texts;
    for (int row : selectedRows())
        texts.append(m_model->sample(row).response);
    if (!texts.isEmpty())
        QApplication::clipboard()->setText(texts.join(QStringLiteral("\n\n")));
}

void SamplesPanel::showContextMenu(const QPoint &pos)
{
    QMenu menu(this);
    menu.addAction(m_expectCurrent);
    QMenu *expect = menu.addMenu(tr("Expect"));
    auto addExpectation = [this, expect](const QString &text, const Project::Expectation &e) {
        expect->addAction(text, this, [this, e, text] { expectSelected(e, text); });
    };
    addExpectation(tr("Bounce"), Project::Expectation{RecordType::Bounce, std::nullopt, std::nullopt});
    addExpectation(tr("TransientFailure"), Project::Expectation{RecordType::TransientFailure, std::nullopt, std::nullopt});
    addExpectation(tr("Unchanged (not rewritten)"), Project::Expectation{std::nullopt, std::nullopt, false});
    addExpectation(tr("Rewritten"), Project::Expectation{std::nullopt, std::nullopt, true});
    expect->addSeparator();
    addExpectation(tr("No Expectation"), Project::Expectation{});
    menu.addSeparator();
    menu.addAction(m_copy);
    menu.addAction(m_delete);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

} // namespace Dsn::Workbench
