// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <utility>
#include <vector>

#include <QAbstractTableModel>
#include <QList>
#include <QString>

#include "common/Diagnostic.h"

namespace Dsn::Models {

/// Where activating a diagnostic jumps to: an editor (by source name) and a place in it.
struct DiagnosticLocation
{
    QString source;      ///< "rules", "policy.lua", "response #3" …
    int line = -1;       ///< 1-based, -1 when not applicable
    int column = -1;     ///< 1-based
    int ruleIndex = -1;  ///< row in the rules table
    int position = -1;   ///< 0-based offset inside the rule's pattern

    bool isValid() const { return !source.isEmpty() || line >= 0 || ruleIndex >= 0; }
    friend bool operator==(const DiagnosticLocation &, const DiagnosticLocation &) = default;
};

/**
 * The one diagnostics list of the workbench (Tiled's IssuesModel). Diagnostics arrive in
 * blocks keyed by origin ("rules", "policy", "samples"); replacing one origin's block leaves
 * the others alone, so the rule linter and the policy loader never clear each other's rows.
 * Rows keep their origin's order of first appearance.
 */
class DiagnosticsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiagnosticsModel)

public:
    enum Column { SeverityColumn, SourceColumn, LocationColumn, MessageColumn, ColumnCount };
    enum Role {
        SeverityRole = Qt::UserRole + 1, ///< int(Diagnostic::Severity)
        CodeRole,                        ///< stable machine id, e.g. "regex-parse"
        OriginRole,
        LineRole,
        ColumnRole,
        RuleIndexRole,
        PositionRole,
        GoToRole,                        ///< DiagnosticLocation
        IconNameRole,                    ///< freedesktop icon name for the severity
    };

    explicit DiagnosticsModel(QObject *parent = nullptr);

    /// Replaces every row of `origin` with `diagnostics` (empty list: removes the block).
    void setDiagnostics(const QString &origin, const QList<Dsn::Diagnostic> &diagnostics);
    void clear();

    Dsn::Diagnostic diagnostic(int row) const;
    DiagnosticLocation location(int row) const;
    int count(Dsn::Diagnostic::Severity severity) const;

    static DiagnosticLocation locationOf(const Dsn::Diagnostic &d);
    /// "line 12, column 3", "rule 2, position 7" — empty when the diagnostic has no place.
    static QString locationText(const Dsn::Diagnostic &d);
    static QString severityText(Dsn::Diagnostic::Severity s);
    static QString severityIconName(Dsn::Diagnostic::Severity s);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void countsChanged();

private:
    struct Block
    {
        QString origin;
        QList<Dsn::Diagnostic> items;
    };
    std::pair<int, int> locate(int row) const; // (block, item)
    int blockStart(int block) const;

    std::vector<Block> m_blocks;
    int m_rowCount = 0;
};

} // namespace Dsn::Models
