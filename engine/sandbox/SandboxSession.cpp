// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "sandbox/SandboxSession.h"

#include <utility>

#include <QSslCipher>
#include <QSslSocket>

#include "sandbox/ScenarioState.h"

namespace Dsn::Sandbox {

namespace {

// "MAIL FROM:<a@b> SIZE=10" → address "a@b", params "SIZE=10". Returns false on bad syntax.
bool parsePath(const QString &arg, const QString &keyword, QString *address, QString *params)
{
    if (!arg.startsWith(keyword, Qt::CaseInsensitive))
        return false;
    const QString rest = arg.mid(keyword.size()).trimmed();
    if (rest.startsWith(QLatin1Char('<'))) {
        const qsizetype close = rest.indexOf(QLatin1Char('>'));
        if (close < 0)
            return false;
        *address = rest.mid(1, close - 1);
        *params = rest.mid(close + 1).trimmed();
    } else {
        // Lenient like Postfix: a bare address without brackets is accepted.
        const qsizetype space = rest.indexOf(QLatin1Char(' '));
        *address = rest.left(space);
        *params = space < 0 ? QString() : rest.mid(space + 1).trimmed();
        if (address->isEmpty())
            return false;
    }
    return !address->contains(QLatin1Char(' '));
}

QString printable(const QByteArray &line)
{
    QString s = QString::fromUtf8(line.left(512));
    for (QChar &c : s) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = QChar(0xfffd);
    }
    return s;
}

} // namespace

SandboxSession::SandboxSession(QSslSocket *socket, quint64 id, ScenarioState &state,
                               std::optional<QSslConfiguration> tls, bool implicitTls, DeliverFn deliver,
                               QObject *parent)
    : QObject(parent), m_socket(socket), m_id(id), m_state(state), m_tls(std::move(tls)),
      m_implicitTls(implicitTls && m_tls), m_deliver(std::move(deliver))
{
    m_socket->setParent(this);
    // A bounded read buffer makes the kernel apply TCP back-pressure while we are busy.
    m_socket->setReadBufferSize(ReadChunk);
    m_client = m_socket->peerAddress().toString();
    m_idle.setSingleShot(true);
    m_idle.setInterval(m_state.scenario().idleTimeoutMs);
}

SandboxSession::~SandboxSession() = default;

void SandboxSession::start()
{
    connect(m_socket, &QSslSocket::readyRead, this, [this] {
        m_idle.start();
        pump();
    });
    connect(m_socket, &QSslSocket::disconnected, this, &SandboxSession::finish);
    connect(m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error == QAbstractSocket::RemoteHostClosedError)
            return;
        log(QStringLiteral("!"), m_socket->errorString());
        if (error == QAbstractSocket::SslHandshakeFailedError || m_socket->state() == QAbstractSocket::UnconnectedState)
            drop();
    });
    connect(m_socket, &QSslSocket::encrypted, this, [this] {
        log(QStringLiteral("!"), QStringLiteral("TLS established (%1)").arg(m_socket->sessionCipher().name()));
        m_busy = false;
        if (m_mode == Mode::Greeting) {
            greet();
            return;
        }
        // RFC 3207 §4.2: the client starts over with EHLO and nothing from before TLS counts.
        m_ehloDone = false;
        m_helo.clear();
        resetTransaction();
        pump();
    });
    connect(&m_idle, &QTimer::timeout, this, [this] {
        log(QStringLiteral("!"), QStringLiteral("idle timeout"));
        sendError(421, "4.4.2", m_state.scenario().hostname + QStringLiteral(" Error: timeout exceeded"));
        closeGracefully();
    });
    m_idle.start();
    log(QStringLiteral("!"), QStringLiteral("connection from %1").arg(m_client));
    if (m_implicitTls) {
        m_busy = true;
        m_socket->setSslConfiguration(*m_tls);
        m_socket->startServerEncryption();
        return;
    }
    greet();
}

void SandboxSession::abort()
{
    drop();
}

bool SandboxSession::alive() const
{
    return !m_finished && m_mode != Mode::Closing;
}

void SandboxSession::greet()
{
    MatchContext ctx;
    ctx.client = m_client;
    const auto rule = m_state.select(SmtpPhase::Connect, ctx);
    m_state.recordConnection(m_client);
    answer(rule, m_state.scenario().greeting, [this](bool positive) {
        // RFC 5321 §3.1: after a 554 greeting the server waits for QUIT and answers 503 otherwise.
        m_mode = positive ? Mode::Command : Mode::NoService;
        pump();
    });
}

