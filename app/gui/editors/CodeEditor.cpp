// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "CodeEditor.h"

#include <algorithm>
#include <utility>

#include <Qsci/qscilexerjson.h>
#include <Qsci/qscilexerlua.h>
#include <Qsci/qscistyle.h>
#include <Qsci/qscistyledtext.h>

#include <QColor>
#include <QEvent>
#include <QFont>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QHelpEvent>
#include <QList>
#include <QScopedValueRollback>
#include <QToolTip>

#include "EditorTheme.h"

namespace Dsn::Editors {

using Severity = Dsn::Diagnostic::Severity;

namespace {

// Annotation styles sit above every style the Lua and JSON lexers use (0–20) and the predefined
// ones (32–39); QsciStyle's own allocator hands out a small process-wide pool, which many
// editors would exhaust.
constexpr int kAnnotationStyleBase = 64;
constexpr int kFoldMarkerFirst = 25; // SC_MARKNUM_FOLDEREND … SC_MARKNUM_FOLDEROPEN
constexpr int kFoldMarkerLast = 31;
constexpr int kDiagnosticMarkerMask = (1 << CodeEditor::InfoMarker) | (1 << CodeEditor::WarningMarker)
    | (1 << CodeEditor::ErrorMarker);

int markerFor(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return CodeEditor::ErrorMarker;
    case Severity::Warning:
        return CodeEditor::WarningMarker;
    case Severity::Info:
        break;
    }
    return CodeEditor::InfoMarker;
}

int scintillaFlags(CodeEditor::FindFlags flags)
{
    int result = 0;
    if (flags.testFlag(CodeEditor::FindFlag::CaseSensitive))
        result |= QsciScintillaBase::SCFIND_MATCHCASE;
    if (flags.testFlag(CodeEditor::FindFlag::WholeWord))
        result |= QsciScintillaBase::SCFIND_WHOLEWORD;
    // ECMAScript syntax: what analysts know from the rules table, unlike Scintilla's basic regex.
    if (flags.testFlag(CodeEditor::FindFlag::RegularExpression))
        result |= QsciScintillaBase::SCFIND_REGEXP | QsciScintillaBase::SCFIND_CXX11REGEX;
    return result;
}

bool isUtf8Continuation(char byte)
{
    return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

} // namespace

CodeEditor::CodeEditor(Language language, QWidget *parent)
    : QsciScintilla(parent)
    , m_language(language)
{
    m_pauseTimer.setSingleShot(true);
    m_pauseTimer.setInterval(400);
    connect(&m_pauseTimer, &QTimer::timeout, this, &CodeEditor::editPaused);
    connect(this, &CodeEditor::userEdited, &m_pauseTimer, qOverload<>(&QTimer::start));
    connect(this, &QsciScintillaBase::SCN_MODIFIED, this,
            [this](int /*position*/, int modificationType) { onModified(modificationType); });
    connect(this, &QsciScintilla::linesChanged, this, &CodeEditor::updateLineNumberWidth);
    setUpEditor();
}

CodeEditor::~CodeEditor() = default;

void CodeEditor::setUpEditor()
{
    setUtf8(true);
    const QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);

    if (m_language == Language::Lua) {
        auto *lua = new QsciLexerLua(this);
        lua->setFoldCompact(false);
        m_lexer = lua;
    } else {
        auto *json = new QsciLexerJSON(this);
        json->setFoldCompact(false);
        m_lexer = json;
    }
    m_lexer->setDefaultFont(font);
    m_lexer->setFont(font);
    setLexer(m_lexer);

    setTabWidth(m_language == Language::Lua ? 4 : 2);
    setIndentationsUseTabs(false);
    setIndentationWidth(0); // follow the tab width
    setAutoIndent(true);
    setTabIndents(true);
    setBackspaceUnindents(true);
    setBraceMatching(SloppyBraceMatch);
    setCaretLineVisible(true);

    setMarginsFont(font);
    setMarginType(LineNumberMargin, NumberMargin);
    setMarginLineNumbers(LineNumberMargin, true);
    setMarginType(DiagnosticMargin, SymbolMargin);
    setMarginMarkerMask(DiagnosticMargin, kDiagnosticMarkerMask);
    setMarginWidth(DiagnosticMargin, QFontMetrics(font).height());
    setMarginMarkerMask(LineNumberMargin, 0);
    setFolding(BoxedTreeFoldStyle, FoldMargin);

    markerDefine(Circle, ErrorMarker);
    markerDefine(RightTriangle, WarningMarker);
    markerDefine(SmallRectangle, InfoMarker);
    setAnnotationDisplay(AnnotationBoxed);

