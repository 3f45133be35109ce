// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "MetaTypes.h"

#include <QList>
#include <QMetaType>

#include "common/Diagnostic.h"
#include "eval/EvalInput.h"
#include "eval/EvalResult.h"
#include "eval/OutcomeSummary.h"
#include "eval/PolicyEvaluator.h"

namespace Dsn::Controllers {

void registerMetaTypes()
{
    qRegisterMetaType<Dsn::Diagnostic>();
    qRegisterMetaType<QList<Dsn::Diagnostic>>();
    qRegisterMetaType<Dsn::Eval::EvalInput>();
    qRegisterMetaType<QList<Dsn::Eval::EvalInput>>();
    qRegisterMetaType<Dsn::Eval::EvalResult>();
    qRegisterMetaType<QList<Dsn::Eval::EvalResult>>();
    qRegisterMetaType<Dsn::Eval::OutcomeSummary>();
    qRegisterMetaType<Dsn::Eval::EvaluatorConfig>();
}

} // namespace Dsn::Controllers
