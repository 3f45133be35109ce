// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <deque>

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslError>
#include <QSslSocket>
#include <QTimer>

#include "smtp/ClientOptions.h"
#include "smtp/ReplyReader.h"
#include "smtp/TransactionResult.h"
#include "smtp/TranscriptEntry.h"

namespace Dsn::Smtp {

/**
 * Runs one SMTP transaction against a real server, asynchronously: connect, greeting, EHLO (HELO
 * fallback), STARTTLS or implicit TLS, AUTH, MAIL FROM, RCPT TO for each recipient, DATA, the
 * final dot and QUIT, with PIPELINING when advertised.
 *
 * Nothing blocks the caller's thread; every wait is a QTimer, per phase (ClientOptions::timeouts),
 * and every reply is bounded (ClientOptions::limits). Each recipient ends with the reply that
 * decided it, judged by the profile's trigger rules (spec §3), or with KumoMTA's synthesised
 * 400/421 response when the run failed outside MAIL/RCPT/DATA/dot.
 *
 * Lives in one thread (the one that calls start()). finished() is emitted exactly once per run,
 * never from inside start(); delete the client from a slot only with deleteLater().
 */
class SmtpClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SmtpClient)

public:
    explicit SmtpClient(QObject *parent = nullptr);
    ~SmtpClient() override;

    /// Starts a run; returns false (and does nothing) while another run is in progress.
    bool start(const ClientOptions &options);
    /// Ends the run in progress now; undecided recipients get a synthesised 400.
    void abort();
    bool isRunning() const { return m_stage != Stage::Idle; }

Q_SIGNALS:
    void transcriptLine(const Dsn::Smtp::TranscriptEntry &entry);
    void finished(const Dsn::Smtp::TransactionResult &result);

private:
    enum class Stage { Idle, Connecting, Handshaking, Session };
    enum class Step {
        Greeting, Ehlo, Helo, StartTls, AuthPlain, AuthLogin, AuthLoginUser, AuthLoginPassword,
        MailFrom, RcptTo, Data, EndOfData, Quit,
    };
    /// A command whose reply is still expected (several at once while pipelining).
    struct Pending
    {
        Step step = Step::Greeting;
        QString command;   ///< as sent, CRLF included (AUTH secrets masked)
        int recipient = -1;
        int timeoutMs = 0;
        bool discard = false; ///< the reply no longer decides anything (after a rejected MAIL)
    };

    void onConnected();
    void onEncrypted();
    void onReadyRead();
    void onDisconnected();
    void onSocketError(QAbstractSocket::SocketError error);
    void onSslErrors(const QList<QSslError> &errors);
    void onTimeout();

    bool drainReplies();
    void handleReply(const Pending &pending, const SmtpResponse &reply, const QStringList &lines);
    void handleGreeting(const SmtpResponse &reply, const QStringList &lines);
    void handleEhlo(const Pending &pending, const SmtpResponse &reply, const QStringList &lines);
    void handleStartTls(const SmtpResponse &reply);
    void handleAuth(const Pending &pending, const SmtpResponse &reply);
    void handleMailFrom(const Pending &pending, const SmtpResponse &reply, const QStringList &lines);
    void handleRcptTo(const Pending &pending, const SmtpResponse &reply, const QStringList &lines);
    void handleData(const Pending &pending, const SmtpResponse &reply, const QStringList &lines);
    void handleEndOfData(const Pending &pending, const SmtpResponse &reply, const QStringList &lines);

    void expectGreeting();
    void sendEhlo(bool helo);
    void afterEhlo();
    void startAuth();
    void startTransaction();
    void sendRcpt(int index);
    void sendDataOrQuit();
    void sendBody();
    void sendQuit();
    /// Queues `wire` for sending, logs `display` and expects one reply to it.
    void send(Step step, const QByteArray &wire, const QString &display, int recipient = -1, int timeoutMs = -1);
    void armTimerForFront();

    void decide(int index, SmtpPhase phase, const SmtpResponse &reply, const QStringList &lines, bool delivered);
    void rejectAccepted(SmtpPhase phase, const SmtpResponse &reply, const QStringList &lines);
    bool anyAccepted() const;
    bool allDecided() const;

    /// Ends the run early: undecided recipients get `synthesised`, `error` explains why.
    void fail(SmtpPhase phase, const SmtpResponse &synthesised, const QString &error);
    void failConnection(SmtpPhase phase, const QString &detail);
    void failTransport(SmtpPhase phase, const QString &error);
    void finish();
    void releaseSocket();

    SmtpPhase currentPhase() const;
    static SmtpPhase phaseOf(Step step);
    QString peerLabel() const;
    void log(TranscriptEntry::Direction direction, SmtpPhase phase, const QString &text);
    void info(SmtpPhase phase, const QString &text) { log(TranscriptEntry::Direction::Info, phase, text); }
    const Clock &clock() const { return m_options.clock ? *m_options.clock : Clock::system(); }

    ClientOptions m_options;
    TransactionResult m_result;
    Stage m_stage = Stage::Idle;
    QPointer<QSslSocket> m_socket;
    QTimer m_timer;
    SmtpPhase m_timerPhase = SmtpPhase::Connect;
    QString m_timerWhat;
    ReplyReader m_reader;
    std::deque<Pending> m_pending;
    qint64 m_startMs = 0;
    int m_nextRcpt = 0;
    bool m_mailRejected = false;
    bool m_startTlsDone = false;  ///< STARTTLS negotiated or declined: do not offer it again
    bool m_ehloDone = false;
};

} // namespace Dsn::Smtp
