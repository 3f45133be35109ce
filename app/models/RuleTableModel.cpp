// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "RuleTableModel.h"

#include <algorithm>
#include <set>

#include <QColor>

#include "rules/TableLinter.h"

namespace Dsn::Models {

using Dsn::Project::ProjectRule;

namespace {

Rules::RegexRule toRegexRule(const ProjectRule &r)
{
    return {r.pattern, r.code};
}

QString codeText(const QJsonValue &code)
{
    if (code.isDouble()) {
        const double d = code.toDouble();
        return d == double(qint64(d)) ? QString::number(qint64(d)) : QString::number(d);
    }
    if (code.isString())
        return code.toString();
    if (code.isNull() || code.isUndefined())
        return {};
    return code.toVariant().toString();
}

} // namespace

RuleTableModel::RuleTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void RuleTableModel::setProfile(CompatProfile profile)
{
    if (m_profile == profile)
        return;
    m_profile = profile;
    relint();
}

void RuleTableModel::setRules(const QList<ProjectRule> &rules)
{
    beginResetModel();
    m_rules = rules;
    m_matchCounts = QList<int>(rules.size(), -1);
    m_diagnostics = QList<QList<Diagnostic>>(rules.size());
    endResetModel();
    afterChange();
}

QList<Rules::RegexRule> RuleTableModel::kumoTable() const
{
    QList<Rules::RegexRule> table;
    for (const ProjectRule &r : m_rules) {
        if (r.enabled)
            table.append(toRegexRule(r));
    }
    return table;
}

int RuleTableModel::rowForTableIndex(int tableIndex) const
{
    if (tableIndex < 0)
        return -1;
    int seen = 0;
    for (int row = 0; row < m_rules.size(); ++row) {
        if (!m_rules.at(row).enabled)
            continue;
        if (seen++ == tableIndex)
            return row;
    }
    return -1;
}

bool RuleTableModel::insertRule(int row, const ProjectRule &rule)
{
    if (row < 0 || row > m_rules.size())
        return false;
    beginInsertRows({}, row, row);
    m_rules.insert(row, rule);
    m_matchCounts.insert(row, -1);
    m_diagnostics.insert(row, {});
    endInsertRows();
    afterChange();
    return true;
}

bool RuleTableModel::removeRule(int row, ProjectRule *removed)
{
    if (row < 0 || row >= m_rules.size())
        return false;
    if (removed)
        *removed = m_rules.at(row);
    beginRemoveRows({}, row, row);
    m_rules.removeAt(row);
    m_matchCounts.removeAt(row);
    m_diagnostics.removeAt(row);
    endRemoveRows();
    afterChange();
    return true;
}

bool RuleTableModel::moveRule(int from, int to)
{
    if (from < 0 || from >= m_rules.size() || to < 0 || to >= m_rules.size())
        return false;
    if (from == to)
        return true;
    // beginMoveRows wants the destination row as it is before the move.
    if (!beginMoveRows({}, from, from, {}, to > from ? to + 1 : to))
        return false;
    m_rules.move(from, to);
    m_matchCounts.move(from, to);
    m_diagnostics.move(from, to);
    endMoveRows();
    afterChange();
    return true;
}

bool RuleTableModel::duplicateRule(int row)
{
    if (row < 0 || row >= m_rules.size())
        return false;
    return insertRule(row + 1, m_rules.at(row));
}

bool RuleTableModel::setRule(int row, const ProjectRule &rule, ProjectRule *previous)
{
    if (row < 0 || row >= m_rules.size())
        return false;
    if (previous)
        *previous = m_rules.at(row);
    if (m_rules.at(row) == rule)
        return true;
    m_rules[row] = rule;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    afterChange();
    return true;
}

void RuleTableModel::setMatchCounts(const QList<int> &counts)
{
    for (int row = 0; row < m_matchCounts.size(); ++row)
        m_matchCounts[row] = row < counts.size() ? counts.at(row) : -1;
    if (!m_rules.isEmpty())
        Q_EMIT dataChanged(index(0, MatchesColumn), index(int(m_rules.size()) - 1, MatchesColumn));
}

void RuleTableModel::clearMatchCounts()
{
    setMatchCounts({});
}

QList<int> RuleTableModel::countMatches(const QList<const Eval::EvalResult *> &results) const
{
    QList<int> counts(m_rules.size(), 0);
    for (const Eval::EvalResult *result : results) {
        if (!result)
            continue;
        std::set<int> rows; // a result counts once per rule, however often it is listed
        for (const Eval::MatchedRule &m : result->matched)
            rows.insert(rowForTableIndex(m.index));
        for (int row : rows) {
            if (row >= 0)
                ++counts[row];
        }
    }
    return counts;
}

QList<Diagnostic> RuleTableModel::diagnostics(int row) const
{
    return m_diagnostics.value(row);
}

QList<Diagnostic> RuleTableModel::allDiagnostics() const
{
    QList<Diagnostic> all;
    for (const auto &list : m_diagnostics)
        all.append(list);
    return all;
}

bool RuleTableModel::isValidCode(const QVariant &value, int *code)
{
    bool ok = false;
    const int c = value.toString().trimmed().toInt(&ok);
    if (!ok || c < 200 || c > 599)
        return false;
    if (code)
        *code = c;
    return true;
}

void RuleTableModel::afterChange()
{
    relint();
    Q_EMIT rulesChanged();
}

void RuleTableModel::relint()
{
    const Rules::TableLinter linter(m_profile);
    QList<QList<Diagnostic>> found(m_rules.size());

    // The enabled rules are linted as the table KumoMTA loads, so shadowing and duplicates are
    // judged in the real order; the linter's rule index is a table index, mapped back to rows.
    QList<int> rowOfTableIndex;
    for (int row = 0; row < m_rules.size(); ++row) {
        if (m_rules.at(row).enabled)
            rowOfTableIndex.append(row);
    }
    for (Diagnostic d : linter.lint(kumoTable())) {
        if (d.ruleIndex < 0 || d.ruleIndex >= rowOfTableIndex.size())
            continue;
        d.ruleIndex = rowOfTableIndex.at(d.ruleIndex);
        found[d.ruleIndex].append(d);
    }
    // A disabled rule is still checked on its own, so enabling it holds no surprise.
    for (int row = 0; row < m_rules.size(); ++row) {
        if (m_rules.at(row).enabled)
            continue;
        for (Diagnostic d : linter.lint({toRegexRule(m_rules.at(row))})) {
            d.ruleIndex = row;
            found[row].append(d);
        }
    }
    m_diagnostics = found;
    if (!m_rules.isEmpty())
        Q_EMIT dataChanged(index(0, StatusColumn), index(int(m_rules.size()) - 1, StatusColumn));
    Q_EMIT diagnosticsChanged();
}

namespace {

int worstSeverity(const QList<Diagnostic> &list)
{
    int worst = -1;
    for (const Diagnostic &d : list)
        worst = std::max(worst, int(d.severity));
    return worst;
}

} // namespace

QString RuleTableModel::statusText(int row) const
{
    const QList<Diagnostic> &list = m_diagnostics.at(row);
    if (list.isEmpty())
        return tr("OK");
    int errors = 0;
    for (const Diagnostic &d : list)
        errors += d.severity == Diagnostic::Severity::Error ? 1 : 0;
    const int warnings = int(list.size()) - errors;
    if (errors > 0 && warnings > 0)
        return tr("%n error(s)", nullptr, errors) + QStringLiteral(", ") + tr("%n warning(s)", nullptr, warnings);
    if (errors > 0)
        return tr("%n error(s)", nullptr, errors);
    return tr("%n warning(s)", nullptr, warnings);
}

QString RuleTableModel::statusToolTip(int row) const
{
    QStringList lines;
    for (const Diagnostic &d : m_diagnostics.at(row)) {
        const QString severity = d.severity == Diagnostic::Severity::Error ? tr("Error") : tr("Warning");
        if (d.position >= 0)
            lines.append(tr("%1 at position %2: %3").arg(severity, QString::number(d.position), d.message));
        else
            lines.append(tr("%1: %2").arg(severity, d.message));
    }
    return lines.join(QLatin1Char('\n'));
}

int RuleTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rules.size());
}

int RuleTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RuleTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const ProjectRule &r = m_rules.at(row);
    const QList<Diagnostic> &diags = m_diagnostics.at(row);

    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case PatternColumn:
            return r.pattern;
        case CodeColumn:
            return codeText(r.code);
        case NoteColumn:
            return r.note;
        case MatchesColumn:
            return m_matchCounts.at(row) < 0 ? QVariant() : QVariant(m_matchCounts.at(row));
        case StatusColumn:
            return role == Qt::DisplayRole ? QVariant(statusText(row)) : QVariant();
        }
        return {};
    case Qt::CheckStateRole:
        if (index.column() == EnabledColumn)
            return r.enabled ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn || index.column() == PatternColumn)
            return diags.isEmpty() ? QVariant() : QVariant(statusToolTip(row));
        if (index.column() == NoteColumn && !r.note.isEmpty())
            return r.note;
        return {};
    case Qt::ForegroundRole:
        if (!r.enabled && index.column() != StatusColumn)
            return QColor(0x80, 0x80, 0x80); // mid grey reads on light and dark bases
        return {};
    case Qt::DecorationRole:
        // A colour swatch, not an icon: icons need a QGuiApplication, the model does not.
        if (index.column() == StatusColumn) {
            switch (worstSeverity(diags)) {
            case int(Diagnostic::Severity::Error):
                return QColor(0xe5, 0x39, 0x35);
            case int(Diagnostic::Severity::Warning):
                return QColor(0xf9, 0xa8, 0x25);
            }
        }
        return {};
    case RuleRole:
        return QVariant::fromValue(r);
    case MatchCountRole:
        return m_matchCounts.at(row);
    case StatusSeverityRole:
        return worstSeverity(diags);
    case StatusIconNameRole:
        switch (worstSeverity(diags)) {
        case int(Diagnostic::Severity::Error):
            return QStringLiteral("dialog-error");
        case int(Diagnostic::Severity::Warning):
            return QStringLiteral("dialog-warning");
        case int(Diagnostic::Severity::Info):
            return QStringLiteral("dialog-information");
        }
        return QString();
    case DiagnosticCountRole:
        return int(diags.size());
    case FirstErrorPositionRole:
        for (const Diagnostic &d : diags) {
            if (d.severity == Diagnostic::Severity::Error && d.position >= 0)
                return d.position;
        }
        return -1;
    case TableIndexRole: {
        if (!r.enabled)
            return -1;
        int tableIndex = 0;
        for (int i = 0; i < row; ++i)
            tableIndex += m_rules.at(i).enabled ? 1 : 0;
        return tableIndex;
    }
    }
    return {};
}

