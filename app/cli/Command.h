// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QCommandLineParser>
#include <QIODevice>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace Dsn::Cli {

/// Where a command reads and writes; tests swap in buffers to run commands in-process.
struct CommandContext
{
    QTextStream &out;
    QTextStream &err;
    QIODevice *in = nullptr;
    /// True when stderr is a terminal (progress output is only for people).
    bool interactive = false;
};

/// Exit codes shared by every command.
enum ExitCode { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };

/**
 * A `dsn-workbench-cli` subcommand. Each parses its own options with QCommandLineParser (never
 * process(), which would exit the process) and returns an exit code.
 */
class Command
{
public:
    virtual ~Command() = default;
    virtual QString name() const = 0;
    virtual QString description() const = 0;
    /// `arguments` starts with the command name, as QCommandLineParser expects.
    virtual int execute(const QStringList &arguments, CommandContext &ctx) = 0;

protected:
    /// Parses `arguments`; prints help or the parse error and returns false when the command
    /// should stop, with the exit code in `exitCode`.
    bool parseArguments(QCommandLineParser &parser, const QStringList &arguments, CommandContext &ctx,
                        int &exitCode) const;
};

} // namespace Dsn::Cli
