// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "MainWindow.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QComboBox>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSaveFile>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>

#include "AutosaveManager.h"
#include "CapturePanel.h"
#include "ClassifierFilesDialog.h"
#include "CodeEditor.h"
#include "DiagnosticsModel.h"
#include "EditorPane.h"
#include "EvaluationController.h"
#include "ProblemsPanel.h"
#include "QuickTourDialog.h"
#include "ReplayPanel.h"
#include "RuleCommand.h"
#include "SampleCommand.h"
#include "RuleTableModel.h"
#include "RulesPanel.h"
#include "SampleDetailPane.h"
#include "SampleTableModel.h"
#include "SamplesPanel.h"
#include "Appearance.h"
#include "WorkbenchDocument.h"
#include "eval/ClassificationLint.h"
#include "project/SampleImporter.h"
#include "rules/RegexRule.h"

namespace Dsn::Workbench {

namespace {

constexpr int MaxRecentFiles = 8;
const QString RulesOrigin = QStringLiteral("rules");
const QString PolicyOrigin = QStringLiteral("policy");
const QString TableOrigin = QStringLiteral("table");
const QString ImportOrigin = QStringLiteral("import");
const QString ClassificationOrigin = QStringLiteral("classification");

QString projectFilter()
{
    return MainWindow::tr("DSN Workbench projects (*.dsnwb);;All files (*)");
}

/// The rules a JSON table edit produces: entries in the new order, each keeping the note of an
/// existing rule with the same pattern. Disabled rules (not part of the table) stay right after
/// the enabled rule they followed, or at the top when none did.
QList<Project::ProjectRule> mergeTable(const QList<Project::ProjectRule> &current, const QList<Rules::RegexRule> &table)
{
    QHash<QString, QString> notes;
    for (const Project::ProjectRule &r : current) {
        if (!r.note.isEmpty() && !notes.contains(r.pattern))
            notes.insert(r.pattern, r.note);
    }
    QList<Project::ProjectRule> merged;
    for (const Rules::RegexRule &t : table)
        merged.append(Project::ProjectRule{t.pattern, t.value, notes.value(t.pattern), true});
    QString previousEnabled;
    bool seenEnabled = false;
    int insertedAtTop = 0;
    for (const Project::ProjectRule &r : current) {
        if (r.enabled) {
            previousEnabled = r.pattern;
            seenEnabled = true;
            continue;
        }
        qsizetype at = insertedAtTop;
        if (seenEnabled) {
            at = merged.size();
            for (qsizetype i = 0; i < merged.size(); ++i) {
                if (merged.at(i).enabled && merged.at(i).pattern == previousEnabled) {
                    at = i + 1;
                    while (at < merged.size() && !merged.at(at).enabled)
                        ++at;
                    break;
                }
            }
        } else {
            ++insertedAtTop;
        }
        merged.insert(at, r);
    }
    return merged;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_doc(new WorkbenchDocument(this))
    , m_controller(new Controllers::EvaluationController(this))
    , m_diagnostics(new Models::DiagnosticsModel(this))
    , m_autosave(new AutosaveManager(this))
    , m_classifierWatcher(new QFileSystemWatcher(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    setDockNestingEnabled(true);
    createPanels();
    createActions();
    createMenus();
    createToolBar();
    createStatusBar();
    connectDocument();

    m_autosave->setSource([this] { return m_doc->project(); }, [this] { return m_doc->filePath(); },
                          [this] { return m_doc->isModified(); });

    QSettings settings;
    resize(1400, 860);
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    rebuildRecentMenu();
    onProjectReplaced();
    onConfigChanged();
    onSamplesChanged();
    updateTitle();
}

MainWindow::~MainWindow() = default;

QDockWidget *MainWindow::addDock(QWidget *widget, const QString &title, const QString &objectName,
                                 Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(widget);
    dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
                      | QDockWidget::DockWidgetFloatable);
    addDockWidget(area, dock);
    return dock;
}

void MainWindow::createPanels()
{
    m_samplesPanel = new SamplesPanel(m_doc->samples(), m_doc->undoStack(), this);
    // Replay is a view of its own, as large as the samples: charts and a matrix need the room.
    m_replay = new Gui::ReplayPanel(this);
    m_replay->setObjectName(QStringLiteral("replayPanel"));
    m_replay->setConfigProvider([this] { return m_doc->evaluatorConfig(); });
    m_replay->setRuleNumbering([this](int tableIndex) {
        const int row = m_doc->rules()->rowForTableIndex(tableIndex);
        return row < 0 ? tableIndex + 1 : row + 1;
    });
    m_centralTabs = new QTabWidget(this);
    m_centralTabs->setObjectName(QStringLiteral("centralTabs"));
    m_centralTabs->setDocumentMode(true);
    m_centralTabs->addTab(m_samplesPanel, tr("Samples"));
    m_centralTabs->addTab(m_replay, tr("Log Replay"));
    m_centralTabs->setTabToolTip(0, tr("The project's samples and their outcomes under the current rules"));
    m_centralTabs->setTabToolTip(1, tr("What the current rules would have changed in KumoMTA log files"));
    setCentralWidget(m_centralTabs);

    m_rulesPanel = new RulesPanel(m_doc->rules(), m_doc->undoStack(), this);
    m_jsonPane = new Editors::EditorPane(Editors::CodeEditor::Language::Json, this);
    m_jsonPane->setObjectName(QStringLiteral("jsonPane"));
    m_jsonPane->editor()->setToolTip(tr("The table KumoMTA loads, exactly as Export writes it. Edits here "
                                        "update the rules after a pause."));
    m_policyPane = new Editors::EditorPane(Editors::CodeEditor::Language::Lua, this);
    m_policyPane->setObjectName(QStringLiteral("policyPane"));
    m_detail = new SampleDetailPane(this);
    m_problems = new ProblemsPanel(m_diagnostics, this);
    m_capture = new Capture::CapturePanel(this);

    QDockWidget *rules = addDock(m_rulesPanel, tr("Rules"), QStringLiteral("rulesDock"), Qt::LeftDockWidgetArea);
    QDockWidget *json = addDock(m_jsonPane, tr("KumoMTA Table"), QStringLiteral("jsonDock"), Qt::LeftDockWidgetArea);
    QDockWidget *policy = addDock(m_policyPane, tr("Lua Policy"), QStringLiteral("policyDock"), Qt::LeftDockWidgetArea);
    QDockWidget *detail = addDock(m_detail, tr("Sample Details"), QStringLiteral("detailDock"), Qt::RightDockWidgetArea);
    QDockWidget *capture = addDock(m_capture, tr("Capture"), QStringLiteral("captureDock"), Qt::RightDockWidgetArea);
    QDockWidget *problems = addDock(m_problems, tr("Problems"), QStringLiteral("problemsDock"), Qt::BottomDockWidgetArea);
    tabifyDockWidget(json, policy);
    tabifyDockWidget(detail, capture);
    detail->raise();
    policy->raise();
    resizeDocks({rules, policy}, {300, 440}, Qt::Vertical);
    resizeDocks({rules, detail}, {470, 380}, Qt::Horizontal);
    resizeDocks({problems}, {120}, Qt::Vertical);
}

QAction *MainWindow::action(const QString &objectName) const
{
    return findChild<QAction *>(objectName);
}

void MainWindow::createActions()
{
    auto make = [this](const QString &name, const QString &text, const QString &icon, const QKeySequence &key,
                       const QString &tip, auto slot) {
        auto *a = new QAction(QIcon::fromTheme(icon), text, this);
        a->setObjectName(name);
        if (!key.isEmpty()) {
            a->setShortcut(key);
            a->setToolTip(QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        } else {
            a->setToolTip(tip);
        }
        a->setStatusTip(tip);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };
    make(QStringLiteral("actionNew"), tr("&New Project"), QStringLiteral("document-new"), QKeySequence::New,
         tr("Start an empty project"), &MainWindow::newProject);
    make(QStringLiteral("actionOpen"), tr("&Open…"), QStringLiteral("document-open"), QKeySequence::Open,
         tr("Open a project"), &MainWindow::openDialog);
    make(QStringLiteral("actionOpenExample"), tr("Open &Example Project"), QStringLiteral("help-contents"),
         QKeySequence(), tr("Open the example project that comes with the workbench"), [this] {
             if (maybeSave())
                 openBundledExample();
         });
    make(QStringLiteral("actionSave"), tr("&Save"), QStringLiteral("document-save"), QKeySequence::Save,
         tr("Save the project"), &MainWindow::saveProject);
    make(QStringLiteral("actionSaveAs"), tr("Save &As…"), QStringLiteral("document-save-as"), QKeySequence::SaveAs,
         tr("Save the project under a new name"), &MainWindow::saveAsDialog);
    make(QStringLiteral("actionExportTable"), tr("Export KumoMTA &Table…"), QStringLiteral("document-export"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), tr("Write the JSON table KumoMTA loads"),
         &MainWindow::exportTableDialog);
    make(QStringLiteral("actionExportPolicy"), tr("Export &Lua Policy…"), QStringLiteral("text-x-script"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), tr("Write the Lua policy to a file"),
         &MainWindow::exportPolicyDialog);
    make(QStringLiteral("actionImport"), tr("&Import Samples…"), QStringLiteral("document-import"),
         QKeySequence(Qt::CTRL | Qt::Key_I),
         tr("Add samples from a corpus, transcript or KumoMTA log file"), &MainWindow::importDialog);
    make(QStringLiteral("actionPasteSamples"), tr("&Paste Samples"), QStringLiteral("edit-paste"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V),
         tr("Add the clipboard's replies, transcript or log records as samples"), &MainWindow::pasteSamples);
    make(QStringLiteral("actionClassifierFiles"), tr("Bounce &Classifier Files…"), QStringLiteral("view-list-details"),
         QKeySequence(), tr("Attach kumo.configure_bounce_classifier rule files to the project"),
         &MainWindow::classifierFilesDialog);
    make(QStringLiteral("actionReplay"), tr("Replay &Logs…"), QStringLiteral("media-playback-start"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
         tr("Replay KumoMTA log files through the current rules and see what would change"), [this] {
             m_centralTabs->setCurrentWidget(m_replay);
             m_replay->setFocus();
         });
    make(QStringLiteral("actionShowSamples"), tr("&Samples"), QStringLiteral("view-list-details"),
         QKeySequence(Qt::CTRL | Qt::Key_1), tr("Show the samples and their outcomes"),
         [this] { m_centralTabs->setCurrentWidget(m_samplesPanel); });
    make(QStringLiteral("actionQuit"), tr("&Quit"), QStringLiteral("application-exit"), QKeySequence::Quit,
         tr("Quit the workbench"), &QWidget::close);
    make(QStringLiteral("actionReevaluate"), tr("&Re-evaluate All"), QStringLiteral("view-refresh"),
         QKeySequence(Qt::Key_F5), tr("Evaluate every sample again now"), [this] { m_controller->evaluateNow(); });
    make(QStringLiteral("actionQuickTour"), tr("&Quick Tour"), QStringLiteral("help-contents"),
         QKeySequence::HelpContents, tr("A one-minute tour of the panels"), &MainWindow::showQuickTour);
    make(QStringLiteral("actionAbout"), tr("&About DSN Workbench"), QStringLiteral("help-about"), QKeySequence(),
         tr("Version and licence"), &MainWindow::showAbout);

    QAction *undo = m_doc->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("actionUndo"));
    undo->setIcon(QIcon::fromTheme(QStringLiteral("edit-undo")));
    undo->setShortcut(QKeySequence::Undo);
    // Editors keep their own undo while they have focus; this one is for tables and samples.
    undo->setShortcutContext(Qt::WindowShortcut);
    QAction *redo = m_doc->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("actionRedo"));
    redo->setIcon(QIcon::fromTheme(QStringLiteral("edit-redo")));
    redo->setShortcut(QKeySequence::Redo);
    addAction(undo);
    addAction(redo);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(action(QStringLiteral("actionNew")));
    file->addAction(action(QStringLiteral("actionOpen")));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addAction(action(QStringLiteral("actionOpenExample")));
    file->addSeparator();
    file->addAction(action(QStringLiteral("actionSave")));
    file->addAction(action(QStringLiteral("actionSaveAs")));
    file->addSeparator();
    file->addAction(action(QStringLiteral("actionImport")));
    file->addAction(action(QStringLiteral("actionExportTable")));
    file->addAction(action(QStringLiteral("actionExportPolicy")));
    file->addSeparator();
    file->addAction(action(QStringLiteral("actionReplay")));
    file->addSeparator();
    file->addAction(action(QStringLiteral("actionQuit")));

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(action(QStringLiteral("actionUndo")));
    edit->addAction(action(QStringLiteral("actionRedo")));
    edit->addSeparator();
    edit->addAction(action(QStringLiteral("actionPasteSamples")));
    edit->addAction(m_samplesPanel->expectCurrentAction());
    edit->addAction(m_samplesPanel->deleteAction());
    edit->addSeparator();
    QMenu *rules = edit->addMenu(tr("R&ules"));
    rules->addAction(m_rulesPanel->addRuleAction());
    rules->addAction(m_rulesPanel->duplicateRuleAction());
    rules->addAction(m_rulesPanel->deleteRuleAction());
    rules->addAction(m_rulesPanel->moveUpAction());
    rules->addAction(m_rulesPanel->moveDownAction());
    edit->addAction(action(QStringLiteral("actionClassifierFiles")));
    edit->addSeparator();
    edit->addAction(m_policyPane->findAction());
    edit->addAction(m_policyPane->replaceAction());
    edit->addAction(m_policyPane->findNextAction());
    edit->addAction(m_policyPane->findPreviousAction());

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *dock : findChildren<QDockWidget *>()) {
        QAction *toggle = dock->toggleViewAction();
        toggle->setObjectName(dock->objectName() + QStringLiteral("Toggle"));
        m_viewMenu->addAction(toggle);
    }
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(action(QStringLiteral("actionShowSamples")));
    m_viewMenu->addAction(action(QStringLiteral("actionReplay")));
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(action(QStringLiteral("actionReevaluate")));
    QMenu *theme = m_viewMenu->addMenu(tr("&Theme"));
    auto *themes = new QActionGroup(this);
    const QString current = QSettings().value(QStringLiteral("appearance/theme"), QStringLiteral("system")).toString();
    const std::pair<QString, QString> entries[] = {{QStringLiteral("system"), tr("&System")},
                                                   {QStringLiteral("light"), tr("&Light")},
                                                   {QStringLiteral("dark"), tr("&Dark")}};
    for (const auto &[id, text] : entries) {
        QAction *a = theme->addAction(text, this, [this, id] { setTheme(id); });
        a->setObjectName(QStringLiteral("actionTheme_") + id);
        a->setCheckable(true);
        a->setChecked(id == current);
        themes->addAction(a);
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(action(QStringLiteral("actionQuickTour")));
    help->addAction(action(QStringLiteral("actionAbout")));
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(action(QStringLiteral("actionOpen")));
    bar->addAction(action(QStringLiteral("actionSave")));
    bar->addSeparator();
    bar->addAction(action(QStringLiteral("actionUndo")));
    bar->addAction(action(QStringLiteral("actionRedo")));
    bar->addSeparator();
    bar->addAction(action(QStringLiteral("actionPasteSamples")));
    bar->addAction(action(QStringLiteral("actionExportTable")));
    bar->addSeparator();

    auto *profileLabel = new QLabel(tr("Profile:"), bar);
    profileLabel->setContentsMargins(6, 0, 4, 0);
    bar->addWidget(profileLabel);
    m_profileCombo = new QComboBox(bar);
    m_profileCombo->setObjectName(QStringLiteral("profileCombo"));
    m_profileCombo->addItem(tr("documented"), int(CompatProfile::Documented));
    m_profileCombo->addItem(tr("2026.06"), int(CompatProfile::V2026_06));
    m_profileCombo->setToolTip(tr("Which KumoMTA behaviour to emulate: the documented one, or release 2026.06 "
                                  "(Ctrl+P switches)"));
    profileLabel->setBuddy(m_profileCombo);
    bar->addWidget(m_profileCombo);
    connect(m_profileCombo, &QComboBox::activated, this, [this](int index) {
        m_doc->setProfile(CompatProfile(m_profileCombo->itemData(index).toInt()));
    });
    auto *toggleProfile = new QAction(this);
    toggleProfile->setObjectName(QStringLiteral("actionToggleProfile"));
    toggleProfile->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    connect(toggleProfile, &QAction::triggered, this, [this] {
        m_doc->setProfile(m_doc->profile() == CompatProfile::Documented ? CompatProfile::V2026_06
                                                                       : CompatProfile::Documented);
    });
    addAction(toggleProfile);

    auto *queueLabel = new QLabel(tr("Default queue:"), bar);
    queueLabel->setContentsMargins(10, 0, 4, 0);
    bar->addWidget(queueLabel);
    m_queueEdit = new QLineEdit(bar);
    m_queueEdit->setObjectName(QStringLiteral("queueEdit"));
    m_queueEdit->setMaximumWidth(260);
    m_queueEdit->setPlaceholderText(QStringLiteral("campaign:tenant@domain"));
    m_queueEdit->setToolTip(tr("The queue name of samples that have none; the handler receives its domain, "
                               "tenant, campaign and routing domain"));
    queueLabel->setBuddy(m_queueEdit);
    bar->addWidget(m_queueEdit);
    auto *queueTimer = new QTimer(this);
    queueTimer->setSingleShot(true);
    queueTimer->setInterval(300);
    connect(m_queueEdit, &QLineEdit::textEdited, queueTimer, qOverload<>(&QTimer::start));
    connect(queueTimer, &QTimer::timeout, this, [this] { m_doc->setDefaultQueue(m_queueEdit->text().trimmed()); });
    connect(m_queueEdit, &QLineEdit::editingFinished, this,
            [this] { m_doc->setDefaultQueue(m_queueEdit->text().trimmed()); });
}

void MainWindow::createStatusBar()
{
    m_evalLabel = new QLabel(this);
    m_evalLabel->setObjectName(QStringLiteral("evalStatus"));
    m_problemLabel = new QLabel(this);
    m_problemLabel->setObjectName(QStringLiteral("problemStatus"));
    m_expectationLabel = new QLabel(this);
    m_expectationLabel->setObjectName(QStringLiteral("expectationStatus"));
    m_expectationLabel->setToolTip(tr("Samples whose expected outcome holds / does not hold; the same count as "
                                      "dsn-workbench-cli test"));
    statusBar()->addPermanentWidget(m_evalLabel);
    statusBar()->addPermanentWidget(m_problemLabel);
    statusBar()->addPermanentWidget(m_expectationLabel);
}

void MainWindow::connectDocument()
{
    connect(m_doc, &WorkbenchDocument::configChanged, this, &MainWindow::onConfigChanged);
    connect(m_doc, &WorkbenchDocument::samplesChanged, this, &MainWindow::onSamplesChanged);
    connect(m_doc, &WorkbenchDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_doc, &WorkbenchDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_doc, &WorkbenchDocument::projectReplaced, this, &MainWindow::onProjectReplaced);
    connect(m_doc, &WorkbenchDocument::profileChanged, this, [this](CompatProfile p) {
        m_profileCombo->setCurrentIndex(m_profileCombo->findData(int(p)));
    });

    Models::RuleTableModel *rules = m_doc->rules();
    connect(rules, &Models::RuleTableModel::rulesChanged, this, &MainWindow::onRulesChanged);
    connect(rules, &Models::RuleTableModel::diagnosticsChanged, this, &MainWindow::publishRuleDiagnostics);

    connect(m_controller, &Controllers::EvaluationController::started, this, &MainWindow::onEvaluationStarted);
    connect(m_controller, &Controllers::EvaluationController::resultsReady, m_doc->samples(),
            qOverload<quint64, int, const QList<Eval::EvalResult> &>(&Models::SampleTableModel::setResults));
    connect(m_controller, &Controllers::EvaluationController::finished, this, &MainWindow::onEvaluationFinished);
    connect(m_controller, &Controllers::EvaluationController::policyDiagnostics, this,
            &MainWindow::onPolicyDiagnostics);
    connect(m_controller, &Controllers::EvaluationController::busyChanged, this, &MainWindow::updateStatus);
    connect(m_doc->samples(), &Models::SampleTableModel::resultsApplied, this,
            [this](quint64, int first, int count) {
                if (m_currentSample >= first && m_currentSample < first + count)
                    showCurrentSample();
            });
    connect(m_doc->samples(), &Models::SampleTableModel::pendingDrained, this, [this] {
        updateExpectationCounter();
        updateStatus();
    });
    connect(m_doc->samples(), &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &tl, const QModelIndex &br) {
        if (m_currentSample >= tl.row() && m_currentSample <= br.row())
            showCurrentSample();
    });

    connect(m_samplesPanel, &SamplesPanel::currentSampleChanged, this, [this](int row) {
        m_currentSample = row;
        showCurrentSample();
    });
    connect(m_problems, &ProblemsPanel::locationActivated, this, &MainWindow::goTo);
    connect(m_diagnostics, &Models::DiagnosticsModel::countsChanged, this, &MainWindow::updateStatus);

    connect(m_jsonPane->editor(), &Editors::CodeEditor::editPaused, this, &MainWindow::onJsonEditPaused);
    connect(m_policyPane->editor(), &Editors::CodeEditor::userEdited, this, [this] {
        m_policyPending = true;
        updateStatus();
    });
    connect(m_policyPane->editor(), &Editors::CodeEditor::editPaused, this, &MainWindow::onPolicyEditPaused);

    connect(m_replay, &Gui::ReplayPanel::addSampleRequested, this, [this](const QString &response, const QString &queue) {
        Project::Sample s;
        s.response = response;
        s.queue = queue;
        s.note = tr("from log replay");
        addSamples({s}, tr("Add replayed reply"));
        statusBar()->showMessage(tr("Added to the samples: %1").arg(response.left(80)), 5000);
    });
    connect(m_classifierWatcher, &QFileSystemWatcher::fileChanged, this, [this](const QString &path) {
        // Editors that save by replacing the file drop it from the watch list; watch it again.
        if (!m_classifierWatcher->files().contains(path) && QFileInfo::exists(path))
            m_classifierWatcher->addPath(path);
        onConfigChanged();
    });
    connect(m_capture, &Capture::CapturePanel::samplesCaptured, this,
            [this](const QList<Project::Sample> &samples) { addSamples(samples, tr("Add captured samples")); });
}

void MainWindow::onProjectReplaced()
{
    m_policyPane->editor()->setText(m_doc->effectivePolicySource());
    m_policyPending = false;
    m_jsonHasError = false;
    m_jsonPane->editor()->setText(QString::fromUtf8(m_doc->project().kumoTableJson()));
    m_jsonPane->editor()->clearDiagnostics();
    m_diagnostics->setDiagnostics(TableOrigin, {});
    m_diagnostics->setDiagnostics(ImportOrigin, {});
    publishRuleDiagnostics();
    m_queueEdit->setText(m_doc->defaultQueue());
    m_profileCombo->setCurrentIndex(m_profileCombo->findData(int(m_doc->profile())));
    m_currentSample = -1;
    m_detail->clear();
    updateTitle();
}

void MainWindow::publishRuleDiagnostics()
{
    QList<Diagnostic> diagnostics = m_doc->rules()->allDiagnostics();
    for (Diagnostic &d : diagnostics) {
        if (d.source.isEmpty())
            d.source = tr("Rules");
    }
    m_diagnostics->setDiagnostics(RulesOrigin, diagnostics);
}

void MainWindow::onConfigChanged()
{
    const Eval::EvaluatorConfig config = m_doc->evaluatorConfig();
    m_replay->markStale();
    QStringList wanted;
    for (const QString &path : config.classifierFiles) {
        if (QFileInfo::exists(path))
            wanted.append(path);
    }
    if (const QStringList watched = m_classifierWatcher->files(); watched != wanted) {
        if (!watched.isEmpty())
            m_classifierWatcher->removePaths(watched);
        if (!wanted.isEmpty())
            m_classifierWatcher->addPaths(wanted);
    }
    m_evaluationPending = true;
    m_controller->setConfig(config);
    m_capture->setEvaluatorConfig(config);
    updateStatus();
}

void MainWindow::onSamplesChanged()
{
    m_evaluationPending = true;
    m_controller->setSamples(m_doc->evaluationInputs());
    updateStatus();
}

void MainWindow::onEvaluationStarted(quint64 generation)
{
    // Marks every shown outcome as stale until its new result lands.
    m_doc->samples()->setResults(generation, -1, {});
    updateStatus();
}

void MainWindow::onEvaluationFinished(quint64 generation, const Eval::OutcomeSummary &summary)
{
    Models::SampleTableModel *samples = m_doc->samples();
    if (generation != m_controller->currentGeneration())
        return;
    m_evaluationPending = false;
    samples->flush();
    QList<const Eval::EvalResult *> results;
    results.reserve(samples->rowCount());
    QList<Diagnostic> lost;
    for (int row = 0; row < samples->rowCount(); ++row) {
        results.append(samples->result(row));
        if (results.last()) {
            if (auto d = Eval::ClassificationLint::check(*results.last(), row + 1)) {
                // The lint names the KumoMTA table's index; Problems jumps to project rows.
                if (d->ruleIndex >= 0)
                    d->ruleIndex = m_doc->rules()->rowForTableIndex(d->ruleIndex);
                lost.append(*d);
            }
        }
    }
    Models::RuleTableModel *rules = m_doc->rules();
    rules->setMatchCounts(rules->countMatches(results));
    // Samples whose rewrite costs them their bounce class, next to the other problems.
    m_diagnostics->setDiagnostics(ClassificationOrigin, lost);
    // flush() ended in pendingDrained, which already refreshed the counter and the status.
    m_samplesPanel->setSummary(summary);
}

void MainWindow::classifierFilesDialog()
{
    ClassifierFilesDialog dialog(
        m_doc->classifierFiles(),
        [this](const QString &stored) { return m_doc->classifierPath(stored); },
        [this](const QString &absolute) { return m_doc->storedClassifierPath(absolute); }, this);
    if (dialog.exec() == QDialog::Accepted)
        m_doc->setClassifierFiles(dialog.files());
}

void MainWindow::onPolicyDiagnostics(const QList<Diagnostic> &diagnostics)
{
    m_diagnostics->setDiagnostics(PolicyOrigin, diagnostics);
    QList<Diagnostic> onLines;
    for (const Diagnostic &d : diagnostics) {
        if (d.line > 0)
            onLines.append(d);
    }
    m_policyPane->editor()->setDiagnostics(onLines);
}

void MainWindow::onRulesChanged()
{
    if (m_syncingFromJson)
        return;
    m_jsonPane->editor()->setTextKeepingView(QString::fromUtf8(m_doc->project().kumoTableJson()));
    m_jsonPane->editor()->clearDiagnostics();
    m_jsonHasError = false;
    m_diagnostics->setDiagnostics(TableOrigin, {});
}

void MainWindow::onJsonEditPaused()
{
    const QString text = m_jsonPane->editor()->text();
    Result<QList<Rules::RegexRule>> parsed = Rules::RegexRule::listFromJson(text.toUtf8(), tr("KumoMTA table"));
    if (!parsed) {
        Diagnostic d = parsed.error();
        m_jsonHasError = true;
        m_diagnostics->setDiagnostics(TableOrigin, {d});
        m_jsonPane->editor()->setDiagnostics({d});
        updateStatus();
        return;
    }
    m_jsonHasError = false;
    m_diagnostics->setDiagnostics(TableOrigin, {});
    m_jsonPane->editor()->clearDiagnostics();
    const QList<Project::ProjectRule> merged = mergeTable(m_doc->rules()->rules(), parsed.value());
    if (merged == m_doc->rules()->rules())
        return;
    m_syncingFromJson = true;
    m_doc->undoStack()->push(RuleCommand::replaceAll(m_doc->rules(), merged, tr("Edit KumoMTA table")));
    m_syncingFromJson = false;
}

void MainWindow::onPolicyEditPaused()
{
    m_policyPending = false;
    m_doc->setPolicySource(m_policyPane->editor()->text());
    updateStatus();
}

void MainWindow::goTo(const Models::DiagnosticLocation &location)
{
    auto raise = [this](const QString &dockName) {
        if (auto *dock = findChild<QDockWidget *>(dockName)) {
            dock->show();
            dock->raise();
        }
    };
    if (location.ruleIndex >= 0 && location.source != TableOrigin) {
        raise(QStringLiteral("rulesDock"));
        m_rulesPanel->showRule(location.ruleIndex, location.position);
        return;
    }
    const Models::DiagnosticLocation &l = location;
    if (l.line <= 0)
        return;
    // Table diagnostics name the JSON view's source; everything else with a line is Lua.
    const bool table = l.source == tr("KumoMTA table");
    raise(table ? QStringLiteral("jsonDock") : QStringLiteral("policyDock"));
    (table ? m_jsonPane : m_policyPane)->editor()->goTo(l.line, std::max(1, l.column));
}

void MainWindow::showCurrentSample()
{
    Models::SampleTableModel *samples = m_doc->samples();
    if (m_currentSample < 0 || m_currentSample >= samples->rowCount()) {
        m_detail->clear();
        return;
    }
    const Eval::EvalResult *r = samples->result(m_currentSample);
    const bool stale = samples->data(samples->index(m_currentSample, 0), Models::SampleTableModel::IsStaleRole).toBool();
    m_detail->showSample(samples->sample(m_currentSample), r ? std::optional<Eval::EvalResult>(*r) : std::nullopt,
                         stale);
}

std::pair<int, int> MainWindow::expectationCounts() const
{
    int passed = 0;
    int failed = 0;
    const Models::SampleTableModel *samples = m_doc->samples();
    for (int row = 0; row < samples->rowCount(); ++row) {
        const Project::Sample &s = samples->samples().at(row);
        const Eval::EvalResult *r = samples->result(row);
        if (s.expect.isEmpty() || !r)
            continue;
        if (s.expect.mismatch(*r).isEmpty())
            ++passed;
        else
            ++failed;
    }
    return {passed, failed};
}

void MainWindow::updateExpectationCounter()
{
    const auto [passed, failed] = expectationCounts();
    if (passed + failed == 0) {
        m_expectationLabel->setText(tr("No expectations"));
        return;
    }
    const QString colour = failed ? QStringLiteral("#e53935") : QStringLiteral("#43a047");
    m_expectationLabel->setText(tr("Expectations: <b style=\"color:%1\">%2 passed, %3 failed</b>")
                                    .arg(colour)
                                    .arg(passed)
                                    .arg(failed));
}

void MainWindow::updateStatus()
{
    QString eval;
    if (m_policyPending)
        eval = tr("Policy edited: re-evaluating when you pause");
    else if (!isIdle())
        eval = tr("Evaluating…");
    else
        eval = tr("Outcomes up to date");
    m_evalLabel->setText(eval);
    m_samplesPanel->setBusy(!isIdle());
    const int errors = m_diagnostics->count(Diagnostic::Severity::Error);
    const int warnings = m_diagnostics->count(Diagnostic::Severity::Warning);
    m_problemLabel->setText(tr("%n error(s)", nullptr, errors) + QStringLiteral(", ")
                            + tr("%n warning(s)", nullptr, warnings));
}

bool MainWindow::isIdle() const
{
    return !m_evaluationPending && !m_controller->isBusy() && !m_doc->samples()->hasPendingResults()
        && m_doc->samples()->generation() == m_controller->currentGeneration();
}

void MainWindow::updateTitle()
{
    QString name = m_doc->filePath().isEmpty() && !m_bundledName.isEmpty() ? m_bundledName : m_doc->displayName();
    setWindowTitle(QStringLiteral("%1[*] — DSN Workbench").arg(name));
    setWindowModified(m_doc->isModified());
    if (QAction *save = action(QStringLiteral("actionSave")))
        save->setEnabled(true);
}

QString MainWindow::openProject(const QString &path)
{
    if (std::optional<Diagnostic> error = m_doc->load(path))
        return error->toString();
    m_bundledName.clear();
    addRecentFile(m_doc->filePath());
    updateTitle();
    return QString();
}

void MainWindow::openBundledExample()
{
    QFile file(QStringLiteral(":/examples/example.dsnwb"));
    if (!file.open(QIODevice::ReadOnly)) {
        reportError(tr("Example project"), tr("The bundled example project is missing from this build."));
        return;
    }
    Result<Project::Project> project = Project::Project::fromJson(file.readAll(), QStringLiteral("example.dsnwb"));
    if (!project) {
        reportError(tr("Example project"), project.error().toString());
        return;
    }
    m_doc->setProject(project.value(), QString());
    m_bundledName = tr("example.dsnwb (bundled)");
    updateTitle();
}

bool MainWindow::saveProject()
{
    if (m_doc->filePath().isEmpty())
        return saveAsDialog();
    return saveProjectAs(m_doc->filePath());
}

bool MainWindow::saveProjectAs(const QString &path)
{
    // The policy text pending in the editor belongs to what the analyst saves.
    m_doc->setPolicySource(m_policyPane->editor()->text());
    if (std::optional<Diagnostic> error = m_doc->saveAs(path)) {
        reportError(tr("Save project"), error->toString());
        return false;
    }
    m_bundledName.clear();
    m_autosave->discard();
    addRecentFile(m_doc->filePath());
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 4000);
    updateTitle();
    return true;
}

QString MainWindow::exportKumoTable(const QString &path)
{
    // Export writes what the view shows; a pending edit in the view is applied first.
    onJsonEditPaused();
    if (m_jsonHasError)
        return tr("The KumoMTA table view has an error; fix it before exporting.");
    const QByteArray bytes = m_doc->project().kumoTableJson();
    m_jsonPane->editor()->setTextKeepingView(QString::fromUtf8(bytes));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    statusBar()->showMessage(tr("Exported the KumoMTA table to %1").arg(QDir::toNativeSeparators(path)), 4000);
    return QString();
}

QString MainWindow::exportPolicy(const QString &path)
{
    const QByteArray bytes = m_policyPane->editor()->text().toUtf8();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    statusBar()->showMessage(tr("Exported the Lua policy to %1").arg(QDir::toNativeSeparators(path)), 4000);
    return QString();
}

void MainWindow::addSamples(const QList<Project::Sample> &samples, const QString &what)
{
    if (samples.isEmpty())
        return;
    const int first = m_doc->samples()->rowCount();
    m_doc->undoStack()->push(SampleCommand::append(m_doc->samples(), samples, what));
    m_samplesPanel->selectSourceRow(first);
}

int MainWindow::importSamplesFromText(const QString &text, const QString &origin)
{
    const Project::ImportResult result = Project::SampleImporter::fromText(text);
    m_diagnostics->setDiagnostics(ImportOrigin, result.diagnostics);
    addSamples(result.samples, tr("Add samples from %1").arg(origin));
    statusBar()->showMessage(result.summary(), 6000);
    return int(result.samples.size());
}

int MainWindow::importSamplesFromFile(const QString &path)
{
    const Project::ImportResult result = Project::SampleImporter::fromFile(path);
    m_diagnostics->setDiagnostics(ImportOrigin, result.diagnostics);
    addSamples(result.samples, tr("Import samples from %1").arg(QFileInfo(path).fileName()));
    statusBar()->showMessage(result.summary(), 6000);
    return int(result.samples.size());
}

void MainWindow::pasteSamples()
{
    const QString text = QApplication::clipboard()->text();
    if (text.trimmed().isEmpty()) {
        statusBar()->showMessage(tr("The clipboard holds no text to turn into samples."), 4000);
        return;
    }
    importSamplesFromText(text, tr("the clipboard"));
}

void MainWindow::importDialog()
{
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Import Samples"), QString(),
        tr("Replies, transcripts and logs (*.jsonl *.json *.log *.txt);;All files (*)"));
    for (const QString &path : paths)
        importSamplesFromFile(path);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() || event->mimeData()->hasText())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QMimeData *mime = event->mimeData();
    if (mime->hasUrls()) {
        for (const QUrl &url : mime->urls()) {
            if (!url.isLocalFile())
                continue;
            const QString path = url.toLocalFile();
            if (path.endsWith(QLatin1String(".dsnwb"), Qt::CaseInsensitive)) {
                if (maybeSave()) {
                    const QString error = openProject(path);
                    if (!error.isEmpty())
                        reportError(tr("Open project"), error);
                }
                break;
            }
            importSamplesFromFile(path);
        }
    } else if (mime->hasText()) {
        importSamplesFromText(mime->text(), tr("the dropped text"));
    }
    event->acceptProposedAction();
}

