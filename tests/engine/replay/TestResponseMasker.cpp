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
};

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
}

void TestResponseMasker::mask()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(ResponseMasker::mask(input), expected);
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

QTEST_APPLESS_MAIN(TestResponseMasker)
#include "TestResponseMasker.moc"
