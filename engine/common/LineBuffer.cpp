// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "common/LineBuffer.h"

namespace Dsn {

LineBuffer::Status LineBuffer::next(QByteArray &line)
{
    const qsizetype lf = m_data.indexOf('\n', m_pos);
    if (lf < 0) {
        // Without a line break yet, a peer that already sent more than a line's worth is hostile.
        if (pending() > m_max + 1)
            return Status::TooLong;
        return Status::NeedMore;
    }
    qsizetype end = lf;
    if (end > m_pos && m_data.at(end - 1) == '\r')
        --end;
    if (end - m_pos > m_max)
        return Status::TooLong;
    line = m_data.mid(m_pos, end - m_pos);
    m_pos = lf + 1;
    // Compact now and then so a long session does not keep every line it ever read.
    if (m_pos > 65536 && m_pos * 2 > m_data.size()) {
        m_data.remove(0, m_pos);
        m_pos = 0;
    }
    return Status::Line;
}

QByteArray LineBuffer::takeRest()
{
    QByteArray rest = m_data.mid(m_pos);
    clear();
    return rest;
}

void LineBuffer::clear()
{
    m_data.clear();
    m_pos = 0;
}

} // namespace Dsn
