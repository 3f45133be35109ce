// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QStyledItemDelegate>

namespace Dsn::Workbench {

/**
 * Paints the samples table: the record type as a rounded badge (filled when the policy changed
 * the outcome, outlined when the reply went through unchanged), the matched span highlighted
 * inside the response, and rows whose result is from an older evaluation dimmed and in italics,
 * so a stale outcome never passes for a current one.
 */
class OutcomeDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OutcomeDelegate)

public:
    explicit OutcomeDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    void paintBadge(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
    void paintResponse(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
};

} // namespace Dsn::Workbench
