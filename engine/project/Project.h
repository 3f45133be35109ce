// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include "common/CompatProfile.h"
#include "common/Result.h"
#include "eval/PolicyEvaluator.h"
#include "project/ProjectRule.h"
#include "project/Sample.h"
#include "rules/RegexRule.h"

namespace Dsn::Project {

/**
 * A workbench project (`.dsnwb`, JSON, versioned): the ordered rules, the Lua policy, the path
 * the policy loads the table from, the default queue, the profile and the samples.
 *
 * Saving goes through QSaveFile, so a crash mid-write never leaves a truncated project.
 */
class Project
{
public:
    static constexpr int FormatVersion = 1;
    static constexpr const char *FormatId = "dsn-workbench-project";

    QString name;
    CompatProfile profile = CompatProfile::Documented;
    QList<ProjectRule> rules;
    /// Empty means the built-in policy (the reference page's example).
    QString policySource;
    QString tablePath = Eval::PolicyEvaluator::defaultTablePath();
    QString defaultQueue = QStringLiteral("example.com");
    /// Folders (relative to the project file) with the user's own Lua modules.
    QStringList moduleDirectories;
    /// Bounce classifier rule files (TOML or JSON, relative to the project file), tried in
    /// this order; every outcome then carries its bounce_classification. Optional in the file.
    QStringList classifierFiles;
    QList<Sample> samples;

    /// The table KumoMTA loads: enabled rules only, in order.
    QList<Rules::RegexRule> kumoTable() const;
    /// Exactly the bytes "Export KumoMTA table" writes.
    QByteArray kumoTableJson() const;
    /// Replaces the rules with a KumoMTA table's entries (all enabled, no notes).
    void setRulesFromTable(const QList<Rules::RegexRule> &table);

    /// Evaluator settings for this project; `projectDir` resolves module folders, classifier
    /// files and json_load. The classifier files are read when the evaluator is built.
    Eval::EvaluatorConfig evaluatorConfig(const QString &projectDir = QString()) const;
    /// classifierFiles as paths to open: resolved against `projectDir` unless absolute or
    /// `projectDir` is empty.
    QStringList classifierPaths(const QString &projectDir) const;

    QJsonObject toJson() const;
    static Result<Project> fromJson(const QByteArray &json, const QString &sourceName);

    static Result<Project> load(const QString &path);
    /// Atomic: writes a temporary file and renames it over `path`.
    std::optional<Diagnostic> save(const QString &path) const;

    friend bool operator==(const Project &, const Project &) = default;
};

} // namespace Dsn::Project
