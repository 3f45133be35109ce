// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include <QTest>

#include "replay/ResponseMasker.h"

using Dsn::Replay::ResponseMasker;

class TestResponseMasker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mask_data();
    void mask();
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

QTEST_APPLESS_MAIN(TestResponseMasker)
#include "TestResponseMasker.moc"
