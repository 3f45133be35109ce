// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "project/SampleImporter.h"

#include <optional>
#include <utility>

#include <QByteArray>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLocale>
#include <QStringView>

#include "project/detail/JsonSampleReader.h"
#include "project/detail/TextSampleReader.h"

namespace Dsn::Project {

namespace {

using Detail::JsonSampleReader;
using Detail::TextSampleReader;


/// Which formats a run has seen, to report one of them or Mixed.
struct Seen
{
    bool kumo = false;
    bool corpus = false;

    ImportResult::Format format(const TextSampleReader &text) const
    {
        using F = ImportResult::Format;
        const std::pair<bool, F> kinds[] = {{text.sawRawReplies(), F::RawReplies},
                                            {text.sawTranscript(), F::SessionTranscript},
                                            {kumo, F::KumoLogRecords},
                                            {corpus, F::CorpusJsonLines}};
        F found = F::Empty;
        for (const auto &[seen, format] : kinds) {
            if (!seen)
                continue;
            if (found != F::Empty)
                return F::Mixed;
            found = format;
        }
        return found;
    }
};

class JsonRun
{
public:
    JsonRun(const ImportOptions &options, ImportResult &result, Seen &seen)
        : m_options(options)
        , m_result(result)
        , m_seen(seen)
    {
    }

    /// `line` is 1-based for JSON Lines, -1 for an array element (`element` is then 1-based).
    void add(const QJsonObject &object, int line, int element = -1)
    {
        JsonSampleReader::Outcome out = JsonSampleReader::read(object, m_options);
        m_seen.kumo |= out.kind == JsonSampleReader::Kind::KumoRecord;
        m_seen.corpus |= out.kind == JsonSampleReader::Kind::CorpusLine;
        if (out.ignored) {
            ++m_result.ignoredRecords;
            return;
        }
        if (!out.error.isEmpty()) {
            report(Diagnostic::warning(QStringLiteral("import-json-shape"), where(element) + out.error, m_options.sourceName),
                   line);
            ++m_result.skippedLines;
            return;
        }
        if (!out.warning.isEmpty())
            report(Diagnostic::warning(QStringLiteral("import-unknown-phase"), where(element) + out.warning, m_options.sourceName),
                   line);
        m_result.samples.append(std::move(*out.sample));
    }

    void addLine(QStringView text, int line)
    {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            Diagnostic d = Diagnostic::error(QStringLiteral("import-json"),
                                             error.error != QJsonParseError::NoError
                                                 ? QCoreApplication::translate("SampleImporter", "invalid JSON: %1").arg(error.errorString())
                                                 : QCoreApplication::translate("SampleImporter", "invalid JSON: not an object"),
                                             m_options.sourceName);
            if (error.error != QJsonParseError::NoError)
                d.column = error.offset + 1;
            report(std::move(d), line);
            ++m_result.skippedLines;
            return;
        }
        add(doc.object(), line);
    }

private:
    static QString where(int element)
    {
        return element > 0 ? QCoreApplication::translate("SampleImporter", "element %1: ").arg(element) : QString();
    }

    void report(Diagnostic d, int line)
    {
        d.line = line;
        m_result.diagnostics.append(std::move(d));
    }

    const ImportOptions &m_options;
    ImportResult &m_result;
    Seen &m_seen;
};

/// A pretty-printed array or object (a `jq .` paste) only parses as a whole document.
std::optional<QJsonDocument> wholeDocument(QStringView text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        return std::nullopt;
    return doc;
}

bool isSingleLine(QStringView text)
{
    return !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r'));
}

} // namespace

ImportResult SampleImporter::fromText(const QString &input, const ImportOptions &options)
{
    ImportResult result;
    Seen seen;
    TextSampleReader text(options, result);
    JsonRun json(options, result, seen);

    QStringView all = input;
    if (all.startsWith(QChar(0xFEFF)))
        all = all.mid(1);
    const QStringView trimmed = all.trimmed();

    // Only a document that spans several lines needs whole-document parsing; JSON Lines fail it
    // right after their first object, so trying costs little.
    if ((trimmed.startsWith(QLatin1Char('[')) || trimmed.startsWith(QLatin1Char('{'))) && !isSingleLine(trimmed)) {
        if (const auto doc = wholeDocument(trimmed)) {
            if (doc->isObject()) {
                json.add(doc->object(), 1);
            } else {
                const QJsonArray array = doc->array();
                for (qsizetype i = 0; i < array.size(); ++i) {
                    if (array.at(i).isObject()) {
                        json.add(array.at(i).toObject(), -1, int(i + 1));
                    } else {
                        Diagnostic d = Diagnostic::warning(QStringLiteral("import-json-shape"),
                                                           QCoreApplication::translate("SampleImporter", "element %1: not a JSON object").arg(i + 1),
                                                           options.sourceName);
                        result.diagnostics.append(d);
                        ++result.skippedLines;
                    }
                }
            }
            result.detected = seen.format(text);
            return result;
        }
    }

    int lineNumber = 0;
    qsizetype start = 0;
    const qsizetype size = all.size();
    while (start < size) {
        qsizetype end = start;
        while (end < size && all[end] != QLatin1Char('\n') && all[end] != QLatin1Char('\r'))
            ++end;
        const QStringView line = all.mid(start, end - start);
        ++lineNumber;
        if (end < size && all[end] == QLatin1Char('\r') && end + 1 < size && all[end + 1] == QLatin1Char('\n'))
            ++end;
        start = end + 1;

        const QStringView t = line.trimmed();
        if (t.startsWith(QLatin1Char('{'))) {
            text.flush();
            json.addLine(t, lineNumber);
        } else {
            text.addLine(line, lineNumber);
        }
    }
    text.flush();
    result.detected = seen.format(text);
    return result;
}

ImportResult SampleImporter::fromFile(const QString &path, const ImportOptions &options)
{
    ImportOptions opts = options;
    if (opts.sourceName.isEmpty())
        opts.sourceName = QFileInfo(path).fileName();
    auto failure = [&opts](const QString &message) {
        ImportResult r;
        r.diagnostics.append(Diagnostic::error(QStringLiteral("import-file"), message, opts.sourceName));
        return r;
    };

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(QCoreApplication::translate("SampleImporter", "cannot open %1: %2").arg(path, file.errorString()));
    const auto tooLarge = [&] {
        const QLocale locale;
        return failure(QCoreApplication::translate("SampleImporter", "%1 is larger than the import limit of %2")
                           .arg(opts.sourceName, locale.formattedDataSize(opts.maxFileSize)));
    };
    if (!file.isSequential() && file.size() > opts.maxFileSize)
        return tooLarge();
    // Read one byte past the limit so pipes and growing files are bounded too.
    const QByteArray bytes = file.read(opts.maxFileSize + 1);
    if (bytes.size() > opts.maxFileSize)
        return tooLarge();
    if (bytes.contains('\0'))
        return failure(QCoreApplication::translate("SampleImporter", "%1 is not a text file").arg(opts.sourceName));
    return fromText(QString::fromUtf8(bytes), opts);
}

} // namespace Dsn::Project
