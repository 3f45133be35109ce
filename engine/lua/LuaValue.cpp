// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "lua/PolicyRuntime.h"

namespace Dsn::Lua {

QString LuaValue::toDisplayString() const
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("nothing");
    case Kind::Nil:
        return QStringLiteral("nil");
    case Kind::Boolean:
        return boolean ? QStringLiteral("true") : QStringLiteral("false");
    case Kind::Integer:
        return QString::number(integer);
    case Kind::Number:
        // Lua's own "%.14g", so 500.7 reads as 500.7 and not 500.69999999999999.
        return QString::number(number, 'g', 14);
    case Kind::String:
        return QLatin1Char('"') + string + QLatin1Char('"');
    case Kind::Table:
    case Kind::Function:
    case Kind::Other:
        break;
    }
    return typeName.isEmpty() ? QStringLiteral("?") : QStringLiteral("a %1").arg(typeName);
}

} // namespace Dsn::Lua