bool RuleTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    ProjectRule r = m_rules.at(index.row());
    if (role == Qt::CheckStateRole && index.column() == EnabledColumn) {
        r.enabled = value.toInt() == Qt::Checked;
    } else if (role == Qt::EditRole) {
        switch (index.column()) {
        case PatternColumn:
            // Any text is accepted: an invalid regex is kept and shown as an error, so the
            // analyst can finish typing.
            r.pattern = value.toString();
            break;
        case CodeColumn: {
            int code = 0;
            if (!isValidCode(value, &code))
                return false;
            r.code = code;
            break;
        }
        case NoteColumn:
            r.note = value.toString();
            break;
        default:
            return false;
        }
    } else {
        return false;
    }
    if (r == m_rules.at(index.row()))
        return true;
    if (m_editHandler)
        return m_editHandler(index.row(), r, index.column());
    return setRule(index.row(), r);
}

Qt::ItemFlags RuleTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    switch (index.column()) {
    case EnabledColumn:
        f |= Qt::ItemIsUserCheckable;
        break;
    case PatternColumn:
    case CodeColumn:
    case NoteColumn:
        f |= Qt::ItemIsEditable;
        break;
    }
    return f;
}

QVariant RuleTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical && role == Qt::DisplayRole)
        return section + 1;
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case EnabledColumn:
        return tr("Enabled");
    case PatternColumn:
        return tr("Pattern");
    case CodeColumn:
        return tr("Code");
    case NoteColumn:
        return tr("Note");
    case MatchesColumn:
        return tr("Matches");
    case StatusColumn:
        return tr("Status");
    }
    return {};
}

QHash<int, QByteArray> RuleTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(RuleRole, "rule");
    names.insert(MatchCountRole, "matchCount");
    names.insert(StatusSeverityRole, "statusSeverity");
    names.insert(StatusIconNameRole, "statusIconName");
    names.insert(DiagnosticCountRole, "diagnosticCount");
    names.insert(FirstErrorPositionRole, "firstErrorPosition");
    names.insert(TableIndexRole, "tableIndex");
    return names;
}

} // namespace Dsn::Models
