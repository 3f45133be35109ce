// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "common/CompatProfile.h"

namespace Dsn {

QString compatProfileId(CompatProfile profile)
{
    return profile == CompatProfile::V2026_06 ? QStringLiteral("2026.06") : QStringLiteral("documented");
}

std::optional<CompatProfile> compatProfileFromId(const QString &id)
{
    const QString t = id.trimmed().toLower();
    if (t == QLatin1String("documented") || t == QLatin1String("doc"))
        return CompatProfile::Documented;
    if (t == QLatin1String("2026.06") || t == QLatin1String("2026.06.23"))
        return CompatProfile::V2026_06;
    return std::nullopt;
}

QStringList compatProfileIds()
{
    return {QStringLiteral("documented"), QStringLiteral("2026.06")};
}

} // namespace Dsn