void SandboxSession::pump()
{
    while (alive() && !m_busy && m_mode != Mode::Greeting) {
        if (m_discarding) {
            // Skip the rest of an over-long line, up to and including its line feed.
            const QByteArray rest = m_lines.takeRest();
            const qsizetype lf = rest.indexOf('\n');
            if (lf >= 0) {
                m_discarding = false;
                m_lines.append(rest.mid(lf + 1));
            } else if (!readChunk()) {
                return;
            }
            continue;
        }
        QByteArray line;
        switch (m_lines.next(line)) {
        case LineBuffer::Status::Line:
            if (m_mode == Mode::Data)
                handleDataLine(line);
            else
                handleCommand(line);
            break;
        case LineBuffer::Status::TooLong:
            m_discarding = true;
            lineTooLong();
            break;
        case LineBuffer::Status::NeedMore:
            if (!readChunk())
                return;
            break;
        }
    }
}

bool SandboxSession::readChunk()
{
    if (m_socket->bytesAvailable() <= 0)
        return false;
    m_lines.append(m_socket->read(ReadChunk));
    return true;
}

void SandboxSession::lineTooLong()
{
    if (m_mode == Mode::Data) {
        // Answered at the final dot; until then the rest of the message is still read.
        m_messageLineTooLong = true;
        return;
    }
    log(QStringLiteral("C:"), QStringLiteral("<line longer than %1 bytes>").arg(MaxLineLength));
    sendError(500, "5.5.2", QStringLiteral("Line too long"));
}

void SandboxSession::handleDataLine(const QByteArray &line)
{
    if (line == ".") {
        endOfData();
        return;
    }
    // RFC 5321 §4.5.2: a leading dot was doubled by the client.
    const QByteArray content = line.startsWith('.') ? line.mid(1) : line;
    m_messageBytes += content.size() + 2;
    if (m_messageBytes > m_state.scenario().maxMessageBytes) {
        m_messageTooBig = true;
        m_message.clear();
        return;
    }
    m_message += content;
    m_message += "\r\n";
}

void SandboxSession::endOfData()
{
    m_mode = Mode::Command;
    log(QStringLiteral("C:"), QStringLiteral("<message, %1 bytes>.").arg(m_messageBytes));
    if (m_messageLineTooLong) {
        sendError(500, "5.5.2", QStringLiteral("Line too long"));
        resetTransaction();
        return;
    }
    if (m_messageTooBig) {
        sendError(552, "5.3.4", QStringLiteral("Message size exceeds fixed maximum message size"));
        resetTransaction();
        return;
    }
    MatchContext ctx = context();
    ctx.messageBytes = m_messageBytes;
    const auto rule = m_state.select(SmtpPhase::EndOfData, ctx);
    AcceptedMessage msg;
    msg.sessionId = m_id;
    msg.client = m_client;
    msg.helo = m_helo;
    msg.sender = m_sender.value_or(QString());
    msg.recipients = m_recipients;
    msg.data = std::exchange(m_message, QByteArray());
    msg.tls = m_socket->isEncrypted();
    if (!rule) {
        m_state.recordAcceptedMessage(ctx);
        const quint64 queued = m_deliver(std::move(msg));
        send(ScriptedReply::make(250, QStringLiteral("2.0.0"), QStringLiteral("Ok: queued as SBX%1").arg(queued)));
        resetTransaction();
        return;
    }
    answer(rule, ScriptedReply(), [this, ctx, msg = std::move(msg)](bool positive) mutable {
        if (positive) {
            m_state.recordAcceptedMessage(ctx);
            m_deliver(std::move(msg));
        }
        resetTransaction();
    });
}

