// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <deque>
#include <optional>

#include <QHash>
#include <QString>

#include "common/Clock.h"
#include "common/SmtpPhase.h"
#include "sandbox/MatchContext.h"
#include "sandbox/Scenario.h"

namespace Dsn::Sandbox {

/**
 * A scenario plus what the server remembers between connections, read through `Clock` so tests
 * move time with MockClock instead of sleeping. Owned by SandboxServer and used from its thread
 * only.
 *
 * Stateful rules apply only while their condition holds:
 *  - greylist: keyed by (client IP, sender, recipient). The first attempt and retries sooner
 *    than `retry_after_s` get the reply; a retry between `retry_after_s` and `retry_window_s`
 *    passes, and the triplet then passes for `remember_s`. A retry after the window starts over.
 *  - rate_limit: applies when at least `max` events (accepted messages matching the rule's
 *    patterns, or connections from a matching client) happened within `window_s`, per client
 *    IP or for the whole server. The connection being greeted is counted after the decision.
 *  - quota: mailboxes are keyed by recipient address and filled by accepted message sizes. At
 *    RCPT TO and DATA the rule applies when a matching mailbox is full; at end of data when the
 *    message would not fit.
 *
 * Memory is bounded: each table keeps at most `MaxEntries` keys (expired ones are dropped first).
 */
class ScenarioState
{
public:
    static constexpr qsizetype MaxEntries = 100'000;

    explicit ScenarioState(const Clock &clock = Clock::system());

    /// Replaces the scenario and forgets all state.
    void setScenario(Scenario scenario);
    const Scenario &scenario() const { return m_scenario; }

    /**
     * The rule that answers `phase` in `ctx`, or nullopt for the default reply. A copy, so it
     * stays valid while a delayed reply waits even if the scenario is replaced meanwhile.
     * Greylisting records the attempt as a side effect.
     */
    std::optional<ScenarioRule> select(SmtpPhase phase, const MatchContext &ctx);

    void recordConnection(const QString &client);
    /// `ctx` has the sender, the accepted recipients and the message size.
    void recordAcceptedMessage(const MatchContext &ctx);

    qint64 mailboxBytes(const QString &recipient) const;
    /// Forgets greylist triplets, counters and mailbox contents; keeps the scenario.
    void reset();

private:
    struct Triplet
    {
        qint64 firstSeenMs = 0;
        qint64 lastSeenMs = 0;
        bool passed = false;
    };

    bool conditionHolds(const ScenarioRule &rule, SmtpPhase phase, const MatchContext &ctx);
    bool greylisted(const ScenarioRule &rule, const MatchContext &ctx);
    bool rateExceeded(const ScenarioRule &rule, const MatchContext &ctx);
    void addEvent(const ScenarioRule &rule, const QString &client);
    QString rateKey(const ScenarioRule &rule, const QString &client) const;
    void trimGreylist(qint64 now);

    const Clock &m_clock;
    Scenario m_scenario;
    QHash<QString, Triplet> m_greylist;
    /// Event times per "rule index|client"; each list keeps only the newest `max` entries.
    QHash<QString, std::deque<qint64>> m_events;
    QHash<QString, qint64> m_mailboxes;
};

} // namespace Dsn::Sandbox
