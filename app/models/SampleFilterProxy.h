// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QSortFilterProxyModel>

namespace Dsn::Models {

/**
 * Narrows a SampleTableModel: only rewritten samples, only bounces, only samples no rule
 * matched, and a case-insensitive text filter over the response, queue, note, explanation and
 * matched patterns. The filters combine with AND. Rows without a result pass the outcome
 * filters only when those are off. Filtering re-runs when the source's results change.
 */
class SampleFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SampleFilterProxy)

public:
    explicit SampleFilterProxy(QObject *parent = nullptr);

    void setOnlyChanged(bool on);
    bool onlyChanged() const { return m_onlyChanged; }
    void setOnlyBounces(bool on);
    bool onlyBounces() const { return m_onlyBounces; }
    void setOnlyUnmatched(bool on);
    bool onlyUnmatched() const { return m_onlyUnmatched; }
    void setText(const QString &text);
    QString text() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void refilter();

    bool m_onlyChanged = false;
    bool m_onlyBounces = false;
    bool m_onlyUnmatched = false;
    QString m_text;
};

} // namespace Dsn::Models
