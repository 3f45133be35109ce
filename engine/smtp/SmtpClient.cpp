// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "smtp/SmtpClient.h"

#include <QHostAddress>
#include <QSslCipher>
#include <QSslConfiguration>

#include "common/DeliveryRules.h"
#include "common/InternalResponse.h"
#include "smtp/DataEncoder.h"

namespace Dsn::Smtp {

namespace {

constexpr qint64 kReadChunk = 16 * 1024;

QString withoutCrlf(const QByteArray &wire)
{
    QString s = QString::fromUtf8(wire);
    while (s.endsWith(QLatin1Char('\n')) || s.endsWith(QLatin1Char('\r')))
        s.chop(1);
    return s;
}

} // namespace

SmtpClient::SmtpClient(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SmtpClient::onTimeout);
}

SmtpClient::~SmtpClient()
{
    releaseSocket();
}

bool SmtpClient::start(const ClientOptions &options)
{
    if (m_stage != Stage::Idle)
        return false;
    m_options = options;
    m_result = TransactionResult{};
    m_result.host = options.host;
    m_result.port = options.port;
    m_result.sender = options.sender;
    m_pending.clear();
    m_nextRcpt = 0;
    m_mailRejected = false;
    m_startTlsDone = false;
    m_ehloDone = false;
    m_reader = ReplyReader(options.limits, options.profile);
    m_startMs = clock().monotonicMs();
    for (const QString &r : options.recipients) {
        RecipientResult rr;
        rr.recipient = r;
        m_result.recipients.append(rr);
    }
    m_stage = Stage::Connecting;

    if (options.host.isEmpty() || options.recipients.isEmpty()) {
        // Reported asynchronously like every other failure, so callers handle one path.
        const QString detail = options.host.isEmpty() ? tr("no host given") : tr("no recipients given");
        QTimer::singleShot(0, this, [this, detail] { failConnection(SmtpPhase::Connect, detail); });
        return true;
    }

    m_socket = new QSslSocket(this);
    // Qt must not buffer more than this from the OS; ReplyReader's limits cap the rest.
    m_socket->setReadBufferSize(64 * 1024);
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    if (!options.extraCaCertificates.isEmpty())
        config.addCaCertificates(options.extraCaCertificates);
    m_socket->setSslConfiguration(config);
    const QString verifyName = options.tlsServerName.isEmpty() ? options.host : options.tlsServerName;
    m_socket->setPeerVerifyName(verifyName);

    connect(m_socket, &QAbstractSocket::connected, this, &SmtpClient::onConnected);
    connect(m_socket, &QSslSocket::encrypted, this, &SmtpClient::onEncrypted);
    connect(m_socket, &QIODevice::readyRead, this, &SmtpClient::onReadyRead);
    connect(m_socket, &QAbstractSocket::disconnected, this, &SmtpClient::onDisconnected);
    connect(m_socket, &QAbstractSocket::errorOccurred, this, &SmtpClient::onSocketError);
    connect(m_socket, &QSslSocket::sslErrors, this, &SmtpClient::onSslErrors);

    info(SmtpPhase::Connect, tr("Connecting to %1 port %2%3")
                                 .arg(options.host)
                                 .arg(options.port)
                                 .arg(options.tls == TlsMode::Implicit ? tr(" (implicit TLS)") : QString()));
    m_timerPhase = SmtpPhase::Connect;
    m_timerWhat = QStringLiteral("connect");
    m_timer.start(options.timeouts.connectMs);
    if (options.tls == TlsMode::Implicit) {
        m_result.tls.implicit = true;
        m_socket->connectToHostEncrypted(options.host, options.port, verifyName, QIODevice::ReadWrite,
                                         options.protocol);
    } else {
        m_socket->connectToHost(options.host, options.port, QIODevice::ReadWrite, options.protocol);
    }
    return true;
}

void SmtpClient::abort()
{
    if (m_stage == Stage::Idle)
        return;
    failTransport(currentPhase(), tr("the run was aborted"));
}

// ---- socket events -------------------------------------------------------------------------

