// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "PolicyOptions.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include "eval/BounceClassifier.h"
#include "rules/RegexRule.h"

namespace Dsn::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PolicyOptions", text);
}

Result<QByteArray> readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Diagnostic::error(QStringLiteral("io"), tr("cannot read %1: %2").arg(path, f.errorString()), path);
    return f.readAll();
}

} // namespace

void PolicyOptions::addTo(QCommandLineParser &parser)
{
    parser.addOptions({m_project, m_rules, m_policy, m_compat, m_queue, m_bind, m_moduleDir, m_unsafe, m_classifier});
}

std::optional<Diagnostic> PolicyOptions::applyClassifier(const QCommandLineParser &parser,
                                                         Eval::EvaluatorConfig &config) const
{
    if (parser.isSet(m_classifier)) {
        config.classifierFiles.clear();
        for (const QString &file : parser.values(m_classifier))
            config.classifierFiles.append(QFileInfo(file).absoluteFilePath());
        config.classifier.reset();
    }
    if (config.classifier || config.classifierFiles.isEmpty())
        return std::nullopt;
    auto classifier = Eval::BounceClassifier::fromFiles(config.classifierFiles);
    if (!classifier)
        return classifier.error();
    config.classifier = *classifier;
    return std::nullopt;
}

Result<PolicyOptions::Resolved> PolicyOptions::resolve(const QCommandLineParser &parser) const
{
    Resolved r;
    if (parser.isSet(m_project)) {
        r.projectPath = parser.value(m_project);
        auto project = Project::Project::load(r.projectPath);
        if (!project)
            return project.error();
        r.project = *project;
        r.config = r.project->evaluatorConfig(QFileInfo(r.projectPath).absolutePath());
    }
    if (parser.isSet(m_rules)) {
        const QString path = parser.value(m_rules);
        auto bytes = readFile(path);
        if (!bytes)
            return bytes.error();
        auto rules = Rules::RegexRule::listFromJson(*bytes, path);
        if (!rules)
            return rules.error();
        r.config.rules = *rules;
        if (r.config.runtime.baseDirectory.isEmpty())
            r.config.runtime.baseDirectory = QFileInfo(path).absolutePath();
    }
    if (parser.isSet(m_policy)) {
        const QString path = parser.value(m_policy);
        auto bytes = readFile(path);
        if (!bytes)
            return bytes.error();
        r.config.policySource = *bytes;
        r.config.policyName = QFileInfo(path).fileName();
        r.config.runtime.baseDirectory = QFileInfo(path).absolutePath();
    }
    if (parser.isSet(m_compat)) {
        const auto profile = compatProfileFromId(parser.value(m_compat));
        if (!profile) {
            return Diagnostic::error(QStringLiteral("usage"),
                                     tr("unknown compatibility profile \"%1\" (expected documented or 2026.06)")
                                         .arg(parser.value(m_compat)));
        }
        r.config.profile = *profile;
    }
    if (parser.isSet(m_queue))
        r.config.defaultQueue = parser.value(m_queue);
    if (parser.isSet(m_bind))
        r.config.tablePath = parser.value(m_bind);
    if (parser.isSet(m_unsafe)) {
        r.config.runtime.allowOsExecute = true;
        r.config.runtime.allowIoPopen = true;
        r.config.runtime.allowCModules = true;
    }
    for (const QString &dir : parser.values(m_moduleDir))
        r.config.runtime.moduleDirectories.prepend(QFileInfo(dir).absoluteFilePath());
    if (auto error = applyClassifier(parser, r.config))
        return *error;
    if (!r.project && !parser.isSet(m_rules) && !parser.isSet(m_policy)) {
        return Diagnostic::error(QStringLiteral("usage"),
                                 tr("nothing to evaluate: give --rules TABLE.json, --policy FILE.lua or --project FILE"));
    }
    return r;
}

} // namespace Dsn::Cli
