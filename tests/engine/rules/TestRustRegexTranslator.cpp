// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include <algorithm>
#include <vector>

#include <boost/regex/icu.hpp>
#include <unicode/uchar.h>

#include <QElapsedTimer>
#include <QTest>

#include "rules/CompiledPattern.h"
#include "rules/RustRegexTranslator.h"
#include "rules/detail/UnicodeTables.h"

using Dsn::Rules::CompiledPattern;
using Dsn::Rules::RustRegexTranslator;
using Dsn::Rules::Detail::UnicodeTables;

namespace {

// matching() and caseFolding() share one table layout: pattern, subject, does it match.
void addMatchingColumns()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<bool>("matches");
}

void matchingRow(const char *name, const QString &pattern, const QString &subject, bool matches)
{
    QTest::newRow(name) << pattern << subject << matches;
}

} // namespace

class TestRustRegexTranslator : public QObject
{
    Q_OBJECT

private slots:
    void validity_data();
    void validity();
    void matching_data();
    void matching();
    void caseFolding_data();
    void caseFolding();
    void foldCaseSpelling_data();
    void foldCaseSpelling();
    void foldedLiteralsMatchTheirOrbitExactly();
    void span_data();
    void span();
    void findings_data();
    void findings();
    void requiredLiterals_data();
    void requiredLiterals();
    void namedGroupsKeepTheirNames();
    void compileErrorCarriesPrefixAndPosition();
    void catastrophicBacktrackingDoesNotEscape();
    void boostCategoryAtomsMatchIcu();
};

// ---------------------------------------------------------------------------------------------

