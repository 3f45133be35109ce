// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "RecordTypeBadge.h"

#include <cmath>

namespace Dsn::Models {

namespace {

// Relative luminance per WCAG 2.x, to choose black or white text on a badge.
double luminance(const QColor &c)
{
    auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

} // namespace

RecordTypeBadge RecordTypeBadge::forType(RecordType type)
{
    // Mid-tone backgrounds: dark enough to stand out on a light base, light enough on a dark one.
    QColor bg;
    switch (type) {
    case RecordType::Delivery:
    case RecordType::Reception:
        bg = QColor(0x2e, 0x7d, 0x32); // green
        break;
    case RecordType::TransientFailure:
        bg = QColor(0xf9, 0xa8, 0x25); // amber
        break;
    case RecordType::Bounce:
    case RecordType::AdminBounce:
    case RecordType::Rejection:
        bg = QColor(0xc6, 0x28, 0x28); // red
        break;
    case RecordType::Expiration:
        bg = QColor(0x8e, 0x24, 0xaa); // purple
        break;
    case RecordType::OOB:
    case RecordType::Feedback:
        bg = QColor(0x15, 0x65, 0xc0); // blue
        break;
    case RecordType::Other:
        bg = QColor(0x75, 0x75, 0x75); // grey
        break;
    }
    // Contrast against white is (1.05)/(L+0.05), against black (L+0.05)/0.05; take the larger.
    const double l = luminance(bg);
    const QColor fg = (1.05 / (l + 0.05)) >= ((l + 0.05) / 0.05) ? QColor(Qt::white) : QColor(Qt::black);
    return {bg, fg};
}

} // namespace Dsn::Models
