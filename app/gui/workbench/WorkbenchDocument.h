// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <optional>

#include <QObject>
#include <QString>
#include <QUndoStack>

#include "common/CompatProfile.h"
#include "common/Diagnostic.h"
#include "eval/EvalInput.h"
#include "eval/PolicyEvaluator.h"
#include "project/Project.h"

namespace Dsn::Models {
class RuleTableModel;
class SampleTableModel;
}

namespace Dsn::Workbench {

/**
 * The open project as the window edits it. Rules and samples live in their models (so views
 * and undo commands work on the same data); the policy text, profile and queue live here.
 * project() assembles a Project from all of it, which is what Save, autosave and the
 * evaluator see, so the three can never disagree.
 *
 * "Modified" combines the undo stack's clean state (rules, samples, expectations) with the
 * policy text and settings compared to what was last saved or loaded.
 */
class WorkbenchDocument final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkbenchDocument)

public:
    explicit WorkbenchDocument(QObject *parent = nullptr);

    Models::RuleTableModel *rules() const { return m_rules; }
    Models::SampleTableModel *samples() const { return m_samples; }
    QUndoStack *undoStack() const { return m_undo; }

    /// Replaces everything; `filePath` empty means an untitled (or bundled) project.
    void setProject(const Project::Project &project, const QString &filePath);
    Project::Project project() const;

    std::optional<Diagnostic> load(const QString &path);
    /// Atomic save; on success the document is clean and `path` becomes its file.
    std::optional<Diagnostic> saveAs(const QString &path);

    QString filePath() const { return m_filePath; }
    /// The file name for titles, "Untitled" without a file.
    QString displayName() const;
    /// Where module folders and relative json_load paths resolve.
    QString baseDirectory() const;

    QString policySource() const { return m_policySource; }
    void setPolicySource(const QString &source);
    /// What the Lua editor shows: the project's policy, or the built-in one when it has none.
    QString effectivePolicySource() const;

    CompatProfile profile() const { return m_profile; }
    void setProfile(CompatProfile profile);
    QString defaultQueue() const { return m_defaultQueue; }
    void setDefaultQueue(const QString &queue);

    /// Bounce classifier rule files as the project stores them (relative to its folder when
    /// it has a file); the first rule that matches, in file order, labels an outcome.
    QStringList classifierFiles() const { return m_classifierFiles; }
    void setClassifierFiles(const QStringList &files);
    /// classifierFiles() as paths to open.
    QStringList classifierPaths() const;
    /// One stored entry as a path to open (relative entries resolve against baseDirectory()).
    QString classifierPath(const QString &stored) const;
    /// How a chosen file is stored: relative to the project's folder when it has one.
    QString storedClassifierPath(const QString &absolutePath) const;

    Eval::EvaluatorConfig evaluatorConfig() const;
    QList<Eval::EvalInput> evaluationInputs() const;

    bool isModified() const;

Q_SIGNALS:
    /// Rules, policy, profile or queue changed: the evaluator needs a new config.
    void configChanged();
    /// Samples were added, removed or edited.
    void samplesChanged();
    void profileChanged(CompatProfile profile);
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &path);
    /// A new project replaced the old one (editors reload their text).
    void projectReplaced();

private:
    void markSaved();
    void updateModified();

    Models::RuleTableModel *m_rules;
    Models::SampleTableModel *m_samples;
    QUndoStack *m_undo;
    QString m_filePath;
    // Project fields the models do not hold.
    QString m_name;
    QString m_policySource;
    QString m_tablePath;
    QString m_defaultQueue;
    QStringList m_moduleDirectories;
    QStringList m_classifierFiles;
    CompatProfile m_profile = CompatProfile::Documented;
    // The saved state of the fields outside the undo stack.
    QString m_savedPolicy;
    QString m_savedQueue;
    QStringList m_savedClassifierFiles;
    CompatProfile m_savedProfile = CompatProfile::Documented;
    bool m_modified = false;
};

} // namespace Dsn::Workbench
