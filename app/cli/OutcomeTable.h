// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include "eval/EvalResult.h"

namespace Dsn::Cli {

/// A fixed-width text table of outcomes for terminals: one row per reply, then the summary.
class OutcomeTable
{
public:
    /// Adds a bounce classification column ("QuotaIssues → Uncategorized" when a rewrite changed
    /// it); worth showing only when a classifier is configured, else every row is Uncategorized.
    void setShowClassification(bool show) { m_showClassification = show; }
    void add(int number, const Eval::EvalResult &result);
    void write(QTextStream &out, int width = 140) const;

private:
    struct Row
    {
        QString number, phase, codes, type, rule, classification, response;
    };
    QStringList cells(const Row &row) const;

    QList<Row> m_rows;
    bool m_showClassification = false;
};

} // namespace Dsn::Cli
