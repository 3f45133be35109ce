// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QList>
#include <QString>

#include "smtp/ClientOptions.h"

class QSettings;

namespace Dsn::Capture {

/**
 * A staging server the analyst captures from. Saved in QSettings under "captureProfiles";
 * the password is deliberately not a member: it lives in a SecretStore under secretKey().
 */
struct StagingProfile
{
    QString name;
    QString host;
    quint16 port = 25;
    Smtp::TlsMode tls = Smtp::TlsMode::Opportunistic;
    bool acceptUntrustedCertificate = false;
    QString user;

    /// "staging/<name>", the key of the password in the SecretStore.
    QString secretKey() const;
    bool isValid() const { return !name.trimmed().isEmpty() && !host.trimmed().isEmpty() && port != 0; }

    static QString settingsGroup();
    /// Profiles in name order; entries with an unreadable TLS mode fall back to opportunistic.
    static QList<StagingProfile> loadAll(QSettings &settings);
    /// Replaces the stored list; nothing secret is written.
    static void saveAll(QSettings &settings, const QList<StagingProfile> &profiles);

    /// Stable ids for settings files: "off", "opportunistic", "required", "implicit".
    static QString tlsModeId(Smtp::TlsMode mode);
    static Smtp::TlsMode tlsModeFromId(const QString &id);

    friend bool operator==(const StagingProfile &, const StagingProfile &) = default;
};

} // namespace Dsn::Capture
