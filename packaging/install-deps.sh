#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 DSN Workbench authors
#
# Installs the Debian 12 packages DSN Workbench needs to build, test and package.
# Idempotent and non-interactive: packages already present are skipped, so a second run is quick.
set -euo pipefail

packages=(
    # build tools
    build-essential cmake ninja-build pkg-config git
    # Qt 6 (Core, Network, Widgets, Test) and Linguist tools for the translations
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-translations-l10n qt6-qpa-plugins libgl1-mesa-dev libxkbcommon-dev
    # editors, and the staging-server password in the system keychain
    libqscintilla2-qt6-dev
    qtkeychain-qt6-dev
    # the Replay view's charts
    qt6-charts-dev libqt6opengl6-dev  # Charts' CMake config requires Qt6OpenGL
    # policy engine; zstd-compressed KumoMTA logs for replay; bounce classifier rule files (TOML)
    liblua5.4-dev libboost-regex-dev libicu-dev nlohmann-json3-dev libzstd-dev zstd libtomlplusplus-dev
    libmimalloc-dev  # the executables' allocator (replay allocates strings per record per thread)
    # benchmarks (built, not run by ctest), with the peer regex engines they are compared to
    libbenchmark-dev libre2-dev libhyperscan-dev
    # the README's worked example of a fleet-wide replay
    parallel
    # GUI screenshots and offscreen/X11 tests
    xvfb xauth fonts-dejavu-core
    # real SMTP peers for the network tests (only ever on 127.0.0.1)
    postfix
    # throwaway TLS certificates made at test time
    openssl
    swaks  # a real SMTP client the sandbox server is tested against
    desktop-file-utils appstream librsvg2-bin  # packaging: validate .desktop/metainfo, render PNG icons
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages present"
    exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
# Postfix asks what kind of mail system this is; the tests run private instances, so none.
echo "postfix postfix/main_mailer_type select No configuration" | $SUDO debconf-set-selections
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
