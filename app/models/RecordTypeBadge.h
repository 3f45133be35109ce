// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QColor>

#include "common/RecordType.h"

namespace Dsn::Models {

/**
 * Colours of the record-type badge. A badge sets both its background and its text colour, so
 * it reads the same on light and dark palettes; the text colour is picked by contrast.
 */
struct RecordTypeBadge
{
    QColor background;
    QColor foreground;

    static RecordTypeBadge forType(RecordType type);
};

} // namespace Dsn::Models
