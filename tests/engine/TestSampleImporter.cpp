// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include <type_traits>

#include <QElapsedTimer>
#include <QFile>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include "TestConfig.h"
#include "common/SmtpResponse.h"
#include "project/SampleImporter.h"

using namespace Dsn;
using Project::ImportOptions;
using Project::ImportResult;
using Project::SampleImporter;
using Format = ImportResult::Format;

class TestSampleImporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromText_data();
    void fromText();
    void queueFromRecipient_data();
    void queueFromRecipient();
    void transcriptFiles_data();
    void transcriptFiles();
    void kumoRecords_data();
    void kumoRecords();
    void kumoLogCounts();
    void corpusLines_data();
    void corpusLines();
    void files_data();
    void files();
    void summary_data();
    void summary();
    void roundTrip_data();
    void roundTrip();
    void largeInputIsLinear();
};

namespace {

QString dataPath(const char *name)
{
    return QStringLiteral(DSN_TEST_DATA_DIR "/import/") + QLatin1String(name);
}

template <typename T, typename F>
auto mapped(const QList<T> &items, F f)
{
    QList<std::invoke_result_t<F, const T &>> out;
    out.reserve(items.size());
    for (const T &item : items)
        out << f(item);
    return out;
}

QStringList responsesOf(const ImportResult &r)
{
    return mapped(r.samples, [](const Project::Sample &s) { return s.response; });
}

QStringList phasesOf(const ImportResult &r)
{
    return mapped(r.samples, [](const Project::Sample &s) { return smtpPhaseName(s.phase); });
}

QList<int> diagnosticLines(const ImportResult &r)
{
    return mapped(r.diagnostics, [](const Diagnostic &d) { return d.line; });
}

QString describe(const ImportResult &r)
{
    const QStringList diags = mapped(r.diagnostics, [](const Diagnostic &d) { return d.toString(); });
    return QStringLiteral("responses: [%1] diagnostics: [%2]")
        .arg(responsesOf(r).join(QStringLiteral(" | ")), diags.join(QStringLiteral(" | ")));
}

} // namespace

