// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <functional>

#include <QAbstractTableModel>
#include <QList>

#include "common/CompatProfile.h"
#include "common/Diagnostic.h"
#include "eval/EvalResult.h"
#include "project/ProjectRule.h"
#include "rules/RegexRule.h"

namespace Dsn::Models {

/**
 * The rules table as the analyst edits it. Every change re-runs the TableLinter over the rules,
 * so the status column always shows the current per-rule errors and warnings (with the regex
 * position). Match counts are set from outside, after an evaluation.
 *
 * The structural API (insertRule, removeRule, moveRule, duplicateRule, setRule) is what an undo
 * stack drives: each call is one undoable step and returns enough to reverse it.
 */
class RuleTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RuleTableModel)

public:
    /// The "#" (1-based row number) is the vertical header: a row-number cell would change under
    /// every insert above it, which QAbstractItemModelTester rightly reports as unstable data.
    enum Column {
        EnabledColumn,
        PatternColumn,
        CodeColumn,
        NoteColumn,
        MatchesColumn,
        StatusColumn,
        ColumnCount
    };
    enum Role {
        RuleRole = Qt::UserRole + 1, ///< QVariant of ProjectRule (pattern, code, note, enabled)
        MatchCountRole,              ///< int, -1 before any evaluation
        StatusSeverityRole,          ///< int(Diagnostic::Severity) of the worst finding, -1 none
        StatusIconNameRole,          ///< "dialog-error" / "dialog-warning", empty when clean
        DiagnosticCountRole,
        FirstErrorPositionRole,      ///< position of the first regex error in the pattern, or -1
        TableIndexRole,              ///< index in the KumoMTA table (enabled rules), -1 if disabled
    };

    explicit RuleTableModel(QObject *parent = nullptr);

    /// The profile the linter uses; changing it re-lints.
    void setProfile(CompatProfile profile);
    CompatProfile profile() const { return m_profile; }

    void setRules(const QList<Dsn::Project::ProjectRule> &rules);
    const QList<Dsn::Project::ProjectRule> &rules() const { return m_rules; }
    Dsn::Project::ProjectRule rule(int row) const { return m_rules.value(row); }
    /// Enabled rules only, in order: what the policy loads.
    QList<Dsn::Rules::RegexRule> kumoTable() const;
    /// Project row of KumoMTA table entry `tableIndex`, or -1.
    int rowForTableIndex(int tableIndex) const;

    // Undoable steps. Each returns false (and changes nothing) when the arguments are out of range.
    bool insertRule(int row, const Dsn::Project::ProjectRule &rule);
    bool removeRule(int row, Dsn::Project::ProjectRule *removed = nullptr);
    /// Moves row `from` so that it ends up at row `to`; moveRule(to, from) undoes it.
    bool moveRule(int from, int to);
    /// Inserts a copy of `row` right after it; removeRule(row + 1) undoes it.
    bool duplicateRule(int row);
    /// Replaces a whole row; `previous` receives the old value for undo.
    bool setRule(int row, const Dsn::Project::ProjectRule &rule, Dsn::Project::ProjectRule *previous = nullptr);

    /// Per-row match counts (index = project row); shorter lists leave the rest unknown.
    void setMatchCounts(const QList<int> &counts);
    void clearMatchCounts();
    /// How many results each project row matched: each result counts once per rule it matched.
    /// Pointers, so the GUI counts the sample model's results where they are (null = none yet).
    QList<int> countMatches(const QList<const Dsn::Eval::EvalResult *> &results) const;

    /// The linter's findings for `row` (rule index remapped to project rows).
    QList<Dsn::Diagnostic> diagnostics(int row) const;
    /// All findings, in row order, with `ruleIndex` as project rows.
    QList<Dsn::Diagnostic> allDiagnostics() const;

    /**
     * Edits made through setData (a view's editors and check boxes) go to `handler` instead of
     * setRule when one is set, so the window can turn them into undoable commands. The handler
     * gets the row, the complete new rule and which column changed.
     */
    using EditHandler = std::function<bool(int row, const Dsn::Project::ProjectRule &rule, int column)>;
    void setEditHandler(EditHandler handler) { m_editHandler = std::move(handler); }

    /// Validation used by setData: the code must be an integer SMTP code 200–599.
    static bool isValidCode(const QVariant &value, int *code = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    /// Any change to the rules' content or order (not match counts): time to re-evaluate.
    void rulesChanged();
    /// The linter ran; allDiagnostics() holds its new findings.
    void diagnosticsChanged();

private:
    void relint();
    void afterChange();
    QString statusText(int row) const;
    QString statusToolTip(int row) const;

    CompatProfile m_profile = CompatProfile::Documented;
    EditHandler m_editHandler;
    QList<Dsn::Project::ProjectRule> m_rules;
    QList<int> m_matchCounts;                  // parallel to m_rules, -1 unknown
    QList<QList<Dsn::Diagnostic>> m_diagnostics; // parallel to m_rules
};

} // namespace Dsn::Models
