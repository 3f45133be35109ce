// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QAbstractTableModel>
#include <QList>

#include "replay/ReplaySummary.h"

namespace Dsn::Gui {

/**
 * Replies no rule matched, grouped by their masked text, most frequent first. Each group keeps
 * one original reply and its queue, which is what "Add to samples" hands on: a sample must be a
 * reply a server really sent, not the masked form.
 */
class UnmatchedReplyModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UnmatchedReplyModel)

public:
    enum Column { CountColumn, TextColumn, QueueColumn, ColumnCount };

    explicit UnmatchedReplyModel(QObject *parent = nullptr);

    /// Keeps the `limit` most frequent groups of `summary`.
    void setSummary(const Replay::ReplaySummary &summary, int limit);
    Replay::ReplaySummary::UnmatchedGroup group(int row) const { return m_groups.value(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Replay::ReplaySummary::UnmatchedGroup> m_groups;
};

} // namespace Dsn::Gui
