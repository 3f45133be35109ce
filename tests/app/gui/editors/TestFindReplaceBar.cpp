// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include <QAction>
#include <QApplication>
#include <QColor>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

#include "CodeEditor.h"
#include "EditorPane.h"
#include "FindReplaceBar.h"

using Dsn::Editors::CodeEditor;
using Dsn::Editors::EditorPane;
using Dsn::Editors::FindReplaceBar;

namespace {

long selectionStart(const CodeEditor *e)
{
    return e->SendScintilla(QsciScintillaBase::SCI_GETSELECTIONSTART);
}

long selectionEnd(const CodeEditor *e)
{
    return e->SendScintilla(QsciScintillaBase::SCI_GETSELECTIONEND);
}

} // namespace

class TestFindReplaceBar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void barHiddenAtStart();
    void ctrlFShowsBarPrefilledWithSelection();
    void escapeClosesAndFocusesEditor();
    void replaceShortcutShowsReplaceRow();
    void enterAndShiftEnterStep();
    void typingSearchesIncrementally();
    void noMatchState();
    void togglesChangeTheSearch_data();
    void togglesChangeTheSearch();
    void replaceAllButtonCountsAndUndoes();
    void replaceWithEnter();
    void findNextShortcutsWorkWithBarClosed();
    void actionsAndToolTips();

private:
    EditorPane *m_pane = nullptr;
    CodeEditor *m_editor = nullptr;
    FindReplaceBar *m_bar = nullptr;
    QLineEdit *m_findEdit = nullptr;
    QLineEdit *m_replaceEdit = nullptr;
};

void TestFindReplaceBar::init()
{
    m_pane = new EditorPane(CodeEditor::Language::Lua);
    m_pane->resize(600, 400);
    m_editor = m_pane->editor();
    m_bar = m_pane->findBar();
    m_findEdit = m_bar->findChild<QLineEdit *>(QStringLiteral("findEdit"));
    m_replaceEdit = m_bar->findChild<QLineEdit *>(QStringLiteral("replaceEdit"));
    QVERIFY(m_findEdit);
    QVERIFY(m_replaceEdit);
    m_editor->setText(QStringLiteral("hello world\nsay hello again\nHello there"));
    m_pane->show();
    QVERIFY(QTest::qWaitForWindowActive(m_pane));
    m_editor->setFocus();
    QTRY_VERIFY(m_editor->hasFocus());
}

void TestFindReplaceBar::cleanup()
{
    delete m_pane;
    m_pane = nullptr;
}

void TestFindReplaceBar::barHiddenAtStart()
{
    QVERIFY(m_bar->isHidden());
    QCOMPARE(m_bar->editor(), m_editor);
}

