// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
//
// `probe` and `sandbox` end to end: against our sandbox in-process, as a real process stopped
// with SIGINT, and against a private Postfix instance. Everything stays on 127.0.0.1.
#include <csignal>

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "CliRun.h"
#include "PostfixInstance.h"
#include "TestConfig.h"
#include "sandbox/SandboxServer.h"
#include "sandbox/Scenario.h"

using namespace Dsn;

namespace {

using Run = Test::CliRun;

Run runCli(const QStringList &args, const QByteArray &stdinBytes = {})
{
    return Run::run(args, stdinBytes);
}

QString scenarioPath(const QString &name)
{
    return QStringLiteral(DSN_SOURCE_DIR "/resources/scenarios/") + name;
}

QHash<QString, QJsonObject> byRecipient(const QString &json)
{
    QHash<QString, QJsonObject> out;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).object()[u"recipients"_qs].toArray())
        out.insert(v[u"recipient"_qs].toString(), v.toObject());
    return out;
}

} // namespace

class TestCliSmtp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void probeAgainstSandbox_data();
    void probeAgainstSandbox();
    void probeUsage_data();
    void probeUsage();
    void sandboxProcessStopsOnSigint();
    void probeAgainstPostfix_data();
    void probeAgainstPostfix();
};

void TestCliSmtp::probeAgainstSandbox_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("recipient");
    QTest::addColumn<QString>("phase");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("recordType");
    QTest::addColumn<bool>("rewritten");
    for (const QString &profile : {u"documented"_qs, u"2026.06"_qs}) {
        QTest::addRow("%s over quota", qPrintable(profile))
            << profile << u"full@gmail.com"_qs << u"RCPT TO"_qs << 500 << u"Bounce"_qs << true;
        QTest::addRow("%s inactive", qPrintable(profile))
            << profile << u"inactive@gmail.com"_qs << u"RCPT TO"_qs << 552 << u"Bounce"_qs << false;
        QTest::addRow("%s accepted", qPrintable(profile))
            << profile << u"ok@gmail.com"_qs << u"end of data"_qs << 250 << u"Delivery"_qs << false;
    }
}

void TestCliSmtp::probeAgainstSandbox()
{
    QFETCH(QString, profile);
    QFETCH(QString, recipient);
    QFETCH(QString, phase);
    QFETCH(int, code);
    QFETCH(QString, recordType);
    QFETCH(bool, rewritten);
    auto scenario = Sandbox::Scenario::load(scenarioPath(u"gmail-over-quota.json"_qs));
    QVERIFY(scenario.ok());
    Sandbox::SandboxServer server;
    QVERIFY(!server.setScenario(*scenario));
    QVERIFY(server.listen());
    const Run r = runCli({u"probe"_qs, u"--server"_qs, u"127.0.0.1:%1"_qs.arg(server.serverPort()), u"--tls"_qs,
                          u"off"_qs, u"--from"_qs, u"news@example.org"_qs, u"--to"_qs, u"full@gmail.com"_qs,
                          u"--to"_qs, u"inactive@gmail.com"_qs, u"--to"_qs, u"ok@gmail.com"_qs, u"--rules"_qs,
                          QStringLiteral(DSN_SOURCE_DIR "/resources/examples/dsn_rewrite.json"), u"--compat"_qs,
                          profile, u"--queue-tenant"_qs, u"bulk"_qs, u"--timeout"_qs, u"5"_qs, u"--json"_qs});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
    const auto outcomes = byRecipient(r.out);
    QCOMPARE(outcomes.size(), 3);
    const QJsonObject o = outcomes.value(recipient);
    QCOMPARE(o[u"phase"_qs].toString(), phase);
    QCOMPARE(o[u"code"_qs].toInt(), code);
    QCOMPARE(o[u"record_type"_qs].toString(), recordType);
    QCOMPARE(o[u"rewritten"_qs].toBool(), rewritten);
    QCOMPARE(o[u"queue"_qs].toString(), u"bulk@gmail.com"_qs);
    if (rewritten) {
        QCOMPARE(o[u"log_record"_qs][u"response"_qs][u"command"_qs].toString(), u"RCPT TO:<full@gmail.com>\r\n"_qs);
        QVERIFY(o[u"content"_qs].toString().endsWith(u"(kumomta: status was rewritten from 452 -> 500)"_qs));
    }
    QCOMPARE(server.acceptedTotal(), quint64(1));
}

