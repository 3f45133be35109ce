// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include <QJsonValue>
#include <QTest>

#include "rules/RegexSetMap.h"

using Dsn::Rules::RegexRule;
using Dsn::Rules::RegexSetMap;

Q_DECLARE_METATYPE(QList<RegexRule>)

namespace {

// Spec case rsm-doc-example: the table of the regex_set_map reference page.
QList<RegexRule> docTable()
{
    return {{u"hello"_qs, QJsonValue(u"hello"_qs)},
            {u"bye"_qs, QJsonValue(u"bye"_qs)},
            {u"later"_qs, QJsonValue(u"bye"_qs)},
            {u"Good day"_qs, QJsonValue(u"hello"_qs)}};
}

// Spec case rsm-unit-corpus: unanchored patterns; a missing final '.' means no match.
QList<RegexRule> corpusTable()
{
    return {{u"4\\.2\\.2 The email account that you tried to reach is over quota\\."_qs, QJsonValue(500)},
            {u"4\\.2\\.1 <.+>: Recipient address rejected: this mailbox is inactive and has been disabled"_qs,
             QJsonValue(501)},
            {u"4\\.1\\.1 <.*> 4.2.2 mailbox full\\."_qs, QJsonValue(502)}};
}

// Rust's (?i) is Unicode simple case folding (ſ with s, K with k, ς with σ, ẞ with ß but never
// with "ss"); one table so the lookup's prefilter sees them side by side.
QList<RegexRule> foldTable()
{
    return {{u"(?i)\u017Ftop"_qs, QJsonValue(10)},
            {u"(?i)\u03A3\u038A\u03A3\u03A5\u03A6\u039F\u03A3"_qs, QJsonValue(20)},
            {u"(?i)^kelvin$"_qs, QJsonValue(30)},
            {u"(?i)\u00E5\\d"_qs, QJsonValue(40)},
            {u"(?i)stra\u00DFe"_qs, QJsonValue(50)},
            {u"(?i)^[a-z]+ [\u03C3]$"_qs, QJsonValue(60)},
            {u"(?i)tidy"_qs, QJsonValue(70)},
            {u"(?i)^[r-t]\\d+[j-l]$"_qs, QJsonValue(80)}};
}

} // namespace

class TestRegexSetMap : public QObject
{
    Q_OBJECT

private slots:
    void lookups_data();
    void lookups();
    void overlap_data();
    void overlap();
    void invalidTable_data();
    void invalidTable();
    void matchSpan_data();
    void matchSpan();
    void emptyMapNeverMatches();
    void giveUpIsReported();
};

void TestRegexSetMap::lookups_data()
{
    QTest::addColumn<QList<RegexRule>>("table");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QJsonValue>("expected"); // Null: no match (nil)

    QTest::newRow("doc hello there") << docTable() << u"hello there"_qs << QJsonValue(u"hello"_qs);
    QTest::newRow("doc goodbye") << docTable() << u"goodbye"_qs << QJsonValue(u"bye"_qs);
    QTest::newRow("doc see you later") << docTable() << u"see you later"_qs << QJsonValue(u"bye"_qs);
    QTest::newRow("doc not.set") << docTable() << u"not.set"_qs << QJsonValue();
    QTest::newRow("corpus missing final dot")
        << corpusTable() << u"400 4.2.2 The email account that you tried to reach is over quota"_qs << QJsonValue();
    QTest::newRow("corpus over quota") << corpusTable()
                                       << u"400 4.2.2 The email account that you tried to reach is over quota."_qs
                                       << QJsonValue(500);
    QTest::newRow("corpus inactive")
        << corpusTable()
        << u"400 4.2.1 <foo>: Recipient address rejected: this mailbox is inactive and has been disabled"_qs
        << QJsonValue(501);
    QTest::newRow("corpus mailbox full") << corpusTable() << u"400 4.1.1 <bar> 4.2.2 mailbox full."_qs
                                         << QJsonValue(502);

    const QList<RegexRule> fold = foldTable();
    QTest::newRow("fold long s pattern, STOP") << fold << u"please STOP now"_qs << QJsonValue(10);
    QTest::newRow("fold long s pattern, stop") << fold << u"stop"_qs << QJsonValue(10);
    QTest::newRow("fold long s pattern, long s") << fold << u"\u017Ftop"_qs << QJsonValue(10);
    QTest::newRow("fold sigma final") << fold << u"\u03C3\u03AF\u03C3\u03C5\u03C6\u03BF\u03C2"_qs
                                      << QJsonValue(20);
    QTest::newRow("fold sigma upper") << fold << u"\u03A3\u038A\u03A3\u03A5\u03A6\u039F\u03A3"_qs
                                      << QJsonValue(20);
    QTest::newRow("fold Kelvin sign") << fold << u"\u212Aelvin"_qs << QJsonValue(30);
    QTest::newRow("fold anchored") << fold << u"kelvin!"_qs << QJsonValue();
    QTest::newRow("fold A ring") << fold << u"\u00C55"_qs << QJsonValue(40);
    QTest::newRow("fold Angstrom sign") << fold << u"\u212B5"_qs << QJsonValue(40);
    QTest::newRow("fold capital sharp s") << fold << u"STRA\u1E9EE"_qs << QJsonValue(50);
    QTest::newRow("fold sharp s is not ss") << fold << u"strasse"_qs << QJsonValue();
    QTest::newRow("fold class and range") << fold << u"\u017F\u212A \u03C2"_qs << QJsonValue(60);
    QTest::newRow("fold dotted I is not i") << fold << u"T\u0130DY"_qs << QJsonValue();
    QTest::newRow("fold ASCII") << fold << u"TiDy"_qs << QJsonValue(70);
    QTest::newRow("fold ranges, no literal") << fold << u"\u017F12\u212A"_qs << QJsonValue(80);
    QTest::newRow("fold ranges, no match") << fold << u"\u017F12m"_qs << QJsonValue();
}

