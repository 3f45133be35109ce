// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "EvalCommand.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include "InputLineParser.h"
#include "OutcomeTable.h"
#include "PolicyOptions.h"
#include "eval/OutcomeSummary.h"
#include "eval/PolicyEvaluator.h"
#include "rules/RegexSetMap.h"

namespace Dsn::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("EvalCommand", text);
}

} // namespace

QString EvalCommand::description() const
{
    return tr("Evaluate SMTP replies against a rewrite policy, one reply per input line.\n"
              "A plain line is one reply with its lines separated by the literal characters \\r\\n; "
              "a line starting with { is a JSON object with \"response\", \"lines\" or \"text\", "
              "and optional \"queue\" and \"phase\".");
}

int EvalCommand::execute(const QStringList &arguments, CommandContext &ctx)
{
    QCommandLineParser parser;
    PolicyOptions policy;
    policy.addTo(parser);
    const QCommandLineOption phaseOpt(QStringLiteral("phase"),
                                      tr("Phase the replies answered: MAIL FROM, RCPT TO (default), DATA, end of data."),
                                      QStringLiteral("PHASE"));
    const QCommandLineOption inputOpt(QStringLiteral("input"), tr("Read replies from FILE instead of stdin."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption samplesOpt(QStringLiteral("samples"), tr("Evaluate the project's samples."));
    const QCommandLineOption tableOpt(QStringLiteral("table"), tr("Print a readable table and a summary instead of JSON."));
    parser.addOptions({phaseOpt, inputOpt, samplesOpt, tableOpt});
    int exitCode = ExitOk;
    if (!parseArguments(parser, arguments, ctx, exitCode))
        return exitCode;

    auto resolved = policy.resolve(parser);
    if (!resolved) {
        ctx.err << QStringLiteral("dsn-workbench-cli eval: ") << resolved.error().toString() << '\n';
        return resolved.error().code == QLatin1String("usage") ? ExitUsage : ExitFailure;
    }
    SmtpPhase defaultPhase = SmtpPhase::RcptTo;
    if (parser.isSet(phaseOpt)) {
        const auto p = smtpPhaseFromName(parser.value(phaseOpt));
        if (!p) {
            ctx.err << tr("dsn-workbench-cli eval: unknown phase \"%1\"\n").arg(parser.value(phaseOpt));
            return ExitUsage;
        }
        defaultPhase = *p;
    }
    if (parser.isSet(samplesOpt) && !resolved->project) {
        ctx.err << tr("dsn-workbench-cli eval: --samples needs --project\n");
        return ExitUsage;
    }

    // A table KumoMTA would refuse fails every event call; say so once, up front.
    auto compiled = Rules::RegexSetMap::compile(resolved->config.rules);
    if (!compiled)
        ctx.err << tr("warning: the rules table does not compile, so every event call fails: %1\n")
                       .arg(compiled.error().toString());

    Eval::PolicyEvaluator evaluator(resolved->config);
    if (evaluator.loadError()) {
        ctx.err << QStringLiteral("dsn-workbench-cli eval: ") << evaluator.loadError()->toDiagnostic().toString()
                << '\n';
        return ExitFailure;
    }
    for (const Diagnostic &d : evaluator.diagnostics())
        ctx.err << d.toString() << '\n';

    const bool table = parser.isSet(tableOpt);
    OutcomeTable outcomeTable;
    outcomeTable.setShowClassification(evaluator.classifier() != nullptr);
    Eval::OutcomeSummary summary;
    int number = 0;
    auto report = [&](const Result<Eval::EvalInput> &input) {
        ++number;
        if (!input) {
            QJsonObject o{{QStringLiteral("input"), number}, {QStringLiteral("error"), input.error().message}};
            if (table)
                ctx.err << tr("input %1: %2\n").arg(number).arg(input.error().message);
            else
                ctx.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
            return;
        }
        const Eval::EvalResult result = evaluator.evaluate(*input);
        summary.add(result);
        if (table) {
            outcomeTable.add(number, result);
        } else {
            QJsonObject o = result.toJson();
            o.insert(QStringLiteral("input"), number);
            ctx.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
        }
    };

    if (parser.isSet(samplesOpt)) {
        for (const Project::Sample &s : resolved->project->samples)
            report(s.toInput());
    } else {
        QFile file;
        QIODevice *in = ctx.in;
        if (parser.isSet(inputOpt)) {
            file.setFileName(parser.value(inputOpt));
            if (!file.open(QIODevice::ReadOnly)) {
                ctx.err << tr("dsn-workbench-cli eval: cannot read %1: %2\n").arg(file.fileName(), file.errorString());
                return ExitFailure;
            }
            in = &file;
        }
        if (!in) {
            ctx.err << tr("dsn-workbench-cli eval: no input\n");
            return ExitUsage;
        }
        const InputLineParser lineParser(defaultPhase, resolved->config.defaultQueue);
        while (true) {
            const QByteArray raw = in->readLine();
            // A blocking read gives an empty array only at end of input ("\n" for a blank line).
            if (raw.isEmpty())
                break;
            const QString line = QString::fromUtf8(raw).trimmed();
            if (line.isEmpty())
                continue;
            report(lineParser.parse(line));
        }
    }
    if (table) {
        outcomeTable.write(ctx.out);
        ctx.out << summary.text() << '\n';
    }
    ctx.out.flush();
    return ExitOk;
}

} // namespace Dsn::Cli