void TestRustRegexTranslator::validity_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<int>("position");

    auto ok = [](const char *name, const QString &p) { QTest::newRow(name) << p << true << QString() << -1; };
    auto bad = [](const char *name, const QString &p, const char *reason, int pos) {
        QTest::newRow(name) << p << false << QString::fromLatin1(reason) << pos;
    };

    // Accepted by regex 1.13.
    ok("literal", u"hello"_qs);
    ok("named P", u"(?P<name>x)"_qs);
    ok("named angle", u"(?<name>x)"_qs);
    ok("name with dot and brackets", u"(?<a.b[0]>x)"_qs);
    ok("flags", u"(?imsUxR)a"_qs);
    ok("flag negation", u"(?i-s)a"_qs);
    ok("scoped flags", u"(?i:a)b"_qs);
    ok("crlf flag alone", u"(?R)x"_qs);
    ok("crlf with multiline", u"(?Rm)^x$"_qs);
    ok("text anchors", u"\\Ahello\\z"_qs);
    ok("hex 2", u"\\x7F"_qs);
    ok("hex brace", u"\\x{263A}"_qs);
    ok("unicode short", u"\\u263A"_qs);
    ok("unicode brace", u"\\u{263A}"_qs);
    ok("unicode long", u"\\U0001F600"_qs);
    ok("escaped punctuation", u"\\/\\#\\-\\~\\@\\!\\%\\=\\:\\;\\,\\'\\\"\\`"_qs);
    ok("word start end", u"\\<word\\>"_qs);
    ok("special word boundaries", u"\\b{start}x\\b{end}\\b{start-half}\\b{end-half}"_qs);
    ok("word boundary repeated", u"\\b{2}x"_qs);
    ok("unicode classes", u"\\pL\\PL\\p{Greek}\\p{Script=Greek}\\p{sc:Grek}\\p{gc=Lu}\\p{Alphabetic}"_qs);
    ok("posix in class", u"[[:alpha:][:^digit:]]"_qs);
    ok("class subtraction", u"[\\w--\\d]"_qs);
    ok("class intersection", u"[a-z&&[^aeiou]]"_qs);
    ok("class symmetric difference", u"[a-c~~b-d]"_qs);
    ok("nested repetition a++", u"a++"_qs);
    ok("nested repetition a*+", u"a*+"_qs);
    ok("nested repetition a{2}+", u"a{2}+"_qs);
    ok("empty group repeated", u"()*"_qs);
    ok("assertion repeated", u"^*a"_qs);
    ok("empty alternative", u"a|"_qs);
    ok("bracket first", u"[]a]"_qs);
    ok("leading dashes", u"[-a-]"_qs);
    ok("spaces in counted repetition", u"a{ 2 , 3 }"_qs);
    ok("verbose mode", u"(?x) a b # comment\n c"_qs);
    ok("empty class via ops", u"[a&&b]"_qs);
    ok("ascii mode word", u"(?-u)\\w+"_qs);

    // Refused by regex 1.13 (several of them are fine in PCRE and Boost).
    bad("unclosed group", u"("_qs, "unclosed group", 0);
    bad("unclosed inner group", u"a(b(c)"_qs, "unclosed group", 1);
    bad("unopened group", u"ab)"_qs, "unopened group", 2);
    bad("look-ahead", u"foo(?=bar)"_qs, "look-around, including look-ahead and look-behind, is not supported", 3);
    bad("negative look-ahead", u"(?!x)"_qs, "look-around", 0);
    bad("look-behind", u"x(?<=y)"_qs, "look-around", 1);
    bad("negative look-behind", u"(?<!y)x"_qs, "look-around", 0);
    bad("backreference", u"(a)\\1"_qs, "backreferences are not supported", 3);
    bad("octal", u"\\0"_qs, "backreferences are not supported", 0);
    bad("named backreference", u"(?<n>a)\\k<n>"_qs, "unrecognized escape sequence", 7);
    bad("atomic group", u"(?>a)"_qs, "unrecognized flag", 2);
    bad("conditional", u"(?(1)a|b)"_qs, "unrecognized flag", 2);
    bad("recursion by number", u"(?1)"_qs, "unrecognized flag", 2);
    bad("comment group", u"(?#c)"_qs, "unrecognized flag", 2);
    bad("backslash Z", u"a\\Z"_qs, "unrecognized escape sequence", 1);
    bad("backslash G", u"\\Ga"_qs, "unrecognized escape sequence", 0);
    bad("backslash K", u"a\\Kb"_qs, "unrecognized escape sequence", 1);
    bad("quote", u"\\Qa.b\\E"_qs, "unrecognized escape sequence", 0);
    bad("escape less than is no literal", u"[\\<]"_qs, "invalid escape sequence found in character class", 1);
    bad("repetition missing", u"*a"_qs, "repetition operator missing expression", 0);
    bad("repetition after flags", u"(?i)*"_qs, "repetition operator missing expression", 4);
    bad("empty flag group", u"(?)"_qs, "repetition operator missing expression", 1);
    bad("unclosed class", u"[a-z"_qs, "unclosed character class", 0);
    bad("invalid range", u"[z-a]"_qs, "invalid character class range", 1);
    bad("range from class", u"[\\d-z]"_qs, "invalid range boundary, must be a literal", 1);
    bad("decimal invalid", u"a{99999999999}"_qs, "decimal literal invalid", 2);
    bad("decimal empty", u"a{}"_qs, "repetition quantifier expects a valid decimal", 2);
    bad("open minimum", u"a{,5}"_qs, "repetition quantifier expects a valid decimal", 2);
    bad("unclosed counted repetition", u"a{2"_qs, "unclosed counted repetition", 1);
    bad("reversed count", u"a{3,2}"_qs, "invalid repetition count range", 1);
    bad("unrecognized flag", u"(?z)"_qs, "unrecognized flag", 2);
    bad("duplicate flag", u"(?ii)"_qs, "duplicate flag", 3);
    bad("repeated negation", u"(?-i-s)"_qs, "flag negation operator repeated", 4);
    bad("dangling negation", u"(?i-)"_qs, "dangling flag negation operator", 3);
    bad("flags at end", u"(?i"_qs, "expected flag but got end of regex", 3);
    bad("duplicate name", u"(?<n>a)(?<n>b)"_qs, "duplicate capture group name", 10);
    bad("empty name", u"(?<>a)"_qs, "empty capture group name", 3);
    bad("digit first in name", u"(?<1a>x)"_qs, "invalid capture group character", 3);
    bad("unclosed name", u"(?<abc"_qs, "unclosed capture group name", 6);
    bad("python named backref", u"(?P=n)"_qs, "unrecognized flag", 2);
    bad("bad hex digit", u"\\x{zz}"_qs, "invalid hexadecimal digit", 3);
    bad("empty hex", u"\\x{}"_qs, "hexadecimal literal empty", 2);
    bad("hex not scalar", u"\\x{110000}"_qs, "hexadecimal literal is not a Unicode scalar value", 3);
    bad("surrogate hex", u"\\uD800"_qs, "hexadecimal literal is not a Unicode scalar value", 2);
    bad("trailing backslash", u"abc\\"_qs, "incomplete escape sequence", 3);
    bad("horizontal space", u"\\h"_qs, "unrecognized escape sequence", 0);
    bad("unknown property", u"\\p{Foo}"_qs, "Unicode property not found", 0);
    bad("unknown property value", u"\\p{Script=Foo}"_qs, "Unicode property value not found", 0);
    bad("unknown special boundary", u"\\b{foo}"_qs, "unrecognized special word boundary assertion", 3);
    bad("unclosed special boundary", u"\\b{foo"_qs, "special word boundary assertion is either unclosed", 2);
    bad("ascii mode dot", u"(?-u)."_qs, "pattern can match invalid UTF-8", 5);
    bad("ascii mode negated class", u"(?-u)\\W"_qs, "pattern can match invalid UTF-8", 5);
    bad("ascii mode property", u"(?-u)\\pL"_qs, "Unicode not allowed here", 5);
    bad("size limit", u"\\w{1000}{1000}"_qs, "exceeds size limit", 0);
    bad("nest limit", QString(260, u'(') + QString(260, u')'), "nested parentheses", -2);
}

void TestRustRegexTranslator::validity()
{
    QFETCH(QString, pattern);
    QFETCH(bool, valid);
    QFETCH(QString, reason);
    QFETCH(int, position);

    const auto t = RustRegexTranslator::translate(pattern);
    QCOMPARE(t.ok(), valid);
    if (valid) {
        // Whatever we produce must be a pattern Boost compiles.
        QVERIFY2(CompiledPattern::compile(pattern).ok(), qPrintable(t->boostPattern));
        return;
    }
    QCOMPARE(t.error().code, u"regex-parse"_qs);
    QVERIFY2(t.error().message.contains(reason), qPrintable(t.error().message));
    if (position >= 0)
        QCOMPARE(t.error().position, position);
    QCOMPARE(t.error().pattern, pattern);
}

