#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 DSN Workbench authors
#
# Installs what is missing, builds, and opens the bundled example project. Until the desktop
# window lands this runs the command-line tool's `eval` on the example's samples and prints
# the outcomes table.
set -euo pipefail
cd "$(dirname "$0")/.."

bash packaging/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j"$(nproc)" --target dsn-workbench-cli
exec ./build/bin/dsn-workbench-cli eval --project resources/examples/example.dsnwb --samples --table "$@"
