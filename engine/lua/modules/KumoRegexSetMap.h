// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

namespace Dsn::Lua {

class LuaState;

/**
 * `kumo.regex_set_map.new(table)`: a userdata over a shared, immutable Rules::RegexSetMap.
 * Rules follow the table's remembered JSON key order (else keys sorted, so the pick among
 * overlapping patterns is at least stable). `map[subject]` returns the first matching rule's
 * value exactly as given (the Lua value itself, kept in the userdata's user value) or nil,
 * and appends a RegexLookupTrace to the current event call.
 */
class KumoRegexSetMap
{
public:
    static void registerIn(LuaState &state);
};

} // namespace Dsn::Lua
