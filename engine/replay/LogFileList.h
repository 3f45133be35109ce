// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include "common/Result.h"

namespace Dsn::Replay {

/// One log file to replay, with its size on disk (the progress denominator).
struct LogFile
{
    QString path;
    qint64 size = 0;
};

/**
 * Turns the paths a user gives (files and directories, in any mix) into the ordered list of
 * files to read. Directories are walked recursively and their files sorted by path, so a
 * replay reads the same files in the same order on every run; hidden files are skipped.
 */
class LogFileList
{
public:
    /// Fails with code "unreadable-path" on the first path that does not exist or cannot be read.
    static Result<QList<LogFile>> expand(const QStringList &paths);
};

} // namespace Dsn::Replay