    // Margin tooltips: help events arrive at the viewport, which also paints the margins.
    viewport()->installEventFilter(this);

    applyTheme();
    updateLineNumberWidth();
}

void CodeEditor::setText(const QString &text)
{
    const QScopedValueRollback<int> silence(m_silentDepth, m_silentDepth + 1);
    QsciScintilla::setText(text);
}

void CodeEditor::setTextKeepingView(const QString &text)
{
    const qsizetype oldLength = SendScintilla(SCI_GETLENGTH);
    QByteArray oldBytes = bytes(0, int(oldLength));
    oldBytes.truncate(oldLength); // bytes() appends a NUL that is not part of the document
    const QByteArray newBytes = text.toUtf8();
    if (newBytes == oldBytes)
        return;

    // Replacing only the changed middle keeps markers, folds and the caret where text is equal.
    const qsizetype shorter = std::min(oldLength, newBytes.size());
    qsizetype prefix = 0;
    while (prefix < shorter && oldBytes.at(prefix) == newBytes.at(prefix))
        ++prefix;
    while (prefix > 0 && prefix < newBytes.size() && isUtf8Continuation(newBytes.at(prefix)))
        --prefix;
    qsizetype suffix = 0;
    while (suffix < shorter - prefix && oldBytes.at(oldLength - 1 - suffix) == newBytes.at(newBytes.size() - 1 - suffix))
        ++suffix;
    while (suffix > 0 && isUtf8Continuation(newBytes.at(newBytes.size() - suffix)))
        --suffix;

    const long caret = SendScintilla(SCI_GETCURRENTPOS);
    const int caretLine = int(SendScintilla(SCI_LINEFROMPOSITION, caret));
    const int caretColumn = int(SendScintilla(SCI_COUNTCHARACTERS, SendScintilla(SCI_POSITIONFROMLINE, caretLine), caret));
    const int firstLine = firstVisibleLine();
    const bool wasReadOnly = isReadOnly();

    {
        const QScopedValueRollback<int> silence(m_silentDepth, m_silentDepth + 1);
        setReadOnly(false);
        beginUndoAction();
        const QByteArray middle = newBytes.mid(prefix, newBytes.size() - prefix - suffix);
        SendScintilla(SCI_SETTARGETRANGE, static_cast<unsigned long>(prefix), long(oldLength - suffix));
        SendScintilla(SCI_REPLACETARGET, static_cast<uintptr_t>(middle.size()), middle.constData());
        endUndoAction();
        setReadOnly(wasReadOnly);
    }

    SendScintilla(SCI_SETEMPTYSELECTION, positionAt(caretLine, caretColumn));
    setFirstVisibleLine(std::clamp(firstLine, 0, std::max(0, lines() - 1)));
}

void CodeEditor::setDiagnostics(const QList<Dsn::Diagnostic> &diagnostics)
{
    clearDiagnostics();
    const int lastLine = std::max(0, lines() - 1);
    QHash<int, QList<const Dsn::Diagnostic *>> byLine;
    QList<int> order;
    for (const Dsn::Diagnostic &d : diagnostics) {
        if (d.line < 1)
            continue;
        // Lua reports errors at <eof> one line past the end; show them on the last line.
        const int line = std::min(d.line - 1, lastLine);
        if (!byLine.contains(line))
            order.append(line);
        byLine[line].append(&d);
    }
    std::sort(order.begin(), order.end());

    for (int line : std::as_const(order)) {
        const QList<const Dsn::Diagnostic *> &here = byLine.value(line);
        Severity worst = Severity::Info;
        QList<QsciStyledText> pieces;
        QStringList messages;
        for (const Dsn::Diagnostic *d : here) {
            worst = std::max(worst, d->severity);
            QString message;
            switch (d->severity) {
            case Severity::Error:
                message = tr("Error: %1").arg(d->message);
                break;
            case Severity::Warning:
                message = tr("Warning: %1").arg(d->message);
                break;
            case Severity::Info:
                message = tr("Note: %1").arg(d->message);
                break;
            }
            messages.append(message);
            if (!pieces.isEmpty())
                message.prepend(u'\n');
            pieces.append(QsciStyledText(message, kAnnotationStyleBase + int(d->severity)));
        }
        markerAdd(line, markerFor(worst));
        annotate(line, pieces);
        m_messagesByLine.insert(line, messages);
    }
}

void CodeEditor::clearDiagnostics()
{
    for (int marker : {InfoMarker, WarningMarker, ErrorMarker})
        markerDeleteAll(marker);
    clearAnnotations(-1);
    m_messagesByLine.clear();
}

