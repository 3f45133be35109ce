-- SPDX-License-Identifier: GPL-3.0-or-later
-- SPDX-FileCopyrightText: 2026 DSN Workbench authors
local M = {}
function M.f(
  return 1
end
return M
