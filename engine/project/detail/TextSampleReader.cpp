// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "project/detail/TextSampleReader.h"

#include <array>

#include <QCoreApplication>
#include <QLatin1String>

#include "common/QueueName.h"

namespace Dsn::Project::Detail {

namespace {

enum class Direction { None, Server, Client, Meta };

struct Prefix
{
    QLatin1String text;
    Direction direction;
};

// Longer prefixes first where one starts another ("<~*" before "<~").
constexpr std::array kPrefixes{
    Prefix{QLatin1String("<**"), Direction::Server},  Prefix{QLatin1String("<~*"), Direction::Server},
    Prefix{QLatin1String("<<<"), Direction::Server},  Prefix{QLatin1String("<-"), Direction::Server},
    Prefix{QLatin1String("<~"), Direction::Server},   Prefix{QLatin1String("S:"), Direction::Server},
    Prefix{QLatin1String("SMTP<<"), Direction::Server}, Prefix{QLatin1String(">>>"), Direction::Client},
    Prefix{QLatin1String("->"), Direction::Client},   Prefix{QLatin1String("~>"), Direction::Client},
    Prefix{QLatin1String("C:"), Direction::Client},   Prefix{QLatin1String("SMTP>>"), Direction::Client},
    Prefix{QLatin1String("==="), Direction::Meta},    Prefix{QLatin1String("***"), Direction::Meta},
};

const QLatin1String kLiteralCrLf("\\r\\n");

bool isDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

/// A prefix counts only when whitespace or the end of the line follows it, so "C:\\path" or
/// "->foo" in wrapped text are not mistaken for a transcript.
Direction splitDirection(QStringView line, QStringView *content)
{
    for (const Prefix &p : kPrefixes) {
        if (!line.startsWith(p.text))
            continue;
        const QStringView rest = line.mid(p.text.size());
        if (!rest.isEmpty() && !rest.front().isSpace())
            continue;
        *content = rest.trimmed();
        return p.direction;
    }
    return Direction::None;
}

/// Mail clients quote with "> " (nested: "> > " or ">> ").
QStringView stripQuotes(QStringView line)
{
    while (line.startsWith(QLatin1Char('>')))
        line = line.mid(1).trimmed();
    return line;
}

/// The address of "RCPT TO:<a@b> NOTIFY=…", or of "RCPT TO: a@b" without brackets.
QString recipientOf(QStringView command)
{
    const qsizetype open = command.indexOf(QLatin1Char('<'));
    if (open >= 0) {
        const qsizetype close = command.indexOf(QLatin1Char('>'), open);
        if (close > open)
            return command.mid(open + 1, close - open - 1).toString();
    }
    const qsizetype colon = command.indexOf(QLatin1Char(':'));
    if (colon < 0)
        return QString();
    const QStringView rest = command.mid(colon + 1).trimmed();
    const qsizetype space = rest.indexOf(QLatin1Char(' '));
    return (space < 0 ? rest : rest.left(space)).toString();
}

} // namespace

TextSampleReader::TextSampleReader(const ImportOptions &options, ImportResult &result)
    : m_options(options)
    , m_result(result)
{
}

bool TextSampleReader::isReplyLine(QStringView line)
{
    return line.size() >= 4 && line[0] >= QLatin1Char('2') && line[0] <= QLatin1Char('5') && isDigit(line[1])
        && isDigit(line[2]) && (line[3] == QLatin1Char(' ') || line[3] == QLatin1Char('-'));
}

void TextSampleReader::addLine(QStringView line, int lineNumber)
{
    const QStringView trimmed = line.trimmed();
    QStringView content;
    Direction direction = splitDirection(trimmed, &content);
    if (direction == Direction::None) {
        const QStringView unquoted = stripQuotes(trimmed);
        direction = splitDirection(unquoted, &content);
        if (direction == Direction::None)
            content = unquoted;
    }

    switch (direction) {
    case Direction::Meta:
        flush();
        return;
    case Direction::Server:
        m_sawTranscript = true;
        if (content.isEmpty())
            return;
        addReplyText(content, Origin::Server, lineNumber);
        return;
    case Direction::Client:
        // Client lines never start with a reply code; one that does is a quoted reply (">>> 550 …").
        if (!m_inBody && isReplyLine(content)) {
            addReplyText(content, Origin::Raw, lineNumber);
            return;
        }
        m_sawTranscript = true;
        flush();
        addClientLine(content);
        return;
    case Direction::None:
        break;
    }
    if (content.isEmpty()) {
        flush();
        return;
    }
    addReplyText(content, Origin::Raw, lineNumber);
}

void TextSampleReader::addReplyText(QStringView text, Origin origin, int lineNumber)
{
    if (!text.contains(kLiteralCrLf)) {
        addReplyPart(text, origin, lineNumber);
        return;
    }
    // The CLI's one-line form of a multi-line reply: "550-a\r\n550 b" with literal backslashes.
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype end = text.indexOf(kLiteralCrLf, start);
        if (end < 0)
            end = text.size();
        const QStringView part = text.mid(start, end - start).trimmed();
        if (!part.isEmpty())
            addReplyPart(part, origin, lineNumber);
        start = end + kLiteralCrLf.size();
    }
}