void TestRegexSetMap::lookups()
{
    QFETCH(QList<RegexRule>, table);
    QFETCH(QString, subject);
    QFETCH(QJsonValue, expected);

    const auto map = RegexSetMap::compile(table);
    QVERIFY(map.ok());
    const int first = map->findFirst(subject);
    const RegexSetMap::Lookup l = map->lookup(subject);
    QCOMPARE(l.first, first);
    if (expected.isNull()) {
        QCOMPARE(first, -1);
        QVERIFY(l.matches.isEmpty());
        return;
    }
    QVERIFY(first >= 0);
    QCOMPARE(map->rules()[first].value, expected);
    // Integers stay integers.
    QCOMPARE(map->rules()[first].value.type(), expected.type());
}

void TestRegexSetMap::overlap_data()
{
    QTest::addColumn<QList<RegexRule>>("table");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QList<int>>("matches");
    QTest::addColumn<bool>("ambiguous");

    // Spec case rsm-overlap-unspecified: KumoMTA may return either value.
    QTest::newRow("different values") << QList<RegexRule>{{u"over quota"_qs, QJsonValue(552)},
                                                          {u"quota"_qs, QJsonValue(452)}}
                                      << u"452 4.2.2 mailbox over quota"_qs << QList<int>{0, 1} << true;
    QTest::newRow("shared value") << QList<RegexRule>{{u"over quota"_qs, QJsonValue(552)},
                                                      {u"quota"_qs, QJsonValue(552)}}
                                  << u"452 4.2.2 mailbox over quota"_qs << QList<int>{0, 1} << false;
    QTest::newRow("only one matches") << QList<RegexRule>{{u"over quota"_qs, QJsonValue(552)},
                                                          {u"full"_qs, QJsonValue(452)}}
                                      << u"mailbox over quota"_qs << QList<int>{0} << false;
    QTest::newRow("doc table hello and bye") << docTable() << u"hello, goodbye"_qs << QList<int>{0, 1} << true;
    QTest::newRow("doc table two byes") << docTable() << u"bye, see you later"_qs << QList<int>{1, 2} << false;
}

void TestRegexSetMap::overlap()
{
    QFETCH(QList<RegexRule>, table);
    QFETCH(QString, subject);
    QFETCH(QList<int>, matches);
    QFETCH(bool, ambiguous);

    const auto map = RegexSetMap::compile(table);
    QVERIFY(map.ok());
    const RegexSetMap::Lookup l = map->lookup(subject);
    QCOMPARE(l.matches, matches);
    QCOMPARE(l.first, matches.first());
    QCOMPARE(l.ambiguous, ambiguous);
}

