// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QPalette>
#include <QString>

namespace Dsn::Workbench {

/**
 * Light, dark or the system's palette. The workbench paints its own badges and highlights with
 * colours that read on both, so switching only needs a palette; Fusion is used for the fixed
 * palettes because it honours every palette role.
 */
class Appearance final
{
public:
    enum class Theme { System, Light, Dark };

    static QPalette lightPalette();
    static QPalette darkPalette();
    static void apply(Theme theme);
    static Theme themeFromId(const QString &id);
    static QString themeId(Theme theme);
    static bool isDark(const QPalette &palette);
};

} // namespace Dsn::Workbench
