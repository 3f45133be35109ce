// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
//
// Bounce classification next to rewrites (spec §10 and the §6 refinement): rule files in TOML and
// JSON, file order, errors with positions, the evaluator, projects, the lint and the CLI.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "../app/CliRun.h"
#include "TestConfig.h"
#include "eval/BounceClassifier.h"
#include "eval/ClassificationLint.h"
#include "eval/PolicyEvaluator.h"
#include "project/Project.h"

using namespace Dsn;
using Eval::BounceClassifier;

namespace {

QString data(const QString &relative)
{
    return QStringLiteral(DSN_TEST_DATA_DIR "/classifier/") + relative;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

Result<std::shared_ptr<const BounceClassifier>> load(const QString &format, const QByteArray &content)
{
    return format == QLatin1String("toml") ? BounceClassifier::fromToml(content, u"rules.toml"_qs)
                                           : BounceClassifier::fromJson(content, u"rules.json"_qs);
}

// The Gmail over-quota deferral the seed table rewrites from 452 to 500.
const QString kGmailOverQuota = u"452-4.2.2 The email account that you tried to reach is over quota. Please direct\n"
                                "452 4.2.2 the recipient to https://support.google.com/mail/?p=OverQuotaTemp - gsmtp"_qs;
const QByteArray kSeedTable = R"({"4\\.2\\.2 The email account that you tried to reach is over quota\\.": 500})";

Eval::EvaluatorConfig seedConfig()
{
    Eval::EvaluatorConfig c;
    c.rules = {{u"4\\.2\\.2 The email account that you tried to reach is over quota\\."_qs, 500},
               {u"mailbox is inactive"_qs, 551}};
    return c;
}

Eval::EvalInput input(const QString &response, SmtpPhase phase = SmtpPhase::RcptTo)
{
    Eval::EvalInput in;
    in.response = response;
    in.phase = phase;
    return in;
}

/// A saved project with the seed rules, kumo-rules.toml copied into `subdir` and attached, and
/// the Gmail over-quota reply as its one sample. Returns the project's path, empty on failure.
QString writeClassifiedProject(const QTemporaryDir &dir, const QString &subdir)
{
    const QString relative = QDir::cleanPath(subdir + u"/kumo-rules.toml"_qs);
    if (!QDir(dir.path()).mkpath(subdir) || !QFile::copy(data(u"kumo-rules.toml"_qs), dir.filePath(relative)))
        return {};
    Project::Project p;
    p.setRulesFromTable(seedConfig().rules);
    p.classifierFiles = {relative};
    Project::Sample s;
    s.response = kGmailOverQuota;
    p.samples = {s};
    const QString path = dir.filePath(u"p.dsnwb"_qs);
    return p.save(path) ? QString() : path;
}

} // namespace

class TestBounceClassifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classify_data();
    void classify();
    void ruleFiles_data();
    void ruleFiles();
    void labelsInFileOrder();
    void errors_data();
    void errors();
    void formatDetection_data();
    void formatDetection();
    void severalFiles();
    void missingFile();
    void evaluatorLabelsOutcomes();
    void evaluatorReadsFiles();
    void evaluatorKeepsGoingOnBadFile();
    void tooManyRecipientsRefinement_data();
    void tooManyRecipientsRefinement();
    void lint_data();
    void lint();
    void projectRoundTrip();
    void projectWithoutClassifierStillLoads();
    void projectRejectsBadEntry();
    void projectEvaluatesWithItsFiles();
    void cli_data();
    void cli();
};

