// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include <random>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "TestConfig.h"
#include "replay/ResponseMasker.h"

using Dsn::Replay::ResponseMasker;

class TestResponseMasker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mask_data();
    void mask();
    void agreesWithWholeText_data();
    void agreesWithWholeText();
    void agreesOnEveryShortText_data();
    void agreesOnEveryShortText();
    void agreesOnEditedReplies();
    void readsOnlyTheStringsOwnText();
};

namespace {

/**
 * Compares mask() with maskWhole() over many texts and keeps the first few that differ. mask()
 * masks a text it has not seen afresh and caches it, and every text is new to it the first time
 * a test hands it over, so each is checked on the path that masks, not only on a cached copy.
 */
class Differential
{
public:
    void check(const QString &text)
    {
        ++m_checked;
        const QString fast = ResponseMasker::mask(text);
        const QString whole = ResponseMasker::maskWhole(text);
        if (fast != whole && m_failures.size() < 10)
            m_failures.append(QStringLiteral("\"%1\": mask \"%2\", maskWhole \"%3\"").arg(text, fast, whole));
        m_failed += fast != whole;
    }
    qsizetype checked() const { return m_checked; }
    QString report() const
    {
        return QStringLiteral("%1 of %2 texts differ, first:\n").arg(m_failed).arg(m_checked) + m_failures.join(u'\n');
    }
    bool agrees() const { return m_failed == 0; }

private:
    qsizetype m_checked = 0;
    qsizetype m_failed = 0;
    QStringList m_failures;
};

} // namespace

