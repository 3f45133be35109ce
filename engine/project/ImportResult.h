// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QList>
#include <QString>

#include "common/Diagnostic.h"
#include "project/Sample.h"

namespace Dsn::Project {

/**
 * What SampleImporter made of a paste or a file: the samples in input order, one diagnostic per
 * line it could not use (1-based `line`), and which input format it recognised.
 */
struct ImportResult
{
    enum class Format {
        Empty,              ///< nothing recognisable (blank input, or only skipped lines)
        RawReplies,         ///< SMTP replies pasted as text
        SessionTranscript,  ///< swaks, `S:`/`C:` or `<<<`/`>>>` session logs
        KumoLogRecords,     ///< KumoMTA JSON log records
        CorpusJsonLines,    ///< corpus or CLI JSON objects with text/lines/response
        Mixed,              ///< more than one of the above
    };

    QList<Sample> samples;
    QList<Diagnostic> diagnostics;
    Format detected = Format::Empty;
    /// Log records of types that are not failures (Delivery, Reception …): skipped on purpose.
    int ignoredRecords = 0;
    /// Input lines (or array elements) that could not be turned into a sample; each has a diagnostic.
    int skippedLines = 0;

    /// "5 samples from KumoMTA log records, 1 line skipped" — translated, for a status bar.
    QString summary() const;
    /// Translated description of a format ("KumoMTA log records").
    static QString formatDescription(Format format);
};

} // namespace Dsn::Project
