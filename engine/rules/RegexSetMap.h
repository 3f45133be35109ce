// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <memory>
#include <optional>
#include <utility>

#include <QList>
#include <QString>
#include <QStringView>

#include "common/Result.h"
#include "rules/RegexRule.h"

namespace Dsn::Rules {

class CompiledPattern;

/**
 * kumo.regex_set_map on Boost.Regex with the Rust `regex` crate's semantics: unanchored search,
 * case-sensitive unless (?i), ^/$ only at the subject's ends unless (?m), `.` never matches a
 * line feed, Unicode-aware classes. When several patterns match, KumoMTA's pick is arbitrary;
 * the workbench returns the first in table order and reports the lookup as ambiguous when the
 * matching values disagree.
 *
 * Immutable after compile(); lookups are const and safe from several threads at once.
 */
class RegexSetMap
{
public:
    struct Lookup
    {
        int first = -1;         ///< index of the first matching rule in table order, -1 if none
        QList<int> matches;     ///< every matching rule, in table order
        bool ambiguous = false; ///< matching rules carry different values
        /// Rules Boost.Regex gave up on (catastrophic backtracking) for this subject. They count as
        /// not matching although Rust's linear-time engine would have decided; callers should
        /// warn that the answer may differ from KumoMTA's.
        QList<int> gaveUp;
    };

    RegexSetMap();
    ~RegexSetMap();
    RegexSetMap(RegexSetMap &&) noexcept;
    RegexSetMap &operator=(RegexSetMap &&) noexcept;

    /**
     * Compiles every pattern. The first invalid one (or one KumoMTA's Rust regex would refuse)
     * fails the whole map, as KumoMTA does, with a Diagnostic naming the rule index, the
     * pattern, the position and the reason; its message starts "compiling rules: regex parse
     * error:".
     */
    static Result<RegexSetMap> compile(const QList<RegexRule> &rules);

    const QList<RegexRule> &rules() const;
    qsizetype size() const;

    /// The first matching rule in table order, or -1. The fast path for map[subject].
    int findFirst(QStringView subject) const;
    /// Every matching rule, and whether their values disagree.
    Lookup lookup(QStringView subject) const;
    /// Where rule `index` matches in `subject` (start, length in UTF-16 units), for highlighting.
    std::optional<std::pair<qsizetype, qsizetype>> matchSpan(int index, QStringView subject) const;

private:
    QList<RegexRule> m_rules;
    std::vector<std::shared_ptr<const CompiledPattern>> m_compiled;
};

} // namespace Dsn::Rules