void SmtpClient::onConnected()
{
    m_result.peerAddress = m_socket->peerAddress().toString();
    // Commands are small and each waits for a reply: Nagle's algorithm would only add latency.
    // Pipelined groups still leave in one segment because Qt flushes its buffer with one send().
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    info(SmtpPhase::Connect, tr("Connected to %1 port %2").arg(m_result.peerAddress).arg(m_socket->peerPort()));
    if (m_options.tls == TlsMode::Implicit) {
        // The connect timeout keeps running: it covers the handshake too.
        m_stage = Stage::Handshaking;
        return;
    }
    m_stage = Stage::Session;
    expectGreeting();
}

void SmtpClient::onEncrypted()
{
    TlsInfo &tls = m_result.tls;
    tls.active = true;
    const QSslCipher cipher = m_socket->sessionCipher();
    tls.protocol = cipher.protocolString();
    tls.cipher = cipher.name();
    tls.setPeerCertificate(m_socket->peerCertificate());
    info(currentPhase(), tr("TLS established: %1, %2; certificate %3")
                             .arg(tls.protocol, tls.cipher, tls.certificateSummary()));
    m_stage = Stage::Session;
    m_reader.reset();
    if (m_options.tls == TlsMode::Implicit) {
        expectGreeting();
    } else {
        m_startTlsDone = true;
        m_timer.stop();
        // RFC 3207 §4.2: forget everything learnt before TLS and say EHLO again.
        m_result.capabilities.clear();
        sendEhlo(false);
    }
}

void SmtpClient::onSslErrors(const QList<QSslError> &errors)
{
    TlsInfo &tls = m_result.tls;
    for (const QSslError &e : errors)
        tls.verificationErrors.append(e.errorString());
    tls.setPeerCertificate(m_socket->peerCertificate());
    if (m_options.acceptUntrustedCertificate) {
        tls.untrustedAccepted = true;
        info(currentPhase(), tr("Certificate not trusted (%1), accepted by explicit choice; certificate %2")
                                 .arg(tls.verificationErrors.join(QStringLiteral("; ")), tls.certificateSummary()));
        m_socket->ignoreSslErrors(errors);
    }
}

void SmtpClient::onReadyRead()
{
    while (m_stage == Stage::Session && m_socket && m_socket->bytesAvailable() > 0) {
        m_reader.append(m_socket->read(kReadChunk));
        if (!drainReplies())
            return;
    }
}

void SmtpClient::onDisconnected()
{
    if (m_stage == Stage::Idle)
        return;
    // Replies that arrived together with the close still count.
    onReadyRead();
    if (m_stage == Stage::Idle)
        return;
    if (m_stage == Stage::Session && !m_pending.empty() && m_pending.front().step == Step::Quit) {
        finish();
        return;
    }
    const QStringList partial = m_reader.partialLines();
    QString error = m_pending.empty()
        ? tr("the server closed the connection")
        : tr("the server closed the connection while the reply to %1 was expected")
              .arg(withoutCrlf(m_pending.front().command.toUtf8()));
    if (!partial.isEmpty())
        error += tr(" (after %n line(s) of a multi-line reply)", nullptr, int(partial.size()));
    if (m_stage == Stage::Connecting || m_stage == Stage::Handshaking)
        failConnection(currentPhase(), error);
    else
        failTransport(currentPhase(), error);
}

void SmtpClient::onSocketError(QAbstractSocket::SocketError error)
{
    if (m_stage == Stage::Idle || error == QAbstractSocket::RemoteHostClosedError)
        return; // onDisconnected reports closes, after reading what came with them
    const QString text = m_socket ? m_socket->errorString() : tr("socket error");
    if (error == QAbstractSocket::SslHandshakeFailedError || m_stage == Stage::Handshaking) {
        const TlsInfo &tls = m_result.tls;
        QString detail = tr("TLS handshake with %1 failed: %2").arg(peerLabel(), text);
        if (!tls.verificationErrors.isEmpty())
            detail += tr("; verification errors: %1").arg(tls.verificationErrors.join(QStringLiteral("; ")));
        detail += tr("; certificate %1").arg(tls.certificateSummary());
        if (!m_options.acceptUntrustedCertificate && !tls.verificationErrors.isEmpty())
            detail += tr(" (a staging server's certificate can be accepted explicitly)");
        failConnection(currentPhase(), detail);
        return;
    }
    if (m_stage == Stage::Connecting) {
        failConnection(SmtpPhase::Connect, QStringLiteral("%1: %2").arg(peerLabel(), text));
        return;
    }
    failTransport(currentPhase(), text);
}

