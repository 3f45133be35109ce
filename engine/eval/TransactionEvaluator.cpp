// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "eval/TransactionEvaluator.h"

#include <QCoreApplication>

#include "common/RecordType.h"
#include "eval/EvalInput.h"
#include "eval/LogRecordBuilder.h"
#include "eval/PolicyEvaluator.h"

namespace Dsn::Eval {

namespace {

void addRunDetails(QJsonObject &record, const Smtp::TransactionResult &run)
{
    if (!run.host.isEmpty() || !run.peerAddress.isEmpty()) {
        record.insert(QStringLiteral("peer_address"),
                      QJsonObject{{QStringLiteral("name"), run.host}, {QStringLiteral("addr"), run.peerAddress}});
    }
    record.insert(QStringLiteral("size"), run.messageSize);
}

} // namespace

QList<EvalResult> TransactionEvaluator::evaluate(const Smtp::TransactionResult &run, PolicyEvaluator &evaluator,
                                                 const QueueParts &parts)
{
    const EvaluatorConfig &config = evaluator.config();
    const Clock &clock = config.runtime.clock ? *config.runtime.clock : Clock::system();
    QList<EvalResult> out;
    out.reserve(run.recipients.size());

    for (const Smtp::RecipientResult &rcpt : run.recipients) {
        const QueueName queue =
            QueueName::fromRecipient(rcpt.recipient, parts.campaign, parts.tenant, parts.routingDomain);

        if (rcpt.eventEligible) {
            EvalInput input;
            input.response = rcpt.replyLines.join(QLatin1Char('\n'));
            input.phase = rcpt.phase;
            input.queue = queue.toString();
            input.sender = run.sender;
            input.recipient = rcpt.recipient;
            input.command = rcpt.reply.command;
            EvalResult r = evaluator.evaluate(input);
            addRunDetails(r.logRecord, run);
            out.append(r);
            continue;
        }

        EvalResult r;
        r.profile = config.profile;
        r.phase = rcpt.phase;
        r.queue = queue;
        r.eventCalled = false;
        r.originalCode = rcpt.reply.code;
        r.response = rcpt.reply;
        if (rcpt.delivered) {
            r.recordType = RecordType::Delivery;
            r.explanation = QCoreApplication::translate("TransactionEvaluator", "The final dot was answered %1: the message was delivered and the event is not called.")
                                .arg(rcpt.reply.code);
        } else {
            // Synthesised (or, defensively, never decided): KumoMTA retries and never calls the event.
            r.recordType = RecordType::TransientFailure;
            r.explanation = QCoreApplication::translate("TransactionEvaluator", "The run failed at %1 (%2), outside MAIL FROM, RCPT TO, DATA and the final dot: "
                               "KumoMTA logs its own %3 response as a TransientFailure and never calls the event.")
                                .arg(smtpPhaseName(rcpt.phase), run.error.isEmpty() ? QCoreApplication::translate("TransactionEvaluator", "no decision") : run.error)
                                .arg(rcpt.reply.code);
        }
        LogRecordBuilder::Fields log;
        log.type = r.recordType;
        log.response = r.response;
        log.queue = queue.toString();
        log.sender = run.sender;
        log.recipient = rcpt.recipient;
        log.peerName = run.host;
        log.peerAddress = run.peerAddress;
        log.size = run.messageSize;
        log.idSeed = queue.toString() + QLatin1Char('\n') + smtpPhaseName(rcpt.phase) + QLatin1Char('\n')
            + rcpt.reply.toSingleLine(CompatProfile::V2026_06);
        r.logRecord = LogRecordBuilder::build(log, clock);
        out.append(r);
    }
    return out;
}

} // namespace Dsn::Eval