void TestBounceClassifier::classify_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("expected");

    // toml::table sorts its keys; these rows fail if the loader iterates it as is.
    QTest::newRow("toml: file order, not name order")
        << u"toml"_qs << QByteArray("[rules]\nZeta = ['x']\nAlpha = ['x']\n") << u"550 x"_qs << u"Zeta"_qs;
    QTest::newRow("toml: many labels keep file order")
        << u"toml"_qs << QByteArray("[rules]\nM = ['q']\nZ = ['x']\nB = ['x']\nA = ['x']\n") << u"550 x"_qs << u"Z"_qs;
    QTest::newRow("toml: dotted keys") << u"toml"_qs << QByteArray("rules.Zeta = ['x']\nrules.Alpha = ['x']\n")
                                       << u"550 x"_qs << u"Zeta"_qs;
    QTest::newRow("toml: inline table, one line")
        << u"toml"_qs << QByteArray("rules = { Zeta = ['x'], Alpha = ['x'] }\n") << u"550 x"_qs << u"Zeta"_qs;
    QTest::newRow("toml: a later label when the first misses")
        << u"toml"_qs << QByteArray("[rules]\nZeta = ['y']\nAlpha = ['x']\n") << u"550 x"_qs << u"Alpha"_qs;
    QTest::newRow("toml: first regex of a label in array order")
        << u"toml"_qs << QByteArray("[rules]\nB = ['nomatch', 'x']\nA = ['x']\n") << u"550 x"_qs << u"B"_qs;
    QTest::newRow("toml: no match is Uncategorized")
        << u"toml"_qs << QByteArray("[rules]\nQuotaIssues = ['^552 ']\n") << u"550 x"_qs << u"Uncategorized"_qs;
    QTest::newRow("toml: empty rules table") << u"toml"_qs << QByteArray("[rules]\n") << u"550 x"_qs
                                             << u"Uncategorized"_qs;
    QTest::newRow("toml: unanchored search") << u"toml"_qs << QByteArray("[rules]\nQuotaIssues = ['mailbox full']\n")
                                             << u"552 5.2.2 your mailbox full, sorry"_qs << u"QuotaIssues"_qs;
    QTest::newRow("toml: case-sensitive by default") << u"toml"_qs << QByteArray("[rules]\nQuotaIssues = ['Full']\n")
                                                     << u"552 5.2.2 full"_qs << u"Uncategorized"_qs;
    QTest::newRow("toml: (?i)") << u"toml"_qs << QByteArray("[rules]\nQuotaIssues = ['(?i)Full']\n")
                                << u"552 5.2.2 full"_qs << u"QuotaIssues"_qs;
    QTest::newRow("toml: literal string keeps backslashes")
        << u"toml"_qs << QByteArray("[rules]\nQuotaIssues = ['^552 [45]\\.2\\.2 ']\n") << u"552 5.2.2 full"_qs
        << u"QuotaIssues"_qs;
    QTest::newRow("toml: basic string with doubled backslashes")
        << u"toml"_qs << QByteArray("[rules]\nQuotaIssues = [\"^552 [45]\\\\.2\\\\.2 \"]\n") << u"552 5.2.2 full"_qs
        << u"QuotaIssues"_qs;
    QTest::newRow("toml: anchored rule misses after a rewrite")
        << u"toml"_qs << QByteArray("[rules]\nQuotaIssues = ['^552 [45]\\.2\\.2 ']\n")
        << u"500 4.2.2 full (kumomta: status was rewritten from 552 -> 500)"_qs << u"Uncategorized"_qs;
    QTest::newRow("toml: user-defined label") << u"toml"_qs << QByteArray("[rules]\nMyLabel = ['x']\n")
                                              << u"550 x"_qs << u"MyLabel"_qs;
    QTest::newRow("toml: other top-level keys are ignored")
        << u"toml"_qs << QByteArray("title = 'mine'\n[rules]\nA = ['x']\n") << u"550 x"_qs << u"A"_qs;
    QTest::newRow("json: file order, not name order")
        << u"json"_qs << QByteArray(R"({"rules": {"Zeta": ["x"], "Alpha": ["x"]}})") << u"550 x"_qs << u"Zeta"_qs;
    QTest::newRow("json: a later label when the first misses")
        << u"json"_qs << QByteArray(R"({"rules": {"Zeta": ["y"], "Alpha": ["x"]}})") << u"550 x"_qs << u"Alpha"_qs;
    QTest::newRow("json: comments allowed")
        << u"json"_qs << QByteArray("// rules\n{\"rules\": {\"A\": [\"x\"]}}\n") << u"550 x"_qs << u"A"_qs;
    QTest::newRow("json: no match is Uncategorized")
        << u"json"_qs << QByteArray(R"({"rules": {"A": ["y"]}})") << u"550 x"_qs << u"Uncategorized"_qs;
}

void TestBounceClassifier::classify()
{
    QFETCH(QString, format);
    QFETCH(QByteArray, content);
    QFETCH(QString, line);
    QFETCH(QString, expected);
    const auto c = load(format, content);
    QVERIFY2(c.ok(), c.ok() ? "" : qPrintable(c.error().toString()));
    QCOMPARE((*c)->classify(line), expected);
}

