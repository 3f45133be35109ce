// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "RuleCommand.h"

#include "RuleTableModel.h"

namespace Dsn::Workbench {

RuleCommand::RuleCommand(Models::RuleTableModel *model, Kind kind, const QString &text)
    : m_model(model)
    , m_kind(kind)
{
    setText(text);
}

RuleCommand *RuleCommand::insert(Models::RuleTableModel *model, int row, const Project::ProjectRule &rule)
{
    auto *c = new RuleCommand(model, Kind::Insert, tr("Add rule"));
    c->m_row = row;
    c->m_rule = rule;
    c->m_focusRow = row;
    return c;
}

RuleCommand *RuleCommand::remove(Models::RuleTableModel *model, int row)
{
    auto *c = new RuleCommand(model, Kind::Remove, tr("Delete rule"));
    c->m_row = row;
    c->m_focusRow = std::min(row, int(model->rules().size()) - 2);
    return c;
}

RuleCommand *RuleCommand::move(Models::RuleTableModel *model, int from, int to)
{
    auto *c = new RuleCommand(model, Kind::Move, tr("Move rule"));
    c->m_row = from;
    c->m_to = to;
    c->m_focusRow = to;
    return c;
}

RuleCommand *RuleCommand::set(Models::RuleTableModel *model, int row, const Project::ProjectRule &rule,
                              const QString &what)
{
    auto *c = new RuleCommand(model, Kind::Set, what);
    c->m_row = row;
    c->m_rule = rule;
    c->m_previous = model->rule(row);
    c->m_focusRow = row;
    return c;
}

RuleCommand *RuleCommand::replaceAll(Models::RuleTableModel *model, const QList<Project::ProjectRule> &rules,
                                     const QString &what)
{
    auto *c = new RuleCommand(model, Kind::Replace, what);
    c->m_after = rules;
    c->m_before = model->rules();
    return c;
}

void RuleCommand::redo()
{
    switch (m_kind) {
    case Kind::Insert:
        m_model->insertRule(m_row, m_rule);
        break;
    case Kind::Remove:
        m_model->removeRule(m_row, &m_previous);
        break;
    case Kind::Move:
        m_model->moveRule(m_row, m_to);
        break;
    case Kind::Set:
        m_model->setRule(m_row, m_rule);
        break;
    case Kind::Replace:
        m_model->setRules(m_after);
        break;
    }
}

void RuleCommand::undo()
{
    switch (m_kind) {
    case Kind::Insert:
        m_model->removeRule(m_row);
        break;
    case Kind::Remove:
        m_model->insertRule(m_row, m_previous);
        break;
    case Kind::Move:
        m_model->moveRule(m_to, m_row);
        break;
    case Kind::Set:
        m_model->setRule(m_row, m_previous);
        break;
    case Kind::Replace:
        m_model->setRules(m_before);
        break;
    }
}

int RuleCommand::id() const
{
    // Successive JSON-view edits merge into one step, like typing in one editor.
    return m_kind == Kind::Replace ? 0x52554c45 : -1;
}

bool RuleCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const RuleCommand *>(other);
    if (next->m_kind != Kind::Replace || m_kind != Kind::Replace || next->text() != text())
        return false;
    m_after = next->m_after;
    return true;
}

} // namespace Dsn::Workbench
