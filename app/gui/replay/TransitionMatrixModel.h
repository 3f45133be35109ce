// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <map>
#include <utility>

#include <QAbstractTableModel>
#include <QList>
#include <QPalette>
#include <QString>
#include <QStringList>

#include "replay/ReplaySummary.h"

namespace Dsn::Gui {

/**
 * The replay's transition matrix: rows are the record types as logged, columns the record types
 * the current policy gives, cells the number of re-evaluated failures. Cells are heat-coloured
 * from the palette (log scale, so a 10-record cell next to a million-record one stays visible)
 * and cells whose type changed are bold in a warm colour: they are what the analyst came for.
 */
class TransitionMatrixModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TransitionMatrixModel)

public:
    enum Role { CountRole = Qt::UserRole + 1, ChangedRole };

    explicit TransitionMatrixModel(QObject *parent = nullptr);

    void setSummary(const Replay::ReplaySummary &summary);
    /// The heat colours are mixed from this palette's Base, Highlight and Text.
    void setPalette(const QPalette &palette);

    QString fromType(int row) const { return m_from.value(row); }
    QString toType(int column) const { return m_to.value(column); }
    qint64 count(const QModelIndex &index) const;
    /// The first sample records of a cell (ReplaySummary::Limits::samplesPerCell of them).
    QList<Replay::ReplaySummary::Sample> samples(const QModelIndex &index) const;
    /// The cell with the most records whose type changed; invalid when none changed.
    QModelIndex largestChange() const;
    /// Invalid when the transition did not occur.
    QModelIndex indexOf(const QString &from, const QString &to) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const Replay::ReplaySummary::Cell *cell(const QModelIndex &index) const;

    QStringList m_from;
    QStringList m_to;
    Replay::ReplaySummary::TransitionMap m_cells;
    qint64 m_max = 0;
    QPalette m_palette;
};

} // namespace Dsn::Gui
