// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
//
// CompiledPattern's narrow form (BoostRegexWriter::Target::Ascii) against its u32regex, the
// reference, on ASCII subjects: the same verdict and the same span for every pattern of the
// rules/ test tables and a sample of the benchmark's, plus rows whose answer Rust fixes.
#include <optional>
#include <utility>
#include <vector>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>
#include <QTest>

#include "TestConfig.h"
#include "rules/CompiledPattern.h"

using Dsn::Rules::CompiledPattern;
using Form = Dsn::Rules::CompiledPattern::Form;
using Outcome = Dsn::Rules::CompiledPattern::Outcome;
using Span = std::optional<std::pair<qsizetype, qsizetype>>;

namespace {

const QJsonObject &dataFile()
{
    static const QJsonObject s_data = [] {
        QFile f(QStringLiteral(DSN_TEST_DATA_DIR "/rules/ascii-form.json"));
        if (!f.open(QIODevice::ReadOnly))
            return QJsonObject();
        return QJsonDocument::fromJson(f.readAll()).object();
    }();
    return s_data;
}

QString describe(const QString &s)
{
    QString out;
    for (const QChar c : s) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7F)
            out += QStringLiteral("\\x%1").arg(uint(c.unicode()), 2, 16, QChar(u'0'));
        else
            out += c;
    }
    return out;
}

QString describe(const Span &span)
{
    return span ? QStringLiteral("(%1,%2)").arg(span->first).arg(span->second) : QStringLiteral("none");
}

/**
 * The ASCII subjects every pattern meets: edge cases of the narrow form (empty text, words at
 * the ends, '_', digits, line ends, tabs, DEL, NUL), the workload lines of the data file, some
 * of them mutated (case, separators) and random strings over a boundary-heavy alphabet.
 */
const QStringList &subjects()
{
    static const QStringList s_subjects = [] {
        QStringList out = {
            QString(),
            QStringLiteral(" "),
            QStringLiteral("a"),
            QStringLiteral("_"),
            QStringLiteral("k"),
            QStringLiteral("K"),
            QStringLiteral("s"),
            QStringLiteral("S"),
            QStringLiteral("0"),
            QStringLiteral("\n"),
            QStringLiteral("\r\n"),
            QStringLiteral("\t"),
            QStringLiteral("\x7f"),
            QString(QChar(u'\0')),
            QStringLiteral("word"),
            QStringLiteral("word "),
            QStringLiteral(" word"),
            QStringLiteral("_word_"),
            QStringLiteral("word_1 x"),
            QStringLiteral("a\nb"),
            QStringLiteral("a\n"),
            QStringLiteral("a\r\nb\r\n"),
            QStringLiteral("\nb\n"),
            QStringLiteral("550"),
            QStringLiteral("550 5.1.1 <user@example.com>: Recipient address rejected: User unknown"),
            QStringLiteral("452 4.2.2 The email account that you tried to reach is over quota."),
            QStringLiteral("421 4.7.0 [203.0.113.9] Try again later\r\n"),
            QStringLiteral("abc123 XYZ987 a1 ab12 abc1234"),
            QStringLiteral("aaaa"),
            QStringLiteral("concatenate cat cat_ cat1"),
            QStringLiteral("\x7f"
                           "word\x7f"),
            QStringLiteral("tab\tseparated\tfields\x0b\x0c"),
            QStringLiteral("mailbox is disabled temporarily"),
            QStringLiteral("MAILBOX HAS BEEN SUSPENDED"),
        };
        out.append(QStringLiteral("nul") + QChar(u'\0') + QStringLiteral("inside"));
        const QJsonArray lines = dataFile().value(QStringLiteral("subjects")).toArray();
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QString line = lines[i].toString();
            out.append(line);
            if (i % 4 == 0) {
                out.append(line.toUpper());
                out.append(QString(line).replace(u' ', u'\n'));
                out.append(QString(line).replace(u' ', u'\t').replace(u'.', u'_'));
                out.append(line.left(line.size() / 2));
            }
        }
        // Fixed seed: a failure names its subject and recurs.
        QRandomGenerator rng(0x6B756D6F);
        const QString alphabet = QStringLiteral("aAzZkKsS09_ .-:@[]()\n\r\t\x7f");
        for (int n = 0; n < 40; ++n) {
            QString s;
            const int length = int(rng.bounded(24));
            for (int k = 0; k < length; ++k)
                s += alphabet[qsizetype(rng.bounded(quint32(alphabet.size())))];
            out.append(s);
        }
        return out;
    }();
    return s_subjects;
}

} // namespace

