// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include <csignal>

#include <signal.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include "CliApplication.h"
#include "CliRun.h"
#include "TestConfig.h"

using namespace Dsn;
using Test::CliRun;

namespace {

QString data(const char *relative)
{
    return QStringLiteral(DSN_TEST_DATA_DIR "/") + QLatin1String(relative);
}

QJsonObject json(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace

class TestCliReplay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void splitAndMergeEqualsOneRun();
    void directoryEqualsItsFiles();
    void emitOneLinePerFailure();
    void emitToStdout();
    void readableSummary();
    void errors_data();
    void errors();
    void signalStopsReplay_data();
    void signalStopsReplay();

private:
    QTemporaryDir m_dir;
    QStringList m_logs;
    qint64 m_failures = 0;
};

void TestCliReplay::initTestCase()
{
    QDir().mkpath(m_dir.filePath(QStringLiteral("logs")));
    for (int seed : {11, 12, 13}) {
        // One compressed part among plain ones, as a rotated KumoMTA log directory would have.
        const QString out = m_dir.filePath(QStringLiteral("logs/part%1%2").arg(seed).arg(seed == 12 ? u".zst"_qs : u".jsonl"_qs));
        const CliRun run = CliRun::run({u"generate"_qs, u"--records"_qs, u"1200"_qs, u"--seed"_qs, QString::number(seed),
                                        u"--corpus"_qs, data("corpus/responses.jsonl"), out});
        QCOMPARE(run.exitCode, 0);
        // "OUT: 1200 records (N failures), …"
        const QString failures = run.out.section(u'(', 1).section(u' ', 0, 0);
        m_failures += failures.toLongLong();
        m_logs << out;
    }
    QVERIFY(m_failures > 0);
}

void TestCliReplay::splitAndMergeEqualsOneRun()
{
    const QString rules = data("replay/rules.json");
    const CliRun whole = CliRun::run(QStringList{u"replay"_qs, u"--rules"_qs, rules, u"--json"_qs} + m_logs);
    QCOMPARE(whole.exitCode, 0);
    const QJsonObject expected = json(whole.out);
    QCOMPARE(expected.value(u"records"_qs).toInteger(), qint64(3600));
    QVERIFY(expected.value(u"rewritten"_qs).toInteger() > 0);

    QStringList parts;
    for (const QString &log : m_logs) {
        const CliRun part = CliRun::run({u"replay"_qs, u"--rules"_qs, rules, u"--json"_qs, u"--threads"_qs, u"1"_qs, log});
        QCOMPARE(part.exitCode, 0);
        parts << Test::writeTempFile(m_dir, QFileInfo(log).fileName() + u".summary.json"_qs, part.out.toUtf8());
    }
    // Merged out of order: the result must not depend on it.
    const CliRun merged = CliRun::run({u"merge"_qs, parts[2], parts[0], parts[1]});
    QCOMPARE(merged.exitCode, 0);
    QCOMPARE(json(merged.out), expected);
}

void TestCliReplay::directoryEqualsItsFiles()
{
    const QString rules = data("replay/rules.json");
    const CliRun files = CliRun::run(QStringList{u"replay"_qs, u"--rules"_qs, rules, u"--json"_qs} + m_logs);
    const CliRun dir = CliRun::run({u"replay"_qs, u"--rules"_qs, rules, u"--json"_qs, m_dir.filePath(u"logs"_qs)});
    QCOMPARE(dir.exitCode, 0);
    QCOMPARE(json(dir.out), json(files.out));
}

void TestCliReplay::emitOneLinePerFailure()
{
    const QString emitted = m_dir.filePath(u"decisions.jsonl"_qs);
    const CliRun run = CliRun::run(QStringList{u"replay"_qs, u"--rules"_qs, data("replay/rules.json"), u"--emit"_qs,
                                               emitted} + m_logs);
    QCOMPARE(run.exitCode, 0);
    QFile f(emitted);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().split('\n');
    QCOMPARE(qint64(lines.size() - 1), m_failures);
    const QJsonObject first = QJsonDocument::fromJson(lines.first()).object();
    for (const char *key : {"file", "line", "old", "new", "rule", "queue"})
        QVERIFY2(first.contains(QLatin1String(key)), key);
    QVERIFY(run.out.contains(u"Records: 3600"_qs));
}

void TestCliReplay::emitToStdout()
{
    const CliRun run = CliRun::run({u"replay"_qs, u"--rules"_qs, data("replay/rules.json"), u"--emit"_qs, u"-"_qs,
                                    data("replay/small.jsonl")});
    QCOMPARE(run.exitCode, 0);
    const QList<QJsonObject> decisions = run.jsonLines();
    QCOMPARE(decisions.size(), 5);
    QCOMPARE(decisions.at(1).value(u"line"_qs).toInt(), 3);
    QCOMPARE(decisions.at(1).value(u"old"_qs).toObject().value(u"code"_qs).toInt(), 452);
    QCOMPARE(decisions.at(1).value(u"new"_qs).toObject().value(u"type"_qs).toString(), u"Bounce"_qs);
    // The summary moves to stderr so stdout stays JSON Lines.
    QVERIFY(run.err.contains(u"Records: 7"_qs));
}

void TestCliReplay::readableSummary()
{
    const CliRun run = CliRun::run({u"replay"_qs, u"--rules"_qs, data("replay/rules.json"), data("replay/small.jsonl")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QRegularExpression(u"TransientFailure +→ Bounce +1\n"_qs)), qPrintable(run.out));
    QVERIFY(run.out.contains(data("replay/small.jsonl") + u":4: invalid JSON"_qs));
    QVERIFY(run.out.contains(u"<<addr>>"_qs));
    QVERIFY(run.err.isEmpty());
}

void TestCliReplay::errors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QString rules = data("replay/rules.json");
    const QString missing = data("replay/missing.jsonl");
    QTest::newRow("replay: unreadable path") << QStringList{u"replay"_qs, u"--rules"_qs, rules, missing} << 1 << u"cannot read"_qs;
    QTest::newRow("replay: no path") << QStringList{u"replay"_qs, u"--rules"_qs, rules} << 2 << u"no log file"_qs;
    QTest::newRow("replay: bad threads") << QStringList{u"replay"_qs, u"--threads"_qs, u"0"_qs, u"--rules"_qs, rules, missing}
                                         << 2 << u"--threads"_qs;
    QTest::newRow("replay: no policy") << QStringList{u"replay"_qs, data("replay/small.jsonl")} << 2 << u"nothing to evaluate"_qs;
    QTest::newRow("replay: json and emit -")
        << QStringList{u"replay"_qs, u"--json"_qs, u"--emit"_qs, u"-"_qs, u"--rules"_qs, rules, missing} << 2 << u"stdout"_qs;
    QTest::newRow("merge: nothing") << QStringList{u"merge"_qs} << 2 << u"no summary"_qs;
    QTest::newRow("merge: unreadable") << QStringList{u"merge"_qs, missing} << 1 << u"cannot read"_qs;
    QTest::newRow("merge: not a summary") << QStringList{u"merge"_qs, rules} << 1 << u"not a replay summary"_qs;
    QTest::newRow("generate: no count") << QStringList{u"generate"_qs, u"/tmp/x.jsonl"_qs} << 2 << u"--records"_qs;
    QTest::newRow("generate: bad size") << QStringList{u"generate"_qs, u"--size"_qs, u"lots"_qs, u"/tmp/x.jsonl"_qs} << 2
                                        << u"--size"_qs;
    QTest::newRow("generate: unwritable") << QStringList{u"generate"_qs, u"--records"_qs, u"1"_qs, u"/nonexistent/dir/x.jsonl"_qs}
                                          << 1 << u"cannot write"_qs;
}

