// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <map>
#include <string>
#include <type_traits>
#include <vector>

#include <QString>
#include <QStringView>

namespace Dsn::Rules::Detail {

/**
 * Aho–Corasick over UTF-16 code units, comparing case-insensitively: literals and subject are
 * both reduced with Unicode simple case folding (ICU's u_foldCase, the same fold the translator
 * uses), so a hit is reported whenever the subject contains any case variant of a literal. For
 * a prefilter that is only ever a superset of the exact answer, which is all it needs to be.
 *
 * Immutable after build(); scan() is const and may run on several threads at once.
 */
class LiteralScanner
{
public:
    LiteralScanner();

    /// Adds `literal` (folded here; empty ones are ignored) reporting `id` when found.
    void add(QStringView literal, int id);
    /// Builds the automaton over everything added so far.
    void build();
    bool isEmpty() const { return m_stateCount <= 1; }

    /// What a scan noticed about the subject besides the literals.
    struct ScanResult
    {
        /// False for a lone surrogate, where Boost fails on every pattern.
        bool wellFormed = true;
        /// A non-ASCII character folds to an ASCII one (U+017F ſ, U+212A Kelvin sign): a
        /// folded hit on ASCII text may then rest on an equivalence a regex engine reads
        /// differently.
        bool foldsIntoAscii = false;
        /// Every unit is ASCII (the scan saw them all anyway), so narrow regexes may run.
        bool ascii = true;
    };

    /**
     * Calls `hit(id)` or `hit(id, end)` for every added literal found in `subject` (possibly
     * more than once per id), `end` being the UTF-16 offset just past the occurrence. The
     * occurrences of one id come in ascending order of `end`; different ids may interleave.
     */
    template <typename Hit> ScanResult scan(QStringView subject, Hit &&hit) const;

    /// Subjects up to this long that are all ASCII take the gram filter instead of the automaton.
    static constexpr qsizetype kMaxAsciiSubject = 1024;
    /// Whether ASCII subjects skip the automaton (no literal is shorter than two units).
    bool hasAsciiPath() const { return m_gramLength != 0; }

    /// Unicode simple case folding of one code point (ICU's u_foldCase, default mapping).
    static char32_t foldCodePoint(char32_t c);
    /**
     * Whether simple case folding maps every BMP code point into the BMP and every astral one
     * outside it. scan() folds BMP units one by one and relies on this; ICU 72 (Unicode 15)
     * holds it, and RegexSetMap turns the prefilter off rather than trust it blindly.
     */
    static bool foldKeepsPlanes();

private:
    /// A literal of the ASCII path: its folded bytes and where its gram or fingerprint sits.
    struct GramEntry
    {
        int id;
        uint32_t text;   // into m_asciiText
        uint16_t offset; // of the gram in the literal
        uint16_t length;
    };

    // Classes number the distinct folded code units the literals use; class 0 is "any unit no
    // literal contains", which sends the automaton straight back to the root.
    uint16_t classOf(char16_t unit) const { return unit < 0x80 ? m_asciiClass[unit] : m_classOfUnit[unit]; }
    uint32_t step(uint32_t state, uint16_t cls) const;
    template <typename Hit> void report(uint32_t state, qsizetype end, Hit &hit) const;
    /// Feeds one class to the automaton and reports what ends there, before offset `end`.
    template <bool Dense, typename Hit> uint32_t feed(uint32_t state, uint16_t cls, qsizetype end, Hit &hit) const;
    template <bool Dense, typename Hit> ScanResult scanWith(QStringView subject, Hit &hit) const;
    void buildDense();
    void buildAscii();
    void buildTeddy(const std::map<uint32_t, std::vector<GramEntry>> &grams);
    static bool teddySupported();

