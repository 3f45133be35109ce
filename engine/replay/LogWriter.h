// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <memory>

#include <QByteArray>
#include <QByteArrayView>
#include <QFile>
#include <QString>

namespace Dsn::Replay {

/**
 * Writes a log file as KumoMTA does: plain, or as one zstd stream (ZSTD_compressStream2) that
 * zstdcat and LogReader read back. Output is buffered; close() flushes and reports errors.
 */
class LogWriter
{
public:
    LogWriter();
    ~LogWriter();
    LogWriter(const LogWriter &) = delete;
    LogWriter &operator=(const LogWriter &) = delete;

    bool open(const QString &path, bool zstd, int level = 3);
    bool write(QByteArrayView bytes);
    /// Ends the zstd frame and closes the file; false if anything failed since open().
    bool close();
    QString errorString() const { return m_error; }

private:
    bool compress(QByteArrayView bytes, bool end);

    struct Zstd;
    QFile m_file;
    std::unique_ptr<Zstd> m_zstd;
    QByteArray m_out;
    QString m_error;
};

} // namespace Dsn::Replay
