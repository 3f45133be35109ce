// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>

#include "common/Result.h"

namespace Dsn::Rules {

/// One key/value pair of a regex-set table: a Rust-syntax pattern and the value a match returns.
struct RegexRule
{
    QString pattern;
    QJsonValue value;

    /**
     * Reads a KumoMTA rules table (a JSON object, comments allowed) keeping key order. A
     * duplicate key keeps its first position and its last value, as a JSON object does.
     */
    static Result<QList<RegexRule>> listFromJson(const QByteArray &json, const QString &sourceName);
    /// The table as KumoMTA loads it: one object, keys in rule order, pretty-printed.
    static QByteArray listToJson(const QList<RegexRule> &rules);
};

} // namespace Dsn::Rules