class TestCompiledPatternAscii : public QObject
{
    Q_OBJECT

private slots:
    void dataFileLoads();
    void agreesWithUnicodeForm_data();
    void agreesWithUnicodeForm();
    void asciiCodePoints_data();
    void asciiCodePoints();
    void rustAnswers_data();
    void rustAnswers();
    void narrowSpelling_data();
    void narrowSpelling();
    void gaveUpInBothForms();
    void nonAsciiSubjectsTakeTheUnicodeForm();
};

void TestCompiledPatternAscii::dataFileLoads()
{
    QVERIFY(dataFile().value(QStringLiteral("patterns")).toArray().size() > 900);
    QVERIFY(dataFile().value(QStringLiteral("subjects")).toArray().size() > 100);
}

// One row per pattern Rust accepts; the data file also holds subjects of the tables it was
// drawn from, which are mostly valid patterns too.
void TestCompiledPatternAscii::agreesWithUnicodeForm_data()
{
    QTest::addColumn<QString>("pattern");
    const QJsonArray patterns = dataFile().value(QStringLiteral("patterns")).toArray();
    for (qsizetype i = 0; i < patterns.size(); ++i) {
        const QString pattern = patterns[i].toString();
        if (CompiledPattern::compile(pattern).ok())
            QTest::addRow("%lld %s", qlonglong(i), qPrintable(describe(pattern).left(60))) << pattern;
    }
}

void TestCompiledPatternAscii::agreesWithUnicodeForm()
{
    QFETCH(QString, pattern);
    const auto compiled = CompiledPattern::compile(pattern);
    QVERIFY(compiled.ok());
    const CompiledPattern &p = **compiled;
    // Every pattern of the tables has a narrow form; one without would pass trivially below.
    QVERIFY2(p.hasAsciiForm(), p.boostPattern().toUtf8().constData());
    int wrong = 0;
    QString firstWrong;
    for (const QString &subject : subjects()) {
        const Outcome unicode = p.searchOutcome(subject, Form::Unicode);
        const Outcome ascii = p.searchOutcome(subject, Form::Ascii);
        const Span unicodeSpan = p.span(subject, Form::Unicode);
        const Span asciiSpan = p.span(subject, Form::Ascii);
        if ((unicode != ascii || unicodeSpan != asciiSpan) && wrong++ == 0) {
            firstWrong = QStringLiteral("\"%1\": u32 %2 %3, ascii %4 %5; ascii form %6")
                             .arg(describe(subject))
                             .arg(int(unicode))
                             .arg(describe(unicodeSpan))
                             .arg(int(ascii))
                             .arg(describe(asciiSpan))
                             .arg(QString::fromStdString(p.asciiPattern()));
        }
    }
    QVERIFY2(wrong == 0, qPrintable(QStringLiteral("%1 disagreements, first %2").arg(wrong).arg(firstWrong)));
}

// Classes and case orbits, one ASCII unit at a time: the narrow class must hold exactly the
// ASCII members of Rust's class.
void TestCompiledPatternAscii::asciiCodePoints_data()
{
    QTest::addColumn<QString>("pattern");
    const char *const patterns[] = {
        "\\w",
        "\\W",
        "\\d",
        "\\D",
        "\\s",
        "\\S",
        ".",
        "(?s).",
        "(?R).",
        "[^a]",
        "(?i)[^a]",
        "[^\\n]",
        "\\pL",
        "\\PL",
        "\\p{Greek}",
        "\\P{Greek}",
        "\\pN",
        "\\p{Punct}",
        "\\p{Lu}",
        "(?i)\\p{Lu}",
        "\\p{Any}",
        "\\p{ASCII}",
        "[[:punct:]]",
        "[[:^alpha:]]",
        "(?-u:\\w)",
        "(?-u:\\d)",
        "(?-u:\\s)",
        "(?i-u)k",
        "(?i)k",
        "(?i)\\x{212A}",
        "(?i)s",
        "(?i)\\x{17F}",
        "\\x{17F}",
        "\\x{e9}",
        "(?i)\\x{e9}",
        "(?i)[\\x{212A}]",
        "[\\w--\\d]",
        "[a-z&&[^aeiou]]",
        "[a-c~~b-d]",
        "\\x00",
        "\\x7F",
        "[\\x00-\\x1F]",
        // Assertions at both ends of the text, and on empty text.
        "\\b",
        "\\B",
        "^\\B$",
        "\\b.",
        ".\\b",
        "\\B.",
        ".\\B",
        "\\<.",
        ".\\>",
        "\\<",
        "\\>",
        "\\b{start-half}.",
        ".\\b{end-half}",
        "(?m)^.",
        "(?m).$",
        "(?mR)^.",
        "(?mR).$",
        "(?m)^$",
        "(?mR)^$",
    };
    for (const char *pattern : patterns)
        QTest::newRow(pattern) << QString::fromLatin1(pattern);
}