void TestBounceClassifier::ruleFiles_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("expected");
    // The spec's classification corpus (bc-iana-corpus) …
    QTest::newRow("552 5.2.2") << u"552 5.2.2 mailbox is stuffed"_qs << u"QuotaIssues"_qs;
    QTest::newRow("552 4.2.2") << u"552 4.2.2 mailbox is stuffed"_qs << u"QuotaIssues"_qs;
    QTest::newRow("352 5.2.2") << u"352 5.2.2 mailbox is stuffed"_qs << u"Uncategorized"_qs;
    QTest::newRow("525 4.7.13") << u"525 4.7.13 user account is disabled"_qs << u"InactiveMailbox"_qs;
    QTest::newRow("551 4.7.17") << u"551 4.7.17 mailbox owner has changed"_qs << u"InvalidRecipient"_qs;
    QTest::newRow("551 4.7.18") << u"551 4.7.18 domain owner has changed"_qs << u"BadDomain"_qs;
    // … and provider replies where file order decides.
    QTest::newRow("TooManyRecipients before PolicyRelated")
        << u"550 5.7.1 too many recipients for this message"_qs << u"TooManyRecipients"_qs;
    QTest::newRow("SpamBlock before PolicyRelated")
        << u"550 5.7.1 Service unavailable; client host [192.0.2.1] blocked using Spamhaus"_qs << u"SpamBlock"_qs;
    QTest::newRow("PolicyRelated") << u"550 5.7.1 Relaying denied"_qs << u"PolicyRelated"_qs;
    QTest::newRow("Gmail over quota") << u"452 4.2.2 The email account that you tried to reach is over quota."_qs
                                      << u"QuotaIssues"_qs;
    QTest::newRow("Gmail over quota rewritten to 500")
        << u"500 4.2.2 The email account that you tried to reach is over quota. (kumomta: status was rewritten from "
           "452 -> 500)"_qs
        << u"Uncategorized"_qs;
    QTest::newRow("552 without enhanced code, mailbox full") << u"552 Mailbox is full"_qs << u"QuotaIssues"_qs;
    QTest::newRow("user unknown") << u"550 5.1.1 <bob@example.net>: Recipient address rejected: User unknown"_qs
                                  << u"InvalidRecipient"_qs;
    QTest::newRow("inactive mailbox text")
        << u"450 4.2.1 <bob@example.net>: Recipient address rejected: this mailbox is inactive"_qs
        << u"InactiveMailbox"_qs;
    QTest::newRow("authentication") << u"535 5.7.8 Authentication credentials invalid"_qs
                                    << u"AuthenticationFailed"_qs;
    QTest::newRow("delivered") << u"250 2.0.0 OK"_qs << u"Uncategorized"_qs;
}

void TestBounceClassifier::ruleFiles()
{
    QFETCH(QString, line);
    QFETCH(QString, expected);
    // Both forms of the same rules give the same labels.
    for (const QString &file : {u"kumo-rules.toml"_qs, u"kumo-rules.json"_qs}) {
        const auto c = BounceClassifier::fromFile(data(file));
        QVERIFY2(c.ok(), c.ok() ? "" : qPrintable(c.error().toString()));
        QCOMPARE((*c)->ruleCount(), 18);
        QCOMPARE((*c)->classify(line), expected);
    }
}

void TestBounceClassifier::labelsInFileOrder()
{
    const QStringList expected = {u"TooManyRecipients"_qs, u"QuotaIssues"_qs,   u"InvalidRecipient"_qs,
                                  u"BadDomain"_qs,         u"InactiveMailbox"_qs, u"SpamBlock"_qs,
                                  u"PolicyRelated"_qs,     u"AuthenticationFailed"_qs};
    for (const QString &file : {u"kumo-rules.toml"_qs, u"kumo-rules.json"_qs}) {
        const auto c = BounceClassifier::fromFile(data(file));
        QVERIFY(c.ok());
        QCOMPARE((*c)->labels(), expected);
    }
}

