// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "DiagnosticsModel.h"

#include <QColor>

namespace Dsn::Models {

DiagnosticsModel::DiagnosticsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int DiagnosticsModel::blockStart(int block) const
{
    int start = 0;
    for (int i = 0; i < block; ++i)
        start += int(m_blocks[size_t(i)].items.size());
    return start;
}

std::pair<int, int> DiagnosticsModel::locate(int row) const
{
    for (size_t b = 0; b < m_blocks.size(); ++b) {
        const int n = int(m_blocks[b].items.size());
        if (row < n)
            return {int(b), row};
        row -= n;
    }
    return {-1, -1};
}

void DiagnosticsModel::setDiagnostics(const QString &origin, const QList<Diagnostic> &diagnostics)
{
    int block = -1;
    for (size_t b = 0; b < m_blocks.size(); ++b) {
        if (m_blocks[b].origin == origin)
            block = int(b);
    }
    if (block < 0) {
        if (diagnostics.isEmpty())
            return;
        m_blocks.push_back({origin, {}});
        block = int(m_blocks.size()) - 1;
    }
    const int start = blockStart(block);
    Block &b = m_blocks[size_t(block)];
    // Remove then insert rather than reset, so views keep selection and scroll position elsewhere.
    if (!b.items.isEmpty()) {
        beginRemoveRows({}, start, start + int(b.items.size()) - 1);
        m_rowCount -= int(b.items.size());
        b.items.clear();
        endRemoveRows();
    }
    if (!diagnostics.isEmpty()) {
        beginInsertRows({}, start, start + int(diagnostics.size()) - 1);
        b.items = diagnostics;
        m_rowCount += int(diagnostics.size());
        endInsertRows();
    }
    if (b.items.isEmpty())
        m_blocks.erase(m_blocks.begin() + block);
    Q_EMIT countsChanged();
}

void DiagnosticsModel::clear()
{
    if (m_blocks.empty())
        return;
    beginResetModel();
    m_blocks.clear();
    m_rowCount = 0;
    endResetModel();
    Q_EMIT countsChanged();
}

Diagnostic DiagnosticsModel::diagnostic(int row) const
{
    const auto [b, i] = locate(row);
    return b < 0 ? Diagnostic{} : m_blocks[size_t(b)].items.at(i);
}

DiagnosticLocation DiagnosticsModel::location(int row) const
{
    return locationOf(diagnostic(row));
}

int DiagnosticsModel::count(Diagnostic::Severity severity) const
{
    int n = 0;
    for (const Block &b : m_blocks) {
        for (const Diagnostic &d : b.items)
            n += d.severity == severity ? 1 : 0;
    }
    return n;
}

DiagnosticLocation DiagnosticsModel::locationOf(const Diagnostic &d)
{
    return {d.source, d.line, d.column, d.ruleIndex, d.position};
}

QString DiagnosticsModel::locationText(const Diagnostic &d)
{
    if (d.ruleIndex >= 0) {
        // Rule numbers are 1-based in the table's # column.
        if (d.position >= 0)
            return tr("rule %1, position %2").arg(d.ruleIndex + 1).arg(d.position);
        return tr("rule %1").arg(d.ruleIndex + 1);
    }
    if (d.line >= 0) {
        if (d.column >= 0)
            return tr("line %1, column %2").arg(d.line).arg(d.column);
        return tr("line %1").arg(d.line);
    }
    return {};
}

QString DiagnosticsModel::severityText(Diagnostic::Severity s)
{
    switch (s) {
    case Diagnostic::Severity::Info:
        return tr("Info");
    case Diagnostic::Severity::Warning:
        return tr("Warning");
    case Diagnostic::Severity::Error:
        return tr("Error");
    }
    return {};
}

QString DiagnosticsModel::severityIconName(Diagnostic::Severity s)
{
    switch (s) {
    case Diagnostic::Severity::Info:
        return QStringLiteral("dialog-information");
    case Diagnostic::Severity::Warning:
        return QStringLiteral("dialog-warning");
    case Diagnostic::Severity::Error:
        return QStringLiteral("dialog-error");
    }
    return {};
}

int DiagnosticsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int DiagnosticsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DiagnosticsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto [b, i] = locate(index.row());
    const Diagnostic &d = m_blocks[size_t(b)].items.at(i);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            return severityText(d.severity);
        case SourceColumn:
            return d.source;
        case LocationColumn:
            return locationText(d);
        case MessageColumn:
            return d.message;
        }
        return {};
    case Qt::ToolTipRole:
        return d.toString();
    case Qt::ForegroundRole:
        // Only errors get a colour; it is readable on light and dark bases alike.
        if (index.column() == SeverityColumn && d.severity == Diagnostic::Severity::Error)
            return QColor(0xe5, 0x39, 0x35);
        return {};
    case SeverityRole:
        return int(d.severity);
    case CodeRole:
        return d.code;
    case OriginRole:
        return m_blocks[size_t(b)].origin;
    case LineRole:
        return d.line;
    case ColumnRole:
        return d.column;
    case RuleIndexRole:
        return d.ruleIndex;
    case PositionRole:
        return d.position;
    case GoToRole:
        return QVariant::fromValue(locationOf(d));
    case IconNameRole:
        return index.column() == SeverityColumn ? QVariant(severityIconName(d.severity)) : QVariant();
    }
    return {};
}

QVariant DiagnosticsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case SourceColumn:
        return tr("Source");
    case LocationColumn:
        return tr("Location");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

QHash<int, QByteArray> DiagnosticsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SeverityRole, "severity");
    names.insert(CodeRole, "code");
    names.insert(OriginRole, "origin");
    names.insert(LineRole, "line");
    names.insert(ColumnRole, "column");
    names.insert(RuleIndexRole, "ruleIndex");
    names.insert(PositionRole, "position");
    names.insert(GoToRole, "goTo");
    names.insert(IconNameRole, "iconName");
    return names;
}

} // namespace Dsn::Models
