// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "replay/LogReader.h"

#include <algorithm>

#include <zstd.h>

#include <QCoreApplication>

namespace Dsn::Replay {

namespace {

constexpr qsizetype OutputStep = qsizetype(128) << 10;

/// QByteArrayView::trimmed().isEmpty() without building the trimmed view: records start with '{'.
bool isBlank(QByteArrayView line)
{
    for (const char c : line) {
        if (!(c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'))
            return false;
    }
    return true;
}

} // namespace

struct LogReader::Zstd
{
    ZSTD_DCtx *ctx = ZSTD_createDCtx();
    QByteArray input;
    ZSTD_inBuffer in{nullptr, 0, 0};
    /// Whether the last ZSTD_decompressStream call left a frame unfinished.
    bool inFrame = false;
    /// The last call filled the output: the decoder may hold more before it needs input.
    bool outputFull = false;
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

bool LogReader::fill()
{
    if (m_eof)
        return false;
    if (m_compressed)
        return fillCompressed();
    // Straight into the line buffer: a block read apart and appended is one more copy of the file.
    const qsizetype before = m_buffer.size();
    m_buffer.resize(before + qsizetype(m_blockSize));
    const qint64 got = m_file.read(m_buffer.data() + before, m_blockSize);
    m_buffer.resize(before + std::max<qsizetype>(0, qsizetype(got)));
    if (got <= 0) {
        if (got < 0 || m_file.error() != QFileDevice::NoError)
            m_error = QCoreApplication::translate("LogReader", "read error: %1").arg(m_file.errorString());
        m_eof = true;
        return false;
    }
    m_bytesRead += got;
    return true;
}

bool LogReader::fillCompressed()
{
    Zstd &z = *m_zstd;
    const qsizetype before = m_buffer.size();
    // Loop until this call produced output: a block of input may only complete a frame header.
    while (m_buffer.size() == before) {
        if (z.in.pos == z.in.size && !z.outputFull) {
            // Into the same buffer each time: a fresh block per read is a fresh mapping from
            // the C library, whose pages fault in one by one and are unmapped again.
            z.input.resize(qsizetype(m_blockSize));
            const qint64 got = m_file.read(z.input.data(), m_blockSize);
            z.input.resize(std::max<qsizetype>(0, qsizetype(got)));
            if (got < 0) {
                m_eof = true;
                m_error = QCoreApplication::translate("LogReader", "read error: %1").arg(m_file.errorString());
                return false;
            }
            if (z.input.isEmpty()) {
                m_eof = true;
                if (z.inFrame)
                    m_error = QCoreApplication::translate("LogReader", "the zstd data ends in the middle of a frame");
                return false;
            }
            m_bytesRead += z.input.size();
            z.in = ZSTD_inBuffer{z.input.constData(), size_t(z.input.size()), 0};
        }
        // Small output steps keep freshly decompressed lines in the core's cache until they
        // are split and copied; a whole block would have left it by then.
        const qsizetype step = std::min(m_blockSize, OutputStep);
        m_buffer.resize(before + step);
        ZSTD_outBuffer out{m_buffer.data() + before, size_t(step), 0};
        const size_t rc = ZSTD_decompressStream(z.ctx, &out, &z.in);
        m_buffer.resize(before + qsizetype(out.pos));
        if (ZSTD_isError(rc)) {
            m_error = QCoreApplication::translate("LogReader", "zstd: %1").arg(QString::fromLatin1(ZSTD_getErrorName(rc)));
            m_eof = true;
            return false;
        }
        z.inFrame = rc != 0;
        z.outputFull = out.pos == out.size;
    }
    return true;
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
    while (true) {
        const qsizetype nl = m_buffer.indexOf('\n', m_pos);
        qsizetype end = nl;
        if (nl < 0) {
            // Compact so the buffer holds one partial line plus one block, never the file.
            m_buffer.remove(0, m_pos);
            m_pos = 0;
            if (m_buffer.size() > m_maxLine) {
                // Too long to keep: drop what we have and skip to the line's end.
                m_skipping = true;
                m_buffer.clear();
            }
            if (fill())
                continue;
            if (m_buffer.isEmpty() && !m_skipping)
                return false;
            end = m_buffer.size(); // the last line has no line break
        }
        QByteArrayView view(m_buffer.constData() + m_pos, end - m_pos);
        m_pos = nl < 0 ? m_buffer.size() : nl + 1;
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
        if (isBlank(view))
            continue;
        line.bytes = view;
        return true;
    }
}

} // namespace Dsn::Replay
