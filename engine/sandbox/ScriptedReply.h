// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include "common/Result.h"

namespace Dsn::Sandbox {

/**
 * One reply the sandbox sends, kept as the exact wire lines (without CRLF) so tests can compare
 * what a client received with what the scenario scripted.
 *
 * JSON forms (see Scenario.h for the whole file):
 *  - `{"code": 452, "enhanced": "4.2.2", "text": "one line" | ["line 1", "line 2"]}`: every line
 *    gets the code and, when given, the enhanced code ("452-4.2.2 line 1", "452 4.2.2 line 2");
 *  - `{"lines": ["550-5.1.1 first", "550 5.1.1 last"]}`: lines sent verbatim, as the corpus
 *    `lines` field writes them; they must form one valid reply (same code, '-' except the last).
 */
struct ScriptedReply
{
    int code = 250;
    QString enhanced;  ///< "4.2.2", or empty when the reply carries none
    QStringList lines; ///< complete wire lines, e.g. "452-4.2.2 The email account …"

    /// Builds the wire lines from code, enhanced code and text lines (an empty list gives one line).
    static ScriptedReply make(int code, const QString &enhanced, const QStringList &text);
    static ScriptedReply make(int code, const QString &enhanced, const QString &text)
    {
        return make(code, enhanced, QStringList{text});
    }

    /// `where` names the JSON location in messages ("rules[2].reply").
    static Result<ScriptedReply> fromJson(const QJsonValue &value, const QString &where);

    /// The lines joined and terminated with CRLF, UTF-8.
    QByteArray toWire() const;

    bool isPositive() const { return code >= 200 && code < 400; }
    /// RFC 5321 §3.8: a 421 reply means the server closes the channel after sending it.
    bool closesConnection() const { return code == 421; }
};

} // namespace Dsn::Sandbox
