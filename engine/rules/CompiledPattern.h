// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include <boost/regex/icu.hpp>

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include "common/Result.h"
#include "rules/RustRegexTranslator.h"

namespace Dsn::Rules {

/**
 * One Rust-syntax pattern, translated by RustRegexTranslator and compiled for Boost.Regex (ICU,
 * searching UTF-16 directly). Internal to rules/: the rest of the engine sees RegexSetMap.
 *
 * Immutable after compile(); search() and span() are const and may run on several threads.
 */
class CompiledPattern
{
public:
    /// How one search ended. Boost gives up on patterns that backtrack too much; Rust never does.
    enum class Outcome
    {
        NoMatch,
        Match,
        GaveUp
    };

    /**
     * Fails with a Diagnostic (code "regex-parse", position and pattern set, message
     * "regex parse error: <reason>") when Rust's regex would refuse the pattern.
     */
    static Result<std::shared_ptr<CompiledPattern>> compile(const QString &rustPattern);

    /// Whether the pattern matches anywhere in `subject`. Never throws; GaveUp counts as false.
    bool search(QStringView subject) const;
    Outcome searchOutcome(QStringView subject) const;
    /// The leftmost-first match (start, length in UTF-16 units), as Rust's find() reports it.
    std::optional<std::pair<qsizetype, qsizetype>> span(QStringView subject) const;

    const QString &boostPattern() const { return m_boostPattern; }
    /// Literals every match contains (see RustRegexTranslator::Translation).
    const QStringList &requiredLiterals() const { return m_requiredLiterals; }
    bool requiredLiteralsFoldCase() const { return m_requiredLiteralsFoldCase; }
    /// Literal OR-sets every match meets (see RustRegexTranslator::Translation::literalSets).
    const QList<RustRegexTranslator::LiteralSet> &literalSets() const { return m_literalSets; }
    /// Literal sets bound to the subject's start (Translation::anchoredLiteralSets).
    const QList<RustRegexTranslator::AnchoredLiterals> &anchoredLiteralSets() const { return m_anchoredLiteralSets; }
    /// Non-null when a subject matches exactly when it contains this text (case-folded when
    /// exactLiteralFoldCase()); see RustRegexTranslator::Translation::exactLiteral.
    const QString &exactLiteral() const { return m_exactLiteral; }
    bool exactLiteralFoldCase() const { return m_exactLiteralFoldCase; }
    /// Runs of consecutive positions every match contains, as ASCII masks (bit c of word c / 64);
    /// empty when none is selective. See Detail::RegexNodeAnalysis::requiredClassRuns.
    const std::vector<std::vector<std::array<uint64_t, 2>>> &classRuns() const { return m_classRuns; }

private:
    boost::u32regex m_regex;
    QString m_boostPattern;
    QStringList m_requiredLiterals;
    bool m_requiredLiteralsFoldCase = false;
    QList<RustRegexTranslator::LiteralSet> m_literalSets;
    QList<RustRegexTranslator::AnchoredLiterals> m_anchoredLiteralSets;
    QString m_exactLiteral;
    bool m_exactLiteralFoldCase = false;
    std::vector<std::vector<std::array<uint64_t, 2>>> m_classRuns;
};

} // namespace Dsn::Rules
