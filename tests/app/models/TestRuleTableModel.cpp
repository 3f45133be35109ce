// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include "ExampleProject.h"
#include "RuleTableModel.h"

using Dsn::Diagnostic;
using Dsn::Models::RuleTableModel;
using Dsn::Project::ProjectRule;

class TestRuleTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void exampleRules();
    void matchCounts();
    void invalidPattern_data();
    void invalidPattern();
    void editCode_data();
    void editCode();
    void toggleEnabled();
    void structuralStepsUndo();

private:
    Dsn::Project::Project m_project;
    QList<Dsn::Eval::EvalResult> m_results;
};

void TestRuleTableModel::initTestCase()
{
    m_project = ExampleProject::load();
    m_results = ExampleProject::evaluateDirectly(m_project);
}

void TestRuleTableModel::exampleRules()
{
    RuleTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setProfile(m_project.profile);
    model.setRules(m_project.rules);

    QCOMPARE(model.rowCount(), m_project.rules.size());
    QCOMPARE(model.columnCount(), int(RuleTableModel::ColumnCount));
    QCOMPARE(model.kumoTable().size(), m_project.kumoTable().size());
    for (int row = 0; row < model.rowCount(); ++row) {
        const ProjectRule &r = m_project.rules.at(row);
        QCOMPARE(model.headerData(row, Qt::Vertical).toInt(), row + 1);
        QCOMPARE(model.index(row, RuleTableModel::PatternColumn).data().toString(), r.pattern);
        QCOMPARE(model.index(row, RuleTableModel::CodeColumn).data().toString(), QString::number(r.code.toInt()));
        QCOMPARE(model.index(row, RuleTableModel::NoteColumn).data().toString(), r.note);
        QCOMPARE(model.index(row, RuleTableModel::EnabledColumn).data(Qt::CheckStateRole).toInt(),
                 int(r.enabled ? Qt::Checked : Qt::Unchecked));
        // The example's rules lint clean of errors.
        QVERIFY(model.index(row, 0).data(RuleTableModel::StatusSeverityRole).toInt()
                < int(Diagnostic::Severity::Error));
        // No evaluation yet: the matches column is empty.
        QVERIFY(!model.index(row, RuleTableModel::MatchesColumn).data().isValid());
    }
}

void TestRuleTableModel::matchCounts()
{
    RuleTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRules(m_project.rules);

    // Reference: count by pattern, which is unique in the example.
    QList<int> expected(m_project.rules.size(), 0);
    for (const auto &result : m_results) {
        QSet<int> rows;
        for (const auto &m : result.matched) {
            for (int row = 0; row < m_project.rules.size(); ++row) {
                if (m_project.rules.at(row).pattern == m.pattern)
                    rows.insert(row);
            }
        }
        for (int row : rows)
            ++expected[row];
    }
    QList<const Dsn::Eval::EvalResult *> pointers;
    for (const auto &result : m_results)
        pointers.append(&result);
    pointers.append(nullptr); // a sample not evaluated yet counts nowhere
    const QList<int> counts = model.countMatches(pointers);
    QCOMPARE(counts, expected);
    int total = 0;
    for (int c : counts)
        total += c;
    QVERIFY2(total > 0, "the example's rules match some of its samples");

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy rulesChanged(&model, &RuleTableModel::rulesChanged);
    model.setMatchCounts(counts);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(rulesChanged.count(), 0); // counts are not an edit
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(model.index(row, RuleTableModel::MatchesColumn).data().toInt(), counts.at(row));
        QCOMPARE(model.index(row, 0).data(RuleTableModel::MatchCountRole).toInt(), counts.at(row));
    }
}

void TestRuleTableModel::invalidPattern_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("isError");

    QTest::newRow("unclosed group") << QStringLiteral("4\\.2\\.2 (over quota") << true;
    QTest::newRow("unclosed class") << QStringLiteral("mailbox [a-") << true;
    QTest::newRow("dangling repeat") << QStringLiteral("*quota") << true;
    QTest::newRow("valid literal") << QStringLiteral("user unknown") << false;
}

void TestRuleTableModel::invalidPattern()
{
    QFETCH(QString, pattern);
    QFETCH(bool, isError);

    RuleTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRules(m_project.rules);
    QSignalSpy linted(&model, &RuleTableModel::diagnosticsChanged);
    QSignalSpy rulesChanged(&model, &RuleTableModel::rulesChanged);

    const int row = 1;
    QVERIFY(model.setData(model.index(row, RuleTableModel::PatternColumn), pattern));
    QCOMPARE(model.rule(row).pattern, pattern);
    QCOMPARE(linted.count(), 1);
    QCOMPARE(rulesChanged.count(), 1);

    const QModelIndex status = model.index(row, RuleTableModel::StatusColumn);
    const int severity = status.data(RuleTableModel::StatusSeverityRole).toInt();
    if (!isError) {
        QVERIFY(severity < int(Diagnostic::Severity::Error));
        QCOMPARE(status.data(RuleTableModel::FirstErrorPositionRole).toInt(), -1);
        return;
    }
    QCOMPARE(severity, int(Diagnostic::Severity::Error));
    QCOMPARE(status.data(RuleTableModel::StatusIconNameRole).toString(), QStringLiteral("dialog-error"));
    QVERIFY(status.data(Qt::DecorationRole).canConvert<QColor>());

    // The error carries the regex position, the row, and shows in the tooltip.
    const int position = status.data(RuleTableModel::FirstErrorPositionRole).toInt();
    QVERIFY2(position >= 0 && position <= pattern.size(), qPrintable(QString::number(position)));
    bool found = false;
    for (const Diagnostic &d : model.diagnostics(row)) {
        if (d.severity == Diagnostic::Severity::Error && d.position == position) {
            QCOMPARE(d.ruleIndex, row);
            QCOMPARE(d.code, QStringLiteral("regex-parse"));
            found = true;
        }
    }
    QVERIFY(found);
    const QString tip = status.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("position %1").arg(position)), qPrintable(tip));
    QVERIFY(status.data().toString().contains(QStringLiteral("error")));

    // Other rows are unaffected.
    QVERIFY(model.index(0, 0).data(RuleTableModel::StatusSeverityRole).toInt() < int(Diagnostic::Severity::Error));
}

