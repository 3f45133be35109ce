// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "DiagnosticsModel.h"

using Dsn::Diagnostic;
using Dsn::Models::DiagnosticLocation;
using Dsn::Models::DiagnosticsModel;

namespace {

Diagnostic make(Diagnostic::Severity severity, const QString &source, int line, int column, int rule, int position)
{
    Diagnostic d;
    d.severity = severity;
    d.source = source;
    d.code = QStringLiteral("test");
    d.message = QStringLiteral("message for %1").arg(source);
    d.line = line;
    d.column = column;
    d.ruleIndex = rule;
    d.position = position;
    return d;
}

} // namespace

class TestDiagnosticsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void originsAreIndependent();
    void locationText_data();
    void locationText();
    void goToRole();
};

void TestDiagnosticsModel::originsAreIndependent()
{
    DiagnosticsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

    const auto rule = make(Diagnostic::Severity::Error, QStringLiteral("rules"), -1, -1, 1, 4);
    const auto lua = make(Diagnostic::Severity::Warning, QStringLiteral("policy.lua"), 12, 3, -1, -1);
    model.setDiagnostics(QStringLiteral("rules"), {rule, rule});
    model.setDiagnostics(QStringLiteral("policy"), {lua});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.count(Diagnostic::Severity::Error), 2);
    QCOMPARE(model.count(Diagnostic::Severity::Warning), 1);

    // Replacing the rules block keeps the policy row, after it.
    model.setDiagnostics(QStringLiteral("rules"), {rule});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1, DiagnosticsModel::SourceColumn).data().toString(), QStringLiteral("policy.lua"));
    QCOMPARE(model.index(1, 0).data(DiagnosticsModel::OriginRole).toString(), QStringLiteral("policy"));

    model.setDiagnostics(QStringLiteral("rules"), {});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data(DiagnosticsModel::SeverityRole).toInt(), int(Diagnostic::Severity::Warning));
    QCOMPARE(model.index(0, 0).data(DiagnosticsModel::IconNameRole).toString(), QStringLiteral("dialog-warning"));
    QCOMPARE(resets.count(), 0);

    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestDiagnosticsModel::locationText_data()
{
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("rule");
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("expected");

    QTest::newRow("lua line and column") << 12 << 3 << -1 << -1 << QStringLiteral("line 12, column 3");
    QTest::newRow("lua line only") << 7 << -1 << -1 << -1 << QStringLiteral("line 7");
    QTest::newRow("rule with regex position") << -1 << -1 << 0 << 5 << QStringLiteral("rule 1, position 5");
    QTest::newRow("rule without position") << -1 << -1 << 2 << -1 << QStringLiteral("rule 3");
    QTest::newRow("nowhere") << -1 << -1 << -1 << -1 << QString();
}

void TestDiagnosticsModel::locationText()
{
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(int, rule);
    QFETCH(int, position);
    QFETCH(QString, expected);

    DiagnosticsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDiagnostics(QStringLiteral("x"),
                         {make(Diagnostic::Severity::Error, QStringLiteral("src"), line, column, rule, position)});
    QCOMPARE(model.index(0, DiagnosticsModel::LocationColumn).data().toString(), expected);
}

void TestDiagnosticsModel::goToRole()
{
    DiagnosticsModel model;
    model.setDiagnostics(QStringLiteral("policy"),
                         {make(Diagnostic::Severity::Error, QStringLiteral("policy.lua"), 9, 2, -1, -1)});
    const auto loc = model.index(0, DiagnosticsModel::MessageColumn)
                         .data(DiagnosticsModel::GoToRole)
                         .value<DiagnosticLocation>();
    QVERIFY(loc.isValid());
    QCOMPARE(loc.source, QStringLiteral("policy.lua"));
    QCOMPARE(loc.line, 9);
    QCOMPARE(loc.column, 2);
    QCOMPARE(model.location(0), loc);
}

QTEST_GUILESS_MAIN(TestDiagnosticsModel)
#include "TestDiagnosticsModel.moc"
