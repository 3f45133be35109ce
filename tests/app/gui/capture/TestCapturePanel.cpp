// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QLineEdit>
#include <QList>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QComboBox>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include "CapturePanel.h"
#include "CaptureResultModel.h"
#include "MemorySecretStore.h"
#include "TestConfig.h"
#include "project/Sample.h"
#include "rules/RegexRule.h"

using Dsn::Capture::CapturePanel;
using Dsn::Capture::CaptureResultModel;
using Dsn::Project::Sample;

namespace {

const QString OverQuotaText = QStringLiteral(
    "452 4.2.2 The email account that you tried to reach is over quota. Please direct the recipient to Clear "
    "Google Drive space & increase storage.");
const QString InactiveText = QStringLiteral(
    "552-5.2.2 The recipient's inbox is out of storage space and inactive. Please\n"
    "552-5.2.2 direct the recipient to\n"
    "552 5.2.2 https://support.google.com/mail/?p=OverQuotaPerm r2-290450aeHYDI1ssm94.953 - gsmtp");

/**
 * A port on 127.0.0.1 nobody listens on. It is taken below the kernel's ephemeral range: a
 * just-released ephemeral port can come back as the client's own source port, and Linux then
 * connects the socket to itself (TCP simultaneous open) instead of refusing.
 */
quint16 closedLocalPort()
{
    int ephemeralLow = 32768;
    QFile range(QStringLiteral("/proc/sys/net/ipv4/ip_local_port_range"));
    if (range.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> parts = range.readAll().simplified().split(' ');
        if (!parts.isEmpty())
            ephemeralLow = qMax(2048, parts.first().toInt());
    }
    for (int port = ephemeralLow - 1; port > 1024; --port) {
        QTcpServer probe;
        if (probe.listen(QHostAddress::LocalHost, quint16(port)))
            return quint16(port);
    }
    return 0;
}

} // namespace

class TestCapturePanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void bundledScenarios();
    void sandboxCapture_data();
    void sandboxCapture();
    void reevaluatesWhenRulesChange();
    void addToSamples();
    void brokenScenarioDoesNotStart_data();
    void brokenScenarioDoesNotStart();
    void missingEnvelopeDoesNotStart();
    void stagingRefused_data();
    void stagingRefused();
    void cancelStopsRun();

private:
    /// Clicks Capture and waits for the run and its evaluation; returns captureFinished's args.
    QList<QVariant> captureThroughButton(CapturePanel &panel);
    void setRecipients(CapturePanel &panel, const QString &lines);
    Dsn::Eval::EvaluatorConfig rewriteConfig() const;

    QTemporaryDir m_dir;
    QList<Dsn::Rules::RegexRule> m_rules;
};

