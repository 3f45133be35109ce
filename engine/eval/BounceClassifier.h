// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <memory>

#include <QByteArray>
#include <QString>

#include "common/Result.h"
#include "rules/RegexSetMap.h"

namespace Dsn::Eval {

/**
 * KumoMTA's bounce classifier (kumo.configure_bounce_classifier): labels such as QuotaIssues or
 * InvalidRecipient, each with regexes matched against the logged response's single line. Unlike
 * regex_set_map, the first rule in file order wins, deterministically.
 *
 * Rule files are read in their JSON form, `{"rules": {"Label": ["regex", …], …}}`.
 * Immutable after loading; safe to share between threads.
 */
class BounceClassifier
{
public:
    static Result<std::shared_ptr<const BounceClassifier>> fromJson(const QByteArray &json, const QString &sourceName);

    /// The label of the first matching rule, or "Uncategorized".
    QString classify(QStringView singleLine) const;
    qsizetype ruleCount() const { return m_map.size(); }

private:
    Rules::RegexSetMap m_map;
};

} // namespace Dsn::Eval