void TestResponseMasker::mask_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("codes are kept") << u"550 5.1.1 User unknown"_qs << u"550 5.1.1 User unknown"_qs;
    QTest::newRow("address in brackets")
        << u"550 5.1.1 <bob.smith+x@mail.example.co.jp>: Recipient address rejected"_qs
        << u"550 5.1.1 <<addr>>: Recipient address rejected"_qs;
    QTest::newRow("ipv4 in brackets") << u"554 5.7.1 Client host [192.0.2.10] blocked"_qs
                                      << u"554 5.7.1 Client host [<ip>] blocked"_qs;
    QTest::newRow("ipv4 at sentence end") << u"421 4.7.0 deferred from 203.0.113.7."_qs
                                          << u"421 4.7.0 deferred from <ip>."_qs;
    QTest::newRow("ipv6 compressed") << u"550 5.7.1 [2001:db8::1] is not allowed"_qs
                                     << u"550 5.7.1 [<ip>] is not allowed"_qs;
    QTest::newRow("ipv6 full") << u"450 4.7.1 2001:0db8:85a3:0000:0000:8a2e:0370:7334 rate limited"_qs
                               << u"450 4.7.1 <ip> rate limited"_qs;
    QTest::newRow("gmail id") << u"452 4.2.2 over quota. d75a77b69052e-4afbd5e9a1fsi123456qtb.123 - gsmtp"_qs
                              << u"452 4.2.2 over quota. <id>.123 - gsmtp"_qs;
    QTest::newRow("hex queue id") << u"250 2.0.0 Ok: queued as 4F2A1C3B9D"_qs << u"250 2.0.0 Ok: queued as <id>"_qs;
    QTest::newRow("long number") << u"421 4.7.0 Try again in 3600 seconds"_qs << u"421 4.7.0 Try again in <n> seconds"_qs;
    QTest::newRow("short number kept") << u"451 4.3.0 Error 42 occurred"_qs << u"451 4.3.0 Error 42 occurred"_qs;
    QTest::newRow("long words kept") << u"550 5.7.1 Unfortunately, messages weren't sent"_qs
                                     << u"550 5.7.1 Unfortunately, messages weren't sent"_qs;
    QTest::newRow("short alnum kept") << u"550 5.7.1 (S3140) blocked"_qs << u"550 5.7.1 (S3140) blocked"_qs;
    QTest::newRow("time is not an address") << u"421 4.4.2 timeout at 12:34:56"_qs << u"421 4.4.2 timeout at 12:34:56"_qs;
    QTest::newRow("several") << u"550 5.1.1 <a@b.example> from 192.0.2.1 id=AB12CD34EF56"_qs
                             << u"550 5.1.1 <<addr>> from <ip> id=<id>"_qs;

    // Edge cases of each alternative's backtracking and look-arounds.
    QTest::newRow("addr ends at the last label with two letters")
        << u"x a@b.c1.de.f9 y"_qs << u"x <addr>.f9 y"_qs;
    QTest::newRow("addr takes every label") << u"a@b.cd.ef"_qs << u"<addr>"_qs;
    QTest::newRow("addr tld stops at a digit") << u"a@b.com1"_qs << u"<addr>1"_qs;
    QTest::newRow("addr tld stops at a dash") << u"a@b.com-x"_qs << u"<addr>-x"_qs;
    QTest::newRow("addr before a full stop") << u"user@example.com."_qs << u"<addr>."_qs;
    QTest::newRow("addr one-letter tld kept") << u"a@b.c"_qs << u"a@b.c"_qs;
    QTest::newRow("addr local part of symbols") << u"%x+y=z@host.example"_qs << u"<addr>"_qs;
    QTest::newRow("addr local part after a colon") << u"a:b@c.de"_qs << u"a:<addr>"_qs;
    QTest::newRow("addr second at") << u"a@b@c.de"_qs << u"a@<addr>"_qs;
    QTest::newRow("ip6 loopback") << u"::1"_qs << u"<ip>"_qs;
    QTest::newRow("ip6 unspecified") << u"::"_qs << u"<ip>"_qs;
    QTest::newRow("ip6 three colons kept") << u":::"_qs << u":::"_qs;
    QTest::newRow("ip6 prefix ending in a colon") << u"1:::2"_qs << u"<ip>"_qs;
    QTest::newRow("ip6 suffix ending in a colon") << u"1::2:3:"_qs << u"<ip>"_qs;
    QTest::newRow("ip6 zone") << u"fe80::1%eth0"_qs << u"<ip>%eth0"_qs;
    QTest::newRow("ip6 eight groups") << u"1:2:3:4:5:6:7:8"_qs << u"<ip>"_qs;
    QTest::newRow("ip6 seven groups kept") << u"1:2:3:4:5:6:7"_qs << u"1:2:3:4:5:6:7"_qs;
    QTest::newRow("ip6 nine groups kept") << u"1:2:3:4:5:6:7:8:9"_qs << u"1:2:3:4:5:6:7:8:9"_qs;
    QTest::newRow("ip6 five hex digits kept") << u"abcde::1"_qs << u"abcde::1"_qs;
    QTest::newRow("ip6 two compressions kept") << u"a::b::c"_qs << u"a::b::c"_qs;
    QTest::newRow("ip6 before a word character kept") << u"::1g"_qs << u"::1g"_qs;
    QTest::newRow("url scheme kept") << u"see https://example.org/x"_qs << u"see https://example.org/x"_qs;
    QTest::newRow("ip4 followed by a fifth number kept") << u"1.2.3.4.5"_qs << u"1.2.3.4.5"_qs;
    QTest::newRow("ip4 with port") << u"10.0.0.1:25"_qs << u"<ip>:25"_qs;
    QTest::newRow("ip4 after a dash") << u"x-10.0.0.1"_qs << u"x-<ip>"_qs;
    QTest::newRow("ip4 four-digit part") << u"1.2.3.1234"_qs << u"1.2.3.<n>"_qs;
    QTest::newRow("ip4 before a dot and a letter") << u"1.2.3.4.x"_qs << u"<ip>.x"_qs;
    QTest::newRow("number before a dash kept") << u"12345-"_qs << u"12345-"_qs;
    QTest::newRow("number after an underscore kept") << u"_1234"_qs << u"_1234"_qs;
    QTest::newRow("number wins over id") << u"12345678"_qs << u"<n>"_qs;
    QTest::newRow("id") << u"abcdefg1"_qs << u"<id>"_qs;
    QTest::newRow("id without digit kept") << u"abcdefgh"_qs << u"abcdefgh"_qs;
    QTest::newRow("id of dashes") << u"a-------1"_qs << u"<id>"_qs;
    QTest::newRow("id starting with an underscore kept") << u"_abcdef12"_qs << u"_abcdef12"_qs;
    QTest::newRow("ids around a dot") << u"abcd1234.abcd1234"_qs << u"<id>.<id>"_qs;
    QTest::newRow("ip6 placeholders longer than the text")
        << u":: :: :: :: :: :: :: :: :: ::"_qs << u"<ip> <ip> <ip> <ip> <ip> <ip> <ip> <ip> <ip> <ip>"_qs;
    QTest::newRow("NUL inside") << u"1234\u0000abcdefg1\u0000"_qs << u"<n>\u0000<id>\u0000"_qs;
    QTest::newRow("non-ASCII around a number") << u"\u00e91234\u00e9"_qs << u"\u00e9<n>\u00e9"_qs;
}

