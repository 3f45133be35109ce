// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "rules/detail/LiteralScanner.h"

#include <algorithm>
#include <bit>
#include <deque>
#include <map>
#include <string>
#include <vector>

#if defined(__x86_64__) || defined(__i386__)
#define DSN_HAVE_TEDDY 1
#include <immintrin.h>
#endif

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

/**
 * How often a folded byte turns up in SMTP replies, roughly (English text, reply codes, host
 * names): the gram filter files each literal under its rarest gram, so the bit set stays sparse
 * where replies are dense.
 */
int byteWeight(char16_t c)
{
    switch (c) {
    case u' ':
        return 24;
    case u'e':
        return 12;
    case u't': case u'a': case u'o': case u'i': case u'n': case u's': case u'r':
        return 8;
    case u'h': case u'l': case u'd': case u'c': case u'u': case u'm': case u'.': case u'0': case u'1':
    case u'2': case u'4': case u'5':
        return 5;
    default:
        return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') ? 3 : 1;
    }
}

#ifdef DSN_HAVE_TEDDY
/// The buckets whose fingerprint byte (its `low` and `high` nibble masks) admits each of 16 bytes.
[[gnu::target("ssse3"), gnu::always_inline]] inline __m128i teddyMask(const char *at, __m128i low, __m128i high,
                                                                     __m128i nibble)
{
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(at));
    return _mm_and_si128(_mm_shuffle_epi8(low, _mm_and_si128(v, nibble)),
                         _mm_shuffle_epi8(high, _mm_and_si128(_mm_srli_epi16(v, 4), nibble)));
}
#endif

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
    buildAscii();
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

bool LiteralScanner::foldAscii(QStringView subject, char *out)
{
    const char16_t *in = subject.utf16();
    const qsizetype size = subject.size();
    qsizetype i = 0;
#ifdef DSN_HAVE_TEDDY
    // Eight units at a time: any unit with a bit above 0x7F leaves the path; capitals gain 0x20.
    // Units from 0x8000 compare as negative, so the signed range test leaves them alone, and
    // they fail the ASCII test anyway.
    const __m128i high = _mm_set1_epi16(short(0xFF80));
    const __m128i beforeA = _mm_set1_epi16(u'A' - 1);
    const __m128i afterZ = _mm_set1_epi16(u'Z' + 1);
    const __m128i caseBit = _mm_set1_epi16(0x20);
    const __m128i zero = _mm_setzero_si128();
    for (; i + 8 <= size; i += 8) {
        __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(in + i));
        if (_mm_movemask_epi8(_mm_cmpeq_epi16(_mm_and_si128(v, high), zero)) != 0xFFFF)
            return false;
        const __m128i upper = _mm_and_si128(_mm_cmpgt_epi16(v, beforeA), _mm_cmplt_epi16(v, afterZ));
        v = _mm_or_si128(v, _mm_and_si128(upper, caseBit));
        _mm_storel_epi64(reinterpret_cast<__m128i *>(out + i), _mm_packus_epi16(v, v));
    }
#endif
    for (; i < size; ++i) {
        const char16_t u = in[i];
        if (u >= 0x80)
            return false;
        out[i] = char(u >= u'A' && u <= u'Z' ? u | 0x20 : u);
    }
    return true;
}

