// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "ThrowawayCertificate.h"

#include <QProcess>
#include <QStandardPaths>

namespace Dsn::Test {

ThrowawayCertificate::ThrowawayCertificate()
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty() || !m_dir.isValid()) {
        m_error = QStringLiteral("openssl not found or no temporary folder");
        return;
    }
    QProcess p;
    // EC keys are generated instantly; RSA 2048 would cost a noticeable part of a test's budget.
    p.start(openssl,
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
             QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
             QStringLiteral("-keyout"), keyPath(), QStringLiteral("-out"), certificatePath(), QStringLiteral("-days"),
             QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=sandbox.test")});
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        m_error = QStringLiteral("openssl failed: ") + QString::fromLocal8Bit(p.readAllStandardError());
}

} // namespace Dsn::Test