void TestResponseMasker::mask()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(ResponseMasker::mask(input), expected);
    QCOMPARE(ResponseMasker::maskWhole(input), expected);
}

void TestResponseMasker::agreesWithWholeText_data()
{
    // mask() runs the pattern only on runs of the characters it can match or look at; the
    // pattern run over the whole text is the definition. Real replies, the same with variable
    // parts spliced in anywhere, and random strings over the characters that matter.
    QTest::addColumn<QString>("input");
    QFile corpus(QStringLiteral(DSN_TEST_DATA_DIR "/corpus/responses.jsonl"));
    QVERIFY(corpus.open(QIODevice::ReadOnly));
    QStringList replies;
    while (!corpus.atEnd()) {
        const QJsonObject o = QJsonDocument::fromJson(corpus.readLine()).object();
        if (o.contains(QLatin1String("text")))
            replies.append(o.value(QLatin1String("text")).toString());
    }
    QVERIFY(replies.size() > 200);
    // Longer than mask() caches: masked afresh every time.
    QTest::newRow("all replies in one") << replies.join(u' ');

    const QStringList pieces = {
        u"bob.smith+x@mail.example.co.jp"_qs, u"a@b.cc"_qs, u"a@b.c1"_qs, u"a.b@c.d.ef-x"_qs, u"user@host"_qs,
        u"192.0.2.10"_qs, u"203.0.113.7."_qs, u"1.2.3.4.5"_qs, u"10.0.0.1:25"_qs, u"2001:db8::1"_qs, u"::"_qs,
        u"fe80::1%eth0"_qs, u"::ffff:192.0.2.1"_qs, u"2001:0db8:85a3:0000:0000:8a2e:0370:7334"_qs, u"12:34:56"_qs,
        u"d75a77b69052e-4afbd5e9a1fsi123456qtb.123"_qs, u"4F2A1C3B9D"_qs, u"3600"_qs, u"42"_qs, u"id=AB12CD34EF56"_qs,
        u"x_y-1234567"_qs, u"-12345678-"_qs, u"\u00e91234"_qs, u"1234\u00e9"_qs, u"5.7.1"_qs, u"S3140"_qs,
        u"abcdefgh1"_qs, u"1abcdefg_"_qs, u"1.2.3.4"_qs, u"ab3defgh"_qs, u"9876"_qs,
    };
    const QStringList glue = {u" "_qs, QString(), u"<"_qs, u">"_qs, u"["_qs, u"]"_qs, u"("_qs, u")"_qs, u", "_qs,
                              u"\""_qs, u"/"_qs, u"\u00a0"_qs, u"\u00e9"_qs, u"\t"_qs, u"="_qs, u":"_qs, u"."_qs,
                              u"-"_qs, u"_"_qs, u"@"_qs, u"%"_qs, u"+"_qs};
    std::mt19937 rng(20261126);
    const auto pick = [&rng](const QStringList &from) { return from.at(qsizetype(rng() % quint32(from.size()))); };
    for (qsizetype i = 0; i < replies.size(); ++i) {
        QTest::addRow("reply %lld", qlonglong(i)) << replies.at(i);
        for (int variant = 0; variant < 4; ++variant) {
            QString text = replies.at(i);
            for (int k = 0; k < 3; ++k) {
                const qsizetype at = qsizetype(rng() % quint32(text.size() + 1));
                text.insert(at, pick(glue) + pick(pieces) + pick(glue));
            }
            QTest::addRow("reply %lld spliced %d", qlonglong(i), variant) << text;
        }
    }
    const QString alphabet = u"aZf9 0:1.@_-=%+<>[]\u00e9\u00a0x7Ab2:3"_qs;
    for (int i = 0; i < 2000; ++i) {
        QString text;
        const int length = int(rng() % 40);
        for (int k = 0; k < length; ++k)
            text += alphabet.at(qsizetype(rng() % quint32(alphabet.size())));
        QTest::addRow("random %d", i) << text;
    }
}