void TestCapturePanel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("DsnCaptureTest"));
    QCoreApplication::setApplicationName(QStringLiteral("TestCapturePanel"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());

    QFile file(QStringLiteral(DSN_SOURCE_DIR "/resources/examples/dsn_rewrite.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    auto rules = Dsn::Rules::RegexRule::listFromJson(file.readAll(), file.fileName());
    QVERIFY2(rules.ok(), qPrintable(rules ? QString() : rules.error().toString()));
    m_rules = *rules;
    QVERIFY(!m_rules.isEmpty());
}

Dsn::Eval::EvaluatorConfig TestCapturePanel::rewriteConfig() const
{
    Dsn::Eval::EvaluatorConfig config;
    config.rules = m_rules;
    return config;
}

void TestCapturePanel::setRecipients(CapturePanel &panel, const QString &lines)
{
    auto *rcpt = panel.findChild<QPlainTextEdit *>(QStringLiteral("rcptToEdit"));
    QVERIFY(rcpt);
    rcpt->setPlainText(lines);
}

QList<QVariant> TestCapturePanel::captureThroughButton(CapturePanel &panel)
{
    QSignalSpy started(&panel, &CapturePanel::captureStarted);
    QSignalSpy finished(&panel, &CapturePanel::captureFinished);
    QSignalSpy evaluated(&panel, &CapturePanel::outcomesEvaluated);
    auto *button = panel.findChild<QPushButton *>(QStringLiteral("captureButton"));
    if (!button || !button->isEnabled())
        return {};
    QTest::mouseClick(button, Qt::LeftButton);
    // Either signal may already have fired while the other was awaited: only wait for what is missing.
    if (started.count() != 1 || (finished.isEmpty() && !finished.wait(60000)))
        return {};
    if (panel.resultModel()->rowCount() > 0 && evaluated.isEmpty() && !evaluated.wait(60000))
        return {};
    return finished.takeFirst();
}

void TestCapturePanel::bundledScenarios()
{
    CapturePanel panel;
    const QStringList names = panel.sandboxScenarioNames();
    QCOMPARE(names.size(), 7);
    QVERIFY(names.contains(QStringLiteral("gmail-over-quota")));
    QVERIFY(panel.selectSandboxScenario(QStringLiteral("gmail-over-quota.json")));
    QVERIFY(panel.scenarioText().contains(QLatin1String("\"name\": \"gmail-over-quota\"")));
    QVERIFY(panel.selectSandboxScenario(QStringLiteral("greylisting")));
    QVERIFY(!panel.scenarioText().contains(QLatin1String("gmail-over-quota")));
    QVERIFY(!panel.selectSandboxScenario(QStringLiteral("no-such-scenario")));
}

void TestCapturePanel::sandboxCapture_data()
{
    QTest::addColumn<QString>("recipient");
    QTest::addColumn<bool>("withRules");
    QTest::addColumn<QString>("replyFragment");
    QTest::addColumn<int>("originalCode");
    QTest::addColumn<int>("finalCode");
    QTest::addColumn<QString>("recordType");
    QTest::addColumn<bool>("rewritten");
    QTest::addColumn<bool>("rejected");

    QTest::newRow("over quota, no rules") << QStringLiteral("full@gmail.com") << false << QStringLiteral("452 4.2.2")
                                          << 452 << 452 << QStringLiteral("TransientFailure") << false << true;
    QTest::newRow("over quota, rewritten to 500")
        << QStringLiteral("full@gmail.com") << true << QStringLiteral("452 4.2.2") << 452 << 500
        << QStringLiteral("Bounce") << true << true;
    QTest::newRow("inactive, multi-line 552") << QStringLiteral("inactive@gmail.com") << true
                                              << QStringLiteral("552 5.2.2 https://support.google.com") << 552 << 552
                                              << QStringLiteral("Bounce") << false << true;
    QTest::newRow("accepted recipient") << QStringLiteral("friend@gmail.com") << true << QStringLiteral("250") << 250
                                        << 250 << QStringLiteral("Delivery") << false << false;
}

void TestCapturePanel::sandboxCapture()
{
    QFETCH(QString, recipient);
    QFETCH(bool, withRules);
    QFETCH(QString, replyFragment);
    QFETCH(int, originalCode);
    QFETCH(int, finalCode);
    QFETCH(QString, recordType);
    QFETCH(bool, rewritten);
    QFETCH(bool, rejected);

    CapturePanel panel;
    panel.resize(450, 600);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QAbstractItemModelTester tester(panel.resultModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    if (withRules)
        panel.setEvaluatorConfig(rewriteConfig());
    QVERIFY(panel.selectSandboxScenario(QStringLiteral("gmail-over-quota")));
    setRecipients(panel, recipient);

    const QList<QVariant> args = captureThroughButton(panel);
    QCOMPARE(args.size(), 2);
    QVERIFY2(args.at(0).toBool(), qPrintable(args.at(1).toString()));
    QVERIFY(!panel.isRunning());

    const QString transcript = panel.transcriptText();
    QVERIFY2(transcript.contains(QLatin1String(" C: EHLO")), qPrintable(transcript));
    QVERIFY(transcript.contains(QLatin1String(" S: 220 ")));
    QVERIFY(transcript.contains(QStringLiteral(" C: RCPT TO:<%1>").arg(recipient)));

    CaptureResultModel *model = panel.resultModel();
    QCOMPARE(model->rowCount(), 1);
    const QModelIndex row = model->index(0, 0);
    QVERIFY2(row.data(CaptureResultModel::ReplyTextRole).toString().contains(replyFragment),
             qPrintable(row.data(CaptureResultModel::ReplyTextRole).toString()));
    QCOMPARE(row.data(CaptureResultModel::OriginalCodeRole).toInt(), originalCode);
    QCOMPARE(row.data(CaptureResultModel::FinalCodeRole).toInt(), finalCode);
    QCOMPARE(row.data(CaptureResultModel::RecordTypeRole).toString(), recordType);
    QCOMPARE(row.data(CaptureResultModel::RewrittenRole).toBool(), rewritten);
    QCOMPARE(row.data(CaptureResultModel::RejectedRole).toBool(), rejected);
    QCOMPARE(model->index(0, CaptureResultModel::RecipientColumn).data().toString(), recipient);
    QCOMPARE(model->index(0, CaptureResultModel::RecordTypeColumn).data().toString(), recordType);
    QCOMPARE(panel.findChild<QPushButton *>(QStringLiteral("addSamplesButton"))->isEnabled(), rejected);
}

void TestCapturePanel::reevaluatesWhenRulesChange()
{
    CapturePanel panel;
    QVERIFY(panel.selectSandboxScenario(QStringLiteral("gmail-over-quota")));
    setRecipients(panel, QStringLiteral("full@gmail.com"));
    const QList<QVariant> args = captureThroughButton(panel);
    QCOMPARE(args.size(), 2);
    const QModelIndex row = panel.resultModel()->index(0, 0);
    QCOMPARE(row.data(CaptureResultModel::RecordTypeRole).toString(), QStringLiteral("TransientFailure"));

    QSignalSpy evaluated(&panel, &CapturePanel::outcomesEvaluated);
    panel.setEvaluatorConfig(rewriteConfig());
    // The outcome itself is what matters; the signal may land before or after the wait starts.
    QTRY_COMPARE_WITH_TIMEOUT(row.data(CaptureResultModel::RecordTypeRole).toString(), QStringLiteral("Bounce"), 60000);
    QVERIFY(!evaluated.isEmpty());
    QCOMPARE(row.data(CaptureResultModel::FinalCodeRole).toInt(), 500);

    // Two quick changes: only the newest one may land.
    panel.setEvaluatorConfig(rewriteConfig());
    panel.setEvaluatorConfig({});
    QTRY_COMPARE(row.data(CaptureResultModel::FinalCodeRole).toInt(), 452);
    QTest::qWait(200);
    QCOMPARE(row.data(CaptureResultModel::RecordTypeRole).toString(), QStringLiteral("TransientFailure"));
}

void TestCapturePanel::addToSamples()
{
    CapturePanel panel;
    panel.setEvaluatorConfig(rewriteConfig());
    QVERIFY(panel.selectSandboxScenario(QStringLiteral("gmail-over-quota")));
    auto *samplesButton = panel.findChild<QPushButton *>(QStringLiteral("addSamplesButton"));
    QVERIFY(!samplesButton->isEnabled());
    setRecipients(panel, QStringLiteral("full@gmail.com\ninactive@Gmail.com\nfriend@gmail.com"));
    const QList<QVariant> args = captureThroughButton(panel);
    QCOMPARE(args.size(), 2);
    QCOMPARE(panel.resultModel()->rowCount(), 3);
    QVERIFY(samplesButton->isEnabled());

    QSignalSpy spy(&panel, &CapturePanel::samplesCaptured);
    QTest::mouseClick(samplesButton, Qt::LeftButton);
    QCOMPARE(spy.count(), 1);
    const auto samples = spy.first().first().value<QList<Sample>>();
    QCOMPARE(samples.size(), 2);
    QCOMPARE(samples.at(0).response, OverQuotaText);
    QCOMPARE(samples.at(0).phase, Dsn::SmtpPhase::RcptTo);
    QCOMPARE(samples.at(0).queue, QStringLiteral("gmail.com"));
    QVERIFY2(samples.at(0).note.startsWith(QLatin1String("captured from sandbox scenario gmail-over-quota ")),
             qPrintable(samples.at(0).note));
    QCOMPARE(samples.at(1).response, InactiveText);
    QCOMPARE(samples.at(1).phase, Dsn::SmtpPhase::RcptTo);
    QCOMPARE(samples.at(1).queue, QStringLiteral("gmail.com")); // KumoMTA lower-cases the domain
    QVERIFY(samples.at(1).expect.isEmpty());
}

void TestCapturePanel::brokenScenarioDoesNotStart_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("JSON syntax") << QStringLiteral("{\n  \"format\": 1,\n  \"name\": \n}\n")
                                 << QStringLiteral("scenario.json:4:");
    QTest::newRow("unknown key") << QStringLiteral("{\"format\": 1, \"nmae\": \"x\"}")
                                 << QStringLiteral("unknown key 'nmae'");
    QTest::newRow("wrong format") << QStringLiteral("{\"format\": 2}") << QStringLiteral("'format' must be 1");
    QTest::newRow("bad rule") << QStringLiteral("{\"format\": 1, \"rules\": [{\"phase\": \"RCPT TO\", \"bogus\": 1}]}")
                              << QStringLiteral("rules[0]");
    QTest::newRow("not an object") << QStringLiteral("[1, 2]") << QStringLiteral("a scenario is a JSON object");
}

void TestCapturePanel::brokenScenarioDoesNotStart()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    CapturePanel panel;
    panel.setTarget(CapturePanel::Target::Sandbox);
    panel.setScenarioText(text);
    QSignalSpy started(&panel, &CapturePanel::captureStarted);
    QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("captureButton")), Qt::LeftButton);
    QCOMPARE(started.count(), 0);
    QVERIFY(!panel.isRunning());
    QVERIFY2(panel.messageText().contains(expected), qPrintable(panel.messageText()));
    QCOMPARE(panel.resultModel()->rowCount(), 0);
    QCOMPARE(panel.scenarioText(), text); // the analyst's text is kept for fixing
}

