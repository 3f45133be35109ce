// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <memory>

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include "common/Result.h"
#include "rules/RegexSetMap.h"

namespace Dsn::Eval {

/**
 * KumoMTA's bounce classifier (kumo.configure_bounce_classifier): labels such as QuotaIssues or
 * InvalidRecipient, each with regexes matched against the logged response's single line. Unlike
 * regex_set_map, the first rule in file order wins, deterministically (spec §10).
 *
 * Rule files come in KumoMTA's TOML form (`[rules]` then `Label = ["regex", …]`) or its JSON
 * form (`{"rules": {"Label": ["regex", …]}}`). "File order" is the order labels are declared and,
 * within a label, the order of its regexes; several files are tried one after the other.
 *
 * Every loader reports problems as a Diagnostic naming the file, the line and column where it
 * knows them (TOML always, JSON for syntax errors), and for a bad regex the label, the regex's
 * number within the label and the position inside the pattern.
 *
 * Immutable after loading; safe to share between threads.
 */
class BounceClassifier
{
public:
    enum class Format
    {
        Json,
        Toml,
    };

    static Result<std::shared_ptr<const BounceClassifier>> fromJson(const QByteArray &json, const QString &sourceName);
    static Result<std::shared_ptr<const BounceClassifier>> fromToml(const QByteArray &toml, const QString &sourceName);
    /// Reads one rule file; the format comes from formatOf().
    static Result<std::shared_ptr<const BounceClassifier>> fromFile(const QString &path);
    /// Several rule files, tried in the order given (the `files` list of configure_bounce_classifier).
    static Result<std::shared_ptr<const BounceClassifier>> fromFiles(const QStringList &paths);

    /// `.toml` and `.json` decide by extension; otherwise text whose first token (after
    /// comments) is `{` is JSON and anything else TOML.
    static Format formatOf(const QString &path, const QByteArray &content);

    /// The label KumoMTA logs when no rule matches.
    static QString uncategorized();

    /// The label of the first matching rule, or uncategorized().
    QString classify(QStringView singleLine) const;
    qsizetype ruleCount() const { return m_map.size(); }
    /// Every label once, in the order first declared.
    QStringList labels() const;

private:
    /// One regex of a rule file, with where it was written (line/column -1 when unknown).
    struct Entry
    {
        QString label;
        QString pattern;
        QString source;
        int line = -1;
        int column = -1;
        int indexInLabel = 0;
    };
    static Result<QList<Entry>> parseJson(const QByteArray &json, const QString &sourceName);
    static Result<QList<Entry>> parseToml(const QByteArray &toml, const QString &sourceName);
    static Result<QList<Entry>> parseFile(const QString &path);
    /// Compiles the entries in order; a parse error passes through.
    static Result<std::shared_ptr<const BounceClassifier>> build(const Result<QList<Entry>> &parsed);

    Rules::RegexSetMap m_map;
};

} // namespace Dsn::Eval
