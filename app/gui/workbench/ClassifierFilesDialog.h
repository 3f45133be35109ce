// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <functional>

#include <QDialog>
#include <QStringList>

class QLabel;
class QListWidget;
class QPushButton;

namespace Dsn::Workbench {

/**
 * Chooses the bounce classifier rule files a project attaches (kumo.configure_bounce_classifier's
 * `files`). Order matters — the first matching rule in file order labels an outcome — so files
 * can be moved. Each row says at once whether its file loads (labels and patterns) or why not
 * (file, line and column), so a broken file is fixed before it silently labels everything
 * Uncategorized.
 */
class ClassifierFilesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClassifierFilesDialog)

public:
    /// `resolve` turns a stored entry into a path to open; `store` turns a chosen absolute path
    /// into the entry the project keeps (relative to the project's folder when it has one).
    ClassifierFilesDialog(const QStringList &files, std::function<QString(const QString &)> resolve,
                          std::function<QString(const QString &)> store, QWidget *parent = nullptr);

    QStringList files() const;
    /// Adds entries as if chosen in the file dialog (tests and drag and drop).
    void addFiles(const QStringList &absolutePaths);
    /// The status text of row `row` (tests).
    QString statusOf(int row) const;

private:
    void addDialog();
    void removeSelected();
    void moveSelected(int delta);
    void refresh();
    void updateButtons();

    std::function<QString(const QString &)> m_resolve;
    std::function<QString(const QString &)> m_store;
    QListWidget *m_list;
    QLabel *m_summary;
    QPushButton *m_remove;
    QPushButton *m_up;
    QPushButton *m_down;
};

} // namespace Dsn::Workbench
