// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include <cstdio>

#include <unistd.h>

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

#include "CliApplication.h"

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("dsn-workbench-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DSN_VERSION));

    QFile in;
    in.open(stdin, QIODevice::ReadOnly);
    QTextStream out(stdout);
    QTextStream err(stderr);
    Dsn::Cli::CommandContext ctx{out, err, &in, isatty(STDERR_FILENO) != 0};
    Dsn::Cli::CliApplication cli;
    return cli.run(QCoreApplication::arguments(), ctx);
}
