// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
// The analyst's walk-throughs of the workbench issue, through the real window and widgets.
#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <Qsci/qsciscintillabase.h>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QUrl>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

#include "CodeEditor.h"
#include "DiagnosticsModel.h"
#include "EditorPane.h"
#include "EvaluationController.h"
#include "MainWindow.h"
#include "ProblemsPanel.h"
#include "ReplayPanel.h"
#include "RuleTableModel.h"
#include "RulesPanel.h"
#include "SampleDetailPane.h"
#include "SampleFilterProxy.h"
#include "SampleTableModel.h"
#include "SamplesPanel.h"
#include "TestConfig.h"
#include "WorkbenchDocument.h"

using namespace Dsn;
using Dsn::Models::RuleTableModel;
using Dsn::Models::SampleTableModel;
using Dsn::Workbench::MainWindow;

namespace {

constexpr int EvalTimeout = 30000;

/// Every sample has a result of the latest generation and nothing is queued.
bool settled(const MainWindow &w)
{
    const SampleTableModel *samples = w.document()->samples();
    if (!w.isIdle())
        return false;
    for (int row = 0; row < samples->rowCount(); ++row) {
        if (!samples->result(row)
            || samples->data(samples->index(row, 0), SampleTableModel::IsStaleRole).toBool())
            return false;
    }
    return true;
}

int rowContaining(const SampleTableModel *samples, const QString &text)
{
    for (int row = 0; row < samples->rowCount(); ++row) {
        if (samples->sample(row).response.contains(text))
            return row;
    }
    return -1;
}

/// What a drag and drop delivers: an accepted enter, then the drop.
void dropOn(QWidget *target, QMimeData *mime)
{
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
}

/// Opens the bundled example in a shown window; `settle` also waits for every outcome.
bool showExample(MainWindow &w, bool settle = true)
{
    w.setInteractive(false);
    w.openBundledExample();
    w.show();
    if (!QTest::qWaitForWindowExposed(&w))
        return false;
    return !settle || QTest::qWaitFor([&w] { return settled(w); }, EvalTimeout);
}

QString cell(const QAbstractItemModel *model, int row, int column)
{
    return model->data(model->index(row, column)).toString();
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("DSN Workbench Tests"));
        QCoreApplication::setApplicationName(QStringLiteral("TestMainWindow"));
        QSettings().clear();
    }

    void cleanupTestCase() { QSettings().clear(); }

    // 1. Start: the example's rules, policy and samples with outcomes, all at once.
    void startShowsTheExample()
    {
        MainWindow w;
        QVERIFY(showExample(w, false));
        for (const char *dock : {"rulesDock", "jsonDock", "policyDock", "problemsDock", "detailDock"})
            QVERIFY2(w.findChild<QDockWidget *>(QLatin1String(dock)), dock);
        QVERIFY(w.rulesPanel()->isVisible());
        QVERIFY(w.samplesPanel()->isVisible());
        QCOMPARE(w.document()->rules()->rowCount(), 3);
        QCOMPARE(w.document()->samples()->rowCount(), 28);
        QVERIFY(w.policyPane()->editor()->text().contains(QLatin1String("smtp_client_rewrite_delivery_status")));
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), EvalTimeout);
        QVERIFY(w.samplesPanel()->summaryLabel()->text().startsWith(QLatin1String("28 samples")));
        QVERIFY(w.windowTitle().contains(QLatin1String("example.dsnwb")));
        QVERIFY(!w.isWindowModified());
    }

    void layoutIsRemembered()
    {
        {
            MainWindow w;
            w.setInteractive(false);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.findChild<QDockWidget *>(QStringLiteral("problemsDock"))->hide();
            w.close();
        }
        MainWindow again;
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QVERIFY(!again.findChild<QDockWidget *>(QStringLiteral("problemsDock"))->isVisible());
        again.findChild<QDockWidget *>(QStringLiteral("problemsDock"))->show();
        again.setInteractive(false);
        again.close();
    }

    // 2. Rules: add, edit in place, undo/redo, lint marks, match counts, JSON view in sync.
    void rulesEditingIsUndoableAndLinted()
    {
        MainWindow w;
        QVERIFY(showExample(w));
        RuleTableModel *rules = w.document()->rules();
        QAbstractItemModelTester tester(rules, QAbstractItemModelTester::FailureReportingMode::QtTest);

        // The over-quota rule matches the samples that carry that reply.
        QVERIFY(rules->data(rules->index(1, RuleTableModel::MatchesColumn)).toInt() >= 1);

        QTableView *view = w.rulesPanel()->view();
        view->setCurrentIndex(rules->index(1, RuleTableModel::PatternColumn));
        w.rulesPanel()->addRuleAction()->trigger();
        QCOMPARE(rules->rowCount(), 4);
        QVERIFY(w.isWindowModified());
        // The editor opened on the new pattern: type an invalid regex.
        auto *editor = view->viewport()->findChild<QLineEdit *>();
        QVERIFY(editor);
        QTest::keyClicks(editor, QStringLiteral("over (quota"));
        QTest::keyClick(editor, Qt::Key_Tab);
        QCOMPARE(rules->rule(2).pattern, QStringLiteral("over (quota"));
        QCOMPARE(rules->data(rules->index(2, 0), RuleTableModel::StatusSeverityRole).toInt(),
                 int(Diagnostic::Severity::Error));
        QCOMPARE(rules->data(rules->index(2, 0), RuleTableModel::FirstErrorPositionRole).toInt(), 5);
        // The problems panel lists it with the rule and position.
        Models::DiagnosticsModel *problems = w.diagnostics();
        bool listed = false;
        for (int row = 0; row < problems->rowCount(); ++row)
            listed |= problems->diagnostic(row).ruleIndex == 2 && problems->diagnostic(row).position == 5;
        QVERIFY(listed);

        // A risky rewrite is a warning: a Yahoo reputation deferral turned into a bounce.
        view->setCurrentIndex(rules->index(2, RuleTableModel::PatternColumn));
        QVERIFY(view->model()->setData(rules->index(2, RuleTableModel::PatternColumn),
                                       QStringLiteral("421 4\\.7\\.0 \\[TSS04\\]")));
        QCOMPARE(rules->data(rules->index(2, 0), RuleTableModel::StatusSeverityRole).toInt(),
                 int(Diagnostic::Severity::Warning));

        // Three undo steps (risky edit, pattern, insert) restore the example exactly.
        QUndoStack *undo = w.document()->undoStack();
        QCOMPARE(undo->count(), 3);
        undo->undo();
        QCOMPARE(rules->rule(2).pattern, QStringLiteral("over (quota"));
        undo->undo();
        undo->undo();
        QCOMPARE(rules->rowCount(), 3);
        QVERIFY(!w.isWindowModified());
        undo->redo();
        QCOMPARE(rules->rowCount(), 4);
        undo->undo();

        // Duplicate and move go through the same stack.
        view->setCurrentIndex(rules->index(0, RuleTableModel::PatternColumn));
        w.rulesPanel()->duplicateRuleAction()->trigger();
        QCOMPARE(rules->rowCount(), 4);
        QCOMPARE(rules->rule(1), rules->rule(0));
        w.rulesPanel()->moveDownAction()->trigger();
        QCOMPARE(w.rulesPanel()->currentRow(), 2);
        undo->undo();
        undo->undo();
        QCOMPARE(rules->rowCount(), 3);

        // Disabling with the check box is a command too, and the JSON view drops the rule.
        QVERIFY(rules->setData(rules->index(0, RuleTableModel::EnabledColumn), Qt::Unchecked, Qt::CheckStateRole));
        QVERIFY(!rules->rule(0).enabled);
        QCOMPARE(w.jsonPane()->editor()->text().toUtf8(), w.document()->project().kumoTableJson());
        QVERIFY(!w.jsonPane()->editor()->text().contains(QLatin1String("inactive")));
        undo->undo();
        QVERIFY(w.jsonPane()->editor()->text().contains(QLatin1String("inactive")));
    }

    void jsonViewEditsTheRules()
    {
        MainWindow w;
        QVERIFY(showExample(w, false));
        Editors::CodeEditor *json = w.jsonPane()->editor();
        json->setPauseInterval(20);
        RuleTableModel *rules = w.document()->rules();
        const QString note = rules->rule(1).note;

        // Type a new first entry at the top of the object.
        json->setFocus();
        json->setCursorPosition(0, 1);
        QTest::keyClick(json->viewport(), Qt::Key_Return);
        QTest::keyClicks(json->viewport(), QStringLiteral("\"mailbox full\": 550,"));
        QTRY_COMPARE(rules->rowCount(), 4);
        QCOMPARE(rules->rule(0).pattern, QStringLiteral("mailbox full"));
        QCOMPARE(rules->rule(0).code.toInt(), 550);
        QCOMPARE(rules->rule(2).note, note); // notes follow their pattern
        QVERIFY(!rules->rule(3).enabled);    // the disabled rule stays

        // A syntax error is marked on its line and listed; the rules keep their last good state.
        QTest::keyClicks(json->viewport(), QStringLiteral(" oops"));
        QTRY_VERIFY(!json->markerLines(Diagnostic::Severity::Error).isEmpty());
        const int markedLine = json->markerLines(Diagnostic::Severity::Error).first();
        bool tableError = false;
        for (int row = 0; row < w.diagnostics()->rowCount(); ++row) {
            const Diagnostic d = w.diagnostics()->diagnostic(row);
            tableError |= d.severity == Diagnostic::Severity::Error && d.line == markedLine && markedLine >= 2;
        }
        QVERIFY(tableError);
        QCOMPARE(rules->rowCount(), 4);
        QVERIFY(!w.exportKumoTable(QDir::temp().filePath(QStringLiteral("never.json"))).isEmpty());
    }

    // 3. Lua: errors on their line, no stale outcomes.
    void policyErrorsAreMarked()
    {
        MainWindow w;
        QVERIFY(showExample(w));
        Editors::CodeEditor *lua = w.policyPane()->editor();
        lua->setPauseInterval(20);
        const QString good = lua->text();
        const int lines = lua->lines();

        // A syntax error on the last line.
        lua->setFocus();
        lua->setCursorPosition(lines - 1, 0);
        QTest::keyClicks(lua->viewport(), QStringLiteral("local x = = 1"));
        QTRY_VERIFY_WITH_TIMEOUT(!lua->markerLines(Diagnostic::Severity::Error).isEmpty(), EvalTimeout);
        QCOMPARE(lua->markerLines(Diagnostic::Severity::Error).first(), lines);
        bool listed = false;
        for (int row = 0; row < w.diagnostics()->rowCount(); ++row) {
            const Diagnostic d = w.diagnostics()->diagnostic(row);
            listed |= d.severity == Diagnostic::Severity::Error && d.line == lines;
        }
        QVERIFY(listed);
        // Every sample shows the failure rather than an outcome of the old policy.
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), EvalTimeout);
        const SampleTableModel *samples = w.document()->samples();
        for (int row = 0; row < samples->rowCount(); ++row)
            QVERIFY(!samples->result(row)->rewritten);

        // Going to the problem puts the cursor on its line.
        int problemRow = -1;
        for (int row = 0; row < w.diagnostics()->rowCount(); ++row) {
            if (w.diagnostics()->diagnostic(row).line == lines)
                problemRow = row;
        }
        lua->setCursorPosition(0, 0);
        Q_EMIT w.problemsPanel()->view()->activated(w.diagnostics()->index(problemRow, 0));
        int line = -1, column = -1;
        lua->getCursorPosition(&line, &column);
        QCOMPARE(line + 1, lines);

        // Fixing it clears the marker and brings the rewrites back.
        lua->setText(good);
        Q_EMIT lua->editPaused();
        QTRY_VERIFY_WITH_TIMEOUT(lua->markerLines(Diagnostic::Severity::Error).isEmpty(), EvalTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), EvalTimeout);
        bool anyRewritten = false;
        for (int row = 0; row < samples->rowCount(); ++row)
            anyRewritten |= samples->result(row)->rewritten;
        QVERIFY(anyRewritten);
    }

    // 4. Samples: outcome columns, profile switch, filters, detail pane.
    void samplesShowOutcomes()
    {
        MainWindow w;
        QVERIFY(showExample(w));
        const SampleTableModel *samples = w.document()->samples();
        const int row = rowContaining(samples, QStringLiteral("over quota"));
        QVERIFY(row >= 0);
        QCOMPARE(cell(samples, row, SampleTableModel::CodeColumn), QStringLiteral("452 → 500"));
        QCOMPARE(cell(samples, row, SampleTableModel::RecordTypeColumn), QStringLiteral("Bounce"));
        QVERIFY(cell(samples, row, SampleTableModel::MatchedRuleColumn).contains(QLatin1String("over quota")));
        QVERIFY(!cell(samples, row, SampleTableModel::RewriteNoteColumn).isEmpty());
        QVERIFY(!cell(samples, row, SampleTableModel::ExplanationColumn).isEmpty());

        // The detail pane walks the pipeline.
        w.samplesPanel()->selectSourceRow(row);
        const QString detail = w.detailPane()->plainText();
        for (const char *part : {"Raw reply", "The line the event receives", "smtp_client_rewrite_delivery_status(",
                                 "The handler returned", "452 → 500", "Bounce", "KumoMTA log record"})
            QVERIFY2(detail.contains(QString::fromUtf8(part)), qPrintable(detail));

        // Filters narrow the table.
        const int bounces = [&] {
            int n = 0;
            for (int r = 0; r < samples->rowCount(); ++r)
                n += samples->result(r)->recordType == RecordType::Bounce;
            return n;
        }();
        QTest::mouseClick(w.samplesPanel()->onlyBouncesButton(), Qt::LeftButton);
        QCOMPARE(w.samplesPanel()->proxy()->rowCount(), bounces);
        QTest::mouseClick(w.samplesPanel()->onlyBouncesButton(), Qt::LeftButton);
        QTest::keyClicks(w.samplesPanel()->filterEdit(), QStringLiteral("over quota"));
        QVERIFY(w.samplesPanel()->proxy()->rowCount() >= 1);
        QVERIFY(w.samplesPanel()->proxy()->rowCount() < samples->rowCount());
        w.samplesPanel()->filterEdit()->clear();

        // Switching the profile re-evaluates everything under the other profile.
        const quint64 before = samples->generation();
        QComboBox *profile = w.profileCombo();
        profile->setFocus();
        QTest::keyClick(profile, Qt::Key_Down);
        if (profile->currentData().toInt() != int(CompatProfile::V2026_06)) {
            profile->setCurrentIndex(profile->findData(int(CompatProfile::V2026_06)));
            Q_EMIT profile->activated(profile->currentIndex());
        }
        QCOMPARE(w.document()->profile(), CompatProfile::V2026_06);
        QTRY_VERIFY_WITH_TIMEOUT(samples->generation() > before && settled(w), EvalTimeout);
        for (int r = 0; r < samples->rowCount(); ++r)
            QCOMPARE(samples->result(r)->profile, CompatProfile::V2026_06);

        // The default queue is an input too: samples without their own queue take it.
        w.queueEdit()->setText(QStringLiteral("spring:bulk@queue-test.example"));
        Q_EMIT w.queueEdit()->editingFinished();
        Project::Sample queueless;
        queueless.response = QStringLiteral("550 5.1.1 no such user");
        w.addSamples({queueless}, QStringLiteral("add"));
        const int ownQueueless = samples->rowCount() - 1;
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), EvalTimeout);
        QCOMPARE(samples->result(ownQueueless)->queue.domain, QStringLiteral("queue-test.example"));
        QCOMPARE(samples->result(ownQueueless)->queue.tenant, QStringLiteral("bulk"));
        QCOMPARE(cell(samples, ownQueueless, SampleTableModel::QueueColumn), QStringLiteral("spring:bulk@queue-test.example"));

        // A sample's own queue is edited in place, undoably, and re-evaluated.
        auto *model = w.document()->samples();
        QVERIFY(model->setData(model->index(row, SampleTableModel::QueueColumn), QStringLiteral("transactional@gmail.com")));
        QCOMPARE(model->sample(row).queue, QStringLiteral("transactional@gmail.com"));
        QTRY_VERIFY_WITH_TIMEOUT(settled(w) && !samples->result(row)->rewritten, EvalTimeout); // the policy spares it
        w.document()->undoStack()->undo();
        QTRY_VERIFY_WITH_TIMEOUT(settled(w) && samples->result(row)->rewritten, EvalTimeout);
    }

    // 5. Paste: a multi-line reply and a transcript become samples.
    void pasteAddsSamples_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("added");
        QTest::addColumn<QString>("firstResponse");
        QTest::newRow("multi-line reply")
            << QStringLiteral("452-4.2.2 The recipient's inbox is out of storage space.\n"
                              "452 4.2.2 Please direct the recipient to https://support.example/mail")
            << 1
            << QStringLiteral("452-4.2.2 The recipient's inbox is out of storage space.\n"
                              "452 4.2.2 Please direct the recipient to https://support.example/mail");
        QTest::newRow("two replies") << QStringLiteral("550 5.1.1 no such user\n421 4.7.0 try later") << 2
                                     << QStringLiteral("550 5.1.1 no such user");
        QTest::newRow("transcript") << QStringLiteral("S: 220 mx.example ESMTP\nC: EHLO me\nS: 250 ok\n"
                                                      "C: MAIL FROM:<a@b.example>\nS: 250 ok\n"
                                                      "C: RCPT TO:<c@d.example>\nS: 550 5.1.1 unknown user")
                                    << 1 << QStringLiteral("550 5.1.1 unknown user");
    }

    void pasteAddsSamples()
    {
        QFETCH(QString, text);
        QFETCH(int, added);
        QFETCH(QString, firstResponse);
        MainWindow w;
        w.setInteractive(false);
        w.openBundledExample();
        const int before = w.document()->samples()->rowCount();
        QApplication::clipboard()->setText(text);
        w.action(QStringLiteral("actionPasteSamples"))->trigger();
        QCOMPARE(w.document()->samples()->rowCount(), before + added);
        QCOMPARE(w.document()->samples()->sample(before).response, firstResponse);
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), EvalTimeout);
        w.document()->undoStack()->undo();
        QCOMPARE(w.document()->samples()->rowCount(), before);
    }

    // 7. Expectations: the status bar counts what the CLI's test command counts.
    void expectationsMatchTheCli()
    {
        MainWindow w;
        QVERIFY(showExample(w));
        // Break one expectation on purpose: disable the over-quota rule.
        RuleTableModel *rules = w.document()->rules();
        QVERIFY(rules->setData(rules->index(1, RuleTableModel::EnabledColumn), Qt::Unchecked, Qt::CheckStateRole));
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), EvalTimeout);
        const auto [passed, failed] = w.expectationCounts();
        QVERIFY(failed >= 1);
        QVERIFY(w.expectationLabel()->text().contains(QStringLiteral("%1 passed, %2 failed").arg(passed).arg(failed)));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.dsnwb"));
        QVERIFY(w.saveProjectAs(path));
        QProcess cli;
        cli.start(QStringLiteral(DSN_CLI_PATH), {QStringLiteral("test"), path});
        QVERIFY(cli.waitForFinished(60000));
        const QString out = QString::fromUtf8(cli.readAllStandardOutput());
        QVERIFY2(out.contains(QStringLiteral("%1 passed, %2 failed").arg(passed).arg(failed)),
                 qPrintable(out + QString::fromUtf8(cli.readAllStandardError())
                            + QStringLiteral(" / GUI: %1 passed, %2 failed").arg(passed).arg(failed)));

        // Marking the current outcome as expected makes the sample pass.
        const SampleTableModel *samples = w.document()->samples();
        int failing = -1;
        for (int row = 0; row < samples->rowCount() && failing < 0; ++row) {
            if (samples->data(samples->index(row, 0), SampleTableModel::ExpectationPassRole) == QVariant(false))
                failing = row;
        }
        QVERIFY(failing >= 0);
        w.samplesPanel()->selectSourceRow(failing);
        w.samplesPanel()->expectCurrentAction()->trigger();
        QCOMPARE(w.expectationCounts().second, failed - 1);
    }

    // 8. Save, reopen, export; unsaved changes are asked about.
    void saveReopenExport()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mine.dsnwb"));
        const QString table = dir.filePath(QStringLiteral("dsn_rewrite.json"));
        const QString lua = dir.filePath(QStringLiteral("policy.lua"));
        QByteArray policy;
        {
            MainWindow w;
            w.setInteractive(false);
            w.openBundledExample();
            QVERIFY(w.saveProjectAs(path));
            QVERIFY(!w.isWindowModified());
            QVERIFY(w.windowTitle().contains(QLatin1String("mine.dsnwb")));
            policy = w.policyPane()->editor()->text().toUtf8();
        }
        MainWindow w;
        w.setInteractive(false);
        QCOMPARE(w.openProject(path), QString());
        QCOMPARE(w.document()->samples()->rowCount(), 28);
        QCOMPARE(w.exportKumoTable(table), QString());
        QFile exported(table);
        QVERIFY(exported.open(QIODevice::ReadOnly));
        QFile expected(QStringLiteral(DSN_SOURCE_DIR "/resources/examples/dsn_rewrite.json"));
        QVERIFY(expected.open(QIODevice::ReadOnly));
        QCOMPARE(exported.readAll(), expected.readAll());
        QCOMPARE(w.jsonPane()->editor()->text().toUtf8(), w.document()->project().kumoTableJson());
        QCOMPARE(w.exportPolicy(lua), QString());
        QFile luaFile(lua);
        QVERIFY(luaFile.open(QIODevice::ReadOnly));
        QCOMPARE(luaFile.readAll(), policy);
        QCOMPARE(QSettings().value(QStringLiteral("recentProjects")).toStringList().value(0),
                 QFileInfo(path).absoluteFilePath());
    }

    void closingWithUnsavedChangesAsks()
    {
        MainWindow w;
        w.openBundledExample();
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.rulesPanel()->view()->setCurrentIndex(w.document()->rules()->index(0, 1));
        w.rulesPanel()->deleteRuleAction()->trigger();
        QVERIFY(w.isWindowModified());
        bool asked = false;
        QTimer::singleShot(100, this, [&asked] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            asked = true;
            box->button(QMessageBox::Cancel)->click();
        });
        QVERIFY(!w.close());
        QVERIFY(asked);
        QVERIFY(w.isVisible());
        w.setInteractive(false);
        QVERIFY(w.close());
    }

    // Patterns that disagree on one reply: every value KumoMTA might return is shown.
    void ambiguousMatchesAreFlagged()
    {
        MainWindow w;
        QVERIFY(showExample(w));
        RuleTableModel *rules = w.document()->rules();
        const SampleTableModel *samples = w.document()->samples();
        const int row = rowContaining(samples, QStringLiteral("is over quota. Please direct"));
        QVERIFY(row >= 0);
        w.rulesPanel()->view()->setCurrentIndex(rules->index(1, RuleTableModel::PatternColumn));
        w.rulesPanel()->addRuleAction()->trigger();
        QVERIFY(rules->setData(rules->index(2, RuleTableModel::PatternColumn), QStringLiteral("over quota")));
        QVERIFY(rules->setData(rules->index(2, RuleTableModel::CodeColumn), 550));
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), EvalTimeout);
        const Eval::EvalResult *r = samples->result(row);
        QVERIFY(r->ambiguous);
        const QString matched = cell(samples, row, SampleTableModel::MatchedRuleColumn);
        QVERIFY2(matched.contains(QLatin1String("ambiguous")) && matched.contains(QLatin1String("500"))
                     && matched.contains(QLatin1String("550")),
                 qPrintable(matched));
        w.samplesPanel()->selectSourceRow(row);
        QVERIFY(w.detailPane()->plainText().contains(QLatin1String("Ambiguous")));
        // Same code from both patterns: they agree, nothing to flag.
        QVERIFY(rules->setData(rules->index(2, RuleTableModel::CodeColumn), 500));
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), EvalTimeout);
        QVERIFY(!samples->result(row)->ambiguous);
    }

    // Files come in through Import and drag and drop; a project file dropped opens.
    void importAndDrop()
    {
        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("kumo.jsonl"));
        QFile file(log);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"type":"TransientFailure","queue":"gmail.com","response":{"code":452,"enhanced_code":{"class":4,"subject":2,"detail":2},"content":"The email account that you tried to reach is over quota.","command":"RCPT TO:<a@gmail.com>\r\n"}})"
                   "\n"
                   R"({"type":"Delivery","queue":"gmail.com","response":{"code":250,"content":"ok","command":".\r\n"}})"
                   "\n");
        file.close();

        MainWindow w;
        QVERIFY(showExample(w, false));
        SampleTableModel *samples = w.document()->samples();
        QCOMPARE(w.importSamplesFromFile(log), 1);
        QCOMPARE(samples->rowCount(), 29);
        QVERIFY(samples->sample(28).response.startsWith(QLatin1String("452 4.2.2")));
        QCOMPARE(samples->sample(28).queue, QStringLiteral("gmail.com"));

        QMimeData text;
        text.setText(QStringLiteral("554 5.7.1 Service unavailable; client host blocked"));
        dropOn(&w, &text);
        QCOMPARE(samples->rowCount(), 30);

        QMimeData files;
        files.setUrls({QUrl::fromLocalFile(log)});
        dropOn(&w, &files);
        QCOMPARE(samples->rowCount(), 31);

        const QString project = dir.filePath(QStringLiteral("dropped.dsnwb"));
        QVERIFY(w.saveProjectAs(project));
        MainWindow other;
        other.setInteractive(false);
        QMimeData projectFile;
        projectFile.setUrls({QUrl::fromLocalFile(project)});
        dropOn(&other, &projectFile);
        QCOMPARE(other.document()->filePath(), QFileInfo(project).absoluteFilePath());
        QCOMPARE(other.document()->samples()->rowCount(), 31);
    }

    // Both palettes keep text readable: the window, the editors and the badges follow.
    void themesAreReadable_data()
    {
        QTest::addColumn<QString>("theme");
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << QStringLiteral("light") << false;
        QTest::newRow("dark") << QStringLiteral("dark") << true;
    }

    void themesAreReadable()
    {
        QFETCH(QString, theme);
        QFETCH(bool, dark);
        MainWindow w;
        QVERIFY(showExample(w));
        w.action(QStringLiteral("actionTheme_") + theme)->trigger();
        QCOMPARE(QSettings().value(QStringLiteral("appearance/theme")).toString(), theme);
        const QPalette palette = QApplication::palette();
        QCOMPARE(palette.color(QPalette::Window).lightness() < 128, dark);
        // Text stands out from its background by a wide margin in both palettes.
        QVERIFY(std::abs(palette.color(QPalette::Text).lightness() - palette.color(QPalette::Base).lightness()) > 150);
        Editors::CodeEditor *lua = w.policyPane()->editor();
        const auto paperLightness = [lua] {
            const long bgr = lua->SendScintilla(QsciScintillaBase::SCI_STYLEGETBACK, 0UL);
            return QColor(int(bgr & 0xff), int((bgr >> 8) & 0xff), int((bgr >> 16) & 0xff)).lightness();
        };
        QTRY_COMPARE(paperLightness() < 128, dark);
        const QImage shot = w.grab().toImage();
        QVERIFY(!shot.isNull());
        w.action(QStringLiteral("actionTheme_system"))->trigger();
    }

    void quickTourRaisesPanels()
    {
        MainWindow w;
        w.setInteractive(false);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.action(QStringLiteral("actionQuickTour"))->trigger();
        auto *tour = w.findChild<QDialog *>(QStringLiteral("quickTour"));
        QVERIFY(tour);
        QTRY_VERIFY(tour->isVisible());
        // The last page is the replay: it brings the Log Replay tab forward.
        QList<QPushButton *> buttons = tour->findChildren<QPushButton *>();
        QPushButton *nextButton = nullptr;
        for (QPushButton *b : buttons) {
            if (b->text() == QLatin1String("Next"))
                nextButton = b;
        }
        QVERIFY(nextButton);
        while (nextButton->isEnabled())
            nextButton->click();
        QCOMPARE(w.centralTabs()->currentWidget(), static_cast<QWidget *>(w.replayPanel()));
        tour->close();
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