void SandboxSession::handleCommand(const QByteArray &raw)
{
    log(QStringLiteral("C:"), printable(raw));
    const qsizetype space = raw.indexOf(' ');
    const QByteArray verb = (space < 0 ? raw : raw.left(space)).toUpper();
    const QString arg = space < 0 ? QString() : QString::fromUtf8(raw.mid(space + 1)).trimmed();

    if (m_mode == Mode::NoService) {
        if (verb == "QUIT") {
            send(ScriptedReply::make(221, QStringLiteral("2.0.0"), QStringLiteral("Bye")));
            closeGracefully();
        } else {
            sendError(503, "5.5.1", QStringLiteral("Error: no service, send QUIT"));
        }
        return;
    }
    if (verb == "EHLO" || verb == "HELO")
        return cmdEhlo(verb, arg);
    if (verb == "STARTTLS")
        return cmdStartTls(arg);
    if (verb == "MAIL")
        return cmdMail(arg);
    if (verb == "RCPT")
        return cmdRcpt(arg);
    if (verb == "DATA")
        return cmdData(arg);
    if (verb == "RSET") {
        return answer(m_state.select(SmtpPhase::Rset, context()),
                      ScriptedReply::make(250, QStringLiteral("2.0.0"), QStringLiteral("Ok")),
                      [this](bool) { resetTransaction(); });
    }
    if (verb == "NOOP")
        return send(ScriptedReply::make(250, QStringLiteral("2.0.0"), QStringLiteral("Ok")));
    if (verb == "QUIT") {
        return answer(m_state.select(SmtpPhase::Quit, context()),
                      ScriptedReply::make(221, QStringLiteral("2.0.0"), QStringLiteral("Bye")),
                      [this](bool) { closeGracefully(); });
    }
    if (verb == "VRFY") {
        return send(
            ScriptedReply::make(252, QStringLiteral("2.5.0"),
                                QStringLiteral("Cannot VRFY user, but will accept message and attempt delivery")));
    }
    if (verb == "HELP") {
        return send(ScriptedReply::make(
            214, QStringLiteral("2.0.0"),
            QStringList{QStringLiteral("DSN Workbench sandbox: scripted replies, nothing is relayed"),
                        QStringLiteral("Commands: EHLO HELO STARTTLS MAIL RCPT DATA RSET NOOP QUIT VRFY HELP")}));
    }
    if (raw.trimmed().isEmpty())
        return sendError(500, "5.5.2", QStringLiteral("Error: bad syntax"));
    sendError(502, "5.5.2", QStringLiteral("Error: command not recognized"));
}

void SandboxSession::cmdEhlo(const QByteArray &verb, const QString &arg)
{
    if (arg.isEmpty() || arg.contains(QLatin1Char(' ')))
        return sendError(501, "5.5.4", QStringLiteral("Syntax: %1 hostname").arg(QString::fromLatin1(verb)));
    MatchContext ctx = context();
    ctx.helo = arg;
    const Scenario &s = m_state.scenario();
    ScriptedReply fallback;
    if (verb == "HELO") {
        fallback = ScriptedReply::make(250, QString(), s.hostname);
    } else {
        const bool tls = m_tls && !m_socket->isEncrypted();
        fallback = ScriptedReply::make(250, QString(), QStringList{s.hostname} + s.ehloKeywords(tls));
    }
    answer(m_state.select(SmtpPhase::Ehlo, ctx), fallback, [this, arg](bool positive) {
        if (!positive)
            return;
        m_helo = arg;
        m_ehloDone = true;
        resetTransaction();
    });
}

void SandboxSession::cmdStartTls(const QString &arg)
{
    if (!arg.isEmpty())
        return sendError(501, "5.5.4", QStringLiteral("Syntax: STARTTLS"));
    if (m_socket->isEncrypted())
        return sendError(503, "5.5.1", QStringLiteral("Error: TLS already active"));
    if (!m_tls)
        return sendError(454, "4.7.0", QStringLiteral("TLS not available"));
    answer(m_state.select(SmtpPhase::StartTls, context()),
           ScriptedReply::make(220, QStringLiteral("2.0.0"), QStringLiteral("Ready to start TLS")),
           [this](bool positive) {
               if (positive)
                   startTls();
           });
}

void SandboxSession::startTls()
{
    // RFC 3207 §4.2: commands pipelined after STARTTLS must be discarded, not run under TLS.
    m_lines.clear();
    m_discarding = false;
    m_socket->readAll();
    m_busy = true;
    m_socket->setSslConfiguration(*m_tls);
    m_socket->startServerEncryption();
}

void SandboxSession::cmdMail(const QString &arg)
{
    if (!m_ehloDone)
        return sendError(503, "5.5.1", QStringLiteral("Error: send HELO/EHLO first"));
    if (m_sender)
        return sendError(503, "5.5.1", QStringLiteral("Error: nested MAIL command"));
    QString address, params;
    if (!parsePath(arg, QStringLiteral("FROM:"), &address, &params))
        return sendError(501, "5.5.4", QStringLiteral("Syntax: MAIL FROM:<address>"));
    for (const QString &p : params.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (p.startsWith(QLatin1String("SIZE="), Qt::CaseInsensitive) &&
            p.mid(5).toLongLong() > m_state.scenario().maxMessageBytes)
            return sendError(552, "5.3.4", QStringLiteral("Message size exceeds fixed limit"));
    }
    MatchContext ctx = context();
    ctx.sender = address;
    answer(m_state.select(SmtpPhase::MailFrom, ctx),
           ScriptedReply::make(250, QStringLiteral("2.1.0"), QStringLiteral("Ok")), [this, address](bool positive) {
               if (positive)
                   m_sender = address;
           });
}

