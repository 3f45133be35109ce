// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <memory>

#include <QByteArray>
#include <QByteArrayView>
#include <QFile>
#include <QString>
#include <QtGlobal>

namespace Dsn::Replay {

/**
 * Reads one KumoMTA log file line by line with bounded memory: the file is read in blocks
 * (1 MiB by default) and, when it starts with the zstd magic bytes 28 B5 2F FD, decompressed as
 * a stream (concatenated and skippable frames included), whatever its name. At most one block
 * of input and one line are held at a time, plus, for zstd, the frame's window and two blocks
 * (a frame may ask for a window of up to 128 MiB, as zstd's own decoder allows).
 *
 * A line longer than `maxLineLength` bytes is skipped without being buffered and reported as
 * `overlong`; a CR before the LF is removed; blank lines are skipped but still numbered.
 * Not thread-safe: one reader belongs to one thread at a time.
 */
class LogReader
{
public:
    struct Line
    {
        qint64 number = 0;   ///< 1-based line number in the (decompressed) file
        QByteArray bytes;    ///< the line without its line break; empty when overlong
        bool overlong = false;
    };

    static constexpr qint64 DefaultBlockSize = qint64(1) << 20;
    static constexpr qint64 DefaultMaxLineLength = qint64(1) << 20;

    explicit LogReader(const QString &path, qint64 maxLineLength = DefaultMaxLineLength,
                       qint64 blockSize = DefaultBlockSize);
    ~LogReader();
    LogReader(const LogReader &) = delete;
    LogReader &operator=(const LogReader &) = delete;

    /// A line in the reader's buffer: valid until the next call to next() or nextView().
    struct LineView
    {
        qint64 number = 0;
        QByteArrayView bytes;
        bool overlong = false;
    };

    /// Opens the file and sniffs the compression; false with errorString() set on failure.
    bool open();
    /// The next non-blank line; false at the end of the file or after a read/decompression error.
    bool next(Line &line);
    /// The same without copying the line out of the buffer.
    bool nextView(LineView &line);

    bool isCompressed() const { return m_compressed; }
    /// Bytes of the file consumed so far (compressed bytes for zstd files).
    qint64 bytesRead() const { return m_bytesRead; }
    /// Set when reading stopped early: the file could not be read or its zstd data is corrupt.
    QString errorString() const { return m_error; }
    /// Lines seen so far, blank ones included; the line an error happened on is this + 1.
    qint64 lineCount() const { return m_lineNumber; }

    /// True when `head` starts with the zstd frame magic number.
    static bool hasZstdMagic(const QByteArray &head);

private:
    /// Appends at most one block of (decompressed) data to m_buffer; false at the end or on error.
    bool fill();
    bool fillCompressed();
    bool startFrame();
    /// Makes `needed` compressed bytes available from the file; false at its end or on error.
    bool readCompressed(size_t needed);
    /// Moves the unfinished line out of the zstd ring before blocks are decoded over it.
    void carryPartialLine();
    void fail(const QString &message);
    /// Ends reading with "the zstd data ends in the middle of a frame"; always false.
    bool failTruncated();

    struct Zstd;
    QFile m_file;
    qint64 m_maxLine;
    qint64 m_blockSize;
    bool m_compressed = false;
    bool m_eof = false;
    bool m_skipping = false;
    /// Plain files: the partial line and the last block read after it.
    QByteArray m_buffer;
    /// Lines are cut from [m_data + m_pos, m_data + m_end): m_buffer, or the zstd ring.
    const char *m_data = nullptr;
    qsizetype m_pos = 0;
    qsizetype m_end = 0;
    /// The start of a line the zstd ring wrapped under, joined to its rest when that is found.
    QByteArray m_carry;
    bool m_carryHandedOut = false;
    qint64 m_lineNumber = 0;
    qint64 m_bytesRead = 0;
    QString m_error;
    std::unique_ptr<Zstd> m_zstd;
};

} // namespace Dsn::Replay
