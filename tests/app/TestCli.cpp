// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "CliRun.h"
#include "TestConfig.h"

using namespace Dsn;

namespace {

using Run = Test::CliRun;

Run runCli(const QStringList &args, const QByteArray &stdinBytes = {})
{
    return Run::run(args, stdinBytes);
}

QString data(const QString &relative)
{
    return QStringLiteral(DSN_TEST_DATA_DIR "/") + relative;
}

QString example(const QString &name)
{
    return QStringLiteral(DSN_SOURCE_DIR "/resources/examples/") + name;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void evalInputForms_data();
    void evalInputForms();
    void evalSeedPolicy();
    void evalCorpusAsIs();
    void evalOptions();
    void evalBadInputKeepsGoing();
    void evalUnsafeLuaIsOptIn();
    void evalErrors_data();
    void evalErrors();
    void evalTable();
    void lintTable_data();
    void lintTable();
    void lintJsonOutput();
    void exportTable();
    void testProject();
    void testProjectFailure();
    void usage();
};

void TestCli::evalInputForms_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("phase");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("recordType");
    const QByteArray quota = "452-4.2.2 The email account that you tried to reach is over quota.\\r\\n"
                             "452 4.2.2 Please direct the recipient to https://support.google.com/mail/?p=OverQuotaTemp";
    QTest::newRow("plain with literal crlf") << quota << u"RCPT TO"_qs << 500 << u"Bounce"_qs;
    QTest::newRow("json response") << QByteArray(R"({"response": "452-4.2.2 The email account that you tried to reach is over quota.\n452 4.2.2 x"})")
                                   << u"RCPT TO"_qs << 500 << u"Bounce"_qs;
    QTest::newRow("json lines") << QByteArray(R"({"lines": ["452-4.2.2 The email account that you tried to reach is over quota.", "452 4.2.2 x"], "phase": "MAIL FROM"})")
                                << u"MAIL FROM"_qs << 500 << u"Bounce"_qs;
    QTest::newRow("json text") << QByteArray(R"({"text": "451-4.7.1 later\\r\\n451 4.7.1 again", "phase": "end of data"})")
                               << u"end of data"_qs << 451 << u"TransientFailure"_qs;
}

void TestCli::evalInputForms()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, phase);
    QFETCH(int, code);
    QFETCH(QString, recordType);
    const Run r = runCli({u"eval"_qs, u"--rules"_qs, data(u"policies/seed/rules.json"_qs)}, line + "\n");
    QCOMPARE(r.exitCode, 0);
    const auto objs = r.jsonLines();
    QCOMPARE(objs.size(), 1);
    const QJsonObject o = objs.first();
    QCOMPARE(o[u"phase"_qs].toString(), phase);
    QCOMPARE(o[u"code"_qs].toInt(), code);
    QCOMPARE(o[u"record_type"_qs].toString(), recordType);
    QVERIFY(o[u"event_called"_qs].toBool());
    for (const char *key : {"event_args", "original_code", "enhanced_code", "rewritten", "content", "log_record",
                            "matched", "ambiguous", "explanation", "error"})
        QVERIFY2(o.contains(QLatin1String(key)), key);
    QCOMPARE(o[u"rewritten"_qs].toBool(), code == 500);
    QCOMPARE(o[u"matched"_qs].toArray().size(), code == 500 ? 1 : 0);
    QCOMPARE(o[u"log_record"_qs][u"type"_qs].toString(), recordType);
}

