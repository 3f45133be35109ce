// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "OutcomeTable.h"

#include <algorithm>

#include <QCoreApplication>

namespace Dsn::Cli {

namespace {

QString fit(const QString &s, int width)
{
    if (s.size() <= width)
        return s.leftJustified(width);
    return s.left(width - 1) + QChar(0x2026);
}

} // namespace

void OutcomeTable::add(int number, const Eval::EvalResult &r)
{
    Row row;
    row.number = QString::number(number);
    row.phase = smtpPhaseName(r.phase);
    row.codes = r.rewritten ? QStringLiteral("%1 → %2").arg(r.originalCode).arg(r.response.code)
                            : QString::number(r.response.code);
    row.type = recordTypeName(r.recordType);
    if (r.inputError || r.policyError)
        row.type += QLatin1Char('!');
    else if (r.ambiguous)
        row.type += QLatin1Char('?');
    else if (r.profileSensitive)
        row.type += QLatin1Char('*');
    row.rule = r.matched.isEmpty() ? QStringLiteral("-") : QString::number(r.matched.first().index + 1);
    row.classification = r.classificationText();
    row.response = r.eventCalled ? r.eventResponse : r.response.toSingleLine(r.profile);
    m_rows.append(row);
}

QStringList OutcomeTable::cells(const Row &row) const
{
    QStringList c{row.number, row.phase, row.codes, row.type, row.rule};
    if (m_showClassification)
        c << row.classification;
    c << row.response;
    return c;
}

void OutcomeTable::write(QTextStream &out, int width) const
{
    Row header;
    header.number = QStringLiteral("#");
    header.phase = QCoreApplication::translate("OutcomeTable", "phase");
    header.codes = QCoreApplication::translate("OutcomeTable", "code");
    header.type = QCoreApplication::translate("OutcomeTable", "record type");
    header.rule = QCoreApplication::translate("OutcomeTable", "rule");
    header.classification = QCoreApplication::translate("OutcomeTable", "bounce class");
    header.response = QCoreApplication::translate("OutcomeTable", "response (as the event sees it)");
    // Every column but the last is as wide as its widest cell; the response takes the rest.
    const qsizetype columns = cells(header).size();
    QList<int> widths(columns, 0);
    auto measure = [&](const Row &row) {
        const QStringList c = cells(row);
        for (qsizetype i = 0; i + 1 < columns; ++i)
            widths[i] = std::max(widths[i], int(c[i].size()));
    };
    measure(header);
    for (const Row &r : m_rows)
        measure(r);
    int used = int(2 * (columns - 1));
    for (qsizetype i = 0; i + 1 < columns; ++i)
        used += widths[i];
    widths[columns - 1] = std::max(20, width - used);
    auto line = [&](const Row &row) {
        const QStringList c = cells(row);
        out << c[0].rightJustified(widths[0]);
        for (qsizetype i = 1; i + 1 < columns; ++i)
            out << QStringLiteral("  ") << fit(c[i], widths[i]);
        out << QStringLiteral("  ") << fit(c[columns - 1], widths[columns - 1]).trimmed() << '\n';
    };
    line(header);
    for (const Row &r : m_rows)
        line(r);
    out << QCoreApplication::translate("OutcomeTable",
                                       "(! error, ? ambiguous match, * outcome differs under the other profile)\n");
}

} // namespace Dsn::Cli
