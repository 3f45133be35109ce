// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "UnmatchedReplyModel.h"

#include <QLocale>

namespace Dsn::Gui {

UnmatchedReplyModel::UnmatchedReplyModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void UnmatchedReplyModel::setSummary(const Replay::ReplaySummary &summary, int limit)
{
    beginResetModel();
    m_groups = summary.topUnmatchedGroups(limit);
    endResetModel();
}

int UnmatchedReplyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_groups.size());
}

int UnmatchedReplyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UnmatchedReplyModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Replay::ReplaySummary::UnmatchedGroup &g = m_groups.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case CountColumn:
            return QLocale().toString(g.count);
        case TextColumn:
            return g.text;
        case QueueColumn:
            return g.queue;
        default:
            return {};
        }
    case Qt::UserRole:
        return index.column() == CountColumn ? QVariant(g.count) : data(index, Qt::DisplayRole);
    case Qt::ToolTipRole:
        if (g.example.isEmpty())
            return g.text;
        return tr("Masked: %1\nExample: %2\nQueue: %3\nLogged at %4:%5")
            .arg(g.text, g.example, g.queue, g.file, QString::number(g.line));
    case Qt::TextAlignmentRole:
        if (index.column() == CountColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant UnmatchedReplyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CountColumn:
        return tr("Count");
    case TextColumn:
        return tr("Reply (variable parts masked)");
    case QueueColumn:
        return tr("Example queue");
    default:
        return {};
    }
}

} // namespace Dsn::Gui