void SmtpClient::onTimeout()
{
    if (m_stage == Stage::Idle)
        return;
    const int ms = int(m_timer.interval());
    if (m_stage == Stage::Connecting) {
        failConnection(SmtpPhase::Connect, tr("%1: connection timed out after %2 ms").arg(peerLabel()).arg(ms));
        return;
    }
    const QString what = m_stage == Stage::Handshaking ? tr("TLS handshake") : m_timerWhat;
    const QString error = tr("%1 did not complete within %2 ms").arg(what).arg(ms);
    fail(m_timerPhase, InternalResponse::timedOut(m_options.host, what), error);
}

// ---- replies -------------------------------------------------------------------------------

bool SmtpClient::drainReplies()
{
    for (;;) {
        const ReplyReader::Step step = m_reader.next();
        switch (step.kind) {
        case ReplyReader::Step::Kind::NeedMore:
            return true;
        case ReplyReader::Step::Kind::Line:
            log(TranscriptEntry::Direction::Received, currentPhase(), step.line);
            break;
        case ReplyReader::Step::Kind::Reply: {
            const SmtpPhase phase = currentPhase();
            log(TranscriptEntry::Direction::Received, phase, step.line);
            if (m_pending.empty()) {
                failTransport(phase, tr("unexpected reply: %1").arg(step.line.left(120)));
                return false;
            }
            const Pending pending = m_pending.front();
            m_pending.pop_front();
            armTimerForFront();
            SmtpResponse reply = step.reply;
            reply.command = pending.command;
            handleReply(pending, reply, step.lines);
            if (m_stage != Stage::Session)
                return false;
            break;
        }
        case ReplyReader::Step::Kind::Error:
            failTransport(currentPhase(), step.error);
            return false;
        }
    }
}

void SmtpClient::handleReply(const Pending &pending, const SmtpResponse &reply, const QStringList &lines)
{
    switch (pending.step) {
    case Step::Greeting:
        handleGreeting(reply, lines);
        break;
    case Step::Ehlo:
    case Step::Helo:
        handleEhlo(pending, reply, lines);
        break;
    case Step::StartTls:
        handleStartTls(reply);
        break;
    case Step::AuthPlain:
    case Step::AuthLogin:
    case Step::AuthLoginUser:
    case Step::AuthLoginPassword:
        handleAuth(pending, reply);
        break;
    case Step::MailFrom:
        handleMailFrom(pending, reply, lines);
        break;
    case Step::RcptTo:
        handleRcptTo(pending, reply, lines);
        break;
    case Step::Data:
        handleData(pending, reply, lines);
        break;
    case Step::EndOfData:
        handleEndOfData(pending, reply, lines);
        break;
    case Step::Quit:
        finish();
        break;
    }
}

void SmtpClient::handleGreeting(const SmtpResponse &reply, const QStringList &lines)
{
    m_result.greeting = lines.value(0);
    if (reply.code != 220) {
        failConnection(SmtpPhase::Greeting, tr("%1: the greeting was \"%2\" instead of 220")
                                                .arg(peerLabel(), reply.toSingleLine(CompatProfile::V2026_06)));
        return;
    }
    sendEhlo(false);
}

void SmtpClient::handleEhlo(const Pending &pending, const SmtpResponse &reply, const QStringList &lines)
{
    const bool helo = pending.step == Step::Helo;
    if (reply.code == 250) {
        m_result.esmtp = !helo;
        m_result.capabilities.clear();
        for (qsizetype i = 1; i < lines.size(); ++i)
            m_result.capabilities.append(lines[i].mid(4).trimmed());
        afterEhlo();
        return;
    }
    // RFC 5321 §3.2: a server that does not know EHLO answers 5xx, and HELO is the way back.
    if (!helo && reply.code >= 500 && reply.code <= 599) {
        info(SmtpPhase::Ehlo, tr("EHLO refused with %1, falling back to HELO").arg(reply.code));
        sendEhlo(true);
        return;
    }
    failConnection(SmtpPhase::Ehlo, tr("%1: %2 was answered \"%3\"")
                                        .arg(peerLabel(), helo ? QStringLiteral("HELO") : QStringLiteral("EHLO"),
                                             reply.toSingleLine(CompatProfile::V2026_06)));
}