void TestFindReplaceBar::ctrlFShowsBarPrefilledWithSelection()
{
    m_editor->setSelection(0, 6, 0, 11); // "world"
    QTest::keyClick(m_editor, Qt::Key_F, Qt::ControlModifier);

    QVERIFY(m_bar->isVisible());
    QVERIFY(!m_bar->isReplaceVisible());
    QCOMPARE(m_bar->findText(), QStringLiteral("world"));
    QTRY_VERIFY(m_findEdit->hasFocus());
    QCOMPARE(m_findEdit->selectedText(), QStringLiteral("world"));

    // A multi-line selection keeps the previous needle.
    m_editor->setFocus();
    QTRY_VERIFY(m_editor->hasFocus());
    m_editor->setSelection(0, 0, 1, 3);
    QTest::keyClick(m_editor, Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(m_bar->findText(), QStringLiteral("world"));
}

void TestFindReplaceBar::escapeClosesAndFocusesEditor()
{
    QSignalSpy closed(m_bar, &FindReplaceBar::closed);
    QTest::keyClick(m_editor, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(m_findEdit->hasFocus());

    QTest::keyClick(m_findEdit, Qt::Key_Escape);
    QVERIFY(m_bar->isHidden());
    QCOMPARE(closed.count(), 1);
    QTRY_VERIFY(m_editor->hasFocus());
}

void TestFindReplaceBar::replaceShortcutShowsReplaceRow()
{
    const QKeySequence replace = m_pane->replaceAction()->shortcut();
    QVERIFY(!replace.isEmpty());
    QTest::keySequence(m_editor, replace);
    QVERIFY(m_bar->isVisible());
    QVERIFY(m_bar->isReplaceVisible());
    QVERIFY(m_replaceEdit->isVisible());

    // Ctrl+F from there goes back to find-only.
    QTest::keyClick(m_findEdit, Qt::Key_F, Qt::ControlModifier);
    QVERIFY(!m_bar->isReplaceVisible());
}

void TestFindReplaceBar::enterAndShiftEnterStep()
{
    m_editor->setCursorPosition(0, 0);
    QTest::keyClick(m_editor, Qt::Key_F, Qt::ControlModifier);
    QTest::keyClicks(m_findEdit, QStringLiteral("hello"));
    // Case-insensitive by default, so "Hello" on line 3 counts.
    QCOMPARE(selectionStart(m_editor), 0L);

    QTest::keyClick(m_findEdit, Qt::Key_Return);
    QCOMPARE(selectionStart(m_editor), 16L);
    QCOMPARE(selectionEnd(m_editor), 21L);
    QTest::keyClick(m_findEdit, Qt::Key_Return);
    QCOMPARE(selectionStart(m_editor), 28L);
    QTest::keyClick(m_findEdit, Qt::Key_Enter); // keypad Enter too, and it wraps
    QCOMPARE(selectionStart(m_editor), 0L);
    QTest::keyClick(m_findEdit, Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(selectionStart(m_editor), 28L);
    QTest::keyClick(m_findEdit, Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(selectionStart(m_editor), 16L);
    QVERIFY(!m_bar->hasNoMatch());
    // The focus stays in the bar while stepping.
    QVERIFY(m_findEdit->hasFocus());
}

void TestFindReplaceBar::typingSearchesIncrementally()
{
    m_editor->setCursorPosition(1, 0);
    QTest::keyClick(m_editor, Qt::Key_F, Qt::ControlModifier);
    QTest::keyClicks(m_findEdit, QStringLiteral("h"));
    QCOMPARE(selectionStart(m_editor), 16L); // "hello" on line 2, the first h after the cursor
    QTest::keyClicks(m_findEdit, QStringLiteral("el"));
    QCOMPARE(selectionStart(m_editor), 16L); // extended in place, not the next match
    QCOMPARE(selectionEnd(m_editor), 19L);
}

void TestFindReplaceBar::noMatchState()
{
    QTest::keyClick(m_editor, Qt::Key_F, Qt::ControlModifier);
    const QColor normalBase = m_findEdit->palette().color(QPalette::Base);

    QTest::keyClicks(m_findEdit, QStringLiteral("zzz"));
    QVERIFY(m_bar->hasNoMatch());
    QCOMPARE(m_bar->statusText(), QStringLiteral("No match"));
    const QColor tinted = m_findEdit->palette().color(QPalette::Base);
    QVERIFY(tinted != normalBase);
    QVERIFY2(tinted.red() > tinted.green() && tinted.red() > tinted.blue(), qPrintable(tinted.name()));

    // Back to a match: the tint and the text go away.
    QTest::keyClick(m_findEdit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(m_findEdit, QStringLiteral("there"));
    QVERIFY(!m_bar->hasNoMatch());
    QVERIFY(m_bar->statusText().isEmpty());
    QCOMPARE(m_findEdit->palette().color(QPalette::Base), normalBase);
}

void TestFindReplaceBar::togglesChangeTheSearch_data()
{
    QTest::addColumn<QString>("toggle");
    QTest::addColumn<QString>("needle");
    QTest::addColumn<int>("withoutStart");
    QTest::addColumn<int>("withStart");

    // From the start of "hello world\nsay hello again\nHello there".
    QTest::newRow("case") << QStringLiteral("caseButton") << QStringLiteral("Hello") << 0 << 28;
    QTest::newRow("whole word") << QStringLiteral("wordButton") << QStringLiteral("ell") << 1 << -1;
    QTest::newRow("regex") << QStringLiteral("regexButton") << QStringLiteral("a[gi]+") << -1 << 22;
}

void TestFindReplaceBar::togglesChangeTheSearch()
{
    QFETCH(QString, toggle);
    QFETCH(QString, needle);
    QFETCH(int, withoutStart);
    QFETCH(int, withStart);

    auto *button = m_bar->findChild<QToolButton *>(toggle);
    QVERIFY(button);
    QVERIFY(button->isCheckable());
    QVERIFY(!button->toolTip().isEmpty());

    m_editor->setCursorPosition(0, 0);
    QTest::keyClick(m_editor, Qt::Key_F, Qt::ControlModifier);
    QTest::keyClicks(m_findEdit, needle);
    QCOMPARE(m_bar->hasNoMatch(), withoutStart < 0);
    if (withoutStart >= 0)
        QCOMPARE(selectionStart(m_editor), long(withoutStart));

    m_editor->setCursorPosition(0, 0);
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(button->isChecked());
    QCOMPARE(m_bar->hasNoMatch(), withStart < 0);
    if (withStart >= 0)
        QCOMPARE(selectionStart(m_editor), long(withStart));
}

void TestFindReplaceBar::replaceAllButtonCountsAndUndoes()
{
    const QString original = m_editor->text();
    QSignalSpy edited(m_editor, &CodeEditor::userEdited);
    QTest::keySequence(m_editor, m_pane->replaceAction()->shortcut());
    QTest::keyClicks(m_findEdit, QStringLiteral("hello"));
    QTest::keyClicks(m_replaceEdit, QStringLiteral("bye"));
    auto *replaceAll = m_bar->findChild<QToolButton *>(QStringLiteral("replaceAllButton"));
    QVERIFY(replaceAll);
    QTest::mouseClick(replaceAll, Qt::LeftButton);

    QCOMPARE(m_editor->text(), QStringLiteral("bye world\nsay bye again\nbye there"));
    QCOMPARE(m_bar->statusText(), QStringLiteral("3 replaced"));
    QCOMPARE(edited.count(), 1);

    m_editor->undo();
    QCOMPARE(m_editor->text(), original);

    // Replacing again after undo works, and a needle with no match says so.
    m_bar->setFindText(QStringLiteral("absent"));
    QCOMPARE(m_bar->replaceAll(), 0);
    QVERIFY(m_bar->hasNoMatch());
    QCOMPARE(m_bar->statusText(), QStringLiteral("No match"));
}

void TestFindReplaceBar::replaceWithEnter()
{
    m_editor->setCursorPosition(0, 0);
    QTest::keySequence(m_editor, m_pane->replaceAction()->shortcut());
    QTest::keyClicks(m_findEdit, QStringLiteral("hello"));
    QTest::keyClicks(m_replaceEdit, QStringLiteral("HI"));
    // "hello" at 0 is selected by the incremental search; Enter replaces it and moves on.
    QTest::keyClick(m_replaceEdit, Qt::Key_Return);
    QCOMPARE(m_editor->text(), QStringLiteral("HI world\nsay hello again\nHello there"));
    QCOMPARE(selectionStart(m_editor), 13L);
    QTest::keyClick(m_replaceEdit, Qt::Key_Return);
    QCOMPARE(m_editor->text(), QStringLiteral("HI world\nsay HI again\nHello there"));
}

void TestFindReplaceBar::findNextShortcutsWorkWithBarClosed()
{
    // F3 with nothing searched yet opens the bar.
    QTest::keySequence(m_editor, m_pane->findNextAction()->shortcut());
    QVERIFY(m_bar->isVisible());
    QTest::keyClicks(m_findEdit, QStringLiteral("hello"));
    QTest::keyClick(m_findEdit, Qt::Key_Escape);
    QVERIFY(m_bar->isHidden());
    QTRY_VERIFY(m_editor->hasFocus());
    QCOMPARE(selectionStart(m_editor), 0L);

    QTest::keySequence(m_editor, m_pane->findNextAction()->shortcut());
    QCOMPARE(selectionStart(m_editor), 16L);
    QTest::keySequence(m_editor, m_pane->findPreviousAction()->shortcut());
    QCOMPARE(selectionStart(m_editor), 0L);
    QVERIFY(m_bar->isHidden());
}

void TestFindReplaceBar::actionsAndToolTips()
{
    const QList<QAction *> actions = m_pane->actions();
    QCOMPARE(actions.size(), 4);
    for (QAction *action : {m_pane->findAction(), m_pane->replaceAction(), m_pane->findNextAction(),
                            m_pane->findPreviousAction()}) {
        QVERIFY(actions.contains(action));
        QCOMPARE(action->shortcutContext(), Qt::WidgetWithChildrenShortcut);
        QVERIFY(!action->shortcut().isEmpty());
        QVERIFY(action->toolTip().contains(action->shortcut().toString(QKeySequence::NativeText)));
    }
    QCOMPARE(m_pane->findAction()->shortcut(), QKeySequence(QKeySequence::Find));

    const QList<QToolButton *> buttons = m_bar->findChildren<QToolButton *>();
    QVERIFY(buttons.size() >= 8);
    for (QToolButton *button : buttons) {
        if (button->parent() != m_bar)
            continue; // the line edits' own clear buttons
        QVERIFY2(!button->toolTip().isEmpty(), qPrintable(button->objectName()));
    }
    auto *next = m_bar->findChild<QToolButton *>(QStringLiteral("nextButton"));
    QVERIFY(next->toolTip().contains(QKeySequence(Qt::Key_F3).toString(QKeySequence::NativeText)));
}

QTEST_MAIN(TestFindReplaceBar)
#include "TestFindReplaceBar.moc"
