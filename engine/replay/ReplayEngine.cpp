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
#include <optional>
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
    qsizetype fileIndex = 0; ///< in the expanded file list: results are summed per file first
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

/// Progress before the first byte: what there is to read.
ReplayProgress progressBefore(const QList<LogFile> &files)
{
    ReplayProgress p;
    for (const LogFile &f : files)
        p.totalBytes += f.size;
    p.files = int(files.size());
    return p;
}

/// Runs `others` on threads - 1 new threads and `lead` on the calling one, and joins them.
template <typename Others, typename Lead>
void alongside(int threads, const Others &others, const Lead &lead)
{
    std::vector<std::thread> pool;
    pool.reserve(size_t(threads - 1));
    for (int i = 1; i < threads; ++i)
        pool.emplace_back(others);
    lead();
    for (std::thread &t : pool)
        t.join();
}

/// Hands out the input as numbered chunks, one reader at a time, files and lines in order.
class ChunkSource
{
public:
    ChunkSource(const QList<LogFile> &files, const ReplayOptions &options,
                const std::function<void(const ReplayProgress &)> &progress)
        : m_files(files), m_options(options), m_progress(progress), m_total(progressBefore(files))
    {
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
                    chunk.fileIndex = m_index;
                    chunk.errorLine = 0;
                    chunk.error = m_reader->errorString();
                    finishFile(file);
                    chunk.seq = m_seq++;
                    return true;
                }
            }
            startChunk(chunk, file.path);
            chunk.fileIndex = m_index;
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

/**
 * Merges results in sequence order, whatever order the workers finish in. The chunks of one file
 * are summed first and each file's sum is added to the total, in file order: a worker that
 * replays a whole file itself (see ReplayEngine::run) hands in the same sum, so the summary is
 * the same however the work was split, even where pruning past Limits::groupCap makes merging
 * depend on its grouping.
 */
class OrderedMerger
{
public:
    OrderedMerger(ReplaySummary::Limits limits, const std::function<void(const ReplayDecision &)> &decisions,
                  size_t window)
        : m_total(limits), m_file(limits), m_decisions(decisions), m_window(window)
    {
    }

    /// A chunk of file `fileIndex`; chunks are numbered in input order from 0.
    void submit(qint64 seq, qsizetype fileIndex, ChunkResult result)
    {
        add(seq, Pending{fileIndex, false, std::move(result)});
    }

    /// The sum of all of file `fileIndex`'s chunks, when files rather than chunks are numbered.
    void submitFile(qsizetype fileIndex, ReplaySummary fileSum)
    {
        add(fileIndex, Pending{fileIndex, true, ChunkResult{std::move(fileSum), {}}});
    }

    /// Blocks while too many finished chunks wait for an earlier one (bounded memory).
    void waitForRoom(const std::atomic<bool> &cancel)
    {
        std::unique_lock lock(m_mutex);
        while (m_pending.size() >= m_window && !cancel.load(std::memory_order_relaxed))
            m_room.wait_for(lock, std::chrono::milliseconds(50));
    }

    ReplaySummary take()
    {
        const std::lock_guard lock(m_mutex);
        endFile();
        return std::move(m_total);
    }

private:
    struct Pending
    {
        qsizetype fileIndex;
        bool wholeFile;
        ChunkResult result;
    };

    void add(qint64 seq, Pending pending)
    {
        const std::lock_guard lock(m_mutex);
        m_pending.emplace(seq, std::move(pending));
        while (!m_pending.empty() && m_pending.begin()->first == m_next) {
            Pending &p = m_pending.begin()->second;
            if (p.fileIndex != m_fileIndex)
                endFile();
            m_fileIndex = p.fileIndex;
            if (p.wholeFile) {
                m_total.merge(p.result.summary);
            } else {
                m_file.merge(p.result.summary);
                m_fileOpen = true;
            }
            if (m_decisions) {
                for (const ReplayDecision &d : p.result.decisions)
                    m_decisions(d);
            }
            m_pending.erase(m_pending.begin());
            ++m_next;
        }
        m_room.notify_all();
    }

    void endFile()
    {
        if (!m_fileOpen)
            return;
        m_total.merge(m_file);
        m_file = ReplaySummary(m_total.limits());
        m_fileOpen = false;
    }

    std::mutex m_mutex;
    std::condition_variable m_room;
    std::map<qint64, Pending> m_pending;
    qint64 m_next = 0;
    ReplaySummary m_total;
    ReplaySummary m_file; ///< the sum of the current file's chunks so far
    qsizetype m_fileIndex = -1;
    bool m_fileOpen = false;
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

/// The first exception a worker threw. The replay then stops and fails rather than silently
/// lose part of the input.
class WorkerFailure
{
public:
    void record(const std::exception &e)
    {
        const std::lock_guard lock(m_mutex);
        if (m_message.isEmpty())
            m_message = QString::fromUtf8(e.what());
    }