void TestRuleTableModel::editCode_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<int>("stored");

    QTest::newRow("bounce code") << QStringLiteral("550") << true << 550;
    QTest::newRow("padded") << QStringLiteral(" 451 ") << true << 451;
    QTest::newRow("not a number") << QStringLiteral("bounce") << false << 0;
    QTest::newRow("out of range") << QStringLiteral("700") << false << 0;
    QTest::newRow("fraction") << QStringLiteral("450.5") << false << 0;
    QTest::newRow("empty") << QString() << false << 0;
}

void TestRuleTableModel::editCode()
{
    QFETCH(QString, text);
    QFETCH(bool, accepted);
    QFETCH(int, stored);

    RuleTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRules(m_project.rules);
    const QJsonValue before = model.rule(0).code;

    QCOMPARE(model.setData(model.index(0, RuleTableModel::CodeColumn), text), accepted);
    QCOMPARE(model.rule(0).code, accepted ? QJsonValue(stored) : before);
    // Columns that are not editable refuse edits.
    QVERIFY(!model.setData(model.index(0, RuleTableModel::MatchesColumn), 3));
    QVERIFY(!(model.flags(model.index(0, RuleTableModel::StatusColumn)) & Qt::ItemIsEditable));
}

void TestRuleTableModel::toggleEnabled()
{
    RuleTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRules(m_project.rules);
    const int enabledBefore = int(model.kumoTable().size());

    QVERIFY(model.setData(model.index(0, RuleTableModel::EnabledColumn), int(Qt::Unchecked), Qt::CheckStateRole));
    QVERIFY(!model.rule(0).enabled);
    QCOMPARE(model.kumoTable().size(), enabledBefore - 1);
    QCOMPARE(model.index(0, 0).data(RuleTableModel::TableIndexRole).toInt(), -1);
    QCOMPARE(model.index(1, 0).data(RuleTableModel::TableIndexRole).toInt(), 0);
    QCOMPARE(model.rowForTableIndex(0), 1);

    // A disabled rule with a broken pattern still shows its error.
    QVERIFY(model.setData(model.index(0, RuleTableModel::PatternColumn), QStringLiteral("(")));
    QCOMPARE(model.index(0, 0).data(RuleTableModel::StatusSeverityRole).toInt(), int(Diagnostic::Severity::Error));
}

void TestRuleTableModel::structuralStepsUndo()
{
    RuleTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRules(m_project.rules);
    const QList<ProjectRule> original = model.rules();
    QSignalSpy rulesChanged(&model, &RuleTableModel::rulesChanged);

    const ProjectRule added{QStringLiteral("5\\.1\\.1 user unknown"), QJsonValue(550), QStringLiteral("new"), true};
    QVERIFY(model.insertRule(1, added));
    QCOMPARE(model.rule(1), added);
    ProjectRule removed;
    QVERIFY(model.removeRule(1, &removed));
    QCOMPARE(removed, added);
    QCOMPARE(model.rules(), original);

    QVERIFY(model.moveRule(0, 2));
    QCOMPARE(model.rule(2), original.at(0));
    QVERIFY(model.moveRule(2, 0));
    QCOMPARE(model.rules(), original);

    QVERIFY(model.duplicateRule(0));
    QCOMPARE(model.rowCount(), original.size() + 1);
    QCOMPARE(model.rule(1), original.at(0));
    // The copy duplicates a pattern: the linter flags it.
    QCOMPARE(model.index(1, 0).data(RuleTableModel::StatusSeverityRole).toInt(), int(Diagnostic::Severity::Warning));
    QVERIFY(model.removeRule(1));
    QCOMPARE(model.rules(), original);

    ProjectRule previous;
    QVERIFY(model.setRule(0, added, &previous));
    QCOMPARE(previous, original.at(0));
    QVERIFY(model.setRule(0, previous));
    QCOMPARE(model.rules(), original);

    // Out of range: nothing changes.
    QVERIFY(!model.insertRule(99, added));
    QVERIFY(!model.removeRule(-1));
    QVERIFY(!model.moveRule(0, 99));
    QCOMPARE(model.rules(), original);
    QCOMPARE(rulesChanged.count(), 8);
}

QTEST_GUILESS_MAIN(TestRuleTableModel)
#include "TestRuleTableModel.moc"
