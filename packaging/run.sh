#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 DSN Workbench authors
#
# Installs what is missing, builds, and opens the workbench on the bundled example project.
# Without a display (a server, a container) it says so and prints the example's outcomes with
# the command-line tool instead.
set -euo pipefail
cd "$(dirname "$0")/.."

bash packaging/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j"$(nproc)" --target dsn-workbench dsn-workbench-cli

if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
    exec ./build/bin/dsn-workbench resources/examples/example.dsnwb "$@"
fi
echo "No display found (DISPLAY/WAYLAND_DISPLAY unset): showing the example's outcomes in the terminal." >&2
echo "Start the window with: xvfb-run -a ./build/bin/dsn-workbench, or on a desktop ./build/bin/dsn-workbench" >&2
exec ./build/bin/dsn-workbench-cli eval --project resources/examples/example.dsnwb --samples --table
