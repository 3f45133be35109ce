// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include <Qsci/qscilexerjson.h>
#include <Qsci/qscilexerlua.h>

#include <QApplication>
#include <QColor>
#include <QList>
#include <QPalette>
#include <QSignalSpy>
#include <QStringList>
#include <QTest>

#include "CodeEditor.h"
#include "common/Diagnostic.h"

using Dsn::Diagnostic;
using Dsn::Editors::CodeEditor;
using FindFlag = CodeEditor::FindFlag;
using FindFlags = CodeEditor::FindFlags;
using Severity = Diagnostic::Severity;

namespace {

constexpr int kPauseMs = 40;

QString numberedLines(int count)
{
    QStringList lines;
    for (int i = 1; i <= count; ++i)
        lines.append(QStringLiteral("line %1").arg(i));
    return lines.join(u'\n');
}

Diagnostic diag(Severity severity, int line, const QString &message)
{
    Diagnostic d;
    d.severity = severity;
    d.line = line;
    d.message = message;
    return d;
}

// What Scintilla paints with, not what the lexer object was told: 0x00BBGGRR.
QColor styleColour(const CodeEditor &editor, unsigned int message, int style)
{
    const long bgr = editor.SendScintilla(message, static_cast<unsigned long>(style));
    return QColor(int(bgr & 0xff), int((bgr >> 8) & 0xff), int((bgr >> 16) & 0xff));
}

QColor styleBack(const CodeEditor &editor, int style)
{
    return styleColour(editor, QsciScintillaBase::SCI_STYLEGETBACK, style);
}

QColor styleFore(const CodeEditor &editor, int style)
{
    return styleColour(editor, QsciScintillaBase::SCI_STYLEGETFORE, style);
}

QPalette makePalette(bool dark)
{
    QPalette p;
    const QColor window = dark ? QColor(0x2b, 0x2b, 0x2b) : QColor(0xef, 0xef, 0xef);
    const QColor base = dark ? QColor(0x1e, 0x1e, 0x1e) : QColor(0xff, 0xff, 0xff);
    const QColor text = dark ? QColor(0xe0, 0xe0, 0xe0) : QColor(0x10, 0x10, 0x10);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Highlight, QColor(0x30, 0x60, 0xc0));
    return p;
}

long selectionStart(const CodeEditor &e)
{
    return e.SendScintilla(QsciScintillaBase::SCI_GETSELECTIONSTART);
}

long selectionEnd(const CodeEditor &e)
{
    return e.SendScintilla(QsciScintillaBase::SCI_GETSELECTIONEND);
}

void select(CodeEditor &e, long from, long to)
{
    e.SendScintilla(QsciScintillaBase::SCI_SETSEL, static_cast<unsigned long>(from), to);
}

} // namespace

class TestCodeEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lexerAndIndentation_data();
    void lexerAndIndentation();
    void typingEmitsUserEditedThenOnePause();
    void undoInEditorIsUserEdit();
    void setTextIsSilent();
    void setTextKeepingView_data();
    void setTextKeepingView();
    void setTextKeepingViewKeepsFirstVisibleLine();
    void diagnostics_data();
    void diagnostics();
    void replacingDiagnosticsRemovesOldOnes();
    void goTo_data();
    void goTo();
    void find_data();
    void find();
    void replaceAll_data();
    void replaceAll();
    void replaceSelection();
    void paletteDrivesColours_data();
    void paletteDrivesColours();
    void applicationPaletteChange();
    void lineNumberMarginWidens();
};

void TestCodeEditor::lexerAndIndentation_data()
{
    QTest::addColumn<CodeEditor::Language>("language");
    QTest::addColumn<QString>("lexerClass");
    QTest::addColumn<int>("tabWidth");
    QTest::newRow("lua") << CodeEditor::Language::Lua << QStringLiteral("QsciLexerLua") << 4;
    QTest::newRow("json") << CodeEditor::Language::Json << QStringLiteral("QsciLexerJSON") << 2;
}