void TestBounceClassifier::errors_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("rule");     ///< 1-based regex number in the file, 0 none
    QTest::addColumn<int>("position"); ///< inside the pattern, -1 none
    QTest::addColumn<QString>("message");

    QTest::newRow("toml: unterminated array") << u"toml"_qs << QByteArray("[rules]\nSpamBlock = ['a'\nQuota = ['b']\n")
                                              << u"toml-parse"_qs << 3 << 1 << 0 << -1 << u"parsing rules.toml as toml"_qs;
    QTest::newRow("toml: label defined twice")
        << u"toml"_qs << QByteArray("[rules]\nSpamBlock = ['a']\nSpamBlock = ['b']\n") << u"toml-parse"_qs << 3 << 13
        << 0 << -1 << u"SpamBlock"_qs;
    QTest::newRow("toml: no rules table") << u"toml"_qs << QByteArray("[other]\nA = ['x']\n") << u"classifier-format"_qs
                                          << -1 << -1 << 0 << -1 << u"expected a [rules] table"_qs;
    QTest::newRow("toml: rules is not a table") << u"toml"_qs << QByteArray("rules = 5\n") << u"classifier-format"_qs
                                                << 1 << 9 << 0 << -1 << u"expected a [rules] table"_qs;
    QTest::newRow("toml: label is not a list")
        << u"toml"_qs << QByteArray("[rules]\nSpamBlock = 'x'\n") << u"classifier-format"_qs << 2 << 13 << 0 << -1
        << u"rules.SpamBlock must be a list of regexes"_qs;
    QTest::newRow("toml: a non-string regex")
        << u"toml"_qs << QByteArray("[rules]\nSpamBlock = ['x', 5]\n") << u"classifier-format"_qs << 2 << 19 << 0
        << -1 << u"rules.SpamBlock holds a non-string"_qs;
    QTest::newRow("toml: invalid regex names label and position")
        << u"toml"_qs << QByteArray("[rules]\nQuotaIssues = ['x']\nSpamBlock = ['ok', 'a(b']\n") << u"regex-parse"_qs
        << 3 << 20 << 3 << 1 << u"label SpamBlock, regex 2"_qs;
    QTest::newRow("toml: look-around is not Rust regex")
        << u"toml"_qs << QByteArray("[rules]\nSpamBlock = ['spam(?=x)']\n") << u"regex-parse"_qs << 2 << 14 << 1 << 4
        << u"label SpamBlock, regex 1"_qs;
    QTest::newRow("json: syntax error") << u"json"_qs << QByteArray("{\"rules\": {\n  \"A\": [\"x\",]\n}}\n")
                                        << u"json-parse"_qs << 2 << 13 << 0 << -1 << u"parsing rules.json as json"_qs;
    QTest::newRow("json: no rules object") << u"json"_qs << QByteArray(R"({"A": ["x"]})") << u"classifier-format"_qs
                                           << -1 << -1 << 0 << -1 << u"expected an object with a \"rules\" table"_qs;
    QTest::newRow("json: label is not a list") << u"json"_qs << QByteArray(R"({"rules": {"A": "x"}})")
                                               << u"classifier-format"_qs << -1 << -1 << 0 << -1
                                               << u"rules.A must be a list of regexes"_qs;
    QTest::newRow("json: invalid regex names label and position")
        << u"json"_qs << QByteArray(R"({"rules": {"QuotaIssues": ["x"], "SpamBlock": ["ok", "a(b"]}})")
        << u"regex-parse"_qs << -1 << -1 << 3 << 1 << u"label SpamBlock, regex 2"_qs;
}

void TestBounceClassifier::errors()
{
    QFETCH(QString, format);
    QFETCH(QByteArray, content);
    QFETCH(QString, code);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(int, rule);
    QFETCH(int, position);
    QFETCH(QString, message);
    const auto c = load(format, content);
    QVERIFY(!c.ok());
    const Diagnostic &d = c.error();
    QVERIFY2(d.code == code, qPrintable(d.toString()));
    QCOMPARE(d.severity, Diagnostic::Severity::Error);
    QCOMPARE(d.source, format == QLatin1String("toml") ? u"rules.toml"_qs : u"rules.json"_qs);
    QVERIFY2(d.message.contains(message), qPrintable(d.message));
    QCOMPARE(d.line, line);
    QCOMPARE(d.column, column);
    QCOMPARE(d.ruleIndex + 1, rule);
    QCOMPARE(d.position, position);
}

void TestBounceClassifier::formatDetection_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("format");
    const QByteArray toml = "# rules\n[rules]\nA = ['x']\n";
    const QByteArray json = "// rules\n{\"rules\": {\"A\": [\"x\"]}}\n";
    QTest::newRow(".toml") << u"r.toml"_qs << toml << int(BounceClassifier::Format::Toml);
    QTest::newRow(".json") << u"r.json"_qs << json << int(BounceClassifier::Format::Json);
    QTest::newRow(".TOML") << u"r.TOML"_qs << toml << int(BounceClassifier::Format::Toml);
    QTest::newRow("no extension, TOML") << u"rules"_qs << toml << int(BounceClassifier::Format::Toml);
    QTest::newRow("no extension, JSON") << u"rules"_qs << json << int(BounceClassifier::Format::Json);
    QTest::newRow(".conf, JSON") << u"rules.conf"_qs << json << int(BounceClassifier::Format::Json);
}