// ---------------------------------------------------------------------------------------------

void TestRustRegexTranslator::matching_data()
{
    addMatchingColumns();
    const auto row = matchingRow;

    row("unanchored search", u"quota"_qs, u"452 4.2.2 mailbox over quota today"_qs, true);
    row("case sensitive by default", u"Quota"_qs, u"over quota"_qs, false);
    row("(?i) folds", u"(?i)QUOTA"_qs, u"over quota"_qs, true);
    row("(?i) Kelvin sign", u"(?i)k"_qs, u"\u212A"_qs, true);
    row("(?i) scoped", u"(?i:a)B"_qs, u"Ab"_qs, false);
    row("(?i) then off", u"(?i)a(?-i)B"_qs, u"AB"_qs, true);
    row("(?i) persists across alternation", u"x(?i)a|b"_qs, u"B"_qs, true);
    row("(?i-u) folds ASCII only", u"(?i-u)k"_qs, u"\u212A"_qs, false);
    row("(?i-u) ASCII fold", u"(?i-u)k"_qs, u"K"_qs, true);
    row("caret at start only", u"^b"_qs, u"a\nb"_qs, false);
    row("caret matches start", u"^a"_qs, u"a\nb"_qs, true);
    row("dollar at end only", u"a$"_qs, u"a\nb"_qs, false);
    row("dollar not before final newline", u"a$"_qs, u"a\n"_qs, false);
    row("multiline caret", u"(?m)^b"_qs, u"a\nb"_qs, true);
    row("multiline dollar", u"(?m)a$"_qs, u"a\nb"_qs, true);
    row("multiline dollar not before CR", u"(?m)a$"_qs, u"a\r\nb"_qs, false);
    row("crlf dollar before CR", u"(?mR)a$"_qs, u"a\r\nb"_qs, true);
    row("crlf caret after CR", u"(?mR)^b"_qs, u"a\rb"_qs, true);
    row("crlf no line start between CR and LF", u"(?mR)\\r^"_qs, u"a\r\nb"_qs, false);
    row("dot not newline", u"a.b"_qs, u"a\nb"_qs, false);
    row("dot matches CR", u"a.b"_qs, u"a\rb"_qs, true);
    row("dot matches U+2028", u"a.b"_qs, u"a\u2028b"_qs, true);
    row("dot under s", u"(?s)a.b"_qs, u"a\nb"_qs, true);
    row("dot under R", u"(?R)a.b"_qs, u"a\rb"_qs, false);
    row("digit Arabic-Indic", u"^\\d+$"_qs, u"\u0663\u0664"_qs, true);
    row("digit fullwidth", u"\\d"_qs, u"\uFF15"_qs, true);
    row("ascii digit mode", u"(?-u)\\d"_qs, u"\u0663"_qs, false);
    row("word accented", u"^\\w+$"_qs, u"\u00e9t\u00e9"_qs, true);
    row("word combining mark", u"^\\w+$"_qs, u"e\u0301"_qs, true);
    row("word circled letter", u"\\w"_qs, u"\u24B6"_qs, true);
    row("space NBSP", u"a\\sb"_qs, u"a\u00a0b"_qs, true);
    row("non space", u"\\S"_qs, u" \t"_qs, false);
    row("word boundary", u"\\bcat\\b"_qs, u"a cat!"_qs, true);
    row("no boundary inside word", u"\\bcat\\b"_qs, u"concatenate"_qs, false);
    row("boundary unicode letters", u"\\b\u00e9t\u00e9\\b"_qs, u"l'\u00e9t\u00e9"_qs, true);
    row("not word boundary", u"\\Bcat"_qs, u"concat"_qs, true);
    row("word start", u"\\<word\\>"_qs, u"a word here"_qs, true);
    row("word start fails mid word", u"\\<ord"_qs, u"word"_qs, false);
    row("b start", u"\\b{start}ord"_qs, u"word"_qs, false);
    row("b end", u"wor\\b{end}"_qs, u"word"_qs, false);
    row("b start-half", u"\\b{start-half}-x"_qs, u" -x"_qs, true);
    row("b end-half", u"x\\b{end-half}"_qs, u"x-"_qs, true);
    row("swap greed", u"(?U)a+"_qs, u"aaa"_qs, true);
    row("named group", u"(?P<code>\\d{3}) (?<esc>\\d\\.\\d\\.\\d)"_qs, u"550 5.1.1 no"_qs, true);
    row("escaped slash hash", u"https:\\/\\/x\\#y"_qs, u"https://x#y"_qs, true);
    row("escaped less than is word start", u"a \\<b"_qs, u"a b"_qs, true);
    row("smiley hex", u"\\x{263A}"_qs, u"I \u263A it"_qs, true);
    row("hex 7F", u"\\x7F"_qs, u"\x7f"_qs, true);
    row("non-BMP literal", u"\\U0001F600!"_qs, u"\U0001F600!"_qs, true);
    row("Greek", u"^\\p{Greek}+$"_qs, u"\u03b1\u03b2\u03b3"_qs, true);
    row("Greek not latin", u"\\p{Greek}"_qs, u"abc"_qs, false);
    row("not letter", u"^\\PL+$"_qs, u"123"_qs, true);
    row("class subtraction", u"^[\\w--\\d]+$"_qs, u"abc"_qs, true);
    row("class subtraction drops digit", u"[\\w--\\d]"_qs, u"123"_qs, false);
    row("class intersection", u"^[a-z&&[^aeiou]]+$"_qs, u"xyz"_qs, true);
    row("class intersection excludes", u"[a-z&&[^aeiou]]"_qs, u"aei"_qs, false);
    row("symmetric difference", u"^[a-c~~b-d]+$"_qs, u"ad"_qs, true);
    row("symmetric difference excludes", u"[a-c~~b-d]"_qs, u"bc"_qs, false);
    row("posix alpha", u"^[[:alpha:]]+$"_qs, u"abc"_qs, true);
    row("posix alpha ASCII only", u"[[:alpha:]]"_qs, u"\u00e9"_qs, false);
    row("(?i) class", u"(?i)[a-c]"_qs, u"B"_qs, true);
    row("(?i) negated class", u"(?i)[^a]"_qs, u"A"_qs, false);
    row("nested repetition", u"^a++$"_qs, u"aaa"_qs, true);
    row("empty class never matches", u"[a&&b]"_qs, u"ab"_qs, false);
    row("counted", u"^a{2,3}$"_qs, u"aaaa"_qs, false);
    row("verbose", u"(?x) 4\\.2\\.2 \\  quota # comment"_qs, u"4.2.2 quota"_qs, true);
    row("alternation", u"bye|later"_qs, u"see you later"_qs, true);
    row("text anchors", u"\\A550\\z"_qs, u"550"_qs, true);
}

