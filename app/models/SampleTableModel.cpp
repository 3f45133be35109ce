// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "SampleTableModel.h"

#include <algorithm>
#include <limits>

#include <QColor>
#include <QJsonValue>
#include <QRegularExpression>
#include <QStringList>

#include "RecordTypeBadge.h"

namespace Dsn::Models {

using Dsn::Eval::EvalResult;
using Dsn::Project::Sample;

SampleTableModel::SampleTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_flushTimer.setInterval(30);
    connect(&m_flushTimer, &QTimer::timeout, this, [this] { flushChunk(m_chunkSize); });
}

void SampleTableModel::setSamples(const QList<Sample> &samples)
{
    beginResetModel();
    m_samples = samples;
    m_rows = QList<Row>(samples.size());
    m_pending.clear();
    m_flushTimer.stop();
    endResetModel();
}

bool SampleTableModel::insertSamples(int row, const QList<Sample> &samples)
{
    if (row < 0 || row > m_samples.size())
        return false;
    if (samples.isEmpty())
        return true;
    m_pending.clear();
    m_flushTimer.stop();
    beginInsertRows(QModelIndex(), row, row + int(samples.size()) - 1);
    for (qsizetype i = 0; i < samples.size(); ++i) {
        m_samples.insert(row + i, samples.at(i));
        m_rows.insert(row + i, Row{});
    }
    endInsertRows();
    return true;
}

QList<Sample> SampleTableModel::removeSamples(int row, int count)
{
    if (row < 0 || count <= 0 || row + count > m_samples.size())
        return {};
    m_pending.clear();
    m_flushTimer.stop();
    beginRemoveRows(QModelIndex(), row, row + count - 1);
    const QList<Sample> removed = m_samples.mid(row, count);
    m_samples.remove(row, count);
    m_rows.remove(row, count);
    endRemoveRows();
    return removed;
}

bool SampleTableModel::setSample(int row, const Sample &sample)
{
    if (row < 0 || row >= m_samples.size())
        return false;
    m_samples[row] = sample;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    Q_EMIT samplesEdited(row);
    return true;
}

Qt::ItemFlags SampleTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return QAbstractTableModel::flags(index);
    Qt::ItemFlags f = QAbstractTableModel::flags(index) | Qt::ItemNeverHasChildren;
    if (index.column() == QueueColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

bool SampleTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.column() != QueueColumn
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    Sample s = m_samples.at(index.row());
    const QString queue = value.toString().trimmed();
    // Typing the default queue back in means "use the default".
    s.queue = queue == m_defaultQueue ? QString() : queue;
    if (s == m_samples.at(index.row()))
        return true;
    if (m_editHandler)
        return m_editHandler(index.row(), s);
    return setSample(index.row(), s);
}

void SampleTableModel::setDefaultQueue(const QString &queue)
{
    if (m_defaultQueue == queue)
        return;
    m_defaultQueue = queue;
    if (!m_samples.isEmpty())
        Q_EMIT dataChanged(index(0, QueueColumn), index(int(m_samples.size()) - 1, QueueColumn));
}

void SampleTableModel::setChunkSize(int rows)
{
    m_chunkSize = std::max(1, rows);
}

void SampleTableModel::setFlushInterval(int msec)
{
    m_flushTimer.setInterval(std::max(0, msec));
}

bool SampleTableModel::setResults(quint64 generation, int first, const QList<EvalResult> &results)
{
    if (generation < m_generation)
        return false;
    if (generation > m_generation) {
        m_generation = generation;
        m_pending.clear();
        // Rows keep their old results until replaced; tell views they are now stale.
        if (!m_samples.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_samples.size()) - 1, ColumnCount - 1), {IsStaleRole});
    }
    if (first < 0 || results.isEmpty())
        return true;
    m_pending.push_back({generation, first, results});
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
    return true;
}

bool SampleTableModel::setResults(quint64 generation, const QList<EvalResult> &results)
{
    return setResults(generation, 0, results);
}

void SampleTableModel::flush()
{
    flushChunk(std::numeric_limits<int>::max());
}

void SampleTableModel::flushChunk(int maxRows)
{
    int budget = maxRows;
    while (budget > 0 && !m_pending.empty()) {
        Pending &p = m_pending.front();
        const int available = int(p.results.size());
        const int take = std::min(budget, available);
        // Rows past the end (samples changed under a running evaluation) are ignored.
        const int last = std::min(p.first + take, int(m_rows.size())) - 1;
        for (int i = 0; p.first + i <= last; ++i) {
            Row &row = m_rows[p.first + i];
            row.result = p.results.at(i);
            row.generation = p.generation;
        }
        if (last >= p.first) {
            Q_EMIT dataChanged(index(p.first, 0), index(last, ColumnCount - 1));
            Q_EMIT resultsApplied(p.generation, p.first, last - p.first + 1);
        }
        budget -= take;
        if (take == available) {
            m_pending.pop_front();
        } else {
            p.results.remove(0, take);
            p.first += take;
        }
    }
    if (m_pending.empty()) {
        m_flushTimer.stop();
        Q_EMIT pendingDrained(m_generation);
    }
}

