-- SPDX-License-Identifier: GPL-3.0-or-later
-- SPDX-FileCopyrightText: 2026 DSN Workbench authors
local M = {}
error('this module refuses to load')
return M
