// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

class QSslCertificate;

namespace Dsn::Smtp {

/// What the workbench reports about a TLS session or a failed handshake.
struct TlsInfo
{
    bool active = false;       ///< the session is encrypted
    bool implicit = false;     ///< TLS from the first byte rather than STARTTLS
    QString protocol;          ///< e.g. "TLSv1.3"
    QString cipher;
    QString peerSubject;       ///< certificate subject, e.g. "CN=mx.example.com, O=…"
    QString peerIssuer;
    QDateTime peerNotBefore;
    QDateTime peerNotAfter;
    QString peerSha256;        ///< colon-separated hex fingerprint
    QStringList peerAltNames;
    /// Verification errors seen during the handshake (also when they were accepted).
    QStringList verificationErrors;
    bool untrustedAccepted = false;

    void setPeerCertificate(const QSslCertificate &certificate);
    /// "subject …, issuer …, expires …, SHA-256 …" for error texts.
    QString certificateSummary() const;
};

} // namespace Dsn::Smtp
