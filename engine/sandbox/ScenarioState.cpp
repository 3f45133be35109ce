// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "sandbox/ScenarioState.h"

#include <algorithm>

namespace Dsn::Sandbox {

ScenarioState::ScenarioState(const Clock &clock) : m_clock(clock), m_scenario(Scenario::acceptAll()) {}

void ScenarioState::setScenario(Scenario scenario)
{
    m_scenario = std::move(scenario);
    reset();
}

void ScenarioState::reset()
{
    m_greylist.clear();
    m_events.clear();
    m_mailboxes.clear();
}

std::optional<ScenarioRule> ScenarioState::select(SmtpPhase phase, const MatchContext &ctx)
{
    for (const ScenarioRule &rule : m_scenario.rules) {
        if (rule.phase == phase && rule.matches(ctx) && conditionHolds(rule, phase, ctx))
            return rule;
    }
    return std::nullopt;
}

bool ScenarioState::conditionHolds(const ScenarioRule &rule, SmtpPhase phase, const MatchContext &ctx)
{
    switch (rule.state) {
    case ScenarioRule::State::None:
        return true;
    case ScenarioRule::State::Greylist:
        return greylisted(rule, ctx);
    case ScenarioRule::State::RateLimit:
        return rateExceeded(rule, ctx);
    case ScenarioRule::State::Quota:
        break;
    }
    if (phase == SmtpPhase::RcptTo)
        return mailboxBytes(ctx.recipient) >= rule.quota.bytes;
    const qint64 incoming = phase == SmtpPhase::EndOfData ? ctx.messageBytes : 0;
    for (const QString &r : ctx.recipients) {
        if (!rule.matchesRecipient(r))
            continue;
        const qint64 used = mailboxBytes(r);
        if (incoming > 0 ? used + incoming > rule.quota.bytes : used >= rule.quota.bytes)
            return true;
    }
    return false;
}

bool ScenarioState::greylisted(const ScenarioRule &rule, const MatchContext &ctx)
{
    const qint64 now = m_clock.monotonicMs();
    // The unit separator cannot appear in an address or an IP, so keys cannot collide.
    const QString key = QString::number(rule.index) + QChar(0x1f) + ctx.client + QChar(0x1f) + ctx.sender.toLower() +
                        QChar(0x1f) + ctx.recipient.toLower();
    auto it = m_greylist.find(key);
    if (it == m_greylist.end()) {
        trimGreylist(now);
        m_greylist.insert(key, Triplet{now, now, false});
        return true;
    }
    Triplet &t = it.value();
    const qint64 sinceLast = now - t.lastSeenMs;
    t.lastSeenMs = now;
    if (t.passed) {
        if (sinceLast <= rule.greylist.rememberMs)
            return false;
        t = Triplet{now, now, false};
        return true;
    }
    const qint64 age = now - t.firstSeenMs;
    if (age < rule.greylist.retryAfterMs)
        return true;
    if (age > rule.greylist.retryWindowMs) {
        t = Triplet{now, now, false};
        return true;
    }
    t.passed = true;
    return false;
}

void ScenarioState::trimGreylist(qint64 now)
{
    if (m_greylist.size() < MaxEntries)
        return;
    // Drop triplets no rule could still care about; a flood of new ones empties the table instead.
    qint64 longest = 0;
    for (const ScenarioRule &r : m_scenario.rules)
        longest = std::max({longest, r.greylist.retryWindowMs, r.greylist.rememberMs});
    m_greylist.removeIf([&](const auto &it) { return now - it.value().lastSeenMs > longest; });
    if (m_greylist.size() >= MaxEntries)
        m_greylist.clear();
}

QString ScenarioState::rateKey(const ScenarioRule &rule, const QString &client) const
{
    return QString::number(rule.index) + QChar(0x1f) + (rule.rateLimit.perClient ? client : QString());
}

bool ScenarioState::rateExceeded(const ScenarioRule &rule, const MatchContext &ctx)
{
    const auto it = m_events.constFind(rateKey(rule, ctx.client));
    if (it == m_events.cend())
        return false;
    const qint64 since = m_clock.monotonicMs() - rule.rateLimit.windowMs;
    const auto recent = std::count_if(it->begin(), it->end(), [since](qint64 t) { return t > since; });
    return recent >= rule.rateLimit.max;
}

void ScenarioState::addEvent(const ScenarioRule &rule, const QString &client)
{
    const QString key = rateKey(rule, client);
    if (!m_events.contains(key) && m_events.size() >= MaxEntries)
        m_events.clear();
    std::deque<qint64> &times = m_events[key];
    times.push_back(m_clock.monotonicMs());
    // Only the newest `max` events can decide whether `max` happened within the window.
    while (qsizetype(times.size()) > rule.rateLimit.max)
        times.pop_front();
}

void ScenarioState::recordConnection(const QString &client)
{
    MatchContext ctx;
    ctx.client = client;
    for (const ScenarioRule &rule : m_scenario.rules) {
        if (rule.state == ScenarioRule::State::RateLimit &&
            rule.rateLimit.counter == ScenarioRule::Counter::Connections &&
            (rule.client.pattern().isEmpty() || rule.client.match(client).hasMatch()))
            addEvent(rule, client);
    }
}

void ScenarioState::recordAcceptedMessage(const MatchContext &ctx)
{
    for (const ScenarioRule &rule : m_scenario.rules) {
        if (rule.state == ScenarioRule::State::RateLimit && rule.rateLimit.counter == ScenarioRule::Counter::Messages &&
            rule.matches(ctx))
            addEvent(rule, ctx.client);
    }
    for (const QString &r : ctx.recipients) {
        const QString key = r.toLower();
        if (!m_mailboxes.contains(key) && m_mailboxes.size() >= MaxEntries)
            m_mailboxes.clear();
        m_mailboxes[key] += ctx.messageBytes;
    }
}

qint64 ScenarioState::mailboxBytes(const QString &recipient) const
{
    return m_mailboxes.value(recipient.toLower(), 0);
}

} // namespace Dsn::Sandbox