    /**
     * Folds `subject` (ASCII letters to lower case) into `out` and returns true when every unit
     * is ASCII; returns false as soon as it meets one that is not (`out` is then partial).
     */
    static bool foldAscii(QStringView subject, char *out);
    /**
     * Teddy (Hyperscan's small-set literal matcher): sets bit p of `candidates` (one word per 64
     * positions) and `buckets[p]` where a bucket's fingerprint masks admit the bytes at p;
     * needs kTeddyPadding readable bytes past `size`. Returns false without SSSE3.
     */
    bool teddyCandidates(const char *text, qsizetype size, uint64_t *candidates, uint8_t *buckets) const;
    template <typename Hit> void scanTeddy(const char *text, qsizetype size, Hit &hit) const;
    template <typename Hit> void verifyEntries(const GramEntry *begin, const GramEntry *end, const char *text,
                                               qsizetype size, qsizetype at, Hit &hit) const;
    uint32_t gramOf(const char *at) const;
    /// memcmp(a, b, n) == 0, inlined for the short lengths literals have.
    static bool sameBytes(const char *a, const char *b, size_t n);
    template <typename Hit> void scanAscii(const char *text, qsizetype size, Hit &hit) const;
    template <typename Hit> void verifyGram(uint32_t gram, const char *text, qsizetype size, qsizetype at, Hit &hit) const;

    /*
     * The ASCII path. On a subject of ASCII units folding is lower-casing, no surrogate can be
     * malformed and nothing folds across scripts, so the literals can be matched on bytes:
     * every literal with an ASCII fold (the others cannot occur) is filed under one of its
     * m_gramLength-byte substrings, picked rare. A bit set over hashed grams rejects nearly
     * every position with one load that depends on nothing before it (the automaton's chain of
     * dependent loads is what bounds its speed); a set bit sends the position to its bucket,
     * whose literals are compared in full.
     */
    struct GramSlot
    {
        uint32_t gram = UINT32_MAX; // UINT32_MAX: empty
        uint32_t begin = 0;         // into m_gramEntries
        uint32_t end = 0;
    };
    // Small sets take Teddy instead of the bit set: up to eight buckets of literals, each with
    // nibble masks for the three bytes of its members' fingerprints, tested sixteen positions
    // at a time with byte shuffles.
    static constexpr size_t kMaxTeddyLiterals = 48;
    static constexpr size_t kMaxGramLiterals = 16384;
    static constexpr qsizetype kTeddyPadding = 32;
    bool m_teddy = false;
    alignas(16) uint8_t m_teddyLo[3][16] = {};
    alignas(16) uint8_t m_teddyHi[3][16] = {};
    uint32_t m_bucketBegin[9] = {}; // into m_bucketEntries
    std::vector<GramEntry> m_bucketEntries;
    int m_gramLength = 0; // 0: no ASCII path
    uint32_t m_gramShift = 32;
    uint32_t m_slotShift = 32;
    std::vector<uint64_t> m_gramBits;
    std::vector<GramSlot> m_gramSlots;
    std::vector<GramEntry> m_gramEntries;
    std::string m_asciiText;

    // A full transition table (state × class) when it stays small: one load per code unit and
    // no failure links at scan time. Entries hold the target's row offset, with kHasOutput set
    // when the target reports literals.
    static constexpr uint32_t kHasOutput = 0x80000000u;
    static constexpr size_t kMaxDenseEntries = size_t(1) << 21;
    std::vector<uint32_t> m_dense;
    uint16_t m_asciiClass[0x80] = {};
    const char16_t *m_fold = nullptr; // simple fold of every BMP unit

    std::vector<std::u16string> m_pending; // folded literals, in add() order
    std::vector<int> m_pendingIds;

