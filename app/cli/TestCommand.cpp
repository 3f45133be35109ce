// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "TestCommand.h"

#include <QCoreApplication>
#include <QFileInfo>

#include "PolicyOptions.h"
#include "eval/PolicyEvaluator.h"
#include "project/Project.h"

namespace Dsn::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("TestCommand", text);
}

} // namespace

QString TestCommand::description() const
{
    return tr("Check every sample of a project against its expected outcome.");
}

int TestCommand::execute(const QStringList &arguments, CommandContext &ctx)
{
    QCommandLineParser parser;
    const QCommandLineOption compatOpt(QStringLiteral("compat"), tr("Override the project's profile."),
                                       QStringLiteral("PROFILE"));
    parser.addOption(compatOpt);
    const PolicyOptions policy;
    parser.addOption(policy.classifierOption());
    parser.addPositionalArgument(QStringLiteral("PROJECT"), tr("Project file (.dsnwb)."));
    int exitCode = ExitOk;
    if (!parseArguments(parser, arguments, ctx, exitCode))
        return exitCode;
    if (parser.positionalArguments().size() != 1) {
        ctx.err << tr("dsn-workbench-cli test: give exactly one project file\n");
        return ExitUsage;
    }
    const QString path = parser.positionalArguments().constFirst();
    auto project = Project::Project::load(path);
    if (!project) {
        ctx.err << QStringLiteral("dsn-workbench-cli test: ") << project.error().toString() << '\n';
        return ExitFailure;
    }
    Eval::EvaluatorConfig config = project->evaluatorConfig(QFileInfo(path).absolutePath());
    if (parser.isSet(compatOpt)) {
        const auto profile = compatProfileFromId(parser.value(compatOpt));
        if (!profile) {
            ctx.err << tr("dsn-workbench-cli test: unknown profile \"%1\"\n").arg(parser.value(compatOpt));
            return ExitUsage;
        }
        config.profile = *profile;
    }
    if (auto error = policy.applyClassifier(parser, config)) {
        ctx.err << QStringLiteral("dsn-workbench-cli test: ") << error->toString() << '\n';
        return ExitFailure;
    }
    Eval::PolicyEvaluator evaluator(config);
    if (evaluator.loadError()) {
        ctx.err << QStringLiteral("dsn-workbench-cli test: ") << evaluator.loadError()->toDiagnostic().toString()
                << '\n';
        return ExitFailure;
    }

    int passed = 0;
    int failed = 0;
    for (qsizetype i = 0; i < project->samples.size(); ++i) {
        const Project::Sample &s = project->samples[i];
        if (s.expect.isEmpty())
            continue;
        const Eval::EvalResult r = evaluator.evaluate(s.toInput());
        const QString mismatch = s.expect.mismatch(r);
        const QString firstLine = s.response.section(QLatin1Char('\n'), 0, 0).left(70);
        if (mismatch.isEmpty()) {
            ++passed;
            ctx.out << QStringLiteral("PASS  sample %1  %2\n").arg(i + 1).arg(firstLine);
        } else {
            ++failed;
            ctx.out << QStringLiteral("FAIL  sample %1  %2\n      %3\n").arg(i + 1).arg(firstLine, mismatch);
        }
    }
    ctx.out << QStringLiteral("%1 passed, %2 failed\n").arg(passed).arg(failed);
    ctx.out.flush();
    return failed ? ExitFailure : ExitOk;
}

} // namespace Dsn::Cli
