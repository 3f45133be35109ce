// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include <QTest>

#include "common/QueueName.h"

using namespace Dsn;

namespace {
// Rows write nil as this marker so a null QString and "" stay distinguishable in the table.
const QString kNil = QStringLiteral("<nil>");
QString show(const QString &s)
{
    return s.isNull() ? kNil : s;
}
} // namespace

class TestQueueName : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void parseSequence();
    void build_data();
    void build();
};

void TestQueueName::parse_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("campaign");
    QTest::addColumn<QString>("tenant");
    QTest::addColumn<QString>("domain");
    QTest::addColumn<QString>("routing");
    QTest::addColumn<QString>("eventRouting");

    QTest::newRow("domain only") << u"foo.com"_qs << kNil << kNil << u"foo.com"_qs << kNil << u"foo.com"_qs;
    QTest::newRow("tenant") << u"tenant@foo.com"_qs << kNil << u"tenant"_qs << u"foo.com"_qs << kNil << u"foo.com"_qs;
    QTest::newRow("campaign empty tenant") << u"campaign:@foo.com"_qs << u"campaign"_qs << QString() << u"foo.com"_qs
                                           << kNil << u"foo.com"_qs;
    QTest::newRow("campaign tenant") << u"campaign:tenant@foo.com"_qs << u"campaign"_qs << u"tenant"_qs << u"foo.com"_qs
                                     << kNil << u"foo.com"_qs;
    QTest::newRow("routing") << u"campaign:tenant@foo.com!routing.com"_qs << u"campaign"_qs << u"tenant"_qs
                             << u"foo.com"_qs << u"routing.com"_qs << u"routing.com"_qs;
    QTest::newRow("first colon") << u"a:b:c@d"_qs << u"a"_qs << u"b:c"_qs << u"d"_qs << kNil << u"d"_qs;
    QTest::newRow("first at") << u"t@x@d"_qs << kNil << u"t"_qs << u"x@d"_qs << kNil << u"x@d"_qs;
    QTest::newRow("first bang") << u"d!r1!r2"_qs << kNil << kNil << u"d"_qs << u"r1!r2"_qs << u"r1!r2"_qs;
    QTest::newRow("port stays") << u"t@foo.com:2025"_qs << kNil << u"t"_qs << u"foo.com:2025"_qs << kNil
                                << u"foo.com:2025"_qs;
    QTest::newRow("colon without at is domain") << u"foo.com:2025"_qs << kNil << kNil << u"foo.com:2025"_qs << kNil
                                                << u"foo.com:2025"_qs;
    QTest::newRow("empty campaign and tenant") << u":@foo.com"_qs << u""_qs << QString() << u"foo.com"_qs << kNil
                                               << u"foo.com"_qs;
    QTest::newRow("empty routing") << u"foo.com!"_qs << kNil << kNil << u"foo.com"_qs << u""_qs << u""_qs;
    QTest::newRow("empty domain") << u"t@"_qs << kNil << u"t"_qs << QString() << kNil << QString();
    QTest::newRow("empty name") << QString() << kNil << kNil << QString() << kNil << QString();
    // Separators out of their place: the first '@' splits, ':' only counts before it, '!' only after.
    QTest::newRow("bang before at") << u"a!b@c"_qs << kNil << u"a!b"_qs << u"c"_qs << kNil << u"c"_qs;
    QTest::newRow("bang in prefix and domain") << u"c:t!x@d!r"_qs << u"c"_qs << u"t!x"_qs << u"d"_qs << u"r"_qs
                                               << u"r"_qs;
    QTest::newRow("colon and bang after at") << u"t@d:1!r"_qs << kNil << u"t"_qs << u"d:1"_qs << u"r"_qs << u"r"_qs;
    QTest::newRow("colon before bang, no at") << u"d:1!r:2"_qs << kNil << kNil << u"d:1"_qs << u"r:2"_qs << u"r:2"_qs;
    QTest::newRow("empty tenant no campaign") << u"@foo.com"_qs << kNil << QString() << u"foo.com"_qs << kNil
                                              << u"foo.com"_qs;
}

