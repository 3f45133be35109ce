// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "ProblemsPanel.h"

#include <QHeaderView>
#include <QTableView>
#include <QVBoxLayout>

namespace Dsn::Workbench {

ProblemsPanel::ProblemsPanel(Models::DiagnosticsModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("problemsPanel"));
    m_view->setObjectName(QStringLiteral("problemsView"));
    m_view->setModel(model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->resizeSection(Models::DiagnosticsModel::SeverityColumn, 80);
    m_view->horizontalHeader()->resizeSection(Models::DiagnosticsModel::SourceColumn, 110);
    m_view->horizontalHeader()->resizeSection(Models::DiagnosticsModel::LocationColumn, 150);
    m_view->setToolTip(tr("Double-click or press Enter to go to the problem"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    connect(m_view, &QAbstractItemView::activated, this,
            [this](const QModelIndex &index) { Q_EMIT locationActivated(m_model->location(index.row())); });
}

} // namespace Dsn::Workbench
