// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "ReplayCharts.h"

#include <algorithm>
#include <utility>
#include <vector>

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCursor>
#include <QEvent>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLocale>
#include <QPalette>
#include <QSpinBox>
#include <QSplitter>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

namespace Dsn::Gui {

namespace {

constexpr int MaxCategoryLength = 38;

QString abridged(const QString &text)
{
    return text.size() <= MaxCategoryLength ? text : text.left(MaxCategoryLength - 1) + QChar(0x2026);
}

QChartView *makeView(QWidget *parent, const QString &objectName)
{
    auto *view = new QChartView(new QChart, parent);
    view->setObjectName(objectName);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(320, 260);
    view->chart()->setMargins(QMargins(4, 4, 4, 4));
    view->chart()->setBackgroundRoundness(0);
    return view;
}

/// Replaces the chart's series and axes with horizontal bars over `categories` (bottom to top).
void setBars(QChart *chart, const QStringList &categories, const QList<QBarSet *> &sets, bool labels)
{
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);
    auto *series = new QHorizontalBarSeries;
    qreal max = 0;
    for (QBarSet *set : sets) {
        series->append(set);
        for (int i = 0; i < set->count(); ++i)
            max = std::max(max, set->at(i));
    }
    series->setLabelsVisible(labels);
    // Few categories would otherwise give slabs; many sets need the room.
    series->setBarWidth(sets.size() > 1 ? 0.8 : std::clamp(0.15 * double(categories.size()), 0.3, 0.6));
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsFormat(QStringLiteral("@value"));
    chart->addSeries(series);
    auto *categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(categories);
    chart->addAxis(categoryAxis, Qt::AlignLeft);
    series->attachAxis(categoryAxis);
    auto *valueAxis = new QValueAxis;
    // Headroom so the value labels outside the bar ends are not clipped.
    valueAxis->setRange(0, max > 0 ? max * 1.15 : 1);
    valueAxis->setLabelFormat(QStringLiteral("%.0f"));
    valueAxis->applyNiceNumbers();
    chart->addAxis(valueAxis, Qt::AlignBottom);
    series->attachAxis(valueAxis);
    chart->legend()->setVisible(sets.size() > 1);
    chart->legend()->setAlignment(Qt::AlignBottom);
}

void showBarTooltip(const QStringList &labels, bool status, int index, QBarSet *set)
{
    if (!status || index < 0 || index >= labels.size()) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(QCursor::pos(), QStringLiteral("%1\n%2: %3").arg(labels.at(index), set->label(),
                                                                         QLocale().toString(qint64(set->at(index)))));
}

} // namespace

ReplayCharts::ReplayCharts(QWidget *parent)
    : QWidget(parent)
{
    m_ruleView = makeView(this, QStringLiteral("ruleChart"));
    m_ruleView->setToolTip(tr("How many replayed replies each rule matched (the lowest matching index wins, as "
                              "in KumoMTA). Hover a bar for the full pattern."));
    m_groupView = makeView(this, QStringLiteral("groupChart"));
    m_groupView->setToolTip(tr("The largest groups: failures replayed, rewritten by the current policy, and "
                               "changed from what the log says."));

    m_dimension = new QComboBox(this);
    m_dimension->setObjectName(QStringLiteral("groupDimension"));
    m_dimension->addItem(tr("Destination domains"), int(Replay::ReplaySummary::Domains));
    m_dimension->addItem(tr("Sites"), int(Replay::ReplaySummary::Sites));
    m_dimension->addItem(tr("Tenants"), int(Replay::ReplaySummary::Tenants));
    m_dimension->addItem(tr("Campaigns"), int(Replay::ReplaySummary::Campaigns));
    m_dimension->setToolTip(tr("Group the right-hand chart by destination domain, site, tenant or campaign."));
    m_top = new QSpinBox(this);
    m_top->setObjectName(QStringLiteral("topCount"));
    m_top->setRange(3, 50);
    m_top->setValue(15);
    m_top->setToolTip(tr("How many rules and groups get a bar."));
    connect(m_dimension, &QComboBox::currentIndexChanged, this, [this] { rebuildGroups(); });
    connect(m_top, &QSpinBox::valueChanged, this, [this] {
        rebuildRules();
        rebuildGroups();
    });

    auto *controls = new QHBoxLayout;
    auto *groupLabel = new QLabel(tr("&Group by:"), this);
    groupLabel->setBuddy(m_dimension);
    auto *topLabel = new QLabel(tr("&Top:"), this);
    topLabel->setBuddy(m_top);
    controls->addWidget(groupLabel);
    controls->addWidget(m_dimension);
    controls->addSpacing(12);
    controls->addWidget(topLabel);
    controls->addWidget(m_top);
    controls->addStretch(1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_ruleView);
    splitter->addWidget(m_groupView);
    splitter->setChildrenCollapsible(false);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(splitter, 1);

    applyTheme();
    rebuildRules();
    rebuildGroups();
}

