// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "smtp/TlsInfo.h"

#include <QCryptographicHash>
#include <QSslCertificate>

namespace Dsn::Smtp {

namespace {

QString distinguishedName(const QSslCertificate &c, bool issuer)
{
    // Qt has no one-call DN formatter in 6.4; these attributes are the ones people recognise.
    static const QList<QByteArray> kAttributes = {"CN", "O", "OU", "L", "ST", "C"};
    QStringList parts;
    for (const QByteArray &attr : kAttributes) {
        const QStringList values = issuer ? c.issuerInfo(attr) : c.subjectInfo(attr);
        for (const QString &v : values)
            parts.append(QString::fromLatin1(attr) + QLatin1Char('=') + v);
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

void TlsInfo::setPeerCertificate(const QSslCertificate &certificate)
{
    if (certificate.isNull())
        return;
    peerSubject = distinguishedName(certificate, false);
    peerIssuer = distinguishedName(certificate, true);
    peerNotBefore = certificate.effectiveDate();
    peerNotAfter = certificate.expiryDate();
    const QByteArray digest = certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper();
    peerSha256 = QString::fromLatin1(digest);
    peerAltNames.clear();
    const auto alt = certificate.subjectAlternativeNames();
    for (auto it = alt.cbegin(); it != alt.cend(); ++it)
        peerAltNames.append(it.value());
}

QString TlsInfo::certificateSummary() const
{
    if (peerSubject.isEmpty() && peerSha256.isEmpty())
        return QStringLiteral("no peer certificate");
    return QStringLiteral("subject \"%1\", issuer \"%2\", expires %3, SHA-256 %4")
        .arg(peerSubject, peerIssuer, peerNotAfter.toUTC().toString(Qt::ISODate), peerSha256);
}

} // namespace Dsn::Smtp