void SampleTableModel::clearResults()
{
    m_pending.clear();
    m_flushTimer.stop();
    for (Row &row : m_rows)
        row = Row{};
    if (!m_samples.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_samples.size()) - 1, ColumnCount - 1));
}

const EvalResult *SampleTableModel::result(int row) const
{
    if (row < 0 || row >= m_rows.size() || !m_rows.at(row).result)
        return nullptr;
    return &*m_rows.at(row).result;
}

QList<EvalResult> SampleTableModel::results() const
{
    QList<EvalResult> list;
    for (const Row &row : m_rows) {
        if (row.result)
            list.append(*row.result);
    }
    return list;
}

QString SampleTableModel::firstLine(const QString &text)
{
    const qsizetype end = text.indexOf(QRegularExpression(QStringLiteral("[\\r\\n]")));
    return end < 0 ? text : text.left(end);
}

QString SampleTableModel::rewriteNote(const EvalResult &result)
{
    if (!result.rewritten)
        return {};
    const qsizetype at = result.response.content.lastIndexOf(QStringLiteral("(kumomta: "));
    return at < 0 ? QString() : result.response.content.mid(at);
}

QString SampleTableModel::searchText(int row) const
{
    const Sample &s = m_samples.at(row);
    QStringList parts{s.response, s.queue, s.note};
    if (const EvalResult *r = result(row)) {
        parts << r->explanation << r->response.content << recordTypeName(r->recordType) << r->classificationText();
        for (const Eval::MatchedRule &m : r->matched)
            parts << m.pattern;
    }
    return parts.join(QLatin1Char('\n'));
}

int SampleTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_samples.size());
}

int SampleTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SampleTableModel::possibleValuesText(const EvalResult &result)
{
    QStringList values;
    for (const QJsonValue &v : result.possibleValues)
        values.append(v.isDouble() ? QString::number(v.toInteger()) : v.toVariant().toString());
    return values.join(QStringLiteral(" | "));
}

