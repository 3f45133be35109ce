// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "lua/LuaError.h"

namespace Dsn::Lua {

Diagnostic LuaError::toDiagnostic() const
{
    static const char *const kCodes[] = {"lua-syntax", "lua-runtime", "lua-memory", "lua-instruction-limit",
                                         "lua-time-limit"};
    Diagnostic d = Diagnostic::error(QString::fromLatin1(kCodes[int(kind)]), message, chunk);
    d.line = line;
    return d;
}

} // namespace Dsn::Lua
