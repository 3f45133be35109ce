// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
// The Log Replay tab inside the main window: it replays with the project's current rules, notices
// when they change, and its "Add to Samples" lands in the project as one undoable step.
#include <QAction>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include "MainWindow.h"
#include "ReplayFixtures.h"
#include "ReplayPanel.h"
#include "RuleTableModel.h"
#include "SampleTableModel.h"
#include "WorkbenchDocument.h"
#include "replay/ReplayEngine.h"

using namespace Dsn;
using Dsn::Workbench::MainWindow;

class TestReplayTab : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("DSN Workbench Tests"));
        QCoreApplication::setApplicationName(QStringLiteral("TestReplayTab"));
        QSettings().clear();
    }

    void cleanupTestCase() { QSettings().clear(); }

    void replaysWithTheProjectsRules()
    {
        QTemporaryDir dir;
        const Test::GeneratedLogs logs = Test::generateLogs(dir, {5}, 3000, 0);
        MainWindow w;
        w.setInteractive(false);
        w.openBundledExample();
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));

        Gui::ReplayPanel *panel = w.replayPanel();
        QVERIFY(panel);
        QVERIFY(w.centralTabs()->currentWidget() != panel);
        w.action(QStringLiteral("actionReplay"))->trigger();
        QCOMPARE(w.centralTabs()->currentWidget(), panel);

        panel->setPaths(logs.files);
        panel->setThreads(1);
        QSignalSpy finished(panel, &Gui::ReplayPanel::finished);
        panel->start();
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().first().toBool(), false);

        // The same replay, done directly with the document's configuration.
        Replay::ReplayOptions options;
        options.config = w.document()->evaluatorConfig();
        options.threads = 1;
        Replay::ReplayEngine engine(options);
        const auto direct = engine.run(logs.files);
        QVERIFY(direct.ok());
        QCOMPARE(panel->summary().records(), logs.records);
        QCOMPARE(panel->summary().toJson(), direct->toJson());
        QVERIFY(!panel->isStale());

        // A rule edit makes the shown replay out of date.
        Project::ProjectRule rule = w.document()->rules()->rule(0);
        rule.code = 550;
        QVERIFY(w.document()->rules()->setRule(0, rule));
        QTRY_VERIFY(panel->isStale());

        // An unmatched reply becomes a sample, with its queue, in one undo step.
        const auto groups = panel->summary().topUnmatchedGroups(1);
        QCOMPARE(groups.size(), 1);
        QVERIFY(!groups.first().example.isEmpty());
        const int before = w.document()->samples()->rowCount();
        Q_EMIT panel->addSampleRequested(groups.first().example, groups.first().queue);
        QCOMPARE(w.document()->samples()->rowCount(), before + 1);
        QCOMPARE(w.document()->samples()->sample(before).response, groups.first().example);
        QCOMPARE(w.document()->samples()->sample(before).queue, groups.first().queue);
        w.document()->undoStack()->undo();
        QCOMPARE(w.document()->samples()->rowCount(), before);
    }
};

QTEST_MAIN(TestReplayTab)
#include "TestReplayTab.moc"
