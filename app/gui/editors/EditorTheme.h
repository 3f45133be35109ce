// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QColor>
#include <QPalette>

namespace Dsn::Editors {

/**
 * The colours the editors paint with, derived from a widget palette so that both light and dark
 * desktop themes stay readable. Surfaces (paper, text, margins) come straight from the palette;
 * syntax and severity colours come from one of two fixed sets chosen by the palette's lightness,
 * because palettes carry no colours for keywords or strings.
 */
struct EditorTheme
{
    bool dark = false;

    QColor paper;
    QColor text;
    QColor marginPaper;
    QColor marginText;
    QColor caretLine;
    QColor caret;
    QColor selection;
    QColor braceMatch;
    QColor braceMismatch;

    QColor keyword;
    QColor builtin;
    QColor string;
    QColor number;
    QColor comment;
    QColor operatorColor;
    QColor property;
    QColor errorText;
    QColor errorPaper;

    QColor errorMarker;
    QColor warningMarker;
    QColor infoMarker;
    QColor errorAnnotation;
    QColor errorAnnotationPaper;
    QColor warningAnnotation;
    QColor warningAnnotationPaper;
    QColor infoAnnotation;
    QColor infoAnnotationPaper;

    /// Dark when the window colour is darker than mid-grey: the editor follows the desktop.
    static bool isDark(const QPalette &palette);
    static EditorTheme fromPalette(const QPalette &palette);
    /// `base` moved towards `tint` by `amount` (0..1); used for the caret line and warnings.
    static QColor blend(const QColor &base, const QColor &tint, double amount);
};

} // namespace Dsn::Editors
