// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "rules/detail/UnicodeTables.h"

#include <array>
#include <map>
#include <vector>

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <QStringList>

namespace Dsn::Rules::Detail {

namespace {

icu::UnicodeSet fromPattern(const char16_t *pattern)
{
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeSet set(icu::UnicodeString(pattern), status);
    set.freeze();
    return set;
}

// ICU's copy constructor keeps a frozen set frozen, and a frozen set ignores edits.
icu::UnicodeSet thawed(const icu::UnicodeSet &set)
{
    icu::UnicodeSet copy;
    copy.addAll(set);
    return copy;
}

icu::UnicodeSet fromRanges(std::initializer_list<std::pair<UChar32, UChar32>> ranges)
{
    icu::UnicodeSet set;
    for (const auto &[lo, hi] : ranges)
        set.add(lo, hi);
    set.freeze();
    return set;
}

// The categories whose Boost spelling `[[:Xx:]]` was checked to match exactly ICU's set (see
// TestRustRegexTranslator::boostCategoryAtoms). One-letter names are not used: Boost reads
// `[[:S:]]` as "space", and rejects `[[:P:]]`.
constexpr std::array<const char16_t *, 25> kAtomNames = {
    u"Lu", u"Ll", u"Lt", u"Lm", u"Lo", u"Mn", u"Mc", u"Me", u"Nd", u"Nl", u"No", u"Pc", u"Pd",
    u"Ps", u"Pe", u"Pi", u"Pf", u"Po", u"Sm", u"Sc", u"Sk", u"So", u"Zs", u"Zl", u"Zp",
};

struct Atom
{
    QString name;
    icu::UnicodeSet set;
};

const std::vector<Atom> &atoms()
{
    static const std::vector<Atom> s_atoms = [] {
        std::vector<Atom> list;
        for (const char16_t *name : kAtomNames) {
            QString n = QString::fromUtf16(name);
            list.push_back(
                {n, fromPattern(reinterpret_cast<const char16_t *>(QStringLiteral("[:%1:]").arg(n).utf16()))});
        }
        return list;
    }();
    return s_atoms;
}

// Simple case folding groups code points into orbits; Rust's (?i) matches any member of the
// orbit of a character. Keyed by the folded form.
const std::map<UChar32, std::vector<UChar32>> &caseOrbits()
{
    static const std::map<UChar32, std::vector<UChar32>> s_orbits = [] {
        std::map<UChar32, std::vector<UChar32>> orbits;
        for (UChar32 c = 0; c <= 0x10FFFF; ++c) {
            const UChar32 folded = u_foldCase(c, U_FOLD_CASE_DEFAULT);
            if (folded != c)
                orbits[folded].push_back(c);
        }
        for (auto &[folded, members] : orbits)
            members.push_back(folded);
        return orbits;
    }();
    return s_orbits;
}

// Code points whose Boost (?i) equivalence class, "same u_tolower()", is not their simple folding
// orbit: 65 in ICU 72, four of them ASCII (I, S, i, s).
const icu::UnicodeSet &boostFoldMismatches()
{
    static const icu::UnicodeSet s_mismatches = [] {
        std::map<UChar32, icu::UnicodeSet> lowerPreimages; // only code points u_tolower() changes
        icu::UnicodeSet candidates; // everything either relation ties to another code point
        for (UChar32 c = 0; c <= 0x10FFFF; ++c) {
            const UChar32 lower = u_tolower(c);
            if (lower != c) {
                lowerPreimages[lower].add(c);
                candidates.add(c).add(lower);
            }
        }
        for (const auto &[folded, members] : caseOrbits()) {
            for (UChar32 m : members)
                candidates.add(m);
        }
        icu::UnicodeSet mismatches;
        for (int32_t r = 0; r < candidates.getRangeCount(); ++r) {
            for (UChar32 c = candidates.getRangeStart(r); c <= candidates.getRangeEnd(r); ++c) {
                const UChar32 lower = u_tolower(c);
                icu::UnicodeSet boost;
                if (const auto it = lowerPreimages.find(lower); it != lowerPreimages.end())
                    boost.addAll(it->second);
                if (u_tolower(lower) == lower)
                    boost.add(lower);
                if (boost != UnicodeTables::caseOrbit(c))
                    mismatches.add(c);
            }
        }
        mismatches.freeze();
        return mismatches;
    }();
    return s_mismatches;
}

// regex-syntax's symbolic_name_normalize: ignore case, whitespace, '_' and '-'.
QString looseName(const QString &name)
{
    QString out;
    for (QChar ch : name) {
        if (ch.isSpace() || ch == u'_' || ch == u'-')
            continue;
        out += ch.toLower();
    }
    return out;
}

std::optional<icu::UnicodeSet> generalCategory(const QString &name)
{
    const QString n = looseName(name);
    if (n == u"any")
        return fromRanges({{0, 0x10FFFF}});
    if (n == u"ascii")
        return fromRanges({{0, 0x7F}});
    if (n == u"assigned") {
        icu::UnicodeSet set = thawed(fromPattern(u"[:Cn:]"));
        set.complement();
        return set;
    }
    const QByteArray latin = name.toLatin1();
    const int32_t value = u_getPropertyValueEnum(UCHAR_GENERAL_CATEGORY_MASK, latin.constData());
    if (value == UCHAR_INVALID_CODE)
        return std::nullopt;
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeSet set;
    set.applyIntPropertyValue(UCHAR_GENERAL_CATEGORY_MASK, value, status);
    return set;
}

std::optional<icu::UnicodeSet> script(const QString &name, UProperty which)
{
    const QByteArray latin = name.toLatin1();
    const int32_t value = u_getPropertyValueEnum(UCHAR_SCRIPT, latin.constData());
    if (value == UCHAR_INVALID_CODE)
        return std::nullopt;
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeSet set;
    set.applyIntPropertyValue(which, value, status);
    return set;
}

std::optional<icu::UnicodeSet> binaryProperty(const QString &name)
{
    const QByteArray latin = name.toLatin1();
    const UProperty prop = u_getPropertyEnum(latin.constData());
    if (prop < UCHAR_BINARY_START || prop >= UCHAR_BINARY_LIMIT)
        return std::nullopt;
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeSet set;
    set.applyIntPropertyValue(prop, 1, status);
    return set;
}

// Rust's \p{age=X} is cumulative: everything assigned in version X or earlier.
std::optional<icu::UnicodeSet> ageUpTo(const QString &value)
{
    const QStringList parts = value.trimmed().split(u'.');
    bool okMajor = false;
    bool okMinor = true;
    const int major = parts.value(0).toInt(&okMajor);
    const int minor = parts.size() > 1 ? parts.value(1).toInt(&okMinor) : 0;
    if (!okMajor || !okMinor || parts.size() > 2 || major < 1)
        return std::nullopt;
    icu::UnicodeSet set;
    for (UChar32 c = 0; c <= 0x10FFFF; ++c) {
        UVersionInfo age;
        u_charAge(c, age);
        if (age[0] == 0)
            continue;
        if (age[0] < major || (age[0] == major && age[1] <= minor))
            set.add(c);
    }
    return set;
}

QString hex(UChar32 c)
{
    return QStringLiteral("\\x{%1}").arg(uint(c), 0, 16);
}

// The set's ranges inside a bracket, each end spelled by `spell`.
template <typename Spell> QString rangeList(const icu::UnicodeSet &set, Spell spell)
{
    QString body;
    for (int32_t i = 0; i < set.getRangeCount(); ++i) {
        const UChar32 lo = set.getRangeStart(i);
        const UChar32 hi = set.getRangeEnd(i);
        body += spell(lo);
        if (hi == lo + 1)
            body += spell(hi);
        else if (hi != lo)
            body += u'-' + spell(hi);
    }
    return body;
}

// Bracket body for a set: category atoms fully inside it, then the remaining ranges.
QString bracketBody(const icu::UnicodeSet &set, int *cost)
{
    icu::UnicodeSet rest = thawed(set);
    QString body;
    int n = 0;
    for (const Atom &atom : atoms()) {
        if (!atom.set.isEmpty() && set.containsAll(atom.set)) {
            body += QStringLiteral("[:%1:]").arg(atom.name);
            rest.removeAll(atom.set);
            ++n;
        }
    }
    body += rangeList(rest, hex);
    *cost = n + rest.getRangeCount();
    return body;
}

} // namespace

const icu::UnicodeSet &UnicodeTables::perlUnicode(Perl kind)
{
    static const icu::UnicodeSet s_digit = fromPattern(u"[:Nd:]");
    static const icu::UnicodeSet s_space = fromPattern(u"[:White_Space:]");
    static const icu::UnicodeSet s_word = fromPattern(u"[\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\p{Join_Control}]");
    switch (kind) {
    case Perl::Digit:
        return s_digit;
    case Perl::Space:
        return s_space;
    case Perl::Word:
        break;
    }
    return s_word;
}

const icu::UnicodeSet &UnicodeTables::perlAscii(Perl kind)
{
    static const icu::UnicodeSet s_digit = fromRanges({{'0', '9'}});
    static const icu::UnicodeSet s_space = fromRanges({{'\t', '\r'}, {' ', ' '}});
    static const icu::UnicodeSet s_word = fromRanges({{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}});
    switch (kind) {
    case Perl::Digit:
        return s_digit;
    case Perl::Space:
        return s_space;
    case Perl::Word:
        break;
    }
    return s_word;
}

std::optional<icu::UnicodeSet> UnicodeTables::posixClass(const QString &name)
{
    // Vectors, not initializer_lists: the map outlives the braces that would back a list.
    using R = std::vector<std::pair<UChar32, UChar32>>;
    static const std::map<QString, R> s_classes = {
        {QStringLiteral("alnum"), R{{'0', '9'}, {'A', 'Z'}, {'a', 'z'}}},
        {QStringLiteral("alpha"), R{{'A', 'Z'}, {'a', 'z'}}},
        {QStringLiteral("ascii"), R{{0, 0x7F}}},
        {QStringLiteral("blank"), R{{'\t', '\t'}, {' ', ' '}}},
        {QStringLiteral("cntrl"), R{{0, 0x1F}, {0x7F, 0x7F}}},
        {QStringLiteral("digit"), R{{'0', '9'}}},
        {QStringLiteral("graph"), R{{'!', '~'}}},
        {QStringLiteral("lower"), R{{'a', 'z'}}},
        {QStringLiteral("print"), R{{' ', '~'}}},
        {QStringLiteral("punct"), R{{'!', '/'}, {':', '@'}, {'[', '`'}, {'{', '~'}}},
        {QStringLiteral("space"), R{{'\t', '\r'}, {' ', ' '}}},
        {QStringLiteral("upper"), R{{'A', 'Z'}}},
        {QStringLiteral("word"), R{{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}}},
        {QStringLiteral("xdigit"), R{{'0', '9'}, {'A', 'F'}, {'a', 'f'}}},
    };
    const auto it = s_classes.find(name);
    if (it == s_classes.end())
        return std::nullopt;
    icu::UnicodeSet set;
    for (const auto &[lo, hi] : it->second)
        set.add(lo, hi);
    return set;
}

icu::UnicodeSet UnicodeTables::thaw(const icu::UnicodeSet &set)
{
    return thawed(set);
}

icu::UnicodeSet UnicodeTables::property(const QString &name, const QString *value, PropertyError *error)
{
    *error = PropertyError::None;
    // Names are ASCII in every Unicode property alias; anything else cannot be found.
    auto attempt = [&](const QString &n) -> std::optional<icu::UnicodeSet> {
        if (value == nullptr) {
            if (auto s = generalCategory(n))
                return s;
            if (auto s = script(n, UCHAR_SCRIPT))
                return s;
            return binaryProperty(n);
        }
        const QString key = looseName(n);
        std::optional<icu::UnicodeSet> found;
        if (key == u"gc" || key == u"generalcategory")
            found = generalCategory(*value);
        else if (key == u"sc" || key == u"script")
            found = script(*value, UCHAR_SCRIPT);
        else if (key == u"scx" || key == u"scriptextensions")
            found = script(*value, UCHAR_SCRIPT_EXTENSIONS);
        else if (key == u"age")
            found = ageUpTo(*value);
        else {
            *error = PropertyError::PropertyNotFound;
            return std::nullopt;
        }
        if (!found)
            *error = PropertyError::ValueNotFound;
        return found;
    };
    for (QChar ch : name + (value ? *value : QString())) {
        if (ch.unicode() > 0x7F) {
            *error = value ? PropertyError::ValueNotFound : PropertyError::PropertyNotFound;
            return {};
        }
    }
    std::optional<icu::UnicodeSet> set = attempt(name);
    if (!set && value == nullptr && looseName(name).startsWith(u"is"))
        set = attempt(looseName(name).mid(2));
    if (!set) {
        if (*error == PropertyError::None)
            *error = PropertyError::PropertyNotFound;
        return {};
    }
    *error = PropertyError::None;
    return thawed(*set);
}

void UnicodeTables::closeOverSimpleCaseFolding(icu::UnicodeSet &set)
{
    icu::UnicodeSet added;
    for (const auto &[folded, members] : caseOrbits()) {
        for (UChar32 m : members) {
            if (set.contains(m)) {
                for (UChar32 x : members)
                    added.add(x);
                break;
            }
        }
    }
    set.addAll(added);
}

void UnicodeTables::closeOverAsciiCase(icu::UnicodeSet &set)
{
    icu::UnicodeSet added;
    for (UChar32 c = 'A'; c <= 'Z'; ++c) {
        if (set.contains(c) || set.contains(c + 32))
            added.add(c).add(c + 32);
    }
    set.addAll(added);
}

QString UnicodeTables::simpleFold(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (char32_t c : text.toUcs4())
        out += QString::fromUcs4(&(c = char32_t(u_foldCase(UChar32(c), U_FOLD_CASE_DEFAULT))), 1);
    return out;
}

bool UnicodeTables::hasCaseVariants(UChar32 c)
{
    const auto &orbits = caseOrbits();
    return orbits.count(u_foldCase(c, U_FOLD_CASE_DEFAULT)) > 0;
}

icu::UnicodeSet UnicodeTables::caseOrbit(UChar32 c)
{
    icu::UnicodeSet orbit(c, c);
    const auto &orbits = caseOrbits();
    if (const auto it = orbits.find(u_foldCase(c, U_FOLD_CASE_DEFAULT)); it != orbits.end()) {
        for (UChar32 m : it->second)
            orbit.add(m);
    }
    return orbit;
}

bool UnicodeTables::boostFoldsLikeRust(UChar32 c)
{
    return !boostFoldMismatches().contains(c);
}

QString UnicodeTables::boostLiteral(UChar32 c)
{
    if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
        return QString(QChar(char16_t(c)));
    if (c < 0x80) {
        static const QString s_meta = QStringLiteral("\\^$.|?*+()[]{}");
        if (s_meta.contains(QChar(char16_t(c))))
            return QStringLiteral("\\") + QChar(char16_t(c));
        if (c >= 0x20 && c < 0x7F)
            return QString(QChar(char16_t(c)));
        return hex(c);
    }
    // Printable BMP characters stay readable; everything else is spelled out.
    if (c <= 0xFFFF && (c < 0xD800 || c > 0xDFFF) && u_isprint(c) && !u_isspace(c))
        return QString(QChar(char16_t(c)));
    return hex(c);
}

QString UnicodeTables::boostClass(const icu::UnicodeSet &set)
{
    if (set.isEmpty())
        return QStringLiteral("(?!)");
    if (set.size() == 1)
        return boostLiteral(set.charAt(0));
    icu::UnicodeSet complement = thawed(set);
    complement.complement();
    // Subjects come from valid UTF-16 text, so surrogates never reach the matcher; leaving them
    // out keeps the negated form short.
    complement.remove(0xD800, 0xDFFF);
    int positiveCost = 0;
    int negativeCost = 0;
    const QString positive = bracketBody(set, &positiveCost);
    if (complement.isEmpty())
        return QStringLiteral("[\\x{0}-\\x{10ffff}]");
    const QString negative = bracketBody(complement, &negativeCost);
    if (negativeCost < positiveCost)
        return QStringLiteral("[^") + negative + u']';
    return u'[' + positive + u']';
}

QString UnicodeTables::asciiBoostClass(const icu::UnicodeSet &set)
{
    icu::UnicodeSet ascii(0, 0x7F);
    ascii.retainAll(set);
    if (ascii.isEmpty())
        return QStringLiteral("[^\\x{0}-\\x{7f}]");
    if (ascii.size() == 1)
        return boostLiteral(ascii.charAt(0));
    // Word characters stay readable; anything else is spelled in hex, never special in brackets.
    auto atom = [](UChar32 c) {
        const bool word = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
        return word ? QString(QChar(char16_t(c))) : hex(c);
    };
    return u'[' + rangeList(ascii, atom) + u']';
}

QStringList UnicodeTables::boostCategoryAtoms()
{
    QStringList names;
    for (const Atom &atom : atoms())
        names << atom.name;
    return names;
}

const icu::UnicodeSet &UnicodeTables::categorySet(const QString &twoLetterName)
{
    static const icu::UnicodeSet s_empty;
    for (const Atom &atom : atoms()) {
        if (atom.name == twoLetterName)
            return atom.set;
    }
    return s_empty;
}

} // namespace Dsn::Rules::Detail
