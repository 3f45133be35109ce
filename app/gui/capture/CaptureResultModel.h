// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QString>

#include "eval/EvalResult.h"
#include "project/Sample.h"
#include "smtp/TransactionResult.h"

namespace Dsn::Capture {

/**
 * One row per recipient of the last capture: the phase and reply that decided it, and what
 * KumoMTA would make of it under the current rules. The run arrives first (setRun) and its
 * outcomes later (setOutcomes), because evaluation runs off the GUI thread; until then the
 * outcome columns read "evaluating…".
 */
class CaptureResultModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CaptureResultModel)

public:
    enum Column { PhaseColumn, RecipientColumn, ReplyColumn, OutcomeColumn, RecordTypeColumn, RewrittenColumn, ColumnCount };
    enum Role {
        ReplyTextRole = Qt::UserRole + 1, ///< QString: every reply line, "\n"-separated
        OriginalCodeRole,                 ///< int
        FinalCodeRole,                    ///< int, -1 before evaluation
        RecordTypeRole,                   ///< QString as KumoMTA spells it, empty before evaluation
        RewrittenRole,                    ///< bool, invalid before evaluation
        RejectedRole,                     ///< bool: the reply went through the rewrite event
    };

    explicit CaptureResultModel(QObject *parent = nullptr);

    void setRun(const Dsn::Smtp::TransactionResult &run);
    const Dsn::Smtp::TransactionResult &run() const { return m_run; }
    /// One result per recipient, in run order; a list of another length is ignored.
    bool setOutcomes(const QList<Dsn::Eval::EvalResult> &outcomes);
    bool hasOutcomes() const { return !m_outcomes.isEmpty(); }
    const QList<Dsn::Eval::EvalResult> &outcomes() const { return m_outcomes; }
    void clear();

    /// Recipients whose reply was a rejection the rewrite event sees (MAIL/RCPT/DATA/dot).
    int rejectionCount() const;
    /// One sample per distinct rejected reply, queued as KumoMTA names the recipient's queue.
    QList<Dsn::Project::Sample> rejectionSamples(const QString &note) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString replyText(int row) const;
    QVariant displayData(int row, int column) const;

    Dsn::Smtp::TransactionResult m_run;
    QList<Dsn::Eval::EvalResult> m_outcomes; // empty, or parallel to m_run.recipients
};

} // namespace Dsn::Capture
