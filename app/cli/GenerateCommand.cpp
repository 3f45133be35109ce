// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "GenerateCommand.h"

#include <QCoreApplication>

#include "replay/LogGenerator.h"

namespace Dsn::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("GenerateCommand", text);
}

/// "1000", "64K", "10M", "2G" (binary multiples); -1 when not a positive size.
qint64 parseSize(QString text)
{
    qint64 factor = 1;
    const QChar unit = text.isEmpty() ? QChar() : text.back().toUpper();
    if (unit == QLatin1Char('K') || unit == QLatin1Char('M') || unit == QLatin1Char('G')) {
        factor = unit == QLatin1Char('K') ? 1024 : unit == QLatin1Char('M') ? 1024 * 1024 : qint64(1024) * 1024 * 1024;
        text.chop(1);
    }
    bool ok = false;
    const qint64 n = text.toLongLong(&ok);
    return ok && n > 0 ? n * factor : -1;
}

} // namespace

QString GenerateCommand::description() const
{
    return tr("Write a synthetic KumoMTA log (JSON Lines): the same seed gives the same bytes.\n"
              "Failure replies come from --corpus (JSON Lines with \"lines\" and \"phase\") or a built-in set.");
}

int GenerateCommand::execute(const QStringList &arguments, CommandContext &ctx)
{
    QCommandLineParser parser;
    const QCommandLineOption recordsOpt(QStringLiteral("records"), tr("Number of records."), QStringLiteral("N"));
    const QCommandLineOption sizeOpt(QStringLiteral("size"), tr("Uncompressed size to reach (e.g. 100M)."),
                                     QStringLiteral("BYTES"));
    const QCommandLineOption zstdOpt(QStringLiteral("zstd"), tr("Compress with zstd (also implied by a .zst name)."));
    const QCommandLineOption seedOpt(QStringLiteral("seed"), tr("Random seed (default 1)."), QStringLiteral("S"));
    const QCommandLineOption corpusOpt(QStringLiteral("corpus"), tr("Replies to draw failures from."),
                                       QStringLiteral("FILE.jsonl"));
    parser.addOptions({recordsOpt, sizeOpt, zstdOpt, seedOpt, corpusOpt});
    parser.addPositionalArgument(QStringLiteral("OUT"), tr("The log file to write."));
    int exitCode = ExitOk;
    if (!parseArguments(parser, arguments, ctx, exitCode))
        return exitCode;

    const auto usage = [&](const QString &message) {
        ctx.err << QStringLiteral("dsn-workbench-cli generate: ") << message << '\n';
        return int(ExitUsage);
    };
    if (parser.positionalArguments().size() != 1)
        return usage(tr("give exactly one output file"));
    if (!parser.isSet(recordsOpt) && !parser.isSet(sizeOpt))
        return usage(tr("give --records N or --size BYTES"));
    Replay::LogGenerator::Options options;
    bool ok = true;
    if (parser.isSet(recordsOpt)) {
        options.records = parser.value(recordsOpt).toLongLong(&ok);
        if (!ok || options.records <= 0)
            return usage(tr("--records needs a positive number"));
    }
    if (parser.isSet(sizeOpt)) {
        options.bytes = parseSize(parser.value(sizeOpt));
        if (options.bytes <= 0)
            return usage(tr("--size needs a positive size such as 1000, 64K, 10M or 2G"));
    }
    if (parser.isSet(seedOpt)) {
        options.seed = parser.value(seedOpt).toULongLong(&ok);
        if (!ok)
            return usage(tr("--seed needs a non-negative number"));
    }
    const QString out = parser.positionalArguments().constFirst();
    options.zstd = parser.isSet(zstdOpt) || out.endsWith(QLatin1String(".zst")) || out.endsWith(QLatin1String(".zstd"));

    QList<Replay::LogGenerator::Reply> replies;
    if (parser.isSet(corpusOpt)) {
        auto corpus = Replay::LogGenerator::loadCorpus(parser.value(corpusOpt));
        if (!corpus) {
            ctx.err << QStringLiteral("dsn-workbench-cli generate: ") << corpus.error().message << '\n';
            return ExitFailure;
        }
        replies = *corpus;
    }
    Replay::LogGenerator generator(replies, options.seed);
    const auto stats = generator.writeFile(out, options);
    if (!stats) {
        ctx.err << QStringLiteral("dsn-workbench-cli generate: ") << stats.error().message << '\n';
        return ExitFailure;
    }
    ctx.out << tr("%1: %2 records (%3 failures), %4 bytes uncompressed\n")
                   .arg(out, QString::number(stats->records), QString::number(stats->failures),
                        QString::number(stats->bytes));
    return ExitOk;
}

} // namespace Dsn::Cli
