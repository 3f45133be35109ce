// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

namespace Dsn::Lua {

class LuaState;

/// `kumo.on(name, handler)`: registration while the policy loads, with KumoMTA's single vs
/// multiple handler rules (see EventRegistry). Stand-ins count as handlers because real
/// policies register helper results such as `shaper.get_egress_path_config`.
class KumoOn
{
public:
    static void registerIn(LuaState &state);
};

} // namespace Dsn::Lua
