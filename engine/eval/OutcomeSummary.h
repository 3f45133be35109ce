// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <map>
#include <utility>

#include <QJsonObject>
#include <QString>

#include "common/RecordType.h"
#include "eval/EvalResult.h"

namespace Dsn::Eval {

/// Counts over many outcomes: the line under the samples ("37 samples · 12 TransientFailure → Bounce · 3 unmatched").
class OutcomeSummary
{
public:
    void add(const EvalResult &result);
    /// Adds another summary's counts, as if its results had been added here (threads count apart).
    void merge(const OutcomeSummary &other);

    int total() const { return m_total; }
    int rewritten() const { return m_rewritten; }
    int unmatched() const { return m_unmatched; }
    int errors() const { return m_errors; }
    int ambiguous() const { return m_ambiguous; }
    int profileSensitive() const { return m_profileSensitive; }
    /// How many outcomes went from record type `from` (before the policy) to `to`.
    int transitions(RecordType from, RecordType to) const;

    QString text() const;
    QJsonObject toJson() const;

private:
    int m_total = 0;
    int m_rewritten = 0;
    int m_unmatched = 0;
    int m_errors = 0;
    int m_ambiguous = 0;
    int m_profileSensitive = 0;
    std::map<std::pair<RecordType, RecordType>, int> m_transitions;
};

} // namespace Dsn::Eval
