// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "common/QueueName.h"

namespace Dsn {

namespace {

QueueName parseUncached(const QString &name)
{
    // A replay parses one per failure: slices of the name are copied once, straight into the
    // parts, and a plain domain shares the name's data.
    // "" and not null where a part is present but empty: that is what Lua's "" is.
    const auto part = [](QStringView v) { return v.isEmpty() ? QString(QLatin1String("")) : v.toString(); };
    QueueName q;
    const QStringView whole(name);
    // One walk finds the separators: names are a few dozen characters, where each of three
    // indexOf calls cost more in setting up than in searching.
    qsizetype at = -1, colon = -1, bang = -1, firstBang = -1;
    const char16_t *u = reinterpret_cast<const char16_t *>(whole.data());
    for (qsizetype i = 0; i < whole.size(); ++i) {
        const char16_t c = u[i];
        if (c > u'@')
            continue;
        if (c == u'@') {
            if (at < 0)
                at = i;
        } else if (c == u':') {
            if (at < 0 && colon < 0)
                colon = i;
        } else if (c == u'!') {
            if (firstBang < 0)
                firstBang = i;
            if (at >= 0 && bang < 0)
                bang = i;
        }
    }
    if (at < 0) {
        // Without an '@' there is no prefix: a ':' belongs to the domain, and any '!' counts.
        colon = -1;
        bang = firstBang;
    }
    QStringView domainPart = whole;
    if (at >= 0) {
        const QStringView prefix = whole.first(at);
        domainPart = whole.sliced(at + 1);
        if (colon >= 0) {
            q.campaign = part(prefix.first(colon));
            q.tenant = part(prefix.sliced(colon + 1));
        } else {
            q.tenant = part(prefix);
        }
    }
    if (bang >= 0) {
        const qsizetype inDomain = bang - (whole.size() - domainPart.size());
        q.domain = part(domainPart.first(inDomain));
        q.routingDomain = part(domainPart.sliced(inDomain + 1));
    } else if (at < 0 && !name.isEmpty()) {
        q.domain = name;
    } else {
        q.domain = part(domainPart);
    }
    return q;
}

} // namespace

QueueName QueueName::parse(const QString &name)
{
    // A replay parses each failure's queue twice (record, then evaluation), and a log holds few
    // distinct queues: the last name parsed on this thread is answered from memory.
    thread_local bool t_cached = false;
    thread_local QString t_lastName;
    thread_local QueueName t_lastParsed;
    if (t_cached && name.size() == t_lastName.size() && name.isNull() == t_lastName.isNull() && name == t_lastName)
        return t_lastParsed;
    t_lastParsed = parseUncached(name);
    t_lastName = name;
    t_cached = true;
    return t_lastParsed;
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
