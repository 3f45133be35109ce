// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace Dsn::Replay {

/**
 * Replaces the parts of a reply that differ between otherwise identical rejections, so the
 * replies no rule matched group by what the server meant: e-mail addresses become `<addr>`,
 * IPv4 and IPv6 addresses `<ip>`, letter-and-digit IDs of 8 or more characters (hex, base64ish,
 * dashed queue ids) `<id>`, and numbers of 4 or more digits `<n>`. Reply codes (3 digits) and
 * enhanced codes (5.1.1) are kept. Thread-safe.
 */
class ResponseMasker
{
public:
    static QString mask(QStringView text);
    /// The same; a QString is its own cache key, so a replay's repeated replies cost no copy.
    static QString mask(const QString &text);

    /// The same masking with the pattern run over the whole text at once: slower, and the
    /// definition mask() keeps to (TestResponseMasker compares the two).
    static QString maskWhole(QStringView text);

    /// What a masked part of a reply is.
    enum class Part
    {
        Address,
        Ip,
        Number,
        Id,
    };
    struct Span
    {
        qsizetype start = 0;
        qsizetype length = 0;
        Part part = Part::Id;
    };
    /// The parts maskWhole() replaces, in text order.
    static QList<Span> variableParts(QStringView text);

private:
    /// Longer replies are masked afresh each time: they would crowd the cache.
    static constexpr qsizetype CachedLength = 1024;
    /// `text` itself (shared, not copied) when nothing in it is masked.
    static QString maskUncached(const QString &text);
    static void appendMasked(QStringView text, QString &out);
};

} // namespace Dsn::Replay
