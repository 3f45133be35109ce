// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "eval/BounceClassifier.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include <toml++/toml.h>

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include "common/JsonText.h"
#include "rules/RegexRule.h"

namespace Dsn::Eval {

namespace {

Diagnostic formatError(const QString &message, const QString &sourceName, const toml::source_position &at = {})
{
    Diagnostic d = Diagnostic::error(QStringLiteral("classifier-format"), message, sourceName);
    if (at.line > 0) {
        d.line = int(at.line);
        d.column = int(at.column);
    }
    return d;
}

QString fromStd(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

} // namespace

QString BounceClassifier::uncategorized()
{
    return QStringLiteral("Uncategorized");
}

Result<QList<BounceClassifier::Entry>> BounceClassifier::parseJson(const QByteArray &json, const QString &sourceName)
{
    auto parsed = JsonText::parse(json, sourceName);
    if (!parsed)
        return parsed.error();
    const JsonText::Ordered &doc = *parsed;
    if (!doc.is_object() || !doc.contains("rules") || !doc["rules"].is_object())
        return formatError(QCoreApplication::translate("BounceClassifier", "%1: expected an object with a \"rules\" table").arg(sourceName), sourceName);
    // ordered_json keeps the labels in the order the file declares them.
    QList<Entry> entries;
    const JsonText::Ordered &rules = doc["rules"];
    for (auto it = rules.begin(); it != rules.end(); ++it) {
        const QString label = QString::fromStdString(it.key());
        if (!it.value().is_array())
            return formatError(QCoreApplication::translate("BounceClassifier", "%1: rules.%2 must be a list of regexes").arg(sourceName, label), sourceName);
        int index = 0;
        for (const auto &pattern : it.value()) {
            if (!pattern.is_string())
                return formatError(QCoreApplication::translate("BounceClassifier", "%1: rules.%2 holds a non-string").arg(sourceName, label), sourceName);
            entries.append({label, QString::fromStdString(pattern.get<std::string>()), sourceName, -1, -1, index++});
        }
    }
    return entries;
}

Result<QList<BounceClassifier::Entry>> BounceClassifier::parseToml(const QByteArray &toml, const QString &sourceName)
{
    toml::table doc;
    try {
        doc = toml::parse(std::string_view(toml.constData(), size_t(toml.size())), sourceName.toStdString());
    } catch (const toml::parse_error &e) {
        Diagnostic d = Diagnostic::error(QStringLiteral("toml-parse"),
                                         QCoreApplication::translate("BounceClassifier", "parsing %1 as toml: %2").arg(sourceName, fromStd(e.description())),
                                         sourceName);
        d.line = int(e.source().begin.line);
        d.column = int(e.source().begin.column);
        return d;
    }
    const toml::node *rulesNode = doc.get("rules");
    const toml::table *rules = rulesNode ? rulesNode->as_table() : nullptr;
    if (!rules) {
        return formatError(QCoreApplication::translate("BounceClassifier", "%1: expected a [rules] table").arg(sourceName), sourceName,
                           rulesNode ? rulesNode->source().begin : toml::source_position{});
    }

    // toml::table is a std::map, so it iterates labels sorted by name, not in file order. Each
    // key remembers where the file declared it, which gives the order back.
    std::vector<std::pair<const toml::key *, const toml::node *>> labels;
    for (auto &&[key, node] : *rules)
        labels.emplace_back(&key, &node);
    std::stable_sort(labels.begin(), labels.end(), [](const auto &a, const auto &b) {
        const toml::source_position &pa = a.first->source().begin;
        const toml::source_position &pb = b.first->source().begin;
        return std::tie(pa.line, pa.column) < std::tie(pb.line, pb.column);
    });

    QList<Entry> entries;
    for (const auto &[key, node] : labels) {
        const QString label = fromStd(key->str());
        const toml::array *patterns = node->as_array();
        if (!patterns) {
            return formatError(QCoreApplication::translate("BounceClassifier", "%1: rules.%2 must be a list of regexes").arg(sourceName, label), sourceName,
                               node->source().begin);
        }
        int index = 0;
        for (const toml::node &pattern : *patterns) {
            const toml::value<std::string> *text = pattern.as_string();
            if (!text) {
                return formatError(QCoreApplication::translate("BounceClassifier", "%1: rules.%2 holds a non-string").arg(sourceName, label), sourceName,
                                   pattern.source().begin);
            }
            const toml::source_position &at = pattern.source().begin;
            entries.append({label, fromStd(text->get()), sourceName, int(at.line), int(at.column), index++});
        }
    }
    return entries;
}

BounceClassifier::Format BounceClassifier::formatOf(const QString &path, const QByteArray &content)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("toml"))
        return Format::Toml;
    if (suffix == QLatin1String("json"))
        return Format::Json;
    // A TOML rule file starts with a table header or a key; JSON (comments allowed) with a brace.
    return JsonText::stripComments(content).trimmed().startsWith('{') ? Format::Json : Format::Toml;
}

