// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QUndoCommand>

#include "project/Sample.h"

namespace Dsn::Models {
class SampleTableModel;
}

namespace Dsn::Workbench {

/**
 * One undoable edit of the samples: adding a block (paste, import, capture), removing a set
 * of rows, or replacing samples in place (expectations). Removal keeps the rows and their
 * positions, so undo puts each back where it was.
 */
class SampleCommand final : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(Dsn::Workbench::SampleCommand)

public:
    static SampleCommand *append(Models::SampleTableModel *model, const QList<Project::Sample> &samples,
                                 const QString &what);
    /// `rows` in any order; duplicates are ignored.
    static SampleCommand *remove(Models::SampleTableModel *model, QList<int> rows);
    /// Replaces the samples at `rows` with `samples` (same length).
    static SampleCommand *edit(Models::SampleTableModel *model, const QList<int> &rows,
                               const QList<Project::Sample> &samples, const QString &what);

    void redo() override;
    void undo() override;

private:
    enum class Kind { Append, Remove, Edit };
    SampleCommand(Models::SampleTableModel *model, Kind kind, const QString &text);

    Models::SampleTableModel *m_model;
    Kind m_kind;
    int m_first = 0;
    QList<int> m_rows;                 // ascending
    QList<Project::Sample> m_samples;  // appended / new values / removed
    QList<Project::Sample> m_previous; // old values for Edit
};

} // namespace Dsn::Workbench