void TestCliSmtp::probeUsage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no server") << QStringList{u"--from"_qs, u"a@b"_qs, u"--to"_qs, u"c@d"_qs} << u"HOST:PORT"_qs;
    QTest::newRow("bad port") << QStringList{u"--server"_qs, u"127.0.0.1:99999"_qs, u"--from"_qs, u"a@b"_qs,
                                             u"--to"_qs, u"c@d"_qs}
                              << u"HOST:PORT"_qs;
    QTest::newRow("no recipient") << QStringList{u"--server"_qs, u"127.0.0.1:25"_qs, u"--from"_qs, u"a@b"_qs}
                                  << u"--to"_qs;
    QTest::newRow("bad tls") << QStringList{u"--server"_qs, u"127.0.0.1:25"_qs, u"--from"_qs, u"a@b"_qs, u"--to"_qs,
                                            u"c@d"_qs, u"--tls"_qs, u"maybe"_qs}
                             << u"--tls"_qs;
}

void TestCliSmtp::probeUsage()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = runCli(QStringList{u"probe"_qs} + args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

void TestCliSmtp::sandboxProcessStopsOnSigint()
{
    QProcess sandbox;
    sandbox.start(QStringLiteral(DSN_BINARY_DIR "/bin/dsn-workbench-cli"),
                  {u"sandbox"_qs, u"--scenario"_qs, scenarioPath(u"gmail-over-quota.json"_qs), u"--listen"_qs,
                   u"127.0.0.1:0"_qs});
    QVERIFY(sandbox.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(sandbox.canReadLine(), 10000);
    const QString banner = QString::fromUtf8(sandbox.readLine());
    QRegularExpression portRe(u"listening on 127\\.0\\.0\\.1:(\\d+)"_qs);
    const auto m = portRe.match(banner);
    QVERIFY2(m.hasMatch(), qPrintable(banner));
    const QString port = m.captured(1);
    const Run r = runCli({u"probe"_qs, u"--server"_qs, u"127.0.0.1:"_qs + port, u"--tls"_qs, u"off"_qs,
                          u"--from"_qs, u"a@example.org"_qs, u"--to"_qs, u"full@gmail.com"_qs, u"--timeout"_qs,
                          u"5"_qs});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(u"452 4.2.2 The email account"_qs));
    ::kill(pid_t(sandbox.processId()), SIGINT);
    QVERIFY(sandbox.waitForFinished(10000));
    QCOMPARE(sandbox.exitStatus(), QProcess::NormalExit);
    QCOMPARE(sandbox.exitCode(), 0);
    const QString log = QString::fromUtf8(sandbox.readAll());
    QVERIFY2(log.contains(u"RCPT TO:<full@gmail.com>"_qs), qPrintable(log));
    QVERIFY2(log.contains(u"sandbox: stopped"_qs), qPrintable(log));
}

void TestCliSmtp::probeAgainstPostfix_data()
{
    QTest::addColumn<QString>("profile");
    QTest::newRow("documented") << u"documented"_qs;
    QTest::newRow("2026.06") << u"2026.06"_qs;
}

void TestCliSmtp::probeAgainstPostfix()
{
    QFETCH(QString, profile);
    QString why;
    QVERIFY2(Test::PostfixInstance::available(&why), qPrintable(why));
    Test::PostfixInstance postfix;
    postfix.setRecipientAccess({u"full@example.com 452 4.2.2 The email account that you tried to reach is over quota."_qs,
                                u"nobody@example.com 550 5.1.1 User unknown"_qs});
    postfix.setSenderAccess({u"spammer@example.net 550 5.7.1 Sender rejected"_qs});
    QVERIFY2(postfix.start(), qPrintable(postfix.errorString()));
    QTemporaryDir dir;
    // Postfix words the reply "<rcpt>: Recipient address rejected: <text>", so the rule matches that.
    const QString rules = Test::writeTempFile(dir, u"rules.json"_qs,
                                    R"({"Recipient address rejected: The email account that you tried to reach is over quota\\.": 550})");
    const QString server = u"127.0.0.1:%1"_qs.arg(postfix.port());

    const Run r = runCli({u"probe"_qs, u"--server"_qs, server, u"--tls"_qs, u"off"_qs, u"--from"_qs,
                          u"news@example.org"_qs, u"--to"_qs, u"full@example.com"_qs, u"--to"_qs,
                          u"nobody@example.com"_qs, u"--to"_qs, u"ok@example.com"_qs, u"--rules"_qs, rules,
                          u"--compat"_qs, profile, u"--timeout"_qs, u"10"_qs, u"--json"_qs});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out + postfix.log()));
    auto outcomes = byRecipient(r.out);
    QCOMPARE(outcomes.size(), 3);
    QCOMPARE(outcomes[u"full@example.com"_qs][u"original_code"_qs].toInt(), 452);
    QCOMPARE(outcomes[u"full@example.com"_qs][u"code"_qs].toInt(), 550);
    QCOMPARE(outcomes[u"full@example.com"_qs][u"record_type"_qs].toString(), u"Bounce"_qs);
    QCOMPARE(outcomes[u"full@example.com"_qs][u"event_args"_qs][u"response"_qs].toString(),
             u"452 4.2.2 <full@example.com>: Recipient address rejected: The email account that you tried to reach is over quota."_qs);
    QCOMPARE(outcomes[u"nobody@example.com"_qs][u"code"_qs].toInt(), 550);
    QCOMPARE(outcomes[u"nobody@example.com"_qs][u"rewritten"_qs].toBool(), false);
    QCOMPARE(outcomes[u"nobody@example.com"_qs][u"record_type"_qs].toString(), u"Bounce"_qs);
    QCOMPARE(outcomes[u"ok@example.com"_qs][u"record_type"_qs].toString(), u"Delivery"_qs);

    // A rejected sender rejects every recipient at MAIL FROM: one event call each.
    const Run sender = runCli({u"probe"_qs, u"--server"_qs, server, u"--tls"_qs, u"off"_qs, u"--from"_qs,
                               u"spammer@example.net"_qs, u"--to"_qs, u"a@example.com"_qs, u"--to"_qs,
                               u"b@example.com"_qs, u"--to"_qs, u"c@example.com"_qs, u"--compat"_qs, profile,
                               u"--timeout"_qs, u"10"_qs, u"--json"_qs});
    QVERIFY2(sender.exitCode == 0, qPrintable(sender.err + sender.out));
    outcomes = byRecipient(sender.out);
    QCOMPARE(outcomes.size(), 3);
    for (const QJsonObject &o : outcomes) {
        QCOMPARE(o[u"phase"_qs].toString(), u"MAIL FROM"_qs);
        QVERIFY(o[u"event_called"_qs].toBool());
        QCOMPARE(o[u"code"_qs].toInt(), 550);
        QCOMPARE(o[u"record_type"_qs].toString(), u"Bounce"_qs);
        QVERIFY(o[u"event_args"_qs][u"response"_qs].toString().startsWith(u"550 5.7.1 <spammer@example.net>"_qs));
    }
}

QTEST_GUILESS_MAIN(TestCliSmtp)
#include "TestCliSmtp.moc"
