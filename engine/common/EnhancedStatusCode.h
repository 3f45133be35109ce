// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <optional>

#include <QJsonValue>
#include <QString>
#include <QStringView>

namespace Dsn {

/// An RFC 3463 enhanced status code, `class.subject.detail`, as KumoMTA reads it.
struct EnhancedStatusCode
{
    int klass = 0;
    int subject = 0;
    int detail = 0;

    /// Printed form without leading zeros ("5.01.001" reads back as "5.1.1").
    QString toString() const;
    /// Appends toString()'s text to `out` without a string of its own (one per replayed failure).
    void appendTo(QString &out) const;
    /// Room writeTo() needs at most: three signed 32-bit numbers and two dots.
    static constexpr qsizetype MaxTextLength = 3 * 11 + 2;
    /// Writes toString()'s text as Latin-1 to `out` (MaxTextLength bytes) and returns its length.
    qsizetype writeTo(char *out) const;
    /// `{"class": 5, "subject": 1, "detail": 1}`
    QJsonValue toJson() const;
    static std::optional<EnhancedStatusCode> fromJson(const QJsonValue &value);

    /**
     * Reads an enhanced code at the start of `text` the way KumoMTA does: it must be followed
     * by a space, class 2, 4 or 5. On success `rest` receives the text after that space.
     */
    static std::optional<EnhancedStatusCode> parsePrefix(QStringView text, QStringView *rest = nullptr);
    /// Parses a whole string such as "4.2.2" (no trailing space needed).
    static std::optional<EnhancedStatusCode> parse(QStringView text);

    friend bool operator==(const EnhancedStatusCode &, const EnhancedStatusCode &) = default;
};

} // namespace Dsn