Result<QList<BounceClassifier::Entry>> BounceClassifier::parseFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Diagnostic::error(QStringLiteral("io"), QCoreApplication::translate("BounceClassifier", "cannot read %1: %2").arg(path, f.errorString()), path);
    const QByteArray content = f.readAll();
    const QString name = QFileInfo(path).fileName();
    return formatOf(path, content) == Format::Toml ? parseToml(content, name) : parseJson(content, name);
}

Result<std::shared_ptr<const BounceClassifier>> BounceClassifier::build(const Result<QList<Entry>> &parsed)
{
    if (!parsed)
        return parsed.error();
    const QList<Entry> &entries = *parsed;
    QList<Rules::RegexRule> flat;
    flat.reserve(entries.size());
    for (const Entry &e : entries)
        flat.append({e.pattern, e.label});
    auto map = Rules::RegexSetMap::compile(flat);
    if (!map) {
        Diagnostic d = map.error();
        if (d.ruleIndex >= 0 && d.ruleIndex < entries.size()) {
            const Entry &e = entries.at(d.ruleIndex);
            // Number the regex within its own file: that is the list the analyst edits.
            const auto fileStart = std::find_if(entries.cbegin(), entries.cend(),
                                                [&e](const Entry &other) { return other.source == e.source; });
            d.ruleIndex -= int(fileStart - entries.cbegin());
            d.source = e.source;
            d.line = e.line;
            d.column = e.column;
            d.message = QCoreApplication::translate("BounceClassifier", "label %1, regex %2: %3").arg(e.label, QString::number(e.indexInLabel + 1), d.message);
        }
        return d;
    }
    auto classifier = std::make_shared<BounceClassifier>();
    classifier->m_map = std::move(map.value());
    return std::shared_ptr<const BounceClassifier>(classifier);
}

Result<std::shared_ptr<const BounceClassifier>> BounceClassifier::fromJson(const QByteArray &json,
                                                                          const QString &sourceName)
{
    return build(parseJson(json, sourceName));
}

Result<std::shared_ptr<const BounceClassifier>> BounceClassifier::fromToml(const QByteArray &toml,
                                                                          const QString &sourceName)
{
    return build(parseToml(toml, sourceName));
}

Result<std::shared_ptr<const BounceClassifier>> BounceClassifier::fromFile(const QString &path)
{
    return fromFiles({path});
}

Result<std::shared_ptr<const BounceClassifier>> BounceClassifier::fromFiles(const QStringList &paths)
{
    QList<Entry> all;
    for (const QString &path : paths) {
        auto entries = parseFile(path);
        if (!entries)
            return entries.error();
        all.append(*entries);
    }
    return build(Result<QList<Entry>>(std::move(all)));
}

QString BounceClassifier::classify(QStringView singleLine) const
{
    const int first = m_map.findFirst(singleLine);
    return first < 0 ? uncategorized() : m_map.rules().at(first).value.toString();
}

QStringList BounceClassifier::labels() const
{
    QStringList out;
    for (const Rules::RegexRule &r : m_map.rules()) {
        const QString label = r.value.toString();
        if (!out.contains(label))
            out.append(label);
    }
    return out;
}

} // namespace Dsn::Eval
