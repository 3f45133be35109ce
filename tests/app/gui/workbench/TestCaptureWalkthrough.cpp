// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
// End to end: the built-in sandbox answers 452 4.2.2, the example rules make it a Bounce, and
// the project survives save, reopen and export byte for byte.
#include <QApplication>
#include <QFile>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "CapturePanel.h"
#include "MainWindow.h"
#include "MemorySecretStore.h"
#include "SampleTableModel.h"
#include "TestConfig.h"
#include "WorkbenchDocument.h"

using namespace Dsn;
using Dsn::Models::SampleTableModel;
using Dsn::Workbench::MainWindow;

class TestCaptureWalkthrough : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("DSN Workbench Tests"));
        QCoreApplication::setApplicationName(QStringLiteral("TestCaptureWalkthrough"));
        QSettings().clear();
    }

    void cleanupTestCase() { QSettings().clear(); }

    void captureOverQuotaThenSaveReopenExport()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("captured.dsnwb"));
        const QString table = dir.filePath(QStringLiteral("dsn_rewrite.json"));
        Capture::MemorySecretStore secrets;
        int capturedRow = -1;
        {
            MainWindow w;
            w.setInteractive(false);
            w.capturePanel()->setSecretStore(&secrets);
            w.openBundledExample();
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            SampleTableModel *samples = w.document()->samples();
            const int before = samples->rowCount();

            Capture::CapturePanel *capture = w.capturePanel();
            QVERIFY(capture->selectSandboxScenario(QStringLiteral("gmail-over-quota")));
            QSignalSpy finished(capture, &Capture::CapturePanel::captureFinished);
            auto *captureButton = capture->findChild<QPushButton *>(QStringLiteral("captureButton"));
            QVERIFY(captureButton);
            captureButton->setVisible(true);
            QTest::mouseClick(captureButton, Qt::LeftButton);
            QVERIFY(finished.count() == 1 || finished.wait(30000));
            QVERIFY(capture->transcriptText().contains(QLatin1String("452")));

            auto *add = capture->findChild<QPushButton *>(QStringLiteral("addSamplesButton"));
            QVERIFY(add);
            QTRY_VERIFY_WITH_TIMEOUT(add->isEnabled(), 30000);
            QTest::mouseClick(add, Qt::LeftButton);
            QVERIFY(samples->rowCount() > before);
            for (int row = before; row < samples->rowCount(); ++row) {
                if (samples->sample(row).response.contains(QLatin1String("4.2.2")))
                    capturedRow = row;
            }
            QVERIFY(capturedRow >= 0);
            QCOMPARE(samples->sample(capturedRow).phase, SmtpPhase::RcptTo);

            // The example rules turn the over-quota deferral into a bounce.
            QTRY_VERIFY_WITH_TIMEOUT(samples->result(capturedRow) && w.isIdle(), 30000);
            const Eval::EvalResult *r = samples->result(capturedRow);
            QCOMPARE(r->originalCode, 452);
            QCOMPARE(r->recordType, RecordType::Bounce);
            QVERIFY(r->rewritten);
            QVERIFY(w.saveProjectAs(path));
        }

        MainWindow reopened;
        reopened.setInteractive(false);
        reopened.capturePanel()->setSecretStore(&secrets);
        QCOMPARE(reopened.openProject(path), QString());
        SampleTableModel *samples = reopened.document()->samples();
        QVERIFY(samples->rowCount() > capturedRow);
        QVERIFY(samples->sample(capturedRow).response.contains(QLatin1String("4.2.2")));
        QTRY_VERIFY_WITH_TIMEOUT(samples->result(capturedRow) && reopened.isIdle(), 30000);
        QCOMPARE(samples->result(capturedRow)->recordType, RecordType::Bounce);

        QCOMPARE(reopened.exportKumoTable(table), QString());
        QFile exported(table);
        QVERIFY(exported.open(QIODevice::ReadOnly));
        QFile expected(QStringLiteral(DSN_SOURCE_DIR "/resources/examples/dsn_rewrite.json"));
        QVERIFY(expected.open(QIODevice::ReadOnly));
        QCOMPARE(exported.readAll(), expected.readAll());
    }
};

QTEST_MAIN(TestCaptureWalkthrough)
#include "TestCaptureWalkthrough.moc"
