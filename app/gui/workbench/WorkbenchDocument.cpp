// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "WorkbenchDocument.h"

#include <QDir>
#include <QFileInfo>

#include "RuleTableModel.h"
#include "SampleTableModel.h"

namespace Dsn::Workbench {

WorkbenchDocument::WorkbenchDocument(QObject *parent)
    : QObject(parent)
    , m_rules(new Models::RuleTableModel(this))
    , m_samples(new Models::SampleTableModel(this))
    , m_undo(new QUndoStack(this))
{
    setProject(Project::Project{}, QString());
    connect(m_rules, &Models::RuleTableModel::rulesChanged, this, &WorkbenchDocument::configChanged);
    connect(m_samples, &QAbstractItemModel::rowsInserted, this, &WorkbenchDocument::samplesChanged);
    connect(m_samples, &QAbstractItemModel::rowsRemoved, this, &WorkbenchDocument::samplesChanged);
    connect(m_samples, &Models::SampleTableModel::samplesEdited, this, &WorkbenchDocument::samplesChanged);
    connect(m_undo, &QUndoStack::cleanChanged, this, &WorkbenchDocument::updateModified);
    connect(m_undo, &QUndoStack::indexChanged, this, &WorkbenchDocument::updateModified);
}

void WorkbenchDocument::setProject(const Project::Project &project, const QString &filePath)
{
    m_name = project.name;
    m_policySource = project.policySource;
    m_tablePath = project.tablePath;
    m_defaultQueue = project.defaultQueue;
    m_moduleDirectories = project.moduleDirectories;
    m_classifierFiles = project.classifierFiles;
    m_profile = project.profile;
    m_rules->setProfile(project.profile);
    m_rules->setRules(project.rules);
    m_samples->setDefaultQueue(project.defaultQueue);
    m_samples->setSamples(project.samples);
    m_undo->clear();
    m_filePath = filePath;
    markSaved();
    Q_EMIT filePathChanged(m_filePath);
    Q_EMIT profileChanged(m_profile);
    Q_EMIT projectReplaced();
    Q_EMIT configChanged();
    Q_EMIT samplesChanged();
}

Project::Project WorkbenchDocument::project() const
{
    Project::Project p;
    p.name = m_name;
    p.profile = m_profile;
    p.rules = m_rules->rules();
    p.policySource = m_policySource;
    p.tablePath = m_tablePath;
    p.defaultQueue = m_defaultQueue;
    p.moduleDirectories = m_moduleDirectories;
    p.classifierFiles = m_classifierFiles;
    p.samples = m_samples->samples();
    return p;
}

std::optional<Diagnostic> WorkbenchDocument::load(const QString &path)
{
    Result<Project::Project> loaded = Project::Project::load(path);
    if (!loaded)
        return loaded.error();
    setProject(loaded.value(), QFileInfo(path).absoluteFilePath());
    return std::nullopt;
}

std::optional<Diagnostic> WorkbenchDocument::saveAs(const QString &path)
{
    Project::Project p = project();
    if (p.name.isEmpty())
        p.name = QFileInfo(path).completeBaseName();
    // A relative classifier path means "next to the project": saving elsewhere must keep
    // pointing at the same files, so they are re-expressed against the new folder.
    const QDir newDir = QFileInfo(path).absoluteDir();
    const QStringList oldPaths = classifierPaths();
    for (qsizetype i = 0; i < p.classifierFiles.size(); ++i) {
        if (QFileInfo(p.classifierFiles.at(i)).isRelative())
            p.classifierFiles[i] = newDir.relativeFilePath(oldPaths.at(i));
    }
    if (std::optional<Diagnostic> error = p.save(path))
        return error;
    m_name = p.name;
    m_classifierFiles = p.classifierFiles;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const bool moved = absolute != m_filePath;
    m_filePath = absolute;
    markSaved();
    if (moved) {
        Q_EMIT filePathChanged(m_filePath);
        // Relative module folders now resolve elsewhere.
        Q_EMIT configChanged();
    }
    return std::nullopt;
}

QString WorkbenchDocument::displayName() const
{
    return m_filePath.isEmpty() ? tr("Untitled") : QFileInfo(m_filePath).fileName();
}

QString WorkbenchDocument::baseDirectory() const
{
    return m_filePath.isEmpty() ? QDir::currentPath() : QFileInfo(m_filePath).absolutePath();
}

void WorkbenchDocument::setPolicySource(const QString &source)
{
    // The built-in policy shown in the editor is not a change until the analyst edits it.
    const QString normalised = source == effectivePolicySource() ? m_policySource : source;
    if (normalised == m_policySource)
        return;
    m_policySource = normalised;
    updateModified();
    Q_EMIT configChanged();
}

QString WorkbenchDocument::effectivePolicySource() const
{
    if (!m_policySource.isEmpty())
        return m_policySource;
    return QString::fromUtf8(Eval::PolicyEvaluator::builtinPolicy(m_tablePath));
}

void WorkbenchDocument::setProfile(CompatProfile profile)
{
    if (profile == m_profile)
        return;
    m_profile = profile;
    m_rules->setProfile(profile);
    updateModified();
    Q_EMIT profileChanged(profile);
    Q_EMIT configChanged();
}

void WorkbenchDocument::setDefaultQueue(const QString &queue)
{
    if (queue == m_defaultQueue)
        return;
    m_defaultQueue = queue;
    m_samples->setDefaultQueue(queue);
    updateModified();
    Q_EMIT configChanged();
}

void WorkbenchDocument::setClassifierFiles(const QStringList &files)
{
    if (files == m_classifierFiles)
        return;
    m_classifierFiles = files;
    updateModified();
    Q_EMIT configChanged();
}

QStringList WorkbenchDocument::classifierPaths() const
{
    // Not project().classifierPaths(): that would copy every sample to resolve a few paths.
    QStringList paths;
    for (const QString &stored : m_classifierFiles)
        paths.append(classifierPath(stored));
    return paths;
}

QString WorkbenchDocument::classifierPath(const QString &stored) const
{
    return QDir(baseDirectory()).absoluteFilePath(stored);
}

QString WorkbenchDocument::storedClassifierPath(const QString &absolutePath) const
{
    if (m_filePath.isEmpty())
        return QFileInfo(absolutePath).absoluteFilePath();
    return QDir(baseDirectory()).relativeFilePath(absolutePath);
}

Eval::EvaluatorConfig WorkbenchDocument::evaluatorConfig() const
{
    return project().evaluatorConfig(baseDirectory());
}

QList<Eval::EvalInput> WorkbenchDocument::evaluationInputs() const
{
    QList<Eval::EvalInput> inputs;
    inputs.reserve(m_samples->samples().size());
    for (const Project::Sample &s : m_samples->samples())
        inputs.append(s.toInput());
    return inputs;
}

bool WorkbenchDocument::isModified() const
{
    return m_modified;
}

void WorkbenchDocument::markSaved()
{
    m_savedPolicy = m_policySource;
    m_savedQueue = m_defaultQueue;
    m_savedClassifierFiles = m_classifierFiles;
    m_savedProfile = m_profile;
    m_undo->setClean();
    updateModified();
}

void WorkbenchDocument::updateModified()
{
    const bool modified = !m_undo->isClean() || m_policySource != m_savedPolicy
        || m_defaultQueue != m_savedQueue || m_profile != m_savedProfile || m_classifierFiles != m_savedClassifierFiles;
    if (modified == m_modified)
        return;
    m_modified = modified;
    Q_EMIT modifiedChanged(modified);
}

} // namespace Dsn::Workbench
