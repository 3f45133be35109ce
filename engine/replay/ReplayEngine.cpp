// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "replay/ReplayEngine.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>

#include "replay/LogFileList.h"
#include "replay/LogRecord.h"

namespace Dsn::Replay {

namespace {

/// Lines of one chunk, stored back to back in one buffer: one allocation per chunk, not per line.
struct Chunk
{
    struct Line
    {
        qint64 number = 0;
        qsizetype offset = 0;
        qsizetype size = 0;
        bool overlong = false;
    };
    qint64 seq = -1;
    QString file;
    QByteArray data;
    std::vector<Line> lines;
    /// A read or decompression error that ended the file after these lines: (line, message).
    qint64 errorLine = 0;
    QString error;
};

struct ChunkResult
{
    ReplaySummary summary;
    QList<ReplayDecision> decisions;
};

/// Hands out the input as numbered chunks, one reader at a time, files and lines in order.
class ChunkSource
{
public:
    ChunkSource(const QList<LogFile> &files, const ReplayOptions &options,
                const std::function<void(const ReplayProgress &)> &progress)
        : m_files(files), m_options(options), m_progress(progress)
    {
        for (const LogFile &f : files)
            m_total.totalBytes += f.size;
        m_total.files = int(files.size());
    }

    /**
     * With several workers, the lead worker reads (and decompresses) for the others, up to
     * `depth` chunks ahead, and processes a chunk itself only while they have enough. A zstd
     * stream decompresses in order only, so one thread must read; a reading thread of its own
     * made three threads share two cores, and the switches between them cost a fifth of the
     * work. True when the others want another chunk.
     */
    bool othersWantMore(size_t depth)
    {
        const std::lock_guard lock(m_queueMutex);
        return m_queue.size() < depth;
    }

    /// Reads the next chunk for the other workers; false at the end of the input.
    bool readForOthers()
    {
        Chunk chunk;
        {
            const std::lock_guard lock(m_queueMutex);
            if (!m_spare.empty()) {
                chunk = std::move(m_spare.back()); // keeps its buffers' capacity
                m_spare.pop_back();
            }
        }
        if (!read(chunk))
            return false;
        const std::lock_guard lock(m_queueMutex);
        m_queue.push_back(std::move(chunk));
        m_ready.notify_one();
        return true;
    }

    /// The lead stopped reading (end, cancel or error): the others finish the queue and stop.
    void finishReading()
    {
        const std::lock_guard lock(m_queueMutex);
        m_readerDone = true;
        m_ready.notify_all();
    }

    /// For the only worker: the next chunk's lines go to `onLine` straight from the reader's
    /// buffer, never copied into a chunk. False at the end.
    template<typename OnLine>
    bool stream(Chunk &chunk, OnLine &&onLine)
    {
        return readLines(chunk, std::forward<OnLine>(onLine));
    }

    /// The next chunk in order into `chunk` (whose old buffers are reused); false at the end.
    bool next(Chunk &chunk)
    {
        std::unique_lock lock(m_queueMutex);
        m_ready.wait(lock, [this] { return !m_queue.empty() || m_readerDone; });
        if (m_queue.empty())
            return false;
        std::swap(chunk, m_queue.front());
        m_spare.push_back(std::move(m_queue.front()));
        m_queue.pop_front();
        return true;
    }

private:
    /// The next chunk's lines, copied into `chunk`: the lead reads these for the other workers.
    bool read(Chunk &chunk)
    {
        return readLines(chunk, [&chunk](const LogReader::LineView &line) {
            chunk.lines.push_back({line.number, chunk.data.size(), line.bytes.size(), line.overlong});
            chunk.data.append(line.bytes);
        });
    }

    /**
     * Reads the next chunk's worth of lines and hands each to `onLine` while it is still in the
     * reader's buffer; `chunk` receives the file, sequence number and any read error, and its
     * `lines` stays empty unless `onLine` fills it. False at the end of the input.
     */
    template<typename OnLine>
    bool readLines(Chunk &chunk, OnLine &&onLine)
    {
        while (m_index < m_files.size()) {
            const LogFile &file = m_files.at(m_index);
            if (!m_reader) {
                m_reader = std::make_unique<LogReader>(file.path, m_options.maxLineLength, m_options.blockSize);
                if (!m_reader->open()) {
                    startChunk(chunk, file.path);
                    chunk.errorLine = 0;
                    chunk.error = m_reader->errorString();
                    finishFile(file);
                    chunk.seq = m_seq++;
                    return true;
                }
            }
            startChunk(chunk, file.path);
            LogReader::LineView line;
            const qint64 wanted = m_options.chunkLines;
            qint64 count = 0;
            while (count < wanted && m_reader->nextView(line)) {
                onLine(line);
                ++count;
            }
            const bool fileDone = count < wanted;
            m_total.lines += count;
            if (fileDone) {
                chunk.error = m_reader->errorString();
                chunk.errorLine = m_reader->lineCount() + 1;
                finishFile(file);
            } else {
                m_total.bytesRead = m_bytesBefore + m_reader->bytesRead();
                report();
            }
            // Numbered only when handed out: the merger waits for every number in turn.
            if (count > 0 || !chunk.error.isEmpty()) {
                chunk.seq = m_seq++;
                return true;
            }
        }
        return false;
    }

