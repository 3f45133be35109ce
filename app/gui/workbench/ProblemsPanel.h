// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QWidget>

#include "DiagnosticsModel.h"

class QTableView;

namespace Dsn::Workbench {

/// Every error and warning of the project in one list; activating a row jumps to its place.
class ProblemsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProblemsPanel)

public:
    explicit ProblemsPanel(Models::DiagnosticsModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }

Q_SIGNALS:
    void locationActivated(const Dsn::Models::DiagnosticLocation &location);

private:
    Models::DiagnosticsModel *m_model;
    QTableView *m_view;
};

} // namespace Dsn::Workbench
