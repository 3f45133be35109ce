// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QString>
#include <QtGlobal>

#include "common/SmtpPhase.h"
#include "project/ImportResult.h"

namespace Dsn::Project {

/// How SampleImporter reads its input.
struct ImportOptions
{
    /// fromFile() refuses larger files instead of loading them into memory.
    qint64 maxFileSize = qint64(256) * 1024 * 1024;
    /// Transcripts: use the RCPT TO domain as the sample's queue. Off by default because the
    /// real queue may carry a campaign or tenant the transcript cannot show.
    bool queueFromRecipient = false;
    /// Phase of replies whose input does not say which command they answered.
    SmtpPhase defaultPhase = SmtpPhase::RcptTo;
    /// Names the input in diagnostics; fromFile() uses the file name when this is empty.
    QString sourceName;
};

/**
 * Turns pasted text or a file into samples. The format is detected per line, so one paste may
 * mix them:
 *
 * - **Raw replies**: `NNN-` continuation lines up to the `NNN ` final line form one reply;
 *   a blank line or a new reply line ends it. A line without a code right after a reply line
 *   is wrapped text of that reply and is joined to it with a space. Leading `>` quote marks of
 *   mail clients are dropped, and the literal four characters `\r\n` split a line (as the CLI
 *   accepts them). Every reply code is kept: the analyst chose to paste it.
 * - **Session transcripts**: the direction prefix decides who spoke. Server: `<-`, `<**`, `<~`,
 *   `<~*` (swaks), `S:`, `<<<`, `SMTP<<` (Exim). Client: `->`, `~>` (swaks), `C:`, `>>>`,
 *   `SMTP>>`. Arrows point the way the bytes travelled as seen from the sending client, as in
 *   swaks and curl: `<<<` came from the server, `>>>` went to it. Each 4xx/5xx server reply is
 *   a sample whose phase is the client command it answered (pipelined commands are matched in
 *   order; before any command it is the greeting; after a 354 the next reply is end of data).
 *   A "client" line that is itself a reply (`>>> 550 …` from thrice-quoted mail) is read as a
 *   reply so it is not lost. swaks status lines (`===`, `***`) are ignored.
 * - **KumoMTA log records**, one JSON object per line, or one array or object spread over several
 *   lines (a `jq .` paste, read as a whole document): Bounce and
 *   TransientFailure records, and any other record whose response code is 400 or more, become
 *   samples; `response.content` is re-prefixed with its code and enhanced code, the phase comes
 *   from `response.command`, the queue from `queue`. Other records are counted as ignored.
 * - **Corpus / CLI JSON lines**: objects with `lines`, `text` (literal `\r\n` joins) or
 *   `response`, an optional `phase` name and `queue`; the note becomes "provider · category".
 *
 * A line that fits none of these gets a warning diagnostic with its 1-based line number, and
 * malformed JSON an error; neither stops the import. Work is linear in the input size.
 */
class SampleImporter
{
public:
    static ImportResult fromText(const QString &text, const ImportOptions &options = {});
    /// Reads the file as UTF-8 (a BOM is dropped); a missing, unreadable or too large file gives
    /// an empty result with one error diagnostic. The extension is not trusted: content decides.
    static ImportResult fromFile(const QString &path, const ImportOptions &options = {});
};

} // namespace Dsn::Project
