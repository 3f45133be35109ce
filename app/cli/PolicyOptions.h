// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <optional>

#include <QCommandLineOption>
#include <QCommandLineParser>

#include "common/Result.h"
#include "eval/PolicyEvaluator.h"
#include "project/Project.h"

namespace Dsn::Cli {

/**
 * The options every policy-running command shares (--project, --rules, --policy, --compat,
 * --queue, --bind, --module-dir, --classifier) and how they combine: a project supplies
 * defaults, explicit options override it.
 */
class PolicyOptions
{
public:
    struct Resolved
    {
        Eval::EvaluatorConfig config;
        std::optional<Project::Project> project;
        QString projectPath;
    };

    void addTo(QCommandLineParser &parser);
    /// Reads the files the options name; a missing file, bad JSON or an unknown profile fails.
    Result<Resolved> resolve(const QCommandLineParser &parser) const;

    const QCommandLineOption &projectOption() const { return m_project; }
    /// For commands that take only --classifier (test, lint): add it, then applyClassifier().
    const QCommandLineOption &classifierOption() const { return m_classifier; }
    /**
     * --classifier FILE (repeatable) replaces the config's classifier files; then whatever
     * files remain (given or from the project) are loaded into `config.classifier`, so a bad
     * rule file fails the command. Returns the error, if any.
     */
    std::optional<Diagnostic> applyClassifier(const QCommandLineParser &parser, Eval::EvaluatorConfig &config) const;

private:
    QCommandLineOption m_project{QStringLiteral("project"), QStringLiteral("Project file (.dsnwb)."),
                                 QStringLiteral("FILE")};
    QCommandLineOption m_rules{QStringLiteral("rules"), QStringLiteral("KumoMTA rules table (JSON)."),
                               QStringLiteral("TABLE.json")};
    QCommandLineOption m_policy{QStringLiteral("policy"),
                                QStringLiteral("Lua policy; without it a built-in policy equal to the reference "
                                               "page's example reads the rules table."),
                                QStringLiteral("FILE.lua")};
    QCommandLineOption m_compat{QStringLiteral("compat"),
                                QStringLiteral("Compatibility profile: documented (default) or 2026.06."),
                                QStringLiteral("PROFILE")};
    QCommandLineOption m_queue{QStringLiteral("queue"),
                               QStringLiteral("Default queue name (campaign:tenant@domain!routing_domain)."),
                               QStringLiteral("NAME")};
    QCommandLineOption m_bind{QStringLiteral("bind"),
                              QStringLiteral("Path the policy passes to kumo.json_load for the table (default "
                                             "/tmp/dsn_rewrite.json, as in the reference page)."),
                              QStringLiteral("PATH")};
    QCommandLineOption m_unsafe{QStringLiteral("unsafe-lua"),
                                QStringLiteral("Let the policy use os.execute, io.popen and C modules (off by default).")};
    QCommandLineOption m_classifier{QStringLiteral("classifier"),
                                    QStringLiteral("KumoMTA bounce classifier rule file (TOML or JSON); repeat for "
                                                   "several, tried in order. Replaces the project's."),
                                    QStringLiteral("FILE")};
    QCommandLineOption m_moduleDir{QStringLiteral("module-dir"),
                                   QStringLiteral("Folder with your own Lua modules, searched first by require."),
                                   QStringLiteral("DIR")};
};

} // namespace Dsn::Cli
