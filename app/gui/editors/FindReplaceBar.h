// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QKeySequence>
#include <QPointer>
#include <QString>
#include <QWidget>

#include "CodeEditor.h"

class QEvent;
class QKeyEvent;
class QLabel;
class QLineEdit;
class QToolButton;

namespace Dsn::Editors {

/**
 * The slim find/replace strip under an editor: find field with previous/next, toggles for case,
 * whole word and regular expression, an optional replace row, a status text ("No match",
 * "3 replaced") and a close button. Searching always wraps around the document.
 *
 * Keys: Enter finds the next match, Shift+Enter the previous one, Enter in the replace field
 * replaces, Escape closes the bar and gives the focus back to the editor. The editor is not
 * owned; the bar does nothing while it has none.
 */
class FindReplaceBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindReplaceBar)

public:
    explicit FindReplaceBar(QWidget *parent = nullptr);
    ~FindReplaceBar() override;

    void setEditor(CodeEditor *editor);
    CodeEditor *editor() const { return m_editor; }

    QString findText() const;
    void setFindText(const QString &text);
    QString replaceText() const;
    void setReplaceText(const QString &text);
    /// The toggles' state, plus Wrap.
    CodeEditor::FindFlags findFlags() const;
    void setFindFlags(CodeEditor::FindFlags flags);

    bool isReplaceVisible() const;
    /// True while the last search found nothing (the find field is tinted then).
    bool hasNoMatch() const { return m_noMatch; }
    QString statusText() const;

public Q_SLOTS:
    /// Shows the find row only, prefilled with a single-line selection, focused and selected.
    void showFind();
    /// Like showFind() with the replace row visible.
    void showReplace();
    bool findNext();
    bool findPrevious();
    bool replaceCurrent();
    int replaceAll();
    /// Hides the bar and returns the focus to the editor.
    void closeBar();

Q_SIGNALS:
    void closed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void showBar(bool withReplace);
    bool find(bool forward, CodeEditor::FindFlags extra = {});
    void setNoMatch(bool noMatch);
    void updateFindFieldColour();
    QToolButton *makeButton(const QString &text, const QString &toolTip, bool checkable = false);
    static QString withShortcut(const QString &text, const QKeySequence &shortcut);

    QPointer<CodeEditor> m_editor;
    QLineEdit *m_findEdit = nullptr;
    QLineEdit *m_replaceEdit = nullptr;
    QToolButton *m_previousButton = nullptr;
    QToolButton *m_nextButton = nullptr;
    QToolButton *m_caseButton = nullptr;
    QToolButton *m_wordButton = nullptr;
    QToolButton *m_regexButton = nullptr;
    QToolButton *m_replaceButton = nullptr;
    QToolButton *m_replaceAllButton = nullptr;
    QToolButton *m_closeButton = nullptr;
    QLabel *m_statusLabel = nullptr;
    bool m_noMatch = false;
};

} // namespace Dsn::Editors
