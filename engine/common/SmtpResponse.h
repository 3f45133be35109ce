// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <optional>

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QStringView>

#include "common/CompatProfile.h"
#include "common/EnhancedStatusCode.h"
#include "common/Result.h"

namespace Dsn {

/**
 * An SMTP reply as KumoMTA models it (rfc5321::Response): numeric code, the enhanced code read
 * from the first line, the content lines joined with LF, and the command it answered.
 *
 * How continuation lines are read depends on the compatibility profile: under 2026.06 a
 * continuation line that repeats the first line's enhanced code loses that prefix; under
 * `documented` it keeps it.
 */
struct SmtpResponse
{
    /// One syntactically valid reply line: `NNN-text` or `NNN text`.
    struct Line
    {
        int code = 0;
        bool isFinal = true;
        QString content;
    };

    int code = 0;
    std::optional<EnhancedStatusCode> enhancedCode;
    QString content;
    /// The command as sent, CRLF included ("RCPT TO:<u@example.com>\r\n"); null when unknown.
    QString command;

    /// KumoMTA refuses reply lines longer than this many bytes.
    static constexpr int MaxLineLength = 4096;

    static Result<Line> parseLine(QStringView line);

    /**
     * Parses a reply given as its lines, each with its code prefix. A continuation line with a
     * different code fails with "Malformed Response: <that line>". `maxLineLength` < 0 means the
     * profile's default (4096 bytes under 2026.06, none under documented).
     */
    static Result<SmtpResponse> parseLines(const QStringList &lines, CompatProfile profile, int maxLineLength = -1);
    /// Same, from text whose lines end with CRLF, LF or lone CR; a trailing line break is ignored.
    static Result<SmtpResponse> parse(QStringView text, CompatProfile profile, int maxLineLength = -1);

    /// The one line handed to smtp_client_rewrite_delivery_status: `<code> [<esc> ]<content>`.
    QString toSingleLine(CompatProfile profile) const;
    /// Whether toSingleLine() gives exactly `text` under either profile, worked out without
    /// building it: a one-line reply in its printed form is its own single line.
    bool isSingleLineOf(QStringView text) const;
    /// The content with each CRLF, lone CR or lone LF replaced by one space (KumoMTA's
    /// remove_line_break), as the JSON log record carries it.
    QString contentSingleLine() const;
    static QString removeLineBreaks(QStringView text);
    /// Rebuilds reply lines from a log record's response, whose content lacks the code and the
    /// enhanced code: every line gets `code-` (`code ` for the last) and the enhanced code. A
    /// content that is already a whole reply with that code is kept as it is.
    static QString assembleLogged(int code, const std::optional<EnhancedStatusCode> &enhanced, const QString &content);

    /// KumoMTA's log-record form: {code, enhanced_code, content, command}.
    QJsonObject toJson() const;
};

} // namespace Dsn
