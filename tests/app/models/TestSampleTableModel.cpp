// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include <QAbstractItemModelTester>
#include <QColor>
#include <QSignalSpy>
#include <QTest>

#include "ExampleProject.h"
#include "SampleFilterProxy.h"
#include "SampleTableModel.h"
#include "common/SmtpResponse.h"

using Dsn::RecordType;
using Dsn::Eval::EvalResult;
using Dsn::Models::SampleFilterProxy;
using Dsn::Models::SampleTableModel;

class TestSampleTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void loadsExample();
    void recordTypeRoles_data();
    void recordTypeRoles();
    void chunkedWithoutReset();
    void staleGenerationsDropped();
    void filters_data();
    void filters();
    void editsKeepOtherResults_data();
    void editsKeepOtherResults();
    void classificationColumn();

private:
    void fill(SampleTableModel &model) const;

    Dsn::Project::Project m_project;
    QList<EvalResult> m_results;
};

void TestSampleTableModel::initTestCase()
{
    m_project = ExampleProject::load();
    m_results = ExampleProject::evaluateDirectly(m_project);
}

void TestSampleTableModel::fill(SampleTableModel &model) const
{
    model.setSamples(m_project.samples);
    model.setDefaultQueue(m_project.defaultQueue);
    QVERIFY(model.setResults(1, m_results));
    model.flush();
}

void TestSampleTableModel::loadsExample()
{
    SampleTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSamples(m_project.samples);
    QCOMPARE(model.rowCount(), 28);
    QCOMPARE(model.columnCount(), int(SampleTableModel::ColumnCount));
    // Before any result only the sample's own columns are filled.
    QVERIFY(!model.index(0, SampleTableModel::RecordTypeColumn).data().isValid());
    QCOMPARE(model.index(0, 0).data(SampleTableModel::HasResultRole).toBool(), false);
    QVERIFY(!model.index(0, SampleTableModel::ResponseColumn).data().toString().contains(QLatin1Char('\n')));
    QCOMPARE(model.index(0, SampleTableModel::PhaseColumn).data().toString(),
             Dsn::smtpPhaseName(m_project.samples.first().phase));
}

void TestSampleTableModel::recordTypeRoles_data()
{
    QTest::addColumn<int>("row");
    for (int row = 0; row < m_project.samples.size(); ++row) {
        const QByteArray name = QStringLiteral("%1 %2").arg(row + 1, 2, 10, QLatin1Char('0'))
                                    .arg(m_project.samples.at(row).note)
                                    .toUtf8();
        QTest::newRow(name.constData()) << row;
    }
}

void TestSampleTableModel::recordTypeRoles()
{
    QFETCH(int, row);
    SampleTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    fill(model);

    const EvalResult &expected = m_results.at(row);
    const QModelIndex badge = model.index(row, SampleTableModel::RecordTypeColumn);
    QCOMPARE(badge.data(SampleTableModel::RecordTypeRole).value<RecordType>(), expected.recordType);
    QCOMPARE(badge.data().toString(), Dsn::recordTypeName(expected.recordType));
    QCOMPARE(badge.data(SampleTableModel::FinalCodeRole).toInt(), expected.response.code);
    QCOMPARE(badge.data(SampleTableModel::OriginalCodeRole).toInt(), expected.originalCode);
    QCOMPARE(badge.data(SampleTableModel::RewrittenRole).toBool(), expected.rewritten);
    QCOMPARE(badge.data(SampleTableModel::ExplanationRole).toString(), expected.explanation);
    QCOMPARE(badge.data(SampleTableModel::EvalResultRole).value<EvalResult>().toJson(), expected.toJson());

    // The badge sets both colours, and they differ clearly.
    const QColor bg = badge.data(Qt::BackgroundRole).value<QColor>();
    const QColor fg = badge.data(Qt::ForegroundRole).value<QColor>();
    QVERIFY(bg.isValid() && fg.isValid());
    QVERIFY(qAbs(bg.lightness() - fg.lightness()) > 80);

    const QString codes = model.index(row, SampleTableModel::CodeColumn).data().toString();
    QVERIFY(codes.startsWith(QString::number(expected.originalCode)));
    QCOMPARE(codes.contains(QStringLiteral("→")), expected.response.code != expected.originalCode);
    QCOMPARE(model.index(row, SampleTableModel::RewriteNoteColumn).data().toString().isEmpty(),
             SampleTableModel::rewriteNote(expected).isEmpty());

    // Expectation column agrees with the engine's own judgement of the sample.
    const auto &expect = m_project.samples.at(row).expect;
    const QVariant pass = badge.data(SampleTableModel::ExpectationPassRole);
    if (expect.isEmpty()) {
        QVERIFY(!pass.isValid());
    } else {
        QCOMPARE(pass.toBool(), expect.mismatch(expected).isEmpty());
        QCOMPARE(model.index(row, SampleTableModel::ExpectationColumn).data().toString(),
                 pass.toBool() ? QStringLiteral("pass") : QStringLiteral("fail"));
    }
}

