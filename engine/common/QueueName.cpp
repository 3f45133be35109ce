// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "common/QueueName.h"

namespace Dsn {

QueueName QueueName::parse(const QString &name)
{
    QueueName q;
    QString domainPart = name;
    const qsizetype at = name.indexOf(QLatin1Char('@'));
    if (at >= 0) {
        const QString prefix = name.left(at);
        domainPart = name.mid(at + 1);
        const qsizetype colon = prefix.indexOf(QLatin1Char(':'));
        if (colon >= 0) {
            q.campaign = prefix.left(colon);
            q.tenant = prefix.mid(colon + 1);
        } else {
            q.tenant = prefix;
        }
        // QString::left/mid give empty-but-not-null strings for "", which is what Lua's "" is.
        if (q.tenant.isNull())
            q.tenant = QLatin1String("");
        if (colon >= 0 && q.campaign.isNull())
            q.campaign = QLatin1String("");
    }
    const qsizetype bang = domainPart.indexOf(QLatin1Char('!'));
    if (bang >= 0) {
        q.domain = domainPart.left(bang);
        q.routingDomain = domainPart.mid(bang + 1);
        if (q.routingDomain.isNull())
            q.routingDomain = QLatin1String("");
    } else {
        q.domain = domainPart;
    }
    if (q.domain.isNull())
        q.domain = QLatin1String("");
    return q;
}

QueueName QueueName::fromParts(const QString &campaign, const QString &tenant, const QString &domain,
                               const QString &routingDomain)
{
    QueueName q;
    q.campaign = campaign;
    q.tenant = tenant;
    q.domain = domain.isNull() ? QStringLiteral("") : domain;
    q.routingDomain = routingDomain;
    // KumoMTA writes "c:@d" when only the campaign is set, so the parsed tenant is "".
    if (!q.campaign.isNull() && q.tenant.isNull())
        q.tenant = QLatin1String("");
    return q;
}

QueueName QueueName::fromRecipient(const QString &recipient, const QString &campaign, const QString &tenant,
                                   const QString &routingDomain)
{
    QString address = recipient.trimmed();
    if (address.startsWith(QLatin1Char('<')) && address.endsWith(QLatin1Char('>')))
        address = address.mid(1, address.size() - 2);
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    const QString domain = (at >= 0 ? address.mid(at + 1) : address).toLower();
    return fromParts(campaign, tenant, domain, routingDomain);
}

QString QueueName::toString() const
{
    QString out;
    if (!campaign.isNull())
        out = campaign + QLatin1Char(':') + tenant + QLatin1Char('@');
    else if (!tenant.isNull())
        out = tenant + QLatin1Char('@');
    out += domain;
    if (!routingDomain.isNull())
        out += QLatin1Char('!') + routingDomain;
    return out;
}

} // namespace Dsn
