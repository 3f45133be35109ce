-- SPDX-License-Identifier: GPL-3.0-or-later
-- SPDX-FileCopyrightText: 2026 DSN Workbench authors
-- A user module for the require tests; `explode` fails on line 11 on purpose.
local M = {}

function M.upper_domain(domain)
  return string.upper(domain)
end

function M.explode(value)
  return value.missing.field
end

return M
