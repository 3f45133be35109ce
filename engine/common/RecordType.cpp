// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "common/RecordType.h"

#include <array>
#include <string_view>
#include <utility>

namespace Dsn {

namespace {

constexpr std::array<std::pair<RecordType, std::u16string_view>, 10> kNames{{
    {RecordType::Delivery, u"Delivery"},
    {RecordType::TransientFailure, u"TransientFailure"},
    {RecordType::Bounce, u"Bounce"},
    {RecordType::Reception, u"Reception"},
    {RecordType::Expiration, u"Expiration"},
    {RecordType::AdminBounce, u"AdminBounce"},
    {RecordType::OOB, u"OOB"},
    {RecordType::Feedback, u"Feedback"},
    {RecordType::Rejection, u"Rejection"},
    {RecordType::Other, u"Other"},
}};

} // namespace

QString recordTypeName(RecordType type)
{
    // Raw data over the static table, not a string built from it: a replay names one type per
    // failure, and such a copy allocates nothing and shares no reference count between threads.
    for (const auto &[t, name] : kNames) {
        if (t == type)
            return QString::fromRawData(reinterpret_cast<const QChar *>(name.data()), qsizetype(name.size()));
    }
    return QStringLiteral("Other");
}

std::optional<RecordType> recordTypeFromName(const QString &name)
{
    for (const auto &[t, n] : kNames) {
        if (name.compare(QStringView(n), Qt::CaseInsensitive) == 0)
            return t;
    }
    return std::nullopt;
}

} // namespace Dsn
