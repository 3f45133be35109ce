// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
// Bounce classifier files in the workbench: attaching them, what the analyst then sees (labels,
// classification-lost warnings under Problems), and that the attachment survives save and move.
#include <QDir>
#include <QListWidget>
#include <QPushButton>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "ClassifierFilesDialog.h"
#include "DiagnosticsModel.h"
#include "EvaluationController.h"
#include "MainWindow.h"
#include "RuleTableModel.h"
#include "SampleTableModel.h"
#include "TestConfig.h"
#include "WorkbenchDocument.h"

using namespace Dsn;
using Dsn::Models::SampleTableModel;
using Dsn::Workbench::ClassifierFilesDialog;
using Dsn::Workbench::MainWindow;

namespace {

constexpr int EvalTimeout = 30000;

bool settled(const MainWindow &w)
{
    const SampleTableModel *samples = w.document()->samples();
    if (!w.isIdle())
        return false;
    for (int row = 0; row < samples->rowCount(); ++row) {
        if (!samples->result(row) || samples->data(samples->index(row, 0), SampleTableModel::IsStaleRole).toBool())
            return false;
    }
    return true;
}

/// The sources ("sample N") of the classification-lost warnings under Problems.
QStringList lostWarnings(const MainWindow &w)
{
    QStringList out;
    const Models::DiagnosticsModel *m = w.diagnostics();
    for (int row = 0; row < m->rowCount(); ++row) {
        const Diagnostic d = m->diagnostic(row);
        if (d.code == QLatin1String("classification-lost")) {
            out.append(d.source);
            if (d.severity != Diagnostic::Severity::Warning)
                out.append(QStringLiteral("(not a warning)"));
        }
    }
    return out;
}

QString label(const MainWindow &w, int row)
{
    const SampleTableModel *s = w.document()->samples();
    return s->data(s->index(row, SampleTableModel::ClassificationColumn), SampleTableModel::ClassificationRole).toString();
}

bool copyData(const QString &name, const QString &to)
{
    QDir().mkpath(QFileInfo(to).absolutePath());
    return QFile::copy(QStringLiteral(DSN_TEST_DATA_DIR "/classifier/") + name, to);
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

class TestClassifierWorkflow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("DSN Workbench Tests"));
        QCoreApplication::setApplicationName(QStringLiteral("TestClassifierWorkflow"));
        QSettings().clear();
    }

    void cleanupTestCase() { QSettings().clear(); }

    // The example rewrites Gmail's 452 4.2.2 "over quota" to 500: with KumoMTA's usual rules the
    // rewritten line no longer reads as QuotaIssues, and the workbench has to say so.
    void attachingShowsLabelsAndLostClasses()
    {
        QTemporaryDir dir;
        QVERIFY(copyData(QStringLiteral("kumo-rules.toml"), dir.filePath(QStringLiteral("kumo-rules.toml"))));
        MainWindow w;
        w.setInteractive(false);
        w.openBundledExample();
        QVERIFY(w.saveProjectAs(dir.filePath(QStringLiteral("example.dsnwb"))));
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), EvalTimeout);
        QVERIFY(lostWarnings(w).isEmpty());
        QCOMPARE(label(w, 0), QStringLiteral("Uncategorized"));

        w.document()->setClassifierFiles({QStringLiteral("kumo-rules.toml")});
        QVERIFY(w.document()->isModified());
        QTRY_VERIFY_WITH_TIMEOUT(settled(w) && !lostWarnings(w).isEmpty(), EvalTimeout);
        // Sample 1 is the over-quota reply the example's second rule rewrites to 500.
        const QStringList lost = lostWarnings(w);
        QCOMPARE(lost, QStringList{QStringLiteral("sample 1")});
        // Activating the warning leads to the rule that did it.
        for (int row = 0; row < w.diagnostics()->rowCount(); ++row) {
            const Diagnostic d = w.diagnostics()->diagnostic(row);
            if (d.code == QLatin1String("classification-lost"))
                QVERIFY(w.document()->rules()->rule(d.ruleIndex).pattern.contains(QLatin1String("over quota")));
        }
        QCOMPARE(label(w, 0), QStringLiteral("Uncategorized"));
        const SampleTableModel *s = w.document()->samples();
        QCOMPARE(s->data(s->index(0, SampleTableModel::ClassificationColumn), SampleTableModel::ClassificationBeforeRewriteRole)
                     .toString(),
                 QStringLiteral("QuotaIssues"));
        // "552 5.2.2 Mailbox full" is not rewritten and keeps its class.
        const int mailboxFull = 18;
        QVERIFY(s->sample(mailboxFull).response.startsWith(QLatin1String("552 5.2.2 Mailbox full")));
        QCOMPARE(label(w, mailboxFull), QStringLiteral("QuotaIssues"));

        // Saved with the project and back after reopening it.
        QVERIFY(w.saveProject());
        MainWindow again;
        again.setInteractive(false);
        QCOMPARE(again.openProject(dir.filePath(QStringLiteral("example.dsnwb"))), QString());
        QCOMPARE(again.document()->classifierFiles(), QStringList{QStringLiteral("kumo-rules.toml")});
        QTRY_VERIFY_WITH_TIMEOUT(settled(again) && lostWarnings(again) == lost, EvalTimeout);

        // Editing the file outside the workbench re-labels the outcomes: with a rule for the
        // rewritten line, nothing is lost any more.
        QVERIFY(writeFile(dir.filePath(QStringLiteral("kumo-rules.toml")),
                          "[rules]\nQuotaIssues = ['^(452|500|552) [45]\\.2\\.2 ']\n"));
        QTRY_VERIFY_WITH_TIMEOUT(settled(again) && lostWarnings(again).isEmpty(), EvalTimeout);
        QCOMPARE(label(again, 0), QStringLiteral("QuotaIssues"));
        QVERIFY(copyData(QStringLiteral("kumo-rules.toml"), dir.filePath(QStringLiteral("kumo-rules.toml")))
                || (QFile::remove(dir.filePath(QStringLiteral("kumo-rules.toml")))
                    && copyData(QStringLiteral("kumo-rules.toml"), dir.filePath(QStringLiteral("kumo-rules.toml")))));
        QTRY_VERIFY_WITH_TIMEOUT(settled(again) && lostWarnings(again) == lost, EvalTimeout);

        // Detaching clears the warnings.
        again.document()->setClassifierFiles({});
        QTRY_VERIFY_WITH_TIMEOUT(settled(again) && lostWarnings(again).isEmpty(), EvalTimeout);
    }

    // A relative path means "next to the project": Save As into another folder must keep
    // pointing at the same file, not at a namesake (or nothing) in the new folder.
    void saveAsKeepsTheSameFiles()
    {
        QTemporaryDir dir;
        const QString rules = dir.filePath(QStringLiteral("shared/kumo-rules.toml"));
        QVERIFY(copyData(QStringLiteral("kumo-rules.toml"), rules));
        MainWindow w;
        w.setInteractive(false);
        w.openBundledExample();
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("a")) && QDir(dir.path()).mkpath(QStringLiteral("b/c")));
        QVERIFY(w.saveProjectAs(dir.filePath(QStringLiteral("a/p.dsnwb"))));
        w.document()->setClassifierFiles({w.document()->storedClassifierPath(rules)});
        QCOMPARE(w.document()->classifierFiles(), QStringList{QStringLiteral("../shared/kumo-rules.toml")});
        QVERIFY(w.saveProjectAs(dir.filePath(QStringLiteral("b/c/p.dsnwb"))));
        QCOMPARE(w.document()->classifierFiles(), QStringList{QStringLiteral("../../shared/kumo-rules.toml")});
        QCOMPARE(QFileInfo(w.document()->classifierPaths().value(0)).canonicalFilePath(), QFileInfo(rules).canonicalFilePath());
        QVERIFY(!w.document()->isModified());
        QTRY_VERIFY_WITH_TIMEOUT(settled(w) && !lostWarnings(w).isEmpty(), EvalTimeout);
    }

    void dialogReportsEachFile_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<QString>("status");
        QTest::newRow("toml") << QByteArray("[rules]\nQuotaIssues = ['^552 ']\nSpam = ['(?i)spam', 'blocked']\n")
                              << QStringLiteral("toml") << QStringLiteral("labels: 2, patterns: 3");
        QTest::newRow("json") << QByteArray(R"({"rules": {"InvalidRecipient": ["^550 5\\.1\\.1 "]}})")
                              << QStringLiteral("json") << QStringLiteral("labels: 1, patterns: 1");
        // The analyst needs the place of the mistake, not just "does not load".
        QTest::newRow("broken toml") << QByteArray("[rules]\nQuota = ['^552 '\n") << QStringLiteral("toml")
                                     << QStringLiteral("rules.toml:2:");
        QTest::newRow("bad regex") << QByteArray("[rules]\nQuota = ['^552 (']\n") << QStringLiteral("toml")
                                   << QStringLiteral("Quota");
        QTest::newRow("missing") << QByteArray() << QStringLiteral("toml") << QStringLiteral("missing.toml");
    }

    void dialogReportsEachFile()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, suffix);
        QFETCH(QString, status);
        QTemporaryDir dir;
        const QString name = content.isEmpty() ? QStringLiteral("missing.") + suffix : QStringLiteral("rules.") + suffix;
        const QString path = dir.filePath(name);
        if (!content.isEmpty())
            QVERIFY(writeFile(path, content));
        ClassifierFilesDialog dialog(
            {}, [&dir](const QString &f) { return QDir(dir.path()).absoluteFilePath(f); },
            [&dir](const QString &f) { return QDir(dir.path()).relativeFilePath(f); });
        dialog.addFiles({path});
        QCOMPARE(dialog.files(), QStringList{name});
        QVERIFY2(dialog.statusOf(0).contains(status), qPrintable(dialog.statusOf(0)));
        // Adding the same file twice keeps one entry.
        dialog.addFiles({path});
        QCOMPARE(dialog.files().size(), 1);
    }

    void dialogKeepsOrder()
    {
        QTemporaryDir dir;
        for (const char *name : {"a.toml", "b.toml", "c.toml"})
            QVERIFY(writeFile(dir.filePath(QLatin1String(name)), "[rules]\nX = ['x']\n"));
        ClassifierFilesDialog dialog(
            {QStringLiteral("a.toml"), QStringLiteral("b.toml")},
            [&dir](const QString &f) { return QDir(dir.path()).absoluteFilePath(f); },
            [&dir](const QString &f) { return QDir(dir.path()).relativeFilePath(f); });
        dialog.addFiles({dir.filePath(QStringLiteral("c.toml"))});
        QCOMPARE(dialog.files(), (QStringList{QStringLiteral("a.toml"), QStringLiteral("b.toml"), QStringLiteral("c.toml")}));
        auto *list = dialog.findChild<QListWidget *>(QStringLiteral("classifierList"));
        QVERIFY(list);
        list->setCurrentRow(2);
        dialog.findChild<QPushButton *>(QStringLiteral("classifierUp"))->click();
        QCOMPARE(dialog.files(), (QStringList{QStringLiteral("a.toml"), QStringLiteral("c.toml"), QStringLiteral("b.toml")}));
        list->setCurrentRow(0);
        dialog.findChild<QPushButton *>(QStringLiteral("classifierRemove"))->click();
        QCOMPARE(dialog.files(), (QStringList{QStringLiteral("c.toml"), QStringLiteral("b.toml")}));
        QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("classifierUp"))->isEnabled()
                || list->currentRow() > 0);
    }
};

QTEST_MAIN(TestClassifierWorkflow)
#include "TestClassifierWorkflow.moc"
