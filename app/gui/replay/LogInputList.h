// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QStringList>
#include <QTreeWidget>

namespace Dsn::Gui {

/**
 * The files and folders a replay reads, with their size on disk (for a folder, the total of
 * the files a replay would read in it and their number). Files and folders dropped from a file
 * manager are added; duplicates are ignored. Delete removes the selected entries.
 */
class LogInputList final : public QTreeWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogInputList)

public:
    explicit LogInputList(QWidget *parent = nullptr);

    QStringList paths() const;
    void setPaths(const QStringList &paths);
    /// Adds the paths not in the list yet, in order; returns how many were added.
    int addPaths(const QStringList &paths);
    void removeSelected();
    /// Bytes of all entries (a replay's progress denominator).
    qint64 totalBytes() const;

Q_SIGNALS:
    void pathsChanged();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void appendEntry(const QString &path);
};

} // namespace Dsn::Gui
