// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include <QFile>
#include <QJsonValue>
#include <QTest>

#include "TestConfig.h"
#include "rules/RegexSetMap.h"
#include "rules/TableLinter.h"

using Dsn::CompatProfile;
using Dsn::Diagnostic;
using Dsn::Rules::RegexRule;
using Dsn::Rules::RegexSetMap;
using Dsn::Rules::TableLinter;

Q_DECLARE_METATYPE(QList<RegexRule>)

class TestTableLinter : public QObject
{
    Q_OBJECT

private slots:
    void diagnostics_data();
    void diagnostics();
    void cleanTableIsQuiet();
    void duplicateJsonKeys();
    void deferralSamplesAreDeferrals();
};

void TestTableLinter::diagnostics_data()
{
    QTest::addColumn<QList<RegexRule>>("rules");
    QTest::addColumn<int>("profile");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("ruleIndex"); // -1: no diagnostic with this code
    QTest::addColumn<int>("severity");
    QTest::addColumn<QString>("messagePart");

    const int doc = int(CompatProfile::Documented);
    const int v2026 = int(CompatProfile::V2026_06);
    const int error = int(Diagnostic::Severity::Error);
    const int warning = int(Diagnostic::Severity::Warning);
    using R = QList<RegexRule>;
    auto v = [](int code) { return QJsonValue(code); };

    QTest::newRow("parse: look-ahead Boost accepts")
        << R{{u"foo(?=bar)"_qs, v(550)}} << doc << u"regex-parse"_qs << 0 << error << u"Boost.Regex and PCRE accept"_qs;
    QTest::newRow("parse: invalid everywhere")
        << R{{u"ok"_qs, v(550)}, {u"("_qs, v(550)}} << doc << u"regex-parse"_qs << 1 << error << u"unclosed group"_qs;
    QTest::newRow("dialect: possessive-looking")
        << R{{u"a++"_qs, v(550)}} << doc << u"regex-dialect"_qs << 0 << warning << u"possessive"_qs;
    QTest::newRow("code: digit string") << R{{u"x"_qs, QJsonValue(u"550"_qs)}} << doc << u"not-smtp-code"_qs << 0
                                        << warning << u"string"_qs;
    QTest::newRow("code: boolean") << R{{u"x"_qs, QJsonValue(true)}} << doc << u"not-smtp-code"_qs << 0 << error
                                   << u"boolean"_qs;
    QTest::newRow("code: word") << R{{u"x"_qs, QJsonValue(u"bounce"_qs)}} << doc << u"not-smtp-code"_qs << 0 << error
                                << u"not an SMTP code"_qs;
    QTest::newRow("code: out of range") << R{{u"x"_qs, v(999)}} << doc << u"not-smtp-code"_qs << 0 << error
                                        << u"between 200 and 599"_qs;
    QTest::newRow("code: fraction") << R{{u"x"_qs, QJsonValue(550.5)}} << doc << u"not-smtp-code"_qs << 0 << warning
                                    << u"truncates"_qs;
    QTest::newRow("code: fine") << R{{u"x"_qs, v(550)}} << doc << u"not-smtp-code"_qs << -1 << 0 << QString();
    QTest::newRow("duplicate") << R{{u"x"_qs, v(550)}, {u"y"_qs, v(550)}, {u"x"_qs, v(451)}} << doc
                               << u"duplicate-pattern"_qs << 2 << warning << u"rule 1"_qs;
    QTest::newRow("shadowed: same modulo flags") << R{{u"(?m)quota"_qs, v(552)}, {u"quota"_qs, v(452)}} << doc
                                                 << u"shadowed-pattern"_qs << 1 << warning << u"same as rule 1"_qs;
    QTest::newRow("shadowed: literal inside literal") << R{{u"quota"_qs, v(552)}, {u"over quota"_qs, v(452)}} << doc
                                                      << u"shadowed-pattern"_qs << 1 << warning << u"\"quota\""_qs;
    QTest::newRow("shadowed: literal inside required text")
        << R{{u"does not exist"_qs, v(550)}, {u"5\\.1\\.1 .*does not exist"_qs, v(551)}} << doc
        << u"shadowed-pattern"_qs << 1 << warning << u"either value"_qs;
    QTest::newRow("shadowed: case-insensitive earlier")
        << R{{u"(?i)QUOTA"_qs, v(552)}, {u"Over Quota exceeded"_qs, v(452)}} << doc << u"shadowed-pattern"_qs << 1
        << warning << u"rule 1"_qs;
    QTest::newRow("shadowed: empty pattern") << R{{QString(), v(550)}, {u"x"_qs, v(550)}} << doc
                                             << u"shadowed-pattern"_qs << 1 << warning << u"every reply"_qs;
    QTest::newRow("not shadowed: longer earlier") << R{{u"over quota"_qs, v(552)}, {u"quota"_qs, v(452)}} << doc
                                                  << u"shadowed-pattern"_qs << -1 << 0 << QString();
    QTest::newRow("not shadowed: case-sensitive earlier") << R{{u"Quota"_qs, v(552)}, {u"(?i)over quota"_qs, v(452)}}
                                                          << doc << u"shadowed-pattern"_qs << -1 << 0 << QString();
    QTest::newRow("risky: Yahoo deferral to 5xx")
        << R{{u"temporarily deferred"_qs, v(554)}} << doc << u"risky-rewrite"_qs << 0 << warning << u"TSS04"_qs;
    QTest::newRow("risky: Gmail rate limit to 5xx") << R{{u"(?i)unusual rate of unsolicited mail"_qs, v(550)}} << doc
                                                    << u"risky-rewrite"_qs << 0 << warning << u"4.7."_qs;
    QTest::newRow("risky: greylisting to 5xx")
        << R{{u"(?i)greylist"_qs, v(550)}} << doc << u"risky-rewrite"_qs << 0 << warning << u"Greylisted"_qs;
    QTest::newRow("risky: 4.7 in the pattern") << R{{u"4\\.7\\.\\d+ Client host rejected"_qs, v(550)}} << doc
                                               << u"risky-rewrite"_qs << 0 << warning << u"4.7.x"_qs;
    QTest::newRow("risky: deferral kept 4xx")
        << R{{u"temporarily deferred"_qs, v(451)}} << doc << u"risky-rewrite"_qs << -1 << 0 << QString();
    QTest::newRow("2xx") << R{{u"over quota"_qs, v(250)}} << doc << u"rewrite-to-2xx"_qs << 0 << warning
                         << u"delivered"_qs;
    QTest::newRow("class: 5 to 4xx") << R{{u"5\\.7\\.1 spam"_qs, v(451)}} << doc << u"class-mismatch"_qs << 0 << warning
                                     << u"class 5"_qs;
    QTest::newRow("class: 4 to 5xx") << R{{u"4\\.2\\.2 .*quota"_qs, v(552)}} << doc << u"class-mismatch"_qs << 0
                                     << warning << u"class 4"_qs;
    QTest::newRow("class: consistent") << R{{u"5\\.7\\.1 spam"_qs, v(550)}} << doc << u"class-mismatch"_qs << -1 << 0
                                       << QString();
    QTest::newRow("profile: literal backslash-r-backslash-n")
        << R{{u"quota\\.\\\\r\\\\n4\\.2\\.2"_qs, v(552)}} << doc << u"profile-sensitive"_qs << 0 << warning
        << u"2026.06"_qs;
    QTest::newRow("profile: literal crlf under 2026.06")
        << R{{u"quota\\.\\\\r\\\\n"_qs, v(552)}} << v2026 << u"profile-sensitive"_qs << 0 << warning
        << u"never matches"_qs;
    QTest::newRow("profile: real line break")
        << R{{u"quota\\r\\n"_qs, v(552)}} << doc << u"profile-sensitive"_qs << 0 << warning << u"real line break"_qs;
    QTest::newRow("profile: repeated enhanced code") << R{{u"4\\.2\\.2 over quota.*4\\.2\\.2 Please"_qs, v(452)}} << doc
                                                     << u"profile-sensitive"_qs << 0 << warning << u"4.2.2"_qs;
    QTest::newRow("profile: plain pattern")
        << R{{u"over quota"_qs, v(552)}} << doc << u"profile-sensitive"_qs << -1 << 0 << QString();
}

