// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include <QSet>
#include <QTest>

#include "common/DeliveryRules.h"

using namespace Dsn;

class TestDeliveryRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void trigger_data();
    void trigger();
    void recordType_data();
    void recordType();
    void explanationsNameTheCode();
    void recordTypeNames();
};

void TestDeliveryRules::trigger_data()
{
    QTest::addColumn<QString>("phase");
    QTest::addColumn<int>("code");
    QTest::addColumn<bool>("documented");
    QTest::addColumn<bool>("v2026");
    QTest::newRow("MAIL 550") << u"MAIL FROM"_qs << 550 << true << true;
    QTest::newRow("MAIL 251") << u"MAIL FROM"_qs << 251 << false << true;
    QTest::newRow("MAIL 250") << u"MAIL FROM"_qs << 250 << false << false;
    QTest::newRow("RCPT 251") << u"RCPT TO"_qs << 251 << false << true;
    QTest::newRow("RCPT 452") << u"RCPT TO"_qs << 452 << true << true;
    QTest::newRow("RCPT 250") << u"RCPT TO"_qs << 250 << false << false;
    QTest::newRow("DATA 354") << u"DATA"_qs << 354 << false << false;
    QTest::newRow("DATA 554") << u"DATA"_qs << 554 << true << true;
    QTest::newRow("DATA 250") << u"DATA"_qs << 250 << true << true;
    QTest::newRow("dot 250") << u"end of data"_qs << 250 << false << false;
    QTest::newRow("dot 554") << u"end of data"_qs << 554 << true << true;
    QTest::newRow("dot 251") << u"end of data"_qs << 251 << true << true;
    QTest::newRow("RSET 421") << u"RSET"_qs << 421 << false << true;
    QTest::newRow("greeting 554") << u"connect/greeting"_qs << 554 << false << false;
    QTest::newRow("EHLO 550") << u"EHLO"_qs << 550 << false << false;
    QTest::newRow("STARTTLS 454") << u"STARTTLS"_qs << 454 << false << false;
    QTest::newRow("AUTH 535") << u"AUTH"_qs << 535 << false << false;
}

void TestDeliveryRules::trigger()
{
    QFETCH(QString, phase);
    QFETCH(int, code);
    QFETCH(bool, documented);
    QFETCH(bool, v2026);
    const auto p = smtpPhaseFromName(phase);
    QVERIFY(p.has_value());
    QCOMPARE(DeliveryRules::eventFires(*p, code, CompatProfile::Documented), documented);
    QCOMPARE(DeliveryRules::eventFires(*p, code, CompatProfile::V2026_06), v2026);
}

void TestDeliveryRules::recordType_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("enhanced");
    QTest::addColumn<QString>("phase");
    QTest::addColumn<QString>("documented");
    QTest::addColumn<QString>("v2026");
    // Codes alone (spec case rewrite-code-to-record-type).
    const int codes[] = {250, 251, 299, 300, 354, 421, 452, 499, 500, 503, 550, 552, 554, 599, 600, 999, 0, 199};
    const char *types[] = {"Delivery", "Delivery", "Delivery", "TransientFailure", "TransientFailure",
                           "TransientFailure", "TransientFailure", "TransientFailure", "Bounce", "TransientFailure",
                           "Bounce", "Bounce", "Bounce", "Bounce", "Bounce", "Bounce", "Bounce", "Bounce"};
    for (size_t i = 0; i < std::size(codes); ++i) {
        const QString t = QString::fromLatin1(types[i]);
        QTest::addRow("code %d at DATA", codes[i]) << codes[i] << u"5.0.0"_qs << u"DATA"_qs << t << t;
    }
    QTest::newRow("552 no esc RCPT") << 552 << QString() << u"RCPT TO"_qs << u"Bounce"_qs << u"TransientFailure"_qs;
    QTest::newRow("452 no esc RCPT") << 452 << QString() << u"RCPT TO"_qs << u"TransientFailure"_qs
                                     << u"TransientFailure"_qs;
    QTest::newRow("552 no esc MAIL") << 552 << QString() << u"MAIL FROM"_qs << u"Bounce"_qs << u"Bounce"_qs;
    QTest::newRow("552 5.2.2 RCPT") << 552 << u"5.2.2"_qs << u"RCPT TO"_qs << u"Bounce"_qs << u"Bounce"_qs;
    QTest::newRow("550 4.5.3 RCPT") << 550 << u"4.5.3"_qs << u"RCPT TO"_qs << u"Bounce"_qs << u"TransientFailure"_qs;
    QTest::newRow("550 no esc RCPT") << 550 << QString() << u"RCPT TO"_qs << u"Bounce"_qs << u"Bounce"_qs;
    QTest::newRow("554 4.5.3 DATA") << 554 << u"4.5.3"_qs << u"DATA"_qs << u"Bounce"_qs << u"Bounce"_qs;
}

void TestDeliveryRules::recordType()
{
    QFETCH(int, code);
    QFETCH(QString, enhanced);
    QFETCH(QString, phase);
    QFETCH(QString, documented);
    QFETCH(QString, v2026);
    const auto esc = enhanced.isEmpty() ? std::nullopt : EnhancedStatusCode::parse(enhanced);
    const SmtpPhase p = *smtpPhaseFromName(phase);
    QCOMPARE(recordTypeName(DeliveryRules::classify(code, esc, p, CompatProfile::Documented).type), documented);
    QCOMPARE(recordTypeName(DeliveryRules::classify(code, esc, p, CompatProfile::V2026_06).type), v2026);
}

void TestDeliveryRules::explanationsNameTheCode()
{
    const auto d = DeliveryRules::classify(552, std::nullopt, SmtpPhase::RcptTo, CompatProfile::V2026_06);
    QVERIFY2(d.explanation.contains(u"552 without an enhanced code answering RCPT TO"_qs), qPrintable(d.explanation));
    QVERIFY(d.explanation.contains(u"too many recipients"_qs));
    // A predefined class other than TooManyRecipients lets the code decide (spec §10).
    QCOMPARE(DeliveryRules::classify(552, std::nullopt, SmtpPhase::RcptTo, CompatProfile::V2026_06, u"QuotaIssues"_qs).type,
             RecordType::Bounce);
    QCOMPARE(DeliveryRules::classify(552, std::nullopt, SmtpPhase::RcptTo, CompatProfile::V2026_06, u"MyOwnLabel"_qs).type,
             RecordType::TransientFailure);
    QCOMPARE(DeliveryRules::classify(552, std::nullopt, SmtpPhase::RcptTo, CompatProfile::V2026_06,
                                     u"TooManyRecipients"_qs)
                 .type,
             RecordType::TransientFailure);
    QVERIFY(DeliveryRules::triggerExplanation(SmtpPhase::Ehlo, 550, CompatProfile::Documented)
                .contains(u"never calls the event"_qs));
}

void TestDeliveryRules::recordTypeNames()
{
    // Every type has its own KumoMTA name, and reading the name gives the type back.
    QSet<QString> seen;
    for (int i = int(RecordType::Delivery); i <= int(RecordType::Other); ++i) {
        const auto type = RecordType(i);
        const QString name = recordTypeName(type);
        QVERIFY(!name.isEmpty());
        QVERIFY2(!seen.contains(name), qPrintable(name));
        seen.insert(name);
        QCOMPARE(recordTypeFromName(name), std::optional<RecordType>(type));
    }
    QCOMPARE(recordTypeName(RecordType::TransientFailure), u"TransientFailure"_qs);
}

QTEST_APPLESS_MAIN(TestDeliveryRules)
#include "TestDeliveryRules.moc"
