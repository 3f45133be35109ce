// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QJsonValue>
#include <QRegularExpression>
#include <QString>

#include "common/Result.h"
#include "common/SmtpPhase.h"
#include "sandbox/MatchContext.h"
#include "sandbox/ScriptedReply.h"

namespace Dsn::Sandbox {

/**
 * One scripted answer: when the session reaches `phase` and the patterns match (and, for a
 * stateful rule, its condition holds; see ScenarioState), it answers `reply` after `delayMs`, or
 * drops the connection. The JSON form is documented in Scenario.h.
 *
 * Patterns are QRegularExpression (PCRE2) searches, case-insensitive, unanchored; an empty pattern
 * matches anything. At DATA and end of data `recipient` matches when any accepted recipient does.
 */
struct ScenarioRule
{
    enum class Action
    {
        Reply,
        Drop
    };
    enum class State
    {
        None,
        Greylist,
        RateLimit,
        Quota
    };
    enum class Counter
    {
        Messages,
        Connections
    };

    struct Greylist
    {
        qint64 retryAfterMs = 300'000;      ///< postgrey's default delay: 5 minutes
        qint64 retryWindowMs = 172'800'000; ///< a retry later than 2 days counts as a new first attempt
        qint64 rememberMs = 3'024'000'000;  ///< a passed triplet is remembered for 35 days
    };
    struct RateLimit
    {
        Counter counter = Counter::Messages;
        int max = 1; ///< the rule applies once this many events happened in the window
        qint64 windowMs = 3'600'000;
        bool perClient = true; ///< count per client IP, or for the whole server
    };
    struct Quota
    {
        qint64 bytes = 0; ///< mailbox size; accepted message sizes fill it per recipient address
    };

    int index = -1; ///< 0-based position in the scenario's "rules"
    SmtpPhase phase = SmtpPhase::RcptTo;
    QRegularExpression client;
    QRegularExpression helo;
    QRegularExpression sender;
    QRegularExpression recipient;
    ScriptedReply reply;
    int delayMs = 0;
    Action action = Action::Reply;
    State state = State::None;
    Greylist greylist;
    RateLimit rateLimit;
    Quota quota;
    QString comment;

    /// Parses `rules[index]`; diagnostics carry the rule index and the JSON location.
    static Result<ScenarioRule> fromJson(const QJsonValue &value, int index, const QString &sourceName);

    /// True when every pattern matches `ctx` (state conditions are ScenarioState's business).
    bool matches(const MatchContext &ctx) const;
    /// True when `recipient` matches `address`.
    bool matchesRecipient(const QString &address) const;
};

} // namespace Dsn::Sandbox
