// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QAbstractSocket>
#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QStringList>

#include "common/Clock.h"
#include "common/CompatProfile.h"

namespace Dsn::Smtp {

/// How the client protects the session.
enum class TlsMode {
    Off,           ///< never STARTTLS, even when advertised
    Opportunistic, ///< STARTTLS when advertised; plain text otherwise or when the server refuses it
    Required,      ///< STARTTLS must be advertised, accepted and negotiated, or the run fails
    Implicit,      ///< TLS from the first byte (port 465 style)
};

enum class AuthMechanism {
    Auto,  ///< PLAIN when advertised, otherwise LOGIN
    Plain,
    Login,
};

/// Per-phase limits in milliseconds. Each covers one whole reply, not the gap between bytes, so
/// a server that trickles an endless reply still ends the run on time.
struct Timeouts
{
    int connectMs = 30'000;  ///< TCP connect (and, for implicit TLS, the handshake)
    int greetingMs = 60'000;
    int commandMs = 60'000;  ///< EHLO/HELO, STARTTLS and its handshake, AUTH, MAIL, RCPT, DATA, QUIT
    int dataMs = 120'000;    ///< sending the body and waiting for the reply to the final dot
};

/// Hard limits on one reply, so a hostile server cannot make the client buffer without bound.
struct ReplyLimits
{
    int maxLineLength = 4096; ///< bytes, without CRLF (spec §1)
    int maxLines = 256;
    int maxBytes = 64 * 1024; ///< all lines of one reply, CRLFs included
};

/**
 * Everything one SMTP run needs. Plain value type; SmtpClient copies it at start().
 */
struct ClientOptions
{
    QString host;
    quint16 port = 25;
    QAbstractSocket::NetworkLayerProtocol protocol = QAbstractSocket::AnyIPProtocol;

    TlsMode tls = TlsMode::Opportunistic;
    /// Name the certificate must match (and SNI); empty: the host.
    QString tlsServerName;
    /// A staging server's self-signed certificate is accepted only when this is set explicitly.
    bool acceptUntrustedCertificate = false;
    /// Extra trust anchors, e.g. a staging CA, added to the system ones.
    QList<QSslCertificate> extraCaCertificates;

    /// EHLO/HELO argument; empty: this machine's host name.
    QString heloName;

    /// AUTH is attempted only when a user name is set.
    QString authUser;
    QString authPassword;
    AuthMechanism authMechanism = AuthMechanism::Auto;

    QString sender;
    QStringList recipients;
    /// RFC 5322 message; empty: a small generated test message. Line endings are normalised.
    QByteArray message;

    CompatProfile profile = CompatProfile::Documented;
    Timeouts timeouts;
    ReplyLimits limits;
    /// Send MAIL, RCPT and DATA as one group when the server advertises PIPELINING.
    bool pipelining = true;
    /// Body lines copied into the transcript before it only notes how many more were sent.
    int transcriptBodyLines = 200;

    /// Transcript times; null: Clock::system(). Must outlive the run.
    const Clock *clock = nullptr;

    QString effectiveHeloName() const;
    /// `message`, or the generated test message when it is empty.
    QByteArray effectiveMessage() const;
    /// A minimal valid message from `sender` to `recipients` (Date, Message-ID, Subject).
    QByteArray defaultMessage() const;
};

} // namespace Dsn::Smtp