void TestQueueName::parse()
{
    QFETCH(QString, name);
    QFETCH(QString, campaign);
    QFETCH(QString, tenant);
    QFETCH(QString, domain);
    QFETCH(QString, routing);
    QFETCH(QString, eventRouting);
    const QueueName q = QueueName::parse(name);
    QCOMPARE(show(q.campaign), campaign.isNull() ? QString() : campaign);
    QCOMPARE(show(q.tenant), tenant.isNull() ? QLatin1String("") : tenant);
    QVERIFY(!q.tenant.isNull() || tenant == kNil);
    QCOMPARE(q.domain, domain);
    QCOMPARE(show(q.routingDomain), routing);
    QCOMPARE(q.eventRoutingDomain(), eventRouting);
    // Parsing what toString() prints gives the same parts back.
    QCOMPARE(QueueName::parse(q.toString()), q);
}

void TestQueueName::parseSequence()
{
    // parse() answers a repeated name from memory: every answer must still be that name's own.
    const struct
    {
        QString name;
        QString campaign; // kNil for null
        QString tenant;
        QString domain;
    } steps[] = {
        {QString(), kNil, kNil, u""_qs},
        {u"t@a.com"_qs, kNil, u"t"_qs, u"a.com"_qs},
        {u"t@a.com"_qs, kNil, u"t"_qs, u"a.com"_qs},
        {u"c:t@b.com!r"_qs, u"c"_qs, u"t"_qs, u"b.com"_qs},
        {u"t@a.com"_qs, kNil, u"t"_qs, u"a.com"_qs},
        {u"t@a.co"_qs, kNil, u"t"_qs, u"a.co"_qs},
        {u""_qs, kNil, kNil, u""_qs},
        {QString(), kNil, kNil, u""_qs},
        {u"a.com"_qs, kNil, kNil, u"a.com"_qs},
    };
    for (const auto &step : steps) {
        const QueueName q = QueueName::parse(step.name);
        QCOMPARE(show(q.campaign), step.campaign);
        QCOMPARE(show(q.tenant), step.tenant);
        QCOMPARE(show(q.domain), step.domain);
        QVERIFY(!q.domain.isNull());
    }
}

void TestQueueName::build_data()
{
    QTest::addColumn<QString>("campaign");
    QTest::addColumn<QString>("tenant");
    QTest::addColumn<QString>("recipient");
    QTest::addColumn<QString>("routing");
    QTest::addColumn<QString>("expected");
    QTest::newRow("c t lowercased") << u"c"_qs << u"t"_qs << u"u@Example.COM"_qs << QString() << u"c:t@example.com"_qs;
    QTest::newRow("c only with rd") << u"c"_qs << QString() << u"u@example.com"_qs << u"rd.net"_qs
                                    << u"c:@example.com!rd.net"_qs;
    QTest::newRow("t with rd") << QString() << u"t"_qs << u"u@example.com"_qs << u"rd.net"_qs
                               << u"t@example.com!rd.net"_qs;
    QTest::newRow("domain only") << QString() << QString() << u"u@example.com"_qs << QString() << u"example.com"_qs;
    QTest::newRow("angle brackets") << QString() << QString() << u"<u@Mail.Example.org>"_qs << QString()
                                    << u"mail.example.org"_qs;
}

void TestQueueName::build()
{
    QFETCH(QString, campaign);
    QFETCH(QString, tenant);
    QFETCH(QString, recipient);
    QFETCH(QString, routing);
    QFETCH(QString, expected);
    QCOMPARE(QueueName::fromRecipient(recipient, campaign, tenant, routing).toString(), expected);
}

QTEST_APPLESS_MAIN(TestQueueName)
#include "TestQueueName.moc"
