// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "rules/detail/LiteralScanner.h"

#include <algorithm>
#include <deque>

#include <QList>

#include <unicode/uchar.h>

namespace Dsn::Rules::Detail {

namespace {

// The fold of every BMP unit, computed once: building a scanner then costs a table copy, not
// 65,536 ICU calls. Surrogates map to themselves.
const std::vector<char16_t> &bmpFold()
{
    static const std::vector<char16_t> s_fold = [] {
        std::vector<char16_t> fold(0x10000);
        for (char32_t u = 0; u < 0x10000; ++u) {
            const char32_t f = LiteralScanner::foldCodePoint(u);
            fold[u] = QChar::isSurrogate(u) || f > 0xFFFF ? char16_t(u) : char16_t(f);
        }
        return fold;
    }();
    return s_fold;
}

struct Edge
{
    uint16_t cls;
    uint32_t target;
};

} // namespace

char32_t LiteralScanner::foldCodePoint(char32_t c)
{
    return char32_t(u_foldCase(UChar32(c), U_FOLD_CASE_DEFAULT));
}

bool LiteralScanner::foldKeepsPlanes()
{
    static const bool s_keeps = [] {
        for (char32_t c = 0; c < 0x110000; ++c) {
            if ((c > 0xFFFF) != (foldCodePoint(c) > 0xFFFF))
                return false;
        }
        return true;
    }();
    return s_keeps;
}

void LiteralScanner::add(QStringView literal, int id)
{
    std::u16string folded;
    const QList<uint> ucs4 = literal.toUcs4();
    for (uint c : ucs4) {
        const char32_t f = foldCodePoint(c);
        if (f > 0xFFFF) {
            folded += QChar::highSurrogate(f);
            folded += QChar::lowSurrogate(f);
        } else {
            folded += char16_t(f);
        }
    }
    if (folded.empty())
        return;
    m_pending.push_back(std::move(folded));
    m_pendingIds.push_back(id);
}

void LiteralScanner::build()
{
    // Number the units the literals use.
    std::vector<uint16_t> unitClass(0x10000, 0);
    uint32_t classes = 1;
    for (const std::u16string &lit : m_pending) {
        for (char16_t u : lit) {
            if (unitClass[u] == 0) {
                // More than 65,535 distinct units would need every code unit there is in one
                // table; fold the overflow into the last class (a superset is still correct).
                unitClass[u] = uint16_t(std::min<uint32_t>(classes, 0xFFFF));
                classes = std::min<uint32_t>(classes + 1, 0x10000);
            }
        }
    }
    m_classCount = classes;
    const std::vector<char16_t> &fold = bmpFold();
    m_fold = fold.data();
    m_classOfUnit.assign(0x10000, 0);
    for (uint32_t u = 0; u < 0x10000; ++u)
        m_classOfUnit[u] = unitClass[fold[u]];
    std::copy(m_classOfUnit.begin(), m_classOfUnit.begin() + 0x80, m_asciiClass);

    // The trie.
    std::vector<std::vector<Edge>> edges(1);
    std::vector<std::vector<int>> outputs(1);
    for (size_t i = 0; i < m_pending.size(); ++i) {
        uint32_t state = 0;
        for (char16_t u : m_pending[i]) {
            const uint16_t cls = unitClass[u];
            auto &out = edges[state];
            auto it =
                std::lower_bound(out.begin(), out.end(), cls, [](const Edge &e, uint16_t c) { return e.cls < c; });
            if (it == out.end() || it->cls != cls) {
                const auto target = uint32_t(edges.size());
                it = out.insert(it, Edge{cls, target});
                edges.emplace_back();
                outputs.emplace_back();
            }
            state = it->target;
        }
        outputs[state].push_back(m_pendingIds[i]);
    }
    m_stateCount = uint32_t(edges.size());

    // Failure and output links, breadth first so a state's fail target is finished before it.
    m_rootRow.assign(m_classCount, 0);
    for (const Edge &e : edges[0])
        m_rootRow[e.cls] = e.target;
    m_fail.assign(m_stateCount, 0);
    m_outputLink.assign(m_stateCount, -1);
    auto gotoState = [&](uint32_t state, uint16_t cls) {
        for (;;) {
            if (state == 0)
                return m_rootRow[cls];
            for (const Edge &e : edges[state]) {
                if (e.cls == cls)
                    return e.target;
            }
            state = m_fail[state];
        }
    };
    std::deque<uint32_t> queue;
    for (const Edge &e : edges[0]) {
        m_outputLink[e.target] = outputs[e.target].empty() ? -1 : int32_t(e.target);
        queue.push_back(e.target);
    }
    while (!queue.empty()) {
        const uint32_t s = queue.front();
        queue.pop_front();
        for (const Edge &e : edges[s]) {
            m_fail[e.target] = gotoState(m_fail[s], e.cls);
            m_outputLink[e.target] = outputs[e.target].empty() ? m_outputLink[m_fail[e.target]] : int32_t(e.target);
            queue.push_back(e.target);
        }
    }

    // Flatten.
    m_edgeBegin.assign(m_stateCount + 1, 0);
    m_outputBegin.assign(m_stateCount + 1, 0);
    m_edgeClass.clear();
    m_edgeTarget.clear();
    m_outputIds.clear();
    for (uint32_t s = 0; s < m_stateCount; ++s) {
        m_edgeBegin[s] = uint32_t(m_edgeClass.size());
        m_outputBegin[s] = uint32_t(m_outputIds.size());
        for (const Edge &e : edges[s]) {
            m_edgeClass.push_back(e.cls);
            m_edgeTarget.push_back(e.target);
        }
        m_outputIds.insert(m_outputIds.end(), outputs[s].begin(), outputs[s].end());
    }
    m_edgeBegin[m_stateCount] = uint32_t(m_edgeClass.size());
    m_outputBegin[m_stateCount] = uint32_t(m_outputIds.size());
    m_pending.clear();
    m_pendingIds.clear();
    buildDense();
}

void LiteralScanner::buildDense()
{
    m_dense.clear();
    if (size_t(m_stateCount) * m_classCount > kMaxDenseEntries)
        return;
    m_dense.resize(size_t(m_stateCount) * m_classCount);
    // Breadth-first order is not needed: step() already resolves failure links for any state.
    for (uint32_t s = 0; s < m_stateCount; ++s) {
        for (uint32_t c = 0; c < m_classCount; ++c) {
            const uint32_t target = c == 0 ? 0 : step(s, uint16_t(c));
            m_dense[size_t(s) * m_classCount + c] =
                target * m_classCount | (m_outputLink[target] >= 0 ? kHasOutput : 0u);
        }
    }
}

// An empty scanner still walks the subject (for the UTF-16 check), so give it a root.
LiteralScanner::LiteralScanner()
{
    build();
}

} // namespace Dsn::Rules::Detail