bool MainWindow::maybeSave()
{
    if (!m_doc->isModified() && !m_policyPending)
        return true;
    if (!m_interactive)
        return true;
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved changes"), tr("%1 has unsaved changes. Save them?").arg(m_doc->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return saveProject();
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    m_autosave->discard();
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    m_controller->cancel();
    event->accept();
}

void MainWindow::newProject()
{
    if (!maybeSave())
        return;
    m_doc->setProject(Project::Project{}, QString());
    m_bundledName.clear();
    updateTitle();
}

void MainWindow::openDialog()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Project"), QString(), projectFilter());
    if (path.isEmpty())
        return;
    const QString error = openProject(path);
    if (!error.isEmpty())
        reportError(tr("Open project"), error);
}

bool MainWindow::saveAsDialog()
{
    QString suggestion = m_doc->filePath();
    if (suggestion.isEmpty())
        suggestion = QDir::home().filePath(m_bundledName.isEmpty() ? QStringLiteral("rules.dsnwb")
                                                                   : QStringLiteral("example.dsnwb"));
    QString path = QFileDialog::getSaveFileName(this, tr("Save Project As"), suggestion, projectFilter());
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".dsnwb");
    return saveProjectAs(path);
}

void MainWindow::exportTableDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export KumoMTA Table"),
                                                      QDir::home().filePath(QStringLiteral("dsn_rewrite.json")),
                                                      tr("JSON (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    const QString error = exportKumoTable(path);
    if (!error.isEmpty())
        reportError(tr("Export KumoMTA table"), error);
}

