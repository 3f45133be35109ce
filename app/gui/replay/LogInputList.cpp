// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "LogInputList.h"

#include <QDir>
#include <QDragEnterEvent>
#include <QDragMoveEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLocale>
#include <QMimeData>
#include <QStyle>
#include <QUrl>

#include "replay/LogFileList.h"

namespace Dsn::Gui {

namespace {

constexpr int SizeRole = Qt::UserRole + 1;

QStringList localPaths(const QMimeData *mime)
{
    QStringList out;
    if (!mime || !mime->hasUrls())
        return out;
    for (const QUrl &url : mime->urls())
        if (url.isLocalFile())
            out << url.toLocalFile();
    return out;
}

} // namespace

LogInputList::LogInputList(QWidget *parent)
    : QTreeWidget(parent)
{
    setColumnCount(2);
    setHeaderLabels({tr("Log file or folder"), tr("Size")});
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setAcceptDrops(true);
    setDropIndicatorShown(false);
    setDragDropMode(QAbstractItemView::DropOnly);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(0, QHeaderView::Stretch);
    header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    setToolTip(tr("KumoMTA log files (plain or zstd-compressed) and folders of them, read in this order. "
                  "Drop files or folders here; Delete removes the selected ones."));
}

QStringList LogInputList::paths() const
{
    QStringList out;
    for (int i = 0; i < topLevelItemCount(); ++i)
        out << topLevelItem(i)->data(0, Qt::UserRole).toString();
    return out;
}

void LogInputList::setPaths(const QStringList &paths)
{
    clear();
    if (addPaths(paths) == 0)
        Q_EMIT pathsChanged();
}

int LogInputList::addPaths(const QStringList &paths)
{
    int added = 0;
    for (const QString &path : paths) {
        const QString clean = QDir::cleanPath(path);
        if (clean.isEmpty() || this->paths().contains(clean))
            continue;
        appendEntry(clean);
        ++added;
    }
    if (added > 0)
        Q_EMIT pathsChanged();
    return added;
}

void LogInputList::removeSelected()
{
    const QList<QTreeWidgetItem *> items = selectedItems();
    if (items.isEmpty())
        return;
    qDeleteAll(items);
    Q_EMIT pathsChanged();
}

qint64 LogInputList::totalBytes() const
{
    qint64 total = 0;
    for (int i = 0; i < topLevelItemCount(); ++i)
        total += topLevelItem(i)->data(1, SizeRole).toLongLong();
    return total;
}

void LogInputList::appendEntry(const QString &path)
{
    auto *item = new QTreeWidgetItem(this);
    item->setData(0, Qt::UserRole, path);
    item->setText(0, QDir::toNativeSeparators(path));
    item->setToolTip(0, QDir::toNativeSeparators(path));
    item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    const QFileInfo info(path);
    // The same expansion the replay does, so the size shown is what will be read.
    const auto files = Replay::LogFileList::expand({path});
    if (!files) {
        item->setText(1, tr("unreadable"));
        item->setToolTip(1, files.error().message);
        return;
    }
    qint64 bytes = 0;
    for (const Replay::LogFile &f : *files)
        bytes += f.size;
    item->setData(1, SizeRole, bytes);
    const QString size = QLocale().formattedDataSize(bytes);
    item->setText(1, info.isDir() ? tr("%1 in %n file(s)", nullptr, int(files->size())).arg(size) : size);
    item->setIcon(0, style()->standardIcon(info.isDir() ? QStyle::SP_DirIcon : QStyle::SP_FileIcon));
}

void LogInputList::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localPaths(event->mimeData()).isEmpty())
        event->acceptProposedAction();
    else
        event->ignore();
}

void LogInputList::dragMoveEvent(QDragMoveEvent *event)
{
    if (!localPaths(event->mimeData()).isEmpty())
        event->acceptProposedAction();
    else
        event->ignore();
}

void LogInputList::dropEvent(QDropEvent *event)
{
    const QStringList dropped = localPaths(event->mimeData());
    if (dropped.isEmpty()) {
        event->ignore();
        return;
    }
    addPaths(dropped);
    event->acceptProposedAction();
}

void LogInputList::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Delete) || event->key() == Qt::Key_Backspace) {
        removeSelected();
        return;
    }
    QTreeWidget::keyPressEvent(event);
}

} // namespace Dsn::Gui