void SmtpClient::afterEhlo()
{
    const bool wantTls = m_options.tls == TlsMode::Opportunistic || m_options.tls == TlsMode::Required;
    if (wantTls && !m_startTlsDone && !m_result.tls.active) {
        if (m_result.hasCapability(u"STARTTLS")) {
            send(Step::StartTls, "STARTTLS\r\n", QStringLiteral("STARTTLS"));
            return;
        }
        if (m_options.tls == TlsMode::Required) {
            failConnection(SmtpPhase::StartTls,
                           tr("%1: TLS is required but the server does not advertise STARTTLS").arg(peerLabel()));
            return;
        }
        m_startTlsDone = true;
        info(SmtpPhase::StartTls, tr("STARTTLS not advertised; continuing without TLS"));
    }
    if (!m_options.authUser.isEmpty() && !m_result.authenticated) {
        startAuth();
        return;
    }
    startTransaction();
}

void SmtpClient::handleStartTls(const SmtpResponse &reply)
{
    if (reply.code != 220) {
        if (m_options.tls == TlsMode::Required) {
            failConnection(SmtpPhase::StartTls, tr("%1: STARTTLS was answered \"%2\" and TLS is required")
                                                    .arg(peerLabel(), reply.toSingleLine(CompatProfile::V2026_06)));
            return;
        }
        m_startTlsDone = true;
        info(SmtpPhase::StartTls, tr("STARTTLS refused with %1; continuing without TLS").arg(reply.code));
        afterEhlo();
        return;
    }
    if (m_reader.pendingBytes() > 0) {
        // Anything after the 220 was sent in the clear and could be injected (CVE-2011-0411 style).
        info(SmtpPhase::StartTls, tr("Dropped %n byte(s) the server sent before the TLS handshake", nullptr,
                                     int(m_reader.pendingBytes())));
    }
    m_reader.reset();
    m_stage = Stage::Handshaking;
    m_timerPhase = SmtpPhase::StartTls;
    m_timerWhat = tr("TLS handshake");
    m_timer.start(m_options.timeouts.commandMs);
    m_socket->startClientEncryption();
}

void SmtpClient::startAuth()
{
    const QStringList offered = m_result.capabilityArguments(u"AUTH").toUpper().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    AuthMechanism mech = m_options.authMechanism;
    if (mech == AuthMechanism::Auto) {
        if (offered.isEmpty()) {
            failConnection(SmtpPhase::Auth, tr("%1: credentials were given but the server does not advertise AUTH")
                                                .arg(peerLabel()));
            return;
        }
        mech = offered.contains(QStringLiteral("PLAIN")) || !offered.contains(QStringLiteral("LOGIN"))
            ? AuthMechanism::Plain
            : AuthMechanism::Login;
    }
    if (!m_result.tls.active)
        info(SmtpPhase::Auth, tr("Sending credentials without TLS"));
    const QByteArray user = m_options.authUser.toUtf8();
    const QByteArray password = m_options.authPassword.toUtf8();
    if (mech == AuthMechanism::Plain) {
        const QByteArray token = (QByteArray(1, '\0') + user + QByteArray(1, '\0') + password).toBase64();
        send(Step::AuthPlain, "AUTH PLAIN " + token + "\r\n", QStringLiteral("AUTH PLAIN ****"));
    } else {
        send(Step::AuthLogin, "AUTH LOGIN\r\n", QStringLiteral("AUTH LOGIN"));
    }
}