void TestRustRegexTranslator::matching()
{
    QFETCH(QString, pattern);
    QFETCH(QString, subject);
    QFETCH(bool, matches);

    const auto compiled = CompiledPattern::compile(pattern);
    QVERIFY2(compiled.ok(), qPrintable(compiled.ok() ? QString() : compiled.error().message));
    QCOMPARE((*compiled)->search(subject), matches);
    QCOMPARE((*compiled)->span(subject).has_value(), matches);
}

// Rust's (?i) is Unicode simple case folding: a character matches its whole orbit (ſ with s, K
// with k, ς with σ), never a full folding (ß is not "ss"). Boost's own (?i) lower-cases instead.
void TestRustRegexTranslator::caseFolding_data()
{
    addMatchingColumns();
    const auto row = matchingRow;

    // The long s joins s and S.
    row("s matches s", u"(?i)s"_qs, u"s"_qs, true);
    row("s matches S", u"(?i)s"_qs, u"S"_qs, true);
    row("s matches long s", u"(?i)s"_qs, u"\u017F"_qs, true);
    row("S matches long s", u"(?i)S"_qs, u"\u017F"_qs, true);
    row("long s matches s", u"(?i)\u017F"_qs, u"s"_qs, true);
    row("long s matches S", u"(?i)\u017F"_qs, u"S"_qs, true);
    row("long s stop matches stop", u"(?i)\u017Ftop"_qs, u"stop"_qs, true);
    row("long s stop matches STOP", u"(?i)\u017Ftop"_qs, u"STOP"_qs, true);
    row("stop matches long s", u"(?i)STOP"_qs, u"\u017Ftop"_qs, true);
    row("long s case-sensitive", u"\u017Ftop"_qs, u"stop"_qs, false);
    // Kelvin and Angstrom signs.
    row("k matches k", u"(?i)k"_qs, u"k"_qs, true);
    row("k matches K", u"(?i)k"_qs, u"K"_qs, true);
    row("k matches Kelvin", u"(?i)k"_qs, u"\u212A"_qs, true);
    row("K matches Kelvin", u"(?i)K"_qs, u"\u212A"_qs, true);
    row("Kelvin matches k", u"(?i)\u212A"_qs, u"k"_qs, true);
    row("Kelvin matches K", u"(?i)\u212A"_qs, u"K"_qs, true);
    row("a ring matches A ring", u"(?i)\u00E5"_qs, u"\u00C5"_qs, true);
    row("a ring matches Angstrom", u"(?i)\u00E5"_qs, u"\u212B"_qs, true);
    row("Angstrom matches a ring", u"(?i)\u212B"_qs, u"\u00E5"_qs, true);
    row("Angstrom matches A ring", u"(?i)\u212B"_qs, u"\u00C5"_qs, true);
    // Sigma's three forms.
    row("small sigma matches capital", u"(?i)\u03C3"_qs, u"\u03A3"_qs, true);
    row("small sigma matches final", u"(?i)\u03C3"_qs, u"\u03C2"_qs, true);
    row("capital sigma matches small", u"(?i)\u03A3"_qs, u"\u03C3"_qs, true);
    row("capital sigma matches final", u"(?i)\u03A3"_qs, u"\u03C2"_qs, true);
    row("final sigma matches small", u"(?i)\u03C2"_qs, u"\u03C3"_qs, true);
    row("final sigma matches capital", u"(?i)\u03C2"_qs, u"\u03A3"_qs, true);
    row("sisyphus upper pattern", u"(?i)\u03A3\u038A\u03A3\u03A5\u03A6\u039F\u03A3"_qs,
        u"\u03C3\u03AF\u03C3\u03C5\u03C6\u03BF\u03C2"_qs, true);
    row("sisyphus lower pattern", u"(?i)^\u03C3\u03AF\u03C3\u03C5\u03C6\u03BF\u03C2$"_qs,
        u"\u03A3\u038A\u03A3\u03A5\u03A6\u039F\u03A3"_qs, true);
    row("sigma case-sensitive", u"\u03C3"_qs, u"\u03C2"_qs, false);
    // Simple, not full, folding.
    row("sharp s matches capital sharp s", u"(?i)\u00DF"_qs, u"\u1E9E"_qs, true);
    row("capital sharp s matches sharp s", u"(?i)\u1E9E"_qs, u"\u00DF"_qs, true);
    row("sharp s does not match ss", u"(?i)\u00DF"_qs, u"ss"_qs, false);
    row("sharp s does not match SS", u"(?i)\u00DF"_qs, u"SS"_qs, false);
    row("ss does not match sharp s", u"(?i)ss"_qs, u"\u00DF"_qs, false);
    // Lower-casing alike is not folding alike: Boost's (?i) would say yes to these.
    row("i does not match dotted I", u"(?i)i"_qs, u"\u0130"_qs, false);
    row("I does not match dotted I", u"(?i)I"_qs, u"\u0130"_qs, false);
    row("i does not match dotless i", u"(?i)i"_qs, u"\u0131"_qs, false);
    row("i matches I", u"(?i)mailbox is full"_qs, u"MAILBOX IS FULL"_qs, true);
    row("dotted I matches itself only", u"(?i)\u0130"_qs, u"i"_qs, false);
    // More orbits of three or four.
    row("theta matches symbol", u"(?i)\u03B8"_qs, u"\u03D1"_qs, true);
    row("theta matches capital symbol", u"(?i)\u03B8"_qs, u"\u03F4"_qs, true);
    row("theta symbol matches capital", u"(?i)\u03D1"_qs, u"\u0398"_qs, true);
    row("micro sign matches mu", u"(?i)\u00B5"_qs, u"\u039C"_qs, true);
    row("mu matches micro sign", u"(?i)\u03BC"_qs, u"\u00B5"_qs, true);
    row("iota matches ypogegrammeni", u"(?i)\u03B9"_qs, u"\u0345"_qs, true);
    row("iota matches prosgegrammeni", u"(?i)\u0399"_qs, u"\u1FBE"_qs, true);
    row("Cyrillic ve matches rounded ve", u"(?i)\u0432"_qs, u"\u1C80"_qs, true);
    row("Cyrillic te matches tall te", u"(?i)\u0422"_qs, u"\u1C85"_qs, true);
    row("s dot above matches long s dot", u"(?i)\u1E61"_qs, u"\u1E9B"_qs, true);
    row("title case dz", u"(?i)\u01C5"_qs, u"\u01C4"_qs, true);
    row("Deseret", u"(?i)\U00010400"_qs, u"\U00010428"_qs, true);
    // Classes and ranges close over the orbits; negation applies to the folded set.
    row("class a-z matches long s", u"(?i)[a-z]"_qs, u"\u017F"_qs, true);
    row("class a-z matches Kelvin", u"(?i)[a-z]"_qs, u"\u212A"_qs, true);
    row("class a-z without (?i)", u"[a-z]"_qs, u"\u017F"_qs, false);
    row("class sigma matches final", u"(?i)[\u03C3]"_qs, u"\u03C2"_qs, true);
    row("class Greek range matches capital", u"(?i)[\u03B1-\u03C9]"_qs, u"\u03A3"_qs, true);
    row("class range r-t matches long s", u"(?i)[r-t]"_qs, u"\u017F"_qs, true);
    row("class long s matches S", u"(?i)[\\x{17F}]"_qs, u"S"_qs, true);
    row("class range a-h misses Kelvin", u"(?i)[a-h]"_qs, u"\u212A"_qs, false);
    row("negated s excludes long s", u"(?i)[^s]"_qs, u"\u017F"_qs, false);
    row("negated k excludes Kelvin", u"(?i)[^k]"_qs, u"\u212A"_qs, false);
    row("negated a-z excludes long s", u"(?i)[^a-z]"_qs, u"\u017F"_qs, false);
    row("negated sigma excludes final", u"(?i)[^\u03A3]"_qs, u"\u03C2"_qs, false);
    row("negated s without (?i)", u"[^s]"_qs, u"\u017F"_qs, true);
    row("negated s still matches t", u"(?i)[^s]"_qs, u"t"_qs, true);
    // Escapes inside classes keep working.
    row("class digit and s", u"(?i)^[\\ds]+$"_qs, u"4\u017FS2"_qs, true);
    row("class word minus digit", u"(?i)^[\\w--\\d]+$"_qs, u"\u017F\u212A"_qs, true);
    row("class not word", u"(?i)[\\W]"_qs, u"\u017F"_qs, false);
    row("property folds", u"(?i)\\p{Lu}"_qs, u"a"_qs, true);
    row("negated property folds first", u"(?i)\\P{Lu}"_qs, u"\u017F"_qs, false);
    row("negated property in class", u"(?i)[^\\p{Ll}]"_qs, u"S"_qs, false);
    row("property case-sensitive", u"\\p{Lu}"_qs, u"a"_qs, false);
    // Scopes, nesting and repetition.
    row("(?-i) after", u"(?i)s(?-i)s"_qs, u"\u017Fs"_qs, true);
    row("(?-i) after refuses", u"(?i)s(?-i)s"_qs, u"\u017FS"_qs, false);
    row("scoped group", u"(?i:\u017F)s"_qs, u"Ss"_qs, true);
    row("scoped group ends", u"(?i:\u017F)s"_qs, u"SS"_qs, false);
    row("(?-i:) inside", u"(?i)a(?-i:s)"_qs, u"A\u017F"_qs, false);
    row("nested groups", u"(?i)^(x(\u017F|k)+)$"_qs, u"XSK\u212A"_qs, true);
    row("repeated sigma", u"(?i)^(\u03C3)+$"_qs, u"\u03A3\u03C2\u03C3"_qs, true);
    row("counted long s", u"(?i)^s{3}$"_qs, u"sS\u017F"_qs, true);
    row("lazy long s", u"(?i)^s+?t$"_qs, u"\u017FSt"_qs, true);
    row("alternation", u"(?i)^(?:ab|s)$"_qs, u"\u017F"_qs, true);
    row("(?i-u) stays ASCII", u"(?i-u)s"_qs, u"\u017F"_qs, false);
    // ASCII regressions.
    row("ascii fold", u"(?i)quota exceeded"_qs, u"QuOtA ExCeEdEd"_qs, true);
    row("ascii fold mismatch", u"(?i)quota"_qs, u"quote"_qs, false);
    row("ascii case-sensitive", u"quota"_qs, u"QUOTA"_qs, false);
    row("ascii class", u"(?i)^[a-f]+$"_qs, u"FaCe"_qs, true);
    row("ascii scoped off", u"(?i)user (?-i)Unknown"_qs, u"USER unknown"_qs, false);
}

