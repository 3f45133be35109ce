// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "SampleFilterProxy.h"

#include "SampleTableModel.h"
#include "common/RecordType.h"

namespace Dsn::Models {

SampleFilterProxy::SampleFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    // Results change row content, not row count: filter again on dataChanged.
    setDynamicSortFilter(true);
}

void SampleFilterProxy::refilter()
{
    // Qt 6.4 has no beginFilterChange(); invalidateFilter() is the public way.
    invalidateFilter();
}

void SampleFilterProxy::setOnlyChanged(bool on)
{
    if (m_onlyChanged == on)
        return;
    m_onlyChanged = on;
    refilter();
}

void SampleFilterProxy::setOnlyBounces(bool on)
{
    if (m_onlyBounces == on)
        return;
    m_onlyBounces = on;
    refilter();
}

void SampleFilterProxy::setOnlyUnmatched(bool on)
{
    if (m_onlyUnmatched == on)
        return;
    m_onlyUnmatched = on;
    refilter();
}

void SampleFilterProxy::setText(const QString &text)
{
    if (m_text == text)
        return;
    m_text = text;
    refilter();
}

bool SampleFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
    const bool hasResult = idx.data(SampleTableModel::HasResultRole).toBool();
    if (m_onlyChanged && !idx.data(SampleTableModel::RewrittenRole).toBool())
        return false;
    if (m_onlyBounces) {
        const QVariant type = idx.data(SampleTableModel::RecordTypeRole);
        if (!hasResult || type.value<RecordType>() != RecordType::Bounce)
            return false;
    }
    if (m_onlyUnmatched && (!hasResult || idx.data(SampleTableModel::MatchedCountRole).toInt() > 0))
        return false;
    if (!m_text.isEmpty()
        && !idx.data(SampleTableModel::SearchTextRole).toString().contains(m_text, Qt::CaseInsensitive))
        return false;
    return true;
}

} // namespace Dsn::Models