QVariant SampleTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const Sample &s = m_samples.at(row);
    const EvalResult *r = result(row);
    const QString mismatch = (r && !s.expect.isEmpty()) ? s.expect.mismatch(*r) : QString();

    switch (role) {
    case Qt::EditRole:
        if (index.column() == QueueColumn)
            return s.queue.isEmpty() ? m_defaultQueue : s.queue;
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case ResponseColumn:
            return firstLine(s.response);
        case QueueColumn:
            return s.queue.isEmpty() ? m_defaultQueue : s.queue;
        case PhaseColumn:
            return smtpPhaseName(s.phase);
        case CodeColumn:
            if (!r)
                return {};
            if (r->response.code != r->originalCode)
                return tr("%1 → %2").arg(r->originalCode).arg(r->response.code);
            return QString::number(r->originalCode);
        case RecordTypeColumn:
            // Outcome tokens are machine identifiers and stay untranslated.
            return r ? QVariant(recordTypeName(r->recordType)) : QVariant();
        case MatchedRuleColumn:
            if (!r || r->matched.isEmpty())
                return {};
            if (r->ambiguous)
                return tr("%1 · ambiguous: %2").arg(r->matched.first().pattern, possibleValuesText(*r));
            if (r->matched.size() > 1)
                return tr("%1 (+%n more)", nullptr, int(r->matched.size()) - 1).arg(r->matched.first().pattern);
            return r->matched.first().pattern;
        case RewriteNoteColumn:
            return r ? QVariant(rewriteNote(*r)) : QVariant();
        case ExplanationColumn:
            return r ? QVariant(r->explanation) : QVariant();
        case ExpectationColumn:
            if (!r || s.expect.isEmpty())
                return {};
            return mismatch.isEmpty() ? tr("pass") : tr("fail");
        case ClassificationColumn:
            // Labels are KumoMTA identifiers and stay untranslated.
            return r ? QVariant(r->classificationText()) : QVariant();
        }
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case ResponseColumn:
            return s.note.isEmpty() ? s.response : s.response + QStringLiteral("\n\n") + s.note;
        case ExplanationColumn:
            if (!r)
                return {};
            return r->explanation + QStringLiteral("\n\n") + tr("Bounce classification: %1").arg(r->classificationText());
        case ExpectationColumn:
            return mismatch.isEmpty() ? QVariant() : QVariant(mismatch);
        case ClassificationColumn:
            if (!r)
                return {};
            if (r->classificationChanged())
                return tr("The rewrite moves this reply from %1 to %2 in KumoMTA's bounce classification.")
                    .arg(r->classificationBeforeRewrite, r->bounceClassification);
            return tr("KumoMTA logs this outcome with bounce classification %1.").arg(r->bounceClassification);
        case RecordTypeColumn:
            return r && r->profileSensitive ? QVariant(r->profileNote) : QVariant();
        case MatchedRuleColumn:
            if (r && r->ambiguous)
                return tr("Patterns that disagree match this reply; KumoMTA may return any of: %1")
                    .arg(possibleValuesText(*r));
            return r && !r->matched.isEmpty() ? QVariant(r->matched.first().pattern) : QVariant();
        }
        return {};
    case Qt::BackgroundRole:
        if (index.column() == RecordTypeColumn && r)
            return RecordTypeBadge::forType(r->recordType).background;
        return {};
    case Qt::ForegroundRole:
        if (index.column() == RecordTypeColumn && r)
            return RecordTypeBadge::forType(r->recordType).foreground;
        if (index.column() == ExpectationColumn && r && !s.expect.isEmpty())
            return mismatch.isEmpty() ? QColor(0x43, 0xa0, 0x47) : QColor(0xe5, 0x39, 0x35);
        return {};
    case SampleRole:
        return QVariant::fromValue(s);
    case EvalResultRole:
        return r ? QVariant::fromValue(*r) : QVariant();
    case HasResultRole:
        return r != nullptr;
    case RecordTypeRole:
        return r ? QVariant::fromValue(r->recordType) : QVariant();
    case RecordTypeNameRole:
        return r ? QVariant(recordTypeName(r->recordType)) : QVariant();
    case OriginalCodeRole:
        return r ? QVariant(r->originalCode) : QVariant();
    case FinalCodeRole:
        return r ? QVariant(r->response.code) : QVariant();
    case RewrittenRole:
        return r ? r->rewritten : false;
    case MatchedRuleIndexRole:
        return r && !r->matched.isEmpty() ? r->matched.first().index : -1;
    case MatchedCountRole:
        return r ? int(r->matched.size()) : 0;
    case ExplanationRole:
        return r ? r->explanation : QString();
    case ExpectationPassRole:
        return r && !s.expect.isEmpty() ? QVariant(mismatch.isEmpty()) : QVariant();
    case ExpectationMismatchRole:
        return mismatch;
    case PolicyErrorRole:
        return r && r->policyError.has_value();
    case ProfileSensitiveRole:
        return r && r->profileSensitive;
    case IsStaleRole:
        return r && m_rows.at(row).generation < m_generation;
    case SearchTextRole:
        return searchText(row);
    case ClassificationRole:
        return r ? QVariant(r->bounceClassification) : QVariant();
    case ClassificationBeforeRewriteRole:
        return r ? r->classificationBeforeRewrite : QString();
    }
    return {};
}

QVariant SampleTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ResponseColumn:
        return tr("Response");
    case QueueColumn:
        return tr("Queue");
    case PhaseColumn:
        return tr("Phase");
    case CodeColumn:
        return tr("Code");
    case RecordTypeColumn:
        return tr("Record type");
    case MatchedRuleColumn:
        return tr("Matched rule");
    case RewriteNoteColumn:
        return tr("Rewrite note");
    case ExplanationColumn:
        return tr("Explanation");
    case ExpectationColumn:
        return tr("Expected");
    case ClassificationColumn:
        return tr("Bounce class");
    }
    return {};
}

QHash<int, QByteArray> SampleTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SampleRole, "sample");
    names.insert(EvalResultRole, "evalResult");
    names.insert(HasResultRole, "hasResult");
    names.insert(RecordTypeRole, "recordType");
    names.insert(RecordTypeNameRole, "recordTypeName");
    names.insert(OriginalCodeRole, "originalCode");
    names.insert(FinalCodeRole, "finalCode");
    names.insert(RewrittenRole, "rewritten");
    names.insert(MatchedRuleIndexRole, "matchedRuleIndex");
    names.insert(MatchedCountRole, "matchedCount");
    names.insert(ExplanationRole, "explanation");
    names.insert(ExpectationPassRole, "expectationPass");
    names.insert(ExpectationMismatchRole, "expectationMismatch");
    names.insert(PolicyErrorRole, "policyError");
    names.insert(ProfileSensitiveRole, "profileSensitive");
    names.insert(IsStaleRole, "isStale");
    names.insert(SearchTextRole, "searchText");
    names.insert(ClassificationRole, "bounceClassification");
    names.insert(ClassificationBeforeRewriteRole, "classificationBeforeRewrite");
    return names;
}

} // namespace Dsn::Models
