// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "FindReplaceBar.h"

#include <QColor>
#include <QEvent>
#include <QFont>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QSignalBlocker>
#include <QStyle>
#include <QToolButton>

#include "EditorTheme.h"

namespace Dsn::Editors {

using FindFlag = CodeEditor::FindFlag;
using FindFlags = CodeEditor::FindFlags;

FindReplaceBar::FindReplaceBar(QWidget *parent)
    : QWidget(parent)
{
    m_findEdit = new QLineEdit(this);
    m_findEdit->setObjectName(QStringLiteral("findEdit"));
    m_findEdit->setPlaceholderText(tr("Find"));
    m_findEdit->setClearButtonEnabled(true);
    m_findEdit->setAccessibleName(tr("Find"));
    m_findEdit->installEventFilter(this);

    m_previousButton = makeButton(QString(), withShortcut(tr("Previous match"), QKeySequence::FindPrevious));
    m_previousButton->setObjectName(QStringLiteral("previousButton"));
    m_previousButton->setArrowType(Qt::UpArrow);
    m_nextButton = makeButton(QString(), withShortcut(tr("Next match"), QKeySequence::FindNext));
    m_nextButton->setObjectName(QStringLiteral("nextButton"));
    m_nextButton->setArrowType(Qt::DownArrow);

    m_caseButton = makeButton(tr("Aa"), tr("Match case"), true);
    m_caseButton->setObjectName(QStringLiteral("caseButton"));
    // Underlined "ab" is the usual whole-word glyph (VS Code, Kate).
    m_wordButton = makeButton(tr("ab"), tr("Whole words only"), true);
    m_wordButton->setObjectName(QStringLiteral("wordButton"));
    QFont underlined = m_wordButton->font();
    underlined.setUnderline(true);
    m_wordButton->setFont(underlined);
    m_regexButton = makeButton(tr(".*"), tr("Regular expression"), true);
    m_regexButton->setObjectName(QStringLiteral("regexButton"));

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setMinimumWidth(m_statusLabel->fontMetrics().horizontalAdvance(tr("No match")) + 8);

    m_closeButton = makeButton(QString(), withShortcut(tr("Close"), QKeySequence(Qt::Key_Escape)));
    m_closeButton->setObjectName(QStringLiteral("closeButton"));
    m_closeButton->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));

    m_replaceEdit = new QLineEdit(this);
    m_replaceEdit->setObjectName(QStringLiteral("replaceEdit"));
    m_replaceEdit->setPlaceholderText(tr("Replace"));
    m_replaceEdit->setAccessibleName(tr("Replace with"));
    m_replaceEdit->installEventFilter(this);
    m_replaceButton = makeButton(tr("Replace"), withShortcut(tr("Replace this match and find the next one"),
                                                             QKeySequence(Qt::Key_Return)));
    m_replaceButton->setObjectName(QStringLiteral("replaceButton"));
    m_replaceAllButton = makeButton(tr("Replace all"), tr("Replace every match in the document as one undo step"));
    m_replaceAllButton->setObjectName(QStringLiteral("replaceAllButton"));

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setHorizontalSpacing(2);
    layout->setVerticalSpacing(2);
    layout->addWidget(m_findEdit, 0, 0);
    layout->addWidget(m_previousButton, 0, 1);
    layout->addWidget(m_nextButton, 0, 2);
    layout->addWidget(m_caseButton, 0, 3);
    layout->addWidget(m_wordButton, 0, 4);
    layout->addWidget(m_regexButton, 0, 5);
    layout->addWidget(m_statusLabel, 0, 6);
    layout->addWidget(m_closeButton, 0, 7);
    layout->addWidget(m_replaceEdit, 1, 0);
    layout->addWidget(m_replaceButton, 1, 1, 1, 3);
    layout->addWidget(m_replaceAllButton, 1, 4, 1, 3);
    layout->setColumnStretch(0, 1);

    connect(m_findEdit, &QLineEdit::textEdited, this, [this] { find(true, FindFlag::Incremental); });
    connect(m_previousButton, &QToolButton::clicked, this, &FindReplaceBar::findPrevious);
    connect(m_nextButton, &QToolButton::clicked, this, &FindReplaceBar::findNext);
    for (QToolButton *toggle : {m_caseButton, m_wordButton, m_regexButton})
        connect(toggle, &QToolButton::toggled, this, [this] { find(true, FindFlag::Incremental); });
    connect(m_replaceButton, &QToolButton::clicked, this, &FindReplaceBar::replaceCurrent);
    connect(m_replaceAllButton, &QToolButton::clicked, this, &FindReplaceBar::replaceAll);
    connect(m_closeButton, &QToolButton::clicked, this, &FindReplaceBar::closeBar);

    setFocusProxy(m_findEdit);
    showBar(false);
    hide();
}

FindReplaceBar::~FindReplaceBar() = default;

QToolButton *FindReplaceBar::makeButton(const QString &text, const QString &toolTip, bool checkable)
{
    auto *button = new QToolButton(this);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setAccessibleName(toolTip);
    button->setCheckable(checkable);
    button->setAutoRaise(true);
    button->setFocusPolicy(Qt::TabFocus);
    return button;
}

QString FindReplaceBar::withShortcut(const QString &text, const QKeySequence &shortcut)
{
    if (shortcut.isEmpty())
        return text;
    return tr("%1 (%2)").arg(text, shortcut.toString(QKeySequence::NativeText));
}

