// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

class QTemporaryDir;

namespace Dsn::Test {

/// One in-process run of dsn-workbench-cli: the same code as the executable, with stdin, stdout
/// and stderr swapped for buffers.
struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;

    /// `args` without the program name; `stdinBytes` is what the command reads as input.
    static CliRun run(const QStringList &args, const QByteArray &stdinBytes = {});
    /// stdout read as JSON Lines.
    QList<QJsonObject> jsonLines() const;
};

/// Writes `content` to `name` in `dir` and returns the path.
QString writeTempFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content);

} // namespace Dsn::Test
