// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QDialog>
#include <QStringList>

class QLabel;
class QPushButton;

namespace Dsn::Workbench {

/// Help → Quick tour: a few pages, one per panel, read in a minute.
class QuickTourDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuickTourDialog)

public:
    explicit QuickTourDialog(QWidget *parent = nullptr);

    int pageCount() const { return int(m_pages.size()); }
    int currentPage() const { return m_page; }
    void showPage(int page);

Q_SIGNALS:
    /// The page is about this dock (its object name), so the window can raise it.
    void panelHighlighted(const QString &objectName);

private:
    struct Page
    {
        QString title;
        QString text;
        QString panel;
    };
    QList<Page> m_pages;
    int m_page = 0;
    QLabel *m_title;
    QLabel *m_text;
    QLabel *m_counter;
    QPushButton *m_back;
    QPushButton *m_next;
};

} // namespace Dsn::Workbench
