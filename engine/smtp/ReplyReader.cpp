// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "smtp/ReplyReader.h"

#include <QCoreApplication>

namespace Dsn::Smtp {

namespace {

/// Error texts quote the offending line; a hostile one must not flood the transcript.
QString quoted(const QString &line)
{
    constexpr qsizetype kMax = 120;
    return line.size() <= kMax ? line : line.left(kMax) + QChar(0x2026);
}

} // namespace

ReplyReader::ReplyReader(ReplyLimits limits, CompatProfile profile)
    : m_limits(limits)
    , m_profile(profile)
    , m_buffer(limits.maxLineLength)
{
}

void ReplyReader::append(const QByteArray &bytes)
{
    if (!m_failed)
        m_buffer.append(bytes);
}

void ReplyReader::reset()
{
    m_buffer.clear();
    m_lines.clear();
    m_replyBytes = 0;
    m_firstCode = 0;
    m_failed = false;
    m_error.clear();
}

ReplyReader::Step ReplyReader::fail(const QString &error)
{
    m_failed = true;
    m_error = error;
    m_buffer.clear();
    Step s;
    s.kind = Step::Kind::Error;
    s.error = error;
    return s;
}

ReplyReader::Step ReplyReader::next()
{
    if (m_failed) {
        Step s;
        s.kind = Step::Kind::Error;
        s.error = m_error;
        return s;
    }
    QByteArray raw;
    switch (m_buffer.next(raw)) {
    case LineBuffer::Status::NeedMore:
        return {};
    case LineBuffer::Status::TooLong:
        return fail(QCoreApplication::translate("ReplyReader", "reply line longer than %1 bytes").arg(m_limits.maxLineLength));
    case LineBuffer::Status::Line:
        break;
    }

    m_replyBytes += raw.size() + 2;
    if (m_replyBytes > m_limits.maxBytes)
        return fail(QCoreApplication::translate("ReplyReader", "reply larger than %1 bytes").arg(m_limits.maxBytes));
    if (m_lines.size() >= m_limits.maxLines)
        return fail(QCoreApplication::translate("ReplyReader", "reply has more than %1 lines").arg(m_limits.maxLines));

    // Invalid UTF-8 becomes U+FFFD, as KumoMTA's lossy conversion does; the code prefix is ASCII.
    const QString line = QString::fromUtf8(raw);
    const auto parsed = SmtpResponse::parseLine(line);
    if (!parsed)
        return fail(QStringLiteral("Malformed Response: ") + quoted(line));
    if (m_lines.isEmpty())
        m_firstCode = parsed->code;
    else if (parsed->code != m_firstCode)
        return fail(QStringLiteral("Malformed Response: ") + quoted(line));
    m_lines.append(line);

    Step s;
    s.line = line;
    if (!parsed->isFinal) {
        s.kind = Step::Kind::Line;
        return s;
    }
    auto reply = SmtpResponse::parseLines(m_lines, m_profile, m_limits.maxLineLength);
    if (!reply)
        return fail(reply.error().message);
    s.kind = Step::Kind::Reply;
    s.reply = *reply;
    s.lines = m_lines;
    m_lines.clear();
    m_replyBytes = 0;
    m_firstCode = 0;
    return s;
}

} // namespace Dsn::Smtp
