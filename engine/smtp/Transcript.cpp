// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "smtp/Transcript.h"

#include <QStringList>

namespace Dsn::Smtp {

QStringList Transcript::texts(TranscriptEntry::Direction direction) const
{
    QStringList out;
    for (const TranscriptEntry &e : m_entries) {
        if (e.direction == direction)
            out.append(e.text);
    }
    return out;
}

QString Transcript::toText() const
{
    QString out;
    for (const TranscriptEntry &e : m_entries) {
        out += e.toText();
        out += QLatin1Char('\n');
    }
    return out;
}

} // namespace Dsn::Smtp
