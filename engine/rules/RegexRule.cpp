// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "rules/RegexRule.h"

#include <QCoreApplication>

#include "common/JsonText.h"

namespace Dsn::Rules {

Result<QList<RegexRule>> RegexRule::listFromJson(const QByteArray &json, const QString &sourceName)
{
    auto parsed = JsonText::parse(json, sourceName);
    if (!parsed)
        return parsed.error();
    const JsonText::Ordered &doc = *parsed;
    if (!doc.is_object()) {
        return Diagnostic::error(
            QStringLiteral("table-not-object"),
            QCoreApplication::translate("RegexRule", "%1: a rules table must be a JSON object of pattern → value")
                .arg(sourceName),
            sourceName);
    }
    QList<RegexRule> rules;
    rules.reserve(qsizetype(doc.size()));
    for (auto it = doc.begin(); it != doc.end(); ++it)
        rules.append({QString::fromStdString(it.key()), JsonText::toQt(it.value())});
    return rules;
}

QByteArray RegexRule::listToJson(const QList<RegexRule> &rules)
{
    JsonText::Ordered o = JsonText::Ordered::object();
    for (const RegexRule &r : rules)
        o[r.pattern.toStdString()] = JsonText::fromQt(r.value);
    return JsonText::dump(o, 2) + '\n';
}

} // namespace Dsn::Rules
