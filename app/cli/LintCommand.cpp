// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "LintCommand.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

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
              "duplicate and shadowed patterns, risky rewrites.");
}

int LintCommand::execute(const QStringList &arguments, CommandContext &ctx)
{
    QCommandLineParser parser;
    const QCommandLineOption jsonOpt(QStringLiteral("json"), tr("Machine-readable output."));
    const QCommandLineOption projectOpt(QStringLiteral("project"), tr("Lint a project's rules instead of a table file."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption compatOpt(QStringLiteral("compat"), tr("Profile: documented (default) or 2026.06."),
                                       QStringLiteral("PROFILE"));
    parser.addOptions({jsonOpt, projectOpt, compatOpt});
    parser.addPositionalArgument(QStringLiteral("TABLE.json"), tr("The rules table."));
    int exitCode = ExitOk;
    if (!parseArguments(parser, arguments, ctx, exitCode))
        return exitCode;

    CompatProfile profile = CompatProfile::Documented;
    QList<Diagnostic> diagnostics;
    QString source;
    if (parser.isSet(projectOpt)) {
        source = parser.value(projectOpt);
        auto project = Project::Project::load(source);
        if (!project) {
            diagnostics.append(project.error());
        } else {
            profile = project->profile;
            if (!parser.isSet(compatOpt))
                diagnostics.append(Rules::TableLinter(profile).lint(project->kumoTable()));
        }
    } else if (parser.positionalArguments().size() == 1) {
        source = parser.positionalArguments().constFirst();
    } else {
        ctx.err << tr("dsn-workbench-cli lint: give one rules table (or --project FILE)\n");
        return ExitUsage;
    }
    if (parser.isSet(compatOpt)) {
        const auto p = compatProfileFromId(parser.value(compatOpt));
        if (!p) {
            ctx.err << tr("dsn-workbench-cli lint: unknown profile \"%1\"\n").arg(parser.value(compatOpt));
            return ExitUsage;
        }
        profile = *p;
        if (parser.isSet(projectOpt) && diagnostics.isEmpty()) {
            auto project = Project::Project::load(source);
            diagnostics.append(Rules::TableLinter(profile).lint(project->kumoTable()));
        }
    }
    if (!parser.isSet(projectOpt)) {
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
