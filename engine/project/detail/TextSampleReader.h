// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <deque>
#include <optional>

#include <QString>
#include <QStringList>
#include <QStringView>

#include "common/SmtpPhase.h"
#include "project/ImportResult.h"
#include "project/SampleImporter.h"

namespace Dsn::Project::Detail {

/**
 * The line-by-line half of SampleImporter: raw replies and session transcripts (the rules are
 * documented on SampleImporter). It collects one reply at a time and appends finished samples
 * and diagnostics to the ImportResult it was given, which must outlive it.
 */
class TextSampleReader
{
public:
    TextSampleReader(const ImportOptions &options, ImportResult &result);

    /// One input line without its line break; `lineNumber` is 1-based.
    void addLine(QStringView line, int lineNumber);
    /// Finishes the reply being collected. Called for blank lines, before JSON lines and at the end.
    void flush();

    bool sawRawReplies() const { return m_sawRaw; }
    bool sawTranscript() const { return m_sawTranscript; }

    /// `NNN-…` or `NNN …` with a first digit of 2 to 5.
    static bool isReplyLine(QStringView line);

private:
    enum class Origin { Raw, Server };
    struct Command
    {
        SmtpPhase phase;
        QString recipient;
    };

    void addReplyText(QStringView text, Origin origin, int lineNumber);
    void addReplyPart(QStringView part, Origin origin, int lineNumber);
    void addClientLine(QStringView command);
    Command takeCommand();
    void skipLine(int lineNumber, const QString &message);

    const ImportOptions &m_options;
    ImportResult &m_result;

    // The reply being collected.
    QStringList m_lines;
    int m_code = 0;
    bool m_complete = false;
    Origin m_origin = Origin::Raw;
    int m_firstLine = 0;

    // Transcript state: commands still waiting for their reply, in the order sent (pipelining).
    std::deque<Command> m_pending;
    Command m_last{SmtpPhase::Greeting, QString()};
    QString m_lastRecipient;
    bool m_inBody = false;

    bool m_sawRaw = false;
    bool m_sawTranscript = false;
};

} // namespace Dsn::Project::Detail
