// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <nlohmann/json.hpp>

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include "common/Result.h"

namespace Dsn {

/**
 * JSON as KumoMTA's kumo.json_load reads it: line comments (`//`, `#`) and block comments allowed, trailing
 * commas refused, object key order kept (a rules table's order decides which rule the
 * workbench reports first). Errors carry 1-based line and column.
 */
class JsonText
{
public:
    using Ordered = nlohmann::ordered_json;

    /// `sourceName` is used in messages: "parsing <sourceName> as json: …".
    static Result<Ordered> parse(const QByteArray &text, const QString &sourceName);

    /// Blanks out comments (keeping line breaks, so positions stay valid). Strings are respected.
    static QByteArray stripComments(const QByteArray &text);

    static QJsonValue toQt(const Ordered &value);
    static Ordered fromQt(const QJsonValue &value);
    /// Compact, order-preserving serialisation, UTF-8, no escaping of non-ASCII.
    static QByteArray dump(const Ordered &value, int indent = -1);
};

} // namespace Dsn