void TestSampleImporter::fromText_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("responses");
    QTest::addColumn<QStringList>("phases");
    QTest::addColumn<int>("format");
    QTest::addColumn<QList<int>>("diagnosticLines");

    const QString rcpt = QStringLiteral("RCPT TO");
    const int raw = int(Format::RawReplies);
    const int transcript = int(Format::SessionTranscript);
    const QString quota = u"452-4.2.2 The recipient's inbox is out of storage space.\n"
                          u"452-4.2.2 Please direct the recipient to\n"
                          u"452 4.2.2 https://support.google.com/mail/?p=OverQuotaTemp"_qs;

    // Raw replies.
    QTest::newRow("single reply") << u"550 5.1.1 User unknown"_qs << QStringList{u"550 5.1.1 User unknown"_qs}
                                  << QStringList{rcpt} << raw << QList<int>{};
    QTest::newRow("multi-line reply kept whole") << quota << QStringList{quota} << QStringList{rcpt} << raw
                                                 << QList<int>{};
    QTest::newRow("multi-line reply with CRLF") << QString(quota).replace(u"\n"_qs, u"\r\n"_qs) + u"\r\n"_qs
                                                << QStringList{quota} << QStringList{rcpt} << raw << QList<int>{};
    QTest::newRow("multi-line reply with lone CR") << QString(quota).replace(u"\n"_qs, u"\r"_qs) << QStringList{quota}
                                                   << QStringList{rcpt} << raw << QList<int>{};
    QTest::newRow("consecutive single-line replies")
        << u"550 5.1.1 User unknown\n550 5.1.1 Mailbox disabled\n421 4.7.0 Try again later"_qs
        << QStringList{u"550 5.1.1 User unknown"_qs, u"550 5.1.1 Mailbox disabled"_qs, u"421 4.7.0 Try again later"_qs}
        << QStringList{rcpt, rcpt, rcpt} << raw << QList<int>{};
    QTest::newRow("blank line separates") << u"550 5.1.1 a\n\n\n550 5.1.1 b\n"_qs
                                          << QStringList{u"550 5.1.1 a"_qs, u"550 5.1.1 b"_qs} << QStringList{rcpt, rcpt}
                                          << raw << QList<int>{};
    QTest::newRow("blank line ends an unfinished reply")
        << u"550-5.1.1 first\n\n550 5.1.1 second"_qs << QStringList{u"550-5.1.1 first"_qs, u"550 5.1.1 second"_qs}
        << QStringList{rcpt, rcpt} << raw << QList<int>{1};
    QTest::newRow("another code ends an unfinished reply")
        << u"550-5.1.1 first\n421 4.7.0 later"_qs << QStringList{u"550-5.1.1 first"_qs, u"421 4.7.0 later"_qs}
        << QStringList{rcpt, rcpt} << raw << QList<int>{1};
    QTest::newRow("literal CRLF escapes") << u"550-5.7.1 first line\\r\\n550 5.7.1 second line"_qs
                                          << QStringList{u"550-5.7.1 first line\n550 5.7.1 second line"_qs}
                                          << QStringList{rcpt} << raw << QList<int>{};
    QTest::newRow("wrapped final line")
        << u"550 5.7.1 Service unavailable; client host [192.0.2.1]\nblocked using zen.spamhaus.org"_qs
        << QStringList{u"550 5.7.1 Service unavailable; client host [192.0.2.1] blocked using zen.spamhaus.org"_qs}
        << QStringList{rcpt} << raw << QList<int>{};
    QTest::newRow("wrapped continuation line")
        << u"452-4.2.2 The recipient's inbox is out of\n   storage space.\n452 4.2.2 Try later"_qs
        << QStringList{u"452-4.2.2 The recipient's inbox is out of storage space.\n452 4.2.2 Try later"_qs}
        << QStringList{rcpt} << raw << QList<int>{};
    QTest::newRow("text before a reply is skipped")
        << u"Hi team, this bounced:\n550 5.1.1 User unknown"_qs << QStringList{u"550 5.1.1 User unknown"_qs}
        << QStringList{rcpt} << raw << QList<int>{1};
    QTest::newRow("text after a blank line is skipped")
        << u"550 5.1.1 User unknown\n\nThanks, Bob"_qs << QStringList{u"550 5.1.1 User unknown"_qs}
        << QStringList{rcpt} << raw << QList<int>{3};
    QTest::newRow("quoted reply") << u"> 550-5.1.1 The email account does not exist.\n>  550 5.1.1 Please check it."_qs
                                  << QStringList{u"550-5.1.1 The email account does not exist.\n550 5.1.1 Please check it."_qs}
                                  << QStringList{rcpt} << raw << QList<int>{};
    QTest::newRow("nested quotes") << u">> > 421 4.7.0 Try again later\n>\n> 550 5.1.1 No"_qs
                                   << QStringList{u"421 4.7.0 Try again later"_qs, u"550 5.1.1 No"_qs}
                                   << QStringList{rcpt, rcpt} << raw << QList<int>{};
    QTest::newRow("whitespace trimmed") << u"  \t550 5.1.1 User unknown   \n"_qs
                                        << QStringList{u"550 5.1.1 User unknown"_qs} << QStringList{rcpt} << raw
                                        << QList<int>{};
    QTest::newRow("three digits that are not a reply")
        << u"123 Main Street\n550 5.1.1 x"_qs << QStringList{u"550 5.1.1 x"_qs} << QStringList{rcpt} << raw
        << QList<int>{1};

    // Transcripts: the phase comes from the command before the reply.
    QTest::newRow("S/C greeting") << u"S: 554 5.7.1 Service unavailable; client [192.0.2.1] blocked\nC: QUIT"_qs
                                  << QStringList{u"554 5.7.1 Service unavailable; client [192.0.2.1] blocked"_qs}
                                  << QStringList{u"connect/greeting"_qs} << transcript << QList<int>{};
    QTest::newRow("S/C MAIL FROM") << u"S: 220 mx ESMTP\nC: EHLO me\nS: 250 mx\nC: MAIL FROM:<a@b.example>\n"
                                      u"S: 553 5.7.1 Sender rejected"_qs
                                   << QStringList{u"553 5.7.1 Sender rejected"_qs} << QStringList{u"MAIL FROM"_qs}
                                   << transcript << QList<int>{};
    QTest::newRow("<<< >>> DATA") << u"<<< 220 mx\n>>> MAIL FROM:<a@b>\n<<< 250 ok\n>>> RCPT TO:<c@d>\n<<< 250 ok\n"
                                     u">>> DATA\n<<< 554 5.5.1 No valid recipients"_qs
                                  << QStringList{u"554 5.5.1 No valid recipients"_qs} << QStringList{u"DATA"_qs}
                                  << transcript << QList<int>{};
    QTest::newRow("<<< >>> EHLO") << u"<<< 220 mx\n>>> EHLO bad..name\n<<< 501 5.5.2 Invalid EHLO argument"_qs
                                  << QStringList{u"501 5.5.2 Invalid EHLO argument"_qs} << QStringList{u"EHLO"_qs}
                                  << transcript << QList<int>{};
    QTest::newRow("swaks TLS") << u"<~  250 ok\n ~> RCPT TO:<c@d>\n<~* 450-4.2.1 rate\n<~* 450 4.2.1 limited"_qs
                               << QStringList{u"450-4.2.1 rate\n450 4.2.1 limited"_qs} << QStringList{rcpt}
                               << transcript << QList<int>{};
    QTest::newRow("swaks STARTTLS") << u" -> STARTTLS\n<** 454 4.7.0 TLS not available"_qs
                                    << QStringList{u"454 4.7.0 TLS not available"_qs} << QStringList{u"STARTTLS"_qs}
                                    << transcript << QList<int>{};
    QTest::newRow("Exim SMTP<< >>") << u"  SMTP>> RCPT TO:<x@y.example>\n  SMTP<< 550 5.1.1 unknown user"_qs
                                    << QStringList{u"550 5.1.1 unknown user"_qs} << QStringList{rcpt} << transcript
                                    << QList<int>{};
    QTest::newRow("pipelined commands")
        << u"C: MAIL FROM:<a@b>\nC: RCPT TO:<c@d>\nC: RCPT TO:<e@f>\nC: DATA\nS: 250 ok\nS: 250 ok\n"
           u"S: 550 5.1.1 <e@f> unknown\nS: 554 5.5.1 No valid recipients"_qs
        << QStringList{u"550 5.1.1 <e@f> unknown"_qs, u"554 5.5.1 No valid recipients"_qs}
        << QStringList{rcpt, u"DATA"_qs} << transcript << QList<int>{};
    QTest::newRow("body left out") << u"C: DATA\nS: 354 go ahead\nS: 550 5.7.1 Spam"_qs
                                   << QStringList{u"550 5.7.1 Spam"_qs} << QStringList{u"end of data"_qs} << transcript
                                   << QList<int>{};
    QTest::newRow("BDAT LAST") << u"C: BDAT 100\nS: 250 ok\nC: BDAT 20 LAST\nS: 552 5.3.4 Too big"_qs
                               << QStringList{u"552 5.3.4 Too big"_qs} << QStringList{u"end of data"_qs} << transcript
                               << QList<int>{};
    QTest::newRow("AUTH continuation") << u"C: AUTH LOGIN\nS: 334 VXNlcm5hbWU6\nC: dXNlcg==\nS: 535 5.7.8 Bad"_qs
                                       << QStringList{u"535 5.7.8 Bad"_qs} << QStringList{u"AUTH"_qs} << transcript
                                       << QList<int>{};
    QTest::newRow("successful session has no samples")
        << u"S: 220 mx\nC: QUIT\nS: 221 bye"_qs << QStringList{} << QStringList{} << transcript << QList<int>{};
    QTest::newRow("server text without a code")
        << u"S: hello there\nC: RCPT TO:<a@b>\nS: 550 5.1.1 no"_qs << QStringList{u"550 5.1.1 no"_qs}
        << QStringList{rcpt} << transcript << QList<int>{1};
    QTest::newRow("quoted reply behind >>>") << u">>> 550 5.1.1 User unknown"_qs
                                             << QStringList{u"550 5.1.1 User unknown"_qs} << QStringList{rcpt} << raw
                                             << QList<int>{};

    // JSON and mixtures.
    QTest::newRow("corpus text with literal CRLF")
        << uR"({"text": "421-4.7.0 a\\r\\n421 4.7.0 b", "phase": "MAIL FROM"})"_qs
        << QStringList{u"421-4.7.0 a\n421 4.7.0 b"_qs} << QStringList{u"MAIL FROM"_qs} << int(Format::CorpusJsonLines)
        << QList<int>{};
    QTest::newRow("corpus text with real CRLF") << uR"({"text": "421-4.7.0 a\r\n421 4.7.0 b"})"_qs
                                                << QStringList{u"421-4.7.0 a\n421 4.7.0 b"_qs} << QStringList{rcpt}
                                                << int(Format::CorpusJsonLines) << QList<int>{};
    QTest::newRow("corpus lines array") << uR"({"lines": ["550-5.1.1 a", "550 5.1.1 b"], "queue": "q@example.com"})"_qs
                                        << QStringList{u"550-5.1.1 a\n550 5.1.1 b"_qs} << QStringList{rcpt}
                                        << int(Format::CorpusJsonLines) << QList<int>{};
    QTest::newRow("JSON object pretty-printed")
        << u"{\n  \"type\": \"Bounce\",\n  \"response\": {\"code\": 550, \"content\": \"5.1.1 gone\", "
           u"\"enhanced_code\": {\"class\": 5, \"subject\": 1, \"detail\": 1}, \"command\": \"MAIL FROM:<a@b>\"}\n}"_qs
        << QStringList{u"550 5.1.1 gone"_qs} << QStringList{u"MAIL FROM"_qs} << int(Format::KumoLogRecords)
        << QList<int>{};
    QTest::newRow("malformed JSON line") << u"550 5.1.1 a\n{\"type\": \"Bounce\",\n421 4.7.0 b"_qs
                                         << QStringList{u"550 5.1.1 a"_qs, u"421 4.7.0 b"_qs}
                                         << QStringList{rcpt, rcpt} << raw << QList<int>{2};
    QTest::newRow("mixed raw and JSON")
        << u"550 5.1.1 a\n{\"response\": \"421 4.7.0 b\", \"phase\": \"end of data\"}\n451 4.3.0 c"_qs
        << QStringList{u"550 5.1.1 a"_qs, u"421 4.7.0 b"_qs, u"451 4.3.0 c"_qs}
        << QStringList{rcpt, u"end of data"_qs, rcpt} << int(Format::Mixed) << QList<int>{};
    QTest::newRow("mixed raw and transcript") << u"550 5.1.1 a\n\nC: MAIL FROM:<x@y>\nS: 451 4.3.0 c"_qs
                                              << QStringList{u"550 5.1.1 a"_qs, u"451 4.3.0 c"_qs}
                                              << QStringList{rcpt, u"MAIL FROM"_qs} << int(Format::Mixed)
                                              << QList<int>{};
    QTest::newRow("unknown JSON shape") << u"{\"hello\": 1}\n550 5.1.1 x"_qs << QStringList{u"550 5.1.1 x"_qs}
                                        << QStringList{rcpt} << raw << QList<int>{1};
    QTest::newRow("unknown corpus phase keeps the reply")
        << u"{\"text\": \"550 5.1.1 x\", \"phase\": \"teleport\"}"_qs << QStringList{u"550 5.1.1 x"_qs}
        << QStringList{rcpt} << int(Format::CorpusJsonLines) << QList<int>{1};

    QTest::newRow("empty") << QString() << QStringList{} << QStringList{} << int(Format::Empty) << QList<int>{};
    QTest::newRow("only blank lines") << u"  \n\r\n\t\n"_qs << QStringList{} << QStringList{} << int(Format::Empty)
                                      << QList<int>{};
}