void SandboxSession::cmdRcpt(const QString &arg)
{
    if (!m_sender)
        return sendError(503, "5.5.1", QStringLiteral("Error: need MAIL command"));
    QString address, params;
    if (!parsePath(arg, QStringLiteral("TO:"), &address, &params))
        return sendError(501, "5.5.4", QStringLiteral("Syntax: RCPT TO:<address>"));
    if (address.isEmpty())
        return sendError(501, "5.1.3", QStringLiteral("Bad recipient address syntax"));
    if (m_recipients.size() >= m_state.scenario().maxRecipients)
        return sendError(452, "4.5.3", QStringLiteral("Error: too many recipients"));
    MatchContext ctx = context();
    ctx.recipient = address;
    answer(m_state.select(SmtpPhase::RcptTo, ctx),
           ScriptedReply::make(250, QStringLiteral("2.1.5"), QStringLiteral("Ok")), [this, address](bool positive) {
               if (positive)
                   m_recipients.append(address);
           });
}

void SandboxSession::cmdData(const QString &arg)
{
    if (!arg.isEmpty())
        return sendError(501, "5.5.4", QStringLiteral("Syntax: DATA"));
    if (!m_sender)
        return sendError(503, "5.5.1", QStringLiteral("Error: need MAIL command"));
    if (m_recipients.isEmpty())
        return sendError(554, "5.5.1", QStringLiteral("Error: no valid recipients"));
    answer(m_state.select(SmtpPhase::Data, context()),
           ScriptedReply::make(354, QString(), QStringLiteral("End data with <CR><LF>.<CR><LF>")),
           [this](bool positive) {
               if (!positive)
                   return;
               m_mode = Mode::Data;
               m_message.clear();
               m_messageBytes = 0;
               m_messageTooBig = false;
               m_messageLineTooLong = false;
           });
}

void SandboxSession::answer(const std::optional<ScenarioRule> &rule, const ScriptedReply &fallback,
                            const std::function<void(bool)> &after)
{
    if (!rule) {
        send(fallback);
        if (after && alive())
            after(fallback.isPositive());
        return;
    }
    auto act = [this, action = rule->action, reply = rule->reply, index = rule->index, after] {
        if (action == ScenarioRule::Action::Drop) {
            log(QStringLiteral("!"), QStringLiteral("rule %1: dropping the connection").arg(index + 1));
            drop();
            return;
        }
        send(reply);
        if (reply.closesConnection()) {
            closeGracefully();
            return;
        }
        if (after && alive())
            after(reply.isPositive());
    };
    if (rule->delayMs <= 0) {
        act();
        return;
    }
    m_busy = true;
    QTimer::singleShot(rule->delayMs, this, [this, act] {
        if (m_finished)
            return;
        m_busy = false;
        act();
        pump();
    });
}

void SandboxSession::send(const ScriptedReply &reply)
{
    if (!alive())
        return;
    for (const QString &line : reply.lines)
        log(QStringLiteral("S:"), line);
    m_socket->write(reply.toWire());
}

void SandboxSession::sendError(int code, const char *enhanced, const QString &text)
{
    send(ScriptedReply::make(code, QString::fromLatin1(enhanced), text));
    if (code >= 500 && ++m_errors >= MaxErrors && alive()) {
        // Like Postfix's hard error limit: a client that only sends garbage is shown the door.
        send(ScriptedReply::make(421, QStringLiteral("4.7.0"), QStringLiteral("Too many errors")));
        closeGracefully();
    }
}

void SandboxSession::closeGracefully()
{
    if (!alive())
        return;
    m_mode = Mode::Closing;
    m_idle.stop();
    // Flushes what was written, then closes; `disconnected` finishes the session.
    m_socket->disconnectFromHost();
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        finish();
}

void SandboxSession::drop()
{
    if (m_finished)
        return;
    m_mode = Mode::Closing;
    m_socket->abort();
    finish();
}

void SandboxSession::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_mode = Mode::Closing;
    m_idle.stop();
    log(QStringLiteral("!"), QStringLiteral("closed"));
    Q_EMIT finished(m_id);
}

void SandboxSession::resetTransaction()
{
    m_sender.reset();
    m_recipients.clear();
    m_message.clear();
    m_messageBytes = 0;
}

MatchContext SandboxSession::context() const
{
    MatchContext ctx;
    ctx.client = m_client;
    ctx.helo = m_helo;
    ctx.sender = m_sender.value_or(QString());
    ctx.recipients = m_recipients;
    return ctx;
}

void SandboxSession::log(const QString &direction, const QString &text)
{
    Q_EMIT logLine(QStringLiteral("#%1 %2 %3").arg(m_id).arg(direction, text));
}

} // namespace Dsn::Sandbox
