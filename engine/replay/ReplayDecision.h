// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QJsonObject>
#include <QString>
#include <QtGlobal>

#include "eval/EvalResult.h"
#include "replay/LogRecord.h"

namespace Dsn::Replay {

/// What the current policy makes of one logged failure, next to what production logged.
struct ReplayDecision
{
    QString file;
    qint64 line = 0;
    QString queue;
    QString domain;
    QString site;
    QString tenant;
    QString campaign;
    QString oldType;       ///< the record type as logged
    int oldCode = 0;       ///< the code as logged
    QString newType;       ///< the record type under the current policy
    int newCode = 0;
    int ruleIndex = -1;    ///< lowest matching table index (KumoMTA's pick); -1 when none matched
    QString rulePattern;
    /// The bounce classification (spec §10) of the reply before the current policy's rewrite,
    /// and of the line logged after it; the same label when nothing was rewritten.
    /// "Uncategorized" without a classifier. Internal failures keep the label they were logged with.
    QString oldClass;
    QString newClass;
    QString response;      ///< the single line the event received (or would have)
    bool eventCalled = false;
    bool rewritten = false;   ///< the current policy changed the reply's code
    bool policyError = false;
    bool inputError = false;
    bool internal = false;    ///< KumoMTA's own response: not evaluated, kept as logged

    bool changed() const { return oldType != newType || oldCode != newCode; }
    bool classChanged() const { return oldClass != newClass; }
    /// The event ran and no rule of the table matched.
    bool unmatched() const { return eventCalled && ruleIndex < 0; }

    /// From the evaluation of `record.input`. Both are taken apart: a replay builds one decision
    /// per failure, and moving their strings saves a reference count round trip on each.
    static ReplayDecision fromEvaluation(const QString &file, qint64 line, LogRecord &&record,
                                         Eval::EvalResult &&result);
    /// A failure no policy sees (record.internal): it stays as logged.
    static ReplayDecision unchanged(const QString &file, qint64 line, LogRecord &&record);

    /// The `replay --emit` line (machine interface: keys are stable and never translated).
    QJsonObject toJson() const;
};

} // namespace Dsn::Replay
