// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "eval/OutcomeSummary.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QStringList>

#include "common/DeliveryRules.h"

namespace Dsn::Eval {

void OutcomeSummary::add(const EvalResult &r)
{
    ++m_total;
    if (r.rewritten)
        ++m_rewritten;
    if (r.eventCalled && r.matched.isEmpty())
        ++m_unmatched;
    if (r.inputError || r.policyError)
        ++m_errors;
    if (r.ambiguous)
        ++m_ambiguous;
    if (r.profileSensitive)
        ++m_profileSensitive;
    // The record type the reply would have had without the policy.
    RecordType before = r.recordType;
    if (r.rewritten) {
        before = DeliveryRules::classify(r.originalCode, r.response.enhancedCode, r.phase, r.profile).type;
    }
    ++m_transitions[{before, r.recordType}];
}

void OutcomeSummary::merge(const OutcomeSummary &other)
{
    m_total += other.m_total;
    m_rewritten += other.m_rewritten;
    m_unmatched += other.m_unmatched;
    m_errors += other.m_errors;
    m_ambiguous += other.m_ambiguous;
    m_profileSensitive += other.m_profileSensitive;
    for (const auto &[key, count] : other.m_transitions)
        m_transitions[key] += count;
}

int OutcomeSummary::transitions(RecordType from, RecordType to) const
{
    const auto it = m_transitions.find({from, to});
    return it == m_transitions.end() ? 0 : it->second;
}

namespace {

// English plurals without a loaded translation; translators get both forms (QT_TRANSLATE_NOOP
// at the call sites lets lupdate see them).
QString count(int n, const char *one, const char *many)
{
    return n == 1 ? QCoreApplication::translate("OutcomeSummary", one)
                  : QCoreApplication::translate("OutcomeSummary", many).arg(n);
}

} // namespace

QString OutcomeSummary::text() const
{
    QStringList parts;
    parts << count(m_total, QT_TRANSLATE_NOOP("OutcomeSummary", "1 sample"), QT_TRANSLATE_NOOP("OutcomeSummary", "%1 samples"));
    for (const auto &[key, count] : m_transitions) {
        if (key.first != key.second)
            parts << QStringLiteral("%1 %2 → %3").arg(count).arg(recordTypeName(key.first), recordTypeName(key.second));
    }
    if (m_rewritten)
        parts << count(m_rewritten, QT_TRANSLATE_NOOP("OutcomeSummary", "1 rewritten"), QT_TRANSLATE_NOOP("OutcomeSummary", "%1 rewritten"));
    parts << count(m_unmatched, QT_TRANSLATE_NOOP("OutcomeSummary", "1 unmatched"), QT_TRANSLATE_NOOP("OutcomeSummary", "%1 unmatched"));
    if (m_ambiguous)
        parts << count(m_ambiguous, QT_TRANSLATE_NOOP("OutcomeSummary", "1 ambiguous"), QT_TRANSLATE_NOOP("OutcomeSummary", "%1 ambiguous"));
    if (m_profileSensitive)
        parts << count(m_profileSensitive, QT_TRANSLATE_NOOP("OutcomeSummary", "1 profile-sensitive"), QT_TRANSLATE_NOOP("OutcomeSummary", "%1 profile-sensitive"));
    if (m_errors)
        parts << count(m_errors, QT_TRANSLATE_NOOP("OutcomeSummary", "1 error"), QT_TRANSLATE_NOOP("OutcomeSummary", "%1 errors"));
    return parts.join(QStringLiteral(" · "));
}

QJsonObject OutcomeSummary::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("samples"), m_total);
    o.insert(QStringLiteral("rewritten"), m_rewritten);
    o.insert(QStringLiteral("unmatched"), m_unmatched);
    o.insert(QStringLiteral("ambiguous"), m_ambiguous);
    o.insert(QStringLiteral("profile_sensitive"), m_profileSensitive);
    o.insert(QStringLiteral("errors"), m_errors);
    QJsonArray t;
    for (const auto &[key, count] : m_transitions) {
        t.append(QJsonObject{{QStringLiteral("from"), recordTypeName(key.first)},
                             {QStringLiteral("to"), recordTypeName(key.second)},
                             {QStringLiteral("count"), count}});
    }
    o.insert(QStringLiteral("transitions"), t);
    return o;
}

} // namespace Dsn::Eval