void LiteralScanner::buildTeddy(const std::map<uint32_t, std::vector<GramEntry>> &grams)
{
    m_teddy = false;
    m_bucketEntries.clear();
    std::fill_n(m_bucketBegin, std::size(m_bucketBegin), 0);
    for (int j = 0; j < 3; ++j) {
        std::fill_n(m_teddyLo[j], 16, 0);
        std::fill_n(m_teddyHi[j], 16, 0);
    }
    size_t count = 0;
    for (const auto &entry : grams)
        count += entry.second.size();
    if (count == 0 || count > kMaxTeddyLiterals || !teddySupported())
        return;
    // Neighbouring grams (the map is sorted) share nibbles, so contiguous runs make buckets whose
    // masks admit little besides their own members.
    const size_t bucketCount = std::min<size_t>(8, count);
    size_t filed = 0;
    for (const auto &[gram, entries] : grams) {
        for (const GramEntry &entry : entries) {
            const auto bucket = uint32_t(filed * bucketCount / count);
            m_bucketEntries.push_back(entry);
            m_bucketBegin[bucket + 1] = uint32_t(m_bucketEntries.size());
            for (int j = 0; j < 3; ++j) {
                // A two-byte fingerprint leaves its third mask open.
                const auto byte = uint8_t(j < m_gramLength ? (gram >> (7 * j)) & 0x7F : 0);
                for (unsigned n = 0; n < 16; ++n) {
                    if (j >= m_gramLength || n == (byte & 0x0F))
                        m_teddyLo[j][n] |= uint8_t(1u << bucket);
                    if (j >= m_gramLength || n == (byte >> 4))
                        m_teddyHi[j][n] |= uint8_t(1u << bucket);
                }
            }
            ++filed;
        }
    }
    for (size_t b = 1; b < std::size(m_bucketBegin); ++b)
        m_bucketBegin[b] = std::max(m_bucketBegin[b], m_bucketBegin[b - 1]);
    m_teddy = true;
}

bool LiteralScanner::teddySupported()
{
#ifdef DSN_HAVE_TEDDY
    static const bool s_ssse3 = __builtin_cpu_supports("ssse3");
    return s_ssse3;
#else
    return false;
#endif
}

#ifdef DSN_HAVE_TEDDY
[[gnu::target("ssse3")]] bool LiteralScanner::teddyCandidates(const char *text, qsizetype size,
                                                             uint64_t *candidates, uint8_t *buckets) const
{
    const __m128i nibble = _mm_set1_epi8(0x0F);
    const __m128i zero = _mm_setzero_si128();
    const auto *lo = reinterpret_cast<const __m128i *>(m_teddyLo);
    const auto *hi = reinterpret_cast<const __m128i *>(m_teddyHi);
    const __m128i lo0 = _mm_load_si128(lo), lo1 = _mm_load_si128(lo + 1), lo2 = _mm_load_si128(lo + 2);
    const __m128i hi0 = _mm_load_si128(hi), hi1 = _mm_load_si128(hi + 1), hi2 = _mm_load_si128(hi + 2);
    for (qsizetype word = 0; word * 64 < size; ++word) {
        uint64_t found = 0;
        for (qsizetype at = word * 64, end = std::min(at + 64, size); at < end; at += 16) {
            const __m128i match =
                _mm_and_si128(_mm_and_si128(teddyMask(text + at, lo0, hi0, nibble), teddyMask(text + at + 1, lo1, hi1, nibble)),
                              teddyMask(text + at + 2, lo2, hi2, nibble));
            const auto bits = uint32_t(~_mm_movemask_epi8(_mm_cmpeq_epi8(match, zero)) & 0xFFFF);
            if (bits != 0) [[unlikely]] {
                _mm_storeu_si128(reinterpret_cast<__m128i *>(buckets + at), match);
                found |= uint64_t(bits) << (at % 64);
            }
        }
        // The last block reads into the padding; positions there start nothing.
        if (size - word * 64 < 64)
            found &= (uint64_t(1) << (size - word * 64)) - 1;
        candidates[word] = found;
    }
    return true;
}
#else
bool LiteralScanner::teddyCandidates(const char *, qsizetype, uint64_t *, uint8_t *) const
{
    return false;
}
#endif