void TestBounceClassifier::formatDetection()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(int, format);
    QCOMPARE(int(BounceClassifier::formatOf(name, content)), format);
    QTemporaryDir dir;
    QFile f(dir.filePath(name));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
    f.close();
    const auto c = BounceClassifier::fromFile(f.fileName());
    QVERIFY2(c.ok(), c.ok() ? "" : qPrintable(c.error().toString()));
    QCOMPARE((*c)->classify(u"550 x"_qs), u"A"_qs);
}

void TestBounceClassifier::severalFiles()
{
    const auto c = BounceClassifier::fromFiles({data(u"kumo-rules.toml"_qs), data(u"provider-extras.toml"_qs)});
    QVERIFY2(c.ok(), c.ok() ? "" : qPrintable(c.error().toString()));
    QCOMPARE((*c)->ruleCount(), 21);
    // The second file only sees what the first leaves Uncategorized.
    QCOMPARE((*c)->classify(u"550 5.7.1 Relaying denied"_qs), u"PolicyRelated"_qs);
    QCOMPARE((*c)->classify(u"550 5.7.26 Gmail has detected that this message is likely suspicious"_qs),
             u"PolicyRelated"_qs);
    QCOMPARE((*c)->classify(u"421 4.7.0 Gmail has detected that this message is likely suspicious"_qs),
             u"GmailBulkBlock"_qs);
    QCOMPARE((*c)->labels().last(), u"GmailBulkBlock"_qs);

    // A bad regex in the second file is reported against that file, numbered within it.
    QTemporaryDir dir;
    const QString bad = Test::writeTempFile(dir, u"bad.toml"_qs, "[rules]\nA = ['x']\nB = ['(']\n");
    const auto broken = BounceClassifier::fromFiles({data(u"kumo-rules.toml"_qs), bad});
    QVERIFY(!broken.ok());
    QCOMPARE(broken.error().source, u"bad.toml"_qs);
    QCOMPARE(broken.error().ruleIndex, 1);
    QCOMPARE(broken.error().line, 3);
    QVERIFY2(broken.error().message.contains(u"label B, regex 1"_qs), qPrintable(broken.error().message));
}

void TestBounceClassifier::missingFile()
{
    const auto c = BounceClassifier::fromFile(data(u"no-such-file.toml"_qs));
    QVERIFY(!c.ok());
    QCOMPARE(c.error().code, u"io"_qs);
    QVERIFY(c.error().message.contains(u"no-such-file.toml"_qs));
}

void TestBounceClassifier::evaluatorLabelsOutcomes()
{
    Eval::EvaluatorConfig config = seedConfig();
    config.classifier = BounceClassifier::fromFile(data(u"kumo-rules.toml"_qs)).value();
    Eval::PolicyEvaluator evaluator(config);
    QVERIFY(!evaluator.loadError());

    const Eval::EvalResult rewritten = evaluator.evaluate(input(kGmailOverQuota));
    QVERIFY(rewritten.rewritten);
    QCOMPARE(rewritten.bounceClassification, u"Uncategorized"_qs);
    QCOMPARE(rewritten.classificationBeforeRewrite, u"QuotaIssues"_qs);
    QVERIFY(rewritten.classificationChanged());
    QCOMPARE(rewritten.classificationText(), u"QuotaIssues → Uncategorized"_qs);
    QCOMPARE(rewritten.logRecord.value(u"bounce_classification"_qs).toString(), u"Uncategorized"_qs);
    QVERIFY2(rewritten.explanation.contains(u"from QuotaIssues to Uncategorized"_qs), qPrintable(rewritten.explanation));
    const QJsonObject json = rewritten.toJson();
    QCOMPARE(json.value(u"bounce_classification"_qs).toString(), u"Uncategorized"_qs);
    QCOMPARE(json.value(u"bounce_classification_before_rewrite"_qs).toString(), u"QuotaIssues"_qs);

    const Eval::EvalResult kept = evaluator.evaluate(input(u"550 5.1.1 <bob@example.net>: User unknown"_qs));
    QVERIFY(!kept.rewritten);
    QCOMPARE(kept.bounceClassification, u"InvalidRecipient"_qs);
    QVERIFY(kept.classificationBeforeRewrite.isEmpty());
    QVERIFY(!kept.toJson().contains(u"bounce_classification_before_rewrite"_qs));

    // A rewrite that keeps a text-based rule matching keeps the label.
    const Eval::EvalResult inactive = evaluator.evaluate(
        input(u"450 4.2.1 <bob@example.net>: Recipient address rejected: this mailbox is inactive"_qs));
    QVERIFY(inactive.rewritten);
    QCOMPARE(inactive.bounceClassification, u"InactiveMailbox"_qs);
    QVERIFY(!inactive.classificationChanged());

    // Without a classifier every record says Uncategorized, as KumoMTA logs it.
    Eval::PolicyEvaluator plain(seedConfig());
    const Eval::EvalResult none = plain.evaluate(input(kGmailOverQuota));
    QCOMPARE(none.bounceClassification, u"Uncategorized"_qs);
    QVERIFY(none.classificationBeforeRewrite.isEmpty());
    QCOMPARE(none.logRecord.value(u"bounce_classification"_qs).toString(), u"Uncategorized"_qs);
}

