// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "StagingProfile.h"

#include <algorithm>

#include <QSettings>

namespace Dsn::Capture {

namespace {

const auto NameKey = QLatin1String("name");
const auto HostKey = QLatin1String("host");
const auto PortKey = QLatin1String("port");
const auto TlsKey = QLatin1String("tls");
const auto UntrustedKey = QLatin1String("acceptUntrustedCertificate");
const auto UserKey = QLatin1String("user");

} // namespace

QString StagingProfile::secretKey() const
{
    return QStringLiteral("staging/") + name;
}

QString StagingProfile::settingsGroup()
{
    return QStringLiteral("captureProfiles");
}

QList<StagingProfile> StagingProfile::loadAll(QSettings &settings)
{
    QList<StagingProfile> profiles;
    settings.beginGroup(settingsGroup());
    const int count = settings.beginReadArray(QStringLiteral("profiles"));
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        StagingProfile p;
        p.name = settings.value(NameKey).toString();
        p.host = settings.value(HostKey).toString();
        const int port = settings.value(PortKey, 25).toInt();
        p.port = quint16(std::clamp(port, 0, 65535));
        p.tls = tlsModeFromId(settings.value(TlsKey).toString());
        p.acceptUntrustedCertificate = settings.value(UntrustedKey, false).toBool();
        p.user = settings.value(UserKey).toString();
        if (!p.name.isEmpty())
            profiles.append(p);
    }
    settings.endArray();
    settings.endGroup();
    std::sort(profiles.begin(), profiles.end(),
              [](const StagingProfile &a, const StagingProfile &b) { return a.name.localeAwareCompare(b.name) < 0; });
    return profiles;
}

void StagingProfile::saveAll(QSettings &settings, const QList<StagingProfile> &profiles)
{
    settings.beginGroup(settingsGroup());
    settings.remove(QString());
    settings.beginWriteArray(QStringLiteral("profiles"), int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        const StagingProfile &p = profiles.at(i);
        settings.setArrayIndex(i);
        settings.setValue(NameKey, p.name);
        settings.setValue(HostKey, p.host);
        settings.setValue(PortKey, int(p.port));
        settings.setValue(TlsKey, tlsModeId(p.tls));
        settings.setValue(UntrustedKey, p.acceptUntrustedCertificate);
        settings.setValue(UserKey, p.user);
    }
    settings.endArray();
    settings.endGroup();
}

QString StagingProfile::tlsModeId(Smtp::TlsMode mode)
{
    switch (mode) {
    case Smtp::TlsMode::Off:
        return QStringLiteral("off");
    case Smtp::TlsMode::Opportunistic:
        return QStringLiteral("opportunistic");
    case Smtp::TlsMode::Required:
        return QStringLiteral("required");
    case Smtp::TlsMode::Implicit:
        return QStringLiteral("implicit");
    }
    return QStringLiteral("opportunistic");
}

Smtp::TlsMode StagingProfile::tlsModeFromId(const QString &id)
{
    for (Smtp::TlsMode mode : {Smtp::TlsMode::Off, Smtp::TlsMode::Opportunistic, Smtp::TlsMode::Required,
                               Smtp::TlsMode::Implicit}) {
        if (tlsModeId(mode) == id)
            return mode;
    }
    return Smtp::TlsMode::Opportunistic;
}

} // namespace Dsn::Capture
