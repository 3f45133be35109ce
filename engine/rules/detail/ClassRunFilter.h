// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <QStringView>
#include <QtGlobal>

namespace Dsn::Rules::Detail {

/**
 * Which of a set of class runs (RegexNodeAnalysis::requiredClassRuns) occur in a subject, for
 * the rules that have no literal: one shift-and pass (Bitap) per 64 run positions, where a regex
 * engine would try every rule at every position.
 *
 * Immutable after construction; find() is const and may run on several threads at once.
 */
class ClassRunFilter
{
public:
    using AsciiMask = std::array<uint64_t, 2>;

    /// Registers `run` (at most 64 positions) and returns its id; equal runs share one id.
    int add(const std::vector<AsciiMask> &run);
    bool isEmpty() const { return m_runs.empty(); }
    qsizetype runCount() const { return qsizetype(m_runs.size()); }

    /**
     * Sets found[id] for every run the ASCII text [`ascii`, `ascii` + `size`) contains (`found`
     * is resized to runCount() and cleared first), reading the text's edges as NUL on either
     * side. Bytes beyond ASCII fill no position.
     */
    void find(const char *ascii, qsizetype size, std::vector<uint8_t> &found) const;
    /**
     * find() on any well-formed UTF-16 subject: each character beyond ASCII (a surrogate pair is
     * one) reads as U+0001, which every position admitting such characters admits
     * (RegexNodeAnalysis::requiredClassRuns). `bytes` is scratch.
     */
    void find(QStringView subject, std::vector<uint8_t> &found, std::string &bytes) const;

private:
    struct Word
    {
        uint64_t mask[128] = {}; // per ASCII unit: the run positions it may fill
        uint64_t starts = 0;     // each run's first position
        uint64_t ends = 0;       // each run's last position
        int used = 0;            // positions taken
        std::vector<std::pair<int, int>> endBitToRun; // (bit of a run's last position, run id)
    };
    std::vector<std::vector<AsciiMask>> m_runs;
    std::vector<Word> m_words;
};

} // namespace Dsn::Rules::Detail