void TestBounceClassifier::evaluatorReadsFiles()
{
    Eval::EvaluatorConfig config = seedConfig();
    config.classifierFiles = {data(u"kumo-rules.json"_qs)};
    Eval::PolicyEvaluator evaluator(config);
    QVERIFY(evaluator.classifier());
    QVERIFY(evaluator.diagnostics().isEmpty());
    QCOMPARE(evaluator.evaluate(input(u"552 5.2.2 mailbox is stuffed"_qs)).bounceClassification, u"QuotaIssues"_qs);
}

void TestBounceClassifier::evaluatorKeepsGoingOnBadFile()
{
    QTemporaryDir dir;
    Eval::EvaluatorConfig config = seedConfig();
    config.classifierFiles = {Test::writeTempFile(dir, u"bad.toml"_qs, "[rules]\nA = ['(']\n")};
    Eval::PolicyEvaluator evaluator(config);
    QVERIFY(!evaluator.loadError());
    QVERIFY(!evaluator.classifier());
    const QList<Diagnostic> ds = evaluator.diagnostics();
    QCOMPARE(ds.size(), 1);
    QCOMPARE(ds.first().source, u"bad.toml"_qs);
    QCOMPARE(ds.first().line, 2);
    // The rewrite preview still works; the outcome is simply not classified.
    const Eval::EvalResult r = evaluator.evaluate(input(kGmailOverQuota));
    QVERIFY(r.rewritten);
    QCOMPARE(r.bounceClassification, u"Uncategorized"_qs);
}

void TestBounceClassifier::tooManyRecipientsRefinement_data()
{
    QTest::addColumn<QString>("response");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("recordType");
    // §6 under 2026.06: 452/552 without an enhanced code at RCPT is settled by the label.
    QTest::newRow("552 too many recipients") << u"552 Too many recipients"_qs << u"TooManyRecipients"_qs
                                             << u"TransientFailure"_qs;
    QTest::newRow("552 mailbox full is QuotaIssues") << u"552 Mailbox is full"_qs << u"QuotaIssues"_qs << u"Bounce"_qs;
    QTest::newRow("552 Uncategorized") << u"552 go away"_qs << u"Uncategorized"_qs << u"TransientFailure"_qs;
    QTest::newRow("452 4.5.3 is always transient") << u"452 4.5.3 Too many recipients"_qs << u"TooManyRecipients"_qs
                                                   << u"TransientFailure"_qs;
    QTest::newRow("552 5.2.2 with enhanced code") << u"552 5.2.2 Mailbox is full"_qs << u"QuotaIssues"_qs
                                                  << u"Bounce"_qs;
}

void TestBounceClassifier::tooManyRecipientsRefinement()
{
    QFETCH(QString, response);
    QFETCH(QString, label);
    QFETCH(QString, recordType);
    Eval::EvaluatorConfig config;
    config.profile = CompatProfile::V2026_06;
    config.classifierFiles = {data(u"kumo-rules.toml"_qs)};
    Eval::PolicyEvaluator evaluator(config);
    const Eval::EvalResult r = evaluator.evaluate(input(response));
    QCOMPARE(r.bounceClassification, label);
    QCOMPARE(recordTypeName(r.recordType), recordType);
}

