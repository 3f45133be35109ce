// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QTableView;
class QUndoStack;

namespace Dsn::Models {
class RuleTableModel;
}

namespace Dsn::Workbench {

/**
 * The rules table: pattern, code, note, enabled, how many samples each rule matches and what
 * the linter says about it. Every change, in a cell or through the toolbar, is a command on
 * the project's undo stack.
 */
class RulesPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RulesPanel)

public:
    RulesPanel(Models::RuleTableModel *model, QUndoStack *undoStack, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    QAction *addRuleAction() const { return m_add; }
    QAction *deleteRuleAction() const { return m_delete; }
    QAction *duplicateRuleAction() const { return m_duplicate; }
    QAction *moveUpAction() const { return m_moveUp; }
    QAction *moveDownAction() const { return m_moveDown; }

    int currentRow() const;
    /// Selects `row` and, when `position` ≥ 0, says where in the pattern the problem is.
    void showRule(int row, int position = -1);

    void addRule();
    void deleteRule();
    void duplicateRule();
    void moveRule(int delta);

private:
    void updateActions();
    void updateSummary();
    void selectRow(int row);

    Models::RuleTableModel *m_model;
    QUndoStack *m_undo;
    QTableView *m_view;
    QLabel *m_summary;
    QAction *m_add;
    QAction *m_delete;
    QAction *m_duplicate;
    QAction *m_moveUp;
    QAction *m_moveDown;
};

} // namespace Dsn::Workbench
