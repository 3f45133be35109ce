// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "TransitionMatrixModel.h"

#include <algorithm>
#include <cmath>

#include <QColor>
#include <QFont>
#include <QLocale>

namespace Dsn::Gui {

namespace {

/// Logged types in the order an analyst reads them (success first, then softer to harder
/// failures); types the spec adds later sort after them by name.
int typeRank(const QString &type)
{
    static const QStringList order{QStringLiteral("Delivery"), QStringLiteral("TransientFailure"),
                                   QStringLiteral("Bounce"), QStringLiteral("Expiration")};
    const qsizetype i = order.indexOf(type);
    return i < 0 ? int(order.size()) : int(i);
}

void sortTypes(QStringList &types)
{
    std::sort(types.begin(), types.end(), [](const QString &a, const QString &b) {
        const int ra = typeRank(a);
        const int rb = typeRank(b);
        return ra != rb ? ra < rb : a < b;
    });
}

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t), float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

} // namespace

TransitionMatrixModel::TransitionMatrixModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void TransitionMatrixModel::setSummary(const Replay::ReplaySummary &summary)
{
    beginResetModel();
    m_cells = summary.transitionCells();
    m_from.clear();
    m_to.clear();
    m_max = 0;
    for (const auto &[key, cell] : m_cells) {
        if (!m_from.contains(key.first))
            m_from << key.first;
        if (!m_to.contains(key.second))
            m_to << key.second;
        m_max = std::max(m_max, cell.count);
    }
    sortTypes(m_from);
    sortTypes(m_to);
    endResetModel();
}

void TransitionMatrixModel::setPalette(const QPalette &palette)
{
    m_palette = palette;
    if (rowCount() > 0 && columnCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1),
                           {Qt::BackgroundRole, Qt::ForegroundRole});
}

const Replay::ReplaySummary::Cell *TransitionMatrixModel::cell(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return nullptr;
    const auto it = m_cells.find({m_from.at(index.row()), m_to.at(index.column())});
    return it == m_cells.end() ? nullptr : &it->second;
}

qint64 TransitionMatrixModel::count(const QModelIndex &index) const
{
    const auto *c = cell(index);
    return c ? c->count : 0;
}

QList<Replay::ReplaySummary::Sample> TransitionMatrixModel::samples(const QModelIndex &index) const
{
    const auto *c = cell(index);
    return c ? c->samples : QList<Replay::ReplaySummary::Sample>{};
}

QModelIndex TransitionMatrixModel::largestChange() const
{
    const auto largest = std::max_element(m_cells.begin(), m_cells.end(), [](const auto &a, const auto &b) {
        const qint64 na = a.first.first != a.first.second ? a.second.count : 0;
        const qint64 nb = b.first.first != b.first.second ? b.second.count : 0;
        return na < nb;
    });
    if (largest == m_cells.end() || largest->first.first == largest->first.second)
        return {};
    return indexOf(largest->first.first, largest->first.second);
}

QModelIndex TransitionMatrixModel::indexOf(const QString &from, const QString &to) const
{
    const qsizetype row = m_from.indexOf(from);
    const qsizetype column = m_to.indexOf(to);
    if (row < 0 || column < 0 || !m_cells.contains({from, to}))
        return {};
    return index(int(row), int(column));
}

int TransitionMatrixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_from.size());
}

int TransitionMatrixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_to.size());
}

QVariant TransitionMatrixModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const auto *c = cell(index);
    const bool changed = m_from.at(index.row()) != m_to.at(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return c ? QLocale().toString(c->count) : QString();
    case CountRole:
        return c ? c->count : qint64(0);
    case ChangedRole:
        return changed;
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole:
        if (c && changed) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::BackgroundRole:
    case Qt::ForegroundRole: {
        if (!c || m_max <= 0)
            return {};
        // Log scale from a light tint up to 70% of the accent (55% for the highlight colour, so
        // the selected cell still stands out).
        const double top = changed ? 0.70 : 0.55;
        const double t = 0.10 + (top - 0.10) * std::log1p(double(c->count)) / std::log1p(double(m_max));
        const QColor accent = changed ? QColor(0xe0, 0x6c, 0x1a) : m_palette.color(QPalette::Highlight);
        const QColor background = mix(m_palette.color(QPalette::Base), accent, t);
        if (role == Qt::BackgroundRole)
            return background;
        return background.lightnessF() < 0.5 ? QColor(Qt::white) : QColor(Qt::black);
    }
    case Qt::ToolTipRole: {
        if (!c)
            return tr("No %1 record would become %2.").arg(m_from.at(index.row()), m_to.at(index.column()));
        const QString what = changed ? tr("%1 logged %2 records would now be %3.")
                                     : tr("%1 logged %2 records would stay %3.");
        return what.arg(QLocale().toString(c->count), m_from.at(index.row()), m_to.at(index.column())) + QLatin1Char('\n')
            + tr("Select the cell to list its sample records.");
    }
    default:
        return {};
    }
}

QVariant TransitionMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    const QStringList &types = orientation == Qt::Vertical ? m_from : m_to;
    if (section < 0 || section >= types.size())
        return {};
    if (role == Qt::DisplayRole)
        return orientation == Qt::Vertical ? tr("logged %1").arg(types.at(section)) : tr("→ %1").arg(types.at(section));
    if (role == Qt::ToolTipRole)
        return orientation == Qt::Vertical ? tr("Records logged as %1").arg(types.at(section))
                                           : tr("Records the current policy makes %1").arg(types.at(section));
    return {};
}

} // namespace Dsn::Gui