void TestBounceClassifier::lint_data()
{
    QTest::addColumn<QString>("response");
    QTest::addColumn<bool>("withClassifier");
    QTest::addColumn<QString>("warning"); ///< empty: none expected
    QTest::newRow("rewrite loses QuotaIssues")
        << kGmailOverQuota << true << u"rewrite moves sample 2 from QuotaIssues to Uncategorized (452 → 500)"_qs;
    QTest::newRow("rewrite keeps a text-matched label")
        << u"450 4.2.1 <bob@example.net>: Recipient address rejected: this mailbox is inactive"_qs << true << QString();
    QTest::newRow("no rewrite") << u"550 5.1.1 <bob@example.net>: User unknown"_qs << true << QString();
    QTest::newRow("Uncategorized anyway")
        << u"451 4.2.2 The email account that you tried to reach is over quota."_qs << true << QString();
    QTest::newRow("no classifier") << kGmailOverQuota << false << QString();
}

void TestBounceClassifier::lint()
{
    QFETCH(QString, response);
    QFETCH(bool, withClassifier);
    QFETCH(QString, warning);
    Eval::EvaluatorConfig config = seedConfig();
    if (withClassifier)
        config.classifierFiles = {data(u"kumo-rules.toml"_qs)};
    Eval::PolicyEvaluator evaluator(config);
    // The sample under test is the second; the first never changes.
    const QList<Diagnostic> ds
        = Eval::ClassificationLint::run(evaluator, {input(u"250 2.0.0 OK"_qs), input(response)});
    if (warning.isEmpty()) {
        QVERIFY2(ds.isEmpty(), ds.isEmpty() ? "" : qPrintable(ds.first().toString()));
        return;
    }
    QCOMPARE(ds.size(), 1);
    const Diagnostic &d = ds.first();
    QCOMPARE(d.severity, Diagnostic::Severity::Warning);
    QCOMPARE(d.code, u"classification-lost"_qs);
    QCOMPARE(d.source, u"sample 2"_qs);
    QCOMPARE(d.message, warning);
    QCOMPARE(d.ruleIndex, 0);
    QCOMPARE(d.pattern, seedConfig().rules.first().pattern);
}

void TestBounceClassifier::projectRoundTrip()
{
    Project::Project p;
    p.name = u"classified"_qs;
    p.classifierFiles = {u"classifier/kumo-rules.toml"_qs, u"/etc/kumomta/extra.json"_qs};
    QTemporaryDir dir;
    const QString path = dir.filePath(u"p.dsnwb"_qs);
    QVERIFY(!p.save(path));
    const QJsonObject saved = QJsonDocument::fromJson(readAll(path)).object();
    QCOMPARE(saved.value(u"classifier_files"_qs).toArray().size(), 2);
    auto back = Project::Project::load(path);
    QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().toString()));
    QCOMPARE(back->classifierFiles, p.classifierFiles);
    QVERIFY(*back == p);
    // Relative entries resolve against the project's folder, absolute ones stay.
    const QStringList paths = back->evaluatorConfig(dir.path()).classifierFiles;
    QCOMPARE(paths, QStringList({QDir(dir.path()).filePath(u"classifier/kumo-rules.toml"_qs),
                                 u"/etc/kumomta/extra.json"_qs}));
}

void TestBounceClassifier::projectWithoutClassifierStillLoads()
{
    // Projects saved before classifiers existed have no "classifier_files".
    const QByteArray old = R"({"format": "dsn-workbench-project", "version": 1, "name": "old",
                               "rules": [{"pattern": "x", "code": 500}], "samples": []})";
    auto p = Project::Project::fromJson(old, u"old.dsnwb"_qs);
    QVERIFY2(p.ok(), p.ok() ? "" : qPrintable(p.error().toString()));
    QVERIFY(p->classifierFiles.isEmpty());
    QVERIFY(p->evaluatorConfig(u"/tmp"_qs).classifierFiles.isEmpty());
    // … and saving such a project does not add the key.
    QVERIFY(!p->toJson().contains(u"classifier_files"_qs));
}

void TestBounceClassifier::projectRejectsBadEntry()
{
    const QByteArray bad = R"({"format": "dsn-workbench-project", "version": 1, "classifier_files": ["a.toml", 5]})";
    auto p = Project::Project::fromJson(bad, u"bad.dsnwb"_qs);
    QVERIFY(!p.ok());
    QVERIFY2(p.error().message.contains(u"classifier file 2"_qs), qPrintable(p.error().message));
}

void TestBounceClassifier::projectEvaluatesWithItsFiles()
{
    QTemporaryDir dir;
    const QString path = writeClassifiedProject(dir, u"classifier"_qs);
    QVERIFY(!path.isEmpty());
    auto loaded = Project::Project::load(path);
    QVERIFY(loaded.ok());
    Eval::PolicyEvaluator evaluator(loaded->evaluatorConfig(dir.path()));
    QVERIFY(evaluator.classifier());
    const Eval::EvalResult r = evaluator.evaluate(loaded->samples.first().toInput());
    QCOMPARE(r.classificationText(), u"QuotaIssues → Uncategorized"_qs);
}

