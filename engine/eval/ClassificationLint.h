// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <optional>

#include <QList>
#include <QString>

#include "common/Diagnostic.h"
#include "eval/EvalInput.h"
#include "eval/EvalResult.h"

namespace Dsn::Eval {

class PolicyEvaluator;

/**
 * Warns when a rewrite costs a sample its bounce classification: the original reply matches a
 * classifier rule (e.g. QuotaIssues on `^552 [45]\.2\.2 `) but the rewritten line matches none
 * (`500 4.2.2 …`), so KumoMTA logs it as Uncategorized and reports lose the class (spec §10).
 *
 * Each Diagnostic is a warning with code `classification-lost`, source "sample N" (1-based),
 * and the rule index and pattern of the rewrite rule that matched, when one did.
 * Stateless; the evaluator passed to run() is used from the calling thread only.
 */
class ClassificationLint
{
public:
    /// The warning for one evaluated sample, if its rewrite moved it to Uncategorized.
    static std::optional<Diagnostic> check(const EvalResult &result, int sampleNumber);
    /// Evaluates every input and collects the warnings; nothing without a classifier.
    static QList<Diagnostic> run(PolicyEvaluator &evaluator, const QList<EvalInput> &inputs);
};

} // namespace Dsn::Eval