QList<int> CodeEditor::markerLines(Severity severity) const
{
    const unsigned mask = 1u << markerFor(severity);
    QList<int> result;
    for (int line = markerFindNext(0, mask); line >= 0; line = markerFindNext(line + 1, mask))
        result.append(line + 1);
    return result;
}

QString CodeEditor::diagnosticToolTip(int line) const
{
    return m_messagesByLine.value(line - 1).join(u'\n');
}

long CodeEditor::positionAt(int line, int column) const
{
    const int target = std::clamp(line, 0, std::max(0, lines() - 1));
    const long lineStart = SendScintilla(SCI_POSITIONFROMLINE, target);
    const long lineEnd = SendScintilla(SCI_GETLINEENDPOSITION, target);
    // Columns count characters, not UTF-8 bytes; past the end of the line means its end.
    long position = column > 0 ? SendScintilla(SCI_POSITIONRELATIVE, lineStart, long(column)) : lineStart;
    if (position < lineStart || position > lineEnd)
        position = lineEnd;
    return position;
}

void CodeEditor::goTo(int line, int column)
{
    const long position = positionAt(line - 1, column - 1);
    ensureLineVisible(int(SendScintilla(SCI_LINEFROMPOSITION, position)));
    SendScintilla(SCI_GOTOPOS, position);
    setFocus(Qt::OtherFocusReason);
}

CodeEditor::Match CodeEditor::search(const QByteArray &needle, int flags, long from, long to) const
{
    SendScintilla(SCI_SETSEARCHFLAGS, flags);
    SendScintilla(SCI_SETTARGETRANGE, static_cast<unsigned long>(from), to);
    const long start = SendScintilla(SCI_SEARCHINTARGET, static_cast<uintptr_t>(needle.size()), needle.constData());
    if (start < 0)
        return {};
    return {start, SendScintilla(SCI_GETTARGETEND)};
}

CodeEditor::Match CodeEditor::findFrom(const QByteArray &needle, int flags, long from, bool forward, bool wrap) const
{
    const long length = SendScintilla(SCI_GETLENGTH);
    Match match = forward ? search(needle, flags, from, length) : search(needle, flags, from, 0);
    if (!match.found() && wrap)
        match = forward ? search(needle, flags, 0, length) : search(needle, flags, length, 0);
    return match;
}

bool CodeEditor::findText(const QString &text, FindFlags flags, bool forward)
{
    if (text.isEmpty())
        return false;
    const QByteArray needle = text.toUtf8();
    const int sciFlags = scintillaFlags(flags);
    const bool wrap = flags.testFlag(FindFlag::Wrap);
    const long selectionStart = SendScintilla(SCI_GETSELECTIONSTART);
    const long selectionEnd = SendScintilla(SCI_GETSELECTIONEND);
    const bool incremental = flags.testFlag(FindFlag::Incremental);
    const long from = incremental || !forward ? selectionStart : selectionEnd;

    Match match = findFrom(needle, sciFlags, from, forward || incremental, wrap);
    // An empty regex match at the caret would be found again and again; step over it.
    if (match.found() && match.start == match.end && match.start == selectionStart && selectionStart == selectionEnd
        && !incremental) {
        const long next = SendScintilla(forward ? SCI_POSITIONAFTER : SCI_POSITIONBEFORE, from);
        match = next == from ? Match{} : findFrom(needle, sciFlags, next, forward, wrap);
    }
    if (!match.found())
        return false;

    ensureLineVisible(int(SendScintilla(SCI_LINEFROMPOSITION, match.start)));
    SendScintilla(SCI_SETSEL, static_cast<unsigned long>(match.start), match.end);
    return true;
}

long CodeEditor::replaceTarget(const Match &match, const QByteArray &replacement, bool regex)
{
    SendScintilla(SCI_SETTARGETRANGE, static_cast<unsigned long>(match.start), match.end);
    SendScintilla(regex ? SCI_REPLACETARGETRE : SCI_REPLACETARGET, static_cast<uintptr_t>(replacement.size()),
                  replacement.constData());
    return SendScintilla(SCI_GETTARGETEND);
}

