// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include <QTest>

#include "common/SmtpPhase.h"
#include "common/SmtpResponse.h"

using namespace Dsn;

class TestSmtpResponse : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void malformed_data();
    void malformed();
    void singleLine_data();
    void singleLine();
    void removeLineBreaks_data();
    void removeLineBreaks();
    void enhancedCode_data();
    void enhancedCode();
    void lineLimit();
    void json();
    void isSingleLineOf_data();
    void isSingleLineOf();
    void assembleLogged_data();
    void assembleLogged();
    void phaseForCommand_data();
    void phaseForCommand();
};

void TestSmtpResponse::parse_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("enhanced");
    QTest::addColumn<QString>("content");

    QTest::newRow("single with esc") << u"550 5.1.1 <u@example.com>: User unknown"_qs << u"2026.06"_qs << 550
                                     << u"5.1.1"_qs << u"<u@example.com>: User unknown"_qs;
    QTest::newRow("no esc") << u"421 Service not available"_qs << u"2026.06"_qs << 421 << QString()
                            << u"Service not available"_qs;
    QTest::newRow("esc at end is not esc") << u"550 5.1.1"_qs << u"documented"_qs << 550 << QString() << u"5.1.1"_qs;
    QTest::newRow("leading zeros dropped") << u"550 5.01.001 gone"_qs << u"2026.06"_qs << 550 << u"5.1.1"_qs
                                           << u"gone"_qs;
    QTest::newRow("class 3 is not esc") << u"550 3.1.1 odd"_qs << u"2026.06"_qs << 550 << QString() << u"3.1.1 odd"_qs;
    QTest::newRow("multi CRLF 2026") << u"452-4.2.2 a\r\n452 4.2.2 b"_qs << u"2026.06"_qs << 452 << u"4.2.2"_qs
                                     << u"a\nb"_qs;
    QTest::newRow("multi LF documented keeps esc") << u"452-4.2.2 a\n452 4.2.2 b\n"_qs << u"documented"_qs << 452
                                                   << u"4.2.2"_qs << u"a\n4.2.2 b"_qs;
    QTest::newRow("only exact prefix stripped") << u"452-4.2.2 a\r\n452 4.2.2  b"_qs << u"2026.06"_qs << 452
                                                << u"4.2.2"_qs << u"a\n b"_qs;
    QTest::newRow("other esc kept") << u"220-4.1.0 woot\r\n220-4.1.0 more\r\n220 5.5.5 done"_qs << u"2026.06"_qs << 220
                                    << u"4.1.0"_qs << u"woot\nmore\n5.5.5 done"_qs;
    QTest::newRow("empty content") << u"250 "_qs << u"2026.06"_qs << 250 << QString() << QString();
    // Line breaks are looked for eight characters at a time, then one by one in the tail.
    QTest::newRow("LF in the tail") << u"421-abcdefghijkl\n421 b"_qs << u"2026.06"_qs << 421 << QString()
                                    << u"abcdefghijkl\nb"_qs;
    QTest::newRow("lone CR in the second block") << u"421-abcdefghi\r421 b"_qs << u"2026.06"_qs << 421 << QString()
                                                 << u"abcdefghi\nb"_qs;
    QTest::newRow("long line without a break")
        << u"550 5.7.1 Service unavailable, client host blocked using a list of 48 characters"_qs << u"2026.06"_qs
        << 550 << u"5.7.1"_qs << u"Service unavailable, client host blocked using a list of 48 characters"_qs;
}

void TestSmtpResponse::parse()
{
    QFETCH(QString, raw);
    QFETCH(QString, profile);
    QFETCH(int, code);
    QFETCH(QString, enhanced);
    QFETCH(QString, content);
    auto r = SmtpResponse::parse(raw, *compatProfileFromId(profile));
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    QCOMPARE(r->code, code);
    QCOMPARE(r->enhancedCode ? r->enhancedCode->toString() : QString(), enhanced);
    QCOMPARE(r->content, content);
}

