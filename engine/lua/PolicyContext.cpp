// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "lua/PolicyContext.h"

namespace Dsn::Lua {

PolicyContext::PolicyContext(RuntimeOptions options) : m_options(std::move(options)) {}

void PolicyContext::warnOnce(const QString &code, const QString &key, const QString &message, const QString &source,
                             int line)
{
    const QString id = code + QLatin1Char('\n') + key;
    if (m_warned.contains(id))
        return;
    m_warned.insert(id);
    Diagnostic d = Diagnostic::warning(code, message, source);
    d.line = line;
    warnings.append(d);
}

void PolicyContext::log(const QString &line)
{
    (currentLog ? *currentLog : loadLog).append(line);
}

} // namespace Dsn::Lua