void TestSampleImporter::fromText()
{
    QFETCH(QString, input);
    QFETCH(QStringList, responses);
    QFETCH(QStringList, phases);
    QFETCH(int, format);
    QFETCH(QList<int>, diagnosticLines);

    const ImportResult r = SampleImporter::fromText(input);
    QVERIFY2(responsesOf(r) == responses, qPrintable(describe(r)));
    QCOMPARE(phasesOf(r), phases);
    QCOMPARE(int(r.detected), format);
    QCOMPARE(::diagnosticLines(r), diagnosticLines);
}

void TestSampleImporter::queueFromRecipient_data()
{
    QTest::addColumn<bool>("option");
    QTest::addColumn<QStringList>("queues");
    QTest::newRow("default leaves the queue empty") << false << QStringList{QString(), QString(), QString()};
    QTest::newRow("option uses the recipient domain")
        << true << QStringList{QString(), u"example.net"_qs, u"example.net"_qs};
}

void TestSampleImporter::queueFromRecipient()
{
    QFETCH(bool, option);
    QFETCH(QStringList, queues);
    ImportOptions options;
    options.queueFromRecipient = option;
    const ImportResult r = SampleImporter::fromText(
        u"C: MAIL FROM:<a@b.example>\nS: 451 4.3.0 later\nC: MAIL FROM:<a@b.example>\nS: 250 ok\n"
        u"C: RCPT TO:<Zoe@Example.NET> NOTIFY=NEVER\nS: 450 4.2.1 slow down\nC: DATA\nS: 354 go\nC: .\nS: 554 5.7.1 spam"_qs,
        options);
    QCOMPARE(phasesOf(r), (QStringList{u"MAIL FROM"_qs, u"RCPT TO"_qs, u"end of data"_qs}));
    QCOMPARE(mapped(r.samples, [](const Project::Sample &s) { return s.queue; }), queues);
}