void MainWindow::exportPolicyDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Lua Policy"),
                                                      QDir::home().filePath(QStringLiteral("policy.lua")),
                                                      tr("Lua (*.lua);;All files (*)"));
    if (path.isEmpty())
        return;
    const QString error = exportPolicy(path);
    if (!error.isEmpty())
        reportError(tr("Export Lua policy"), error);
}

void MainWindow::addRecentFile(const QString &path)
{
    if (path.isEmpty())
        return;
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentProjects")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > MaxRecentFiles)
        recent.removeLast();
    settings.setValue(QStringLiteral("recentProjects"), recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentProjects")).toStringList();
    for (qsizetype i = 0; i < recent.size(); ++i) {
        const QString path = recent.at(i);
        QAction *a = m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()));
        a->setToolTip(path);
        a->setStatusTip(path);
        connect(a, &QAction::triggered, this, [this, path] {
            if (!maybeSave())
                return;
            const QString error = openProject(path);
            if (!error.isEmpty())
                reportError(tr("Open project"), error);
        });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::offerRecovery()
{
    const QList<AutosaveManager::Recovery> copies = m_autosave->pendingRecoveries();
    for (const AutosaveManager::Recovery &copy : copies) {
        const QString what = copy.originalPath.isEmpty() ? tr("an untitled project") : copy.originalPath;
        const auto answer = QMessageBox::question(
            this, tr("Recover unsaved work"),
            tr("The workbench did not close cleanly. Unsaved changes to %1 from %2 were kept. Restore them?")
                .arg(what, copy.savedAt),
            QMessageBox::Yes | QMessageBox::No | QMessageBox::Cancel, QMessageBox::Yes);
        if (answer == QMessageBox::Cancel)
            continue;
        if (answer == QMessageBox::Yes) {
            Result<Project::Project> project = Project::Project::load(copy.autosavePath);
            if (!project) {
                reportError(tr("Recover unsaved work"), project.error().toString());
                continue;
            }
            m_doc->setProject(project.value(), copy.originalPath);
            // Restored work is unsaved work: it must not look clean.
            m_doc->undoStack()->resetClean();
            updateTitle();
        }
        AutosaveManager::removeRecovery(copy);
        if (answer == QMessageBox::Yes)
            break;
    }
}

void MainWindow::showQuickTour()
{
    auto *tour = new QuickTourDialog(this);
    tour->setAttribute(Qt::WA_DeleteOnClose);
    connect(tour, &QuickTourDialog::panelHighlighted, this, [this](const QString &name) {
        if (auto *dock = findChild<QDockWidget *>(name)) {
            dock->show();
            dock->raise();
        } else if (name == m_samplesPanel->objectName()) {
            m_centralTabs->setCurrentWidget(m_samplesPanel);
        } else if (name == m_replay->objectName()) {
            m_centralTabs->setCurrentWidget(m_replay);
        }
    });
    tour->show();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About DSN Workbench"),
                       tr("<h3>DSN Workbench %1</h3><p>A workbench for KumoMTA delivery-status rewrite rules: "
                          "edit the rules and the Lua policy, and see at once what every reply becomes.</p>"
                          "<p>Licensed under the GNU GPL, version 3 or later.</p>")
                           .arg(QApplication::applicationVersion()));
}

void MainWindow::setTheme(const QString &id)
{
    QSettings().setValue(QStringLiteral("appearance/theme"), id);
    Appearance::apply(Appearance::themeFromId(id));
}

void MainWindow::reportError(const QString &title, const QString &message)
{
    statusBar()->showMessage(message, 8000);
    if (m_interactive)
        QMessageBox::warning(this, title, message);
}

} // namespace Dsn::Workbench