void SmtpClient::handleAuth(const Pending &pending, const SmtpResponse &reply)
{
    if ((pending.step == Step::AuthPlain || pending.step == Step::AuthLoginPassword) && reply.code == 235) {
        m_result.authenticated = true;
        startTransaction();
        return;
    }
    if (pending.step == Step::AuthLogin && reply.code == 334) {
        send(Step::AuthLoginUser, m_options.authUser.toUtf8().toBase64() + "\r\n", QStringLiteral("****"));
        return;
    }
    if (pending.step == Step::AuthLoginUser && reply.code == 334) {
        send(Step::AuthLoginPassword, m_options.authPassword.toUtf8().toBase64() + "\r\n", QStringLiteral("****"));
        return;
    }
    failConnection(SmtpPhase::Auth, tr("%1: authentication failed: \"%2\"")
                                        .arg(peerLabel(), reply.toSingleLine(CompatProfile::V2026_06)));
}

// ---- the transaction -----------------------------------------------------------------------

void SmtpClient::startTransaction()
{
    const QByteArray normalized = DataEncoder::normalizeLineEndings(m_options.effectiveMessage());
    m_result.messageSize = normalized.size();
    QByteArray mail = "MAIL FROM:<" + m_options.sender.toUtf8() + ">";
    if (m_result.hasCapability(u"SIZE"))
        mail += " SIZE=" + QByteArray::number(m_result.messageSize);
    mail += "\r\n";
    const bool pipeline = m_options.pipelining && m_result.hasCapability(u"PIPELINING");
    m_result.pipelined = pipeline;
    send(Step::MailFrom, mail, withoutCrlf(mail));
    if (!pipeline)
        return;
    // RFC 2920: MAIL, every RCPT and DATA may go out together; DATA must be the last of the group.
    for (int i = 0; i < m_result.recipients.size(); ++i)
        sendRcpt(i);
    send(Step::Data, "DATA\r\n", QStringLiteral("DATA"));
}

void SmtpClient::sendRcpt(int index)
{
    const QByteArray rcpt = "RCPT TO:<" + m_result.recipients[index].recipient.toUtf8() + ">\r\n";
    send(Step::RcptTo, rcpt, withoutCrlf(rcpt), index);
    m_nextRcpt = index + 1;
}

void SmtpClient::handleMailFrom(const Pending &pending, const SmtpResponse &reply, const QStringList &lines)
{
    if (!DeliveryRules::eventFires(SmtpPhase::MailFrom, reply.code, m_options.profile)) {
        if (!m_result.pipelined)
            sendRcpt(0);
        return;
    }
    Q_UNUSED(pending)
    // One rejected MAIL FROM decides every recipient (spec §3: the event fires once per recipient).
    m_mailRejected = true;
    for (int i = 0; i < m_result.recipients.size(); ++i)
        decide(i, SmtpPhase::MailFrom, reply, lines, false);
    if (m_result.pipelined) {
        for (Pending &p : m_pending)
            p.discard = true;
        return; // the RCPT and DATA replies still come; handleData sends QUIT
    }
    sendQuit();
}

void SmtpClient::handleRcptTo(const Pending &pending, const SmtpResponse &reply, const QStringList &lines)
{
    if (!pending.discard && pending.recipient >= 0) {
        RecipientResult &r = m_result.recipients[pending.recipient];
        if (DeliveryRules::eventFires(SmtpPhase::RcptTo, reply.code, m_options.profile)) {
            decide(pending.recipient, SmtpPhase::RcptTo, reply, lines, false);
        } else {
            r.accepted = true;
            r.phase = SmtpPhase::RcptTo;
            r.reply = reply;
            r.replyLines = lines;
        }
    }
    if (m_result.pipelined)
        return;
    if (m_nextRcpt < m_result.recipients.size())
        sendRcpt(m_nextRcpt);
    else
        sendDataOrQuit();
}

void SmtpClient::sendDataOrQuit()
{
    if (anyAccepted())
        send(Step::Data, "DATA\r\n", QStringLiteral("DATA"));
    else
        sendQuit();
}