void TestSmtpResponse::malformed_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("message");
    QTest::newRow("code mismatch mid") << u"220-woot\r\n221-more\r\n220 done"_qs << u"Malformed Response: 221-more"_qs;
    QTest::newRow("code mismatch last") << u"220-woot\r\n220-more\r\n221 done"_qs << u"Malformed Response: 221 done"_qs;
    QTest::newRow("underscore") << u"220_woot"_qs << u"MalformedResponseLine: 220_woot"_qs;
    QTest::newRow("text") << u"not really"_qs << u"MalformedResponseLine: not really"_qs;
    QTest::newRow("bare code") << u"550"_qs << u"MalformedResponseLine: 550"_qs;
}

void TestSmtpResponse::malformed()
{
    QFETCH(QString, raw);
    QFETCH(QString, message);
    for (auto profile : {CompatProfile::Documented, CompatProfile::V2026_06}) {
        auto r = SmtpResponse::parse(raw, profile);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().message, message);
    }
}

void TestSmtpResponse::singleLine_data()
{
    QTest::addColumn<QStringList>("lines");
    QTest::addColumn<QString>("documented");
    QTest::addColumn<QString>("v2026");
    const QStringList gmail = {u"452-4.2.2 The email account that you tried to reach is over quota."_qs,
                               u"452 4.2.2 Please direct the recipient to https://support.google.com/mail/?p=OverQuotaTemp"_qs};
    QTest::newRow("gmail two lines")
        << gmail
        << u"452 4.2.2 The email account that you tried to reach is over quota.\\r\\n4.2.2 Please direct the recipient to https://support.google.com/mail/?p=OverQuotaTemp"_qs
        << u"452 4.2.2 The email account that you tried to reach is over quota. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaTemp"_qs;
    QTest::newRow("no esc three lines") << QStringList{u"220-woot"_qs, u"220-more"_qs, u"220 done"_qs}
                                        << u"220 woot\\r\\nmore\\r\\ndone"_qs << u"220 woot more done"_qs;
    QTest::newRow("single") << QStringList{u"550 5.7.1 Rejected"_qs} << u"550 5.7.1 Rejected"_qs
                            << u"550 5.7.1 Rejected"_qs;
}

void TestSmtpResponse::singleLine()
{
    QFETCH(QStringList, lines);
    QFETCH(QString, documented);
    QFETCH(QString, v2026);
    auto doc = SmtpResponse::parseLines(lines, CompatProfile::Documented);
    auto v = SmtpResponse::parseLines(lines, CompatProfile::V2026_06);
    QVERIFY(doc.ok() && v.ok());
    QCOMPARE(doc->toSingleLine(CompatProfile::Documented), documented);
    QCOMPARE(v->toSingleLine(CompatProfile::V2026_06), v2026);
}

void TestSmtpResponse::removeLineBreaks_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::newRow("crlf twice") << u"hello\r\nthere\r\n"_qs << u"hello there "_qs;
    QTest::newRow("lone cr") << u"hello\r"_qs << u"hello "_qs;
    QTest::newRow("lf then crlf") << u"hello\nthere\r\n"_qs << u"hello there "_qs;
    QTest::newRow("crlf then lf") << u"hello\r\nthere\n"_qs << u"hello there "_qs;
    QTest::newRow("cr cr crlf") << u"hello\r\r\r\nthere\n"_qs << u"hello   there "_qs;
}

void TestSmtpResponse::removeLineBreaks()
{
    QFETCH(QString, in);
    QFETCH(QString, out);
    QCOMPARE(SmtpResponse::removeLineBreaks(in), out);
}

void TestSmtpResponse::enhancedCode_data()
{
    // KumoMTA splits on '.' into exactly three u16 numbers, class 2, 4 or 5.
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("parsed"); // null: not an enhanced code
    QTest::newRow("plain") << u"4.2.2"_qs << u"4.2.2"_qs;
    QTest::newRow("leading zeros") << u"5.001.01"_qs << u"5.1.1"_qs;
    QTest::newRow("u16 limits") << u"5.65535.65535"_qs << u"5.65535.65535"_qs;
    QTest::newRow("subject over u16") << u"5.65536.1"_qs << QString();
    QTest::newRow("detail over u16") << u"5.1.65536"_qs << QString();
    QTest::newRow("class 3") << u"3.1.1"_qs << QString();
    QTest::newRow("class 6") << u"6.1.1"_qs << QString();
    QTest::newRow("two parts") << u"4.2"_qs << QString();
    QTest::newRow("four parts") << u"4.2.2.1"_qs << QString();
    QTest::newRow("empty middle") << u"4..2"_qs << QString();
    QTest::newRow("leading dot") << u".4.2"_qs << QString();
    QTest::newRow("trailing dot") << u"4.2."_qs << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("trailing space") << u"5.1.1 "_qs << QString();
}

