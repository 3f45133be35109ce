// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <optional>

#include <QString>

#include "common/CompatProfile.h"
#include "common/EnhancedStatusCode.h"
#include "common/RecordType.h"
#include "common/SmtpPhase.h"

namespace Dsn {

/**
 * KumoMTA's delivery decisions that do not involve Lua: when the rewrite event fires for a
 * reply (spec §3) and which record type a final code produces (spec §6), each with the
 * sentence the workbench shows to explain it.
 */
class DeliveryRules
{
public:
    struct Disposition
    {
        RecordType type = RecordType::Bounce;
        QString explanation;
    };

    /// True when a reply with `code` answering `phase` calls smtp_client_rewrite_delivery_status.
    static bool eventFires(SmtpPhase phase, int code, CompatProfile profile);
    /// Why the event does or does not fire, in one sentence.
    static QString triggerExplanation(SmtpPhase phase, int code, CompatProfile profile);

    /**
     * Record type for the final (possibly rewritten) `code`. Under 2026.06 a RCPT TO reply with
     * 452/552 and no enhanced code, or with enhanced code 4.5.3, is "too many recipients" and
     * stays a TransientFailure. `bounceClassification`, when known, settles the 452/552 case
     * as spec §10 describes.
     */
    static Disposition classify(int code, const std::optional<EnhancedStatusCode> &enhanced, SmtpPhase phase,
                                CompatProfile profile, const QString &bounceClassification = QString());
    /// classify()'s record type without its explanation, for callers that show none.
    static RecordType recordType(int code, const std::optional<EnhancedStatusCode> &enhanced, SmtpPhase phase,
                                 CompatProfile profile, const QString &bounceClassification = QString());
    /// Record type from the code alone: 2xx Delivery; 3xx, 4xx and 503 TransientFailure; else Bounce.
    static RecordType typeForCode(int code);
};

} // namespace Dsn