void TestRegexSetMap::invalidTable_data()
{
    QTest::addColumn<QList<RegexRule>>("table");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<int>("ruleIndex");
    QTest::addColumn<int>("position");

    // Spec case rsm-invalid-regex, plus the failing rule sitting after a valid one.
    QTest::newRow("open paren") << QList<RegexRule>{{u"("_qs, QJsonValue(1)}} << u"unclosed group"_qs << 0 << 0;
    QTest::newRow("look-ahead") << QList<RegexRule>{{u"foo(?=bar)"_qs, QJsonValue(1)}}
                                << u"look-around, including look-ahead and look-behind, is not supported"_qs << 0 << 3;
    QTest::newRow("backreference") << QList<RegexRule>{{u"(a)\\1"_qs, QJsonValue(1)}}
                                   << u"backreferences are not supported"_qs << 0 << 3;
    QTest::newRow("second rule") << QList<RegexRule>{{u"ok"_qs, QJsonValue(550)}, {u"a\\Z"_qs, QJsonValue(550)}}
                                 << u"unrecognized escape sequence"_qs << 1 << 1;
}

void TestRegexSetMap::invalidTable()
{
    QFETCH(QList<RegexRule>, table);
    QFETCH(QString, reason);
    QFETCH(int, ruleIndex);
    QFETCH(int, position);

    const auto map = RegexSetMap::compile(table);
    QVERIFY(!map.ok());
    const auto &d = map.error();
    QVERIFY2(d.message.startsWith(u"compiling rules: regex parse error"_qs), qPrintable(d.message));
    QVERIFY2(d.message.contains(reason), qPrintable(d.message));
    QCOMPARE(d.code, u"regex-parse"_qs);
    QCOMPARE(d.ruleIndex, ruleIndex);
    QCOMPARE(d.position, position);
    QCOMPARE(d.pattern, table[ruleIndex].pattern);
}

void TestRegexSetMap::matchSpan_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<int>("start");
    QTest::addColumn<int>("length"); // -1: no match

    QTest::newRow("literal") << u"quota"_qs << u"over quota"_qs << 5 << 5;
    QTest::newRow("wildcard") << u"5\\.1\\.1 .*exist"_qs << u"550 5.1.1 <a@b> does not exist here"_qs << 4 << 26;
    QTest::newRow("case folded") << u"(?i)QUOTA"_qs << u"Over Quota"_qs << 5 << 5;
    QTest::newRow("no match") << u"quota"_qs << u"mailbox full"_qs << -1 << -1;
}

void TestRegexSetMap::matchSpan()
{
    QFETCH(QString, pattern);
    QFETCH(QString, subject);
    QFETCH(int, start);
    QFETCH(int, length);

    const auto map = RegexSetMap::compile({{u"unrelated"_qs, QJsonValue(1)}, {pattern, QJsonValue(2)}});
    QVERIFY(map.ok());
    const auto span = map->matchSpan(1, subject);
    if (length < 0) {
        QVERIFY(!span.has_value());
        return;
    }
    QVERIFY(span.has_value());
    QCOMPARE(int(span->first), start);
    QCOMPARE(int(span->second), length);
    QVERIFY(!map->matchSpan(7, subject).has_value());
    QVERIFY(!map->matchSpan(-1, subject).has_value());
}

void TestRegexSetMap::emptyMapNeverMatches()
{
    const auto map = RegexSetMap::compile({});
    QVERIFY(map.ok());
    QCOMPARE(map->size(), 0);
    QCOMPARE(map->findFirst(u"anything"_qs), -1);
    QCOMPARE(map->lookup(u"anything"_qs).first, -1);
}

void TestRegexSetMap::giveUpIsReported()
{
    const auto map = RegexSetMap::compile({{u"(a+)+$"_qs, QJsonValue(550)}, {u"b"_qs, QJsonValue(451)}});
    QVERIFY(map.ok());
    const QString subject = QString(40, u'a') + u'b';
    const RegexSetMap::Lookup l = map->lookup(subject);
    QCOMPARE(l.gaveUp, QList<int>{0});
    QCOMPARE(l.matches, QList<int>{1});
    QCOMPARE(map->findFirst(subject), 1);
}

QTEST_APPLESS_MAIN(TestRegexSetMap)
#include "TestRegexSetMap.moc"
