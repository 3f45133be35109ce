// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QJsonObject>
#include <QString>

namespace Dsn {

/**
 * One problem found in user input: a rules table, a Lua chunk, a response, a project file.
 * Positions are 1-based lines and columns; `position` is a 0-based character offset inside a
 * regex pattern. Fields that do not apply stay at -1 or empty.
 */
struct Diagnostic
{
    enum class Severity { Info, Warning, Error };

    Severity severity = Severity::Error;
    QString source;   ///< file name, chunk name, "rules", "response #3" …
    QString code;     ///< stable machine id such as "regex-parse", "lua-runtime", "risky-rewrite"
    QString message;  ///< human readable, already translated
    int line = -1;
    int column = -1;
    int ruleIndex = -1;
    int position = -1;
    QString pattern;

    static Diagnostic error(QString code, QString message, QString source = {});
    static Diagnostic warning(QString code, QString message, QString source = {});

    /// "policy.lua:12: message", "rule 3 (pattern …) at 7: message" — for terminals and logs.
    QString toString() const;
    QJsonObject toJson() const;

    static QString severityName(Severity s);
};

} // namespace Dsn