void TestSmtpResponse::enhancedCode()
{
    QFETCH(QString, text);
    QFETCH(QString, parsed);
    const auto code = EnhancedStatusCode::parse(text);
    QCOMPARE(code.has_value(), !parsed.isNull());
    if (code)
        QCOMPARE(code->toString(), parsed);
}

void TestSmtpResponse::lineLimit()
{
    const QString longLine = u"550 "_qs + QString(5000, QLatin1Char('x'));
    QVERIFY(!SmtpResponse::parse(longLine, CompatProfile::V2026_06).ok());
    QVERIFY(SmtpResponse::parse(longLine, CompatProfile::Documented).ok());
    QVERIFY(!SmtpResponse::parse(longLine, CompatProfile::Documented, SmtpResponse::MaxLineLength).ok());
    const QString fits = u"550 "_qs + QString(4092, QLatin1Char('x'));
    QVERIFY(SmtpResponse::parse(fits, CompatProfile::V2026_06).ok());
}

void TestSmtpResponse::json()
{
    auto r = SmtpResponse::parse(u"452-4.2.2 a\r\n452 4.2.2 b"_qs, CompatProfile::V2026_06);
    QVERIFY(r.ok());
    SmtpResponse resp = *r;
    resp.command = u"RCPT TO:<u@example.com>\r\n"_qs;
    const QJsonObject o = resp.toJson();
    QCOMPARE(o.value(u"code"_qs).toInt(), 452);
    QCOMPARE(o.value(u"content"_qs).toString(), u"a b"_qs);
    QCOMPARE(o.value(u"command"_qs).toString(), u"RCPT TO:<u@example.com>\r\n"_qs);
    QCOMPARE(o.value(u"enhanced_code"_qs).toObject().value(u"detail"_qs).toInt(), 2);
    resp.enhancedCode.reset();
    resp.command.clear();
    QVERIFY(resp.toJson().value(u"enhanced_code"_qs).isNull());
    QVERIFY(resp.toJson().value(u"command"_qs).isNull());
}

void TestSmtpResponse::isSingleLineOf_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("printed form") << u"550 5.1.1 No such user"_qs;
    QTest::newRow("no enhanced code") << u"421 Try later"_qs;
    QTest::newRow("leading zeros in the code") << u"550 5.01.001 gone"_qs;
    QTest::newRow("two spaces after the code") << u"550  5.1.1 gone"_qs;
    QTest::newRow("code alone with space") << u"250 "_qs;
    QTest::newRow("enhanced code, empty content") << u"550 5.1.1 "_qs;
    QTest::newRow("enhanced code at the end is content") << u"550 5.1.1"_qs;
    QTest::newRow("two lines") << u"452-4.2.2 a\r\n452 4.2.2 b"_qs;
    QTest::newRow("trailing CRLF") << u"550 5.1.1 gone\r\n"_qs;
    QTest::newRow("class 3 is content") << u"550 3.1.1 odd"_qs;
    QTest::newRow("long, non-ASCII") << u"550 5.7.1 Nachricht abgelehnt: Absender-Domäne gesperrt"_qs;
}

/// The shortcut the evaluator takes must agree with building the line, under both profiles.
void TestSmtpResponse::isSingleLineOf()
{
    QFETCH(QString, text);
    for (auto profile : {CompatProfile::Documented, CompatProfile::V2026_06}) {
        const auto r = SmtpResponse::parse(text, profile);
        QVERIFY(r.ok());
        const QString line = r->toSingleLine(profile);
        // The text itself, one character longer or shorter, and every one-character change
        // (code, enhanced code, separators, content): each is its line exactly when they match.
        QStringList variants{text, text + u'x', text.chopped(1)};
        for (qsizetype i = 0; i < text.size(); ++i) {
            QString changed = text;
            changed[i] = changed[i] == u'1' ? u'2' : u'1';
            variants << changed;
        }
        for (const QString &v : variants)
            QCOMPARE(r->isSingleLineOf(v), line == v);
    }
}