void TestCodeEditor::lexerAndIndentation()
{
    QFETCH(CodeEditor::Language, language);
    QFETCH(QString, lexerClass);
    QFETCH(int, tabWidth);

    CodeEditor editor(language);
    QVERIFY(editor.lexer());
    QCOMPARE(QString::fromLatin1(editor.lexer()->metaObject()->className()), lexerClass);
    QCOMPARE(editor.language(), language);
    QCOMPARE(editor.tabWidth(), tabWidth);
    QVERIFY(!editor.indentationsUseTabs());
    QVERIFY(editor.autoIndent());
    QVERIFY(editor.isUtf8());
    QCOMPARE(editor.folding(), QsciScintilla::BoxedTreeFoldStyle);
    QCOMPARE(editor.braceMatching(), QsciScintilla::SloppyBraceMatch);

    // Tab inserts spaces up to the tab width.
    editor.setText(QString());
    QTest::keyClick(&editor, Qt::Key_Tab);
    QCOMPARE(editor.text(), QString(tabWidth, u' '));
}

void TestCodeEditor::typingEmitsUserEditedThenOnePause()
{
    CodeEditor editor(CodeEditor::Language::Lua);
    editor.setPauseInterval(kPauseMs);
    QCOMPARE(editor.pauseInterval(), kPauseMs);
    QSignalSpy edited(&editor, &CodeEditor::userEdited);
    QSignalSpy paused(&editor, &CodeEditor::editPaused);

    QTest::keyClicks(&editor, QStringLiteral("abc"));
    QCOMPARE(editor.text(), QStringLiteral("abc"));
    QCOMPARE(edited.count(), 3);
    QCOMPARE(paused.count(), 0);

    QTRY_COMPARE_WITH_TIMEOUT(paused.count(), 1, 2000);
    QTest::qWait(kPauseMs * 3);
    QCOMPARE(paused.count(), 1);

    // A second burst gives a second pause, not one per key.
    QTest::keyClick(&editor, Qt::Key_Backspace);
    QTest::keyClick(&editor, Qt::Key_D);
    QCOMPARE(editor.text(), QStringLiteral("abd"));
    QCOMPARE(edited.count(), 5);
    QTRY_COMPARE_WITH_TIMEOUT(paused.count(), 2, 2000);
    QTest::qWait(kPauseMs * 3);
    QCOMPARE(paused.count(), 2);
}

void TestCodeEditor::undoInEditorIsUserEdit()
{
    CodeEditor editor(CodeEditor::Language::Lua);
    editor.setText(QStringLiteral("x"));
    QTest::keyClick(&editor, Qt::Key_End);
    QTest::keyClick(&editor, Qt::Key_Y);
    QSignalSpy edited(&editor, &CodeEditor::userEdited);

    QTest::keyClick(&editor, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(editor.text(), QStringLiteral("x"));
    QCOMPARE(edited.count(), 1);
    QTest::keyClick(&editor, Qt::Key_Y, Qt::ControlModifier);
    QCOMPARE(editor.text(), QStringLiteral("xy"));
    QCOMPARE(edited.count(), 2);
}

void TestCodeEditor::setTextIsSilent()
{
    CodeEditor editor(CodeEditor::Language::Json);
    editor.setPauseInterval(kPauseMs);
    QSignalSpy edited(&editor, &CodeEditor::userEdited);
    QSignalSpy paused(&editor, &CodeEditor::editPaused);

    editor.setText(QStringLiteral("{\"a\": 1}"));
    editor.setDiagnostics({diag(Severity::Error, 1, QStringLiteral("bad"))});
    editor.clearDiagnostics();
    QTest::qWait(kPauseMs * 3);
    QCOMPARE(edited.count(), 0);
    QCOMPARE(paused.count(), 0);
    QCOMPARE(editor.text(), QStringLiteral("{\"a\": 1}"));
    // setText starts a fresh history: there is nothing to undo into.
    QVERIFY(!editor.isUndoAvailable());
}

void TestCodeEditor::setTextKeepingView_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<int>("line");   // 0-based cursor before
    QTest::addColumn<int>("column"); // characters
    QTest::addColumn<int>("expectedLine");
    QTest::addColumn<int>("expectedColumn");

    QTest::newRow("edit above the cursor") << QStringLiteral("a\nbb\ncccc\n") << QStringLiteral("a2\nbb\ncccc\n")
                                           << 2 << 3 << 2 << 3;
    QTest::newRow("edit below the cursor") << QStringLiteral("one\ntwo\nthree") << QStringLiteral("one\ntwo\nthree!")
                                           << 0 << 2 << 0 << 2;
    QTest::newRow("line gets shorter") << QStringLiteral("[\n  {\"code\": 550}\n]") << QStringLiteral("[\n  {}\n]")
                                       << 1 << 12 << 1 << 4;
    QTest::newRow("text shrinks above cursor line") << numberedLines(10) << numberedLines(3) << 8 << 2 << 2 << 2;
    // "é" and "è" share their first UTF-8 byte: the edit must not split the character.
    QTest::newRow("utf-8 neighbour") << QStringLiteral("caf\u00e9 ok") << QStringLiteral("caf\u00e8 ok") << 0 << 6
                                     << 0 << 6;
    QTest::newRow("whole text differs") << QStringLiteral("abc") << QStringLiteral("xyz\nuvw") << 0 << 1 << 0 << 1;
}

