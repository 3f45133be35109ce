// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "AutosaveManager.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUuid>

namespace Dsn::Workbench {

namespace {
QString metaPathFor(const QString &copy)
{
    return copy + QStringLiteral(".meta");
}
QString lockPathFor(const QString &copy)
{
    return copy + QStringLiteral(".lock");
}
} // namespace

AutosaveManager::AutosaveManager(QObject *parent)
    : QObject(parent)
{
    m_timer.setInterval(30'000);
    connect(&m_timer, &QTimer::timeout, this, &AutosaveManager::onTimer);
    setDirectory(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/autosave"));
}

AutosaveManager::~AutosaveManager() = default;

void AutosaveManager::setDirectory(const QString &directory)
{
    discard();
    m_lock.reset();
    m_directory = directory;
    m_path = QDir(directory).filePath(QStringLiteral("session-%1.dsnwb")
                                          .arg(QUuid::createUuid().toString(QUuid::WithoutBraces).left(8)));
}

void AutosaveManager::setInterval(int msec)
{
    m_timer.setInterval(msec);
}

void AutosaveManager::setSource(std::function<Project::Project()> project, std::function<QString()> originalPath,
                                std::function<bool()> modified)
{
    m_project = std::move(project);
    m_originalPath = std::move(originalPath);
    m_modified = std::move(modified);
    m_timer.start();
}

void AutosaveManager::onTimer()
{
    if (m_modified && m_modified())
        saveNow();
}

bool AutosaveManager::saveNow(QString *error)
{
    if (!m_project)
        return false;
    if (!QDir().mkpath(m_directory)) {
        if (error)
            *error = tr("Cannot create the autosave folder %1").arg(m_directory);
        return false;
    }
    if (!m_lock) {
        m_lock = std::make_unique<QLockFile>(lockPathFor(m_path));
        m_lock->setStaleLockTime(0);
        m_lock->tryLock(0);
    }
    if (std::optional<Diagnostic> failed = m_project().save(m_path)) {
        if (error)
            *error = failed->message;
        return false;
    }
    QSaveFile meta(metaPathFor(m_path));
    if (!meta.open(QIODevice::WriteOnly))
        return false;
    QJsonObject o;
    o.insert(QStringLiteral("original"), m_originalPath ? m_originalPath() : QString());
    o.insert(QStringLiteral("saved_at"), QDateTime::currentDateTime().toString(Qt::ISODate));
    meta.write(QJsonDocument(o).toJson());
    return meta.commit();
}

void AutosaveManager::discard()
{
    if (m_path.isEmpty())
        return;
    QFile::remove(m_path);
    QFile::remove(metaPathFor(m_path));
}

QList<AutosaveManager::Recovery> AutosaveManager::pendingRecoveries() const
{
    QList<Recovery> found;
    const QDir dir(m_directory);
    const QFileInfoList copies = dir.entryInfoList({QStringLiteral("session-*.dsnwb")}, QDir::Files, QDir::Time);
    for (const QFileInfo &info : copies) {
        const QString copy = info.absoluteFilePath();
        if (copy == QFileInfo(m_path).absoluteFilePath())
            continue;
        // A lock we can take belongs to a session that is gone: its copy is a leftover.
        QLockFile lock(lockPathFor(copy));
        lock.setStaleLockTime(0);
        if (!lock.tryLock(0))
            continue;
        lock.unlock();
        Recovery r;
        r.autosavePath = copy;
        QFile meta(metaPathFor(copy));
        if (meta.open(QIODevice::ReadOnly)) {
            const QJsonObject o = QJsonDocument::fromJson(meta.readAll()).object();
            r.originalPath = o.value(QStringLiteral("original")).toString();
            r.savedAt = o.value(QStringLiteral("saved_at")).toString();
        }
        if (r.savedAt.isEmpty())
            r.savedAt = info.lastModified().toString(Qt::ISODate);
        found.append(r);
    }
    return found;
}

bool AutosaveManager::removeRecovery(const Recovery &recovery)
{
    QFile::remove(metaPathFor(recovery.autosavePath));
    QFile::remove(lockPathFor(recovery.autosavePath));
    return QFile::remove(recovery.autosavePath);
}

} // namespace Dsn::Workbench
