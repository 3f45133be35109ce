// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "ReplaySampleModel.h"

#include <QFileInfo>

namespace Dsn::Gui {

ReplaySampleModel::ReplaySampleModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ReplaySampleModel::setSamples(const QList<Replay::ReplaySummary::Sample> &samples)
{
    beginResetModel();
    m_samples = samples;
    endResetModel();
}

void ReplaySampleModel::setRuleNumbering(std::function<int(int)> number)
{
    beginResetModel();
    m_ruleNumber = std::move(number);
    endResetModel();
}

QString ReplaySampleModel::location(const Replay::ReplaySummary::Sample &sample)
{
    return QStringLiteral("%1:%2").arg(sample.file).arg(sample.line);
}

int ReplaySampleModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_samples.size());
}

int ReplaySampleModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReplaySampleModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Replay::ReplaySummary::Sample &s = m_samples.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case FileColumn:
            return QFileInfo(s.file).fileName();
        case LineColumn:
            return s.line;
        case QueueColumn:
            return s.queue;
        case CodeColumn:
            return s.oldCode == s.newCode ? QString::number(s.oldCode)
                                          : QStringLiteral("%1 → %2").arg(s.oldCode).arg(s.newCode);
        case RuleColumn:
            return s.rule < 0 ? tr("none") : QStringLiteral("#%1").arg(m_ruleNumber(s.rule));
        case ResponseColumn:
            return s.response;
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case FileColumn:
        case LineColumn:
            return tr("%1\nDouble-click to copy the location.").arg(location(s));
        case RuleColumn:
            return s.rule < 0 ? tr("No rule of the table matched this reply.")
                              : tr("The lowest-index rule that matched, as KumoMTA picks it.");
        case ResponseColumn:
            return s.response;
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && (index.column() == LineColumn || index.column() == RuleColumn))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant ReplaySampleModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case FileColumn:
        return tr("File");
    case LineColumn:
        return tr("Line");
    case QueueColumn:
        return tr("Queue");
    case CodeColumn:
        return tr("Code (logged → now)");
    case RuleColumn:
        return tr("Rule");
    case ResponseColumn:
        return tr("Response");
    default:
        return {};
    }
}

} // namespace Dsn::Gui