void TestCodeEditor::setTextKeepingView()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(int, expectedLine);
    QFETCH(int, expectedColumn);

    CodeEditor editor(CodeEditor::Language::Json);
    editor.setPauseInterval(kPauseMs);
    editor.setText(before);
    editor.setCursorPosition(line, column);
    QSignalSpy edited(&editor, &CodeEditor::userEdited);
    QSignalSpy paused(&editor, &CodeEditor::editPaused);

    editor.setTextKeepingView(after);
    QCOMPARE(editor.text(), after);
    int cursorLine = -1;
    int cursorIndex = -1;
    editor.getCursorPosition(&cursorLine, &cursorIndex);
    QCOMPARE(cursorLine, expectedLine);
    QCOMPARE(cursorIndex, expectedColumn);

    QTest::qWait(kPauseMs * 3);
    QCOMPARE(edited.count(), 0);
    QCOMPARE(paused.count(), 0);

    // One undo in the editor brings the old text back, and nothing older is left.
    QVERIFY(editor.isUndoAvailable());
    editor.undo();
    QCOMPARE(editor.text(), before);
    QVERIFY(!editor.isUndoAvailable());
}

void TestCodeEditor::setTextKeepingViewKeepsFirstVisibleLine()
{
    CodeEditor editor(CodeEditor::Language::Lua);
    editor.resize(400, 200);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.setText(numberedLines(200));
    editor.setCursorPosition(120, 3);
    editor.setFirstVisibleLine(110);
    QCOMPARE(editor.firstVisibleLine(), 110);

    QString changed = numberedLines(200);
    changed.replace(QStringLiteral("line 5\n"), QStringLiteral("line five\n"));
    editor.setTextKeepingView(changed);
    QCOMPARE(editor.text(), changed);
    QCOMPARE(editor.firstVisibleLine(), 110);
    int cursorLine = -1;
    int cursorIndex = -1;
    editor.getCursorPosition(&cursorLine, &cursorIndex);
    QCOMPARE(cursorLine, 120);
    QCOMPARE(cursorIndex, 3);

    // Equal text is not an edit at all: no undo step appears.
    editor.setText(changed);
    editor.setTextKeepingView(changed);
    QVERIFY(!editor.isUndoAvailable());
}

using DiagnosticList = QList<Diagnostic>;
using IntList = QList<int>;