void TestRustRegexTranslator::caseFolding()
{
    matching();
}

// Letters Boost folds right stay inside (?i:…) so it still compares strings; only orbits it gets
// wrong become classes.
void TestRustRegexTranslator::foldCaseSpelling_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("boost");

    QTest::newRow("plain ASCII") << u"(?i)quota"_qs << u"(?i:quota)"_qs;
    QTest::newRow("k stays literal") << u"(?i)ok"_qs << u"(?i:ok)"_qs;
    QTest::newRow("s becomes a class") << u"(?i)\u017Ftop"_qs << u"[\\x{53}\\x{73}\\x{17f}](?i:top)"_qs;
    QTest::newRow("i becomes a class") << u"(?i)bit"_qs << u"(?i:b)[\\x{49}\\x{69}](?i:t)"_qs;
    QTest::newRow("quantified class") << u"(?i)s+"_qs << u"[\\x{53}\\x{73}\\x{17f}]+"_qs;
    QTest::newRow("quantified literal") << u"(?i)a+"_qs << u"(?:(?i:a))+"_qs;
    QTest::newRow("sigma") << u"(?i)\u03C3"_qs << u"[\\x{3a3}\\x{3c2}\\x{3c3}]"_qs;
}

void TestRustRegexTranslator::foldCaseSpelling()
{
    QFETCH(QString, pattern);
    QFETCH(QString, boost);

    const auto t = RustRegexTranslator::translate(pattern);
    QVERIFY(t.ok());
    QCOMPARE(t->boostPattern, boost);
}

