// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "rules/RegexSetMap.h"

#include <QCoreApplication>

#include "rules/CompiledPattern.h"

namespace Dsn::Rules {

RegexSetMap::RegexSetMap() = default;
RegexSetMap::~RegexSetMap() = default;
RegexSetMap::RegexSetMap(RegexSetMap &&) noexcept = default;
RegexSetMap &RegexSetMap::operator=(RegexSetMap &&) noexcept = default;

Result<RegexSetMap> RegexSetMap::compile(const QList<RegexRule> &rules)
{
    RegexSetMap map;
    map.m_rules = rules;
    map.m_compiled.reserve(size_t(rules.size()));
    for (qsizetype i = 0; i < rules.size(); ++i) {
        auto compiled = CompiledPattern::compile(rules[i].pattern);
        if (!compiled) {
            Diagnostic d = compiled.error();
            d.ruleIndex = int(i);
            d.pattern = rules[i].pattern;
            d.message = QStringLiteral("compiling rules: ") + d.message;
            return d;
        }
        map.m_compiled.push_back(std::move(compiled.value()));
    }
    return map;
}

const QList<RegexRule> &RegexSetMap::rules() const
{
    return m_rules;
}

qsizetype RegexSetMap::size() const
{
    return m_rules.size();
}

int RegexSetMap::findFirst(QStringView subject) const
{
    for (size_t i = 0; i < m_compiled.size(); ++i) {
        if (m_compiled[i]->search(subject))
            return int(i);
    }
    return -1;
}

RegexSetMap::Lookup RegexSetMap::lookup(QStringView subject) const
{
    Lookup l;
    for (size_t i = 0; i < m_compiled.size(); ++i) {
        const CompiledPattern::Outcome outcome = m_compiled[i]->searchOutcome(subject);
        if (outcome == CompiledPattern::Outcome::GaveUp)
            l.gaveUp.append(int(i));
        if (outcome != CompiledPattern::Outcome::Match)
            continue;
        if (l.first < 0)
            l.first = int(i);
        else if (m_rules[int(i)].value != m_rules[l.first].value)
            l.ambiguous = true;
        l.matches.append(int(i));
    }
    return l;
}

std::optional<std::pair<qsizetype, qsizetype>> RegexSetMap::matchSpan(int index, QStringView subject) const
{
    if (index < 0 || size_t(index) >= m_compiled.size())
        return std::nullopt;
    return m_compiled[size_t(index)]->span(subject);
}

} // namespace Dsn::Rules