void TestSampleImporter::transcriptFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("response");
    QTest::addColumn<QString>("phase");
    QTest::addColumn<QString>("queue");
    QTest::newRow("swaks RCPT TO") << dataPath("swaks-rcpt.txt")
                                   << u"550-5.1.1 <nobody@example.net>: Recipient address rejected:\n"
                                      u"550 5.1.1 User unknown in virtual mailbox table"_qs
                                   << u"RCPT TO"_qs << u"example.net"_qs;
    QTest::newRow("swaks end of data") << dataPath("swaks-data.txt") << u"554 5.7.1 Message rejected as spam"_qs
                                       << u"end of data"_qs << u"example.net"_qs;
}

void TestSampleImporter::transcriptFiles()
{
    QFETCH(QString, file);
    QFETCH(QString, response);
    QFETCH(QString, phase);
    QFETCH(QString, queue);
    ImportOptions options;
    options.queueFromRecipient = true;
    const ImportResult r = SampleImporter::fromFile(file, options);
    QVERIFY2(r.samples.size() == 1, qPrintable(describe(r)));
    QCOMPARE(r.samples[0].response, response);
    QCOMPARE(smtpPhaseName(r.samples[0].phase), phase);
    QCOMPARE(r.samples[0].queue, queue);
    QCOMPARE(r.detected, Format::SessionTranscript);
    QVERIFY(r.diagnostics.isEmpty());
}

