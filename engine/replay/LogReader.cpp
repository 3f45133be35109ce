// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "replay/LogReader.h"

#include <algorithm>
#include <cstring>

// The buffer-less decoder below is in zstd's "static linking only" part; Debian's shared
// library exports it, and the header and library always come from the same package.
#define ZSTD_STATIC_LINKING_ONLY
#include <zstd.h>

#include <QCoreApplication>

namespace Dsn::Replay {

namespace {

/// QByteArrayView::trimmed().isEmpty() without building the trimmed view: records start with '{'.
bool isBlank(QByteArrayView line)
{
    for (const char c : line) {
        if (!(c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'))
            return false;
    }
    return true;
}

/// The largest window a frame may ask for: zstd's own streaming decoder refuses more by default.
constexpr unsigned long long MaxWindow = 1ULL << ZSTD_WINDOWLOG_LIMIT_DEFAULT;

} // namespace

/**
 * Blocks are decoded straight into a ring the size zstd asks for (the frame's window plus two
 * blocks), and lines are cut from the ring itself. ZSTD_decompressStream would decode into a
 * window of its own and copy every byte out: that copy was a sixth of the decompression cost.
 */
struct LogReader::Zstd
{
    ZSTD_DCtx *ctx = ZSTD_createDCtx();
    /// Compressed bytes read from the file and not yet handed to the decoder: [inPos, size).
    QByteArray input;
    qsizetype inPos = 0;
    bool inputEnd = false;
    std::unique_ptr<char[]> ring;
    size_t ringSize = 0;
    /// Where the next block is decoded: always the end of the reader's span.
    size_t writePos = 0;
    size_t blockSizeMax = 0;
    bool inFrame = false;
    ~Zstd() { ZSTD_freeDCtx(ctx); }
};

LogReader::LogReader(const QString &path, qint64 maxLineLength, qint64 blockSize)
    : m_file(path), m_maxLine(maxLineLength), m_blockSize(blockSize)
{
}

LogReader::~LogReader() = default;

bool LogReader::hasZstdMagic(const QByteArray &head)
{
    return head.size() >= 4 && quint8(head[0]) == 0x28 && quint8(head[1]) == 0xB5 && quint8(head[2]) == 0x2F
        && quint8(head[3]) == 0xFD;
}

bool LogReader::open()
{
    if (!m_file.open(QIODevice::ReadOnly)) {
        m_error = QCoreApplication::translate("LogReader", "cannot read %1: %2").arg(m_file.fileName(), m_file.errorString());
        return false;
    }
    // The extension is a hint people forget to keep; the magic number is what zstd itself checks.
    m_compressed = hasZstdMagic(m_file.peek(4));
    if (m_compressed)
        m_zstd = std::make_unique<Zstd>();
    return true;
}

void LogReader::fail(const QString &message)
{
    m_error = message;
    m_eof = true;
}

bool LogReader::failTruncated()
{
    // A read error met on the way is the better reason; it is kept.
    if (m_error.isEmpty())
        fail(QCoreApplication::translate("LogReader", "the zstd data ends in the middle of a frame"));
    return false;
}

bool LogReader::fill()
{
    if (m_eof)
        return false;
    if (m_compressed)
        return fillCompressed();
    // Keep the partial line at the front and read straight after it: a block read apart and
    // appended would be one more copy of the file.
    m_buffer.remove(0, m_pos);
    m_end -= m_pos;
    m_pos = 0;
    const qsizetype before = m_buffer.size();
    m_buffer.resize(before + qsizetype(m_blockSize));
    const qint64 got = m_file.read(m_buffer.data() + before, m_blockSize);
    m_buffer.resize(before + std::max<qsizetype>(0, qsizetype(got)));
    m_data = m_buffer.constData();
    m_end = m_buffer.size();
    if (got <= 0) {
        if (got < 0 || m_file.error() != QFileDevice::NoError)
            fail(QCoreApplication::translate("LogReader", "read error: %1").arg(m_file.errorString()));
        m_eof = true; // a clean end as well
        return false;
    }
    m_bytesRead += got;
    return true;
}

bool LogReader::readCompressed(size_t needed)
{
    Zstd &z = *m_zstd;
    while (size_t(z.input.size() - z.inPos) < needed) {
        if (z.inputEnd)
            return false;
        z.input.remove(0, z.inPos);
        z.inPos = 0;
        const qsizetype before = z.input.size();
        // One block at a time, or what a compressed block needs when blocks are tiny (tests).
        const qint64 want = std::max<qint64>(m_blockSize, qint64(needed) - before);
        z.input.resize(before + qsizetype(want));
        const qint64 got = m_file.read(z.input.data() + before, want);
        z.input.resize(before + std::max<qsizetype>(0, qsizetype(got)));
        if (got < 0) {
            fail(QCoreApplication::translate("LogReader", "read error: %1").arg(m_file.errorString()));
            return false;
        }
        if (got == 0)
            z.inputEnd = true;
        m_bytesRead += got;
    }
    return true;
}

void LogReader::carryPartialLine()
{
    if (m_end > m_pos)
        m_carry.append(m_data + m_pos, m_end - m_pos);
    m_pos = m_end = 0;
}

bool LogReader::startFrame()
{
    Zstd &z = *m_zstd;
    ZSTD_frameHeader header{};
    size_t needed = ZSTD_FRAMEHEADERSIZE_PREFIX(ZSTD_f_zstd1);
    while (true) {
        if (!readCompressed(needed))
            return failTruncated();
        const size_t rc = ZSTD_getFrameHeader(&header, z.input.constData() + z.inPos, size_t(z.input.size() - z.inPos));
        if (ZSTD_isError(rc)) {
            fail(QCoreApplication::translate("LogReader", "zstd: %1").arg(QString::fromLatin1(ZSTD_getErrorName(rc))));
            return false;
        }
        if (rc == 0)
            break;
        needed = rc;
    }
    if (header.frameType == ZSTD_frame) {
        if (header.windowSize > MaxWindow) {
            fail(QCoreApplication::translate("LogReader", "zstd: a frame needs a window of %1 MiB; at most %2 MiB are allowed")
                     .arg(header.windowSize >> 20)
                     .arg(MaxWindow >> 20));
            return false;
        }
        const size_t needRing = ZSTD_decodingBufferSize_min(header.windowSize, header.frameContentSize);
        if (ZSTD_isError(needRing)) {
            fail(QCoreApplication::translate("LogReader", "zstd: %1").arg(QString::fromLatin1(ZSTD_getErrorName(needRing))));
            return false;
        }
        if (needRing > z.ringSize) {
            // A frame never refers to an earlier one, so only the partial line is kept.
            carryPartialLine();
            z.ring = std::make_unique_for_overwrite<char[]>(needRing);
            z.ringSize = needRing;
            z.writePos = 0;
            m_data = z.ring.get();
        }
        z.blockSizeMax = header.blockSizeMax;
    }
    ZSTD_decompressBegin(z.ctx);
    z.inFrame = true;
    return true;
}

bool LogReader::fillCompressed()
{
    Zstd &z = *m_zstd;
    while (true) {
        if (!z.inFrame) {
            // Between frames the file may end cleanly; anything else must be another frame.
            if (!readCompressed(1)) {
                m_eof = true;
                return false;
            }
            if (!startFrame())
                return false;
        }
        const size_t needed = ZSTD_nextSrcSizeToDecompress(z.ctx);
        if (needed == 0) {
            z.inFrame = false;
            continue;
        }
        if (!readCompressed(needed))
            return failTruncated();
        if (z.ringSize - z.writePos < z.blockSizeMax) {
            // Wrap: the ring's size keeps the window intact behind the new write position, but
            // the line being cut is in the way of the next blocks, so it moves out.
            carryPartialLine();
            z.writePos = 0;
        }
        const size_t produced = ZSTD_decompressContinue(z.ctx, z.ring.get() + z.writePos, z.ringSize - z.writePos,
                                                        z.input.constData() + z.inPos, needed);
        z.inPos += qsizetype(needed);
        if (ZSTD_isError(produced)) {
            fail(QCoreApplication::translate("LogReader", "zstd: %1").arg(QString::fromLatin1(ZSTD_getErrorName(produced))));
            return false;
        }
        if (produced > 0) {
            z.writePos += produced;
            m_end = qsizetype(z.writePos);
            return true;
        }
    }
}

bool LogReader::next(Line &line)
{
    LineView view;
    if (!nextView(view))
        return false;
    line.number = view.number;
    line.bytes = view.bytes.toByteArray();
    line.overlong = view.overlong;
    return true;
}

bool LogReader::nextView(LineView &line)
{
    if (m_carryHandedOut) {
        m_carry.clear();
        m_carryHandedOut = false;
    }
    while (true) {
        const char *nl = m_pos < m_end ? static_cast<const char *>(std::memchr(m_data + m_pos, '\n', size_t(m_end - m_pos)))
                                       : nullptr;
        qsizetype end = nl ? nl - m_data : m_end;
        if (!nl) {
            if (m_carry.size() + (m_end - m_pos) > m_maxLine) {
                // Too long to keep: drop what we have and skip to the line's end.
                m_skipping = true;
                m_carry.clear();
                m_pos = m_end;
            }
            if (fill())
                continue;
            if (m_carry.isEmpty() && m_pos == m_end && !m_skipping)
                return false;
            end = m_end; // the last line has no line break
        }
        QByteArrayView view(m_data + m_pos, end - m_pos);
        if (!m_carry.isEmpty()) {
            // The line began before the ring wrapped: its start is in the carry.
            m_carry.append(view);
            view = m_carry;
            m_carryHandedOut = true;
        }
        m_pos = nl ? end + 1 : m_end;
        ++m_lineNumber;
        if (view.endsWith('\r'))
            view.chop(1);
        line.number = m_lineNumber;
        line.overlong = m_skipping || view.size() > m_maxLine;
        m_skipping = false;
        if (line.overlong) {
            line.bytes = QByteArrayView();
            return true;
        }
        if (isBlank(view)) {
            if (m_carryHandedOut) {
                m_carry.clear();
                m_carryHandedOut = false;
            }
            continue;
        }
        line.bytes = view;
        return true;
    }
}

} // namespace Dsn::Replay
