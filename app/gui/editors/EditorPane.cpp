// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "EditorPane.h"

#include <QAction>
#include <QKeySequence>
#include <QList>
#include <QVBoxLayout>

#include "FindReplaceBar.h"

namespace Dsn::Editors {

EditorPane::EditorPane(CodeEditor::Language language, QWidget *parent)
    : QWidget(parent)
{
    m_editor = new CodeEditor(language, this);
    m_findBar = new FindReplaceBar(this);
    m_findBar->setEditor(m_editor);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_findBar);
    setFocusProxy(m_editor);

    // Some platform themes leave Replace or Find Next unbound; fall back to the common keys.
    m_findAction = makeAction(tr("&Find…"), QKeySequence::Find, QKeySequence(Qt::CTRL | Qt::Key_F));
    m_replaceAction = makeAction(tr("&Replace…"), QKeySequence::Replace, QKeySequence(Qt::CTRL | Qt::Key_H));
    m_findNextAction = makeAction(tr("Find &Next"), QKeySequence::FindNext, QKeySequence(Qt::Key_F3));
    m_findPreviousAction = makeAction(tr("Find Pre&vious"), QKeySequence::FindPrevious,
                                      QKeySequence(Qt::SHIFT | Qt::Key_F3));

    connect(m_findAction, &QAction::triggered, m_findBar, &FindReplaceBar::showFind);
    connect(m_replaceAction, &QAction::triggered, m_findBar, &FindReplaceBar::showReplace);
    connect(m_findNextAction, &QAction::triggered, this, [this] { findAgain(true); });
    connect(m_findPreviousAction, &QAction::triggered, this, [this] { findAgain(false); });
}

EditorPane::~EditorPane() = default;

QAction *EditorPane::makeAction(const QString &text, QKeySequence::StandardKey key, const QKeySequence &fallback)
{
    auto *action = new QAction(text, this);
    QList<QKeySequence> shortcuts = QKeySequence::keyBindings(key);
    if (shortcuts.isEmpty())
        shortcuts.append(fallback);
    action->setShortcuts(shortcuts);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    action->setToolTip(tr("%1 (%2)").arg(QString(text).remove(u'&').remove(u'…'),
                                         shortcuts.constFirst().toString(QKeySequence::NativeText)));
    addAction(action);
    return action;
}

void EditorPane::findAgain(bool forward)
{
    // With nothing to search for yet, F3 behaves like Ctrl+F.
    if (m_findBar->findText().isEmpty()) {
        m_findBar->showFind();
        return;
    }
    if (forward)
        m_findBar->findNext();
    else
        m_findBar->findPrevious();
}

} // namespace Dsn::Editors
