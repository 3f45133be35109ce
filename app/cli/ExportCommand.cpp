// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "ExportCommand.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>

#include "eval/PolicyEvaluator.h"
#include "project/Project.h"
#include "rules/RegexRule.h"

namespace Dsn::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ExportCommand", text);
}

bool writeAtomically(const QString &path, const QByteArray &bytes, CommandContext &ctx)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
        ctx.err << tr("dsn-workbench-cli export: cannot write %1: %2\n").arg(path, f.errorString());
        return false;
    }
    return true;
}

} // namespace

QString ExportCommand::description() const
{
    return tr("Write the rules table exactly as KumoMTA loads it (enabled rules, in order).");
}

int ExportCommand::execute(const QStringList &arguments, CommandContext &ctx)
{
    QCommandLineParser parser;
    const QCommandLineOption projectOpt(QStringLiteral("project"), tr("Project file (.dsnwb)."), QStringLiteral("FILE"));
    const QCommandLineOption rulesOpt(QStringLiteral("rules"), tr("A rules table to normalise."),
                                      QStringLiteral("TABLE.json"));
    const QCommandLineOption outOpt({QStringLiteral("o"), QStringLiteral("out")},
                                    tr("Write the table to FILE (atomically) instead of stdout."), QStringLiteral("FILE"));
    const QCommandLineOption luaOpt(QStringLiteral("lua"),
                                    tr("Also write the project's Lua policy (the built-in one if it has none) to FILE."),
                                    QStringLiteral("FILE"));
    parser.addOptions({projectOpt, rulesOpt, outOpt, luaOpt});
    int exitCode = ExitOk;
    if (!parseArguments(parser, arguments, ctx, exitCode))
        return exitCode;

    QByteArray table;
    QByteArray lua;
    if (parser.isSet(projectOpt)) {
        auto project = Project::Project::load(parser.value(projectOpt));
        if (!project) {
            ctx.err << QStringLiteral("dsn-workbench-cli export: ") << project.error().toString() << '\n';
            return ExitFailure;
        }
        table = project->kumoTableJson();
        lua = project->policySource.isEmpty() ? Eval::PolicyEvaluator::builtinPolicy(project->tablePath)
                                              : project->policySource.toUtf8();
    } else if (parser.isSet(rulesOpt)) {
        QFile f(parser.value(rulesOpt));
        if (!f.open(QIODevice::ReadOnly)) {
            ctx.err << tr("dsn-workbench-cli export: cannot read %1: %2\n").arg(f.fileName(), f.errorString());
            return ExitFailure;
        }
        auto rules = Rules::RegexRule::listFromJson(f.readAll(), f.fileName());
        if (!rules) {
            ctx.err << QStringLiteral("dsn-workbench-cli export: ") << rules.error().toString() << '\n';
            return ExitFailure;
        }
        table = Rules::RegexRule::listToJson(*rules);
        lua = Eval::PolicyEvaluator::builtinPolicy(Eval::PolicyEvaluator::defaultTablePath());
    } else {
        ctx.err << tr("dsn-workbench-cli export: give --project FILE or --rules TABLE.json\n");
        return ExitUsage;
    }

    if (parser.isSet(outOpt)) {
        if (!writeAtomically(parser.value(outOpt), table, ctx))
            return ExitFailure;
    } else {
        ctx.out << QString::fromUtf8(table);
    }
    if (parser.isSet(luaOpt) && !writeAtomically(parser.value(luaOpt), lua, ctx))
        return ExitFailure;
    ctx.out.flush();
    return ExitOk;
}

} // namespace Dsn::Cli
