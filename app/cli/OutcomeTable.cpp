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
    row.response = r.eventCalled ? r.eventResponse : r.response.toSingleLine(r.profile);
    m_rows.append(row);
}

void OutcomeTable::write(QTextStream &out, int width) const
{
    const QString h1 = QStringLiteral("#"), h2 = QCoreApplication::translate("OutcomeTable", "phase"),
                  h3 = QCoreApplication::translate("OutcomeTable", "code"),
                  h4 = QCoreApplication::translate("OutcomeTable", "record type"),
                  h5 = QCoreApplication::translate("OutcomeTable", "rule"),
                  h6 = QCoreApplication::translate("OutcomeTable", "response (as the event sees it)");
    int w1 = int(h1.size()), w2 = int(h2.size()), w3 = int(h3.size()), w4 = int(h4.size()), w5 = int(h5.size());
    for (const Row &r : m_rows) {
        w1 = std::max(w1, int(r.number.size()));
        w2 = std::max(w2, int(r.phase.size()));
        w3 = std::max(w3, int(r.codes.size()));
        w4 = std::max(w4, int(r.type.size()));
        w5 = std::max(w5, int(r.rule.size()));
    }
    const int w6 = std::max(20, width - (w1 + w2 + w3 + w4 + w5 + 10));
    auto line = [&](const QString &a, const QString &b, const QString &c, const QString &d, const QString &e,
                    const QString &f) {
        out << a.rightJustified(w1) << QStringLiteral("  ") << fit(b, w2) << QStringLiteral("  ") << fit(c, w3)
            << QStringLiteral("  ") << fit(d, w4) << QStringLiteral("  ") << fit(e, w5) << QStringLiteral("  ")
            << fit(f, w6).trimmed() << '\n';
    };
    line(h1, h2, h3, h4, h5, h6);
    for (const Row &r : m_rows)
        line(r.number, r.phase, r.codes, r.type, r.rule, r.response);
    out << QCoreApplication::translate("OutcomeTable",
                                       "(! error, ? ambiguous match, * outcome differs under the other profile)\n");
}

} // namespace Dsn::Cli
