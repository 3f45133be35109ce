// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QKeySequence>
#include <QWidget>

#include "CodeEditor.h"

class QAction;

namespace Dsn::Editors {

class FindReplaceBar;

/**
 * A CodeEditor with its find/replace bar underneath (hidden until asked for), plus the Find,
 * Replace, Find Next and Find Previous actions. The actions are added to the pane with
 * Qt::WidgetWithChildrenShortcut, so two panes in one window each answer only while they hold
 * the focus; a main window can also list them (QWidget::actions()) in its Edit menu.
 */
class EditorPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EditorPane)

public:
    explicit EditorPane(CodeEditor::Language language, QWidget *parent = nullptr);
    ~EditorPane() override;

    CodeEditor *editor() const { return m_editor; }
    FindReplaceBar *findBar() const { return m_findBar; }

    QAction *findAction() const { return m_findAction; }
    QAction *replaceAction() const { return m_replaceAction; }
    QAction *findNextAction() const { return m_findNextAction; }
    QAction *findPreviousAction() const { return m_findPreviousAction; }

private:
    QAction *makeAction(const QString &text, QKeySequence::StandardKey key, const QKeySequence &fallback);
    void findAgain(bool forward);

    CodeEditor *m_editor = nullptr;
    FindReplaceBar *m_findBar = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_replaceAction = nullptr;
    QAction *m_findNextAction = nullptr;
    QAction *m_findPreviousAction = nullptr;
};

} // namespace Dsn::Editors