void TestSampleTableModel::chunkedWithoutReset()
{
    SampleTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSamples(m_project.samples);
    model.setChunkSize(5);
    model.setFlushInterval(0);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy applied(&model, &SampleTableModel::resultsApplied);

    // Two deliveries, as the controller sends them: rows 0–9, then the rest.
    QVERIFY(model.setResults(1, 0, m_results.mid(0, 10)));
    QVERIFY(model.setResults(1, 10, m_results.mid(10)));
    QVERIFY(model.hasPendingResults());
    QCOMPARE(applied.count(), 0); // nothing lands synchronously
    QTRY_VERIFY(!model.hasPendingResults());

    QCOMPARE(resets.count(), 0);
    QCOMPARE(applied.count(), 6); // 10 rows in 2 chunks, 18 rows in 4
    int rows = 0;
    for (const auto &args : applied)
        rows += args.at(2).toInt();
    QCOMPARE(rows, 28);
    QCOMPARE(model.results().size(), 28);
}

void TestSampleTableModel::staleGenerationsDropped()
{
    SampleTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    fill(model);

    // Generation 3 announced by a first chunk: older rows are now stale but still shown.
    QVERIFY(model.setResults(3, 0, m_results.mid(0, 1)));
    model.flush();
    QCOMPARE(model.generation(), quint64(3));
    QCOMPARE(model.index(0, 0).data(SampleTableModel::IsStaleRole).toBool(), false);
    QCOMPARE(model.index(1, 0).data(SampleTableModel::IsStaleRole).toBool(), true);
    QVERIFY(model.index(1, 0).data(SampleTableModel::HasResultRole).toBool());

    // A late chunk of generation 2 is refused and changes nothing.
    QList<EvalResult> bogus = m_results.mid(1, 1);
    bogus.first().explanation = QStringLiteral("stale");
    QVERIFY(!model.setResults(2, 1, bogus));
    model.flush();
    QCOMPARE(model.index(1, 0).data(SampleTableModel::ExplanationRole).toString(), m_results.at(1).explanation);

    // Queued results of an older generation are discarded when a newer one arrives.
    QVERIFY(model.setResults(4, 1, bogus));
    QVERIFY(model.setResults(5, 2, m_results.mid(2, 1)));
    model.flush();
    QCOMPARE(model.index(1, 0).data(SampleTableModel::ExplanationRole).toString(), m_results.at(1).explanation);
}

void TestSampleTableModel::filters_data()
{
    QTest::addColumn<bool>("onlyChanged");
    QTest::addColumn<bool>("onlyBounces");
    QTest::addColumn<bool>("onlyUnmatched");
    QTest::addColumn<QString>("text");

    QTest::newRow("no filter") << false << false << false << QString();
    QTest::newRow("only changed") << true << false << false << QString();
    QTest::newRow("only bounces") << false << true << false << QString();
    QTest::newRow("only unmatched") << false << false << true << QString();
    QTest::newRow("text gmail") << false << false << false << QStringLiteral("GMAIL");
    QTest::newRow("changed and text") << true << false << false << QStringLiteral("quota");
    QTest::newRow("text matches nothing") << false << false << false << QStringLiteral("no such text anywhere");
}

void TestSampleTableModel::filters()
{
    QFETCH(bool, onlyChanged);
    QFETCH(bool, onlyBounces);
    QFETCH(bool, onlyUnmatched);
    QFETCH(QString, text);

    SampleTableModel model;
    fill(model);
    SampleFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.setOnlyChanged(onlyChanged);
    proxy.setOnlyBounces(onlyBounces);
    proxy.setOnlyUnmatched(onlyUnmatched);
    proxy.setText(text);

    int expected = 0;
    for (int row = 0; row < m_results.size(); ++row) {
        const EvalResult &r = m_results.at(row);
        const auto &s = m_project.samples.at(row);
        if (onlyChanged && !r.rewritten)
            continue;
        if (onlyBounces && r.recordType != RecordType::Bounce)
            continue;
        if (onlyUnmatched && !r.matched.isEmpty())
            continue;
        QStringList hay{s.response, s.queue, s.note, r.explanation, r.response.content};
        if (!text.isEmpty() && !hay.join(QLatin1Char('\n')).contains(text, Qt::CaseInsensitive)) {
            bool inPattern = false;
            for (const auto &m : r.matched)
                inPattern = inPattern || m.pattern.contains(text, Qt::CaseInsensitive);
            if (!inPattern && !Dsn::recordTypeName(r.recordType).contains(text, Qt::CaseInsensitive))
                continue;
        }
        ++expected;
    }
    QCOMPARE(proxy.rowCount(), expected);
    if (onlyChanged || onlyBounces || onlyUnmatched)
        QVERIFY2(expected > 0 && expected < 28, "the example exercises every filter");

    // Filters follow new results: clearing them empties the outcome filters.
    model.clearResults();
    if (onlyChanged || onlyBounces || onlyUnmatched)
        QCOMPARE(proxy.rowCount(), 0);
}

