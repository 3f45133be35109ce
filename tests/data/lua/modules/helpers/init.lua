-- SPDX-License-Identifier: GPL-3.0-or-later
-- SPDX-FileCopyrightText: 2026 DSN Workbench authors
-- Loaded as `require 'helpers'` through helpers/init.lua.
local strings = require 'util.strings'
return { shout = function(s) return strings.upper_domain(s) .. '!' end, name = ... }