void TestCompiledPatternAscii::asciiCodePoints()
{
    QFETCH(QString, pattern);
    const auto compiled = CompiledPattern::compile(pattern);
    QVERIFY(compiled.ok());
    QVERIFY((*compiled)->hasAsciiForm());
    // 0x80 stands for the empty subject.
    for (char16_t c = 0; c <= 0x80; ++c) {
        const QString subject = c < 0x80 ? QString(QChar{c}) : QString();
        QVERIFY2((*compiled)->searchOutcome(subject, Form::Ascii) == (*compiled)->searchOutcome(subject, Form::Unicode),
                 qPrintable(QStringLiteral("U+%1; ascii form %2")
                                .arg(uint(c), 4, 16, QChar(u'0'))
                                .arg(QString::fromStdString((*compiled)->asciiPattern()))));
    }
}

// What Rust's regex answers; both forms must give it.
void TestCompiledPatternAscii::rustAnswers_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<int>("start"); // -1: no match
    QTest::addColumn<int>("length");

    QTest::newRow("Kelvin sign folds to k") << u"(?i)\u212A"_qs << u"k"_qs << 0 << 1;
    QTest::newRow("Kelvin sign folds to K") << u"(?i)\u212Aelvin"_qs << u"KELVIN"_qs << 0 << 6;
    QTest::newRow("Kelvin sign without (?i)") << u"\u212A"_qs << u"k"_qs << -1 << 0;
    QTest::newRow("long s folds to s") << u"(?i)\u017F"_qs << u"s"_qs << 0 << 1;
    QTest::newRow("long s folds to S") << u"(?i)x\u017F"_qs << u"xS"_qs << 0 << 2;
    QTest::newRow("(?i)s") << u"(?i)s"_qs << u"aS"_qs << 1 << 1;
    QTest::newRow("(?i-u) no Kelvin") << u"(?i-u)k"_qs << u"K"_qs << 0 << 1;
    QTest::newRow("e acute never ASCII") << u"(?i)\u00e9"_qs << u"eE"_qs << -1 << 0;
    QTest::newRow("sharp s is not ss") << u"(?i)stra\u00DFe"_qs << u"STRASSE"_qs << -1 << 0;
    QTest::newRow("non-ASCII in alternation") << u"\u00e9t\u00e9|ete"_qs << u"fete"_qs << 1 << 3;
    QTest::newRow("non-ASCII optional") << u"a\u00e9?b"_qs << u"xab"_qs << 1 << 2;
    QTest::newRow("non-ASCII starred") << u"a\u00e9*"_qs << u"a"_qs << 0 << 1;
    QTest::newRow("b whole subject") << u"\\bfoo\\b"_qs << u"foo"_qs << 0 << 3;
    QTest::newRow("b underscore is word") << u"\\bfoo\\b"_qs << u"foo_"_qs << -1 << 0;
    QTest::newRow("b underscore before") << u"\\bfoo\\b"_qs << u"_foo"_qs << -1 << 0;
    QTest::newRow("b digit is word") << u"\\bfoo\\b"_qs << u"foo1"_qs << -1 << 0;
    QTest::newRow("b punctuation") << u"\\bfoo\\b"_qs << u"a foo."_qs << 2 << 3;
    QTest::newRow("b at end only") << u"o\\b"_qs << u"foo"_qs << 2 << 1;
    QTest::newRow("b at start of empty") << u"\\b"_qs << QString() << -1 << 0;
    QTest::newRow("B on empty") << u"\\B"_qs << QString() << 0 << 0;
    QTest::newRow("B inside word") << u"\\Bcat"_qs << u"concat"_qs << 3 << 3;
    QTest::newRow("B at start of word") << u"\\Bcat"_qs << u"cat"_qs << -1 << 0;
    QTest::newRow("B between spaces") << u" \\B "_qs << u"a  b"_qs << 1 << 2;
    QTest::newRow("B at DEL") << u"\\B\x7f"_qs << u"\x7f"_qs << 0 << 1;
    QTest::newRow("word start") << u"\\<word\\>"_qs << u"a word here"_qs << 2 << 4;
    QTest::newRow("word end fails mid word") << u"\\<word\\>"_qs << u"words"_qs << -1 << 0;
    QTest::newRow("b start-half") << u"\\b{start-half}-x"_qs << u" -x"_qs << 1 << 2;
    QTest::newRow("b end-half") << u"x\\b{end-half}"_qs << u"x-"_qs << 0 << 1;
    QTest::newRow("b end-half fails") << u"x\\b{end-half}"_qs << u"xy"_qs << -1 << 0;
    QTest::newRow("(?-u:\\w) run") << u"(?-u:\\w)+"_qs << u"-a_1-"_qs << 1 << 3;
    QTest::newRow("(?-u:\\w) no DEL") << u"(?-u:\\w)"_qs << u"\x7f-"_qs << -1 << 0;
    QTest::newRow("[^a] on a's only") << u"[^a]"_qs << u"aaa"_qs << -1 << 0;
    QTest::newRow("[^a] finds b") << u"[^a]"_qs << u"aab"_qs << 2 << 1;
    QTest::newRow("[^a] takes newline") << u"[^a]"_qs << u"a\n"_qs << 1 << 1;
    QTest::newRow("[^a] takes NUL") << u"[^a]+"_qs << QString(QChar(u'\0')) << 0 << 1;
    QTest::newRow("multiline caret") << u"(?m)^b"_qs << u"a\nb"_qs << 2 << 1;
    QTest::newRow("multiline caret on empty") << u"(?m)^"_qs << QString() << 0 << 0;
    QTest::newRow("caret not after newline") << u"^b"_qs << u"a\nb"_qs << -1 << 0;
    QTest::newRow("dollar not before final newline") << u"a$"_qs << u"a\n"_qs << -1 << 0;
    QTest::newRow("multiline dollar before final newline") << u"(?m)a$"_qs << u"a\n"_qs << 0 << 1;
    QTest::newRow("multiline dollar not before CR") << u"(?m)a$"_qs << u"a\r\n"_qs << -1 << 0;
    QTest::newRow("crlf dollar before CR") << u"(?mR)a$"_qs << u"a\r\n"_qs << 0 << 1;
    QTest::newRow("crlf caret after CRLF") << u"(?mR)^b"_qs << u"a\r\nb"_qs << 3 << 1;
    QTest::newRow("dot not newline") << u"a.b"_qs << u"a\nb"_qs << -1 << 0;
    QTest::newRow("dot takes CR") << u"a.b"_qs << u"a\rb"_qs << 0 << 3;
    QTest::newRow("dot takes NUL") << u"."_qs << QString(QChar(u'\0')) << 0 << 1;
    QTest::newRow("dot under s") << u"(?s)a.b"_qs << u"a\nb"_qs << 0 << 3;
    QTest::newRow("dot under R not CR") << u"(?R)a.b"_qs << u"a\rb"_qs << -1 << 0;
    QTest::newRow("digits") << u"\\d+"_qs << u"x0123456789y"_qs << 1 << 10;
    QTest::newRow("vertical tab is space") << u"a\\sb"_qs
                                           << u"a\x0b"
                                              "b"_qs
                                           << 0 << 3;
    QTest::newRow("DEL is not space") << u"\\s"_qs << u"\x7f"_qs << -1 << 0;
    QTest::newRow("NUL literal") << u"\\x00"_qs << QStringLiteral("a") + QChar(u'\0') + u'b' << 1 << 1;
    QTest::newRow("Greek on ASCII") << u"\\p{Greek}"_qs << u"abc"_qs << -1 << 0;
    QTest::newRow("letters") << u"\\p{L}+"_qs << u"ab1"_qs << 0 << 2;
    QTest::newRow("leftmost first") << u"a|ab"_qs << u"xab"_qs << 1 << 1;
    QTest::newRow("lazy") << u"a+?"_qs << u"baaa"_qs << 1 << 1;
    QTest::newRow("swap greed") << u"(?U)a+"_qs << u"baaa"_qs << 1 << 1;
    QTest::newRow("empty match") << u"x*"_qs << QString() << 0 << 0;
    QTest::newRow("verbose") << u"(?x) 4\\.2\\.2 \\  quota # comment"_qs << u"4.2.2 quota"_qs << 0 << 11;
    QTest::newRow("named group") << u"(?P<code>\\d{3}) (?<esc>\\d\\.\\d\\.\\d)"_qs << u"550 5.1.1 no"_qs << 0 << 9;
    QTest::newRow("free-style token") << u"(?i)\\b[a-z]{3}\\d{2}\\b"_qs << u"id ABC12 x"_qs << 3 << 5;
    QTest::newRow("free-style token in word") << u"(?i)\\b[a-z]{3}\\d{2}\\b"_qs << u"id xABC12"_qs << -1 << 0;
}

