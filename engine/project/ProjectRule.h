// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QJsonValue>
#include <QString>

namespace Dsn::Project {

/// A row of the rules table as the analyst edits it; only enabled rows reach KumoMTA.
struct ProjectRule
{
    QString pattern;
    QJsonValue code;   ///< usually an integer; kept as written so lint can flag odd values
    QString note;
    bool enabled = true;

    friend bool operator==(const ProjectRule &, const ProjectRule &) = default;
};

} // namespace Dsn::Project