void TestSampleImporter::kumoRecords_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("response");
    QTest::addColumn<QString>("phase");
    QTest::addColumn<QString>("queue");
    QTest::addColumn<QString>("note");

    const QString log = dataPath("kumo-log.jsonl");
    QTest::newRow("Bounce") << log << 0 << u"550 5.1.1 The email account that you tried to reach does not exist."_qs
                            << u"RCPT TO"_qs << u"example.net"_qs << u"Bounce · alice@example.net"_qs;
    QTest::newRow("TransientFailure")
        << log << 1
        << u"452 4.2.2 The recipient's inbox is out of storage space. Please direct the recipient to "
           u"https://support.google.com/mail/?p=OverQuotaTemp"_qs
        << u"RCPT TO"_qs << u"newsletter:acme@gmail.com"_qs << u"TransientFailure · bob@gmail.com"_qs;
    QTest::newRow("Bounce at end of data") << log << 2 << u"554 5.7.1 Message rejected as spam"_qs << u"end of data"_qs
                                           << u"example.net"_qs << u"Bounce · erin@example.net"_qs;
    QTest::newRow("internal response without command")
        << log << 3 << u"400 KumoMTA internal: failed to connect to any candidate hosts: connection refused"_qs
        << u"RCPT TO"_qs << u"example.com"_qs << u"TransientFailure · frank@example.com"_qs;

    const QString array = dataPath("kumo-array.json");
    QTest::newRow("array Bounce at MAIL FROM")
        << array << 0
        << u"550 5.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC policy."_qs
        << u"MAIL FROM"_qs << u"example.net"_qs << u"Bounce · gina@example.net"_qs;
    QTest::newRow("array TransientFailure at DATA")
        << array << 1 << u"421 4.7.0 Try again later, closing connection."_qs << u"DATA"_qs << u"example.net"_qs
        << u"TransientFailure · ivy@example.net"_qs;
}

