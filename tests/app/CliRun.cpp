// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "CliRun.h"

#include <QBuffer>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTextStream>

#include "CliApplication.h"

namespace Dsn::Test {

CliRun CliRun::run(const QStringList &args, const QByteArray &stdinBytes)
{
    QString out;
    QString err;
    QTextStream outStream(&out);
    QTextStream errStream(&err);
    QByteArray input = stdinBytes;
    QBuffer in(&input);
    in.open(QIODevice::ReadOnly);
    Cli::CommandContext ctx{outStream, errStream, &in, false};
    Cli::CliApplication app;
    CliRun r;
    r.exitCode = app.run(QStringList{QStringLiteral("dsn-workbench-cli")} + args, ctx);
    outStream.flush();
    errStream.flush();
    r.out = out;
    r.err = err;
    return r;
}

QList<QJsonObject> CliRun::jsonLines() const
{
    QList<QJsonObject> objects;
    for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        objects << QJsonDocument::fromJson(line.toUtf8()).object();
    return objects;
}

QString writeTempFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    QFile f(dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write a temporary file");
    f.write(content);
    return f.fileName();
}

} // namespace Dsn::Test
