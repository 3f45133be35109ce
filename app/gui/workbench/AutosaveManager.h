// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <functional>
#include <memory>

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

class QLockFile;

#include "project/Project.h"

namespace Dsn::Workbench {

/**
 * Keeps a copy of unsaved work so a crash loses at most one interval of edits. Every
 * `interval` ms, while the document is modified, the current project is written (atomically)
 * to the autosave folder together with the path of the file it belongs to. A clean save or a
 * deliberate "discard" removes the copy; a copy still there at start-up is a crash's leftover
 * and is offered for recovery.
 */
class AutosaveManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AutosaveManager)

public:
    struct Recovery
    {
        QString autosavePath;  ///< the copy
        QString originalPath;  ///< the project file it belongs to, empty for an untitled one
        QString savedAt;       ///< ISO date of the copy
    };

    explicit AutosaveManager(QObject *parent = nullptr);
    ~AutosaveManager() override;

    /// Default: <AppLocalDataLocation>/autosave.
    void setDirectory(const QString &directory);
    QString directory() const { return m_directory; }
    void setInterval(int msec);

    /// What to save: called on the timer; `modified` says whether there is anything to save.
    void setSource(std::function<Project::Project()> project, std::function<QString()> originalPath,
                   std::function<bool()> modified);

    /// Writes the copy now (returns false with `error` set when that fails).
    bool saveNow(QString *error = nullptr);
    /// Removes this session's copy (after a save, or when the analyst discards changes).
    void discard();
    QString currentPath() const { return m_path; }

    /// Copies left by sessions that did not end cleanly (not this session's own).
    QList<Recovery> pendingRecoveries() const;
    static bool removeRecovery(const Recovery &recovery);

private:
    void onTimer();

    QString m_directory;
    QString m_path;
    std::unique_ptr<QLockFile> m_lock; // held while this session lives: tells copies of live sessions apart
    QTimer m_timer;
    std::function<Project::Project()> m_project;
    std::function<QString()> m_originalPath;
    std::function<bool()> m_modified;
};

} // namespace Dsn::Workbench
