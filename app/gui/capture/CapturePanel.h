// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <memory>

#include <QDateTime>
#include <QList>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QWidget>

#include "StagingProfile.h"
#include "eval/PolicyEvaluator.h"
#include "project/Sample.h"
#include "smtp/ClientOptions.h"
#include "smtp/TransactionResult.h"
#include "smtp/TranscriptEntry.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace Dsn::Sandbox {
class SandboxServer;
}
namespace Dsn::Smtp {
class SmtpClient;
}

namespace Dsn::Capture {

class CaptureResultModel;
class KeychainSecretStore;
class MemorySecretStore;
class SecretStore;

/**
 * The "Capture" dock: runs one real SMTP transaction against the built-in sandbox (a scripted
 * scenario served in-process on 127.0.0.1) or a saved staging server, streams the transcript,
 * and shows what the current rules make of each recipient's reply. Rejections can be handed to
 * the project as samples.
 *
 * Nothing blocks the GUI thread: the SMTP client and the sandbox are event driven, keychain
 * access is asynchronous, and policy evaluation runs on the thread pool with stale results
 * dropped. Staging passwords never reach QSettings; they go to the SecretStore, or stay in
 * memory for the session when no keychain is available.
 */
class CapturePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CapturePanel)

public:
    enum class Target { Sandbox, Staging };

    explicit CapturePanel(QWidget *parent = nullptr);
    ~CapturePanel() override;

    /// The rules and policy outcomes are computed with; existing rows are re-evaluated.
    void setEvaluatorConfig(const Dsn::Eval::EvaluatorConfig &config);
    const Dsn::Eval::EvaluatorConfig &evaluatorConfig() const { return m_config; }
    /// Not owned; must outlive its use by the panel. nullptr restores the system keychain.
    void setSecretStore(SecretStore *store);
    SecretStore *secretStore() const;

    void setTarget(Target target);
    Target target() const;

    /// Bundled scenario names (their "name", or the file name), in list order.
    QStringList sandboxScenarioNames() const;
    /// Selects a bundled scenario by file name (with or without ".json") or by its name and
    /// loads its text into the editor; false when none matches.
    bool selectSandboxScenario(const QString &fileNameOrName);
    void setScenarioText(const QString &text);
    QString scenarioText() const;

    QList<StagingProfile> stagingProfiles() const { return m_profiles; }
    /// Loads a saved profile into the form and targets the staging server.
    bool selectStagingProfile(const QString &name);
    /// Saves the form as a profile (settings without the password; password to the store).
    bool saveStagingProfile();
    void deleteStagingProfile(const QString &name);

    /// Starts a capture; false (with the reason in the message line) when the input is invalid
    /// or a capture is already running.
    bool startCapture();
    /// Aborts the running capture; captureFinished() follows.
    void cancelCapture();
    bool isRunning() const { return m_running; }

    CaptureResultModel *resultModel() const { return m_model; }
    QString transcriptText() const;
    /// The status or error line under the buttons.
    QString messageText() const;

Q_SIGNALS:
    void captureStarted();
    void captureFinished(bool ok, const QString &message);
    /// Outcomes for the current rows are in resultModel() (after a capture or a config change).
    void outcomesEvaluated();
    void samplesCaptured(const QList<Dsn::Project::Sample> &samples);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct BundledScenario
    {
        QString fileName;
        QString name;
        QString description;
        QString text;
    };

    QWidget *buildTargetTab();
    QWidget *buildSandboxPage();
    QWidget *buildStagingPage();
    QWidget *buildMessageTab();
    QWidget *buildResultsTab();
    void loadBundledScenarios();
    void onScenarioChosen(int index);

    void reloadProfiles(const QString &select);
    void onProfileChosen(int index);
    StagingProfile profileFromForm() const;

    bool prepareSandbox(Smtp::ClientOptions &options);
    bool fillMessageOptions(Smtp::ClientOptions &options);
    void startStaging(Smtp::ClientOptions options, const StagingProfile &profile);
    void beginRun(const QString &targetLabel);
    void launchClient(const Smtp::ClientOptions &options);
    void finishRun(bool ok, const QString &message);
    void onClientFinished(const Dsn::Smtp::TransactionResult &result);
    void reevaluate();
    void addToSamples();

    void appendTranscript(const Dsn::Smtp::TranscriptEntry &entry);
    void appendTranscriptLine(const QString &text, const QColor &colour);
    void rerenderTranscript();
    QColor directionColour(Smtp::TranscriptEntry::Direction direction) const;
    QColor errorColour() const;
    void showMessage(const QString &text, bool error);
    void updateButtons();

    // Widgets
    QTabWidget *m_tabs = nullptr;
    QComboBox *m_targetCombo = nullptr;
    QStackedWidget *m_targetStack = nullptr;
    QComboBox *m_scenarioCombo = nullptr;
    QLabel *m_scenarioDescription = nullptr;
    QPlainTextEdit *m_scenarioEditor = nullptr;
    QComboBox *m_profileCombo = nullptr;
    QLineEdit *m_profileName = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QComboBox *m_tlsCombo = nullptr;
    QCheckBox *m_untrusted = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QPushButton *m_saveProfile = nullptr;
    QPushButton *m_deleteProfile = nullptr;
    QLineEdit *m_ehlo = nullptr;
    QLineEdit *m_mailFrom = nullptr;
    QPlainTextEdit *m_rcptTo = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QPlainTextEdit *m_transcript = nullptr;
    QTableView *m_resultView = nullptr;
    QPushButton *m_captureButton = nullptr;
    QPushButton *m_stopButton = nullptr;
    QPushButton *m_samplesButton = nullptr;
    QLabel *m_message = nullptr;

    CaptureResultModel *m_model = nullptr;
    Smtp::SmtpClient *m_client = nullptr;
    std::unique_ptr<Sandbox::SandboxServer> m_sandbox;
    QString m_sandboxText;        // the scenario text m_sandbox serves
    KeychainSecretStore *m_keychain = nullptr;
    MemorySecretStore *m_sessionSecrets = nullptr; // fallback when the keychain is unavailable
    QPointer<SecretStore> m_store;

    QList<BundledScenario> m_scenarios;
    QList<StagingProfile> m_profiles;
    Eval::EvaluatorConfig m_config;
    QList<Smtp::TranscriptEntry> m_entries;
    QString m_runError;
    bool m_running = false;
    quint64 m_runGeneration = 0;  // bumps on every start/cancel so late keychain replies are ignored
    quint64 m_evalGeneration = 0; // bumps on every evaluation so stale outcomes are ignored
    QString m_targetLabel;
    QDateTime m_startedAt;
};

} // namespace Dsn::Capture
