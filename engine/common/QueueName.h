// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <optional>

#include <QString>

namespace Dsn {

/**
 * A KumoMTA scheduled-queue name, `campaign:tenant@domain!routing_domain`, parsed exactly as
 * KumoMTA does: no validation, first `@`, first `:`, first `!`. A null QString means "nil";
 * an empty one is Lua's "" (`campaign:@d` has tenant "").
 */
struct QueueName
{
    QString campaign;
    QString tenant;
    QString domain;
    QString routingDomain;

    static QueueName parse(const QString &name);

    /// Builds `c:t@d`, `c:@d`, `t@d` or `d`, each with `!rd` when a routing domain is set.
    /// `domain` is used as given; see fromRecipient() for the lower-cased recipient domain.
    static QueueName fromParts(const QString &campaign, const QString &tenant, const QString &domain,
                               const QString &routingDomain = QString());
    /// The queue a message to `recipient` lands in: its domain lower-cased, plus the parts.
    static QueueName fromRecipient(const QString &recipient, const QString &campaign = QString(),
                                   const QString &tenant = QString(), const QString &routingDomain = QString());

    QString toString() const;

    /// routing_domain as the rewrite event receives it: falls back to the domain, never nil.
    QString eventRoutingDomain() const { return routingDomain.isNull() ? domain : routingDomain; }

    friend bool operator==(const QueueName &, const QueueName &) = default;
};

} // namespace Dsn