void TestSampleTableModel::classificationColumn()
{
    SampleTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    fill(model);
    // Labels as an evaluator with a bounce classifier sets them: a rewrite that loses the class,
    // and a reply that keeps one.
    QList<EvalResult> results = m_results;
    results[0].bounceClassification = QStringLiteral("Uncategorized");
    results[0].classificationBeforeRewrite = QStringLiteral("QuotaIssues");
    results[1].bounceClassification = QStringLiteral("InvalidRecipient");
    QVERIFY(model.setResults(2, results));
    model.flush();

    const QModelIndex lost = model.index(0, SampleTableModel::ClassificationColumn);
    QCOMPARE(lost.data().toString(), QStringLiteral("QuotaIssues → Uncategorized"));
    QCOMPARE(lost.data(SampleTableModel::ClassificationRole).toString(), QStringLiteral("Uncategorized"));
    QCOMPARE(lost.data(SampleTableModel::ClassificationBeforeRewriteRole).toString(), QStringLiteral("QuotaIssues"));
    QVERIFY(lost.data(Qt::ToolTipRole).toString().contains(QStringLiteral("from QuotaIssues to Uncategorized")));

    const QModelIndex kept = model.index(1, SampleTableModel::ClassificationColumn);
    QCOMPARE(kept.data().toString(), QStringLiteral("InvalidRecipient"));
    QVERIFY(kept.data(SampleTableModel::ClassificationBeforeRewriteRole).toString().isEmpty());
    QVERIFY(model.index(1, SampleTableModel::ExplanationColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("InvalidRecipient")));
    QVERIFY(kept.data(SampleTableModel::SearchTextRole).toString().contains(QStringLiteral("InvalidRecipient")));
    QCOMPARE(model.headerData(SampleTableModel::ClassificationColumn, Qt::Horizontal).toString(),
             QStringLiteral("Bounce class"));
}

QTEST_GUILESS_MAIN(TestSampleTableModel)
#include "TestSampleTableModel.moc"

void TestSampleTableModel::editsKeepOtherResults_data()
{
    QTest::addColumn<QString>("edit");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("expectedRows");
    QTest::addColumn<int>("expectedWithResult");
    QTest::newRow("insert at top") << QStringLiteral("insert") << 0 << 30 << 28;
    QTest::newRow("insert at end") << QStringLiteral("insert") << 28 << 30 << 28;
    QTest::newRow("remove two") << QStringLiteral("remove") << 3 << 26 << 26;
    QTest::newRow("set keeps result") << QStringLiteral("set") << 5 << 28 << 28;
    QTest::newRow("insert out of range") << QStringLiteral("insert") << 29 << 28 << 28;
    QTest::newRow("remove out of range") << QStringLiteral("remove") << 27 << 28 << 28;
}

void TestSampleTableModel::editsKeepOtherResults()
{
    QFETCH(QString, edit);
    QFETCH(int, row);
    QFETCH(int, expectedRows);
    QFETCH(int, expectedWithResult);
    SampleTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    fill(model);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    const QString lastBefore = model.sample(27).response;
    Dsn::Project::Sample added;
    added.response = QStringLiteral("550 5.1.1 added");
    if (edit == QLatin1String("insert")) {
        QCOMPARE(model.insertSamples(row, {added, added}), row <= 28);
        if (row <= 28)
            QCOMPARE(model.sample(row).response, added.response);
    } else if (edit == QLatin1String("remove")) {
        const QList<Dsn::Project::Sample> removed = model.removeSamples(row, 2);
        QCOMPARE(removed.size(), row + 2 <= 28 ? 2 : 0);
    } else {
        Dsn::Project::Sample s = model.sample(row);
        s.expect.recordType = RecordType::Bounce;
        QVERIFY(model.setSample(row, s));
        QCOMPARE(model.sample(row).expect.recordType, std::optional<RecordType>(RecordType::Bounce));
    }
    QCOMPARE(resets.count(), 0);
    QCOMPARE(model.rowCount(), expectedRows);
    QCOMPARE(int(model.results().size()), expectedWithResult);
    // Results stay with their samples, wherever the rows moved.
    for (int r = 0; r < model.rowCount(); ++r) {
        const EvalResult *result = model.result(r);
        if (!result)
            continue;
        QCOMPARE(result->originalCode, Dsn::SmtpResponse::parse(model.sample(r).response, result->profile)->code);
    }
    if (edit != QLatin1String("remove") || row + 2 > 28)
        QCOMPARE(model.sample(model.rowCount() - 1).response, edit == QLatin1String("insert") && row == 28
                 ? added.response : lastBefore);
}
