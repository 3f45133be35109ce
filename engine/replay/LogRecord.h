// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include "common/QueueName.h"
#include "common/Result.h"
#include "eval/EvalInput.h"

namespace Dsn::Replay {

/**
 * The parts of one KumoMTA JSON log record (spec §9) a replay needs. For TransientFailure and
 * Bounce records `input` is the reply as received, ready for PolicyEvaluator: the content is
 * re-prefixed with its code and enhanced code, the phase comes from `response.command`, and a
 * rewrite note the policy in production appended ("(kumomta: status was rewritten from A -> B)")
 * is removed and code A restored, so the current policy sees what the server really said.
 */
struct LogRecord
{
    QString type;            ///< as logged ("Delivery", "Bounce", …), never translated
    QString queue;
    QueueName queueName;
    QString domain;          ///< the queue's domain, or the recipient's when the queue has none
    QString site;
    QString recipient;
    /// `bounce_classification` as logged; "Uncategorized" when the record has none.
    QString bounceClassification;
    int code = 0;            ///< as logged (after any production rewrite)
    int originalCode = 0;    ///< before the production rewrite note, if there was one
    bool isFailure = false;  ///< TransientFailure or Bounce: the records a replay re-evaluates
    /// A failure without a command: KumoMTA's own response, which no policy sees (spec §3).
    bool internal = false;
    Eval::EvalInput input;   ///< filled for failures only

    /// How much of a record parse() fills in.
    enum class Fields
    {
        All,
        /// Only `type`, `isFailure` and `code` for records that are not failures: a replay
        /// counts those by type and reads nothing else.
        FailuresOnly,
    };

    /// Fails (code "malformed-record") for invalid JSON, a non-object, a missing type, or a
    /// failure record without a usable response code. Reads the usual ASCII record with a
    /// validating scanner that picks out only these fields, and anything unusual (escaped keys,
    /// non-ASCII text, duplicate or oddly typed fields, errors) with parseGeneric(): the result
    /// is the same either way.
    static Result<LogRecord> parse(QByteArrayView line, Fields which = Fields::All);
    /// The same through a full JSON document parse: the reference parse() must agree with.
    static Result<LogRecord> parseGeneric(const QByteArray &line);
    /// Whether parse() reads `line` with its own scanner rather than handing it to the full
    /// parser. For tests: agreement alone cannot tell a scanner that gives up on every line
    /// from one that works.
    static bool scannerReads(QByteArrayView line);
};

} // namespace Dsn::Replay
