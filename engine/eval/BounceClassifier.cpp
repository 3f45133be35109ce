// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "eval/BounceClassifier.h"

#include <QCoreApplication>

#include "common/JsonText.h"

namespace Dsn::Eval {

Result<std::shared_ptr<const BounceClassifier>> BounceClassifier::fromJson(const QByteArray &json,
                                                                          const QString &sourceName)
{
    auto parsed = JsonText::parse(json, sourceName);
    if (!parsed)
        return parsed.error();
    const JsonText::Ordered &doc = *parsed;
    auto fail = [&](const QString &message) {
        return Diagnostic::error(QStringLiteral("classifier-format"), message, sourceName);
    };
    if (!doc.is_object() || !doc.contains("rules") || !doc["rules"].is_object())
        return fail(QCoreApplication::translate("BounceClassifier", "%1: expected an object with a \"rules\" table")
                        .arg(sourceName));
    // One flat list in file order: label by label, pattern by pattern; the first match wins.
    QList<Rules::RegexRule> flat;
    const JsonText::Ordered &rules = doc["rules"];
    for (auto it = rules.begin(); it != rules.end(); ++it) {
        const QString label = QString::fromStdString(it.key());
        if (!it.value().is_array())
            return fail(QCoreApplication::translate("BounceClassifier", "%1: rules.%2 must be a list of regexes")
                            .arg(sourceName, label));
        for (const auto &pattern : it.value()) {
            if (!pattern.is_string())
                return fail(QCoreApplication::translate("BounceClassifier", "%1: rules.%2 holds a non-string")
                                .arg(sourceName, label));
            flat.append({QString::fromStdString(pattern.get<std::string>()), label});
        }
    }
    auto map = Rules::RegexSetMap::compile(flat);
    if (!map) {
        Diagnostic d = map.error();
        d.source = sourceName;
        return d;
    }
    auto classifier = std::make_shared<BounceClassifier>();
    classifier->m_map = std::move(map.value());
    return std::shared_ptr<const BounceClassifier>(classifier);
}

QString BounceClassifier::classify(QStringView singleLine) const
{
    const int first = m_map.findFirst(singleLine);
    return first < 0 ? QStringLiteral("Uncategorized") : m_map.rules().at(first).value.toString();
}

} // namespace Dsn::Eval
