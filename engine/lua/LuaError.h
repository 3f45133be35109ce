// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QString>

#include "common/Diagnostic.h"

namespace Dsn::Lua {

/// A Lua error with where it happened, read with lua_getinfo rather than parsed from text.
struct LuaError
{
    enum class Kind { Syntax, Runtime, Memory, InstructionLimit, TimeLimit };

    Kind kind = Kind::Runtime;
    QString chunk;        ///< chunk name without '@', e.g. "policy.lua"
    int line = -1;        ///< line in `chunk`, -1 when unknown
    QString message;      ///< Lua's message, e.g. "policy.lua:12: attempt to index a nil value"
    QString traceback;

    Diagnostic toDiagnostic() const;
};

} // namespace Dsn::Lua
