// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include <QTest>

#include "common/JsonText.h"
#include "rules/RegexRule.h"

using namespace Dsn;

class TestJsonText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void orderKept();
    void roundTrip();
};

void TestJsonText::parse_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("plain") << QByteArray(R"({"a": 1})") << true << -1 << -1;
    QTest::newRow("slash comment") << QByteArray("{\n  // note\n  \"a\": 1\n}") << true << -1 << -1;
    QTest::newRow("hash comment") << QByteArray("{\n  # note\n  \"a\": 1 # trailing\n}") << true << -1 << -1;
    QTest::newRow("block comment") << QByteArray("{ /* a\n b */ \"a\": 1 }") << true << -1 << -1;
    QTest::newRow("comment chars in string") << QByteArray(R"({"a#b//c/*d": "x # y"})") << true << -1 << -1;
    QTest::newRow("trailing comma") << QByteArray("{\n  \"a\": 1,\n}") << false << 3 << 1;
    QTest::newRow("missing colon") << QByteArray("{\n  \"a\" 1\n}") << false << 2 << 7;
    QTest::newRow("unterminated") << QByteArray("{\"a\": ") << false << 1 << 7;
}

void TestJsonText::parse()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, ok);
    QFETCH(int, line);
    QFETCH(int, column);
    auto r = JsonText::parse(text, u"t.json"_qs);
    QCOMPARE(r.ok(), ok);
    if (!ok) {
        QCOMPARE(r.error().line, line);
        QCOMPARE(r.error().column, column);
        QVERIFY(r.error().message.startsWith(u"parsing t.json as json: "_qs));
    }
}

void TestJsonText::orderKept()
{
    auto rules = Rules::RegexRule::listFromJson(R"({"zeta": 1, "alpha": 2, "mid": "x"})", u"t.json"_qs);
    QVERIFY(rules.ok());
    QCOMPARE(rules->size(), 3);
    QCOMPARE(rules->at(0).pattern, u"zeta"_qs);
    QCOMPARE(rules->at(1).pattern, u"alpha"_qs);
    QCOMPARE(rules->at(2).value.toString(), u"x"_qs);
    QVERIFY(!Rules::RegexRule::listFromJson("[1,2]", u"t.json"_qs).ok());
}

void TestJsonText::roundTrip()
{
    const QByteArray in = "{\n  \"4\\\\.2\\\\.2 über\": 500,\n  \"a\": 450\n}\n";
    auto rules = Rules::RegexRule::listFromJson(in, u"t.json"_qs);
    QVERIFY(rules.ok());
    QCOMPARE(rules->at(0).pattern, u"4\\.2\\.2 über"_qs);
    QCOMPARE(Rules::RegexRule::listToJson(*rules), in);
}

QTEST_APPLESS_MAIN(TestJsonText)
#include "TestJsonText.moc"