void TestCliReplay::errors()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const CliRun run = CliRun::run(args);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
}


void TestCliReplay::signalStopsReplay_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("Ctrl-C (SIGINT)") << int(SIGINT) << 130;
    QTest::newRow("SIGTERM") << int(SIGTERM) << 143;
}

void TestCliReplay::signalStopsReplay()
{
    QFETCH(int, signalNumber);
    QFETCH(int, exitCode);
    // One log named many times over: far more records than are read before the signal lands.
    const QStringList paths(500, m_logs.first());
    const qint64 total = 500 * 1200;
    QProcess cli;
    cli.start(QCoreApplication::applicationFilePath(),
              QStringList{u"--as-cli"_qs, u"replay"_qs, u"--rules"_qs, data("replay/rules.json"), u"--threads"_qs, u"2"_qs,
                          u"--emit"_qs, u"-"_qs} + paths);
    QVERIFY(cli.waitForStarted());
    // Decisions on stdout: the replay runs, and the signal handler was installed before it began.
    QVERIFY(cli.waitForReadyRead(60000));
    QCOMPARE(::kill(pid_t(cli.processId()), signalNumber), 0);
    QVERIFY(cli.waitForFinished(60000));
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
    QCOMPARE(cli.exitCode(), exitCode);
    // With --emit - the summary goes to stderr: partial, and saying so.
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    QVERIFY2(err.contains(u"cancelled"_qs), qPrintable(err));
    const QRegularExpressionMatch records = QRegularExpression(u"Records: (\\d+)"_qs).match(err);
    QVERIFY2(records.hasMatch(), qPrintable(err));
    QVERIFY(records.captured(1).toLongLong() < total);
}

/// This executable doubles as dsn-workbench-cli (`--as-cli ARGS…`), so the signal test runs
/// the command in a process of its own with the same code and no dependency on the CLI's build.
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc > 1 && qstrcmp(argv[1], "--as-cli") == 0) {
        QStringList arguments = QCoreApplication::arguments();
        arguments.removeAt(1);
        QFile in;
        in.open(stdin, QIODevice::ReadOnly);
        QTextStream out(stdout);
        QTextStream err(stderr);
        Cli::CommandContext ctx{out, err, &in, false};
        Cli::CliApplication cli;
        return cli.run(arguments, ctx);
    }
    TestCliReplay test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "TestCliReplay.moc"
