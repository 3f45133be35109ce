// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
//
// End-to-end policy behaviour from folders: tests/data/policies/<case>/ holds rules.json,
// policy.lua (optional: the built-in policy), config.json (optional), responses.jsonl and
// expected.jsonl. Adding a case needs no C++; each reply is one row.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "TestConfig.h"
#include "eval/PolicyEvaluator.h"

using namespace Dsn;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QList<QJsonObject> readJsonLines(const QString &path)
{
    QList<QJsonObject> out;
    for (const QByteArray &line : readFile(path).split('\n')) {
        if (!line.trimmed().isEmpty())
            out << QJsonDocument::fromJson(line).object();
    }
    return out;
}

} // namespace

class TestGoldenPolicies : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void golden_data();
    void golden();
};

void TestGoldenPolicies::golden_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<int>("index");
    const QDir root(QStringLiteral(DSN_TEST_DATA_DIR "/policies"));
    const QStringList folders = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QVERIFY(folders.size() >= 3);
    for (const QString &name : folders) {
        const QString folder = root.filePath(name);
        const qsizetype inputs = readJsonLines(folder + u"/responses.jsonl"_qs).size();
        const qsizetype expected = readJsonLines(folder + u"/expected.jsonl"_qs).size();
        QCOMPARE(inputs, expected);
        for (int i = 0; i < inputs; ++i)
            QTest::addRow("%s[%d]", qPrintable(name), i + 1) << folder << i;
    }
}

void TestGoldenPolicies::golden()
{
    QFETCH(QString, folder);
    QFETCH(int, index);
    const QJsonObject config = QJsonDocument::fromJson(readFile(folder + u"/config.json"_qs)).object();
    const QJsonObject input = readJsonLines(folder + u"/responses.jsonl"_qs).at(index);
    const QJsonObject expected = readJsonLines(folder + u"/expected.jsonl"_qs).at(index);

    Eval::EvaluatorConfig c;
    auto rules = Rules::RegexRule::listFromJson(readFile(folder + u"/rules.json"_qs), u"rules.json"_qs);
    QVERIFY(rules.ok());
    c.rules = *rules;
    c.policySource = readFile(folder + u"/policy.lua"_qs);
    c.tablePath = config.value(u"table_path"_qs).toString();
    c.profile = compatProfileFromId(config.value(u"profile"_qs).toString(u"documented"_qs)).value();
    Eval::PolicyEvaluator evaluator(c);
    QVERIFY2(!evaluator.loadError(), evaluator.loadError() ? qPrintable(evaluator.loadError()->message) : "");

    Eval::EvalInput in;
    if (input.value(u"lines"_qs).isArray()) {
        QStringList lines;
        for (const QJsonValue &l : input.value(u"lines"_qs).toArray())
            lines << l.toString();
        in.response = lines.join(QLatin1Char('\n'));
    } else {
        in.response = input.value(u"response"_qs).toString();
    }
    in.phase = smtpPhaseFromName(input.value(u"phase"_qs).toString(u"RCPT TO"_qs)).value();
    in.queue = input.value(u"queue"_qs).toString();
    const Eval::EvalResult r = evaluator.evaluate(in);

    QVERIFY(!r.inputError);
    QVERIFY2(!r.policyError, r.policyError ? qPrintable(r.policyError->message) : "");
    QCOMPARE(r.eventCalled, expected.value(u"event_called"_qs).toBool());
    QCOMPARE(r.response.code, expected.value(u"code"_qs).toInt());
    QCOMPARE(recordTypeName(r.recordType), expected.value(u"record_type"_qs).toString());
    QCOMPARE(r.rewritten, expected.value(u"rewritten"_qs).toBool());
    if (expected.contains(u"content"_qs))
        QCOMPARE(r.response.content, expected.value(u"content"_qs).toString());
    if (expected.contains(u"event_response"_qs))
        QCOMPARE(r.eventResponse, expected.value(u"event_response"_qs).toString());
    if (expected.contains(u"matched_rules"_qs)) {
        QJsonArray matched;
        for (const Eval::MatchedRule &m : r.matched)
            matched.append(m.index + 1);
        QCOMPARE(matched, expected.value(u"matched_rules"_qs).toArray());
    }
    QCOMPARE(r.ambiguous, expected.value(u"ambiguous"_qs).toBool(false));
    QCOMPARE(r.profileSensitive, expected.value(u"profile_sensitive"_qs).toBool(false));
    // Every outcome carries its explanation and a log record of the same type.
    QVERIFY(!r.explanation.isEmpty());
    QCOMPARE(r.logRecord.value(u"type"_qs).toString(), recordTypeName(r.recordType));
}

QTEST_GUILESS_MAIN(TestGoldenPolicies)
#include "TestGoldenPolicies.moc"
