// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
//
// A live run against FakeSmtpServer, then TransactionEvaluator with the seed policy and rules
// (tests/data/policies/seed): what KumoMTA would log for each recipient.
#include <QFile>
#include <QJsonArray>
#include <QTest>

#include "FakeSmtpServer.h"
#include "SmtpTestRun.h"
#include "TestConfig.h"
#include "eval/PolicyEvaluator.h"
#include "eval/TransactionEvaluator.h"

using namespace Dsn;
using Dsn::Test::FakeSmtpServer;
using Dsn::Test::SmtpTestRun;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

Eval::EvaluatorConfig seedConfig(CompatProfile profile)
{
    Eval::EvaluatorConfig c;
    const QString dir = QStringLiteral(DSN_TEST_DATA_DIR "/policies/seed/");
    c.rules = Rules::RegexRule::listFromJson(readFile(dir + u"rules.json"_qs), u"rules.json"_qs).value();
    c.policySource = readFile(dir + u"policy.lua"_qs);
    c.profile = profile;
    return c;
}

Smtp::ClientOptions optionsFor(const FakeSmtpServer &server)
{
    Smtp::ClientOptions o;
    o.host = QStringLiteral("127.0.0.1");
    o.port = server.serverPort();
    o.tls = Smtp::TlsMode::Off;
    o.heloName = QStringLiteral("client.test");
    o.sender = QStringLiteral("sender@example.org");
    o.recipients = {QStringLiteral("a@example.com"), QStringLiteral("Over.Quota@GMail.com")};
    o.timeouts = {300, 300, 300, 300};
    return o;
}

} // namespace

class TestSmtpTransactionEvaluator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void overQuotaAtRcpt_data();
    void overQuotaAtRcpt();
    void connectionLevel_data();
    void connectionLevel();
};

void TestSmtpTransactionEvaluator::overQuotaAtRcpt_data()
{
    QTest::addColumn<QString>("profile");
    QTest::newRow("documented") << u"documented"_qs;
    QTest::newRow("2026.06") << u"2026.06"_qs;
}

void TestSmtpTransactionEvaluator::overQuotaAtRcpt()
{
    QFETCH(QString, profile);
    const CompatProfile p = compatProfileFromId(profile).value();
    FakeSmtpServer server;
    QVERIFY(server.listenLocal());
    FakeSmtpServer::Script script;
    script.rcpt = {{QByteArrayLiteral("250 2.1.5 Ok\r\n")},
                   {QByteArrayLiteral("452-4.2.2 The email account that you tried to reach is over quota.\r\n"
                                      "452 4.2.2 Please direct the recipient to "
                                      "https://support.google.com/mail/?p=OverQuotaTemp\r\n")}};
    server.setScript(script);
    Smtp::ClientOptions o = optionsFor(server);
    o.profile = p;
    const SmtpTestRun run = SmtpTestRun::run(o);
    QVERIFY2(run.result.ok(), qPrintable(run.result.error));

    Eval::PolicyEvaluator evaluator(seedConfig(p));
    QVERIFY(!evaluator.loadError());
    const QList<Eval::EvalResult> results =
        Eval::TransactionEvaluator::evaluate(run.result, evaluator, {u"tenant1"_qs, u"spring"_qs, QString()});
    QCOMPARE(results.size(), 2);

    const Eval::EvalResult &ok = results[0];
    QCOMPARE(ok.recordType, RecordType::Delivery);
    QVERIFY(!ok.eventCalled);
    QCOMPARE(ok.logRecord.value(u"type"_qs).toString(), u"Delivery"_qs);
    QCOMPARE(ok.logRecord.value(u"queue"_qs).toString(), u"spring:tenant1@example.com"_qs);

    const Eval::EvalResult &quota = results[1];
    QVERIFY(quota.eventCalled);
    QCOMPARE(quota.phase, SmtpPhase::RcptTo);
    QCOMPARE(quota.queue.toString(), u"spring:tenant1@gmail.com"_qs);
    QCOMPARE(quota.queue.tenant, u"tenant1"_qs);
    QCOMPARE(quota.originalCode, 452);
    QVERIFY(quota.rewritten);
    QCOMPARE(quota.response.code, 500);
    QCOMPARE(quota.recordType, RecordType::Bounce);
    QVERIFY(quota.response.content.endsWith(u" (kumomta: status was rewritten from 452 -> 500)"_qs));

    const QJsonObject log = quota.logRecord;
    QCOMPARE(log.value(u"type"_qs).toString(), u"Bounce"_qs);
    QCOMPARE(log.value(u"recipient"_qs).toString(), u"Over.Quota@GMail.com"_qs);
    QCOMPARE(log.value(u"sender"_qs).toString(), u"sender@example.org"_qs);
    const QJsonObject response = log.value(u"response"_qs).toObject();
    QCOMPARE(response.value(u"code"_qs).toInt(), 500);
    QCOMPARE(response.value(u"command"_qs).toString(), u"RCPT TO:<Over.Quota@GMail.com>\r\n"_qs);
    QVERIFY(response.value(u"content"_qs).toString().contains(u"over quota. "_qs));
    QVERIFY(response.value(u"content"_qs).toString().endsWith(u"(kumomta: status was rewritten from 452 -> 500)"_qs));
    QCOMPARE(response.value(u"enhanced_code"_qs).toObject().value(u"subject"_qs).toInt(), 2);
    QCOMPARE(log.value(u"peer_address"_qs).toObject().value(u"addr"_qs).toString(), u"127.0.0.1"_qs);
    QCOMPARE(log.value(u"size"_qs).toInteger(), run.result.messageSize);
}