void TestCompiledPatternAscii::rustAnswers()
{
    QFETCH(QString, pattern);
    QFETCH(QString, subject);
    QFETCH(int, start);
    QFETCH(int, length);

    const auto compiled = CompiledPattern::compile(pattern);
    QVERIFY2(compiled.ok(), qPrintable(compiled.ok() ? QString() : compiled.error().message));
    QVERIFY((*compiled)->hasAsciiForm());
    const Span expected = start < 0 ? Span() : Span(std::make_pair(qsizetype(start), qsizetype(length)));
    for (const Form form : {Form::Ascii, Form::Unicode, Form::Auto}) {
        QCOMPARE((*compiled)->searchOutcome(subject, form) == Outcome::Match, start >= 0);
        QCOMPARE((*compiled)->span(subject, form), expected);
    }
}

// The narrow spelling itself, where a wrong one could still pass the rows above by accident.
void TestCompiledPatternAscii::narrowSpelling_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("ascii");

    QTest::newRow("word class") << u"\\w"_qs << u"[0-9A-Z_a-z]"_qs;
    QTest::newRow("not a boundary") << u"\\B"_qs << u"(?:\\B|(?<![0-9A-Z_a-z])(?![0-9A-Z_a-z]))"_qs;
    QTest::newRow("digit") << u"\\d"_qs << u"[0-9]"_qs;
    QTest::newRow("space") << u"\\s"_qs << u"[\\x{9}-\\x{d}\\x{20}]"_qs;
    QTest::newRow("dot") << u"."_qs << u"[\\x{0}-\\x{9}\\x{b}-\\x{7f}]"_qs;
    QTest::newRow("Kelvin") << u"(?i)\u212A"_qs << u"[Kk]"_qs;
    QTest::newRow("non-ASCII literal") << u"\u00e9"_qs << u"[^\\x{0}-\\x{7f}]"_qs;
    QTest::newRow("native boundaries") << u"\\bx\\<\\>"_qs << u"\\bx\\<\\>"_qs;
    QTest::newRow("groups capture nothing") << u"(?P<n>a)(b)"_qs << u"(?:a)(?:b)"_qs;
    QTest::newRow("anchored alternation") << u"(?:^a)|(?i)^b"_qs << u"\\A(?:(?:\\Aa)|\\A[Bb])"_qs;
    QTest::newRow("alternation not all anchored") << u"^a|b"_qs << u"\\Aa|b"_qs;
    QTest::newRow("text anchors") << u"^a$"_qs << u"\\Aa\\z"_qs;
}

