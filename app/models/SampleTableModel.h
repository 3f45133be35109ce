// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <deque>
#include <functional>
#include <optional>

#include <QAbstractTableModel>
#include <QList>
#include <QTimer>

#include "eval/EvalResult.h"
#include "project/Sample.h"

namespace Dsn::Models {

/**
 * The samples with the latest evaluation of each. Results arrive stamped with a generation:
 * results of a generation older than the newest seen are dropped, and accepted results are
 * applied in chunks on a timer (Wireshark's tap model), each chunk one dataChanged, never a
 * reset. Until its new result lands, a row keeps showing the previous one, marked stale.
 */
class SampleTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SampleTableModel)

public:
    /// The outcome comes first: it is what the analyst scans, next to the reply that produced it.
    enum Column {
        RecordTypeColumn,  ///< a badge
        CodeColumn,        ///< "452 → 500"
        ResponseColumn,
        MatchedRuleColumn,
        QueueColumn,
        PhaseColumn,
        RewriteNoteColumn, ///< the "(kumomta: status was rewritten …)" KumoMTA appends
        ExplanationColumn,
        ExpectationColumn,
        ClassificationColumn, ///< bounce_classification; "QuotaIssues → Uncategorized" when a rewrite changed it
        ColumnCount
    };
    enum Role {
        SampleRole = Qt::UserRole + 1, ///< Project::Sample
        EvalResultRole,                ///< Eval::EvalResult, invalid before the first result
        HasResultRole,
        RecordTypeRole,                ///< RecordType, invalid without a result
        RecordTypeNameRole,            ///< the engine's token, e.g. "Bounce"
        OriginalCodeRole,
        FinalCodeRole,
        RewrittenRole,
        MatchedRuleIndexRole,          ///< KumoMTA table index of the first match, -1 none
        MatchedCountRole,
        ExplanationRole,
        ExpectationPassRole,           ///< bool; invalid when nothing is expected or no result
        ExpectationMismatchRole,
        PolicyErrorRole,               ///< bool: the handler failed and the reply was kept
        ProfileSensitiveRole,
        IsStaleRole,                   ///< the shown result is from an older generation
        SearchTextRole,                ///< what the text filter searches
        ClassificationRole,            ///< the logged bounce_classification, invalid without a result
        ClassificationBeforeRewriteRole, ///< the label before the rewrite; empty when unchanged or no classifier
    };

    explicit SampleTableModel(QObject *parent = nullptr);

    void setSamples(const QList<Dsn::Project::Sample> &samples);
    /// Inserts rows without touching the results of the others. Queued results are dropped:
    /// they were addressed by row and the caller re-evaluates anyway.
    bool insertSamples(int row, const QList<Dsn::Project::Sample> &samples);
    /// Removes `count` rows from `row`; returns what was removed (for undo).
    QList<Dsn::Project::Sample> removeSamples(int row, int count);
    /// Replaces one sample's data (e.g. its expectation) and keeps its result.
    bool setSample(int row, const Dsn::Project::Sample &sample);

    /**
     * The queue column is editable (empty: the default queue). Such edits go to `handler`
     * when one is set, so the window can make them undoable; otherwise they apply directly.
     */
    using EditHandler = std::function<bool(int row, const Dsn::Project::Sample &sample)>;
    void setEditHandler(EditHandler handler) { m_editHandler = std::move(handler); }
    const QList<Dsn::Project::Sample> &samples() const { return m_samples; }
    Dsn::Project::Sample sample(int row) const { return m_samples.value(row); }
    /// Shown in the queue column for samples without their own queue.
    void setDefaultQueue(const QString &queue);

    /// Rows applied per flush, and the pause between flushes.
    void setChunkSize(int rows);
    void setFlushInterval(int msec);

    /**
     * Queues results of `generation` for rows first, first+1, …. Returns false (and drops them)
     * when a newer generation has already been seen. A newer generation discards whatever
     * older results are still queued.
     */
    bool setResults(quint64 generation, int first, const QList<Dsn::Eval::EvalResult> &results);
    /// All of the samples' results at once; still applied in chunks.
    bool setResults(quint64 generation, const QList<Dsn::Eval::EvalResult> &results);
    /// Applies everything queued now (used when an evaluation finishes).
    void flush();
    bool hasPendingResults() const { return !m_pending.empty(); }
    void clearResults();
    quint64 generation() const { return m_generation; }

    const Dsn::Eval::EvalResult *result(int row) const;
    /// Results of every row that has one, in row order.
    QList<Dsn::Eval::EvalResult> results() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    static QString firstLine(const QString &text);
    /// The note KumoMTA appends to a rewritten reply, or empty.
    static QString rewriteNote(const Dsn::Eval::EvalResult &result);
    /// "500 | 451": every value KumoMTA might return for an ambiguous match.
    static QString possibleValuesText(const Dsn::Eval::EvalResult &result);

Q_SIGNALS:
    /// A sample's own data changed in place (setSample): its inputs may differ now.
    void samplesEdited(int row);
    /// A chunk landed: rows first … first + count - 1 now show `generation`.
    void resultsApplied(quint64 generation, int first, int count);
    /// Nothing is queued any more.
    void pendingDrained(quint64 generation);

private:
    struct Pending
    {
        quint64 generation = 0;
        int first = 0;
        QList<Dsn::Eval::EvalResult> results;
    };
    struct Row
    {
        std::optional<Dsn::Eval::EvalResult> result;
        quint64 generation = 0;
    };
    void flushChunk(int maxRows);
    QString searchText(int row) const;

    QList<Dsn::Project::Sample> m_samples;
    QList<Row> m_rows;
    QString m_defaultQueue;
    EditHandler m_editHandler;
    quint64 m_generation = 0;
    std::deque<Pending> m_pending;
    QTimer m_flushTimer;
    int m_chunkSize = 256;
};

} // namespace Dsn::Models
