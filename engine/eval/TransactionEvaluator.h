// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QList>
#include <QString>

#include "eval/EvalResult.h"
#include "smtp/TransactionResult.h"

namespace Dsn::Eval {

class PolicyEvaluator;

/**
 * Turns a live SMTP run into what KumoMTA would log for each recipient:
 * - a rejection at MAIL/RCPT/DATA/dot goes through the rewrite event with the queue name built
 *   from the recipient's domain and the given tenant/campaign/routing domain (spec §4) and the
 *   exact command that was answered;
 * - a failure outside those phases is a TransientFailure with KumoMTA's synthesised response,
 *   and the event is not called;
 * - a recipient the final dot accepted is a Delivery.
 * Every log record carries the run's peer address and message size.
 */
class TransactionEvaluator
{
public:
    struct QueueParts
    {
        QString tenant;
        QString campaign;
        QString routingDomain;
    };

    /// One result per recipient, in the order of `run.recipients`.
    static QList<EvalResult> evaluate(const Smtp::TransactionResult &run, PolicyEvaluator &evaluator,
                                      const QueueParts &queue = {});
};

} // namespace Dsn::Eval