void TestCompiledPatternAscii::narrowSpelling()
{
    QFETCH(QString, pattern);
    QFETCH(QString, ascii);
    const auto compiled = CompiledPattern::compile(pattern);
    QVERIFY(compiled.ok());
    QCOMPARE(QString::fromStdString((*compiled)->asciiPattern()), ascii);
}

// Boost's complexity limit applies to the narrow form too, and must still read as GaveUp.
void TestCompiledPatternAscii::gaveUpInBothForms()
{
    const auto c = CompiledPattern::compile(u"(a+)+$"_qs);
    QVERIFY(c.ok());
    QVERIFY((*c)->hasAsciiForm());
    const QString subject = QString(40, u'a') + u'b';
    QCOMPARE((*c)->searchOutcome(subject, Form::Ascii), Outcome::GaveUp);
    QCOMPARE((*c)->searchOutcome(subject, Form::Auto), Outcome::GaveUp);
    QVERIFY(!(*c)->span(subject, Form::Ascii).has_value());
}

// A subject beyond ASCII never reaches the narrow form, whatever the caller asks.
void TestCompiledPatternAscii::nonAsciiSubjectsTakeTheUnicodeForm()
{
    const auto c = CompiledPattern::compile(u"\\w+"_qs);
    QVERIFY(c.ok());
    const QString subject = u"-\u00e9t\u00e9-"_qs;
    QCOMPARE((*c)->searchOutcome(subject, Form::Ascii), Outcome::Match);
    QCOMPARE((*c)->span(subject, Form::Ascii), Span(std::make_pair(qsizetype(1), qsizetype(3))));
}

QTEST_APPLESS_MAIN(TestCompiledPatternAscii)
#include "TestCompiledPatternAscii.moc"
