// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include "TestConfig.h"
#include "eval/PolicyEvaluator.h"
#include "project/Project.h"

using namespace Dsn;

class TestProject : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exampleLoads();
    void roundTrip();
    void exportSkipsDisabled();
    void badFiles_data();
    void badFiles();
    void saveIsAtomic();
    void expectations();
};

static QString examplePath()
{
    return QStringLiteral(DSN_SOURCE_DIR "/resources/examples/example.dsnwb");
}

void TestProject::exampleLoads()
{
    auto p = Project::Project::load(examplePath());
    QVERIFY2(p.ok(), p.ok() ? "" : qPrintable(p.error().toString()));
    QCOMPARE(p->rules.size(), 3);
    QVERIFY(p->samples.size() >= 20);
    QCOMPARE(p->profile, CompatProfile::Documented);
    QVERIFY(!p->policySource.isEmpty());
    QCOMPARE(p->kumoTable().size(), 2);
}

void TestProject::roundTrip()
{
    auto p = Project::Project::load(examplePath());
    QVERIFY(p.ok());
    Project::Project changed = *p;
    changed.profile = CompatProfile::V2026_06;
    changed.rules[0].note = u"édité — ünïcode"_qs;
    changed.samples[0].expect.code = 555;
    changed.moduleDirectories = {u"lua"_qs};
    QTemporaryDir dir;
    const QString path = dir.filePath(u"p.dsnwb"_qs);
    QVERIFY(!changed.save(path));
    auto back = Project::Project::load(path);
    QVERIFY(back.ok());
    QVERIFY(*back == changed);
    QVERIFY(!(*back == *p));
}

void TestProject::exportSkipsDisabled()
{
    Project::Project p;
    p.rules = {{u"b"_qs, 500, u"n"_qs, true}, {u"a"_qs, 550, QString(), false}, {u"c\\.d"_qs, 551, QString(), true}};
    QCOMPARE(p.kumoTableJson(), QByteArray("{\n  \"b\": 500,\n  \"c\\\\.d\": 551\n}\n"));
}

void TestProject::badFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    QTest::newRow("not json") << QByteArray("{ nope") << u"parsing"_qs;
    QTest::newRow("not a project") << QByteArray(R"({"format": "other"})") << u"not a DSN Workbench project"_qs;
    QTest::newRow("future version") << QByteArray(R"({"format": "dsn-workbench-project", "version": 99})")
                                    << u"version 99"_qs;
    QTest::newRow("bad profile") << QByteArray(R"({"format": "dsn-workbench-project", "version": 1, "compat_profile": "1999"})")
                                 << u"unknown compatibility profile"_qs;
    QTest::newRow("rule without pattern")
        << QByteArray(R"({"format": "dsn-workbench-project", "version": 1, "rules": [{"code": 500}]})") << u"rule 1"_qs;
    QTest::newRow("sample bad phase")
        << QByteArray(R"({"format": "dsn-workbench-project", "version": 1, "samples": [{"response": "550 x", "phase": "LUNCH"}]})")
        << u"sample 1 has an unknown phase"_qs;
}

void TestProject::badFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    auto p = Project::Project::fromJson(content, u"x.dsnwb"_qs);
    QVERIFY(!p.ok());
    QVERIFY2(p.error().message.contains(message), qPrintable(p.error().message));
    QVERIFY(!Project::Project::load(u"/nonexistent/x.dsnwb"_qs).ok());
}

void TestProject::saveIsAtomic()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"p.dsnwb"_qs);
    Project::Project p;
    p.name = u"first"_qs;
    QVERIFY(!p.save(path));
    // A save into a folder that does not exist fails and leaves nothing half-written.
    QVERIFY(p.save(dir.filePath(u"missing/p.dsnwb"_qs)).has_value());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{u"p.dsnwb"_qs});
    auto back = Project::Project::load(path);
    QVERIFY(back.ok());
    QCOMPARE(back->name, u"first"_qs);
}

void TestProject::expectations()
{
    auto p = Project::Project::load(examplePath());
    QVERIFY(p.ok());
    Eval::PolicyEvaluator evaluator(p->evaluatorConfig(QFileInfo(examplePath()).absolutePath()));
    QVERIFY(!evaluator.loadError());
    int checked = 0;
    for (const Project::Sample &s : p->samples) {
        if (s.expect.isEmpty())
            continue;
        const Eval::EvalResult r = evaluator.evaluate(s.toInput());
        QVERIFY2(s.expect.mismatch(r).isEmpty(), qPrintable(s.response + u": "_qs + s.expect.mismatch(r)));
        ++checked;
    }
    QCOMPARE(checked, p->samples.size());
    Project::Expectation wrong;
    wrong.recordType = RecordType::Delivery;
    wrong.code = 250;
    const Eval::EvalResult r = evaluator.evaluate(p->samples.first().toInput());
    QCOMPARE(wrong.mismatch(r), u"expected Delivery, got Bounce; expected code 250, got 500"_qs);
}

QTEST_GUILESS_MAIN(TestProject)
#include "TestProject.moc"