    void startChunk(Chunk &chunk, const QString &path)
    {
        // Emptied, not freed: a worker's chunk keeps its buffers from one chunk to the next.
        chunk.seq = -1;
        // A private copy: every decision and sample copies the name, and a string shared by all
        // workers would bounce its reference count between the cores on each copy.
        if (chunk.file != path)
            chunk.file = QString(path.constData(), path.size());
        chunk.data.resize(0);
        chunk.lines.clear();
        chunk.errorLine = 0;
        chunk.error.clear();
    }

    void finishFile(const LogFile &file)
    {
        m_reader.reset();
        m_bytesBefore += file.size;
        ++m_index;
        m_total.bytesRead = m_bytesBefore;
        m_total.filesDone = int(m_index);
        report();
    }

    void report()
    {
        if (m_progress)
            m_progress(m_total);
    }

    const QList<LogFile> &m_files;
    const ReplayOptions &m_options;
    const std::function<void(const ReplayProgress &)> &m_progress;
    qsizetype m_index = 0;
    std::unique_ptr<LogReader> m_reader;
    qint64 m_seq = 0;
    qint64 m_bytesBefore = 0;
    ReplayProgress m_total;

    std::mutex m_queueMutex;
    std::condition_variable m_ready;
    std::deque<Chunk> m_queue;
    std::vector<Chunk> m_spare;
    bool m_readerDone = false;
};

/// Merges chunk results in sequence order, whatever order the workers finish in.
class OrderedMerger
{
public:
    OrderedMerger(ReplaySummary::Limits limits, const std::function<void(const ReplayDecision &)> &decisions,
                  size_t window)
        : m_total(limits), m_decisions(decisions), m_window(window)
    {
    }

    void submit(qint64 seq, ChunkResult result)
    {
        const std::lock_guard lock(m_mutex);
        m_pending.emplace(seq, std::move(result));
        while (!m_pending.empty() && m_pending.begin()->first == m_next) {
            ChunkResult &r = m_pending.begin()->second;
            m_total.merge(r.summary);
            if (m_decisions) {
                for (const ReplayDecision &d : r.decisions)
                    m_decisions(d);
            }
            m_pending.erase(m_pending.begin());
            ++m_next;
        }
        m_room.notify_all();
    }

    /// Blocks while too many finished chunks wait for an earlier one (bounded memory).
    void waitForRoom(const std::atomic<bool> &cancel)
    {
        std::unique_lock lock(m_mutex);
        while (m_pending.size() >= m_window && !cancel.load(std::memory_order_relaxed))
            m_room.wait_for(lock, std::chrono::milliseconds(50));
    }