void TestSmtpTransactionEvaluator::connectionLevel_data()
{
    QTest::addColumn<bool>("refused");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("contentStart");
    QTest::newRow("MAIL FROM reply never comes") << false << 421
                                                 << u"KumoMTA internal: failed to send message to 127.0.0.1: "_qs;
    QTest::newRow("connection refused") << true << 400
                                        << u"KumoMTA internal: failed to connect to any candidate hosts: "_qs;
}

void TestSmtpTransactionEvaluator::connectionLevel()
{
    QFETCH(bool, refused);
    QFETCH(int, code);
    QFETCH(QString, contentStart);
    FakeSmtpServer server;
    QVERIFY(server.listenLocal());
    FakeSmtpServer::Script script;
    script.reactions.insert("MAIL", {QByteArray(), FakeSmtpServer::Action::Stall});
    server.setScript(script);
    Smtp::ClientOptions o = optionsFor(server);
    if (refused)
        server.close(); // nothing listens on the port any more
    const SmtpTestRun run = SmtpTestRun::run(o);
    QVERIFY(!run.result.ok());

    Eval::PolicyEvaluator evaluator(seedConfig(CompatProfile::Documented));
    const QList<Eval::EvalResult> results = Eval::TransactionEvaluator::evaluate(run.result, evaluator);
    QCOMPARE(results.size(), 2);
    for (const Eval::EvalResult &r : results) {
        QVERIFY(!r.eventCalled);
        QVERIFY(!r.rewritten);
        QCOMPARE(r.recordType, RecordType::TransientFailure);
        QCOMPARE(r.response.code, code);
        QVERIFY2(r.response.content.startsWith(contentStart), qPrintable(r.response.content));
        const QJsonObject response = r.logRecord.value(u"response"_qs).toObject();
        QCOMPARE(r.logRecord.value(u"type"_qs).toString(), u"TransientFailure"_qs);
        QCOMPARE(response.value(u"code"_qs).toInt(), code);
        if (code == 421) {
            QVERIFY(response.value(u"content"_qs).toString().endsWith(u"Timed Out"_qs));
            QCOMPARE(response.value(u"enhanced_code"_qs).toObject().value(u"detail"_qs).toInt(), 2);
        } else {
            QVERIFY(response.value(u"enhanced_code"_qs).isNull());
        }
        QVERIFY(!r.explanation.isEmpty());
    }
    QCOMPARE(results[1].queue.toString(), u"gmail.com"_qs);
}

QTEST_GUILESS_MAIN(TestSmtpTransactionEvaluator)
#include "TestSmtpTransactionEvaluator.moc"
