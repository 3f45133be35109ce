// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <optional>

#include <QString>
#include <QStringList>

namespace Dsn {

/**
 * Which KumoMTA the engine emulates. `Documented` follows the event's reference page (literal
 * `\r\n` in multi-line replies, "non-2xx" triggers); `V2026_06` follows release 2026.06.23's
 * code (spaces, "!= 250" triggers, the too-many-recipients rule, the 4096-byte line limit).
 */
enum class CompatProfile { Documented, V2026_06 };

/// The identifier used in project files, the CLI and JSON output: "documented" or "2026.06".
QString compatProfileId(CompatProfile profile);
std::optional<CompatProfile> compatProfileFromId(const QString &id);
QStringList compatProfileIds();

} // namespace Dsn
