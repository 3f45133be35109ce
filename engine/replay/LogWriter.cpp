// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "replay/LogWriter.h"

#include <zstd.h>

#include <QCoreApplication>

namespace Dsn::Replay {

struct LogWriter::Zstd
{
    ZSTD_CCtx *ctx = ZSTD_createCCtx();
    ~Zstd() { ZSTD_freeCCtx(ctx); }
};

LogWriter::LogWriter() = default;

LogWriter::~LogWriter()
{
    if (m_file.isOpen())
        close();
}

bool LogWriter::open(const QString &path, bool zstd, int level)
{
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_error = QCoreApplication::translate("LogWriter", "cannot write %1: %2").arg(path, m_file.errorString());
        return false;
    }
    m_error.clear();
    if (zstd) {
        m_zstd = std::make_unique<Zstd>();
        ZSTD_CCtx_setParameter(m_zstd->ctx, ZSTD_c_compressionLevel, level);
        m_out.resize(qsizetype(ZSTD_CStreamOutSize()));
    }
    return true;
}

bool LogWriter::compress(QByteArrayView bytes, bool end)
{
    ZSTD_inBuffer in{bytes.data(), size_t(bytes.size()), 0};
    const ZSTD_EndDirective mode = end ? ZSTD_e_end : ZSTD_e_continue;
    while (true) {
        ZSTD_outBuffer out{m_out.data(), size_t(m_out.size()), 0};
        const size_t remaining = ZSTD_compressStream2(m_zstd->ctx, &out, &in, mode);
        if (ZSTD_isError(remaining)) {
            m_error = QCoreApplication::translate("LogWriter", "zstd: %1").arg(QString::fromLatin1(ZSTD_getErrorName(remaining)));
            return false;
        }
        if (out.pos > 0 && m_file.write(m_out.constData(), qint64(out.pos)) != qint64(out.pos)) {
            m_error = m_file.errorString();
            return false;
        }
        // ZSTD_e_continue is done when it took all input; ZSTD_e_end when nothing is left to flush.
        if (end ? remaining == 0 : in.pos == in.size)
            return true;
    }
}

bool LogWriter::write(QByteArrayView bytes)
{
    if (!m_error.isEmpty())
        return false;
    if (m_zstd)
        return compress(bytes, false);
    if (m_file.write(bytes.data(), bytes.size()) != bytes.size()) {
        m_error = m_file.errorString();
        return false;
    }
    return true;
}

bool LogWriter::close()
{
    if (m_zstd && m_error.isEmpty())
        compress({}, true);
    m_zstd.reset();
    if (!m_file.flush() && m_error.isEmpty())
        m_error = m_file.errorString();
    m_file.close();
    return m_error.isEmpty();
}

} // namespace Dsn::Replay
