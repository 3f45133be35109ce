// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QString>
#include <QTemporaryDir>

namespace Dsn::Test {

/**
 * A throwaway self-signed certificate and key made with the openssl CLI in a temporary folder,
 * so no private key is ever committed. Removed with the object.
 */
class ThrowawayCertificate final
{
public:
    /// Runs openssl; on failure `error()` says why (tests then skip).
    ThrowawayCertificate();

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QString certificatePath() const { return m_dir.filePath(QStringLiteral("cert.pem")); }
    QString keyPath() const { return m_dir.filePath(QStringLiteral("key.pem")); }

private:
    QTemporaryDir m_dir;
    QString m_error;
};

} // namespace Dsn::Test
