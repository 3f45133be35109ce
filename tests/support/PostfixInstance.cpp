// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "PostfixInstance.h"

#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

namespace Dsn::Test {

namespace {

bool writeFile(const QString &path, const QString &text)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    f.write(text.toUtf8());
    return true;
}

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace

PostfixInstance::PostfixInstance() = default;

PostfixInstance::~PostfixInstance()
{
    stop();
}

bool PostfixInstance::available(QString *why)
{
    if (!QFileInfo::exists(QStringLiteral("/usr/sbin/postfix"))) {
        if (why)
            *why = QStringLiteral("postfix is not installed (packaging/install-deps.sh installs it)");
        return false;
    }
    if (geteuid() != 0) {
        if (why)
            *why = QStringLiteral("Postfix's master must start as root");
        return false;
    }
    return true;
}

bool PostfixInstance::run(const QStringList &args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("/usr/sbin/postfix"), args);
    if (!p.waitForFinished(30000) || p.exitCode() != 0) {
        m_error = QStringLiteral("postfix %1 failed: %2 %3").arg(args.join(QLatin1Char(' ')),
                                                                 QString::fromLocal8Bit(p.readAll()), log());
        return false;
    }
    return true;
}

bool PostfixInstance::start()
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary folder");
        return false;
    }
    const QString d = m_dir.path();
    // Postfix's daemons run as the postfix user and must reach the queue below our folder.
    QFile::setPermissions(d, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                 | QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
                                 | QFileDevice::ExeOther);
    QDir(d).mkpath(QStringLiteral("etc"));
    QDir(d).mkpath(QStringLiteral("spool"));
    QDir(d).mkpath(QStringLiteral("data"));
    // master.lock lives in data_directory, which must belong to the mail owner.
    QProcess::execute(QStringLiteral("chown"), {QStringLiteral("postfix"), d + QStringLiteral("/data")});

    m_port = freePort();
    if (m_port == 0) {
        m_error = QStringLiteral("no free port on 127.0.0.1");
        return false;
    }

    QFile systemMaster(QStringLiteral("/etc/postfix/master.cf"));
    if (!systemMaster.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("cannot read /etc/postfix/master.cf");
        return false;
    }
    QString master = QString::fromUtf8(systemMaster.readAll());
    // Our smtpd listens on loopback only, on our port; nothing runs chrooted.
    master.replace(QRegularExpression(QStringLiteral("^smtp\\s+inet\\s+.*$"), QRegularExpression::MultilineOption),
                   QStringLiteral("127.0.0.1:%1 inet n - n - - smtpd").arg(m_port));
    QStringList masterLines = master.split(QLatin1Char('\n'));
    for (QString &line : masterLines) {
        const QStringList f = line.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
        if (f.size() >= 8 && !line.startsWith(QLatin1Char('#')) && !line.startsWith(QLatin1Char(' '))
            && f[4] == QLatin1String("y")) {
            QStringList g = f;
            g[4] = QStringLiteral("n");
            line = g.join(QLatin1Char(' '));
        }
    }

    const QStringList main = {
        QStringLiteral("compatibility_level = 3.6"),
        QStringLiteral("queue_directory = %1/spool").arg(d),
        QStringLiteral("data_directory = %1/data").arg(d),
        QStringLiteral("mail_owner = postfix"),
        QStringLiteral("setgid_group = postdrop"),
        QStringLiteral("inet_interfaces = 127.0.0.1"),
        QStringLiteral("inet_protocols = ipv4"),
        QStringLiteral("myhostname = postfix.sandbox.test"),
        QStringLiteral("mydestination ="),
        QStringLiteral("relay_domains = example.com, example.org, example.net"),
        QStringLiteral("mynetworks = 127.0.0.0/8"),
        // Reject senders at MAIL FROM, not at the first RCPT TO as Postfix does by default.
        QStringLiteral("smtpd_delay_reject = no"),
        QStringLiteral("smtpd_sender_restrictions = check_sender_access texthash:%1/etc/sender_access").arg(d),
        QStringLiteral("smtpd_recipient_restrictions = check_recipient_access texthash:%1/etc/recipient_access, "
                       "permit_mynetworks, reject")
            .arg(d),
        // Everything accepted is thrown away: the test server never relays.
        QStringLiteral("default_transport = discard"),
        QStringLiteral("relay_transport = discard"),
        QStringLiteral("local_transport = discard"),
        QStringLiteral("maillog_file_prefixes = %1").arg(d),
        QStringLiteral("maillog_file = %1/postfix.log").arg(d),
        QStringLiteral("smtputf8_enable = no"),
        QStringLiteral("smtpd_client_connection_rate_limit = 0"),
        QStringLiteral("anvil_rate_time_unit = 60s"),
    };
    if (!writeFile(d + QStringLiteral("/etc/main.cf"), (main + m_extra).join(QLatin1Char('\n')) + QLatin1Char('\n'))
        || !writeFile(d + QStringLiteral("/etc/master.cf"), masterLines.join(QLatin1Char('\n')))
        || !writeFile(d + QStringLiteral("/etc/recipient_access"), m_recipientAccess.join(QLatin1Char('\n')) + QLatin1Char('\n'))
        || !writeFile(d + QStringLiteral("/etc/sender_access"), m_senderAccess.join(QLatin1Char('\n')) + QLatin1Char('\n'))) {
        m_error = QStringLiteral("cannot write the Postfix configuration");
        return false;
    }
    if (!run({QStringLiteral("-c"), d + QStringLiteral("/etc"), QStringLiteral("start")}))
        return false;
    m_running = true;
    // master forks smtpd on demand; wait until the listener accepts.
    for (int i = 0; i < 100; ++i) {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, m_port);
        if (s.waitForConnected(100))
            return true;
        QThread::msleep(50);
    }
    m_error = QStringLiteral("Postfix started but does not listen on %1: %2").arg(m_port).arg(log());
    return false;
}

void PostfixInstance::stop()
{
    if (!m_running)
        return;
    m_running = false;
    QProcess p;
    p.start(QStringLiteral("/usr/sbin/postfix"), {QStringLiteral("-c"), m_dir.path() + QStringLiteral("/etc"),
                                                  QStringLiteral("stop")});
    p.waitForFinished(30000);
}

QString PostfixInstance::log() const
{
    QFile f(m_dir.path() + QStringLiteral("/postfix.log"));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll().right(4000)) : QString();
}

} // namespace Dsn::Test