void TestResponseMasker::agreesWithWholeText()
{
    QFETCH(QString, input);
    QCOMPARE(ResponseMasker::mask(input), ResponseMasker::maskWhole(input));
}

void TestResponseMasker::agreesOnEveryShortText_data()
{
    // Every text up to a length over a few characters: one alphabet that mixes all the
    // alternatives, and longer texts over the few characters each alternative turns on.
    QTest::addColumn<QString>("alphabet");
    QTest::addColumn<int>("maxLength");
    // About two million texts, a few seconds.
    QTest::newRow("all alternatives") << u"aF05.-_@: "_qs << 6;
    QTest::newRow("addr") << u"a1.@-"_qs << 7;
    QTest::newRow("addr labels") << u"ab.@"_qs << 9;
    QTest::newRow("ip6 groups") << u"1:"_qs << 16;
    QTest::newRow("ip6 fields") << u"1:g."_qs << 8;
    QTest::newRow("ip4") << u"0.x"_qs << 10;
    QTest::newRow("n and id") << u"0a-_"_qs << 9;
}

void TestResponseMasker::agreesOnEveryShortText()
{
    QFETCH(QString, alphabet);
    QFETCH(int, maxLength);
    Differential differential;
    qsizetype expected = 0;
    qsizetype count = 1;
    // Counts in base alphabet.size(), one digit a character; each length starts over at zero.
    for (int length = 0; length <= maxLength; ++length, count *= alphabet.size()) {
        expected += count;
        QList<int> digits(length, 0);
        QString text(length, alphabet.at(0));
        for (;;) {
            differential.check(text);
            int k = length - 1;
            while (k >= 0 && digits[k] == alphabet.size() - 1) {
                digits[k] = 0;
                text[k] = alphabet.at(0);
                --k;
            }
            if (k < 0)
                break;
            text[k] = alphabet.at(++digits[k]);
        }
    }
    QCOMPARE(differential.checked(), expected);
    QVERIFY2(differential.agrees(), qPrintable(differential.report()));
}

