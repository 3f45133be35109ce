// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <optional>

#include <QString>

namespace Dsn {

/// KumoMTA log record types. The rewrite event only ever produces the first three; the others
/// appear in logs the replay reads.
enum class RecordType {
    Delivery,
    TransientFailure,
    Bounce,
    Reception,
    Expiration,
    AdminBounce,
    OOB,
    Feedback,
    Rejection,
    Other,
};

/// KumoMTA's spelling, used verbatim in JSON ("TransientFailure"); never translated.
QString recordTypeName(RecordType type);
std::optional<RecordType> recordTypeFromName(const QString &name);

} // namespace Dsn
