// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
// Unsaved work survives a crash: the autosave copy of one session is offered to the next.
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include "AutosaveManager.h"
#include "MainWindow.h"
#include "RuleTableModel.h"
#include "RulesPanel.h"
#include "WorkbenchDocument.h"

using namespace Dsn;
using Dsn::Workbench::AutosaveManager;
using Dsn::Workbench::MainWindow;

class TestAutosave : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("DSN Workbench Tests"));
        QCoreApplication::setApplicationName(QStringLiteral("TestAutosave"));
    }

    void timerWritesOnlyModifiedWork()
    {
        QTemporaryDir dir;
        MainWindow w;
        w.setInteractive(false);
        w.autosave()->setDirectory(dir.path());
        w.autosave()->setInterval(20);
        w.openBundledExample();
        QTest::qWait(100);
        QVERIFY(!QFile::exists(w.autosave()->currentPath())); // nothing to keep yet
        w.document()->rules()->setData(w.document()->rules()->index(0, 0), Qt::Unchecked, Qt::CheckStateRole);
        QVERIFY(w.document()->isModified());
        QTRY_VERIFY(QFile::exists(w.autosave()->currentPath()));
        Result<Project::Project> copy = Project::Project::load(w.autosave()->currentPath());
        QVERIFY(copy.ok());
        QVERIFY(!copy->rules.first().enabled);
        // A deliberate save removes the copy.
        QVERIFY(w.saveProjectAs(dir.filePath(QStringLiteral("saved.dsnwb"))));
        QVERIFY(!QFile::exists(w.autosave()->currentPath()));
    }

    void crashLeftoversAreRecovered()
    {
        QTemporaryDir dir;
        const QString original = dir.filePath(QStringLiteral("work.dsnwb"));
        {
            // A session that edits and "crashes": its copy stays behind.
            MainWindow w;
            w.setInteractive(false);
            w.autosave()->setDirectory(dir.filePath(QStringLiteral("autosave")));
            w.openBundledExample();
            QVERIFY(w.saveProjectAs(original));
            w.document()->rules()->setData(w.document()->rules()->index(1, 3), QStringLiteral("edited before the crash"));
            QString error;
            QVERIFY2(w.autosave()->saveNow(&error), qPrintable(error));
        } // no closeEvent: like a crash, nothing discards the copy

        AutosaveManager next;
        next.setDirectory(dir.filePath(QStringLiteral("autosave")));
        const QList<AutosaveManager::Recovery> found = next.pendingRecoveries();
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().originalPath, QFileInfo(original).absoluteFilePath());
        Result<Project::Project> copy = Project::Project::load(found.first().autosavePath);
        QVERIFY(copy.ok());
        QCOMPARE(copy->rules.at(1).note, QStringLiteral("edited before the crash"));
        QVERIFY(AutosaveManager::removeRecovery(found.first()));
        QVERIFY(next.pendingRecoveries().isEmpty());
    }

    void liveSessionsAreNotOffered()
    {
        QTemporaryDir dir;
        AutosaveManager first;
        first.setDirectory(dir.path());
        first.setSource([] { return Project::Project{}; }, [] { return QString(); }, [] { return true; });
        QVERIFY(first.saveNow());
        AutosaveManager second;
        second.setDirectory(dir.path());
        // The first session still runs (holds its lock): its copy is not a crash leftover.
        QVERIFY(second.pendingRecoveries().isEmpty());
    }
};

QTEST_MAIN(TestAutosave)
#include "TestAutosave.moc"
