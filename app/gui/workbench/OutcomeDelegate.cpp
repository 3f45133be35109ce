// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "OutcomeDelegate.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

#include "RecordTypeBadge.h"
#include "SampleTableModel.h"
#include "eval/EvalResult.h"

namespace Dsn::Workbench {

using Models::SampleTableModel;

OutcomeDelegate::OutcomeDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

void OutcomeDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(SampleTableModel::IsStaleRole).toBool()) {
        option->font.setItalic(true);
        QColor text = option->palette.color(QPalette::Text);
        text.setAlphaF(0.5f);
        option->palette.setColor(QPalette::Text, text);
    }
}

void OutcomeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (index.column() == SampleTableModel::RecordTypeColumn && index.data(SampleTableModel::HasResultRole).toBool()) {
        paintBadge(painter, option, index);
        return;
    }
    if (index.column() == SampleTableModel::ResponseColumn && index.data(SampleTableModel::MatchedCountRole).toInt() > 0) {
        paintResponse(painter, option, index);
        return;
    }
    QStyledItemDelegate::paint(painter, option, index);
}

QSize OutcomeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.column() == SampleTableModel::RecordTypeColumn)
        size.setWidth(std::max(size.width() + 16, 120));
    return size;
}

void OutcomeDelegate::paintBadge(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    opt.backgroundBrush = Qt::NoBrush;
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // selection and focus only

    const auto type = index.data(SampleTableModel::RecordTypeRole).value<RecordType>();
    const Models::RecordTypeBadge badge = Models::RecordTypeBadge::forType(type);
    const bool rewritten = index.data(SampleTableModel::RewrittenRole).toBool();
    const bool stale = index.data(SampleTableModel::IsStaleRole).toBool();
    QString text = index.data(Qt::DisplayRole).toString();
    if (!rewritten)
        text = tr("%1 · unchanged").arg(text);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    if (stale)
        painter->setOpacity(0.45);
    QFont font = opt.font;
    font.setBold(rewritten);
    painter->setFont(font);
    const QFontMetrics fm(font);
    const int width = std::min(fm.horizontalAdvance(text) + 14, option.rect.width() - 6);
    const int height = std::min(fm.height() + 4, option.rect.height() - 2);
    const QRectF pill(option.rect.left() + 4, option.rect.center().y() - height / 2.0 + 0.5, width, height);
    QPainterPath path;
    path.addRoundedRect(pill, height / 2.0, height / 2.0);
    if (rewritten) {
        painter->fillPath(path, badge.background);
        painter->setPen(badge.foreground);
    } else {
        // An outline in the badge colour reads on light and dark bases alike.
        painter->setPen(QPen(badge.background, 1.5));
        painter->drawPath(path);
        // The caller's palette: the item's own foreground is the filled badge's text colour.
        painter->setPen(option.palette.color(QPalette::Text));
    }
    painter->drawText(pill, Qt::AlignCenter, fm.elidedText(text, Qt::ElideRight, width - 10));
    painter->restore();
}

void OutcomeDelegate::paintResponse(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const auto result = index.data(SampleTableModel::EvalResultRole).value<Eval::EvalResult>();
    const Eval::MatchedRule &match = result.matched.first();
    if (match.spanStart < 0 || match.spanLength <= 0) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    // The span is an offset into the single line the event received, so that line is drawn.
    const QString text = result.eventResponse;
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget).adjusted(2, 0, -2, 0);
    const QFontMetrics fm(opt.font);
    const QString before = text.left(match.spanStart);
    const QString hit = text.mid(match.spanStart, match.spanLength);
    const QString after = text.mid(match.spanStart + match.spanLength);
    const bool selected = opt.state & QStyle::State_Selected;
    const QColor textColor = opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);

    painter->save();
    painter->setClipRect(textRect);
    painter->setFont(opt.font);
    int x = textRect.left();
    const int baseline = textRect.top() + (textRect.height() + fm.ascent() - fm.descent()) / 2;
    painter->setPen(textColor);
    painter->drawText(x, baseline, before);
    x += fm.horizontalAdvance(before);
    const int hitWidth = fm.horizontalAdvance(hit);
    QColor mark(0xff, 0xd5, 0x4f); // amber: legible behind dark text on any base
    if (result.ambiguous)
        mark = QColor(0xff, 0x8a, 0x65);
    painter->fillRect(QRect(x, textRect.top() + 2, hitWidth, textRect.height() - 4), mark);
    painter->setPen(QColor(0x21, 0x21, 0x21));
    painter->drawText(x, baseline, hit);
    x += hitWidth;
    painter->setPen(textColor);
    painter->drawText(x, baseline, fm.elidedText(after, Qt::ElideRight, std::max(0, textRect.right() - x)));
    painter->restore();
}

} // namespace Dsn::Workbench
