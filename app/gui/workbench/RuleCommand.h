// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QUndoCommand>

#include "project/ProjectRule.h"

namespace Dsn::Models {
class RuleTableModel;
}

namespace Dsn::Workbench {

/**
 * One undoable edit of the rules table. The model's structural calls are each their own
 * inverse pair (insert/remove, move/move back, set/set previous), so a command only records
 * which call it made and what it needs to reverse it. Replacing the whole table (an edit in
 * the JSON view) keeps both lists.
 */
class RuleCommand final : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(Dsn::Workbench::RuleCommand)

public:
    enum class Kind { Insert, Remove, Move, Set, Replace };

    static RuleCommand *insert(Models::RuleTableModel *model, int row, const Project::ProjectRule &rule);
    static RuleCommand *remove(Models::RuleTableModel *model, int row);
    static RuleCommand *move(Models::RuleTableModel *model, int from, int to);
    static RuleCommand *set(Models::RuleTableModel *model, int row, const Project::ProjectRule &rule,
                            const QString &what);
    static RuleCommand *replaceAll(Models::RuleTableModel *model, const QList<Project::ProjectRule> &rules,
                                   const QString &what);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

    Kind kind() const { return m_kind; }
    /// The row the analyst should see selected after redo (-1: keep the selection).
    int focusRow() const { return m_focusRow; }

private:
    RuleCommand(Models::RuleTableModel *model, Kind kind, const QString &text);

    Models::RuleTableModel *m_model;
    Kind m_kind;
    int m_row = -1;
    int m_to = -1;
    int m_focusRow = -1;
    Project::ProjectRule m_rule;     // inserted / new value
    Project::ProjectRule m_previous; // removed / old value
    QList<Project::ProjectRule> m_after;
    QList<Project::ProjectRule> m_before;
};

} // namespace Dsn::Workbench