void TestCli::evalSeedPolicy()
{
    // The reference page's policy, verbatim, with its table path bound to --rules.
    const Run r = runCli({u"eval"_qs, u"--rules"_qs, data(u"policies/seed/rules.json"_qs), u"--policy"_qs,
                          data(u"policies/seed/policy.lua"_qs), u"--queue"_qs, u"spring:acme@example.com!relay.net"_qs},
                         "450 4.2.1 <user@example.com>: Recipient address rejected: this mailbox is inactive and has been disabled\n"
                         "451 4.7.1 Please try again later\n");
    QCOMPARE(r.exitCode, 0);
    const auto objs = r.jsonLines();
    QCOMPARE(objs.size(), 2);
    QCOMPARE(objs[0][u"code"_qs].toInt(), 500);
    QCOMPARE(objs[0][u"original_code"_qs].toInt(), 450);
    QCOMPARE(objs[0][u"record_type"_qs].toString(), u"Bounce"_qs);
    QCOMPARE(objs[0][u"content"_qs].toString(),
             u"<user@example.com>: Recipient address rejected: this mailbox is inactive and has been disabled (kumomta: status was rewritten from 450 -> 500)"_qs);
    QCOMPARE(objs[0][u"event_args"_qs][u"tenant"_qs].toString(), u"acme"_qs);
    QCOMPARE(objs[0][u"event_args"_qs][u"campaign"_qs].toString(), u"spring"_qs);
    QCOMPARE(objs[0][u"event_args"_qs][u"routing_domain"_qs].toString(), u"relay.net"_qs);
    QCOMPARE(objs[0][u"matched"_qs][0][u"rule"_qs].toInt(), 1);
    QCOMPARE(objs[1][u"code"_qs].toInt(), 451);
    QCOMPARE(objs[1][u"record_type"_qs].toString(), u"TransientFailure"_qs);
    QVERIFY(objs[1][u"handler_returned"_qs].isNull());
}

void TestCli::evalCorpusAsIs()
{
    QFile corpus(data(u"corpus/responses.jsonl"_qs));
    QVERIFY(corpus.open(QIODevice::ReadOnly));
    const QByteArray bytes = corpus.readAll();
    const int lines = int(bytes.count('\n'));
    const Run r = runCli({u"eval"_qs, u"--rules"_qs, data(u"policies/seed/rules.json"_qs)}, bytes);
    QCOMPARE(r.exitCode, 0);
    const auto objs = r.jsonLines();
    QCOMPARE(objs.size(), lines);
    int rewritten = 0;
    for (const QJsonObject &o : objs) {
        QVERIFY(o.contains(u"record_type"_qs));
        rewritten += o[u"rewritten"_qs].toBool();
        // Greeting and EHLO replies never reach the event.
        if (o[u"phase"_qs].toString() == QLatin1String("EHLO") || o[u"phase"_qs].toString() == QLatin1String("connect/greeting"))
            QVERIFY(!o[u"event_called"_qs].toBool());
    }
    // The Gmail over-quota reply of the corpus is the only one the seed table rewrites.
    QCOMPARE(rewritten, 1);
}

void TestCli::evalOptions()
{
    const QByteArray reply = "452 Mailbox full\n";
    const QString rules = data(u"policies/seed/rules.json"_qs);
    QTemporaryDir dir;
    const QString policy = Test::writeTempFile(dir, u"p.lua"_qs,
                                     "kumo.on('smtp_client_rewrite_delivery_status', function() return 552 end)\n");
    const Run doc = runCli({u"eval"_qs, u"--rules"_qs, rules, u"--policy"_qs, policy}, reply);
    const Run v26 = runCli({u"eval"_qs, u"--rules"_qs, rules, u"--policy"_qs, policy, u"--compat"_qs, u"2026.06"_qs}, reply);
    QCOMPARE(doc.jsonLines().first()[u"record_type"_qs].toString(), u"Bounce"_qs);
    QCOMPARE(v26.jsonLines().first()[u"record_type"_qs].toString(), u"TransientFailure"_qs);
    QVERIFY(doc.jsonLines().first()[u"profile_sensitive"_qs].toBool());
    const Run mail = runCli({u"eval"_qs, u"--rules"_qs, rules, u"--policy"_qs, policy, u"--compat"_qs, u"2026.06"_qs,
                             u"--phase"_qs, u"MAIL FROM"_qs},
                            reply);
    QCOMPARE(mail.jsonLines().first()[u"record_type"_qs].toString(), u"Bounce"_qs);
}

void TestCli::evalBadInputKeepsGoing()
{
    const Run r = runCli({u"eval"_qs, u"--rules"_qs, data(u"policies/seed/rules.json"_qs)},
                         "{not json\n550-a\\r\\n551 b\n{\"phase\": \"RCPT TO\"}\n550 5.1.1 unknown\n");
    QCOMPARE(r.exitCode, 0);
    const auto objs = r.jsonLines();
    QCOMPARE(objs.size(), 4);
    QVERIFY(objs[0][u"error"_qs].toString().contains(u"invalid JSON"_qs));
    QCOMPARE(objs[1][u"error"_qs].toString(), u"Malformed Response: 551 b"_qs);
    QCOMPARE(objs[1][u"code"_qs].toInt(), 400);
    QVERIFY(!objs[1][u"event_called"_qs].toBool());
    QVERIFY(objs[2][u"error"_qs].toString().contains(u"\"response\""_qs));
    QCOMPARE(objs[3][u"record_type"_qs].toString(), u"Bounce"_qs);
    QVERIFY(objs[3][u"error"_qs].isNull());
}