// Every character with a case relation, as a (?i) literal, against every other such character:
// Boost must match exactly the characters sharing its simple case folding.
void TestRustRegexTranslator::foldedLiteralsMatchTheirOrbitExactly()
{
    std::vector<UChar32> cased;
    for (UChar32 c = 0; c <= 0x10FFFF; ++c) {
        if (u_foldCase(c, U_FOLD_CASE_DEFAULT) != c || u_tolower(c) != c || u_toupper(c) != c || u_totitle(c) != c)
            cased.push_back(c);
    }
    // Targets of those mappings (e.g. 'a') have none of their own.
    std::vector<UChar32> all = cased;
    for (UChar32 c : cased) {
        for (UChar32 t : {u_foldCase(c, U_FOLD_CASE_DEFAULT), u_tolower(c), u_toupper(c), u_totitle(c)})
            all.push_back(t);
    }
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    QVERIFY(all.size() > 2500);

    std::vector<QString> subjects;
    for (UChar32 c : all) {
        const char32_t ch = char32_t(c);
        subjects.push_back(QString::fromUcs4(&ch, 1));
    }
    int wrong = 0;
    QString firstWrong;
    for (UChar32 c : all) {
        const auto compiled = CompiledPattern::compile(QStringLiteral("(?i)\\x{%1}").arg(uint(c), 0, 16));
        QVERIFY(compiled.ok());
        const UChar32 key = u_foldCase(c, U_FOLD_CASE_DEFAULT);
        for (size_t i = 0; i < all.size(); ++i) {
            const bool expected = u_foldCase(all[i], U_FOLD_CASE_DEFAULT) == key;
            if ((*compiled)->search(subjects[i]) != expected && wrong++ == 0)
                firstWrong = QStringLiteral("(?i)U+%1 vs U+%2: %3")
                                 .arg(uint(c), 4, 16)
                                 .arg(uint(all[i]), 4, 16)
                                 .arg((*compiled)->boostPattern());
        }
    }
    QVERIFY2(wrong == 0, qPrintable(QStringLiteral("%1 disagreements, first %2").arg(wrong).arg(firstWrong)));
}

