// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "CapturePanel.h"

#include <utility>

#include <QCheckBox>
#include <QColor>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QFuture>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "CaptureResultModel.h"
#include "KeychainSecretStore.h"
#include "MemorySecretStore.h"
#include "SecretStore.h"
#include "common/SmtpPhase.h"
#include "eval/TransactionEvaluator.h"
#include "sandbox/SandboxServer.h"
#include "sandbox/Scenario.h"
#include "smtp/SmtpClient.h"

namespace Dsn::Capture {

namespace {

const QString ScenarioFolder = QStringLiteral(":/scenarios");
const QString EditedScenarioName = QStringLiteral("scenario.json");

/// What one background evaluation hands back to the GUI thread.
struct EvalBatch
{
    QList<Eval::EvalResult> outcomes;
    QString loadError;
};

EvalBatch evaluateRun(const Smtp::TransactionResult &run, const Eval::EvaluatorConfig &config)
{
    EvalBatch batch;
    Eval::PolicyEvaluator evaluator(config);
    if (evaluator.loadError())
        batch.loadError = evaluator.loadError()->toDiagnostic().toString();
    batch.outcomes = Eval::TransactionEvaluator::evaluate(run, evaluator);
    return batch;
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QStringList nonEmptyLines(const QString &text)
{
    QStringList lines;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty())
            lines.append(trimmed);
    }
    return lines;
}

} // namespace

CapturePanel::CapturePanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new CaptureResultModel(this))
    , m_client(new Smtp::SmtpClient(this))
    , m_keychain(new KeychainSecretStore(this))
    , m_sessionSecrets(new MemorySecretStore(this))
    , m_store(m_keychain)
{
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("captureTabs"));
    m_tabs->addTab(buildTargetTab(), tr("Target"));
    m_tabs->addTab(buildMessageTab(), tr("Message"));

    m_transcript = new QPlainTextEdit(this);
    m_transcript->setObjectName(QStringLiteral("transcriptView"));
    m_transcript->setReadOnly(true);
    m_transcript->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_transcript->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_transcript->setToolTip(tr("The SMTP conversation as it happens: client commands, server replies and the "
                                "client's own notes, with the phase and the milliseconds since the start."));
    m_tabs->addTab(m_transcript, tr("Transcript"));
    m_tabs->addTab(buildResultsTab(), tr("Results"));

    m_captureButton = new QPushButton(tr("&Capture"), this);
    m_captureButton->setObjectName(QStringLiteral("captureButton"));
    m_captureButton->setToolTip(tr("Run one SMTP transaction against the selected target."));
    m_stopButton = new QPushButton(tr("&Stop"), this);
    m_stopButton->setObjectName(QStringLiteral("stopButton"));
    m_stopButton->setToolTip(tr("Abort the running capture."));
    m_samplesButton = new QPushButton(tr("Add to &samples"), this);
    m_samplesButton->setObjectName(QStringLiteral("addSamplesButton"));
    m_samplesButton->setToolTip(tr("Add every rejected reply of this capture to the project's samples."));
    connect(m_captureButton, &QPushButton::clicked, this, [this] { startCapture(); });
    connect(m_stopButton, &QPushButton::clicked, this, &CapturePanel::cancelCapture);
    connect(m_samplesButton, &QPushButton::clicked, this, &CapturePanel::addToSamples);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_captureButton);
    buttons->addWidget(m_stopButton);
    buttons->addStretch();
    buttons->addWidget(m_samplesButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_message);

    connect(m_client, &Smtp::SmtpClient::transcriptLine, this, &CapturePanel::appendTranscript);
    connect(m_client, &Smtp::SmtpClient::finished, this, &CapturePanel::onClientFinished);

    loadBundledScenarios();
    QSettings settings;
    m_profiles = StagingProfile::loadAll(settings);
    reloadProfiles(QString());
    updateButtons();
}

CapturePanel::~CapturePanel()
{
    // Outcomes still being computed must not reach a half-destroyed panel.
    ++m_evalGeneration;
    m_client->disconnect(this);
    m_client->abort();
}