void TestCli::evalUnsafeLuaIsOptIn()
{
    QTemporaryDir dir;
    const QString policy = Test::writeTempFile(dir, u"p.lua"_qs,
                                     "kumo.on('smtp_client_rewrite_delivery_status', function()\n"
                                     "  return type(os.execute) == 'function' and 550 or 450\n"
                                     "end)\n");
    const QString rules = data(u"policies/seed/rules.json"_qs);
    const Run safe = runCli({u"eval"_qs, u"--rules"_qs, rules, u"--policy"_qs, policy}, "421 4.7.0 later\n");
    QCOMPARE(safe.jsonLines().first()[u"code"_qs].toInt(), 450);
    const Run unsafe = runCli({u"eval"_qs, u"--rules"_qs, rules, u"--policy"_qs, policy, u"--unsafe-lua"_qs},
                              "421 4.7.0 later\n");
    QCOMPARE(unsafe.jsonLines().first()[u"code"_qs].toInt(), 550);
}

void TestCli::evalErrors_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing rules") << QString() << QByteArray() << u"--rules"_qs << u"cannot read"_qs;
    QTest::newRow("bad json rules") << u"r.json"_qs << QByteArray("{\n \"a\": 1,\n}") << u"--rules"_qs
                                    << u"r.json:3:1"_qs;
    QTest::newRow("lua syntax") << u"p.lua"_qs << QByteArray("kumo.on('x', function()\n  retrun 1\nend)\n")
                                << u"--policy"_qs << u"p.lua:2"_qs;
    QTest::newRow("lua runtime at load") << u"p.lua"_qs << QByteArray("local t = nil\nlocal x = t.field\n")
                                         << u"--policy"_qs << u"p.lua:2"_qs;
}

void TestCli::evalErrors()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, content);
    QFETCH(QString, option);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString path = file.isEmpty() ? dir.filePath(u"missing.json"_qs) : Test::writeTempFile(dir, file, content);
    QStringList args{u"eval"_qs, option, path};
    if (option != QLatin1String("--rules"))
        args << u"--rules"_qs << data(u"policies/seed/rules.json"_qs);
    const Run r = runCli(args, "550 x\n");
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void TestCli::evalTable()
{
    const Run r = runCli({u"eval"_qs, u"--project"_qs, example(u"example.dsnwb"_qs), u"--samples"_qs, u"--table"_qs});
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(lines.first().contains(u"record type"_qs));
    QVERIFY(lines.last().contains(u"samples"_qs));
    QVERIFY(lines.last().contains(u"TransientFailure → Bounce"_qs));
    QVERIFY(r.out.contains(u"452 → 500"_qs));
}