void TestSmtpResponse::assembleLogged_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("enhanced"); // empty: the record has none
    QTest::addColumn<QString>("content");
    QTest::addColumn<QString>("reply");
    QTest::newRow("one line") << 550 << u"5.1.1"_qs << u"No such user"_qs << u"550 5.1.1 No such user"_qs;
    QTest::newRow("no enhanced code") << 421 << QString() << u"Try later"_qs << u"421 Try later"_qs;
    QTest::newRow("lines get the code and the enhanced code")
        << 452 << u"4.2.2"_qs << u"The email account is over quota.\r\nLearn more"_qs
        << u"452-4.2.2 The email account is over quota.\n452 4.2.2 Learn more"_qs;
    QTest::newRow("content repeating the enhanced code") << 550 << u"5.7.1"_qs << u"5.7.1 Blocked"_qs
                                                         << u"550 5.7.1 Blocked"_qs;
    QTest::newRow("a whole reply is kept") << 554 << u"5.7.1"_qs << u"554-5.7.1 one\r\n554 5.7.1 two"_qs
                                           << u"554-5.7.1 one\n554 5.7.1 two"_qs;
    QTest::newRow("the code alone is not a reply") << 550 << QString() << u"550"_qs << u"550 550"_qs;
    QTest::newRow("empty content") << 250 << QString() << QString() << u"250 "_qs;
    QTest::newRow("empty content after the enhanced code") << 550 << u"5.1.1"_qs << QString() << u"550 5.1.1 "_qs;
    QTest::newRow("a lone CR is a line break") << 451 << u"4.3.0"_qs << u"busy\rtry later"_qs
                                               << u"451 4.3.0 busy\rtry later"_qs;
    QTest::newRow("trailing CRLF") << 421 << QString() << u"closing\r\n"_qs << u"421-closing\n421 "_qs;
    QTest::newRow("long line, non-ASCII") << 550 << u"5.7.1"_qs
                                          << u"Nachricht abgelehnt: Absender-Domäne steht auf einer Sperrliste (RBL)"_qs
                                          << u"550 5.7.1 Nachricht abgelehnt: Absender-Domäne steht auf einer Sperrliste (RBL)"_qs;
}

/// A log record keeps the code, the enhanced code and the content apart; the event and the
/// bounce classifier see them put back together.
void TestSmtpResponse::assembleLogged()
{
    QFETCH(int, code);
    QFETCH(QString, enhanced);
    QFETCH(QString, content);
    QFETCH(QString, reply);
    std::optional<EnhancedStatusCode> esc;
    if (!enhanced.isEmpty())
        esc = EnhancedStatusCode::parse(enhanced);
    QCOMPARE(enhanced.isEmpty(), !esc.has_value());
    QCOMPARE(SmtpResponse::assembleLogged(code, esc, content), reply);
}

void TestSmtpResponse::phaseForCommand_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("phase"); // empty: none of its own
    QTest::newRow("MAIL") << u"MAIL FROM:<a@example.com>\r\n"_qs << u"MAIL FROM"_qs;
    QTest::newRow("rcpt, lower case") << u"rcpt to:<b@example.net>"_qs << u"RCPT TO"_qs;
    QTest::newRow("DATA") << u"DATA\r\n"_qs << u"DATA"_qs;
    QTest::newRow("final dot") << u".\r\n"_qs << u"end of data"_qs;
    QTest::newRow("BDAT chunk") << u"BDAT 4096"_qs << u"DATA"_qs;
    QTest::newRow("BDAT LAST") << u"BDAT 512 LAST"_qs << u"end of data"_qs;
    QTest::newRow("EHLO") << u"EHLO mta.example"_qs << u"EHLO"_qs;
    QTest::newRow("STARTTLS") << u"STARTTLS"_qs << u"STARTTLS"_qs;
    QTest::newRow("NOOP") << u"NOOP"_qs << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestSmtpResponse::phaseForCommand()
{
    QFETCH(QString, command);
    QFETCH(QString, phase);
    const std::optional<SmtpPhase> got = smtpPhaseForCommand(command);
    QCOMPARE(got ? smtpPhaseName(*got) : QString(), phase);
}

QTEST_APPLESS_MAIN(TestSmtpResponse)
#include "TestSmtpResponse.moc"