void TextSampleReader::addReplyPart(QStringView part, Origin origin, int lineNumber)
{
    if (!isReplyLine(part)) {
        if (m_lines.isEmpty()) {
            skipLine(lineNumber, QCoreApplication::translate("SampleImporter", "not an SMTP reply: \"%1\"")
                                     .arg(part.left(80).toString()));
            return;
        }
        // Pasted bounces are often wrapped by a mail client or terminal: the line break replaced a space.
        QString &last = m_lines.last();
        last += QLatin1Char(' ');
        last += part;
        return;
    }

    const int code = part.left(3).toInt();
    if (!m_lines.isEmpty() && (m_complete || m_origin != origin || code != m_code))
        flush();
    if (m_lines.isEmpty()) {
        m_code = code;
        m_origin = origin;
        m_firstLine = lineNumber;
    }
    m_lines.append(part.toString());
    m_complete = part[3] == QLatin1Char(' ');
    if (origin == Origin::Raw)
        m_sawRaw = true;
}

void TextSampleReader::addClientLine(QStringView command)
{
    if (m_inBody) {
        if (command == QLatin1String(".")) {
            m_inBody = false;
            m_pending.push_back({SmtpPhase::EndOfData, m_lastRecipient});
        }
        return;
    }
    if (command.isEmpty())
        return;
    std::optional<SmtpPhase> phase = smtpPhaseForCommand(command);
    // NOOP, VRFY and AUTH continuation lines still get a reply: they keep the phase they are in.
    if (!phase)
        phase = m_pending.empty() ? m_last.phase : m_pending.back().phase;
    if (*phase == SmtpPhase::MailFrom)
        m_lastRecipient.clear();
    else if (*phase == SmtpPhase::RcptTo)
        m_lastRecipient = recipientOf(command);
    const bool hasRecipient = *phase == SmtpPhase::RcptTo || *phase == SmtpPhase::Data || *phase == SmtpPhase::EndOfData;
    m_pending.push_back({*phase, hasRecipient ? m_lastRecipient : QString()});
}

TextSampleReader::Command TextSampleReader::takeCommand()
{
    // A reply with no command waiting answers the same step as the last one (or is the greeting).
    if (!m_pending.empty()) {
        m_last = std::move(m_pending.front());
        m_pending.pop_front();
    }
    return m_last;
}

void TextSampleReader::flush()
{
    if (m_lines.isEmpty())
        return;
    if (!m_complete) {
        Diagnostic d = Diagnostic::warning(
            QStringLiteral("import-incomplete-reply"),
            QCoreApplication::translate("SampleImporter", "the reply has no final \"%1 \" line; imported as it is")
                .arg(m_code),
            m_options.sourceName);
        d.line = m_firstLine;
        m_result.diagnostics.append(d);
    }

    Sample sample;
    sample.response = m_lines.join(QLatin1Char('\n'));
    bool keep = true;
    if (m_origin == Origin::Raw) {
        sample.phase = m_options.defaultPhase;
    } else {
        const Command command = takeCommand();
        sample.phase = command.phase;
        if (m_options.queueFromRecipient && !command.recipient.isEmpty())
            sample.queue = QueueName::fromRecipient(command.recipient).toString();
        // Transcripts often leave the message body out: the next reply is still end of data, and
        // any server reply shows the body is over.
        m_inBody = m_code == 354;
        if (m_inBody)
            m_last.phase = SmtpPhase::EndOfData;
        keep = m_code >= 400;
    }
    if (keep)
        m_result.samples.append(std::move(sample));
    m_lines.clear();
    m_complete = false;
}

void TextSampleReader::skipLine(int lineNumber, const QString &message)
{
    Diagnostic d = Diagnostic::warning(QStringLiteral("import-unrecognized-line"), message, m_options.sourceName);
    d.line = lineNumber;
    m_result.diagnostics.append(d);
    ++m_result.skippedLines;
}

} // namespace Dsn::Project::Detail