void TestResponseMasker::agreesOnEditedReplies()
{
    // Real-looking replies, each with every one-character replacement, deletion and insertion
    // from a set of characters that start, join, end or break the parts masking finds.
    const QStringList replies = {
        u"550 5.1.1 <bob.smith+x@mail.example.co.jp>: Recipient address rejected: User unknown in virtual mailbox table"_qs,
        u"550-5.1.1 The email account that you tried to reach does not exist. Learn more at "
        "https://support.google.com/mail/?p=NoSuchUser d75a77b69052e-4afbd5e9a1fsi123456qtb.123 - gsmtp"_qs,
        u"550 5.7.1 Unfortunately, messages from [192.0.2.10] weren't sent. (S3140) "
        "[DB5EUR03FT012.eop-EUR03.prod.protection.outlook.com 2026-11-26T13:00:00.000Z 08DC1234ABCD5678]"_qs,
        u"421 4.7.0 [TSS04] Messages from 203.0.113.7 temporarily deferred - 4.16.55.1; "
        "see https://postmaster.yahooinc.com/error-codes"_qs,
        u"550 5.7.1 [2001:db8::1] is not allowed"_qs,
        u"450 4.7.1 2001:0db8:85a3:0000:0000:8a2e:0370:7334 rate limited"_qs,
        u"250 2.0.0 Ok: queued as 4F2A1C3B9D"_qs,
        u"421 4.7.0 Try again in 3600 seconds"_qs,
        u"550 5.1.1 user@example.com. does not exist"_qs,
        u"550 5.1.1 <a@b.com-x> rejected"_qs,
        u"554 5.7.1 1.2.3.4.5 listed, 10.0.0.1:25 refused"_qs,
        u"421 4.4.2 ::1 timeout at 12:34:56"_qs,
        u"550 5.7.1 fe80::1%eth0 and ::ffff:192.0.2.1 refused"_qs,
        u"554 5.7.0 Reject, id=20025-09 - SPAM"_qs,
        u"451 4.7.1 Greylisted, see http://postgrey.example.ch/help/example.com.html"_qs,
        u"550 5.7.606 Access denied, banned sending IP [198.51.100.23]. Visit "
        "http://go.microsoft.com/fwlink/?LinkID=526655 AS(1430)"_qs,
        u"552 5.2.2 <x_y-1234567@mx-01.example.org>: mailbox full; quota=104857600 used=104857601"_qs,
        u"550 5.7.26 SPF [example.com] with ip: [2a01:111:f400:7e1b::1] = did not pass"_qs,
        u"553 5.7.1 <SRS0=abcd=XY=example.net=user@fwd.example.com>: not owned by a.b-c_d%e@f.g-h.i1.jk"_qs,
        u"451 4.3.0 Rejected 1700000000 -12345678- id 0x7fff5fbff8a8 abc_def-12345678_ at 1:2:3:4:5:6:7:8"_qs,
        u"554 5.7.1 Client host [mail-db3eur04on0700.outbound.protection.outlook.com] blocked; "
        "https://www.spamhaus.org/query/ip/40.107.6.70"_qs,
    };
    const QString characters = u"aG07.-_@: %=<\u00e9/"_qs;
    Differential differential;
    for (const QString &reply : replies) {
        differential.check(reply);
        for (qsizetype i = 0; i <= reply.size(); ++i) {
            if (i < reply.size())
                differential.check(QString(reply).remove(i, 1));
            for (const QChar c : characters) {
                if (i < reply.size() && reply.at(i) != c)
                    differential.check(QString(reply).replace(i, 1, c));
                differential.check(QString(reply).insert(i, c));
            }
        }
    }
    QVERIFY(differential.checked() > 40000);
    QVERIFY2(differential.agrees(), qPrintable(differential.report()));
}

void TestResponseMasker::readsOnlyTheStringsOwnText()
{
    // A literal: masking must not copy it in place (utf16() would, under any other thread
    // reading the same string), so its text stays where it was.
    static const QString literal = QStringLiteral("550 5.1.1 <someone@example.com>: no such user");
    const QChar *before = literal.constData();
    QCOMPARE(ResponseMasker::mask(literal), u"550 5.1.1 <<addr>>: no such user"_qs);
    QCOMPARE(literal.constData(), before);

    // Raw data cut short of an ID: what follows in memory is not the string's. Past the cache's
    // length limit, so no cache entry keeps pointing at this buffer after the test.
    const QString buffer = QString(1100, u' ') + u"abcd1234xyz"_qs;
    const QString raw = QString::fromRawData(buffer.constData(), 1100 + 6); // ends "abcd12"
    const QString masked = ResponseMasker::mask(raw);
    QCOMPARE(masked.size(), raw.size());
    QVERIFY(masked.endsWith(u"abcd12"_qs));
    // Read to its own end, the same memory is an ID.
    QVERIFY(ResponseMasker::mask(buffer).endsWith(u" <id>"_qs));
}

QTEST_APPLESS_MAIN(TestResponseMasker)
#include "TestResponseMasker.moc"