void SmtpClient::handleData(const Pending &pending, const SmtpResponse &reply, const QStringList &lines)
{
    if (pending.discard || !anyAccepted()) {
        if (reply.code == 354) {
            // A pipelined DATA the server accepted although no recipient was: end it empty.
            send(Step::EndOfData, ".\r\n", QStringLiteral("."), -1, m_options.timeouts.dataMs);
            m_pending.back().discard = true;
        } else {
            sendQuit();
        }
        return;
    }
    if (DeliveryRules::eventFires(SmtpPhase::Data, reply.code, m_options.profile)) {
        rejectAccepted(SmtpPhase::Data, reply, lines);
        sendQuit();
        return;
    }
    sendBody();
}

void SmtpClient::sendBody()
{
    const QByteArray body = DataEncoder::encode(m_options.effectiveMessage());
    m_socket->write(body);
    const QList<QByteArray> bodyLines = body.split('\n');
    int logged = 0;
    for (const QByteArray &line : bodyLines) {
        if (line.isEmpty())
            continue; // the split leaves one empty piece after the final CRLF
        if (logged == m_options.transcriptBodyLines) {
            info(SmtpPhase::Data, tr("… %n more body line(s) sent", nullptr, int(bodyLines.size() - 1 - logged)));
            break;
        }
        log(TranscriptEntry::Direction::Sent, SmtpPhase::Data, withoutCrlf(line));
        ++logged;
    }
    send(Step::EndOfData, ".\r\n", QStringLiteral("."), -1, m_options.timeouts.dataMs);
}

void SmtpClient::handleEndOfData(const Pending &pending, const SmtpResponse &reply, const QStringList &lines)
{
    if (!pending.discard) {
        if (DeliveryRules::eventFires(SmtpPhase::EndOfData, reply.code, m_options.profile)) {
            rejectAccepted(SmtpPhase::EndOfData, reply, lines);
        } else {
            for (int i = 0; i < m_result.recipients.size(); ++i) {
                if (m_result.recipients[i].accepted && !m_result.recipients[i].decided())
                    decide(i, SmtpPhase::EndOfData, reply, lines, true);
            }
        }
    }
    sendQuit();
}

void SmtpClient::sendQuit()
{
    send(Step::Quit, "QUIT\r\n", QStringLiteral("QUIT"));
}

// ---- plumbing ------------------------------------------------------------------------------

void SmtpClient::expectGreeting()
{
    Pending p;
    p.step = Step::Greeting;
    p.timeoutMs = m_options.timeouts.greetingMs;
    m_pending.push_back(p);
    m_timer.stop();
    armTimerForFront();
}

void SmtpClient::sendEhlo(bool helo)
{
    const QByteArray wire = (helo ? "HELO " : "EHLO ") + m_options.effectiveHeloName().toUtf8() + "\r\n";
    send(helo ? Step::Helo : Step::Ehlo, wire, withoutCrlf(wire));
}

void SmtpClient::send(Step step, const QByteArray &wire, const QString &display, int recipient, int timeoutMs)
{
    Pending p;
    p.step = step;
    p.command = step == Step::AuthPlain || step == Step::AuthLoginUser || step == Step::AuthLoginPassword
        ? display + QStringLiteral("\r\n")
        : QString::fromUtf8(wire);
    p.recipient = recipient;
    p.timeoutMs = timeoutMs >= 0 ? timeoutMs : m_options.timeouts.commandMs;
    const bool wasIdle = m_pending.empty();
    m_pending.push_back(p);
    log(TranscriptEntry::Direction::Sent, phaseOf(step), display);
    m_socket->write(wire);
    if (wasIdle)
        armTimerForFront();
}

void SmtpClient::armTimerForFront()
{
    if (m_pending.empty()) {
        m_timer.stop();
        return;
    }
    const Pending &p = m_pending.front();
    m_timerPhase = phaseOf(p.step);
    m_timerWhat = p.step == Step::Greeting ? tr("greeting") : tr("reply to %1").arg(withoutCrlf(p.command.toUtf8()));
    m_timer.start(p.timeoutMs);
}

void SmtpClient::decide(int index, SmtpPhase phase, const SmtpResponse &reply, const QStringList &lines,
                        bool delivered)
{
    RecipientResult &r = m_result.recipients[index];
    r.phase = phase;
    r.reply = reply;
    r.replyLines = lines;
    r.delivered = delivered;
    r.eventEligible = !delivered;
    r.synthesised = false;
}

