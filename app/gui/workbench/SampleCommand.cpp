// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "SampleCommand.h"

#include <algorithm>

#include "SampleTableModel.h"

namespace Dsn::Workbench {

SampleCommand::SampleCommand(Models::SampleTableModel *model, Kind kind, const QString &text)
    : m_model(model)
    , m_kind(kind)
{
    setText(text);
}

SampleCommand *SampleCommand::append(Models::SampleTableModel *model, const QList<Project::Sample> &samples,
                                     const QString &what)
{
    auto *c = new SampleCommand(model, Kind::Append, what);
    c->m_first = int(model->samples().size());
    c->m_samples = samples;
    return c;
}

SampleCommand *SampleCommand::remove(Models::SampleTableModel *model, QList<int> rows)
{
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    auto *c = new SampleCommand(model, Kind::Remove, tr("Delete %n sample(s)", nullptr, int(rows.size())));
    c->m_rows = rows;
    for (int row : rows)
        c->m_samples.append(model->sample(row));
    return c;
}

SampleCommand *SampleCommand::edit(Models::SampleTableModel *model, const QList<int> &rows,
                                   const QList<Project::Sample> &samples, const QString &what)
{
    auto *c = new SampleCommand(model, Kind::Edit, what);
    c->m_rows = rows;
    c->m_samples = samples;
    for (int row : rows)
        c->m_previous.append(model->sample(row));
    return c;
}

void SampleCommand::redo()
{
    switch (m_kind) {
    case Kind::Append:
        m_model->insertSamples(m_first, m_samples);
        break;
    case Kind::Remove:
        // From the bottom up, so earlier rows keep their numbers.
        for (qsizetype i = m_rows.size() - 1; i >= 0; --i)
            m_model->removeSamples(m_rows.at(i), 1);
        break;
    case Kind::Edit:
        for (qsizetype i = 0; i < m_rows.size(); ++i)
            m_model->setSample(m_rows.at(i), m_samples.at(i));
        break;
    }
}

void SampleCommand::undo()
{
    switch (m_kind) {
    case Kind::Append:
        m_model->removeSamples(m_first, int(m_samples.size()));
        break;
    case Kind::Remove:
        for (qsizetype i = 0; i < m_rows.size(); ++i)
            m_model->insertSamples(m_rows.at(i), {m_samples.at(i)});
        break;
    case Kind::Edit:
        for (qsizetype i = 0; i < m_rows.size(); ++i)
            m_model->setSample(m_rows.at(i), m_previous.at(i));
        break;
    }
}

} // namespace Dsn::Workbench
