// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "EditorTheme.h"

namespace Dsn::Editors {

bool EditorTheme::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor EditorTheme::blend(const QColor &base, const QColor &tint, double amount)
{
    const double keep = 1.0 - amount;
    return QColor::fromRgbF(float(base.redF() * keep + tint.redF() * amount),
                            float(base.greenF() * keep + tint.greenF() * amount),
                            float(base.blueF() * keep + tint.blueF() * amount));
}

EditorTheme EditorTheme::fromPalette(const QPalette &palette)
{
    EditorTheme t;
    t.dark = isDark(palette);
    t.paper = palette.color(QPalette::Base);
    t.text = palette.color(QPalette::Text);
    // A palette whose Base disagrees with its Window (some half-dark themes) would give dark text
    // on dark paper; trust the window lightness and fall back to safe surfaces.
    if ((t.paper.lightness() < 128) != t.dark) {
        t.paper = t.dark ? QColor(0x1e, 0x1f, 0x22) : QColor(0xff, 0xff, 0xff);
        t.text = t.dark ? QColor(0xdc, 0xdc, 0xdc) : QColor(0x1a, 0x1a, 0x1a);
    }
    t.marginPaper = blend(t.paper, palette.color(QPalette::Window), 0.6);
    t.marginText = blend(t.text, t.paper, 0.45);
    t.caretLine = blend(t.paper, palette.color(QPalette::Highlight), t.dark ? 0.12 : 0.07);
    t.caret = t.text;
    t.selection = blend(t.paper, palette.color(QPalette::Highlight), 0.45);

    if (t.dark) {
        t.keyword = QColor(0x56, 0x9c, 0xd6);
        t.builtin = QColor(0x4e, 0xc9, 0xb0);
        t.string = QColor(0xce, 0x91, 0x78);
        t.number = QColor(0xb5, 0xce, 0xa8);
        t.comment = QColor(0x6a, 0x99, 0x55);
        t.operatorColor = QColor(0xd4, 0xd4, 0xd4);
        t.property = QColor(0x9c, 0xdc, 0xfe);
        t.errorText = QColor(0xff, 0x8a, 0x80);
        t.errorPaper = QColor(0x4b, 0x1d, 0x1d);
        t.braceMatch = QColor(0x3a, 0x5f, 0x3a);
        t.braceMismatch = QColor(0x6b, 0x22, 0x22);
        t.errorMarker = QColor(0xf4, 0x47, 0x47);
        t.warningMarker = QColor(0xe5, 0xb0, 0x2f);
        t.infoMarker = QColor(0x4f, 0xa3, 0xf7);
        t.errorAnnotation = QColor(0xff, 0xb4, 0xab);
        t.errorAnnotationPaper = QColor(0x3f, 0x1c, 0x1c);
        t.warningAnnotation = QColor(0xf5, 0xd5, 0x8c);
        t.warningAnnotationPaper = QColor(0x3b, 0x31, 0x17);
        t.infoAnnotation = QColor(0xb3, 0xd4, 0xfc);
        t.infoAnnotationPaper = QColor(0x1c, 0x2c, 0x40);
    } else {
        t.keyword = QColor(0x00, 0x33, 0xb3);
        t.builtin = QColor(0x00, 0x6e, 0x6e);
        t.string = QColor(0x06, 0x7d, 0x17);
        t.number = QColor(0x17, 0x50, 0xeb);
        t.comment = QColor(0x6a, 0x73, 0x7d);
        t.operatorColor = QColor(0x33, 0x33, 0x33);
        t.property = QColor(0x87, 0x10, 0x94);
        t.errorText = QColor(0xb0, 0x00, 0x20);
        t.errorPaper = QColor(0xfd, 0xe2, 0xe2);
        t.braceMatch = QColor(0xc8, 0xe6, 0xc9);
        t.braceMismatch = QColor(0xff, 0xcd, 0xd2);
        t.errorMarker = QColor(0xd3, 0x2f, 0x2f);
        t.warningMarker = QColor(0xc7, 0x7c, 0x02);
        t.infoMarker = QColor(0x19, 0x76, 0xd2);
        t.errorAnnotation = QColor(0x8b, 0x00, 0x00);
        t.errorAnnotationPaper = QColor(0xfd, 0xec, 0xea);
        t.warningAnnotation = QColor(0x6d, 0x4c, 0x00);
        t.warningAnnotationPaper = QColor(0xff, 0xf4, 0xd6);
        t.infoAnnotation = QColor(0x0d, 0x47, 0xa1);
        t.infoAnnotationPaper = QColor(0xe8, 0xf1, 0xfc);
    }
    return t;
}

} // namespace Dsn::Editors