void TestRustRegexTranslator::span_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<int>("start");
    QTest::addColumn<int>("length");

    QTest::newRow("leftmost first") << u"a|ab"_qs << u"xab"_qs << 1 << 1;
    QTest::newRow("greedy") << u"a+"_qs << u"baaa"_qs << 1 << 3;
    QTest::newRow("lazy") << u"a+?"_qs << u"baaa"_qs << 1 << 1;
    QTest::newRow("swap greed makes lazy") << u"(?U)a+"_qs << u"baaa"_qs << 1 << 1;
    QTest::newRow("swap greed makes greedy") << u"(?U)a+?"_qs << u"baaa"_qs << 1 << 3;
    QTest::newRow("utf16 units") << u"b"_qs << u"\U0001F600b"_qs << 2 << 1;
}

void TestRustRegexTranslator::span()
{
    QFETCH(QString, pattern);
    QFETCH(QString, subject);
    QFETCH(int, start);
    QFETCH(int, length);

    const auto compiled = CompiledPattern::compile(pattern);
    QVERIFY(compiled.ok());
    const auto s = (*compiled)->span(subject);
    QVERIFY(s.has_value());
    QCOMPARE(int(s->first), start);
    QCOMPARE(int(s->second), length);
}

// ---------------------------------------------------------------------------------------------

void TestRustRegexTranslator::findings_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<int>("kind"); // -1 none, else Finding::Kind
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("text");

    const int rejects = int(RustRegexTranslator::Finding::Kind::RustRejects);
    const int differs = int(RustRegexTranslator::Finding::Kind::ReadsDifferently);
    QTest::newRow("plain") << u"4\\.2\\.2 over quota"_qs << -1 << -1 << QString();
    QTest::newRow("lookahead Boost accepts") << u"foo(?=bar)"_qs << rejects << 3 << u"look-around"_qs;
    QTest::newRow("backreference Boost accepts") << u"(a)\\1"_qs << rejects << 3 << u"backreferences"_qs;
    QTest::newRow("atomic group Boost accepts") << u"(?>a)"_qs << rejects << 2 << u"unrecognized flag"_qs;
    QTest::newRow("backslash Z Boost accepts") << u"a\\Z"_qs << rejects << 1 << u"unrecognized escape"_qs;
    QTest::newRow("invalid everywhere is no finding") << u"("_qs << -1 << -1 << QString();
    QTest::newRow("possessive-looking") << u"a++"_qs << differs << 2 << u"possessive"_qs;
    QTest::newRow("crlf flag vs recursion") << u"(?R)x"_qs << differs << 0 << u"CRLF"_qs;
    QTest::newRow("vertical tab") << u"a\\vb"_qs << differs << 1 << u"vertical"_qs;
    QTest::newRow("set operation") << u"[\\w--\\d]"_qs << differs << 3 << u"set operations"_qs;
    QTest::newRow("nested class") << u"[a[bc]]"_qs << differs << 2 << u"nested class"_qs;
    // ICU 72 knows Unicode 15; U+1C89 (Cyrillic capital TJE) has a lower case from Unicode 16.
    QTest::newRow("fold of a code point newer than ICU") << u"(?i)x\\x{1C89}"_qs << differs << 5 << u"U+1C89"_qs;
    QTest::newRow("same in a class") << u"(?i)[a\\x{1C89}]"_qs << differs << 6 << u"U+1C89"_qs;
    QTest::newRow("no fold, no finding") << u"x\\x{1C89}"_qs << -1 << -1 << QString();
    QTest::newRow("fold added in Unicode 17") << u"(?i)\u0390"_qs << differs << 4 << u"U+1FD3 and U+0390"_qs;
}

void TestRustRegexTranslator::findings()
{
    QFETCH(QString, pattern);
    QFETCH(int, kind);
    QFETCH(int, position);
    QFETCH(QString, text);

    const auto list = RustRegexTranslator::incompatibilities(pattern);
    if (kind < 0) {
        QVERIFY(list.isEmpty());
        return;
    }
    QVERIFY(!list.isEmpty());
    QCOMPARE(int(list.first().kind), kind);
    QCOMPARE(list.first().position, position);
    QVERIFY2(list.first().message.contains(text), qPrintable(list.first().message));
}