QWidget *CapturePanel::buildTargetTab()
{
    auto *page = new QWidget(this);
    m_targetCombo = new QComboBox(page);
    m_targetCombo->setObjectName(QStringLiteral("targetCombo"));
    m_targetCombo->addItem(tr("Built-in sandbox"));
    m_targetCombo->addItem(tr("Staging server"));
    m_targetCombo->setToolTip(tr("Capture from the built-in sandbox, which answers as a scenario scripts it, or from "
                                 "a staging server you run."));
    m_targetStack = new QStackedWidget(page);
    m_targetStack->addWidget(buildSandboxPage());
    m_targetStack->addWidget(buildStagingPage());
    connect(m_targetCombo, &QComboBox::currentIndexChanged, m_targetStack, &QStackedWidget::setCurrentIndex);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_targetCombo);
    layout->addWidget(m_targetStack, 1);
    return page;
}

QWidget *CapturePanel::buildSandboxPage()
{
    auto *page = new QWidget(this);
    m_scenarioCombo = new QComboBox(page);
    m_scenarioCombo->setObjectName(QStringLiteral("scenarioCombo"));
    m_scenarioCombo->setToolTip(tr("A bundled scenario; its JSON below can be edited before capturing."));
    m_scenarioDescription = new QLabel(page);
    m_scenarioDescription->setWordWrap(true);
    m_scenarioDescription->setMaximumHeight(m_scenarioDescription->fontMetrics().lineSpacing() * 4);
    m_scenarioEditor = new QPlainTextEdit(page);
    m_scenarioEditor->setObjectName(QStringLiteral("scenarioEditor"));
    m_scenarioEditor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_scenarioEditor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_scenarioEditor->setToolTip(tr("The scenario the sandbox serves (JSON, comments allowed). Errors are reported "
                                    "with line and column when you capture."));
    connect(m_scenarioCombo, &QComboBox::currentIndexChanged, this, &CapturePanel::onScenarioChosen);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_scenarioCombo);
    layout->addWidget(m_scenarioDescription);
    layout->addWidget(m_scenarioEditor, 1);
    return page;
}

QWidget *CapturePanel::buildStagingPage()
{
    auto *page = new QWidget(this);
    m_profileCombo = new QComboBox(page);
    m_profileCombo->setObjectName(QStringLiteral("profileCombo"));
    m_profileCombo->setToolTip(tr("Saved staging-server profiles."));
    m_profileName = new QLineEdit(page);
    m_profileName->setObjectName(QStringLiteral("profileNameEdit"));
    m_profileName->setToolTip(tr("The name the profile is saved under."));
    m_host = new QLineEdit(page);
    m_host->setObjectName(QStringLiteral("hostEdit"));
    m_host->setToolTip(tr("Host name or address of the staging server."));
    m_port = new QSpinBox(page);
    m_port->setObjectName(QStringLiteral("portSpin"));
    m_port->setRange(1, 65535);
    m_port->setValue(25);
    m_port->setToolTip(tr("SMTP port: 25 or 587 for STARTTLS, 465 for implicit TLS."));
    m_tlsCombo = new QComboBox(page);
    m_tlsCombo->setObjectName(QStringLiteral("tlsCombo"));
    m_tlsCombo->addItem(tr("Off"), int(Smtp::TlsMode::Off));
    m_tlsCombo->addItem(tr("STARTTLS when offered"), int(Smtp::TlsMode::Opportunistic));
    m_tlsCombo->addItem(tr("STARTTLS required"), int(Smtp::TlsMode::Required));
    m_tlsCombo->addItem(tr("Implicit TLS"), int(Smtp::TlsMode::Implicit));
    m_tlsCombo->setCurrentIndex(1);
    m_tlsCombo->setToolTip(tr("How the session is protected."));
    m_untrusted = new QCheckBox(tr("Accept an untrusted certificate"), page);
    m_untrusted->setObjectName(QStringLiteral("untrustedCheck"));
    m_untrusted->setToolTip(tr("Accept a certificate that does not verify, such as a staging server's self-signed one."));
    m_user = new QLineEdit(page);
    m_user->setObjectName(QStringLiteral("userEdit"));
    m_user->setToolTip(tr("AUTH user name; leave empty to send without authentication."));
    m_password = new QLineEdit(page);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setToolTip(tr("Stored in the system keychain when the profile is saved, never in the settings file. "
                              "Leave empty to use the stored one."));
    m_saveProfile = new QPushButton(tr("Save profile"), page);
    m_saveProfile->setObjectName(QStringLiteral("saveProfileButton"));
    m_saveProfile->setToolTip(tr("Save these settings under the profile name; the password goes to the keychain."));
    m_deleteProfile = new QPushButton(tr("Delete"), page);
    m_deleteProfile->setObjectName(QStringLiteral("deleteProfileButton"));
    m_deleteProfile->setToolTip(tr("Delete the selected profile and its stored password."));
    connect(m_profileCombo, &QComboBox::currentIndexChanged, this, &CapturePanel::onProfileChosen);
    connect(m_saveProfile, &QPushButton::clicked, this, [this] { saveStagingProfile(); });
    connect(m_deleteProfile, &QPushButton::clicked, this,
            [this] { deleteStagingProfile(m_profileCombo->currentData().toString()); });

    auto *form = new QFormLayout;
    form->addRow(tr("Profile:"), m_profileCombo);
    form->addRow(tr("Name:"), m_profileName);
    form->addRow(tr("Host:"), m_host);
    form->addRow(tr("Port:"), m_port);
    form->addRow(tr("TLS:"), m_tlsCombo);
    form->addRow(QString(), m_untrusted);
    form->addRow(tr("User:"), m_user);
    form->addRow(tr("Password:"), m_password);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_deleteProfile);
    buttons->addWidget(m_saveProfile);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addStretch();
    return page;
}