void LiteralScanner::buildAscii()
{
    m_gramLength = 0;
    m_teddy = false;
    m_gramBits.clear();
    m_gramSlots.clear();
    m_gramEntries.clear();
    m_asciiText.clear();
    // Literals whose fold leaves ASCII never occur in an ASCII subject; the others set the gram
    // length, which no literal may be shorter than.
    size_t shortest = SIZE_MAX;
    std::vector<size_t> asciiLiterals;
    for (size_t i = 0; i < m_pending.size(); ++i) {
        const std::u16string &lit = m_pending[i];
        if (std::any_of(lit.begin(), lit.end(), [](char16_t u) { return u >= 0x80; }))
            continue;
        asciiLiterals.push_back(i);
        shortest = std::min(shortest, lit.size());
    }
    // Past many thousand literals the buckets grow long and the bit set leaves the caches: the
    // automaton is faster there. With grams filed away from shared words, the bit set still
    // wins on bench_regexset's 10,000-pattern tables.
    if (shortest < 2 || asciiLiterals.size() > kMaxGramLiterals)
        return;
    m_gramLength = shortest >= 3 ? 3 : 2;
    // Each literal goes under the gram that is rarest in replies and, of those, least used by
    // the literals filed so far: a bucket shared by many literals costs every one of them a
    // comparison whenever it fires.
    // A gram many literals contain is part of a word or phrase the replies share ("box" of
    // every "mailbox …" alternative): filing under it would verify them all wherever it occurs.
    // Teddy's few literals keep their fingerprints: there this choice measured slower.
    std::map<uint32_t, int> containing;
    if (asciiLiterals.size() > kMaxTeddyLiterals) {
        std::vector<uint32_t> grams;
        for (const size_t i : asciiLiterals) {
            const std::u16string &lit = m_pending[i];
            if (lit.size() > UINT16_MAX)
                continue;
            const std::string bytes(lit.begin(), lit.end());
            grams.clear();
            for (size_t k = 0; k + size_t(m_gramLength) <= bytes.size(); ++k)
                grams.push_back(gramOf(bytes.data() + k));
            std::sort(grams.begin(), grams.end());
            grams.erase(std::unique(grams.begin(), grams.end()), grams.end());
            for (const uint32_t gram : grams)
                ++containing[gram];
        }
    }
    std::map<uint32_t, std::vector<GramEntry>> buckets;
    for (const size_t i : asciiLiterals) {
        const std::u16string &lit = m_pending[i];
        if (lit.size() > UINT16_MAX)
            continue; // cannot occur in a subject short enough for the ASCII path
        std::string bytes(lit.begin(), lit.end());
        size_t best = 0;
        double bestCost = 0;
        for (size_t k = 0; k + size_t(m_gramLength) <= bytes.size(); ++k) {
            double cost = 1;
            for (int g = 0; g < m_gramLength; ++g)
                cost *= byteWeight(lit[k + size_t(g)]);
            const uint32_t gram = gramOf(bytes.data() + k);
            const auto it = buckets.find(gram);
            cost *= 1.0 + (it == buckets.end() ? 0.0 : double(it->second.size()));
            cost *= containing.empty() ? 1.0 : double(containing[gram]);
            if (k == 0 || cost < bestCost) {
                best = k;
                bestCost = cost;
            }
        }
        const GramEntry entry{m_pendingIds[i], uint32_t(m_asciiText.size()), uint16_t(best), uint16_t(bytes.size())};
        m_asciiText += bytes;
        buckets[gramOf(bytes.data() + best)].push_back(entry);
    }
    buildTeddy(buckets);
    // About one bit in 64 set (a set bit costs a bucket probe), within 512 bytes to 256 KiB.
    const unsigned bitsLog2 = std::clamp(unsigned(std::bit_width(buckets.size() * 64)), 12u, 21u);
    m_gramShift = 32 - bitsLog2;
    m_gramBits.assign(size_t(1) << (bitsLog2 - 6), 0);
    const unsigned slotsLog2 = std::max(3u, unsigned(std::bit_width(buckets.size() * 2)));
    m_slotShift = 32 - slotsLog2;
    m_gramSlots.assign(size_t(1) << slotsLog2, GramSlot{});
    const uint32_t mask = uint32_t(m_gramSlots.size() - 1);
    for (const auto &[gram, entries] : buckets) {
        const uint32_t h = (gram * 0x9E3779B1u) >> m_gramShift;
        m_gramBits[h >> 6] |= uint64_t(1) << (h & 63);
        uint32_t slot = (gram * 0x85EBCA6Bu) >> m_slotShift;
        while (m_gramSlots[slot].gram != UINT32_MAX)
            slot = (slot + 1) & mask;
        m_gramSlots[slot] = {gram, uint32_t(m_gramEntries.size()), uint32_t(m_gramEntries.size() + entries.size())};
        m_gramEntries.insert(m_gramEntries.end(), entries.begin(), entries.end());
    }
}

// An empty scanner still walks the subject (for the UTF-16 check), so give it a root.
LiteralScanner::LiteralScanner()
{
    build();
}

} // namespace Dsn::Rules::Detail
