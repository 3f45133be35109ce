// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "eval/ClassificationLint.h"

#include <QCoreApplication>

#include "eval/BounceClassifier.h"
#include "eval/PolicyEvaluator.h"

namespace Dsn::Eval {

std::optional<Diagnostic> ClassificationLint::check(const EvalResult &result, int sampleNumber)
{
    const QString uncategorized = BounceClassifier::uncategorized();
    // Only a loss is worth a warning: a reply that was Uncategorized anyway, or a rewrite that
    // moves it to another specific class, keeps the reports meaningful.
    if (!result.rewritten || result.classificationBeforeRewrite.isEmpty()
        || result.classificationBeforeRewrite == uncategorized || result.bounceClassification != uncategorized)
        return std::nullopt;
    Diagnostic d = Diagnostic::warning(
        QStringLiteral("classification-lost"),
        QCoreApplication::translate("ClassificationLint", "rewrite moves sample %1 from %2 to Uncategorized (%3 → %4)")
            .arg(QString::number(sampleNumber), result.classificationBeforeRewrite,
                 QString::number(result.originalCode), QString::number(result.response.code)),
        QCoreApplication::translate("ClassificationLint", "sample %1").arg(sampleNumber));
    if (!result.matched.isEmpty()) {
        d.ruleIndex = result.matched.first().index;
        d.pattern = result.matched.first().pattern;
    }
    return d;
}

QList<Diagnostic> ClassificationLint::run(PolicyEvaluator &evaluator, const QList<EvalInput> &inputs)
{
    QList<Diagnostic> out;
    if (!evaluator.classifier())
        return out;
    for (qsizetype i = 0; i < inputs.size(); ++i) {
        if (auto d = check(evaluator.evaluate(inputs.at(i)), int(i) + 1))
            out.append(*d);
    }
    return out;
}

} // namespace Dsn::Eval