void TestCodeEditor::diagnostics_data()
{
    QTest::addColumn<DiagnosticList>("diagnostics");
    QTest::addColumn<IntList>("errorLines");
    QTest::addColumn<IntList>("warningLines");
    QTest::addColumn<IntList>("infoLines");

    QTest::newRow("none") << DiagnosticList{} << IntList{} << IntList{} << IntList{};
    QTest::newRow("one error") << DiagnosticList{diag(Severity::Error, 3, QStringLiteral("unexpected symbol"))}
                               << IntList{3} << IntList{} << IntList{};
    QTest::newRow("error and warnings")
        << DiagnosticList{diag(Severity::Warning, 7, QStringLiteral("unused local 'x'")),
                          diag(Severity::Error, 2, QStringLiteral("attempt to call a nil value")),
                          diag(Severity::Warning, 1, QStringLiteral("global 'kumo' shadowed"))}
        << IntList{2} << IntList{1, 7} << IntList{};
    QTest::newRow("worst severity wins on a shared line")
        << DiagnosticList{diag(Severity::Warning, 4, QStringLiteral("first")),
                          diag(Severity::Error, 4, QStringLiteral("second")),
                          diag(Severity::Info, 5, QStringLiteral("third"))}
        << IntList{4} << IntList{} << IntList{5};
    QTest::newRow("no line is skipped, past the end goes on the last line")
        << DiagnosticList{diag(Severity::Error, -1, QStringLiteral("whole file")),
                          diag(Severity::Error, 11, QStringLiteral("'end' expected near <eof>"))}
        << IntList{10} << IntList{} << IntList{};
}

void TestCodeEditor::diagnostics()
{
    QFETCH(DiagnosticList, diagnostics);
    QFETCH(IntList, errorLines);
    QFETCH(IntList, warningLines);
    QFETCH(IntList, infoLines);

    CodeEditor editor(CodeEditor::Language::Lua);
    editor.setText(numberedLines(10));
    editor.setDiagnostics(diagnostics);

    QCOMPARE(editor.markerLines(Severity::Error), errorLines);
    QCOMPARE(editor.markerLines(Severity::Warning), warningLines);
    QCOMPARE(editor.markerLines(Severity::Info), infoLines);
    for (const Diagnostic &d : std::as_const(diagnostics)) {
        if (d.line < 1) {
            for (int line = 0; line < editor.lines(); ++line)
                QVERIFY(!editor.annotation(line).contains(d.message));
            continue;
        }
        const int line = qMin(d.line, 10) - 1;
        QVERIFY2(editor.annotation(line).contains(d.message), qPrintable(editor.annotation(line)));
        QVERIFY(editor.diagnosticToolTip(line + 1).contains(d.message));
    }
    // Lines without findings carry no annotation.
    QList<int> marked = errorLines + warningLines + infoLines;
    for (int line = 1; line <= 10; ++line) {
        if (!marked.contains(line))
            QVERIFY2(editor.annotation(line - 1).isEmpty(), qPrintable(editor.annotation(line - 1)));
    }
}

void TestCodeEditor::replacingDiagnosticsRemovesOldOnes()
{
    CodeEditor editor(CodeEditor::Language::Lua);
    editor.setText(numberedLines(10));
    editor.setDiagnostics({diag(Severity::Error, 2, QStringLiteral("old error")),
                           diag(Severity::Warning, 3, QStringLiteral("old warning"))});
    QCOMPARE(editor.markerLines(Severity::Error), IntList{2});

    editor.setDiagnostics({diag(Severity::Warning, 6, QStringLiteral("new warning")),
                           diag(Severity::Warning, 6, QStringLiteral("another one"))});
    QCOMPARE(editor.markerLines(Severity::Error), IntList{});
    QCOMPARE(editor.markerLines(Severity::Warning), IntList{6});
    QVERIFY(editor.annotation(1).isEmpty());
    QVERIFY(editor.annotation(2).isEmpty());
    // Two findings on one line share one annotation, one message per row.
    const QString combined = editor.annotation(5);
    QVERIFY(combined.contains(QStringLiteral("new warning")));
    QVERIFY(combined.contains(QStringLiteral("another one")));
    QCOMPARE(combined.count(u'\n'), 1);

    editor.clearDiagnostics();
    QVERIFY(editor.markerLines(Severity::Warning).isEmpty());
    QVERIFY(editor.annotation(5).isEmpty());
    QVERIFY(editor.diagnosticToolTip(6).isEmpty());
}

