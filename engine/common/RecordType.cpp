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
    for (const auto &[t, name] : kNames) {
        if (t == type)
            return QString::fromLatin1(name);
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
