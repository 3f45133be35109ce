// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <functional>

#include <QStringList>
#include <QWidget>

#include "replay/ReplaySummary.h"

class QChart;
class QChartView;
class QComboBox;
class QSpinBox;

namespace Dsn::Gui {

/**
 * Two bar charts over a replay summary: matches per rule (rule index and pattern as the
 * category) and, for the chosen grouping (destination domain, site, tenant or campaign), the
 * largest groups with their records, rewritten and changed counts. Largest bars are on top.
 * The chart theme follows the palette's lightness, so both charts read in dark mode.
 */
class ReplayCharts final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReplayCharts)

public:
    explicit ReplayCharts(QWidget *parent = nullptr);
    ~ReplayCharts() override;

    void setSummary(const Replay::ReplaySummary &summary);
    /// Turns a KumoMTA table index into the number the analyst sees in the Rules panel.
    void setRuleNumbering(std::function<int(int)> number);
    void setDimension(Replay::ReplaySummary::Dimension dimension);
    Replay::ReplaySummary::Dimension dimension() const;
    /// How many rules and groups get a bar (default 15).
    void setTopCount(int n);
    int topCount() const;

    QChart *ruleChart() const;
    QChart *groupChart() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuildRules();
    void rebuildGroups();
    void applyTheme();

    Replay::ReplaySummary m_summary;
    QChartView *m_ruleView = nullptr;
    QChartView *m_groupView = nullptr;
    QComboBox *m_dimension = nullptr;
    QSpinBox *m_top = nullptr;
    std::function<int(int)> m_ruleNumber = [](int index) { return index + 1; };
    QStringList m_ruleLabels;   // unabridged categories, bottom to top, for the hover tooltip
    QStringList m_groupLabels;
};

} // namespace Dsn::Gui