    /// Called after the workers were joined.
    std::optional<Diagnostic> diagnostic() const
    {
        if (m_message.isEmpty())
            return std::nullopt;
        return Diagnostic::error(QStringLiteral("replay-failed"),
                                 QCoreApplication::translate("ReplayEngine", "replay failed: %1").arg(m_message));
    }

private:
    std::mutex m_mutex;
    QString m_message;
};

/// Progress when several workers read files of their own: their counts summed, one report at a time.
class SharedProgress
{
public:
    SharedProgress(const QList<LogFile> &files, const std::function<void(const ReplayProgress &)> &callback)
        : m_callback(callback), m_total(progressBefore(files))
    {
    }

    void add(qint64 bytes, qint64 lines, bool fileDone)
    {
        if (!m_callback)
            return;
        const std::lock_guard lock(m_mutex);
        m_total.bytesRead += bytes;
        m_total.lines += lines;
        m_total.filesDone += fileDone ? 1 : 0;
        m_callback(m_total);
    }

private:
    const std::function<void(const ReplayProgress &)> &m_callback;
    std::mutex m_mutex;
    ReplayProgress m_total;
};

/**
 * Replays all of `file` on the calling thread, straight from its own reader's buffer, into the
 * sum OrderedMerger makes of the file's chunks: the same chunks, cut at the same lines, merged
 * in the same order. `completed` is false when cancelled midway.
 */
ReplaySummary replayFile(const LogFile &file, Eval::PolicyEvaluator &evaluator, const ReplayOptions &options,
                         const std::atomic<bool> &cancel, SharedProgress &progress, bool &completed)
{
    completed = false;
    // A private copy of the name, for the reason ChunkSource::startChunk gives.
    const QString path(file.path.constData(), file.path.size());
    ReplaySummary sum(options.limits);
    LogReader reader(path, options.maxLineLength, options.blockSize);
    if (!reader.open()) {
        ReplaySummary chunk(options.limits);
        chunk.addMalformed(path, 0, reader.errorString());
        sum.merge(chunk);
        progress.add(file.size, 0, true);
        completed = true;
        return sum;
    }
    qint64 reported = 0;
    LogReader::LineView line;
    while (true) {
        ChunkResult result{ReplaySummary(options.limits), {}};
        qint64 count = 0;
        while (count < options.chunkLines && reader.nextView(line)) {
            if (cancel.load(std::memory_order_relaxed))
                return sum;
            processLine(path, line.number, line.bytes, line.overlong, evaluator, options, false, result);
            ++count;
        }
        const bool fileDone = count < options.chunkLines;
        const QString error = fileDone ? reader.errorString() : QString();
        if (!error.isEmpty())
            result.summary.addMalformed(path, reader.lineCount() + 1, error);
        if (count > 0 || !error.isEmpty())
            sum.merge(result.summary);
        const qint64 bytes = fileDone ? file.size : reader.bytesRead();
        progress.add(bytes - reported, count, fileDone);
        reported = bytes;
        if (fileDone)
            break;
    }
    completed = true;
    return sum;
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
    const bool keep = bool(m_decisions);
    // KumoMTA rotates its log into many segments. With enough of them each worker replays whole
    // files with a reader of its own: no worker reads for the others, so none becomes the
    // bottleneck on many cores, and lines are evaluated while still in the reading core's cache.
    // With few files that would leave cores idle at the end, and decisions must stream in input
    // order, so there one reader hands out chunks.
    if (!keep && threads > 1 && files->size() >= qsizetype(threads) * 4)
        return runByFile(*files, threads);

    ChunkSource source(*files, m_options, m_progress);
    OrderedMerger merger(m_options.limits, m_decisions, size_t(threads) * 4);
    WorkerFailure failure;
    const auto fail = [&](const std::exception &e) {
        failure.record(e);
        cancel();
    };
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
        merger.submit(chunk.seq, chunk.fileIndex, std::move(result));
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
                merger.submit(chunk.seq, chunk.fileIndex, std::move(result));
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
        alongside(threads, worker, [&] {
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
        });
    }
    if (const auto error = failure.diagnostic())
        return *error;
    return merger.take();
}

Result<ReplaySummary> ReplayEngine::runByFile(const QList<LogFile> &files, int threads)
{
    SharedProgress progress(files, m_progress);
    // Files are claimed in order and merged in order; a worker that finished a file early waits
    // before claiming another while a few sums already wait for a slower file before them.
    OrderedMerger merger(m_options.limits, m_decisions, size_t(threads) * 2);
    std::atomic<qsizetype> nextFile{0};
    WorkerFailure failure;
    const auto worker = [&] {
        try {
            std::unique_ptr<Eval::PolicyEvaluator> evaluator;
            while (!cancelled()) {
                merger.waitForRoom(m_cancel);
                const qsizetype index = nextFile.fetch_add(1, std::memory_order_relaxed);
                if (index >= files.size() || cancelled())
                    break;
                if (!evaluator)
                    evaluator = std::make_unique<Eval::PolicyEvaluator>(m_options.config);
                bool completed = false;
                ReplaySummary sum = replayFile(files.at(index), *evaluator, m_options, m_cancel, progress, completed);
                if (!completed)
                    break;
                merger.submitFile(index, std::move(sum));
            }
        } catch (const std::exception &e) {
            failure.record(e);
            cancel();
        }
    };
    alongside(threads, worker, worker);
    if (const auto error = failure.diagnostic())
        return *error;
    return merger.take();
}

} // namespace Dsn::Replay