void TestTableLinter::diagnostics()
{
    QFETCH(QList<RegexRule>, rules);
    QFETCH(int, profile);
    QFETCH(QString, code);
    QFETCH(int, ruleIndex);
    QFETCH(int, severity);
    QFETCH(QString, messagePart);

    const QList<Diagnostic> all = TableLinter(CompatProfile(profile)).lint(rules);
    QList<Diagnostic> hits;
    for (const Diagnostic &d : all) {
        if (d.code == code)
            hits << d;
    }
    if (ruleIndex < 0) {
        QVERIFY2(hits.isEmpty(), qPrintable(hits.isEmpty() ? QString() : hits.first().toString()));
        return;
    }
    QVERIFY2(!hits.isEmpty(), qPrintable(QStringLiteral("%1 diagnostics, none %2").arg(all.size()).arg(code)));
    const Diagnostic &d = hits.first();
    QCOMPARE(d.ruleIndex, ruleIndex);
    QCOMPARE(int(d.severity), severity);
    QCOMPARE(d.pattern, rules[ruleIndex].pattern);
    QVERIFY2(d.message.contains(messagePart), qPrintable(d.message));
}

void TestTableLinter::cleanTableIsQuiet()
{
    const QList<RegexRule> rules = {
        {u"4\\.2\\.2 The email account that you tried to reach is over quota\\."_qs, QJsonValue(452)},
        {u"(?i)user unknown"_qs, QJsonValue(550)},
        {u"5\\.1\\.1 .*does not exist"_qs, QJsonValue(550)},
    };
    const QList<Diagnostic> all = TableLinter().lint(rules);
    QVERIFY2(all.isEmpty(), qPrintable(all.isEmpty() ? QString() : all.first().toString()));
}