ReplayCharts::~ReplayCharts() = default;

void ReplayCharts::setSummary(const Replay::ReplaySummary &summary)
{
    m_summary = summary;
    rebuildRules();
    rebuildGroups();
}

void ReplayCharts::setRuleNumbering(std::function<int(int)> number)
{
    m_ruleNumber = std::move(number);
    rebuildRules();
}

void ReplayCharts::setDimension(Replay::ReplaySummary::Dimension dimension)
{
    m_dimension->setCurrentIndex(m_dimension->findData(int(dimension)));
}

Replay::ReplaySummary::Dimension ReplayCharts::dimension() const
{
    return Replay::ReplaySummary::Dimension(m_dimension->currentData().toInt());
}

void ReplayCharts::setTopCount(int n)
{
    m_top->setValue(n);
}

int ReplayCharts::topCount() const
{
    return m_top->value();
}

QChart *ReplayCharts::ruleChart() const
{
    return m_ruleView->chart();
}

QChart *ReplayCharts::groupChart() const
{
    return m_groupView->chart();
}

void ReplayCharts::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        applyTheme();
}

void ReplayCharts::rebuildRules()
{
    std::vector<std::pair<std::pair<int, QString>, qint64>> rules(m_summary.ruleCounts().begin(),
                                                                  m_summary.ruleCounts().end());
    std::stable_sort(rules.begin(), rules.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    if (rules.size() > size_t(topCount()))
        rules.resize(size_t(topCount()));
    QStringList categories;
    m_ruleLabels.clear();
    auto *set = new QBarSet(tr("Matches"));
    // A horizontal bar chart draws its first category at the bottom; the largest goes on top.
    for (auto it = rules.rbegin(); it != rules.rend(); ++it) {
        const QString label = QStringLiteral("#%1 %2").arg(m_ruleNumber(it->first.first)).arg(it->first.second);
        m_ruleLabels << label;
        categories << abridged(label);
        *set << qreal(it->second);
    }
    connect(set, &QBarSet::hovered, this, [this, set](bool status, int index) {
        showBarTooltip(m_ruleLabels, status, index, set);
    });
    QChart *chart = ruleChart();
    chart->setTitle(rules.empty() ? tr("Matches per rule: no rule matched") : tr("Matches per rule (top %1)").arg(rules.size()));
    setBars(chart, categories, {set}, true);
    applyTheme();
}

void ReplayCharts::rebuildGroups()
{
    const auto groups = m_summary.topGroups(dimension(), topCount());
    auto *records = new QBarSet(tr("Records"));
    auto *rewritten = new QBarSet(tr("Rewritten"));
    auto *changed = new QBarSet(tr("Changed"));
    QStringList categories;
    m_groupLabels.clear();
    for (auto it = groups.crbegin(); it != groups.crend(); ++it) {
        m_groupLabels << it->first;
        categories << abridged(it->first.isEmpty() ? tr("(none)") : it->first);
        *records << qreal(it->second.records);
        *rewritten << qreal(it->second.rewritten);
        *changed << qreal(it->second.changed);
    }
    for (QBarSet *set : {records, rewritten, changed})
        connect(set, &QBarSet::hovered, this, [this, set](bool status, int index) {
            showBarTooltip(m_groupLabels, status, index, set);
        });
    QChart *chart = groupChart();
    const QString what = m_dimension->currentText();
    chart->setTitle(groups.isEmpty() ? tr("%1: none in this replay").arg(what) : tr("%1 (top %2)").arg(what).arg(groups.size()));
    setBars(chart, categories, {records, rewritten, changed}, false);
    applyTheme();
}

void ReplayCharts::applyTheme()
{
    const QPalette pal = palette();
    const bool dark = pal.color(QPalette::Window).lightness() < 128;
    for (QChartView *view : {m_ruleView, m_groupView}) {
        if (!view)
            continue;
        QChart *chart = view->chart();
        const QChart::ChartTheme theme = dark ? QChart::ChartThemeDark : QChart::ChartThemeLight;
        if (chart->theme() != theme)
            chart->setTheme(theme);
        // The theme's own backdrop is a gradient; the panel's colour makes the chart part of it.
        chart->setBackgroundBrush(pal.color(QPalette::Base));
        chart->setTitleBrush(pal.color(QPalette::Text));
        chart->legend()->setLabelColor(pal.color(QPalette::Text));
        for (QAbstractSeries *series : chart->series())
            if (auto *bars = qobject_cast<QAbstractBarSeries *>(series))
                for (QBarSet *set : bars->barSets())
                    set->setLabelColor(pal.color(QPalette::Text));
        for (QAbstractAxis *axis : chart->axes()) {
            axis->setLabelsColor(pal.color(QPalette::Text));
            axis->setGridLineColor(pal.color(QPalette::Mid));
        }
        QFont title = chart->titleFont();
        title.setBold(true);
        chart->setTitleFont(title);
    }
}

} // namespace Dsn::Gui