void TestCodeEditor::goTo_data()
{
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("expectedLine");  // 0-based
    QTest::addColumn<int>("expectedIndex"); // 0-based

    QTest::newRow("inside") << 3 << 5 << 2 << 4;
    QTest::newRow("start of line") << 2 << 1 << 1 << 0;
    QTest::newRow("no column") << 4 << -1 << 3 << 0;
    QTest::newRow("column past the end") << 2 << 100 << 1 << 6;
    QTest::newRow("line past the end") << 99 << 1 << 9 << 0;
}

void TestCodeEditor::goTo()
{
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(int, expectedLine);
    QFETCH(int, expectedIndex);

    CodeEditor editor(CodeEditor::Language::Lua);
    editor.setText(numberedLines(10));
    editor.show();
    QVERIFY(QTest::qWaitForWindowActive(&editor));
    editor.clearFocus();

    editor.goTo(line, column);
    int cursorLine = -1;
    int cursorIndex = -1;
    editor.getCursorPosition(&cursorLine, &cursorIndex);
    QCOMPARE(cursorLine, expectedLine);
    QCOMPARE(cursorIndex, expectedIndex);
    QTRY_VERIFY(editor.hasFocus());
}

void TestCodeEditor::find_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("needle");
    QTest::addColumn<int>("flags");
    QTest::addColumn<bool>("forward");
    QTest::addColumn<int>("fromStart"); // selection before the search
    QTest::addColumn<int>("fromEnd");
    QTest::addColumn<int>("expectedStart"); // -1: not found
    QTest::addColumn<int>("expectedEnd");

    const int none = 0;
    const int wrap = int(FindFlag::Wrap);
    const int cs = int(FindFlag::CaseSensitive);
    const int word = int(FindFlag::WholeWord);
    const int re = int(FindFlag::RegularExpression);
    const int inc = int(FindFlag::Incremental);
    const QString fbf = QStringLiteral("foo bar foo");

    QTest::newRow("first from the start") << fbf << QStringLiteral("foo") << none << true << 0 << 0 << 0 << 3;
    QTest::newRow("next after the selection") << fbf << QStringLiteral("foo") << none << true << 0 << 3 << 8 << 11;
    QTest::newRow("no wrap at the end") << fbf << QStringLiteral("foo") << none << true << 8 << 11 << -1 << -1;
    QTest::newRow("wrap at the end") << fbf << QStringLiteral("foo") << wrap << true << 8 << 11 << 0 << 3;
    QTest::newRow("previous from the end") << fbf << QStringLiteral("foo") << none << false << 11 << 11 << 8 << 11;
    QTest::newRow("previous before the selection") << fbf << QStringLiteral("foo") << none << false << 8 << 11 << 0
                                                   << 3;
    QTest::newRow("no wrap at the start") << fbf << QStringLiteral("foo") << none << false << 0 << 3 << -1 << -1;
    QTest::newRow("wrap at the start") << fbf << QStringLiteral("foo") << wrap << false << 0 << 3 << 8 << 11;
    QTest::newRow("case-insensitive") << QStringLiteral("Foo foo") << QStringLiteral("foo") << none << true << 0 << 0
                                      << 0 << 3;
    QTest::newRow("case-sensitive") << QStringLiteral("Foo foo") << QStringLiteral("foo") << cs << true << 0 << 0
                                    << 4 << 7;
    QTest::newRow("substring") << QStringLiteral("foobar foo") << QStringLiteral("foo") << none << true << 0 << 0 << 0
                               << 3;
    QTest::newRow("whole word") << QStringLiteral("foobar foo") << QStringLiteral("foo") << word << true << 0 << 0
                                << 7 << 10;
    QTest::newRow("regex") << QStringLiteral("code 550 and 421") << QStringLiteral("\\d{3}") << re << true << 0 << 0
                           << 5 << 8;
    QTest::newRow("regex next") << QStringLiteral("code 550 and 421") << QStringLiteral("\\d{3}") << re << true << 5
                                << 8 << 13 << 16;
    QTest::newRow("regex is literal without the flag") << QStringLiteral("code 550") << QStringLiteral("\\d{3}") << none
                                                       << true << 0 << 0 << -1 << -1;
    QTest::newRow("regex backward wrap") << QStringLiteral("4.2.1 then 5.7.1") << QStringLiteral("[45]\\.\\d\\.\\d")
                                         << (re | wrap) << false << 0 << 5 << 11 << 16;
    QTest::newRow("incremental keeps the current match") << fbf << QStringLiteral("foo") << inc << true << 8 << 10 << 8
                                                         << 11;
    QTest::newRow("not found") << fbf << QStringLiteral("baz") << wrap << true << 0 << 0 << -1 << -1;
}