QWidget *CapturePanel::buildMessageTab()
{
    auto *page = new QWidget(this);
    m_ehlo = new QLineEdit(page);
    m_ehlo->setObjectName(QStringLiteral("ehloEdit"));
    m_ehlo->setPlaceholderText(tr("this machine's host name"));
    m_ehlo->setToolTip(tr("The name sent with EHLO; empty uses this machine's host name."));
    m_mailFrom = new QLineEdit(QStringLiteral("sender@example.com"), page);
    m_mailFrom->setObjectName(QStringLiteral("mailFromEdit"));
    m_mailFrom->setToolTip(tr("The envelope sender (MAIL FROM)."));
    m_rcptTo = new QPlainTextEdit(page);
    m_rcptTo->setObjectName(QStringLiteral("rcptToEdit"));
    m_rcptTo->setPlainText(QStringLiteral("full@gmail.com\nfriend@gmail.com"));
    m_rcptTo->setToolTip(tr("Envelope recipients (RCPT TO), one per line."));
    m_rcptTo->setMaximumHeight(m_rcptTo->fontMetrics().lineSpacing() * 5);
    m_body = new QPlainTextEdit(page);
    m_body->setObjectName(QStringLiteral("bodyEdit"));
    m_body->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_body->setToolTip(tr("The RFC 5322 message sent after DATA; empty sends a generated test message."));
    Smtp::ClientOptions defaults;
    defaults.sender = m_mailFrom->text();
    defaults.recipients = nonEmptyLines(m_rcptTo->toPlainText());
    m_body->setPlainText(QString::fromUtf8(defaults.defaultMessage()).remove(QLatin1Char('\r')));

    auto *form = new QFormLayout(page);
    form->addRow(tr("EHLO:"), m_ehlo);
    form->addRow(tr("MAIL FROM:"), m_mailFrom);
    form->addRow(tr("RCPT TO:"), m_rcptTo);
    form->addRow(tr("Message:"), m_body);
    return page;
}

QWidget *CapturePanel::buildResultsTab()
{
    m_resultView = new QTableView(this);
    m_resultView->setObjectName(QStringLiteral("resultView"));
    m_resultView->setModel(m_model);
    m_resultView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_resultView->setWordWrap(false);
    m_resultView->verticalHeader()->setVisible(false);
    m_resultView->horizontalHeader()->setStretchLastSection(true);
    m_resultView->setToolTip(tr("Each recipient's deciding reply and what KumoMTA logs for it under the current rules."));
    return m_resultView;
}

void CapturePanel::loadBundledScenarios()
{
    const QStringList files = QDir(ScenarioFolder).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &fileName : files) {
        QFile file(ScenarioFolder + QLatin1Char('/') + fileName);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        BundledScenario s;
        s.fileName = fileName;
        const QByteArray bytes = file.readAll();
        s.text = QString::fromUtf8(bytes);
        const auto parsed = Sandbox::Scenario::parse(bytes, fileName);
        s.name = parsed ? parsed->name : QFileInfo(fileName).completeBaseName();
        s.description = parsed ? parsed->comment : parsed.error().toString();
        m_scenarios.append(s);
        m_scenarioCombo->addItem(s.name, s.fileName);
        m_scenarioCombo->setItemData(m_scenarioCombo->count() - 1, s.description, Qt::ToolTipRole);
    }
    if (!m_scenarios.isEmpty())
        onScenarioChosen(m_scenarioCombo->currentIndex());
}

