// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "LintCommand.h"

#include <algorithm>
#include <optional>

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "PolicyOptions.h"
#include "eval/ClassificationLint.h"
#include "eval/PolicyEvaluator.h"
#include "project/Project.h"
#include "rules/RegexRule.h"
#include "rules/TableLinter.h"

namespace Dsn::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("LintCommand", text);
}

} // namespace

QString LintCommand::description() const
{
    return tr("Check a KumoMTA rules table: JSON syntax, patterns KumoMTA would refuse, non-SMTP codes, "
              "duplicate and shadowed patterns, risky rewrites. With --classifier (or a project's classifier "
              "files): the rule files, and rewrites that move a project sample to Uncategorized.");
}

int LintCommand::execute(const QStringList &arguments, CommandContext &ctx)
{
    QCommandLineParser parser;
    const QCommandLineOption jsonOpt(QStringLiteral("json"), tr("Machine-readable output."));
    const QCommandLineOption projectOpt(QStringLiteral("project"), tr("Lint a project's rules instead of a table file."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption compatOpt(QStringLiteral("compat"), tr("Profile: documented (default) or 2026.06."),
                                       QStringLiteral("PROFILE"));
    const PolicyOptions policy;
    parser.addOptions({jsonOpt, projectOpt, compatOpt, policy.classifierOption()});
    parser.addPositionalArgument(QStringLiteral("TABLE.json"), tr("The rules table."));
    int exitCode = ExitOk;
    if (!parseArguments(parser, arguments, ctx, exitCode))
        return exitCode;

    std::optional<CompatProfile> compat;
    if (parser.isSet(compatOpt)) {
        compat = compatProfileFromId(parser.value(compatOpt));
        if (!compat) {
            ctx.err << tr("dsn-workbench-cli lint: unknown profile \"%1\"\n").arg(parser.value(compatOpt));
            return ExitUsage;
        }
    }
    const bool classifierGiven = parser.isSet(policy.classifierOption());
    const bool tableGiven = parser.positionalArguments().size() == 1;
    if (!parser.isSet(projectOpt) && !tableGiven && !classifierGiven) {
        ctx.err << tr("dsn-workbench-cli lint: give one rules table (or --project FILE, or --classifier FILE)\n");
        return ExitUsage;
    }

    CompatProfile profile = compat.value_or(CompatProfile::Documented);
    QList<Diagnostic> diagnostics;
    QString source;
    // What the classification check needs: the project's settings and samples, if any.
    Eval::EvaluatorConfig config;
    QList<Eval::EvalInput> samples;
    if (parser.isSet(projectOpt)) {
        source = parser.value(projectOpt);
        auto project = Project::Project::load(source);
        if (!project) {
            diagnostics.append(project.error());
        } else {
            profile = compat.value_or(project->profile);
            diagnostics.append(Rules::TableLinter(profile).lint(project->kumoTable()));
            config = project->evaluatorConfig(QFileInfo(source).absolutePath());
            config.profile = profile;
            for (const Project::Sample &s : project->samples)
                samples.append(s.toInput());
        }
    } else if (tableGiven) {
        source = parser.positionalArguments().constFirst();
        QFile f(source);
        if (!f.open(QIODevice::ReadOnly)) {
            ctx.err << tr("dsn-workbench-cli lint: cannot read %1: %2\n").arg(source, f.errorString());
            return ExitFailure;
        }
        const QByteArray bytes = f.readAll();
        const QString name = QFileInfo(source).fileName();
        diagnostics.append(Rules::TableLinter::lintJsonText(bytes, name));
        auto rules = Rules::RegexRule::listFromJson(bytes, name);
        if (rules) {
            for (Diagnostic d : Rules::TableLinter(profile).lint(*rules)) {
                if (d.source.isEmpty())
                    d.source = name;
                diagnostics.append(d);
            }
        } else if (!std::any_of(diagnostics.cbegin(), diagnostics.cend(),
                                [](const Diagnostic &d) { return d.code == QLatin1String("json-parse"); })) {
            diagnostics.append(rules.error());
        }
    } else {
        source = parser.values(policy.classifierOption()).join(QStringLiteral(", "));
    }

    // Classifier files are linted by loading them; with samples, rewrites that cost a sample its
    // bounce classification are flagged too (spec §10).
    if (auto error = policy.applyClassifier(parser, config)) {
        diagnostics.append(*error);
    } else if (config.classifier && !samples.isEmpty()) {
        Eval::PolicyEvaluator evaluator(config);
        if (!evaluator.loadError())
            diagnostics.append(Eval::ClassificationLint::run(evaluator, samples));
    }

    int errors = 0;
    int warnings = 0;
    for (const Diagnostic &d : diagnostics) {
        if (d.severity == Diagnostic::Severity::Error)
            ++errors;
        else if (d.severity == Diagnostic::Severity::Warning)
            ++warnings;
    }
    if (parser.isSet(jsonOpt)) {
        QJsonArray items;
        for (const Diagnostic &d : diagnostics)
            items.append(d.toJson());
        QJsonObject o{{QStringLiteral("source"), source},
                      {QStringLiteral("profile"), compatProfileId(profile)},
                      {QStringLiteral("errors"), errors},
                      {QStringLiteral("warnings"), warnings},
                      {QStringLiteral("diagnostics"), items}};
        ctx.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else {
        for (const Diagnostic &d : diagnostics)
            ctx.out << d.toString() << '\n';
        ctx.out << tr("%1: %2 error(s), %3 warning(s)\n").arg(source).arg(errors).arg(warnings);
    }
    ctx.out.flush();
    return errors ? ExitFailure : ExitOk;
}

} // namespace Dsn::Cli
