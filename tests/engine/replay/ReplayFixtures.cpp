// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "ReplayFixtures.h"

#include <QFile>
#include <QTemporaryDir>

#include "TestConfig.h"
#include "rules/RegexRule.h"

namespace Dsn::Test {

QString replayData(const char *name)
{
    return QStringLiteral(DSN_TEST_DATA_DIR "/replay/") + QLatin1String(name);
}

QList<Replay::LogGenerator::Reply> corpusReplies()
{
    const auto corpus = Replay::LogGenerator::loadCorpus(QStringLiteral(DSN_TEST_DATA_DIR "/corpus/responses.jsonl"));
    if (!corpus)
        qFatal("%s", qPrintable(corpus.error().toString()));
    return *corpus;
}

Replay::ReplayOptions fixtureOptions(int threads)
{
    Replay::ReplayOptions options;
    QFile f(replayData("rules.json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("tests/data/replay/rules.json is missing");
    options.config.rules = Rules::RegexRule::listFromJson(f.readAll(), QStringLiteral("rules.json")).value();
    options.threads = threads;
    return options;
}

GeneratedLogs generateLogs(const QTemporaryDir &dir, std::initializer_list<quint64> seeds, qint64 records,
                           quint64 zstdSeed)
{
    GeneratedLogs logs;
    const QList<Replay::LogGenerator::Reply> replies = corpusReplies();
    for (quint64 seed : seeds) {
        Replay::LogGenerator generator(replies);
        Replay::LogGenerator::Options options;
        options.seed = seed;
        options.records = records;
        options.zstd = seed == zstdSeed;
        logs.files << dir.filePath(QStringLiteral("part%1.log").arg(seed));
        const auto stats = generator.writeFile(logs.files.last(), options);
        if (!stats)
            qFatal("%s", qPrintable(stats.error().toString()));
        logs.records += stats->records;
        logs.failures += stats->failures;
    }
    return logs;
}

} // namespace Dsn::Test
