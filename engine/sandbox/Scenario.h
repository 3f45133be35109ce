// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <vector>

#include <QByteArray>
#include <QString>
#include <QStringList>

#include "common/Result.h"
#include "sandbox/ScenarioRule.h"
#include "sandbox/ScriptedReply.h"

namespace Dsn::Sandbox {

/**
 * What the sandbox SMTP server answers, read from a JSON file (comments allowed, see JsonText).
 *
 * ```
 * {
 *   "format": 1,                          // required; files of another version are refused
 *   "name": "gmail-over-quota",
 *   "comment": "what the scenario shows", // free text, also used as the file's README
 *   "hostname": "mx.sandbox.test",        // used in the default greeting and replies
 *   "greeting": {"code": 220, "text": "mx.sandbox.test ESMTP"},         // optional
 *   "ehlo": ["PIPELINING", "SIZE 10485760", "STARTTLS", "8BITMIME"],   // capabilities after the hostname
 *   "limits": {"max_message_bytes": 10485760, "max_recipients": 100,
 *              "idle_timeout_ms": 300000, "max_sessions": 1000},
 *   "tls": {"certificate": "cert.pem", "key": "key.pem"},  // relative to the file; enables STARTTLS
 *   "rules": [
 *     {"phase": "RCPT TO",                 // connect, EHLO, STARTTLS, MAIL FROM, RCPT TO, DATA,
 *                                          // end of data, RSET, QUIT (corpus spellings accepted)
 *      "match": {"recipient": "^full@"},   // client, helo, sender, recipient: regex searches
 *      "reply": {"code": 452, "enhanced": "4.2.2", "text": ["line 1", "line 2"]},  // or {"lines": [...]}
 *      "delay_ms": 0,                      // wait before answering (0 to 600000)
 *      "action": "reply",                  // or "drop": close the connection without a reply
 *      "state": {"greylist": {"retry_after_s": 300, "retry_window_s": 172800, "remember_s": 3024000}},
 *      //    or {"rate_limit": {"count": "messages"|"connections", "max": 3, "window_s": 3600,
 *      //                       "per": "client"|"server"}}
 *      //    or {"quota": {"bytes": 20000}}
 *      "comment": "why this rule exists"}
 *   ]
 * }
 * ```
 *
 * For each command the first rule (in file order) whose phase and patterns match and whose state
 * condition holds answers it; without one the sandbox accepts (250/354/220). A positive scripted
 * reply has the effect of the default one (a 250 to RCPT TO adds the recipient, a 250 at end of
 * data stores the message); a 421 closes the connection after it is sent; a 5xx at connect makes
 * the session answer 503 to everything but QUIT. Stateful rules are described in ScenarioState.
 */
struct Scenario
{
    static constexpr int FormatVersion = 1;

    QString name;
    QString comment;
    QString sourceName; ///< file path or the name given to parse(), for messages
    QString hostname = QStringLiteral("sandbox.invalid");
    ScriptedReply greeting;
    QStringList ehlo{QStringLiteral("PIPELINING"), QStringLiteral("SIZE 10485760"), QStringLiteral("8BITMIME"),
                     QStringLiteral("ENHANCEDSTATUSCODES"), QStringLiteral("STARTTLS")};
    qint64 maxMessageBytes = 10 * 1024 * 1024;
    int maxRecipients = 100;
    int idleTimeoutMs = 300'000;
    int maxSessions = 1000;
    QString tlsCertificatePath; ///< absolute, or empty when the scenario gives no TLS credentials
    QString tlsKeyPath;
    std::vector<ScenarioRule> rules;

    /// A scenario that accepts everything; the server starts with it.
    static Scenario acceptAll();
    /// Reads and validates a file; relative TLS paths are resolved against its folder.
    static Result<Scenario> load(const QString &path);
    /// Parses JSON text. Syntax errors carry line and column, rule errors the rule index.
    static Result<Scenario> parse(const QByteArray &json, const QString &sourceName,
                                  const QString &baseDir = QString());

    /// The EHLO keywords actually offered: STARTTLS only when `tlsAvailable`, whatever the file says.
    QStringList ehloKeywords(bool tlsAvailable) const;
};

} // namespace Dsn::Sandbox