void TestCli::lintTable_data()
{
    QTest::addColumn<QByteArray>("table");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expect");
    QTest::newRow("clean") << QByteArray(R"({"4\\.2\\.2 over quota": 500})") << 0 << u"0 error(s)"_qs;
    QTest::newRow("json error") << QByteArray("{\n  \"a\": 500,\n}\n") << 1 << u"t.json:3:1"_qs;
    QTest::newRow("invalid regex") << QByteArray(R"j({"ok": 500, "(unclosed": 500})j") << 1 << u"rule 2"_qs;
    QTest::newRow("look-around") << QByteArray(R"j({"foo(?=bar)": 500})j") << 1 << u"look-around"_qs;
    QTest::newRow("not a code") << QByteArray(R"({"foo": "soon"})") << 1 << u"not-smtp-code"_qs;
    QTest::newRow("risky reputation rewrite") << QByteArray(R"({"TSS04": 550})") << 0 << u"risky"_qs;
    QTest::newRow("rewrite to 2xx") << QByteArray(R"({"foo": 250})") << 0 << u"2xx"_qs;
    QTest::newRow("duplicate key") << QByteArray("{\"a\": 500,\n \"a\": 550}") << 0 << u"duplicate"_qs;
}

void TestCli::lintTable()
{
    QFETCH(QByteArray, table);
    QFETCH(int, exitCode);
    QFETCH(QString, expect);
    QTemporaryDir dir;
    const Run r = runCli({u"lint"_qs, Test::writeTempFile(dir, u"t.json"_qs, table)});
    QVERIFY2(r.out.contains(expect, Qt::CaseInsensitive), qPrintable(r.out));
    QCOMPARE(r.exitCode, exitCode);
}

void TestCli::lintJsonOutput()
{
    QTemporaryDir dir;
    const Run r = runCli({u"lint"_qs, u"--json"_qs, Test::writeTempFile(dir, u"t.json"_qs, R"j({"ok": 500, "a(?<=b)": 500})j")});
    QCOMPARE(r.exitCode, 1);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QVERIFY(o[u"errors"_qs].toInt() >= 1);
    const QJsonArray ds = o[u"diagnostics"_qs].toArray();
    bool found = false;
    for (const QJsonValue &d : ds) {
        if (d[u"rule"_qs].toInt() == 2 && d[u"severity"_qs].toString() == QLatin1String("error")) {
            found = true;
            QCOMPARE(d[u"position"_qs].toInt(), 1);
        }
    }
    QVERIFY(found);
}

void TestCli::exportTable()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(u"table.json"_qs);
    const QString lua = dir.filePath(u"policy.lua"_qs);
    const Run r = runCli({u"export"_qs, u"--project"_qs, example(u"example.dsnwb"_qs), u"--out"_qs, out, u"--lua"_qs, lua});
    QCOMPARE(r.exitCode, 0);
    QFile written(out);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QFile expected(example(u"dsn_rewrite.json"_qs));
    QVERIFY(expected.open(QIODevice::ReadOnly));
    // The disabled rule is left out; the rest is byte for byte the shipped table.
    QCOMPARE(written.readAll(), expected.readAll());
    QFile policy(lua);
    QVERIFY(policy.open(QIODevice::ReadOnly));
    QVERIFY(policy.readAll().contains("smtp_client_rewrite_delivery_status"));
    const Run toStdout = runCli({u"export"_qs, u"--rules"_qs, example(u"dsn_rewrite.json"_qs)});
    QCOMPARE(toStdout.exitCode, 0);
    QVERIFY(toStdout.out.startsWith(u"{\n  \"4\\\\.2\\\\.1"_qs));
}

void TestCli::testProject()
{
    const Run r = runCli({u"test"_qs, example(u"example.dsnwb"_qs)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY(r.out.trimmed().endsWith(u"28 passed, 0 failed"_qs));
}

void TestCli::testProjectFailure()
{
    QTemporaryDir dir;
    QFile in(example(u"example.dsnwb"_qs));
    QVERIFY(in.open(QIODevice::ReadOnly));
    QJsonObject project = QJsonDocument::fromJson(in.readAll()).object();
    // Switch off the Gmail over-quota rule: its samples now fail their expectation.
    QJsonArray rules = project[u"rules"_qs].toArray();
    QJsonObject rule = rules[1].toObject();
    rule[u"enabled"_qs] = false;
    rules[1] = rule;
    project[u"rules"_qs] = rules;
    const QString path = Test::writeTempFile(dir, u"p.dsnwb"_qs, QJsonDocument(project).toJson());
    const Run r = runCli({u"test"_qs, path});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.trimmed().endsWith(u"27 passed, 1 failed"_qs), qPrintable(r.out));
    QVERIFY(r.out.contains(u"expected Bounce, got TransientFailure"_qs));
}

void TestCli::usage()
{
    const Run none = runCli({});
    QCOMPARE(none.exitCode, 2);
    QVERIFY(none.err.contains(u"Usage"_qs));
    const Run unknown = runCli({u"frobnicate"_qs});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY(unknown.err.contains(u"unknown command"_qs));
    const Run help = runCli({u"eval"_qs, u"--help"_qs});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains(u"--rules"_qs));
    const Run badOpt = runCli({u"eval"_qs, u"--nope"_qs});
    QCOMPARE(badOpt.exitCode, 2);
    const Run nothing = runCli({u"eval"_qs}, "550 x\n");
    QCOMPARE(nothing.exitCode, 2);
    QVERIFY(nothing.err.contains(u"--rules"_qs));
}

QTEST_GUILESS_MAIN(TestCli)
#include "TestCli.moc"
