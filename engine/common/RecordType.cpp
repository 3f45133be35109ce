// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "common/RecordType.h"

#include <array>
#include <utility>

namespace Dsn {

namespace {

constexpr std::array<std::pair<RecordType, const char *>, 10> kNames{{
    {RecordType::Delivery, "Delivery"},
    {RecordType::TransientFailure, "TransientFailure"},
    {RecordType::Bounce, "Bounce"},
    {RecordType::Reception, "Reception"},
    {RecordType::Expiration, "Expiration"},
    {RecordType::AdminBounce, "AdminBounce"},
    {RecordType::OOB, "OOB"},
    {RecordType::Feedback, "Feedback"},
    {RecordType::Rejection, "Rejection"},
    {RecordType::Other, "Other"},
}};

} // namespace

QString recordTypeName(RecordType type)
{
    // Literals, not strings built from kNames: a replay names one type per failure, and a
    // literal's copy allocates nothing and shares no reference count between threads.
    switch (type) {
    case RecordType::Delivery: return QStringLiteral("Delivery");
    case RecordType::TransientFailure: return QStringLiteral("TransientFailure");
    case RecordType::Bounce: return QStringLiteral("Bounce");
    case RecordType::Reception: return QStringLiteral("Reception");
    case RecordType::Expiration: return QStringLiteral("Expiration");
    case RecordType::AdminBounce: return QStringLiteral("AdminBounce");
    case RecordType::OOB: return QStringLiteral("OOB");
    case RecordType::Feedback: return QStringLiteral("Feedback");
    case RecordType::Rejection: return QStringLiteral("Rejection");
    case RecordType::Other: break;
    }
    return QStringLiteral("Other");
}

std::optional<RecordType> recordTypeFromName(const QString &name)
{
    for (const auto &[t, n] : kNames) {
        if (name.compare(QLatin1String(n), Qt::CaseInsensitive) == 0)
            return t;
    }
    return std::nullopt;
}

} // namespace Dsn
