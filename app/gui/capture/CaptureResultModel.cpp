// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "CaptureResultModel.h"

#include <algorithm>

#include "common/QueueName.h"
#include "common/RecordType.h"
#include "common/SmtpPhase.h"

namespace Dsn::Capture {

CaptureResultModel::CaptureResultModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void CaptureResultModel::setRun(const Smtp::TransactionResult &run)
{
    beginResetModel();
    m_run = run;
    m_outcomes.clear();
    endResetModel();
}

bool CaptureResultModel::setOutcomes(const QList<Eval::EvalResult> &outcomes)
{
    if (outcomes.size() != m_run.recipients.size())
        return false;
    m_outcomes = outcomes;
    if (!m_outcomes.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    return true;
}

void CaptureResultModel::clear()
{
    setRun({});
}

int CaptureResultModel::rejectionCount() const
{
    return int(std::count_if(m_run.recipients.cbegin(), m_run.recipients.cend(),
                             [](const Smtp::RecipientResult &r) { return r.eventEligible; }));
}

QList<Project::Sample> CaptureResultModel::rejectionSamples(const QString &note) const
{
    QList<Project::Sample> samples;
    for (int row = 0; row < m_run.recipients.size(); ++row) {
        const Smtp::RecipientResult &r = m_run.recipients.at(row);
        if (!r.eventEligible)
            continue;
        Project::Sample s;
        s.response = replyText(row);
        s.phase = r.phase;
        s.queue = QueueName::fromRecipient(r.recipient).toString();
        s.note = note;
        // A rejected MAIL FROM answers for every recipient of the domain: keep it once.
        if (!samples.contains(s))
            samples.append(s);
    }
    return samples;
}

int CaptureResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_run.recipients.size());
}

int CaptureResultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CaptureResultModel::replyText(int row) const
{
    const Smtp::RecipientResult &r = m_run.recipients.at(row);
    if (!r.replyLines.isEmpty())
        return r.replyLines.join(QLatin1Char('\n'));
    // Synthesised responses were never on the wire, so they have no lines of their own.
    return r.reply.toSingleLine(CompatProfile::V2026_06);
}

QVariant CaptureResultModel::displayData(int row, int column) const
{
    const Smtp::RecipientResult &r = m_run.recipients.at(row);
    const Eval::EvalResult *outcome = m_outcomes.isEmpty() ? nullptr : &m_outcomes.at(row);
    switch (column) {
    case PhaseColumn:
        return smtpPhaseName(r.phase);
    case RecipientColumn:
        return r.recipient;
    case ReplyColumn:
        return replyText(row).replace(QLatin1Char('\n'), QStringLiteral(" ⏎ "));
    case OutcomeColumn:
        if (!outcome)
            return tr("evaluating…");
        return outcome->rewritten ? QStringLiteral("%1 → %2").arg(outcome->originalCode).arg(outcome->response.code)
                                  : QString::number(outcome->response.code);
    case RecordTypeColumn:
        return outcome ? recordTypeName(outcome->recordType) : QString();
    case RewrittenColumn:
        if (!outcome)
            return QString();
        return outcome->rewritten ? tr("yes") : tr("no");
    default:
        return {};
    }
}

QVariant CaptureResultModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const Smtp::RecipientResult &r = m_run.recipients.at(row);
    const Eval::EvalResult *outcome = m_outcomes.isEmpty() ? nullptr : &m_outcomes.at(row);
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == ReplyColumn)
            return replyText(row);
        if (outcome && index.column() >= OutcomeColumn)
            return outcome->explanation;
        return {};
    case ReplyTextRole:
        return replyText(row);
    case OriginalCodeRole:
        return r.reply.code;
    case FinalCodeRole:
        return outcome ? outcome->response.code : -1;
    case RecordTypeRole:
        return outcome ? recordTypeName(outcome->recordType) : QString();
    case RewrittenRole:
        return outcome ? QVariant(outcome->rewritten) : QVariant();
    case RejectedRole:
        return r.eventEligible;
    default:
        return {};
    }
}

QVariant CaptureResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (section) {
    case PhaseColumn:
        return tr("Phase");
    case RecipientColumn:
        return tr("Recipient");
    case ReplyColumn:
        return tr("Reply");
    case OutcomeColumn:
        return tr("Code");
    case RecordTypeColumn:
        return tr("Record");
    case RewrittenColumn:
        return tr("Rewritten");
    default:
        return {};
    }
}

} // namespace Dsn::Capture
