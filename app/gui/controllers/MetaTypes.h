// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

namespace Dsn::Controllers {

/**
 * Registers the engine value types that cross threads in queued signals (EvaluatorConfig,
 * EvalInput, EvalResult, OutcomeSummary, Diagnostic and their lists) under their names, so
 * string-based lookups (QMetaObject::invokeMethod, QSignalSpy) find them too. Idempotent;
 * every controller calls it in its constructor.
 */
void registerMetaTypes();

} // namespace Dsn::Controllers