void SmtpClient::rejectAccepted(SmtpPhase phase, const SmtpResponse &reply, const QStringList &lines)
{
    for (int i = 0; i < m_result.recipients.size(); ++i) {
        if (m_result.recipients[i].accepted && !m_result.recipients[i].decided())
            decide(i, phase, reply, lines, false);
    }
}

bool SmtpClient::anyAccepted() const
{
    for (const RecipientResult &r : m_result.recipients) {
        if (r.accepted && !r.decided())
            return true;
    }
    return false;
}

bool SmtpClient::allDecided() const
{
    for (const RecipientResult &r : m_result.recipients) {
        if (!r.decided())
            return false;
    }
    return true;
}

void SmtpClient::fail(SmtpPhase phase, const SmtpResponse &synthesised, const QString &error)
{
    if (m_stage == Stage::Idle)
        return;
    if (allDecided()) {
        // Every recipient already has its answer (e.g. QUIT went unanswered): not a failure.
        info(phase, error);
        finish();
        return;
    }
    info(phase, error);
    m_result.error = error;
    m_result.errorPhase = phase;
    for (RecipientResult &r : m_result.recipients) {
        if (r.decided())
            continue;
        r.phase = phase;
        r.reply = synthesised;
        r.replyLines.clear();
        r.synthesised = true;
    }
    finish();
}

void SmtpClient::failConnection(SmtpPhase phase, const QString &detail)
{
    fail(phase, InternalResponse::connectionFailed(detail), detail);
}

void SmtpClient::failTransport(SmtpPhase phase, const QString &error)
{
    fail(phase, InternalResponse::sendFailed(error), error);
}

void SmtpClient::finish()
{
    if (m_stage == Stage::Idle)
        return;
    m_timer.stop();
    m_pending.clear();
    releaseSocket();
    m_stage = Stage::Idle;
    m_result.durationMs = clock().monotonicMs() - m_startMs;
    Q_EMIT finished(m_result);
}

void SmtpClient::releaseSocket()
{
    if (!m_socket)
        return;
    QSslSocket *socket = m_socket;
    m_socket = nullptr;
    // Disconnect first: abort() emits disconnected() synchronously and the run is already over.
    disconnect(socket, nullptr, this, nullptr);
    socket->abort();
    socket->deleteLater();
}

SmtpPhase SmtpClient::currentPhase() const
{
    if (!m_pending.empty())
        return phaseOf(m_pending.front().step);
    if (m_stage == Stage::Connecting)
        return SmtpPhase::Connect;
    return m_timerPhase;
}

SmtpPhase SmtpClient::phaseOf(Step step)
{
    switch (step) {
    case Step::Greeting:
        return SmtpPhase::Greeting;
    case Step::Ehlo:
    case Step::Helo:
        return SmtpPhase::Ehlo;
    case Step::StartTls:
        return SmtpPhase::StartTls;
    case Step::AuthPlain:
    case Step::AuthLogin:
    case Step::AuthLoginUser:
    case Step::AuthLoginPassword:
        return SmtpPhase::Auth;
    case Step::MailFrom:
        return SmtpPhase::MailFrom;
    case Step::RcptTo:
        return SmtpPhase::RcptTo;
    case Step::Data:
        return SmtpPhase::Data;
    case Step::EndOfData:
        return SmtpPhase::EndOfData;
    case Step::Quit:
        return SmtpPhase::Quit;
    }
    return SmtpPhase::Connect;
}

QString SmtpClient::peerLabel() const
{
    return QStringLiteral("%1:%2").arg(m_options.host).arg(m_options.port);
}

void SmtpClient::log(TranscriptEntry::Direction direction, SmtpPhase phase, const QString &text)
{
    TranscriptEntry e;
    e.direction = direction;
    e.phase = phase;
    e.ms = clock().monotonicMs() - m_startMs;
    e.text = text;
    m_result.transcript.append(e);
    Q_EMIT transcriptLine(e);
}

} // namespace Dsn::Smtp