void TestTableLinter::duplicateJsonKeys()
{
    QFile file(QStringLiteral(DSN_TEST_DATA_DIR "/rules/duplicate-keys.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray json = file.readAll();
    const QList<Diagnostic> all = TableLinter::lintJsonText(json, u"rules.json"_qs);
    // Only the table's own keys count; "a" twice inside a value is not a rule.
    QCOMPARE(all.size(), 2);
    QCOMPARE(all[0].code, u"duplicate-pattern"_qs);
    QCOMPARE(all[0].line, 6);
    QCOMPARE(all[0].pattern, u"4\\.2\\.2 The email account that you tried to reach is over quota\\."_qs);
    QVERIFY(all[0].message.contains(u"line 3"_qs));
    QCOMPARE(all[1].line, 8);
    QCOMPARE(all[1].pattern, u"(?i)mailbox (is )?full"_qs);
    QCOMPARE(all[1].source, u"rules.json"_qs);

    // The loader agrees that only one copy survives, with the last value.
    const auto rules = RegexRule::listFromJson(json, u"rules.json"_qs);
    QVERIFY(rules.ok());
    QCOMPARE(rules->size(), 3);
    QCOMPARE(rules->first().value, QJsonValue(452));
}

void TestTableLinter::deferralSamplesAreDeferrals()
{
    for (CompatProfile profile : {CompatProfile::Documented, CompatProfile::V2026_06}) {
        const QStringList samples = TableLinter(profile).deferralSamples();
        QVERIFY(samples.size() >= 8);
        const auto map = RegexSetMap::compile({{u"^4\\d\\d 4\\.7\\.\\d+ "_qs, QJsonValue(451)}});
        QVERIFY(map.ok());
        for (const QString &s : samples)
            QVERIFY2(map->findFirst(s) == 0, qPrintable(s));
    }
}

QTEST_APPLESS_MAIN(TestTableLinter)
#include "TestTableLinter.moc"
