// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <optional>

#include "common/EnhancedStatusCode.h"
#include "common/Result.h"
#include "common/SmtpPhase.h"
#include "replay/ResponseMasker.h"

namespace Dsn::Replay {

/**
 * Writes KumoMTA-shaped JSON log records (spec §9) for tests and benchmarks: a seeded mix of
 * Delivery, TransientFailure, Bounce and Reception records with realistic queue names
 * (`campaign:tenant@domain`, `tenant@domain`, plain domains), recipients, sites, sizes and
 * timestamps. Failure replies are drawn from a corpus of real replies; a few 4xx ones carry a
 * production rewrite note, as logs of a site that already runs a policy do. Failures carry a
 * `bounce_classification` derived from their reply with a small built-in keyword table
 * (InvalidRecipient, QuotaIssues, SpamBlock, …); other records are Uncategorized.
 *
 * The same seed and replies give the same bytes on every run and machine (own PRNG, no
 * std::*_distribution, no clock).
 */
class LogGenerator
{
public:
    /// One reply of the corpus: its lines with code prefixes and the command it answered.
    struct Reply
    {
        QStringList lines;
        SmtpPhase phase = SmtpPhase::RcptTo;
    };

    struct Options
    {
        quint64 seed = 1;
        /// Stop after this many records (0: no limit) …
        qint64 records = 0;
        /// … or once this many uncompressed bytes are written (0: no limit). One must be set.
        qint64 bytes = 0;
        bool zstd = false;
        int zstdLevel = 3;
    };

    struct Stats
    {
        qint64 records = 0;
        qint64 failures = 0;   ///< TransientFailure + Bounce records
        qint64 bytes = 0;      ///< uncompressed
    };

    explicit LogGenerator(QList<Reply> replies, quint64 seed = 1);

    /// Reads a corpus JSON Lines file ({"lines": [...], "phase": "RCPT TO", ...} per line).
    static Result<QList<Reply>> loadCorpus(const QString &path);
    /// A dozen common replies, for when no corpus is at hand.
    static QList<Reply> builtinReplies();

    /// The next record as one compact JSON line, LF included.
    QByteArray nextRecord(bool *isFailure = nullptr);
    /// Writes records to `path` until `options.records` or `options.bytes` is reached.
    Result<Stats> writeFile(const QString &path, const Options &options);

private:
    quint64 random();
    int below(int n) { return int(random() % quint64(n)); }
    template <typename List>
    const auto &pick(const List &list) { return list.at(below(int(list.size()))); }
    QString hex(int digits);
    /// A corpus reply as a log holds it, worked out once: the content without code and enhanced
    /// code, and the parts of it that differ from message to message.
    struct Prepared
    {
        int code = 0;
        SmtpPhase phase = SmtpPhase::RcptTo;
        std::optional<EnhancedStatusCode> enhanced;
        QString content;
        QList<ResponseMasker::Span> variable;
    };
    static Prepared prepare(const Reply &reply);
    /// `p.content` as one message's reply: addresses become the recipient, IDs and long numbers
    /// fresh ones of the same shape (a real server's reply names the message it rejects).
    QString contentFor(const Prepared &p, const QString &recipient);

    QList<Prepared> m_prepared; ///< one per corpus reply
    quint64 m_state;
    qint64 m_time = 1767225600; // 2026-01-01T00:00:00Z
};

} // namespace Dsn::Replay
