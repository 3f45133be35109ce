// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QWidget>

#include "eval/OutcomeSummary.h"
#include "project/Sample.h"

class QAction;
class QLabel;
class QLineEdit;
class QTableView;
class QToolButton;
class QUndoStack;

namespace Dsn::Models {
class SampleFilterProxy;
class SampleTableModel;
}

namespace Dsn::Workbench {

/**
 * The samples and their live outcomes: filters over the table, the summary line, and the
 * per-sample actions (expectations, delete, copy). Selection is reported in source rows.
 */
class SamplesPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SamplesPanel)

public:
    SamplesPanel(Models::SampleTableModel *model, QUndoStack *undoStack, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    Models::SampleFilterProxy *proxy() const { return m_proxy; }
    QLineEdit *filterEdit() const { return m_filter; }
    QToolButton *onlyChangedButton() const { return m_onlyChanged; }
    QToolButton *onlyBouncesButton() const { return m_onlyBounces; }
    QToolButton *onlyUnmatchedButton() const { return m_onlyUnmatched; }
    QLabel *summaryLabel() const { return m_summary; }
    QAction *deleteAction() const { return m_delete; }
    QAction *expectCurrentAction() const { return m_expectCurrent; }

    /// Source rows of the selection, ascending.
    QList<int> selectedRows() const;
    void selectSourceRow(int row);

    /// Shown under the table once an evaluation has finished.
    void setSummary(const Eval::OutcomeSummary &summary);
    void setBusy(bool busy);

    /// Applies an expectation to the selected samples (one undo step).
    void expectSelected(const Project::Expectation &expectation, const QString &what);
    void expectCurrentOutcome();
    void deleteSelected();
    void copySelected() const;

Q_SIGNALS:
    /// The current sample changed (source row, -1 when none).
    void currentSampleChanged(int row);

private:
    void showContextMenu(const QPoint &pos);
    void updateSummaryText();

    Models::SampleTableModel *m_model;
    Models::SampleFilterProxy *m_proxy;
    QUndoStack *m_undo;
    QTableView *m_view;
    QLineEdit *m_filter;
    QToolButton *m_onlyChanged;
    QToolButton *m_onlyBounces;
    QToolButton *m_onlyUnmatched;
    QLabel *m_summary;
    QAction *m_delete;
    QAction *m_copy;
    QAction *m_expectCurrent;
    Eval::OutcomeSummary m_lastSummary;
    bool m_hasSummary = false;
    bool m_busy = false;
};

} // namespace Dsn::Workbench
