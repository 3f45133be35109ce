// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <Qsci/qsciscintilla.h>

#include <QByteArray>
#include <QFlags>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimer>

#include "common/Diagnostic.h"

class QEvent;

namespace Dsn::Editors {

struct EditorTheme;

/**
 * The source editor of the workbench: the Lua policy and the KumoMTA JSON table.
 *
 * It tells user edits apart from text set by code: `userEdited()` fires for typing, paste,
 * undo/redo and replace, never for setText() or setTextKeepingView(), so a view refreshed from
 * the rules table does not loop back into the table. `editPaused()` is the debounced form the
 * evaluation controller listens to.
 *
 * Lines and columns in this API are 1-based like Dsn::Diagnostic; the inherited QsciScintilla
 * API (annotation(), setCursorPosition() …) stays 0-based.
 */
class CodeEditor final : public QsciScintilla
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CodeEditor)

public:
    enum class Language { Lua, Json };

    enum class FindFlag {
        NoFlags = 0x0,
        CaseSensitive = 0x1,
        WholeWord = 0x2,
        RegularExpression = 0x4,
        Wrap = 0x8,
        /// Search from the start of the selection, so a growing needle keeps extending the
        /// current match (find-as-you-type) instead of jumping past it.
        Incremental = 0x10,
    };
    Q_DECLARE_FLAGS(FindFlags, FindFlag)

    /// Marker numbers in the diagnostics margin; below the fold markers (25–31).
    enum Marker { InfoMarker = 0, WarningMarker = 1, ErrorMarker = 2 };
    enum Margin { LineNumberMargin = 0, DiagnosticMargin = 1, FoldMargin = 2 };

    explicit CodeEditor(Language language, QWidget *parent = nullptr);
    ~CodeEditor() override;

    Language language() const { return m_language; }

    /// Replaces the text without an undo history and without `userEdited()`.
    void setText(const QString &text) override;

    /**
     * Replaces the whole text as one step of the editor's own undo history, so Ctrl+Z in the
     * editor brings the previous text back. Only the changed middle of the document is touched;
     * the cursor line/column and the first visible line are restored as far as the new text
     * allows. Emits neither `userEdited()` nor `editPaused()`. Works on read-only editors.
     */
    void setTextKeepingView(const QString &text);

    /**
     * Shows `diagnostics` as margin markers (the worst severity of each line) and as one boxed
     * annotation per line under it, one message per annotation line. Diagnostics without a line
     * are ignored; lines past the end go on the last line. Replaces what was shown before.
     */
    void setDiagnostics(const QList<Dsn::Diagnostic> &diagnostics);
    void clearDiagnostics();
    /// 1-based lines carrying the marker of `severity`, ascending.
    QList<int> markerLines(Dsn::Diagnostic::Severity severity) const;
    /// The messages shown for 1-based `line` (the margin tooltip), empty when none.
    QString diagnosticToolTip(int line) const;

    /// Moves the cursor to 1-based `line`/`column` (clamped), scrolls it into view, focuses.
    void goTo(int line, int column = 1);

    /**
     * Selects the next (or previous) match of `text` after (before) the selection and scrolls to
     * it. Returns false and leaves the selection alone when there is none.
     */
    bool findText(const QString &text, FindFlags flags, bool forward = true);
    /// Replaces the selection with `replacement` if it is a match of `text`, then finds the next
    /// match. Returns true when something was replaced.
    bool replaceSelection(const QString &text, const QString &replacement, FindFlags flags);
    /// Replaces every match in the document as one undo step; returns how many. With
    /// RegularExpression, `\1`…`\9` in `replacement` insert groups.
    int replaceAll(const QString &text, const QString &replacement, FindFlags flags);

    int pauseInterval() const { return m_pauseTimer.interval(); }
    void setPauseInterval(int milliseconds);

Q_SIGNALS:
    /// The user changed the text (typing, paste, undo/redo in the editor, replace).
    void userEdited();
    /// The user stopped editing for pauseInterval() ms; once per burst of edits.
    void editPaused();

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Match
    {
        long start = -1;
        long end = -1;
        bool found() const { return start >= 0; }
    };

    void setUpEditor();
    void applyTheme();
    void applyLexerColours(const EditorTheme &theme);
    void applyDiagnosticColours(const EditorTheme &theme);
    void updateLineNumberWidth();
    void onModified(int modificationType);
    /// Document position of 0-based `line`/`column` (characters), clamped into the text.
    long positionAt(int line, int column) const;

    Match search(const QByteArray &needle, int scintillaFlags, long from, long to) const;
    Match findFrom(const QByteArray &needle, int scintillaFlags, long from, bool forward, bool wrap) const;
    long replaceTarget(const Match &match, const QByteArray &replacement, bool regex);

    Language m_language;
    QsciLexer *m_lexer = nullptr;
    QTimer m_pauseTimer;
    int m_silentDepth = 0;
    bool m_applyingTheme = false;
    int m_lineNumberDigits = 0;
    QHash<int, QStringList> m_messagesByLine; // 0-based line → messages shown there
};

Q_DECLARE_OPERATORS_FOR_FLAGS(CodeEditor::FindFlags)

} // namespace Dsn::Editors