void CapturePanel::onScenarioChosen(int index)
{
    if (index < 0 || index >= m_scenarios.size())
        return;
    const BundledScenario &s = m_scenarios.at(index);
    m_scenarioDescription->setText(s.description);
    m_scenarioDescription->setToolTip(s.description);
    m_scenarioEditor->setPlainText(s.text);
}

void CapturePanel::setEvaluatorConfig(const Eval::EvaluatorConfig &config)
{
    m_config = config;
    reevaluate();
}

void CapturePanel::setSecretStore(SecretStore *store)
{
    m_store = store ? store : static_cast<SecretStore *>(m_keychain);
}

SecretStore *CapturePanel::secretStore() const
{
    return m_store ? m_store.data() : m_keychain;
}

void CapturePanel::setTarget(Target target)
{
    m_targetCombo->setCurrentIndex(target == Target::Sandbox ? 0 : 1);
}

CapturePanel::Target CapturePanel::target() const
{
    return m_targetCombo->currentIndex() == 0 ? Target::Sandbox : Target::Staging;
}

QStringList CapturePanel::sandboxScenarioNames() const
{
    QStringList names;
    for (const BundledScenario &s : m_scenarios)
        names.append(s.name);
    return names;
}

bool CapturePanel::selectSandboxScenario(const QString &fileNameOrName)
{
    for (int i = 0; i < m_scenarios.size(); ++i) {
        const BundledScenario &s = m_scenarios.at(i);
        if (s.fileName == fileNameOrName || s.name == fileNameOrName
            || QFileInfo(s.fileName).completeBaseName() == fileNameOrName) {
            setTarget(Target::Sandbox);
            if (m_scenarioCombo->currentIndex() == i)
                onScenarioChosen(i); // brings back the file's text after edits
            else
                m_scenarioCombo->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

void CapturePanel::setScenarioText(const QString &text)
{
    m_scenarioEditor->setPlainText(text);
}

QString CapturePanel::scenarioText() const
{
    return m_scenarioEditor->toPlainText();
}

void CapturePanel::reloadProfiles(const QString &select)
{
    const QSignalBlocker blocker(m_profileCombo);
    m_profileCombo->clear();
    m_profileCombo->addItem(tr("(new profile)"), QString());
    for (const StagingProfile &p : std::as_const(m_profiles))
        m_profileCombo->addItem(p.name, p.name);
    const int index = select.isEmpty() ? 0 : m_profileCombo->findData(select);
    m_profileCombo->setCurrentIndex(qMax(0, index));
    m_deleteProfile->setEnabled(m_profileCombo->currentIndex() > 0);
}

void CapturePanel::onProfileChosen(int index)
{
    const QString name = m_profileCombo->itemData(index).toString();
    StagingProfile p;
    for (const StagingProfile &candidate : std::as_const(m_profiles)) {
        if (candidate.name == name)
            p = candidate;
    }
    m_profileName->setText(p.name);
    m_host->setText(p.host);
    m_port->setValue(p.port);
    m_tlsCombo->setCurrentIndex(qMax(0, m_tlsCombo->findData(int(p.tls))));
    m_untrusted->setChecked(p.acceptUntrustedCertificate);
    m_user->setText(p.user);
    // The stored password is fetched only when a capture needs it, so that browsing profiles
    // does not trigger keychain prompts.
    m_password->clear();
    m_deleteProfile->setEnabled(index > 0);
}

bool CapturePanel::selectStagingProfile(const QString &name)
{
    const int index = m_profileCombo->findData(name);
    if (name.isEmpty() || index < 0)
        return false;
    setTarget(Target::Staging);
    m_profileCombo->setCurrentIndex(index);
    onProfileChosen(index);
    return true;
}

StagingProfile CapturePanel::profileFromForm() const
{
    StagingProfile p;
    p.name = m_profileName->text().trimmed();
    p.host = m_host->text().trimmed();
    p.port = quint16(m_port->value());
    p.tls = Smtp::TlsMode(m_tlsCombo->currentData().toInt());
    p.acceptUntrustedCertificate = m_untrusted->isChecked();
    p.user = m_user->text().trimmed();
    return p;
}

bool CapturePanel::saveStagingProfile()
{
    const StagingProfile profile = profileFromForm();
    if (!profile.isValid()) {
        showMessage(tr("A profile needs a name and a host."), true);
        return false;
    }
    bool replaced = false;
    for (StagingProfile &p : m_profiles) {
        if (p.name == profile.name) {
            p = profile;
            replaced = true;
        }
    }
    if (!replaced)
        m_profiles.append(profile);
    QSettings settings;
    StagingProfile::saveAll(settings, m_profiles);
    settings.sync();
    m_profiles = StagingProfile::loadAll(settings);
    reloadProfiles(profile.name);

    const QString password = m_password->text();
    if (profile.user.isEmpty() || password.isEmpty()) {
        showMessage(tr("Profile \"%1\" saved.").arg(profile.name), false);
        return true;
    }
    SecretStore *store = secretStore();
    const QString key = profile.secretKey();
    store->writeSecret(key, password, this, [this, key, password, name = profile.name, store](const SecretStore::Reply &reply) {
        if (reply.ok()) {
            m_sessionSecrets->removeSecret(key, nullptr, {});
            showMessage(tr("Profile \"%1\" saved; its password is in the %2.").arg(name, store->displayName()), false);
            return;
        }
        m_sessionSecrets->setSecret(key, password);
        showMessage(tr("Profile \"%1\" saved, but the password could not be stored (%2): it is kept in memory for "
                       "this session only.")
                        .arg(name, reply.errorText),
                    true);
    });
    return true;
}

void CapturePanel::deleteStagingProfile(const QString &name)
{
    const auto removed = m_profiles.removeIf([&name](const StagingProfile &p) { return p.name == name; });
    if (name.isEmpty() || removed == 0)
        return;
    QSettings settings;
    StagingProfile::saveAll(settings, m_profiles);
    StagingProfile gone;
    gone.name = name;
    m_sessionSecrets->removeSecret(gone.secretKey(), nullptr, {});
    secretStore()->removeSecret(gone.secretKey(), this, [this, name](const SecretStore::Reply &reply) {
        if (reply.ok() || reply.status == SecretStore::Status::NotFound)
            showMessage(tr("Profile \"%1\" deleted.").arg(name), false);
        else
            showMessage(tr("Profile \"%1\" deleted; its stored password could not be removed (%2).")
                            .arg(name, reply.errorText),
                        true);
    });
    reloadProfiles(QString());
    onProfileChosen(0);
}

bool CapturePanel::fillMessageOptions(Smtp::ClientOptions &options)
{
    options.sender = m_mailFrom->text().trimmed();
    options.recipients = nonEmptyLines(m_rcptTo->toPlainText());
    if (options.sender.isEmpty() || options.recipients.isEmpty()) {
        showMessage(tr("Give a MAIL FROM address and at least one RCPT TO address."), true);
        return false;
    }
    options.heloName = m_ehlo->text().trimmed();
    options.message = m_body->toPlainText().toUtf8();
    options.profile = m_config.profile;
    return true;
}

bool CapturePanel::prepareSandbox(Smtp::ClientOptions &options)
{
    const QString text = m_scenarioEditor->toPlainText();
    const int index = m_scenarioCombo->currentIndex();
    const bool pristine = index >= 0 && index < m_scenarios.size() && m_scenarios.at(index).text == text;
    const QString sourceName = pristine ? m_scenarios.at(index).fileName : EditedScenarioName;
    const auto scenario = Sandbox::Scenario::parse(text.toUtf8(), sourceName);
    if (!scenario) {
        showMessage(tr("The scenario has an error: %1").arg(scenario.error().toString()), true);
        return false;
    }
    // The same server keeps running while the scenario is unchanged, so stateful rules
    // (greylisting, rate limits, quotas) see the retries of consecutive captures.
    if (!m_sandbox || m_sandboxText != text) {
        auto server = std::make_unique<Sandbox::SandboxServer>();
        if (auto problem = server->setScenario(*scenario)) {
            showMessage(tr("The scenario cannot be served: %1").arg(problem->toString()), true);
            return false;
        }
        if (!server->listen(QHostAddress(QHostAddress::LocalHost), 0)) {
            showMessage(tr("The sandbox cannot listen on 127.0.0.1: %1").arg(server->errorString()), true);
            return false;
        }
        m_sandbox = std::move(server);
        m_sandboxText = text;
    }
    options.host = QStringLiteral("127.0.0.1");
    options.port = m_sandbox->serverPort();
    options.tls = Smtp::TlsMode::Opportunistic;
    // The sandbox's certificate, when a scenario has one, is always a self-signed test one.
    options.acceptUntrustedCertificate = true;
    m_targetLabel = tr("sandbox scenario %1").arg(scenario->name);
    return true;
}

bool CapturePanel::startCapture()
{
    if (m_running) {
        showMessage(tr("A capture is already running."), true);
        return false;
    }
    Smtp::ClientOptions options;
    if (!fillMessageOptions(options))
        return false;
    if (target() == Target::Sandbox) {
        if (!prepareSandbox(options))
            return false;
        beginRun(m_targetLabel);
        launchClient(options);
        return true;
    }
    const StagingProfile profile = profileFromForm();
    if (profile.host.isEmpty()) {
        showMessage(tr("Give the staging server's host."), true);
        return false;
    }
    options.host = profile.host;
    options.port = profile.port;
    options.tls = profile.tls;
    options.acceptUntrustedCertificate = profile.acceptUntrustedCertificate;
    options.authUser = profile.user;
    const QString name = profile.name.isEmpty() ? tr("unsaved profile") : profile.name;
    beginRun(tr("staging %1 (%2:%3)").arg(name, profile.host).arg(profile.port));
    startStaging(options, profile);
    return true;
}

void CapturePanel::startStaging(Smtp::ClientOptions options, const StagingProfile &profile)
{
    if (options.authUser.isEmpty() || !m_password->text().isEmpty()) {
        options.authPassword = m_password->text();
        launchClient(options);
        return;
    }
    const QString key = profile.secretKey();
    if (m_sessionSecrets->contains(key)) {
        options.authPassword = m_sessionSecrets->secret(key);
        launchClient(options);
        return;
    }
    showMessage(tr("Reading the password from the %1…").arg(secretStore()->displayName()), false);
    const quint64 generation = m_runGeneration;
    secretStore()->readSecret(key, this, [this, generation, options](const SecretStore::Reply &reply) mutable {
        if (generation != m_runGeneration || !m_running)
            return; // cancelled meanwhile
        if (!reply.ok()) {
            const QString why = reply.status == SecretStore::Status::NotFound
                ? tr("no password is stored for this profile")
                : reply.errorText;
            finishRun(false, tr("No password for %1 (%2): type it in the Password field.").arg(options.authUser, why));
            return;
        }
        options.authPassword = reply.secret;
        launchClient(options);
    });
}

void CapturePanel::beginRun(const QString &targetLabel)
{
    ++m_runGeneration;
    ++m_evalGeneration;
    m_running = true;
    m_targetLabel = targetLabel;
    m_startedAt = QDateTime::currentDateTimeUtc();
    m_entries.clear();
    m_runError.clear();
    m_transcript->clear();
    m_model->clear();
    m_tabs->setCurrentWidget(m_transcript);
    showMessage(tr("Capturing from %1…").arg(targetLabel), false);
    updateButtons();
    Q_EMIT captureStarted();
}

void CapturePanel::launchClient(const Smtp::ClientOptions &options)
{
    if (!m_client->start(options))
        finishRun(false, tr("The SMTP client is still busy with the previous run."));
}

void CapturePanel::finishRun(bool ok, const QString &message)
{
    m_running = false;
    ++m_runGeneration;
    showMessage(message, !ok);
    updateButtons();
    Q_EMIT captureFinished(ok, message);
}

void CapturePanel::cancelCapture()
{
    if (!m_running)
        return;
    if (m_client->isRunning()) {
        // The client reports the abort through finished(), which ends the run as usual.
        m_client->abort();
        return;
    }
    finishRun(false, tr("Capture cancelled."));
}

void CapturePanel::onClientFinished(const Smtp::TransactionResult &result)
{
    if (!m_running)
        return;
    m_model->setRun(result);
    if (!result.error.isEmpty()) {
        m_runError = result.error;
        appendTranscriptLine(result.error, errorColour());
    }
    reevaluate();
    m_tabs->setCurrentWidget(m_resultView);
    const int rejections = m_model->rejectionCount();
    const QString message = result.ok()
        ? tr("Capture finished in %1 ms: %2 recipient(s), %3 rejected.")
              .arg(result.durationMs)
              .arg(result.recipients.size())
              .arg(rejections)
        : tr("Capture failed at %1: %2").arg(smtpPhaseName(result.errorPhase), result.error);
    finishRun(result.ok(), message);
}

void CapturePanel::reevaluate()
{
    const quint64 generation = ++m_evalGeneration;
    if (m_model->rowCount() == 0)
        return;
    // Building an evaluator compiles every rule's regex: that belongs on the thread pool.
    QtConcurrent::run(&evaluateRun, m_model->run(), m_config).then(this, [this, generation](const EvalBatch &batch) {
        if (generation != m_evalGeneration)
            return; // a newer run or config has superseded this one
        m_model->setOutcomes(batch.outcomes);
        if (!batch.loadError.isEmpty())
            showMessage(tr("The policy did not load, replies are shown unchanged: %1").arg(batch.loadError), true);
        m_resultView->resizeColumnsToContents();
        updateButtons();
        Q_EMIT outcomesEvaluated();
    });
}

void CapturePanel::addToSamples()
{
    const QString note = tr("captured from %1 %2").arg(m_targetLabel, m_startedAt.toString(Qt::ISODate));
    const QList<Project::Sample> samples = m_model->rejectionSamples(note);
    if (samples.isEmpty())
        return;
    Q_EMIT samplesCaptured(samples);
    showMessage(tr("%n sample(s) added.", nullptr, int(samples.size())), false);
}

QString CapturePanel::transcriptText() const
{
    return m_transcript->toPlainText();
}

QString CapturePanel::messageText() const
{
    return m_message->text();
}

void CapturePanel::appendTranscript(const Smtp::TranscriptEntry &entry)
{
    m_entries.append(entry);
    const QString text = QStringLiteral("[%1 ms] %2 %3 %4")
                             .arg(entry.ms, 6)
                             .arg(smtpPhaseName(entry.phase), -10)
                             .arg(Smtp::TranscriptEntry::directionMarker(entry.direction), entry.text);
    appendTranscriptLine(text, directionColour(entry.direction));
}

void CapturePanel::appendTranscriptLine(const QString &text, const QColor &colour)
{
    QTextCharFormat format;
    format.setForeground(colour);
    QTextCursor cursor(m_transcript->document());
    cursor.movePosition(QTextCursor::End);
    if (!m_transcript->document()->isEmpty())
        cursor.insertBlock();
    cursor.insertText(text, format);
    QScrollBar *bar = m_transcript->verticalScrollBar();
    bar->setValue(bar->maximum());
}

void CapturePanel::rerenderTranscript()
{
    const QList<Smtp::TranscriptEntry> entries = std::exchange(m_entries, {});
    m_transcript->clear();
    for (const Smtp::TranscriptEntry &entry : entries)
        appendTranscript(entry);
    if (!m_runError.isEmpty())
        appendTranscriptLine(m_runError, errorColour());
}

QColor CapturePanel::directionColour(Smtp::TranscriptEntry::Direction direction) const
{
    // Fixed hues keep client and server apart at a glance; the lightness follows the palette so
    // both stay readable on light and dark themes.
    const bool dark = isDark(palette());
    switch (direction) {
    case Smtp::TranscriptEntry::Direction::Sent:
        return dark ? QColor(0x8a, 0xb4, 0xf8) : QColor(0x1a, 0x4f, 0xa0);
    case Smtp::TranscriptEntry::Direction::Received:
        return dark ? QColor(0x81, 0xc9, 0x95) : QColor(0x1e, 0x6b, 0x30);
    case Smtp::TranscriptEntry::Direction::Info:
        break;
    }
    return palette().color(QPalette::Disabled, QPalette::Text);
}

QColor CapturePanel::errorColour() const
{
    return isDark(palette()) ? QColor(0xf2, 0x8b, 0x82) : QColor(0xb3, 0x26, 0x1e);
}

void CapturePanel::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    QPalette p = m_message->palette();
    p.setColor(QPalette::WindowText, error ? errorColour() : palette().color(QPalette::WindowText));
    m_message->setPalette(p);
}

void CapturePanel::updateButtons()
{
    m_captureButton->setEnabled(!m_running);
    m_stopButton->setEnabled(m_running);
    m_samplesButton->setEnabled(!m_running && m_model->rejectionCount() > 0);
    m_targetCombo->setEnabled(!m_running);
}

void CapturePanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_transcript)
        rerenderTranscript();
}

} // namespace Dsn::Capture
