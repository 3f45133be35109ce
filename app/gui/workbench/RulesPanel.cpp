// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "RulesPanel.h"

#include <QAction>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QTableView>
#include <QToolBar>
#include <QToolTip>
#include <QUndoStack>
#include <QVBoxLayout>

#include "RuleCommand.h"
#include "RuleTableModel.h"

namespace Dsn::Workbench {

using Models::RuleTableModel;

RulesPanel::RulesPanel(RuleTableModel *model, QUndoStack *undoStack, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_undo(undoStack)
    , m_view(new QTableView(this))
    , m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("rulesPanel"));
    auto *toolbar = new QToolBar(this);
    toolbar->setIconSize(QSize(16, 16));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    auto makeAction = [this, toolbar](const QString &icon, const QString &text, const QKeySequence &key,
                                      const QString &tip, auto slot) {
        auto *a = new QAction(QIcon::fromTheme(icon), text, this);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        a->setToolTip(QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        connect(a, &QAction::triggered, this, slot);
        toolbar->addAction(a);
        addAction(a);
        return a;
    };
    m_add = makeAction(QStringLiteral("list-add"), tr("Add"), QKeySequence(Qt::CTRL | Qt::Key_Return),
                       tr("Add a rule below the current one"), &RulesPanel::addRule);
    m_duplicate = makeAction(QStringLiteral("edit-copy"), tr("Duplicate"), QKeySequence(Qt::CTRL | Qt::Key_D),
                             tr("Duplicate the current rule"), &RulesPanel::duplicateRule);
    m_delete = makeAction(QStringLiteral("list-remove"), tr("Delete"), QKeySequence(Qt::CTRL | Qt::Key_Delete),
                          tr("Delete the current rule"), &RulesPanel::deleteRule);
    m_moveUp = makeAction(QStringLiteral("go-up"), tr("Up"), QKeySequence(Qt::ALT | Qt::Key_Up),
                          tr("Move the rule up: KumoMTA tries rules in table order"), [this] { moveRule(-1); });
    m_moveDown = makeAction(QStringLiteral("go-down"), tr("Down"), QKeySequence(Qt::ALT | Qt::Key_Down),
                            tr("Move the rule down"), [this] { moveRule(+1); });

    m_view->setObjectName(QStringLiteral("rulesView"));
    m_view->setModel(model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    QHeaderView *h = m_view->horizontalHeader();
    h->setSectionResizeMode(QHeaderView::Interactive);
    h->setStretchLastSection(true);
    h->resizeSection(RuleTableModel::EnabledColumn, 64);
    h->resizeSection(RuleTableModel::PatternColumn, 230);
    h->resizeSection(RuleTableModel::CodeColumn, 56);
    h->resizeSection(RuleTableModel::NoteColumn, 130);
    h->resizeSection(RuleTableModel::MatchesColumn, 64);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(toolbar);
    layout->addWidget(m_view, 1);
    m_summary->setContentsMargins(4, 0, 4, 2);
    layout->addWidget(m_summary);

    // Cell edits and check boxes become undo commands instead of silent model changes.
    model->setEditHandler([this](int row, const Project::ProjectRule &rule, int column) {
        QString what;
        switch (column) {
        case RuleTableModel::EnabledColumn:
            what = rule.enabled ? tr("Enable rule") : tr("Disable rule");
            break;
        case RuleTableModel::PatternColumn:
            what = tr("Edit pattern");
            break;
        case RuleTableModel::CodeColumn:
            what = tr("Edit code");
            break;
        default:
            what = tr("Edit note");
            break;
        }
        m_undo->push(RuleCommand::set(m_model, row, rule, what));
        return true;
    });

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &RulesPanel::updateActions);
    connect(model, &QAbstractItemModel::rowsInserted, this, &RulesPanel::updateActions);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &RulesPanel::updateActions);
    connect(model, &QAbstractItemModel::modelReset, this, &RulesPanel::updateActions);
    connect(model, &RuleTableModel::diagnosticsChanged, this, &RulesPanel::updateSummary);
    connect(model, &RuleTableModel::rulesChanged, this, &RulesPanel::updateSummary);
    updateActions();
    updateSummary();
}

int RulesPanel::currentRow() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void RulesPanel::selectRow(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    const int column = std::max(m_view->currentIndex().column(), int(RuleTableModel::PatternColumn));
    const QModelIndex index = m_model->index(row, column);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void RulesPanel::showRule(int row, int position)
{
    selectRow(row);
    m_view->setFocus();
    if (position < 0)
        return;
    const QString pattern = m_model->rule(row).pattern;
    const QRect cell = m_view->visualRect(m_model->index(row, RuleTableModel::PatternColumn));
    QToolTip::showText(m_view->viewport()->mapToGlobal(cell.bottomLeft()),
                       tr("Position %1: …%2").arg(position).arg(pattern.mid(position, 24).toHtmlEscaped()),
                       m_view);
}

void RulesPanel::addRule()
{
    const int row = currentRow() < 0 ? m_model->rowCount() : currentRow() + 1;
    Project::ProjectRule rule;
    rule.code = 500;
    m_undo->push(RuleCommand::insert(m_model, row, rule));
    selectRow(row);
    m_view->edit(m_model->index(row, RuleTableModel::PatternColumn));
}

void RulesPanel::deleteRule()
{
    const int row = currentRow();
    if (row < 0)
        return;
    m_undo->push(RuleCommand::remove(m_model, row));
    selectRow(std::min(row, m_model->rowCount() - 1));
}

void RulesPanel::duplicateRule()
{
    const int row = currentRow();
    if (row < 0)
        return;
    Project::ProjectRule copy = m_model->rule(row);
    auto *command = RuleCommand::insert(m_model, row + 1, copy);
    command->setText(tr("Duplicate rule"));
    m_undo->push(command);
    selectRow(row + 1);
}

void RulesPanel::moveRule(int delta)
{
    const int row = currentRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_model->rowCount())
        return;
    m_undo->push(RuleCommand::move(m_model, row, to));
    selectRow(to);
}

void RulesPanel::updateActions()
{
    const int row = currentRow();
    const int count = m_model->rowCount();
    m_delete->setEnabled(row >= 0);
    m_duplicate->setEnabled(row >= 0);
    m_moveUp->setEnabled(row > 0);
    m_moveDown->setEnabled(row >= 0 && row + 1 < count);
}

void RulesPanel::updateSummary()
{
    int errors = 0;
    int warnings = 0;
    for (const Diagnostic &d : m_model->allDiagnostics()) {
        if (d.severity == Diagnostic::Severity::Error)
            ++errors;
        else if (d.severity == Diagnostic::Severity::Warning)
            ++warnings;
    }
    const int enabled = int(m_model->kumoTable().size());
    m_summary->setText(tr("%n rule(s), %1 in the KumoMTA table", nullptr, m_model->rowCount()).arg(enabled)
                       + QStringLiteral(" · ") + tr("%n error(s)", nullptr, errors) + QStringLiteral(" · ")
                       + tr("%n warning(s)", nullptr, warnings));
}

} // namespace Dsn::Workbench