void TestBounceClassifier::cli_data()
{
    QTest::addColumn<QStringList>("args"); ///< %TOML%, %RULES%, %PROJECT%, %BAD% are replaced
    QTest::addColumn<QByteArray>("stdinBytes");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("out");
    QTest::addColumn<QString>("err");

    const QByteArray gmail = kGmailOverQuota.toUtf8().replace("\n", "\\r\\n") + "\n";
    QTest::newRow("eval json carries the labels")
        << QStringList{u"eval"_qs, u"--rules"_qs, u"%RULES%"_qs, u"--classifier"_qs, u"%TOML%"_qs} << gmail << 0
        << u"\"bounce_classification_before_rewrite\":\"QuotaIssues\""_qs << QString();
    QTest::newRow("eval --table shows the class column")
        << QStringList{u"eval"_qs, u"--rules"_qs, u"%RULES%"_qs, u"--classifier"_qs, u"%TOML%"_qs, u"--table"_qs}
        << gmail << 0 << u"QuotaIssues → Uncategorized"_qs << QString();
    QTest::newRow("eval --table without a classifier has no class column")
        << QStringList{u"eval"_qs, u"--rules"_qs, u"%RULES%"_qs, u"--table"_qs} << gmail << 0 << u"452 → 500"_qs
        << QString();
    QTest::newRow("eval with a bad classifier file fails")
        << QStringList{u"eval"_qs, u"--rules"_qs, u"%RULES%"_qs, u"--classifier"_qs, u"%BAD%"_qs} << gmail << 1
        << QString() << u"bad.toml:2:"_qs;
    QTest::newRow("lint --project warns about the lost class")
        << QStringList{u"lint"_qs, u"--project"_qs, u"%PROJECT%"_qs} << QByteArray() << 0
        << u"warning[classification-lost]: rewrite moves sample 1 from QuotaIssues to Uncategorized"_qs << QString();
    QTest::newRow("lint --classifier checks the rule file")
        << QStringList{u"lint"_qs, u"--classifier"_qs, u"%BAD%"_qs} << QByteArray() << 1 << u"bad.toml:2:"_qs
        << QString();
    QTest::newRow("lint --classifier on a good file")
        << QStringList{u"lint"_qs, u"--classifier"_qs, u"%TOML%"_qs} << QByteArray() << 0 << u"0 error(s)"_qs
        << QString();
    QTest::newRow("test --classifier with a bad file fails")
        << QStringList{u"test"_qs, u"%PROJECT%"_qs, u"--classifier"_qs, u"%BAD%"_qs} << QByteArray() << 1
        << QString() << u"bad.toml:2:"_qs;
}

void TestBounceClassifier::cli()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, stdinBytes);
    QFETCH(int, exitCode);
    QFETCH(QString, out);
    QFETCH(QString, err);

    QTemporaryDir dir;
    const QString project = writeClassifiedProject(dir, u"."_qs);
    QVERIFY(!project.isEmpty());
    const QString rules = Test::writeTempFile(dir, u"rules.json"_qs, kSeedTable);
    const QString bad = Test::writeTempFile(dir, u"bad.toml"_qs, "[rules]\nA = ['(']\n");
    for (QString &a : args) {
        a.replace(u"%TOML%"_qs, dir.filePath(u"kumo-rules.toml"_qs));
        a.replace(u"%RULES%"_qs, rules);
        a.replace(u"%PROJECT%"_qs, project);
        a.replace(u"%BAD%"_qs, bad);
    }
    const Test::CliRun r = Test::CliRun::run(args, stdinBytes);
    QVERIFY2(r.exitCode == exitCode, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains(out), qPrintable(r.out));
    QVERIFY2(r.err.contains(err), qPrintable(r.err));
    if (!args.contains(u"--classifier"_qs) && args.contains(u"--table"_qs))
        QVERIFY2(!r.out.contains(u"bounce class"_qs), qPrintable(r.out));
    else if (args.contains(u"--table"_qs))
        QVERIFY2(r.out.contains(u"bounce class"_qs), qPrintable(r.out));
}

QTEST_GUILESS_MAIN(TestBounceClassifier)
#include "TestBounceClassifier.moc"