void FindReplaceBar::setEditor(CodeEditor *editor)
{
    m_editor = editor;
    setNoMatch(false);
}

QString FindReplaceBar::findText() const
{
    return m_findEdit->text();
}

void FindReplaceBar::setFindText(const QString &text)
{
    m_findEdit->setText(text);
}

QString FindReplaceBar::replaceText() const
{
    return m_replaceEdit->text();
}

void FindReplaceBar::setReplaceText(const QString &text)
{
    m_replaceEdit->setText(text);
}

FindFlags FindReplaceBar::findFlags() const
{
    FindFlags flags = FindFlag::Wrap;
    if (m_caseButton->isChecked())
        flags |= FindFlag::CaseSensitive;
    if (m_wordButton->isChecked())
        flags |= FindFlag::WholeWord;
    if (m_regexButton->isChecked())
        flags |= FindFlag::RegularExpression;
    return flags;
}

void FindReplaceBar::setFindFlags(FindFlags flags)
{
    const QSignalBlocker blockCase(m_caseButton);
    const QSignalBlocker blockWord(m_wordButton);
    const QSignalBlocker blockRegex(m_regexButton);
    m_caseButton->setChecked(flags.testFlag(FindFlag::CaseSensitive));
    m_wordButton->setChecked(flags.testFlag(FindFlag::WholeWord));
    m_regexButton->setChecked(flags.testFlag(FindFlag::RegularExpression));
}

bool FindReplaceBar::isReplaceVisible() const
{
    return !m_replaceEdit->isHidden();
}

QString FindReplaceBar::statusText() const
{
    return m_statusLabel->text();
}

void FindReplaceBar::showFind()
{
    showBar(false);
}

void FindReplaceBar::showReplace()
{
    showBar(true);
}

void FindReplaceBar::showBar(bool withReplace)
{
    for (QWidget *w : {static_cast<QWidget *>(m_replaceEdit), static_cast<QWidget *>(m_replaceButton),
                       static_cast<QWidget *>(m_replaceAllButton)})
        w->setVisible(withReplace);
    if (m_editor && m_editor->hasSelectedText()) {
        const QString selected = m_editor->selectedText();
        // A multi-line selection is rarely the needle; keep the previous one then.
        if (!selected.contains(u'\n') && !selected.contains(u'\r'))
            m_findEdit->setText(selected);
    }
    m_statusLabel->clear();
    setNoMatch(false);
    show();
    m_findEdit->setFocus(Qt::ShortcutFocusReason);
    m_findEdit->selectAll();
}

bool FindReplaceBar::findNext()
{
    return find(true);
}

bool FindReplaceBar::findPrevious()
{
    return find(false);
}

bool FindReplaceBar::find(bool forward, FindFlags extra)
{
    if (!m_editor)
        return false;
    m_statusLabel->clear();
    if (findText().isEmpty()) {
        setNoMatch(false);
        return false;
    }
    const bool found = m_editor->findText(findText(), findFlags() | extra, forward);
    setNoMatch(!found);
    return found;
}

bool FindReplaceBar::replaceCurrent()
{
    if (!m_editor || findText().isEmpty())
        return false;
    const bool replaced = m_editor->replaceSelection(findText(), replaceText(), findFlags());
    // replaceSelection() moves on to the next match; an empty selection means there is none.
    setNoMatch(!replaced && !m_editor->hasSelectedText());
    return replaced;
}

int FindReplaceBar::replaceAll()
{
    if (!m_editor || findText().isEmpty())
        return 0;
    const int count = m_editor->replaceAll(findText(), replaceText(), findFlags());
    setNoMatch(count == 0);
    if (count > 0)
        m_statusLabel->setText(tr("%n replaced", nullptr, count));
    return count;
}

void FindReplaceBar::closeBar()
{
    hide();
    setNoMatch(false);
    if (m_editor)
        m_editor->setFocus(Qt::OtherFocusReason);
    Q_EMIT closed();
}

void FindReplaceBar::setNoMatch(bool noMatch)
{
    m_noMatch = noMatch;
    if (noMatch)
        m_statusLabel->setText(tr("No match"));
    else if (m_statusLabel->text() == tr("No match"))
        m_statusLabel->clear();
    updateFindFieldColour();
}

void FindReplaceBar::updateFindFieldColour()
{
    if (!m_noMatch) {
        // An empty palette inherits everything again, including later theme switches.
        m_findEdit->setPalette(QPalette());
        return;
    }
    QPalette tinted = palette();
    const bool dark = EditorTheme::isDark(tinted);
    const QColor base = tinted.color(QPalette::Base);
    tinted.setColor(QPalette::Base, EditorTheme::blend(base, dark ? QColor(0xc6, 0x28, 0x28) : QColor(0xff, 0x52, 0x52),
                                                       dark ? 0.45 : 0.3));
    m_findEdit->setPalette(tinted);
}

bool FindReplaceBar::eventFilter(QObject *watched, QEvent *event)
{
    if ((watched == m_findEdit || watched == m_replaceEdit) && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape) {
            closeBar();
            return true;
        }
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (watched == m_replaceEdit)
                replaceCurrent();
            else if (key->modifiers().testFlag(Qt::ShiftModifier))
                findPrevious();
            else
                findNext();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FindReplaceBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        closeBar();
        return;
    }
    QWidget::keyPressEvent(event);
}

void FindReplaceBar::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_noMatch)
        updateFindFieldColour();
}

} // namespace Dsn::Editors