bool CodeEditor::replaceSelection(const QString &text, const QString &replacement, FindFlags flags)
{
    if (text.isEmpty() || isReadOnly())
        return false;
    const long selectionStart = SendScintilla(SCI_GETSELECTIONSTART);
    const long selectionEnd = SendScintilla(SCI_GETSELECTIONEND);
    const Match match = search(text.toUtf8(), scintillaFlags(flags), selectionStart, selectionEnd);
    if (!match.found() || match.start != selectionStart || match.end != selectionEnd) {
        // Nothing (or something else) selected: the first press only finds, like most editors.
        findText(text, flags, true);
        return false;
    }
    long end = 0;
    {
        const QScopedValueRollback<int> silence(m_silentDepth, m_silentDepth + 1);
        beginUndoAction();
        end = replaceTarget(match, replacement.toUtf8(), flags.testFlag(FindFlag::RegularExpression));
        endUndoAction();
    }
    Q_EMIT userEdited();
    SendScintilla(SCI_SETEMPTYSELECTION, end);
    findText(text, flags & ~FindFlags(FindFlag::Incremental), true);
    return true;
}

int CodeEditor::replaceAll(const QString &text, const QString &replacement, FindFlags flags)
{
    if (text.isEmpty() || isReadOnly())
        return 0;
    const QByteArray needle = text.toUtf8();
    const QByteArray replacementBytes = replacement.toUtf8();
    const int sciFlags = scintillaFlags(flags);
    const bool regex = flags.testFlag(FindFlag::RegularExpression);

    int count = 0;
    {
        const QScopedValueRollback<int> silence(m_silentDepth, m_silentDepth + 1);
        beginUndoAction();
        long from = 0;
        while (from <= SendScintilla(SCI_GETLENGTH)) {
            const Match match = search(needle, sciFlags, from, SendScintilla(SCI_GETLENGTH));
            if (!match.found())
                break;
            long end = replaceTarget(match, replacementBytes, regex);
            ++count;
            if (match.start == match.end) {
                // An empty match (`^`, `x*`) must not be matched again at the same place.
                if (end >= SendScintilla(SCI_GETLENGTH))
                    break;
                end = SendScintilla(SCI_POSITIONAFTER, end);
            }
            from = end;
        }
        endUndoAction();
    }
    if (count > 0)
        Q_EMIT userEdited();
    return count;
}

void CodeEditor::setPauseInterval(int milliseconds)
{
    m_pauseTimer.setInterval(std::max(0, milliseconds));
}

void CodeEditor::onModified(int modificationType)
{
    if (m_silentDepth > 0)
        return;
    if (modificationType & (SC_MOD_INSERTTEXT | SC_MOD_DELETETEXT))
        Q_EMIT userEdited();
}

void CodeEditor::updateLineNumberWidth()
{
    int digits = 2;
    for (int n = lines(); n >= 100; n /= 10)
        ++digits;
    if (digits == m_lineNumberDigits)
        return;
    m_lineNumberDigits = digits;
    // One digit of padding so the numbers do not touch the marker margin.
    setMarginWidth(LineNumberMargin, QString(digits + 1, u'9'));
}

void CodeEditor::changeEvent(QEvent *event)
{
    QsciScintilla::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        applyTheme();
}

bool CodeEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == viewport() && event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        long marginsWidth = 0;
        for (int margin : {LineNumberMargin, DiagnosticMargin, FoldMargin})
            marginsWidth += SendScintilla(SCI_GETMARGINWIDTHN, margin);
        if (help->pos().x() < marginsWidth) {
            const long position = SendScintilla(SCI_POSITIONFROMPOINT, static_cast<unsigned long>(help->pos().x()),
                                                long(help->pos().y()));
            const QString tip = diagnosticToolTip(int(SendScintilla(SCI_LINEFROMPOSITION, position)) + 1);
            if (tip.isEmpty())
                QToolTip::hideText();
            else
                QToolTip::showText(help->globalPos(), tip, viewport());
            return true;
        }
    }
    return QsciScintilla::eventFilter(watched, event);
}

void CodeEditor::applyTheme()
{
    // Some of the calls below may touch the widget palette and send PaletteChange again.
    if (m_applyingTheme)
        return;
    const QScopedValueRollback<bool> guard(m_applyingTheme, true);
    const EditorTheme theme = EditorTheme::fromPalette(palette());

    applyLexerColours(theme);
    SendScintilla(SCI_STYLESETBACK, static_cast<unsigned long>(STYLE_DEFAULT), theme.paper);
    SendScintilla(SCI_STYLESETFORE, static_cast<unsigned long>(STYLE_DEFAULT), theme.text);
    setMarginsBackgroundColor(theme.marginPaper);
    setMarginsForegroundColor(theme.marginText);
    setFoldMarginColors(theme.marginPaper, theme.marginPaper);
    for (int marker = kFoldMarkerFirst; marker <= kFoldMarkerLast; ++marker) {
        setMarkerForegroundColor(theme.marginPaper, marker);
        setMarkerBackgroundColor(theme.marginText, marker);
    }
    setCaretLineBackgroundColor(theme.caretLine);
    setCaretForegroundColor(theme.caret);
    setSelectionBackgroundColor(theme.selection);
    setSelectionForegroundColor(theme.text);
    setMatchedBraceBackgroundColor(theme.braceMatch);
    setMatchedBraceForegroundColor(theme.text);
    setUnmatchedBraceBackgroundColor(theme.braceMismatch);
    setUnmatchedBraceForegroundColor(theme.text);
    applyDiagnosticColours(theme);
}

