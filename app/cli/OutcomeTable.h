// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QList>
#include <QString>
#include <QTextStream>

#include "eval/EvalResult.h"

namespace Dsn::Cli {

/// A fixed-width text table of outcomes for terminals: one row per reply, then the summary.
class OutcomeTable
{
public:
    void add(int number, const Eval::EvalResult &result);
    void write(QTextStream &out, int width = 140) const;

private:
    struct Row
    {
        QString number, phase, codes, type, rule, response;
    };
    QList<Row> m_rows;
};

} // namespace Dsn::Cli