void TestCapturePanel::missingEnvelopeDoesNotStart()
{
    CapturePanel panel;
    setRecipients(panel, QStringLiteral("  \n\n"));
    QVERIFY(!panel.startCapture());
    QVERIFY(!panel.isRunning());
    QVERIFY(panel.messageText().contains(QLatin1String("RCPT TO")));
}

void TestCapturePanel::stagingRefused_data()
{
    QTest::addColumn<int>("tlsIndex");
    QTest::newRow("plain") << 0;
    QTest::newRow("STARTTLS when offered") << 1;
    QTest::newRow("implicit TLS") << 3;
}

void TestCapturePanel::stagingRefused()
{
    QFETCH(int, tlsIndex);
    const quint16 closedPort = closedLocalPort();
    QVERIFY(closedPort != 0);
    Dsn::Capture::MemorySecretStore store;
    CapturePanel panel;
    panel.setSecretStore(&store);
    panel.setTarget(CapturePanel::Target::Staging);
    panel.findChild<QLineEdit *>(QStringLiteral("hostEdit"))->setText(QStringLiteral("127.0.0.1"));
    panel.findChild<QSpinBox *>(QStringLiteral("portSpin"))->setValue(closedPort);
    panel.findChild<QComboBox *>(QStringLiteral("tlsCombo"))->setCurrentIndex(tlsIndex);
    setRecipients(panel, QStringLiteral("someone@example.net"));

    QElapsedTimer timer;
    timer.start();
    const QList<QVariant> args = captureThroughButton(panel);
    QCOMPARE(args.size(), 2);
    QVERIFY2(timer.elapsed() < 30000, qPrintable(panel.transcriptText()));
    QVERIFY(!args.at(0).toBool());
    const QString message = args.at(1).toString();
    QVERIFY2(message.startsWith(QLatin1String("Capture failed at connect")), qPrintable(message));
    QCOMPARE(panel.messageText(), message);
    QVERIFY(panel.transcriptText().contains(panel.resultModel()->run().error));

    CaptureResultModel *model = panel.resultModel();
    QCOMPARE(model->rowCount(), 1);
    const QModelIndex row = model->index(0, 0);
    QCOMPARE(row.data(CaptureResultModel::RecordTypeRole).toString(), QStringLiteral("TransientFailure"));
    QCOMPARE(row.data(CaptureResultModel::RejectedRole).toBool(), false);
    QVERIFY(row.data(CaptureResultModel::OriginalCodeRole).toInt() >= 400);
    QVERIFY(!panel.findChild<QPushButton *>(QStringLiteral("addSamplesButton"))->isEnabled());
}

void TestCapturePanel::cancelStopsRun()
{
    CapturePanel panel;
    panel.setScenarioText(QStringLiteral(
        R"({"format": 1, "name": "slow", "rules": [{"phase": "connect", "reply": {"code": 220, "text": "slow"}, "delay_ms": 20000}]})"));
    QSignalSpy finished(&panel, &CapturePanel::captureFinished);
    QVERIFY(panel.startCapture());
    QVERIFY(panel.isRunning());
    auto *stop = panel.findChild<QPushButton *>(QStringLiteral("stopButton"));
    QVERIFY(stop->isEnabled());
    QTest::qWait(100);
    QElapsedTimer timer;
    timer.start();
    QTest::mouseClick(stop, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
    QVERIFY(timer.elapsed() < 5000);
    QVERIFY(!finished.first().at(0).toBool());
    QVERIFY(!panel.isRunning());
    QVERIFY(panel.findChild<QPushButton *>(QStringLiteral("captureButton"))->isEnabled());
}

QTEST_MAIN(TestCapturePanel)
#include "TestCapturePanel.moc"