void CodeEditor::applyLexerColours(const EditorTheme &theme)
{
    m_lexer->setDefaultPaper(theme.paper);
    m_lexer->setDefaultColor(theme.text);
    m_lexer->setPaper(theme.paper, -1);
    m_lexer->setColor(theme.text, -1);

    QList<std::pair<int, QColor>> colours;
    int unclosedString = -1;
    if (m_language == Language::Lua) {
        unclosedString = QsciLexerLua::UnclosedString;
        colours = {
            {QsciLexerLua::Comment, theme.comment},
            {QsciLexerLua::LineComment, theme.comment},
            {QsciLexerLua::Number, theme.number},
            {QsciLexerLua::Keyword, theme.keyword},
            {QsciLexerLua::String, theme.string},
            {QsciLexerLua::Character, theme.string},
            {QsciLexerLua::LiteralString, theme.string},
            {QsciLexerLua::Preprocessor, theme.builtin},
            {QsciLexerLua::Operator, theme.operatorColor},
            {QsciLexerLua::UnclosedString, theme.errorText},
            {QsciLexerLua::BasicFunctions, theme.builtin},
            {QsciLexerLua::StringTableMathsFunctions, theme.builtin},
            {QsciLexerLua::CoroutinesIOSystemFacilities, theme.builtin},
            {QsciLexerLua::KeywordSet5, theme.keyword},
            {QsciLexerLua::KeywordSet6, theme.keyword},
            {QsciLexerLua::KeywordSet7, theme.keyword},
            {QsciLexerLua::KeywordSet8, theme.keyword},
            {QsciLexerLua::Label, theme.builtin},
        };
    } else {
        unclosedString = QsciLexerJSON::UnclosedString;
        colours = {
            {QsciLexerJSON::Number, theme.number},
            {QsciLexerJSON::String, theme.string},
            {QsciLexerJSON::UnclosedString, theme.errorText},
            {QsciLexerJSON::Property, theme.property},
            {QsciLexerJSON::EscapeSequence, theme.builtin},
            {QsciLexerJSON::CommentLine, theme.comment},
            {QsciLexerJSON::CommentBlock, theme.comment},
            {QsciLexerJSON::Operator, theme.operatorColor},
            {QsciLexerJSON::IRI, theme.string},
            {QsciLexerJSON::IRICompact, theme.string},
            {QsciLexerJSON::Keyword, theme.keyword},
            {QsciLexerJSON::KeywordLD, theme.keyword},
            {QsciLexerJSON::Error, theme.errorText},
        };
        m_lexer->setPaper(theme.errorPaper, QsciLexerJSON::Error);
    }
    for (const auto &[style, colour] : std::as_const(colours))
        m_lexer->setColor(colour, style);
    m_lexer->setPaper(theme.errorPaper, unclosedString);
}

void CodeEditor::applyDiagnosticColours(const EditorTheme &theme)
{
    setMarkerBackgroundColor(theme.errorMarker, ErrorMarker);
    setMarkerForegroundColor(theme.errorMarker, ErrorMarker);
    setMarkerBackgroundColor(theme.warningMarker, WarningMarker);
    setMarkerForegroundColor(theme.warningMarker, WarningMarker);
    setMarkerBackgroundColor(theme.infoMarker, InfoMarker);
    setMarkerForegroundColor(theme.infoMarker, InfoMarker);

    const QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const std::pair<QColor, QColor> styles[] = {
        {theme.infoAnnotation, theme.infoAnnotationPaper},
        {theme.warningAnnotation, theme.warningAnnotationPaper},
        {theme.errorAnnotation, theme.errorAnnotationPaper},
    };
    for (int i = 0; i < 3; ++i) {
        const QsciStyle style(kAnnotationStyleBase + i, QString(), styles[i].first, styles[i].second, font);
        style.apply(this);
    }
}

} // namespace Dsn::Editors