void TestCodeEditor::find()
{
    QFETCH(QString, text);
    QFETCH(QString, needle);
    QFETCH(int, flags);
    QFETCH(bool, forward);
    QFETCH(int, fromStart);
    QFETCH(int, fromEnd);
    QFETCH(int, expectedStart);
    QFETCH(int, expectedEnd);

    CodeEditor editor(CodeEditor::Language::Lua);
    editor.setText(text);
    select(editor, fromStart, fromEnd);
    QSignalSpy edited(&editor, &CodeEditor::userEdited);

    const bool found = editor.findText(needle, FindFlags(flags), forward);
    QCOMPARE(found, expectedStart >= 0);
    if (found) {
        QCOMPARE(selectionStart(editor), long(expectedStart));
        QCOMPARE(selectionEnd(editor), long(expectedEnd));
    } else {
        // A failed search leaves the selection where it was.
        QCOMPARE(selectionStart(editor), long(fromStart));
        QCOMPARE(selectionEnd(editor), long(fromEnd));
    }
    QCOMPARE(editor.text(), text);
    QCOMPARE(edited.count(), 0);
}

void TestCodeEditor::replaceAll_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("needle");
    QTest::addColumn<QString>("replacement");
    QTest::addColumn<int>("flags");
    QTest::addColumn<int>("expectedCount");
    QTest::addColumn<QString>("expectedText");

    QTest::newRow("plain") << QStringLiteral("a-b-c-d") << QStringLiteral("-") << QStringLiteral("+") << 0 << 3
                           << QStringLiteral("a+b+c+d");
    QTest::newRow("longer replacement") << QStringLiteral("x x") << QStringLiteral("x") << QStringLiteral("xyz") << 0
                                        << 2 << QStringLiteral("xyz xyz");
    QTest::newRow("case-sensitive") << QStringLiteral("Code code CODE") << QStringLiteral("code")
                                    << QStringLiteral("550") << int(FindFlag::CaseSensitive) << 1
                                    << QStringLiteral("Code 550 CODE");
    QTest::newRow("whole word") << QStringLiteral("rule rules rule") << QStringLiteral("rule") << QStringLiteral("r")
                                << int(FindFlag::WholeWord) << 2 << QStringLiteral("r rules r");
    QTest::newRow("regex with group") << QStringLiteral("421 4.7.0, 450 4.2.0") << QStringLiteral("4(\\d\\d) ")
                                      << QStringLiteral("5\\1 ") << int(FindFlag::RegularExpression) << 2
                                      << QStringLiteral("521 4.7.0, 550 4.2.0");
    QTest::newRow("nothing") << QStringLiteral("abc") << QStringLiteral("z") << QStringLiteral("y") << 0 << 0
                             << QStringLiteral("abc");
}

void TestCodeEditor::replaceAll()
{
    QFETCH(QString, text);
    QFETCH(QString, needle);
    QFETCH(QString, replacement);
    QFETCH(int, flags);
    QFETCH(int, expectedCount);
    QFETCH(QString, expectedText);

    CodeEditor editor(CodeEditor::Language::Lua);
    editor.setText(text);
    QSignalSpy edited(&editor, &CodeEditor::userEdited);

    QCOMPARE(editor.replaceAll(needle, replacement, FindFlags(flags)), expectedCount);
    QCOMPARE(editor.text(), expectedText);
    QCOMPARE(edited.count(), expectedCount > 0 ? 1 : 0);
    if (expectedCount > 0) {
        editor.undo();
        QCOMPARE(editor.text(), text);
        QVERIFY(!editor.isUndoAvailable());
    }
}

