// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <atomic>
#include <functional>

#include <QStringList>
#include <QtGlobal>

#include "common/Result.h"
#include "eval/PolicyEvaluator.h"
#include "replay/LogFileList.h"
#include "replay/LogReader.h"
#include "replay/ReplayDecision.h"
#include "replay/ReplaySummary.h"

namespace Dsn::Replay {

struct ReplayOptions
{
    /// The policy to replay against; every worker builds its own PolicyEvaluator from it.
    Eval::EvaluatorConfig config;
    /// Worker threads; 0 means one per core.
    int threads = 0;
    /// Lines handed to a worker at a time. Results do not depend on it or on `threads`.
    int chunkLines = 1000;
    qint64 maxLineLength = LogReader::DefaultMaxLineLength;
    qint64 blockSize = LogReader::DefaultBlockSize;
    ReplaySummary::Limits limits;
};

struct ReplayProgress
{
    qint64 bytesRead = 0;
    qint64 totalBytes = 0;
    qint64 lines = 0;
    int filesDone = 0;
    int files = 0;
};

/**
 * Replays KumoMTA log files through a policy on all cores, in one of two ways:
 * - A folder of segments (at least four files per thread) and no decision stream: each worker
 *   claims the next file and replays all of it with a reader of its own.
 * - Otherwise one worker, the lead, reads and decompresses the input in order (files in order,
 *   chunks of lines in order): it keeps the other workers' queue a few chunks deep and evaluates
 *   the chunks in between itself, straight from the reader's buffer.
 * Each worker evaluates on its own PolicyEvaluator — a Lua state is single-threaded. Results are
 * merged strictly in input order, per file first, so the summary and the decision stream are
 * identical for any thread count and either way. Memory stays bounded: each worker holds one
 * chunk or one file's summary, and finished work waits only for slower work before it.
 *
 * run() blocks; cancel() may be called from any thread (or a callback) and makes run() return
 * soon with the partial summary of the work merged so far and cancelled() true. The callbacks
 * run on worker threads, one at a time: progress after each chunk read, decisions in input order.
 */
class ReplayEngine
{
public:
    explicit ReplayEngine(ReplayOptions options);

    void setProgressCallback(std::function<void(const ReplayProgress &)> callback) { m_progress = std::move(callback); }
    /// Set to receive every failure record's decision (the CLI's --emit); costs memory per chunk.
    void setDecisionCallback(std::function<void(const ReplayDecision &)> callback) { m_decisions = std::move(callback); }

    /// Expands `paths` (files and directories) and replays them. Fails on an unreadable path or
    /// a policy that does not load; a file that becomes unreadable midway counts as malformed.
    Result<ReplaySummary> run(const QStringList &paths);

    void cancel() { m_cancel.store(true, std::memory_order_relaxed); }
    bool cancelled() const { return m_cancel.load(std::memory_order_relaxed); }

private:
    /// Each worker replays whole files (see run()).
    Result<ReplaySummary> runByFile(const QList<LogFile> &files, int threads);

    ReplayOptions m_options;
    std::function<void(const ReplayProgress &)> m_progress;
    std::function<void(const ReplayDecision &)> m_decisions;
    std::atomic<bool> m_cancel{false};
};

} // namespace Dsn::Replay