void TestSampleImporter::kumoRecords()
{
    QFETCH(QString, file);
    QFETCH(int, index);
    QFETCH(QString, response);
    QFETCH(QString, phase);
    QFETCH(QString, queue);
    QFETCH(QString, note);
    const ImportResult r = SampleImporter::fromFile(file);
    QCOMPARE(r.detected, Format::KumoLogRecords);
    QVERIFY2(index < r.samples.size(), qPrintable(describe(r)));
    const Project::Sample &s = r.samples[index];
    QCOMPARE(s.response, response);
    QCOMPARE(smtpPhaseName(s.phase), phase);
    QCOMPARE(s.queue, queue);
    QCOMPARE(s.note, note);
}

void TestSampleImporter::kumoLogCounts()
{
    const ImportResult r = SampleImporter::fromFile(dataPath("kumo-log.jsonl"));
    QCOMPARE(r.samples.size(), 4);
    QCOMPARE(r.ignoredRecords, 2); // Delivery and Reception
    QCOMPARE(r.skippedLines, 1);
    QCOMPARE(r.diagnostics.size(), 1);
    const Diagnostic &d = r.diagnostics[0];
    QCOMPARE(d.code, u"import-json"_qs);
    QCOMPARE(d.line, 5);
    QCOMPARE(d.source, u"kumo-log.jsonl"_qs);
    QCOMPARE(d.severity, Diagnostic::Severity::Error);
    QCOMPARE(r.summary(), u"4 samples from KumoMTA log records, 2 records of other types ignored, 1 line skipped"_qs);

    const ImportResult array = SampleImporter::fromFile(dataPath("kumo-array.json"));
    QCOMPARE(array.samples.size(), 2);
    QCOMPARE(array.ignoredRecords, 1);
    QVERIFY(array.diagnostics.isEmpty());
}

void TestSampleImporter::corpusLines_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<int>("lineCount");
    QTest::addColumn<QString>("lastLine");
    QTest::addColumn<QString>("phase");
    QTest::addColumn<QString>("note");
    QTest::newRow("user unknown") << 0 << 1
                                  << u"550 5.1.1 <user@example.co.jp>: Recipient address rejected: User unknown in "
                                     u"virtual mailbox table"_qs
                                  << u"RCPT TO"_qs << u"postfix · user unknown"_qs;
    QTest::newRow("end of data") << 2 << 1 << u"550 5.7.9 Rejected"_qs << u"end of data"_qs
                                 << u"amazon-ses · policy/spam content"_qs;
    QTest::newRow("seven lines") << 3 << 7 << u"550 7d39d529-9584-f4be-161127e61f5f54002"_qs << u"RCPT TO"_qs
                                 << u"unknown · blocked/reputation"_qs;
    QTest::newRow("greeting") << 4 << 2 << u"550 Error - Blocked for abuse. See http://example.net/nyaan"_qs
                              << u"connect/greeting"_qs << u"unknown · blocked/reputation"_qs;
    QTest::newRow("AUTH/STARTTLS") << 7 << 1 << u"550 5.7.1 RESOLVER.RST.AuthRequired; authentication required"_qs
                                   << u"AUTH"_qs << u"exchange · other"_qs;
    QTest::newRow("DATA") << 9 << 1 << u"503 need RCPT command [data]"_qs << u"DATA"_qs << u"unknown · other"_qs;
}

