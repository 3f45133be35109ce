// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <initializer_list>

#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include "replay/LogGenerator.h"
#include "replay/ReplayEngine.h"

class QTemporaryDir;

namespace Dsn::Test {

/// A file of tests/data/replay.
QString replayData(const char *name);
/// The corpus copy in tests/data, as generator replies.
QList<Replay::LogGenerator::Reply> corpusReplies();
/// Replay options with tests/data/replay/rules.json as the table and the built-in policy.
Replay::ReplayOptions fixtureOptions(int threads = 1);

struct GeneratedLogs
{
    QStringList files;
    qint64 records = 0;
    qint64 failures = 0;
};

/// One generated log per seed in `dir` (the one for `zstdSeed` compressed), `records` each.
GeneratedLogs generateLogs(const QTemporaryDir &dir, std::initializer_list<quint64> seeds, qint64 records,
                           quint64 zstdSeed);

} // namespace Dsn::Test
