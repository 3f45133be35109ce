// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <functional>

#include <QAbstractTableModel>
#include <QList>

#include "replay/ReplaySummary.h"

namespace Dsn::Gui {

/// The sample records of one transition-matrix cell: where each is logged and what changed.
class ReplaySampleModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReplaySampleModel)

public:
    enum Column { FileColumn, LineColumn, QueueColumn, CodeColumn, RuleColumn, ResponseColumn, ColumnCount };

    explicit ReplaySampleModel(QObject *parent = nullptr);

    void setSamples(const QList<Replay::ReplaySummary::Sample> &samples);
    /// Turns a KumoMTA table index into the number the analyst sees in the Rules panel.
    void setRuleNumbering(std::function<int(int)> number);
    const QList<Replay::ReplaySummary::Sample> &samples() const { return m_samples; }
    /// Rows outside the model give an empty sample.
    Replay::ReplaySummary::Sample sample(int row) const { return m_samples.value(row); }
    /// "path:line", the form editors and `less +N` take.
    static QString location(const Replay::ReplaySummary::Sample &sample);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Replay::ReplaySummary::Sample> m_samples;
    std::function<int(int)> m_ruleNumber = [](int index) { return index + 1; };
};

} // namespace Dsn::Gui