void TestRustRegexTranslator::requiredLiterals_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QStringList>("literals");
    QTest::addColumn<bool>("folded");
    QTest::addColumn<bool>("pure");

    QTest::newRow("pure literal") << u"over quota"_qs << QStringList{u"over quota"_qs} << false << true;
    QTest::newRow("escaped literal") << u"4\\.2\\.2 x"_qs << QStringList{u"4.2.2 x"_qs} << false << true;
    QTest::newRow("wildcard splits") << u"5\\.1\\.1 .*does not exist"_qs
                                     << QStringList{u"5.1.1 "_qs, u"does not exist"_qs} << false << false;
    QTest::newRow("folded") << u"(?i)Mailbox (is )?full"_qs << QStringList{u"mailbox "_qs, u"full"_qs} << true << false;
    QTest::newRow("alternation has none") << u"a|b"_qs << QStringList{} << false << false;
    QTest::newRow("anchor is not pure") << u"^550"_qs << QStringList{u"550"_qs} << false << false;
    QTest::newRow("one-or-more keeps") << u"x(ab)+y"_qs << QStringList{u"x"_qs, u"ab"_qs, u"y"_qs} << false << false;
}

void TestRustRegexTranslator::requiredLiterals()
{
    QFETCH(QString, pattern);
    QFETCH(QStringList, literals);
    QFETCH(bool, folded);
    QFETCH(bool, pure);

    const auto t = RustRegexTranslator::translate(pattern);
    QVERIFY(t.ok());
    QCOMPARE(t->requiredLiterals, literals);
    if (!literals.isEmpty())
        QCOMPARE(t->requiredLiteralsFoldCase, folded);
    QCOMPARE(t->isPureLiteral, pure);
}

void TestRustRegexTranslator::namedGroupsKeepTheirNames()
{
    const auto t = RustRegexTranslator::translate(u"(?P<code>\\d+)(x)(?<a.b>y)"_qs);
    QVERIFY(t.ok());
    QVERIFY(t->boostPattern.startsWith(u"(?<code>"_qs));
    QCOMPARE(t->captureNames, (QStringList{QString(), u"code"_qs, QString(), u"a.b"_qs}));
}

void TestRustRegexTranslator::compileErrorCarriesPrefixAndPosition()
{
    const auto c = CompiledPattern::compile(u"foo(?=bar)"_qs);
    QVERIFY(!c.ok());
    QCOMPARE(c.error().message,
             u"regex parse error: look-around, including look-ahead and look-behind, is not supported"_qs);
    QCOMPARE(c.error().position, 3);
    QCOMPARE(c.error().pattern, u"foo(?=bar)"_qs);
}

void TestRustRegexTranslator::catastrophicBacktrackingDoesNotEscape()
{
    const auto c = CompiledPattern::compile(u"(a+)+$"_qs);
    QVERIFY(c.ok());
    const QString subject = QString(40, u'a') + u'b';
    QElapsedTimer timer;
    timer.start();
    // Rust answers "no match" in linear time; Boost gives up, which must not throw.
    QCOMPARE((*c)->searchOutcome(subject), CompiledPattern::Outcome::GaveUp);
    QVERIFY(!(*c)->search(subject));
    QVERIFY(!(*c)->span(subject).has_value());
    QVERIFY(timer.elapsed() < 20000);
}

// The emitted `[[:Xx:]]` atoms are only exact if Boost's ICU traits agree with ICU's sets.
void TestRustRegexTranslator::boostCategoryAtomsMatchIcu()
{
    for (const QString &name : UnicodeTables::boostCategoryAtoms()) {
        const QString pattern = QStringLiteral("[[:%1:]]").arg(name);
        const auto *p = reinterpret_cast<const UChar *>(pattern.utf16());
        const boost::u32regex re = boost::make_u32regex(p, p + pattern.size(), boost::regex_constants::perl);
        const icu::UnicodeSet &set = UnicodeTables::categorySet(name);
        QVERIFY(!set.isEmpty());
        // Every range edge (and its neighbours) plus a stride through the whole code space.
        std::vector<UChar32> probes;
        for (int32_t i = 0; i < set.getRangeCount(); ++i) {
            for (UChar32 c :
                 {set.getRangeStart(i) - 1, set.getRangeStart(i), set.getRangeEnd(i), set.getRangeEnd(i) + 1})
                probes.push_back(c);
        }
        for (UChar32 c = 0; c <= 0x10FFFF; c += 251)
            probes.push_back(c);
        for (UChar32 c : probes) {
            if (c < 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
                continue;
            const char32_t ch = char32_t(c);
            const QString s = QString::fromUcs4(&ch, 1);
            const auto *b = reinterpret_cast<const UChar *>(s.utf16());
            const bool boost = boost::u32regex_match(b, b + s.size(), re);
            if (boost != bool(set.contains(c)))
                QFAIL(qPrintable(QStringLiteral("%1 disagrees at U+%2").arg(name).arg(uint(c), 4, 16)));
        }
    }
}

QTEST_APPLESS_MAIN(TestRustRegexTranslator)
#include "TestRustRegexTranslator.moc"
