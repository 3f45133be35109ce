// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include <unicode/umachine.h>

#include <QList>
#include <QString>

#include "rules/RustRegexTranslator.h"

namespace Dsn::Rules::Detail {

/**
 * The reading position of RustRegexParser and RustClassParser over a pattern's code points:
 * peeking and skipping as regex-syntax does (under (?x) whitespace and `#` comments vanish),
 * the flags in force, and the findings gathered so far. Positions are UTF-16 offsets of the
 * pattern. Failures throw RustRegexParser::Failure.
 */
class RustPatternCursor
{
public:
    /// The flags of regex-syntax, as they stand at the cursor.
    struct Flags
    {
        bool i = false;
        bool m = false;
        bool s = false;
        bool U = false;
        bool u = true;
        bool x = false;
        bool R = false;
    };

    explicit RustPatternCursor(const QString &pattern);

    QList<RustRegexTranslator::Finding> findings() const { return m_findings; }

protected:
    static bool isRustWhitespace(UChar32 c);

    bool eof() const { return m_i >= m_chars.size(); }
    UChar32 cur() const { return m_chars[m_i]; }
    int pos() const { return m_offsets[m_i]; }
    int posOf(size_t index) const { return m_offsets[index]; }
    bool bump();
    void bumpSpace();
    bool bumpAndBumpSpace();
    std::optional<UChar32> peek() const;
    std::optional<UChar32> peekSpace() const;
    bool startsWith(const char *ascii) const;
    bool bumpIf(const char *ascii);
    [[noreturn]] static void fail(int at, const char *rustMessage);
    void note(int at, const char *text);
    /**
     * Our case folding is ICU's; a code point newer than ICU's Unicode may have case variants
     * that KumoMTA's regex (with newer Unicode tables) matches under (?i) and we cannot. Unicode
     * 17 also gave three pairs of existing characters a simple folding.
     */
    void noteUnknownToIcu(UChar32 c, int at);

    std::vector<UChar32> m_chars;
    std::vector<int> m_offsets;
    size_t m_i = 0;
    Flags m_flags;
    QList<RustRegexTranslator::Finding> m_findings;
};

} // namespace Dsn::Rules::Detail
