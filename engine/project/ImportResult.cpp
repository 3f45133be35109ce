// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "project/ImportResult.h"

#include <QCoreApplication>
#include <QStringList>

namespace Dsn::Project {

QString ImportResult::formatDescription(Format format)
{
    switch (format) {
    case Format::Empty:
        break;
    case Format::RawReplies:
        return QCoreApplication::translate("ImportResult", "SMTP replies");
    case Format::SessionTranscript:
        return QCoreApplication::translate("ImportResult", "a session transcript");
    case Format::KumoLogRecords:
        return QCoreApplication::translate("ImportResult", "KumoMTA log records");
    case Format::CorpusJsonLines:
        return QCoreApplication::translate("ImportResult", "corpus JSON lines");
    case Format::Mixed:
        return QCoreApplication::translate("ImportResult", "mixed input");
    }
    return QCoreApplication::translate("ImportResult", "empty input");
}

namespace {

// English needs the singular spelled out without a translator loaded; other languages get every
// plural form through the %n message.
QString counted(int n, const char *one, const char *many)
{
    return n == 1 ? QCoreApplication::translate("ImportResult", one)
                  : QCoreApplication::translate("ImportResult", many, nullptr, n);
}

} // namespace

QString ImportResult::summary() const
{
    QStringList parts;
    if (detected == Format::Empty && samples.isEmpty()) {
        parts << QCoreApplication::translate("ImportResult", "No samples found");
    } else {
        parts << counted(int(samples.size()), QT_TRANSLATE_NOOP("ImportResult", "1 sample from %1"),
                         QT_TRANSLATE_NOOP("ImportResult", "%n samples from %1"))
                     .arg(formatDescription(detected));
    }
    if (ignoredRecords > 0) {
        parts << counted(ignoredRecords, QT_TRANSLATE_NOOP("ImportResult", "1 record of another type ignored"),
                         QT_TRANSLATE_NOOP("ImportResult", "%n records of other types ignored"));
    }
    if (skippedLines > 0) {
        parts << counted(skippedLines, QT_TRANSLATE_NOOP("ImportResult", "1 line skipped"),
                         QT_TRANSLATE_NOOP("ImportResult", "%n lines skipped"));
    }
    QString text = parts.join(QStringLiteral(", "));
    // A file that could not be read has no line to point at; its reason belongs in the summary.
    for (const Diagnostic &d : diagnostics) {
        if (d.severity == Diagnostic::Severity::Error && d.line < 0) {
            text += QStringLiteral(": ") + d.message;
            break;
        }
    }
    return text;
}

} // namespace Dsn::Project