void TestSampleImporter::corpusLines()
{
    QFETCH(int, index);
    QFETCH(int, lineCount);
    QFETCH(QString, lastLine);
    QFETCH(QString, phase);
    QFETCH(QString, note);
    const ImportResult r = SampleImporter::fromFile(dataPath("corpus-excerpt.jsonl"));
    QCOMPARE(r.samples.size(), 10);
    QCOMPARE(r.detected, Format::CorpusJsonLines);
    QVERIFY(r.diagnostics.isEmpty());
    const QStringList lines = r.samples[index].response.split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), lineCount);
    QCOMPARE(lines.last(), lastLine);
    QCOMPARE(smtpPhaseName(r.samples[index].phase), phase);
    QCOMPARE(r.samples[index].note, note);
    QVERIFY(r.samples[index].queue.isEmpty());
}

void TestSampleImporter::files_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<qint64>("limit");
    QTest::addColumn<int>("samples");
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("error");

    const QByteArray kumoLine = R"({"type": "Bounce", "queue": "q", "response": {"code": 550, "enhanced_code": null, )"
                                R"("content": "no", "command": "RCPT TO:<a@b>\r\n"}})"
                                "\n";
    QTest::newRow("raw replies with CRLF in .txt") << QByteArray("550-5.1.1 a\r\n550 5.1.1 b\r\n\r\n421 4.7.0 c\r\n")
                                                   << u"paste.txt"_qs << qint64(1024) << 2 << int(Format::RawReplies)
                                                   << QString();
    QTest::newRow("log records in a .txt file") << kumoLine << u"records.txt"_qs << qint64(1024) << 1
                                                << int(Format::KumoLogRecords) << QString();
    QTest::newRow("raw replies in a .jsonl file") << QByteArray("550 5.1.1 a\n") << u"odd.jsonl"_qs << qint64(1024) << 1
                                                  << int(Format::RawReplies) << QString();
    QTest::newRow("UTF-8 BOM") << QByteArray("\xEF\xBB\xBF" "550 5.1.1 caf\xC3\xA9\n") << u"bom.log"_qs << qint64(1024)
                               << 1 << int(Format::RawReplies) << QString();
    QTest::newRow("exactly at the limit") << QByteArray("550 5.1.1 a") << u"limit.txt"_qs << qint64(11) << 1
                                          << int(Format::RawReplies) << QString();
    QTest::newRow("over the limit") << QByteArray("550 5.1.1 ab") << u"big.txt"_qs << qint64(11) << 0
                                    << int(Format::Empty) << u"big.txt is larger than the import limit of 11 bytes"_qs;
    QTest::newRow("binary file") << QByteArray("\x1f\x8b\x08\x00\x00", 5) << u"log.gz"_qs << qint64(1024) << 0
                                 << int(Format::Empty) << u"log.gz is not a text file"_qs;
    QTest::newRow("missing file") << QByteArray() << QString() << qint64(1024) << 0 << int(Format::Empty)
                                  << u"cannot open"_qs;
}

void TestSampleImporter::files()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, fileName);
    QFETCH(qint64, limit);
    QFETCH(int, samples);
    QFETCH(int, format);
    QFETCH(QString, error);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString path = dir.filePath(u"does-not-exist.txt"_qs);
    if (!fileName.isEmpty()) {
        path = dir.filePath(fileName);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(content), content.size());
    }
    ImportOptions options;
    options.maxFileSize = limit;
    const ImportResult r = SampleImporter::fromFile(path, options);
    QCOMPARE(r.samples.size(), samples);
    QCOMPARE(int(r.detected), format);
    if (error.isEmpty()) {
        QVERIFY2(r.diagnostics.isEmpty(), qPrintable(describe(r)));
    } else {
        QCOMPARE(r.diagnostics.size(), 1);
        QCOMPARE(r.diagnostics[0].code, u"import-file"_qs);
        QVERIFY2(r.diagnostics[0].message.contains(error), qPrintable(r.diagnostics[0].message));
        QVERIFY(r.summary().startsWith(u"No samples found: "_qs));
        QVERIFY(r.summary().contains(error));
    }
    if (fileName == u"bom.log"_qs)
        QCOMPARE(r.samples[0].response, u"550 5.1.1 café"_qs);
}