    // Scan-time automaton, flattened.
    std::vector<uint16_t> m_classOfUnit; // 65536 entries: BMP unit → class of its fold
    std::vector<uint32_t> m_rootRow;     // root transition for every class (never fails)
    std::vector<uint32_t> m_edgeBegin;   // per state, into m_edgeClass/m_edgeTarget
    std::vector<uint16_t> m_edgeClass;
    std::vector<uint32_t> m_edgeTarget;
    std::vector<uint32_t> m_fail;
    std::vector<int32_t> m_outputLink;   // nearest state on the fail chain (or itself) with outputs
    std::vector<uint32_t> m_outputBegin; // per state, into m_outputIds
    std::vector<int> m_outputIds;
    uint32_t m_stateCount = 0;
    uint32_t m_classCount = 1;
};

inline uint32_t LiteralScanner::step(uint32_t state, uint16_t cls) const
{
    for (;;) {
        if (state == 0)
            return m_rootRow[cls];
        // Most trie states have one or two children; a linear look beats a binary search.
        for (uint32_t e = m_edgeBegin[state], end = m_edgeBegin[state + 1]; e < end; ++e) {
            if (m_edgeClass[e] == cls)
                return m_edgeTarget[e];
        }
        state = m_fail[state];
    }
}

template <typename Hit> void LiteralScanner::report(uint32_t state, qsizetype at, Hit &hit) const
{
    for (int32_t s = m_outputLink[state]; s >= 0; s = m_outputLink[m_fail[uint32_t(s)]]) {
        for (uint32_t o = m_outputBegin[uint32_t(s)], end = m_outputBegin[uint32_t(s) + 1]; o < end; ++o) {
            if constexpr (std::is_invocable_v<Hit &, int, qsizetype>)
                hit(m_outputIds[o], at);
            else
                hit(m_outputIds[o]);
        }
        if (s == 0)
            break;
    }
}

template <bool Dense, typename Hit>
[[gnu::always_inline]] inline uint32_t LiteralScanner::feed(uint32_t state, uint16_t cls, qsizetype end,
                                                            Hit &hit) const
{
    if constexpr (Dense) {
        // `state` is a row offset here (state × class count), which saves a multiplication on
        // the chain of dependent loads that bounds the scan.
        const uint32_t next = m_dense[state + cls];
        state = next & ~kHasOutput;
        if (next & kHasOutput) [[unlikely]]
            report(state / m_classCount, end, hit);
    } else {
        state = cls == 0 ? 0 : step(state, cls);
        if (m_outputLink[state] >= 0) [[unlikely]]
            report(state, end, hit);
    }
    return state;
}

template <bool Dense, typename Hit>
LiteralScanner::ScanResult LiteralScanner::scanWith(QStringView subject, Hit &hit) const
{
    const char16_t *begin = subject.utf16();
    const char16_t *p = begin;
    const char16_t *end = p + subject.size();
    uint32_t state = 0;
    ScanResult result;
    while (p < end) {
        const char16_t u = *p++;
        if (u < 0x80) [[likely]] {
            state = feed<Dense>(state, m_asciiClass[u], p - begin, hit);
            continue;
        }
        result.ascii = false;
        result.foldsIntoAscii = result.foldsIntoAscii || m_fold[u] < 0x80;
        if (QChar::isHighSurrogate(u) && p < end && QChar::isLowSurrogate(*p)) [[unlikely]] {
            // Astral letters (Deseret, Adlam, …) fold within their own plane: fold the code
            // point, then feed both units of the result.
            const char32_t folded = foldCodePoint(QChar::surrogateToUcs4(u, *p++));
            state = feed<Dense>(state, classOf(QChar::highSurrogate(folded)), p - begin - 1, hit);
            state = feed<Dense>(state, classOf(QChar::lowSurrogate(folded)), p - begin, hit);
        } else {
            result.wellFormed = result.wellFormed && !QChar::isSurrogate(u);
            state = feed<Dense>(state, m_classOfUnit[u], p - begin, hit);
        }
    }
    return result;
}

[[gnu::always_inline]] inline bool LiteralScanner::sameBytes(const char *a, const char *b, size_t n)
{
    // Literals are short: a call to memcmp per candidate costs more than comparing words inline.
    auto word = [](const char *p) {
        uint64_t w;
        std::memcpy(&w, p, sizeof w);
        return w;
    };
    auto half = [](const char *p) {
        uint32_t w;
        std::memcpy(&w, p, sizeof w);
        return w;
    };
    if (n >= 8) {
        for (size_t i = 0; i + 8 < n; i += 8) {
            if (word(a + i) != word(b + i))
                return false;
        }
        return word(a + n - 8) == word(b + n - 8);
    }
    if (n >= 4)
        return half(a) == half(b) && half(a + n - 4) == half(b + n - 4);
    for (size_t i = 0; i < n; ++i) {
        if (a[i] != b[i])
            return false;
    }
    return true;
}

inline uint32_t LiteralScanner::gramOf(const char *at) const
{
    // Seven bits per byte: the subject is ASCII here.
    uint32_t gram = uint32_t(uint8_t(at[0])) | uint32_t(uint8_t(at[1])) << 7;
    if (m_gramLength > 2)
        gram |= uint32_t(uint8_t(at[2])) << 14;
    return gram;
}

template <typename Hit>
[[gnu::noinline]] void LiteralScanner::verifyGram(uint32_t gram, const char *text, qsizetype size, qsizetype at,
                                                   Hit &hit) const
{
    uint32_t slot = (gram * 0x85EBCA6Bu) >> m_slotShift;
    const uint32_t mask = uint32_t(m_gramSlots.size() - 1);
    for (;; slot = (slot + 1) & mask) {
        const GramSlot &s = m_gramSlots[slot];
        if (s.gram == UINT32_MAX)
            return;
        if (s.gram == gram)
            break;
    }
    const GramSlot &s = m_gramSlots[slot];
    verifyEntries(m_gramEntries.data() + s.begin, m_gramEntries.data() + s.end, text, size, at, hit);
}

template <typename Hit>
inline void LiteralScanner::verifyEntries(const GramEntry *begin, const GramEntry *end, const char *text,
                                          qsizetype size, qsizetype at, Hit &hit) const
{
    for (const GramEntry *entry = begin; entry < end; ++entry) {
        const qsizetype start = at - entry->offset;
        if (start < 0 || start + entry->length > size)
            continue;
        if (!sameBytes(text + start, m_asciiText.data() + entry->text, entry->length))
            continue;
        if constexpr (std::is_invocable_v<Hit &, int, qsizetype>)
            hit(entry->id, start + entry->length);
        else
            hit(entry->id);
    }
}

template <typename Hit> void LiteralScanner::scanTeddy(const char *text, qsizetype size, Hit &hit) const
{
    uint64_t candidates[(kMaxAsciiSubject + 63) / 64];
    uint8_t buckets[kMaxAsciiSubject + 16];
    if (!teddyCandidates(text, size, candidates, buckets)) {
        scanAscii(text, size, hit);
        return;
    }
    for (qsizetype word = 0; word * 64 < size; ++word) {
        for (uint64_t bits = candidates[word]; bits != 0; bits &= bits - 1) {
            const qsizetype at = word * 64 + std::countr_zero(bits);
            for (unsigned b = buckets[at]; b != 0; b &= b - 1) {
                const int bucket = std::countr_zero(b);
                verifyEntries(m_bucketEntries.data() + m_bucketBegin[bucket],
                              m_bucketEntries.data() + m_bucketBegin[bucket + 1], text, size, at, hit);
            }
        }
    }
}

template <typename Hit> void LiteralScanner::scanAscii(const char *text, qsizetype size, Hit &hit) const
{
    if (m_gramEntries.empty())
        return;
    const uint64_t *bits = m_gramBits.data();
    const uint32_t shift = m_gramShift;
    for (qsizetype i = 0, last = size - m_gramLength; i <= last; ++i) {
        const uint32_t gram = gramOf(text + i);
        const uint32_t h = (gram * 0x9E3779B1u) >> shift;
        if ((bits[h >> 6] >> (h & 63)) & 1) [[unlikely]]
            verifyGram(gram, text, size, i, hit);
    }
}

template <typename Hit> LiteralScanner::ScanResult LiteralScanner::scan(QStringView subject, Hit &&hit) const
{
    if (m_gramLength != 0 && subject.size() <= kMaxAsciiSubject) {
        char folded[kMaxAsciiSubject + kTeddyPadding];
        if (foldAscii(subject, folded)) {
            if (m_teddy) {
                std::memset(folded + subject.size(), 0, kTeddyPadding);
                scanTeddy(folded, subject.size(), hit);
            } else {
                scanAscii(folded, subject.size(), hit);
            }
            return {};
        }
    }
    return m_dense.empty() ? scanWith<false>(subject, hit) : scanWith<true>(subject, hit);
}

} // namespace Dsn::Rules::Detail
