// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Dsn::Lua {

/**
 * Finds `kumo.a.b(…)`-style calls in policy text without running it. Production policies do
 * most of their KumoMTA set-up inside handlers the workbench never runs (`init`,
 * `get_egress_path_config` …), so the runtime alone would never see those calls; this scan
 * lets the workbench list them anyway. Comments and strings are skipped; aliases other than
 * a local named `kumo` are not followed.
 */
class KumoCallScanner
{
public:
    struct Call
    {
        QString path; ///< "kumo.dkim.rsa_sha256_signer"
        int line = -1;
    };

    static QList<Call> scan(const QByteArray &source);
};

} // namespace Dsn::Lua
