// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "rules/detail/ClassRunFilter.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include <QChar>

namespace Dsn::Rules::Detail {

int ClassRunFilter::add(const std::vector<AsciiMask> &run)
{
    const auto known = std::find(m_runs.begin(), m_runs.end(), run);
    if (known != m_runs.end())
        return int(known - m_runs.begin());
    const int id = int(m_runs.size());
    m_runs.push_back(run);
    const int length = int(std::min<size_t>(run.size(), 64));
    // Runs never straddle two words, so a shift never carries one run into the next.
    if (m_words.empty() || m_words.back().used + length > 64)
        m_words.emplace_back();
    Word &word = m_words.back();
    const int first = word.used;
    word.used += length;
    for (int k = 0; k < length; ++k) {
        const int bit = first + int(k);
        for (int c = 0; c < 128; ++c) {
            if ((run[size_t(k)][size_t(c / 64)] >> (c % 64)) & 1)
                word.mask[c] |= uint64_t(1) << bit;
        }
    }
    word.starts |= uint64_t(1) << first;
    word.ends |= uint64_t(1) << (first + length - 1);
    word.endBitToRun.emplace_back(first + length - 1, id);
    return id;
}

void ClassRunFilter::find(const char *ascii, qsizetype size, std::vector<uint8_t> &found) const
{
    found.assign(m_runs.size(), 0);
    const auto *begin = reinterpret_cast<const uint8_t *>(ascii);
    const uint8_t *end = begin + size;
    for (const Word &word : m_words) {
        // The text's edges read as NUL, which is where a word boundary's outside may fall
        // (RegexNodeAnalysis::requiredClassRuns); for any other run an extra NUL at either end
        // can only add a find, and a superset is still a sound filter.
        uint64_t state = word.starts & word.mask[0];
        uint64_t seen = state & word.ends;
        for (const uint8_t *p = begin; p < end; ++p) {
            // A byte beyond ASCII breaks the precondition; it fills no position rather than
            // reading past the masks.
            state = ((state << 1) | word.starts) & (*p < 0x80 ? word.mask[*p] : 0);
            seen |= state & word.ends;
        }
        state = ((state << 1) | word.starts) & word.mask[0];
        seen |= state & word.ends;
        for (const auto &[bit, id] : word.endBitToRun) {
            if ((seen >> bit) & 1)
                found[size_t(id)] = 1;
        }
    }
}

void ClassRunFilter::find(QStringView subject, std::vector<uint8_t> &found, std::string &bytes) const
{
    bytes.clear();
    const char16_t *p = subject.utf16();
    const char16_t *end = p + subject.size();
    while (p < end) {
        const char16_t u = *p++;
        if (QChar::isHighSurrogate(u) && p < end && QChar::isLowSurrogate(*p))
            ++p;
        bytes.push_back(u < 0x80 ? char(u) : '\x01');
    }
    find(bytes.data(), qsizetype(bytes.size()), found);
}

} // namespace Dsn::Rules::Detail
