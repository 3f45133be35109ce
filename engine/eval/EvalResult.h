// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <optional>

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include "common/CompatProfile.h"
#include "common/Diagnostic.h"
#include "common/QueueName.h"
#include "common/RecordType.h"
#include "common/SmtpPhase.h"
#include "common/SmtpResponse.h"

namespace Dsn::Eval {

/// A regex-set entry that matched the event's response string during the call.
struct MatchedRule
{
    int index = -1;          ///< position in the table the policy built
    QString pattern;
    QJsonValue value;
    qsizetype spanStart = -1; ///< where it matched in eventResponse (UTF-16 units)
    qsizetype spanLength = 0;
};

/**
 * Everything the workbench shows about one reply: the event's arguments, what the handler
 * returned, the final response, record type and KumoMTA log record, which rules matched and
 * a sentence explaining why.
 */
struct EvalResult
{
    CompatProfile profile = CompatProfile::Documented;
    SmtpPhase phase = SmtpPhase::RcptTo;
    QueueName queue;

    /// The input reply could not be parsed; the outcome is KumoMTA's synthesised 400.
    std::optional<Diagnostic> inputError;
    /// The handler raised or returned something unusable; the original reply is kept.
    std::optional<Diagnostic> policyError;

    bool eventCalled = false;
    QString eventResponse;   ///< the single line passed as `response`
    QJsonValue handlerReturned; ///< null when nil/nothing; the raw value otherwise

    int originalCode = 0;
    SmtpResponse response;   ///< final: code possibly rewritten, note appended
    bool rewritten = false;
    RecordType recordType = RecordType::TransientFailure;
    QString explanation;

    QList<MatchedRule> matched;
    bool ambiguous = false;
    QList<QJsonValue> possibleValues; ///< every value KumoMTA might return when ambiguous

    /// Set when the other profile gives another record type or code.
    bool profileSensitive = false;
    QString profileNote;

    /// The label the bounce classifier gives the logged (rewritten) line, as in the log record;
    /// "Uncategorized" without a classifier.
    QString bounceClassification = QStringLiteral("Uncategorized");
    /// The label the reply had before the rewrite; empty when nothing was rewritten or no
    /// classifier is configured. Lint compares the two (ClassificationLint).
    QString classificationBeforeRewrite;
    /// True when the rewrite gave the reply another label.
    bool classificationChanged() const
    {
        return !classificationBeforeRewrite.isEmpty() && classificationBeforeRewrite != bounceClassification;
    }
    /// "QuotaIssues → Uncategorized" when the rewrite changed the label, else the label.
    QString classificationText() const;

    QJsonObject logRecord;
    QStringList policyLog;

    /// The `eval` output object (field names are a stable machine interface).
    QJsonObject toJson() const;
};

} // namespace Dsn::Eval