    ReplaySummary take() { return std::move(m_total); }

private:
    std::mutex m_mutex;
    std::condition_variable m_room;
    std::map<qint64, ChunkResult> m_pending;
    qint64 m_next = 0;
    ReplaySummary m_total;
    const std::function<void(const ReplayDecision &)> &m_decisions;
    size_t m_window;
};

/// Replays one line of `file` into `out`.
void processLine(const QString &file, qint64 number, QByteArrayView bytes, bool overlong,
                 Eval::PolicyEvaluator &evaluator, const ReplayOptions &options, bool keepDecisions, ChunkResult &out)
{
    if (overlong) {
        out.summary.addMalformed(file, number,
                                 QCoreApplication::translate("ReplayEngine", "line longer than %1 bytes, skipped")
                                     .arg(options.maxLineLength));
        return;
    }
    Result<LogRecord> record = LogRecord::parse(bytes, LogRecord::Fields::FailuresOnly);
    if (!record) {
        out.summary.addMalformed(file, number, record.error().message);
        return;
    }
    out.summary.addRecord(record->type);
    if (!record->isFailure)
        return;
    // The record is taken apart by the decision: evaluated first, then moved from.
    const ReplayDecision d = record->internal
        ? ReplayDecision::unchanged(file, number, std::move(record).value())
        : ReplayDecision::fromEvaluation(file, number, std::move(record).value(), evaluator.evaluateOutcome(record->input));
    out.summary.addDecision(d);
    if (keepDecisions)
        out.decisions.append(d);
}

/// The read error that ended a chunk's file, if any, counted after its lines.
void finishChunk(const Chunk &chunk, ChunkResult &out)
{
    if (!chunk.error.isEmpty())
        out.summary.addMalformed(chunk.file, chunk.errorLine, chunk.error);
}

ChunkResult process(const Chunk &chunk, Eval::PolicyEvaluator &evaluator, const ReplayOptions &options,
                    bool keepDecisions, const std::atomic<bool> &cancel, bool &completed)
{
    ChunkResult out{ReplaySummary(options.limits), {}};
    completed = false;
    for (const Chunk::Line &line : chunk.lines) {
        if (cancel.load(std::memory_order_relaxed))
            return out;
        processLine(chunk.file, line.number, QByteArrayView(chunk.data.constData() + line.offset, line.size),
                    line.overlong, evaluator, options, keepDecisions, out);
    }
    finishChunk(chunk, out);
    completed = true;
    return out;
}

} // namespace

ReplayEngine::ReplayEngine(ReplayOptions options) : m_options(std::move(options))
{
    // A replay compares with the log, not with the other profile; that check doubles the cost.
    m_options.config.compareProfiles = false;
    m_options.chunkLines = std::max(1, m_options.chunkLines);
}

Result<ReplaySummary> ReplayEngine::run(const QStringList &paths)
{
    auto files = LogFileList::expand(paths);
    if (!files)
        return files.error();
    {
        const Eval::PolicyEvaluator probe(m_options.config);
        if (probe.loadError())
            return probe.loadError()->toDiagnostic();
    }
    int threads = m_options.threads > 0 ? m_options.threads : int(std::thread::hardware_concurrency());
    threads = std::max(1, threads);

    ChunkSource source(*files, m_options, m_progress);
    OrderedMerger merger(m_options.limits, m_decisions, size_t(threads) * 4);
    std::mutex errorMutex;
    QString workerError;
    const auto fail = [&](const std::exception &e) {
        // Never silently lose part of the input: stop everything and report.
        const std::lock_guard lock(errorMutex);
        if (workerError.isEmpty())
            workerError = QString::fromUtf8(e.what());
        cancel();
    };
    const bool keep = bool(m_decisions);
    // The lead (or only) worker evaluates its own chunks where the reader decompressed them,
    // while they are still in the core's cache; copying them into a chunk costs a tenth.
    const auto streamOne = [&](Eval::PolicyEvaluator &evaluator, Chunk &chunk) {
        ChunkResult result{ReplaySummary(m_options.limits), {}};
        const bool more = source.stream(chunk, [&](const LogReader::LineView &line) {
            if (!cancelled())
                processLine(chunk.file, line.number, line.bytes, line.overlong, evaluator, m_options, keep, result);
        });
        if (!more || cancelled())
            return false;
        finishChunk(chunk, result);
        merger.submit(chunk.seq, std::move(result));
        return true;
    };
    // The others take the chunks the lead read for them. They never wait for room in the
    // merger: everything they finish early waits only for chunks already handed out, so at most
    // the queue and the chunks in hand are held, and the lead, which does wait, cannot be left
    // waiting on a chunk nobody takes.
    const auto worker = [&] {
        try {
            std::unique_ptr<Eval::PolicyEvaluator> evaluator;
            Chunk chunk;
            while (!cancelled() && source.next(chunk)) {
                if (!evaluator)
                    evaluator = std::make_unique<Eval::PolicyEvaluator>(m_options.config);
                bool completed = false;
                ChunkResult result = process(chunk, *evaluator, m_options, keep, m_cancel, completed);
                if (!completed)
                    break;
                merger.submit(chunk.seq, std::move(result));
            }
        } catch (const std::exception &e) {
            fail(e);
        }
    };
    if (threads == 1) {
        try {
            Eval::PolicyEvaluator evaluator(m_options.config);
            Chunk chunk;
            while (!cancelled() && streamOne(evaluator, chunk)) {
            }
        } catch (const std::exception &e) {
            fail(e);
        }
    } else {
        std::vector<std::thread> pool;
        pool.reserve(size_t(threads - 1));
        for (int i = 1; i < threads; ++i)
            pool.emplace_back(worker);
        try {
            const size_t depth = size_t(threads - 1) * 2;
            Eval::PolicyEvaluator evaluator(m_options.config);
            Chunk chunk;
            while (!cancelled()) {
                if (source.othersWantMore(depth)) {
                    if (!source.readForOthers())
                        break;
                    continue;
                }
                merger.waitForRoom(m_cancel);
                if (cancelled() || !streamOne(evaluator, chunk))
                    break;
            }
        } catch (const std::exception &e) {
            fail(e);
        }
        source.finishReading();
        for (std::thread &t : pool)
            t.join();
    }
    if (!workerError.isEmpty())
        return Diagnostic::error(QStringLiteral("replay-failed"),
                                 QCoreApplication::translate("ReplayEngine", "replay failed: %1").arg(workerError));
    return merger.take();
}

} // namespace Dsn::Replay