void TestCodeEditor::replaceSelection()
{
    CodeEditor editor(CodeEditor::Language::Lua);
    editor.setText(QStringLiteral("one two one two"));
    QSignalSpy edited(&editor, &CodeEditor::userEdited);

    // Nothing selected: the first press only finds.
    QVERIFY(!editor.replaceSelection(QStringLiteral("two"), QStringLiteral("2"), FindFlag::Wrap));
    QCOMPARE(selectionStart(editor), 4L);
    QCOMPARE(selectionEnd(editor), 7L);
    QCOMPARE(edited.count(), 0);

    QVERIFY(editor.replaceSelection(QStringLiteral("two"), QStringLiteral("2"), FindFlag::Wrap));
    QCOMPARE(editor.text(), QStringLiteral("one 2 one two"));
    QCOMPARE(edited.count(), 1);
    // …and moves on to the next match.
    QCOMPARE(selectionStart(editor), 10L);
    QCOMPARE(selectionEnd(editor), 13L);
}

void TestCodeEditor::paletteDrivesColours_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("dark") << true;
    QTest::newRow("light") << false;
}

void TestCodeEditor::paletteDrivesColours()
{
    QFETCH(bool, dark);

    for (CodeEditor::Language language : {CodeEditor::Language::Lua, CodeEditor::Language::Json}) {
        CodeEditor editor(language);
        // Start from the opposite palette, so the change has to be applied.
        editor.setPalette(makePalette(!dark));
        editor.setPalette(makePalette(dark));

        for (int style : {0, int(QsciScintillaBase::STYLE_DEFAULT)}) {
            const QColor paper = styleBack(editor, style);
            const QColor text = styleFore(editor, style);
            if (dark) {
                QVERIFY2(paper.lightness() < 80, qPrintable(paper.name()));
                QVERIFY2(text.lightness() > 170, qPrintable(text.name()));
            } else {
                QVERIFY2(paper.lightness() > 200, qPrintable(paper.name()));
                QVERIFY2(text.lightness() < 90, qPrintable(text.name()));
            }
        }
        // Syntax colours stay readable: keywords and strings contrast with the paper.
        const QColor paper = styleBack(editor, 0);
        const int keywordStyle = language == CodeEditor::Language::Lua ? int(QsciLexerLua::Keyword)
                                                                       : int(QsciLexerJSON::Keyword);
        const int stringStyle = language == CodeEditor::Language::Lua ? int(QsciLexerLua::String)
                                                                      : int(QsciLexerJSON::String);
        for (int style : {keywordStyle, stringStyle}) {
            const QColor fore = styleFore(editor, style);
            QVERIFY2(qAbs(fore.lightness() - paper.lightness()) > 60,
                     qPrintable(fore.name() + u' ' + paper.name()));
        }
    }
}

void TestCodeEditor::applicationPaletteChange()
{
    // A desktop theme switch arrives as an application palette change, which Qt posts.
    const QPalette original = QApplication::palette();
    CodeEditor editor(CodeEditor::Language::Lua);
    QApplication::setPalette(makePalette(true));
    QTRY_VERIFY2(styleBack(editor, 0).lightness() < 80, qPrintable(styleBack(editor, 0).name()));
    QApplication::setPalette(makePalette(false));
    QTRY_VERIFY2(styleBack(editor, 0).lightness() > 200, qPrintable(styleBack(editor, 0).name()));
    QApplication::setPalette(original);
}

void TestCodeEditor::lineNumberMarginWidens()
{
    CodeEditor editor(CodeEditor::Language::Lua);
    editor.setText(numberedLines(5));
    const int small = editor.marginWidth(CodeEditor::LineNumberMargin);
    QVERIFY(small > 0);
    editor.setText(numberedLines(12000));
    const int large = editor.marginWidth(CodeEditor::LineNumberMargin);
    QVERIFY2(large > small, qPrintable(QStringLiteral("%1 vs %2").arg(large).arg(small)));
    editor.setText(numberedLines(5));
    QCOMPARE(editor.marginWidth(CodeEditor::LineNumberMargin), small);
}

QTEST_MAIN(TestCodeEditor)
#include "TestCodeEditor.moc"
