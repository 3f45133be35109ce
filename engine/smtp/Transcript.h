// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "smtp/TranscriptEntry.h"

namespace Dsn::Smtp {

/// The lines of one run in order. Secrets never reach it: SmtpClient masks AUTH data first.
class Transcript
{
public:
    void append(const TranscriptEntry &entry) { m_entries.append(entry); }
    const QList<TranscriptEntry> &entries() const { return m_entries; }
    bool isEmpty() const { return m_entries.isEmpty(); }
    qsizetype size() const { return m_entries.size(); }
    void clear() { m_entries.clear(); }

    /// Entries with this direction, texts only (handy for tests and the CLI).
    QStringList texts(TranscriptEntry::Direction direction) const;
    /// One entry per line, as TranscriptEntry::toText() writes it.
    QString toText() const;

private:
    QList<TranscriptEntry> m_entries;
};

} // namespace Dsn::Smtp
