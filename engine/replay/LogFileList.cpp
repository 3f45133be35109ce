// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "replay/LogFileList.h"

#include <algorithm>

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

namespace Dsn::Replay {

namespace {

Diagnostic unreadable(const QString &path, const char *why)
{
    return Diagnostic::error(QStringLiteral("unreadable-path"),
                             QCoreApplication::translate("LogFileList", "cannot read %1: %2")
                                 .arg(path, QCoreApplication::translate("LogFileList", why)),
                             path);
}

} // namespace

Result<QList<LogFile>> LogFileList::expand(const QStringList &paths)
{
    QList<LogFile> files;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.exists())
            return unreadable(path, QT_TRANSLATE_NOOP("LogFileList", "no such file or directory"));
        if (!info.isReadable())
            return unreadable(path, QT_TRANSLATE_NOOP("LogFileList", "permission denied"));
        if (info.isFile()) {
            files.append({path, info.size()});
            continue;
        }
        QList<LogFile> found;
        QDirIterator it(path, QDir::Files | QDir::Readable | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            found.append({it.filePath(), it.fileInfo().size()});
        }
        // The file system's order is arbitrary; results must not depend on it.
        std::sort(found.begin(), found.end(), [](const LogFile &a, const LogFile &b) { return a.path < b.path; });
        files.append(found);
    }
    return files;
}

} // namespace Dsn::Replay
