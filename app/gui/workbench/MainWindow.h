// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QMainWindow>
#include <QPointer>

#include "common/CompatProfile.h"
#include "eval/OutcomeSummary.h"
#include "project/Sample.h"

class QAction;
class QComboBox;
class QFileSystemWatcher;
class QTabWidget;
class QDockWidget;
class QLabel;
class QLineEdit;
class QMenu;

namespace Dsn::Controllers {
class EvaluationController;
}
namespace Dsn::Models {
class DiagnosticsModel;
struct DiagnosticLocation;
}
namespace Dsn::Editors {
class EditorPane;
class CodeEditor;
}
namespace Dsn::Capture {
class CapturePanel;
}
namespace Dsn::Gui {
class ReplayPanel;
}

namespace Dsn::Workbench {

class AutosaveManager;
class ProblemsPanel;
class RulesPanel;
class SampleDetailPane;
class SamplesPanel;
class WorkbenchDocument;

/**
 * The workbench window. The samples and their outcomes fill the centre; rules, the JSON table,
 * the Lua policy, problems, the selected sample's pipeline and the capture panel are docks the
 * analyst arranges (the arrangement is remembered).
 *
 * The window wires the document to the evaluation controller: any edit to rules, policy,
 * profile, queue or samples ends in one debounced re-evaluation off the GUI thread, and its
 * results flow back in chunks. It never evaluates on the GUI thread itself.
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    WorkbenchDocument *document() const { return m_doc; }
    Controllers::EvaluationController *controller() const { return m_controller; }
    Models::DiagnosticsModel *diagnostics() const { return m_diagnostics; }
    RulesPanel *rulesPanel() const { return m_rulesPanel; }
    SamplesPanel *samplesPanel() const { return m_samplesPanel; }
    SampleDetailPane *detailPane() const { return m_detail; }
    ProblemsPanel *problemsPanel() const { return m_problems; }
    Editors::EditorPane *policyPane() const { return m_policyPane; }
    Editors::EditorPane *jsonPane() const { return m_jsonPane; }
    Capture::CapturePanel *capturePanel() const { return m_capture; }
    Gui::ReplayPanel *replayPanel() const { return m_replay; }
    /// The centre: the samples and the log replay, one tab each.
    QTabWidget *centralTabs() const { return m_centralTabs; }
    AutosaveManager *autosave() const { return m_autosave; }
    QComboBox *profileCombo() const { return m_profileCombo; }
    QLineEdit *queueEdit() const { return m_queueEdit; }
    QLabel *expectationLabel() const { return m_expectationLabel; }
    QAction *action(const QString &objectName) const;

    /// Loads a project file; on failure shows nothing and returns the message.
    QString openProject(const QString &path);
    /// The example project compiled into the program (Qt resource).
    void openBundledExample();
    bool saveProject();
    bool saveProjectAs(const QString &path);
    /// Writes exactly what the JSON view shows (after syncing it). Returns an error or empty.
    QString exportKumoTable(const QString &path);
    QString exportPolicy(const QString &path);
    /// Parses text as samples (replies, transcripts, log records) and adds them: one undo step.
    int importSamplesFromText(const QString &text, const QString &origin);
    int importSamplesFromFile(const QString &path);
    void addSamples(const QList<Project::Sample> &samples, const QString &what);

    /// Offers to restore copies left by a crash; call once the window is shown.
    void offerRecovery();
    /// True when nothing is left to evaluate or apply (tests and benchmarks wait for it).
    bool isIdle() const;
    /// Passing / failing expectations among the evaluated samples, as `dsn-workbench-cli test` counts.
    std::pair<int, int> expectationCounts() const;

    /// Suppresses message boxes (tests): answers "discard" to unsaved-changes questions.
    void setInteractive(bool interactive) { m_interactive = interactive; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createPanels();
    void createActions();
    void createMenus();
    void createToolBar();
    void createStatusBar();
    QDockWidget *addDock(QWidget *widget, const QString &title, const QString &objectName, Qt::DockWidgetArea area);
    void connectDocument();

    void onConfigChanged();
    void onSamplesChanged();
    void onEvaluationStarted(quint64 generation);
    void onEvaluationFinished(quint64 generation, const Eval::OutcomeSummary &summary);
    void onPolicyDiagnostics(const QList<Diagnostic> &diagnostics);
    void onRulesChanged();
    void publishRuleDiagnostics();
    void classifierFilesDialog();
    void onJsonEditPaused();
    void onPolicyEditPaused();
    void onProjectReplaced();
    void goTo(const Models::DiagnosticLocation &location);
    void showCurrentSample();
    void updateTitle();
    void updateExpectationCounter();
    void updateStatus();

    bool maybeSave();
    void newProject();
    void openDialog();
    bool saveAsDialog();
    void exportTableDialog();
    void exportPolicyDialog();
    void importDialog();
    void pasteSamples();
    void addRecentFile(const QString &path);
    void rebuildRecentMenu();
    void showQuickTour();
    void showAbout();
    void setTheme(const QString &id);
    void reportError(const QString &title, const QString &message);

    WorkbenchDocument *m_doc;
    Controllers::EvaluationController *m_controller;
    Models::DiagnosticsModel *m_diagnostics;
    AutosaveManager *m_autosave;
    QTabWidget *m_centralTabs = nullptr;
    Gui::ReplayPanel *m_replay = nullptr;
    /// Classifier files edited outside the workbench re-label the outcomes when saved.
    QFileSystemWatcher *m_classifierWatcher;
    RulesPanel *m_rulesPanel = nullptr;
    SamplesPanel *m_samplesPanel = nullptr;
    SampleDetailPane *m_detail = nullptr;
    ProblemsPanel *m_problems = nullptr;
    Editors::EditorPane *m_policyPane = nullptr;
    Editors::EditorPane *m_jsonPane = nullptr;
    Capture::CapturePanel *m_capture = nullptr;
    QComboBox *m_profileCombo = nullptr;
    QLineEdit *m_queueEdit = nullptr;
    QLabel *m_expectationLabel = nullptr;
    QLabel *m_evalLabel = nullptr;
    QLabel *m_problemLabel = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QString m_bundledName;
    bool m_syncingFromJson = false;
    bool m_jsonHasError = false;
    bool m_policyPending = false;
    bool m_evaluationPending = false; // an input changed and its evaluation has not finished yet
    bool m_interactive = true;
    int m_currentSample = -1;
};

} // namespace Dsn::Workbench