void TestSampleImporter::summary_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("summary");
    QTest::newRow("one raw reply") << u"550 5.1.1 a"_qs << u"1 sample from SMTP replies"_qs;
    QTest::newRow("two transcript replies") << u"S: 554 5.7.1 no\nC: RCPT TO:<a@b>\nS: 550 5.1.1 no"_qs
                                            << u"2 samples from a session transcript"_qs;
    QTest::newRow("nothing") << QString() << u"No samples found"_qs;
    QTest::newRow("only prose") << u"Dear postmaster,\n\nplease help"_qs << u"No samples found, 2 lines skipped"_qs;
    QTest::newRow("only deliveries") << uR"({"type": "Delivery", "response": {"code": 250, "content": "OK"}})"_qs
                                     << u"0 samples from KumoMTA log records, 1 record of another type ignored"_qs;
}

void TestSampleImporter::summary()
{
    QFETCH(QString, input);
    QFETCH(QString, summary);
    QCOMPARE(SampleImporter::fromText(input).summary(), summary);
}

void TestSampleImporter::roundTrip_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QList<int>>("codes");
    QTest::newRow("corpus") << dataPath("corpus-excerpt.jsonl")
                            << QList<int>{550, 554, 550, 550, 550, 550, 554, 550, 550, 503};
    QTest::newRow("KumoMTA log") << dataPath("kumo-log.jsonl") << QList<int>{550, 452, 554, 400};
    QTest::newRow("KumoMTA array") << dataPath("kumo-array.json") << QList<int>{550, 421};
    QTest::newRow("swaks") << dataPath("swaks-rcpt.txt") << QList<int>{550};
}

void TestSampleImporter::roundTrip()
{
    QFETCH(QString, file);
    QFETCH(QList<int>, codes);
    const ImportResult r = SampleImporter::fromFile(file);
    QList<int> parsed;
    for (const auto &s : r.samples) {
        for (CompatProfile profile : {CompatProfile::Documented, CompatProfile::V2026_06}) {
            const auto response = SmtpResponse::parse(s.toInput().response, profile);
            QVERIFY2(response.ok(), qPrintable(response.ok() ? QString() : response.error().toString()));
            if (profile == CompatProfile::Documented)
                parsed << response->code;
        }
    }
    QCOMPARE(parsed, codes);
}

void TestSampleImporter::largeInputIsLinear()
{
    // 100,000 lines: 25,000 four-line replies, then the same number of log-record lines.
    QString raw;
    QString records;
    for (int i = 0; i < 25000; ++i) {
        raw += u"452-4.2.2 The recipient's inbox is out of storage space.\n452-4.2.2 Please direct the recipient\n"
               u"wrapped text of the reply\n452 4.2.2 https://support.google.com/mail/?p=OverQuotaTemp\n"_qs;
        records += u"{\"type\": \"TransientFailure\", \"queue\": \"gmail.com\", \"response\": {\"code\": 452, "
                   u"\"enhanced_code\": {\"class\": 4, \"subject\": 2, \"detail\": 2}, \"content\": \"over quota\", "
                   u"\"command\": \"RCPT TO:<a@gmail.com>\\r\\n\"}}\n"_qs;
    }
    const QString allRecords = records + records + records + records;
    QElapsedTimer timer;
    timer.start();
    const ImportResult a = SampleImporter::fromText(raw);
    const qint64 rawMs = timer.restart();
    const ImportResult b = SampleImporter::fromText(allRecords);
    const qint64 recordMs = timer.elapsed();
    QCOMPARE(a.samples.size(), 25000);
    QCOMPARE(b.samples.size(), 100000);
    QCOMPARE(a.samples.last().response.count(QLatin1Char('\n')), 2);
    qInfo("100,000 raw lines in %lld ms, 100,000 log records in %lld ms", rawMs, recordMs);
    // Generous for debug builds on a busy 2-core machine; quadratic work would take minutes.
    QVERIFY2(rawMs < 5000 && recordMs < 5000, qPrintable(QString::number(rawMs + recordMs)));
}

QTEST_APPLESS_MAIN(TestSampleImporter)
#include "TestSampleImporter.moc"
