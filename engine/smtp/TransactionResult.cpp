// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "smtp/TransactionResult.h"

namespace Dsn::Smtp {

namespace {

/// The keyword of an EHLO line; "AUTH=PLAIN" (an old form some servers still send) counts as AUTH.
QStringView keywordOf(QStringView line, QStringView *rest)
{
    qsizetype end = 0;
    while (end < line.size() && line[end] != QLatin1Char(' ') && line[end] != QLatin1Char('='))
        ++end;
    *rest = end < line.size() ? line.mid(end + 1).trimmed() : QStringView();
    return line.left(end);
}

} // namespace

bool TransactionResult::hasCapability(QStringView keyword) const
{
    QStringView rest;
    for (const QString &c : capabilities) {
        if (keywordOf(c, &rest).compare(keyword, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString TransactionResult::capabilityArguments(QStringView keyword) const
{
    QStringView rest;
    QStringList all;
    for (const QString &c : capabilities) {
        if (keywordOf(c, &rest).compare(keyword, Qt::CaseInsensitive) == 0 && !rest.isEmpty())
            all.append(rest.toString());
    }
    return all.join(QLatin1Char(' '));
}

} // namespace Dsn::Smtp
