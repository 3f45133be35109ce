// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "rules/detail/RustPatternCursor.h"

#include <optional>
#include <string>
#include <utility>

#include <unicode/uchar.h>

#include <QCoreApplication>

#include "rules/detail/RustRegexParser.h"

namespace Dsn::Rules::Detail {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("RustRegexTranslator", text);
}

} // namespace

RustPatternCursor::RustPatternCursor(const QString &pattern)
{
    for (qsizetype i = 0; i < pattern.size();) {
        m_offsets.push_back(int(i));
        char32_t c = pattern.at(i).unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < pattern.size() && pattern.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(pattern.at(i), pattern.at(i + 1));
            i += 2;
        } else {
            ++i;
        }
        m_chars.push_back(UChar32(c));
    }
    m_offsets.push_back(int(pattern.size()));
}

bool RustPatternCursor::isRustWhitespace(UChar32 c)
{
    return u_hasBinaryProperty(c, UCHAR_WHITE_SPACE);
}

bool RustPatternCursor::bump()
{
    if (eof())
        return false;
    ++m_i;
    return !eof();
}

void RustPatternCursor::bumpSpace()
{
    if (!m_flags.x)
        return;
    while (!eof()) {
        if (isRustWhitespace(cur())) {
            bump();
        } else if (cur() == '#') {
            while (!eof()) {
                const UChar32 c = cur();
                bump();
                if (c == '\n')
                    break;
            }
        } else {
            break;
        }
    }
}

bool RustPatternCursor::bumpAndBumpSpace()
{
    if (!bump())
        return false;
    bumpSpace();
    return !eof();
}

std::optional<UChar32> RustPatternCursor::peek() const
{
    if (m_i + 1 >= m_chars.size())
        return std::nullopt;
    return m_chars[m_i + 1];
}

std::optional<UChar32> RustPatternCursor::peekSpace() const
{
    if (!m_flags.x)
        return peek();
    bool inComment = false;
    for (size_t j = m_i + 1; j < m_chars.size(); ++j) {
        const UChar32 c = m_chars[j];
        if (isRustWhitespace(c))
            continue;
        if (!inComment && c == '#')
            inComment = true;
        else if (inComment && c == '\n')
            inComment = false;
        else if (!inComment)
            return c;
    }
    return std::nullopt;
}

bool RustPatternCursor::startsWith(const char *ascii) const
{
    size_t j = m_i;
    for (const char *p = ascii; *p; ++p, ++j) {
        if (j >= m_chars.size() || m_chars[j] != UChar32(*p))
            return false;
    }
    return true;
}

bool RustPatternCursor::bumpIf(const char *ascii)
{
    if (!startsWith(ascii))
        return false;
    m_i += std::char_traits<char>::length(ascii);
    return true;
}

void RustPatternCursor::fail(int at, const char *rustMessage)
{
    throw RustRegexParser::Failure{at, QString::fromLatin1(rustMessage)};
}

void RustPatternCursor::note(int at, const char *text)
{
    m_findings.append({RustRegexTranslator::Finding::Kind::ReadsDifferently, at, tr(text)});
}

void RustPatternCursor::noteUnknownToIcu(UChar32 c, int at)
{
    if (!m_flags.i || !m_flags.u)
        return;
    auto hex = [](UChar32 x) { return QString::number(uint(x), 16).toUpper().rightJustified(4, u'0'); };
    const QString icuVersion = QLatin1String(U_UNICODE_VERSION);
    if (u_charType(c) == U_UNASSIGNED) {
        m_findings.append({RustRegexTranslator::Finding::Kind::ReadsDifferently, at,
                           QCoreApplication::translate("RustRegexTranslator",
                                                       "U+%1 is unassigned in Unicode %2, which the workbench "
                                                       "uses; KumoMTA's regex may know case variants of it that "
                                                       "(?i) matches, so results here can differ")
                               .arg(hex(c), icuVersion)});
        return;
    }
    static constexpr std::pair<UChar32, UChar32> kUnicode17Folds[] = {
        {0x1FD3, 0x0390}, {0x1FE3, 0x03B0}, {0xFB05, 0xFB06}};
    UVersionInfo version;
    u_getUnicodeVersion(version);
    if (version[0] >= 17)
        return;
    for (const auto &[a, b] : kUnicode17Folds) {
        if (c != a && c != b)
            continue;
        m_findings.append(
            {RustRegexTranslator::Finding::Kind::ReadsDifferently, at,
             QCoreApplication::translate("RustRegexTranslator", "Unicode 17 folds U+%1 and U+%2 together, Unicode %3 "
                                                                "(which the workbench uses) does not; under (?i) "
                                                                "KumoMTA's regex may match both, so results here can "
                                                                "differ")
                 .arg(hex(a), hex(b), icuVersion)});
    }
}

} // namespace Dsn::Rules::Detail
