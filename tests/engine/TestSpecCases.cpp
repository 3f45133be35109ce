// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
//
// Every case of the specification's cases.json (copied to tests/data/spec/) as a row: one row
// per case, or per variant where a case lists several inputs. A case this file has no check
// for fails, so a new case cannot slip through unnoticed.
#include <functional>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "MockClock.h"
#include "TestConfig.h"
#include "common/DeliveryRules.h"
#include "common/InternalResponse.h"
#include "common/QueueName.h"
#include "common/SmtpResponse.h"
#include "eval/PolicyEvaluator.h"
#include "lua/PolicyRuntime.h"
#include "rules/RegexSetMap.h"

using namespace Dsn;

namespace {

QJsonArray loadCases()
{
    QFile f(QStringLiteral(DSN_TEST_DATA_DIR "/spec/cases.json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open cases.json");
    return QJsonDocument::fromJson(f.readAll()).array();
}

QByteArray readData(const QString &relative)
{
    QFile f(QStringLiteral(DSN_TEST_DATA_DIR "/") + relative);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open test data file");
    return f.readAll();
}

CompatProfile profileOf(const QJsonObject &c)
{
    return compatProfileFromId(c.value(u"profile"_qs).toString(u"documented"_qs)).value();
}

QList<Rules::RegexRule> tableFrom(const QJsonValue &table)
{
    // QJsonObject sorts keys, so tables are read from the raw JSON text to keep their order.
    const QByteArray text = QJsonDocument(table.toObject()).toJson();
    return Rules::RegexRule::listFromJson(text, u"table"_qs).value();
}

QString joinLines(const QJsonArray &lines)
{
    QStringList out;
    for (const QJsonValue &v : lines)
        out << v.toString();
    return out.join(QLatin1Char('\n'));
}

QJsonValue enhancedJson(const std::optional<EnhancedStatusCode> &e)
{
    return e ? e->toJson() : QJsonValue();
}

QByteArray handlerPolicy(const QString &body)
{
    return QStringLiteral("kumo.on('smtp_client_rewrite_delivery_status', function(response, domain, tenant, "
                          "campaign, routing_domain)\n  %1\nend)\n")
        .arg(body)
        .toUtf8();
}

Eval::EvalResult evalWith(const QByteArray &policy, CompatProfile profile, const QJsonObject &input,
                          const QList<Rules::RegexRule> &rules = {}, bool withClassifier = false)
{
    Eval::EvaluatorConfig config;
    if (withClassifier)
        config.classifier = Eval::BounceClassifier::fromJson(readData(u"classify/iana_subset.json"_qs), u"iana"_qs).value();
    config.profile = profile;
    config.policySource = policy;
    config.rules = rules;
    config.compareProfiles = false;
    Eval::PolicyEvaluator evaluator(config);
    Eval::EvalInput in;
    in.response = joinLines(input.value(u"lines"_qs).toArray());
    in.phase = smtpPhaseFromName(input.value(u"phase"_qs).toString(u"RCPT TO"_qs)).value();
    if (input.contains(u"command"_qs)) {
        in.command = input.value(u"command"_qs).toString();
        if (in.command == QLatin1String("RCPT TO:<u@example.com>\r\n") || in.command.startsWith(u"RCPT"_qs))
            in.phase = SmtpPhase::RcptTo;
        else if (in.command == QLatin1String(".\r\n"))
            in.phase = SmtpPhase::EndOfData;
    }
    in.queue = input.value(u"queue"_qs).toString(input.value(u"queue_name"_qs).toString());
    return evaluator.evaluate(in);
}

} // namespace

class TestSpecCases : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void specCase_data();
    void specCase();

private:
    using Check = std::function<void(const QJsonObject &c, int variant)>;
    QHash<QString, Check> checks();
};

void TestSpecCases::specCase_data()
{
    QTest::addColumn<QJsonObject>("testCase");
    QTest::addColumn<int>("variant");
    static const QStringList kVariantKeys = {u"variants"_qs,        u"lines_variants"_qs, u"content_variants"_qs,
                                             u"line_variants"_qs,   u"queue_names"_qs,    u"handler_variants"_qs,
                                             u"codes"_qs,           u"lookups"_qs,        u"params_variants"_qs,
                                             u"table_variants"_qs,  u"scenarios"_qs};
    for (const QJsonValue &v : loadCases()) {
        const QJsonObject c = v.toObject();
        const QJsonObject input = c.value(u"input"_qs).toObject();
        const QString id = c.value(u"id"_qs).toString();
        int count = 0;
        for (const QString &key : kVariantKeys) {
            if (input.value(key).isArray()) {
                count = int(input.value(key).toArray().size());
                break;
            }
        }
        if (count == 0) {
            QTest::newRow(qPrintable(id)) << c << -1;
        } else {
            for (int i = 0; i < count; ++i)
                QTest::addRow("%s[%d]", qPrintable(id), i) << c << i;
        }
    }
}

void TestSpecCases::specCase()
{
    QFETCH(QJsonObject, testCase);
    QFETCH(int, variant);
    const QString id = testCase.value(u"id"_qs).toString();
    static const QHash<QString, Check> all = checks();
    const auto it = all.constFind(id);
    if (it == all.constEnd())
        QFAIL(qPrintable(u"no check written for spec case "_qs + id));
    (*it)(testCase, variant);
}

QHash<QString, TestSpecCases::Check> TestSpecCases::checks()
{
    QHash<QString, Check> m;

    // Reply parsing and the single line the event receives.
    auto parsedReply = [](const QJsonObject &c, int) {
        const QJsonObject in = c.value(u"input"_qs).toObject();
        const QJsonObject ex = c.value(u"expected"_qs).toObject();
        QStringList lines;
        for (const QJsonValue &l : in.value(u"lines"_qs).toArray())
            lines << l.toString();
        auto r = SmtpResponse::parseLines(lines, profileOf(c));
        QVERIFY(r.ok());
        if (ex.contains(u"code"_qs))
            QCOMPARE(r->code, ex.value(u"code"_qs).toInt());
        if (ex.contains(u"enhanced_code"_qs))
            QCOMPARE(enhancedJson(r->enhancedCode), ex.value(u"enhanced_code"_qs));
        if (ex.contains(u"content"_qs))
            QCOMPARE(r->content, ex.value(u"content"_qs).toString());
        QCOMPARE(r->toSingleLine(profileOf(c)), ex.value(u"event_response_arg"_qs).toString());
    };
    m.insert(u"doc-multiline-literal-crlf"_qs, parsedReply);
    m.insert(u"2026-multiline-space"_qs, parsedReply);
    m.insert(u"resp-single-esc"_qs, parsedReply);

    m.insert(u"resp-multi-line-vectors"_qs, [](const QJsonObject &c, int v) {
        QStringList lines;
        for (const QJsonValue &l : c[u"input"_qs][u"variants"_qs][v].toArray())
            lines << l.toString();
        const QJsonObject ex = c[u"expected"_qs][u"results"_qs][v].toObject();
        auto r = SmtpResponse::parseLines(lines, profileOf(c));
        QVERIFY(r.ok());
        QCOMPARE(r->code, ex.value(u"code"_qs).toInt());
        QCOMPARE(enhancedJson(r->enhancedCode), ex.value(u"enhanced_code"_qs));
        QCOMPARE(r->content, ex.value(u"content"_qs).toString());
        QCOMPARE(r->toSingleLine(profileOf(c)), ex.value(u"event_response_arg"_qs).toString());
    });

    m.insert(u"resp-multi-code-mismatch"_qs, [](const QJsonObject &c, int v) {
        const QJsonArray lines = c[u"input"_qs][u"lines_variants"_qs][v].toArray();
        const QJsonObject ex = c.value(u"expected"_qs).toObject();
        const QString error = ex.value(u"error"_qs).toArray().at(v).toString();
        auto parsed = SmtpResponse::parse(joinLines(lines), profileOf(c));
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().message, error);
        // During delivery: no event, a synthesised 400 TransientFailure naming the bad line.
        const Eval::EvalResult r = evalWith(handlerPolicy(u"return 500"_qs), profileOf(c),
                                            QJsonObject{{u"lines"_qs, lines}});
        QCOMPARE(r.eventCalled, ex.value(u"rewrite_event_called"_qs).toBool());
        const QJsonObject logged = ex.value(u"logged_response_if_during_send"_qs).toObject();
        QCOMPARE(r.response.code, logged.value(u"code"_qs).toInt());
        QCOMPARE(enhancedJson(r.response.enhancedCode), logged.value(u"enhanced_code"_qs));
        QCOMPARE(r.response.content, u"KumoMTA internal: failed to send message: "_qs + error);
        if (v == 0)
            QCOMPARE(r.response.content, logged.value(u"content"_qs).toString());
        QCOMPARE(recordTypeName(r.recordType), ex.value(u"record_type"_qs).toString());
    });

    m.insert(u"resp-remove-line-break"_qs, [](const QJsonObject &c, int v) {
        QCOMPARE(SmtpResponse::removeLineBreaks(c[u"input"_qs][u"content_variants"_qs][v].toString()),
                 c[u"expected"_qs][u"normalized"_qs][v].toString());
    });

    m.insert(u"resp-line-syntax"_qs, [](const QJsonObject &c, int v) {
        const QString line = c[u"input"_qs][u"line_variants"_qs][v].toString();
        const QJsonValue ex = c[u"expected"_qs][u"results"_qs][v];
        auto r = SmtpResponse::parseLine(line);
        if (ex.isString()) {
            QVERIFY(!r.ok());
            QVERIFY(r.error().message.startsWith(ex.toString()));
        } else {
            QVERIFY(r.ok());
            QCOMPARE(r->code, ex[u"code"_qs].toInt());
            QCOMPARE(r->isFinal, ex[u"is_final"_qs].toBool());
            QCOMPARE(r->content, ex[u"content"_qs].toString());
        }
    });

    // Queue names.
    m.insert(u"queue-parse-vectors"_qs, [](const QJsonObject &c, int v) {
        const QueueName q = QueueName::parse(c[u"input"_qs][u"queue_names"_qs][v].toString());
        const QJsonObject ex = c[u"expected"_qs][u"parsed"_qs][v].toObject();
        auto same = [](const QString &actual, const QJsonValue &expected) {
            return expected.isNull() ? actual.isNull() : (!actual.isNull() && actual == expected.toString());
        };
        QVERIFY(same(q.campaign, ex[u"campaign"_qs]));
        QVERIFY(same(q.tenant, ex[u"tenant"_qs]));
        QVERIFY(same(q.domain, ex[u"domain"_qs]));
        QVERIFY(same(q.routingDomain, ex[u"routing_domain"_qs]));
    });

    m.insert(u"queue-event-args"_qs, [](const QJsonObject &c, int v) {
        // The handler reports what Lua received (type and value) through its error message.
        const QByteArray policy = handlerPolicy(
            u"local out = {}\n"
            "  for _, a in ipairs({ {domain}, {tenant}, {campaign}, {routing_domain} }) do\n"
            "    local x = a[1]\n"
            "    out[#out + 1] = type(x) == 'nil' and 'nil' or ('s:' .. x)\n"
            "  end\n"
            "  error(table.concat(out, '|'), 0)"_qs);
        const Eval::EvalResult r = evalWith(
            policy, profileOf(c),
            QJsonObject{{u"lines"_qs, QJsonArray{u"452 4.2.2 full"_qs}},
                        {u"queue"_qs, c[u"input"_qs][u"queue_names"_qs][v].toString()}});
        QVERIFY(r.policyError.has_value());
        QStringList expected;
        for (const QJsonValue &a : c[u"expected"_qs][u"args_after_response"_qs][v].toArray())
            expected << (a.isNull() ? u"nil"_qs : u"s:"_qs + a.toString());
        QVERIFY2(r.policyError->message.contains(expected.join(QLatin1Char('|'))), qPrintable(r.policyError->message));
    });

    m.insert(u"queue-format-from-meta"_qs, [](const QJsonObject &c, int v) {
        const QJsonObject in = c[u"input"_qs][u"variants"_qs][v].toObject();
        auto str = [&](const char *k) { return in.value(QLatin1String(k)).isNull() ? QString() : in.value(QLatin1String(k)).toString(); };
        QCOMPARE(QueueName::fromRecipient(str("recipient"), str("campaign"), str("tenant"), str("routing_domain")).toString(),
                 c[u"expected"_qs][u"queue_names"_qs][v].toString());
    });

    // Rewrites.
    auto handlerReturns = [](const QJsonObject &c, int) {
        const QJsonObject in = c.value(u"input"_qs).toObject();
        const QJsonObject ex = c.value(u"expected"_qs).toObject();
        const QByteArray policy = handlerPolicy(u"return "_qs + QString::number(in.value(u"handler_returns"_qs).toInt()));
        const bool classify = ex.contains(u"bounce_classification_with_iana_toml"_qs);
        const Eval::EvalResult r = evalWith(policy, profileOf(c), in, {}, classify);
        if (classify)
            QCOMPARE(r.logRecord.value(u"bounce_classification"_qs).toString(),
                     ex.value(u"bounce_classification_with_iana_toml"_qs).toString());
        QVERIFY(r.eventCalled);
        QVERIFY(!r.policyError);
        if (ex.contains(u"event_response_arg"_qs))
            QCOMPARE(r.eventResponse, ex.value(u"event_response_arg"_qs).toString());
        QCOMPARE(r.response.code, ex.value(u"code"_qs).toInt());
        if (ex.contains(u"enhanced_code"_qs))
            QCOMPARE(enhancedJson(r.response.enhancedCode), ex.value(u"enhanced_code"_qs));
        if (ex.contains(u"content"_qs))
            QCOMPARE(r.response.content, ex.value(u"content"_qs).toString());
        const QJsonObject logged = r.logRecord.value(u"response"_qs).toObject();
        if (ex.contains(u"log_content_single_line"_qs))
            QCOMPARE(logged.value(u"content"_qs).toString(), ex.value(u"log_content_single_line"_qs).toString());
        if (ex.contains(u"command"_qs))
            QCOMPARE(logged.value(u"command"_qs).toString(), ex.value(u"command"_qs).toString());
        QCOMPARE(recordTypeName(r.recordType), ex.value(u"record_type"_qs).toString());
        QCOMPARE(r.logRecord.value(u"type"_qs).toString(), ex.value(u"record_type"_qs).toString());
    };
    m.insert(u"doc-552-rcpt-no-enhanced"_qs, handlerReturns);
    m.insert(u"2026-552-rcpt-no-enhanced"_qs, handlerReturns);
    m.insert(u"rewrite-400-to-500-dot"_qs, handlerReturns);
    m.insert(u"rewrite-452-esc-to-552-rcpt"_qs, handlerReturns);
    m.insert(u"rewrite-452-noesc-to-552-rcpt"_qs, handlerReturns);
    m.insert(u"rewrite-452-noesc-to-550-rcpt"_qs, handlerReturns);

    auto trigger251 = [](const QJsonObject &c, int) {
        const QJsonObject ex = c.value(u"expected"_qs).toObject();
        const Eval::EvalResult r = evalWith(handlerPolicy(u"return nil"_qs), profileOf(c), c.value(u"input"_qs).toObject());
        QCOMPARE(r.eventCalled, ex.value(u"event_called"_qs).toBool());
        if (ex.contains(u"record_type"_qs))
            QCOMPARE(recordTypeName(r.recordType), ex.value(u"record_type"_qs).toString());
    };
    m.insert(u"doc-trigger-251"_qs, trigger251);
    m.insert(u"2026-trigger-251"_qs, trigger251);

    auto seed = [](const QJsonObject &c, int) {
        QJsonObject in = c.value(u"input"_qs).toObject();
        if (!in.value(u"table"_qs).isObject()) {
            // "as in doc-seed-example-inactive"
            for (const QJsonValue &other : loadCases()) {
                if (other[u"id"_qs].toString() == QLatin1String("doc-seed-example-inactive"))
                    in.insert(u"table"_qs, other[u"input"_qs][u"table"_qs]);
            }
        }
        const QJsonObject ex = c.value(u"expected"_qs).toObject();
        const Eval::EvalResult r = evalWith(readData(u"policies/seed/policy.lua"_qs), profileOf(c), in,
                                            tableFrom(in.value(u"table"_qs)));
        QVERIFY2(!r.policyError, r.policyError ? qPrintable(r.policyError->message) : "");
        QCOMPARE(r.originalCode, ex.value(u"original_code"_qs).toInt());
        QCOMPARE(r.response.code, ex.value(u"code"_qs).toInt());
        QCOMPARE(recordTypeName(r.recordType), ex.value(u"record_type"_qs).toString());
        QCOMPARE(r.rewritten, ex.value(u"rewritten"_qs).toBool());
        QCOMPARE(r.response.content, ex.value(u"content"_qs).toString());
        QCOMPARE(r.matched.isEmpty(), !r.rewritten);
    };
    m.insert(u"doc-seed-example-inactive"_qs, seed);
    m.insert(u"doc-seed-example-unmatched"_qs, seed);

    m.insert(u"rewrite-no-change"_qs, [](const QJsonObject &c, int v) {
        const QJsonObject in = c.value(u"input"_qs).toObject();
        const QJsonObject ex = c.value(u"expected"_qs).toObject();
        const QString variant = in[u"handler_variants"_qs][v].toString();
        const QByteArray policy = variant.startsWith(u"<no handler"_qs) ? QByteArray("-- registers nothing\n")
                                                                        : handlerPolicy(variant);
        const Eval::EvalResult r = evalWith(policy, profileOf(c), in);
        QVERIFY(!r.policyError);
        QVERIFY(!r.rewritten);
        QCOMPARE(r.eventResponse, ex.value(u"event_response_arg"_qs).toString());
        QCOMPARE(r.response.code, ex.value(u"code"_qs).toInt());
        QCOMPARE(enhancedJson(r.response.enhancedCode), ex.value(u"enhanced_code"_qs));
        QCOMPARE(r.response.content, ex.value(u"content"_qs).toString());
        QVERIFY(!r.response.content.contains(u"kumomta:"_qs));
        QCOMPARE(recordTypeName(r.recordType), ex.value(u"record_type"_qs).toString());
    });

    m.insert(u"rewrite-handler-error-or-bad-return"_qs, [](const QJsonObject &c, int v) {
        const QJsonObject in = c.value(u"input"_qs).toObject();
        const QJsonObject ex = c.value(u"expected"_qs).toObject();
        const QString body = in[u"handler_variants"_qs][v].toString();
        const Eval::EvalResult r = evalWith(handlerPolicy(body), profileOf(c), in);
        QVERIFY(r.eventCalled);
        QCOMPARE(r.policyError.has_value(), ex.value(u"error_logged"_qs).toBool());
        QVERIFY(r.policyError->message.startsWith(u"smtp_client_rewrite_delivery_status event failed: "_qs));
        QVERIFY(r.policyError->message.endsWith(u". Preserving original DSN"_qs));
        QCOMPARE(r.response.code, ex.value(u"code"_qs).toInt());
        QCOMPARE(r.response.content, ex.value(u"content"_qs).toString());
        QCOMPARE(recordTypeName(r.recordType), ex.value(u"record_type"_qs).toString());
        if (body.startsWith(u"error("_qs))
            QCOMPARE(r.policyError->line, 2); // the handler body sits on line 2 of handlerPolicy()
    });

    m.insert(u"rewrite-code-to-record-type"_qs, [](const QJsonObject &c, int v) {
        const int code = c[u"input"_qs][u"codes"_qs][v].toInt();
        const QString expected = c[u"expected"_qs][u"record_types"_qs][v].toString();
        // Not RCPT TO: the code alone decides, in both profiles.
        for (auto p : {CompatProfile::Documented, CompatProfile::V2026_06})
            QCOMPARE(recordTypeName(DeliveryRules::classify(code, std::nullopt, SmtpPhase::EndOfData, p).type), expected);
    });

    m.insert(u"rewrite-trigger-phases"_qs, [](const QJsonObject &c, int v) {
        const QString scenario = c[u"input"_qs][u"scenarios"_qs][v].toString();
        const bool expected = c[u"expected"_qs][u"event_called"_qs][v].toBool();
        const CompatProfile profile = profileOf(c);
        struct Reply { SmtpPhase phase; int code; };
        static const QHash<QString, QList<Reply>> kReplies = {
            {u"RSET 421 (2nd+ message on a connection)"_qs, {{SmtpPhase::Rset, 421}}},
            {u"MAIL FROM 550"_qs, {{SmtpPhase::MailFrom, 550}}},
            {u"MAIL FROM 251"_qs, {{SmtpPhase::MailFrom, 251}}},
            {u"single RCPT 550"_qs, {{SmtpPhase::RcptTo, 550}}},
            {u"all of 3 RCPT 550"_qs, {{SmtpPhase::RcptTo, 550}, {SmtpPhase::RcptTo, 550}, {SmtpPhase::RcptTo, 550}}},
            {u"DATA 554"_qs, {{SmtpPhase::Data, 554}}},
            {u"final dot 554"_qs, {{SmtpPhase::EndOfData, 554}}},
            {u"greeting 554"_qs, {{SmtpPhase::Greeting, 554}}},
            {u"EHLO 550"_qs, {{SmtpPhase::Ehlo, 550}}},
            {u"STARTTLS 454"_qs, {{SmtpPhase::StartTls, 454}}},
            {u"AUTH 535"_qs, {{SmtpPhase::Auth, 535}}},
        };
        if (scenario.startsWith(u"1 of 2 RCPT"_qs)) {
            QCOMPARE(DeliveryRules::eventFires(SmtpPhase::RcptTo, 550, profile), expected);
            QVERIFY(!DeliveryRules::eventFires(SmtpPhase::RcptTo, 250, profile));
            return;
        }
        if (scenario.startsWith(u"timeout"_qs)) {
            // No reply reaches the policy: KumoMTA logs its own 421 4.4.2 TransientFailure.
            const SmtpResponse t = InternalResponse::timedOut(u"mx.example.com"_qs, u"RCPT TO"_qs);
            const QJsonObject ex = c[u"expected"_qs][u"timeout_outcome"_qs].toObject();
            QCOMPARE(t.code, ex[u"code"_qs].toInt());
            QCOMPARE(enhancedJson(t.enhancedCode), ex[u"enhanced_code"_qs]);
            QVERIFY(t.content.startsWith(ex[u"content_prefix"_qs].toString()));
            QCOMPARE(recordTypeName(DeliveryRules::typeForCode(t.code)), ex[u"record_type"_qs].toString());
            QVERIFY(!expected);
            const SmtpResponse cf = InternalResponse::connectionFailed(u"connection refused"_qs);
            const QJsonObject cl = c[u"expected"_qs][u"connection_level_outcome"_qs].toObject();
            QCOMPARE(cf.code, cl[u"response"_qs][u"code"_qs].toInt());
            QVERIFY(!cf.enhancedCode);
            QVERIFY(cf.command.isNull());
            QVERIFY(cf.content.startsWith(cl[u"response"_qs][u"content_prefix"_qs].toString()));
            QCOMPARE(recordTypeName(DeliveryRules::typeForCode(cf.code)), cl[u"record_type"_qs].toString());
            return;
        }
        if (scenario.startsWith(u"reply lines with mismatched codes"_qs)) {
            const Eval::EvalResult r = evalWith(handlerPolicy(u"return 500"_qs), profile,
                                                QJsonObject{{u"lines"_qs, QJsonArray{u"550-a"_qs, u"551 b"_qs}}});
            QCOMPARE(r.eventCalled, expected);
            return;
        }
        QVERIFY2(kReplies.contains(scenario), qPrintable(scenario));
        for (const Reply &reply : kReplies.value(scenario))
            QCOMPARE(DeliveryRules::eventFires(reply.phase, reply.code, profile), expected);
    });

    m.insert(u"rewrite-internal-8bit"_qs, [](const QJsonObject &c, int) {
        const QJsonObject ex = c.value(u"expected"_qs).toObject();
        Eval::EvaluatorConfig config;
        config.profile = profileOf(c);
        config.policySource = handlerPolicy(u"return nil"_qs);
        Eval::PolicyEvaluator evaluator(config);
        Eval::EvalInput in;
        in.response = ex.value(u"event_response_arg"_qs).toString();
        in.phase = SmtpPhase::Data;
        in.commandless = true;
        const Eval::EvalResult r = evaluator.evaluate(in);
        QVERIFY(r.eventCalled);
        QCOMPARE(r.eventResponse, ex.value(u"event_response_arg"_qs).toString());
        QVERIFY(r.logRecord[u"response"_qs][u"command"_qs].isNull());
        QCOMPARE(recordTypeName(r.recordType), ex.value(u"record_type_if_not_rewritten"_qs).toString());
    });

    m.insert(u"rewrite-doc-pipeline-end-to-end"_qs, [](const QJsonObject &c, int) {
        const QJsonObject in = c.value(u"input"_qs).toObject();
        const QJsonObject ex = c.value(u"expected"_qs).toObject();
        // The built-in policy is the reference page's pipeline: json_load, regex_set_map, memoize.
        const Eval::EvalResult r = evalWith(QByteArray(), profileOf(c), in, tableFrom(in.value(u"json_table"_qs)), true);
        QCOMPARE(r.logRecord.value(u"bounce_classification"_qs).toString(),
                 ex.value(u"bounce_classification_with_iana_toml"_qs).toString());
        const QJsonArray args = ex.value(u"event_args"_qs).toArray();
        QCOMPARE(r.eventResponse, args[0].toString());
        const QJsonObject out = r.toJson();
        QCOMPARE(out[u"event_args"_qs][u"domain"_qs], args[1]);
        QCOMPARE(out[u"event_args"_qs][u"tenant"_qs], args[2]);
        QCOMPARE(out[u"event_args"_qs][u"campaign"_qs], args[3]);
        QCOMPARE(out[u"event_args"_qs][u"routing_domain"_qs], args[4]);
        QCOMPARE(r.handlerReturned, ex.value(u"handler_returns"_qs));
        QCOMPARE(recordTypeName(r.recordType), ex.value(u"record_type"_qs).toString());
        const QJsonObject logged = ex.value(u"log_response"_qs).toObject();
        const QJsonObject actual = r.logRecord.value(u"response"_qs).toObject();
        QCOMPARE(actual[u"code"_qs], logged[u"code"_qs]);
        QCOMPARE(actual[u"enhanced_code"_qs], logged[u"enhanced_code"_qs]);
        QCOMPARE(actual[u"content"_qs], logged[u"content"_qs]);
        QCOMPARE(actual[u"command"_qs], logged[u"command"_qs]);
    });

    // Regex-set maps.
    auto lookups = [](const QJsonObject &c, int v) {
        const QJsonObject in = c.value(u"input"_qs).toObject();
        auto map = Rules::RegexSetMap::compile(tableFrom(in.value(u"table"_qs)));
        QVERIFY(map.ok());
        const int first = map->findFirst(in[u"lookups"_qs][v].toString());
        const QJsonValue expected = c[u"expected"_qs][u"results"_qs][v];
        QCOMPARE(first < 0 ? QJsonValue() : map->rules().at(first).value, expected);
    };
    m.insert(u"rsm-doc-example"_qs, lookups);
    m.insert(u"rsm-unit-corpus"_qs, lookups);

    m.insert(u"rsm-overlap-unspecified"_qs, [](const QJsonObject &c, int) {
        const QJsonObject in = c.value(u"input"_qs).toObject();
        const QJsonObject ex = c.value(u"expected"_qs).toObject();
        auto map = Rules::RegexSetMap::compile(tableFrom(in.value(u"table"_qs)));
        QVERIFY(map.ok());
        const auto l = map->lookup(in.value(u"lookup"_qs).toString());
        QVERIFY(ex.value(u"result_one_of"_qs).toArray().contains(map->rules().at(l.first).value));
        QCOMPARE(l.ambiguous, !ex.value(u"deterministic"_qs).toBool());
        QCOMPARE(l.matches.size(), 2);
        // Patterns agreeing on the value are not ambiguous.
        auto agree = Rules::RegexSetMap::compile({{u"over quota"_qs, 552}, {u"quota"_qs, 552}});
        QVERIFY(!agree->lookup(in.value(u"lookup"_qs).toString()).ambiguous);
    });

    m.insert(u"rsm-invalid-regex"_qs, [](const QJsonObject &c, int v) {
        const QJsonObject table = c[u"input"_qs][u"table_variants"_qs][v].toObject();
        const QJsonObject ex = c.value(u"expected"_qs).toObject();
        const QString prefix = ex.value(u"message_prefix"_qs).toString();
        const QString reason = ex[u"reason_contains"_qs][v].toString();
        auto map = Rules::RegexSetMap::compile(tableFrom(table));
        QVERIFY(!map.ok());
        QVERIFY2(map.error().message.startsWith(prefix), qPrintable(map.error().message));
        QVERIFY2(map.error().message.contains(reason), qPrintable(map.error().message));
        // The same through Lua: a catchable error with that message.
        Lua::PolicyRuntime runtime;
        runtime.bindJson(u"/t.json"_qs, QJsonDocument(table).toJson());
        const auto error = runtime.load(
            "local ok, err = pcall(kumo.regex_set_map.new, kumo.json_load '/t.json')\n"
            "assert(not ok)\n"
            "error(tostring(err), 0)\n",
            u"probe.lua"_qs);
        QVERIFY(error.has_value());
        QVERIFY2(error->message.contains(prefix), qPrintable(error->message));
        QVERIFY2(error->message.contains(reason), qPrintable(error->message));
    });

    // The kumo API.
    m.insert(u"memoize-params"_qs, [](const QJsonObject &c, int v) {
        const QJsonObject params = c[u"input"_qs][u"params_variants"_qs][v].toObject();
        const QJsonValue expected = c[u"expected"_qs][u"results"_qs][v];
        Test::MockClock clock;
        Lua::RuntimeOptions options;
        options.clock = &clock;
        Lua::PolicyRuntime runtime(options);
        const QByteArray policy = "local n = 0\n"
                                  "local f = kumo.memoize(function() n = n + 1 return n end, kumo.json_parse [["
            + QJsonDocument(params).toJson(QJsonDocument::Compact)
            + "]])\n"
              "kumo.on('smtp_client_rewrite_delivery_status', function() return 500 + f() end)\n";
        const auto error = runtime.load(policy, u"memo.lua"_qs);
        if (expected.isString()) {
            QVERIFY(error.has_value());
            const QString text = expected.toString().mid(QStringLiteral("error: ").size());
            QVERIFY2(error->message.contains(text), qPrintable(error->message));
            return;
        }
        QVERIFY2(!error, error ? qPrintable(error->message) : "");
        const qint64 ttl = expected[u"ttl_seconds"_qs].toInteger();
        auto call = [&] { return runtime.callRewriteEvent(u"450 x"_qs, u"d"_qs, {}, {}, u"d"_qs).returned.integer; };
        QCOMPARE(call(), 501);
        clock.advanceSeconds(ttl - 1);
        QCOMPARE(call(), 501);
        clock.advanceSeconds(2);
        QCOMPARE(call(), 502);
    });

    m.insert(u"kumo-on-registration"_qs, [](const QJsonObject &c, int) {
        const QJsonObject in = c.value(u"input"_qs).toObject();
        const QJsonObject ex = c.value(u"expected"_qs).toObject();
        Lua::PolicyRuntime single;
        const auto error = single.load(
            "local function f1() end\nlocal function f2() end\n"
            + in[u"single"_qs][0].toString().toUtf8() + "\n" + in[u"single"_qs][1].toString().toUtf8() + "\n",
            u"policy.lua"_qs);
        QCOMPARE(error.has_value(), ex.value(u"single_second_call_raises"_qs).toBool());
        QString pattern = ex.value(u"single_message_pattern"_qs).toString();
        // KumoMTA names where the first handler function was defined (f1, line 1).
        pattern.replace(u"<source>:<line>"_qs, u"policy.lua:1"_qs);
        QVERIFY2(error->message.contains(pattern), qPrintable(error->message));

        Lua::PolicyRuntime multiple;
        QByteArray policy = "local cfg = {}\n";
        for (const QJsonValue &h : in[u"multiple"_qs][u"handlers"_qs].toArray())
            policy += "kumo.on('get_queue_config', " + h.toString().replace(u"cfg"_qs, u"cfg"_qs).toUtf8() + ")\n";
        QVERIFY(!multiple.load(policy, u"multi.lua"_qs));
        int queueHandlers = 0;
        for (const auto &h : multiple.handlers())
            queueHandlers += h.event == QLatin1String("get_queue_config");
        QCOMPARE(queueHandlers, 3);
    });

    m.insert(u"bc-iana-corpus"_qs, [](const QJsonObject &c, int) {
        auto classifier = Eval::BounceClassifier::fromJson(readData(u"classify/iana_subset.json"_qs), u"iana"_qs);
        QVERIFY(classifier.ok());
        const QJsonArray lines = c[u"input"_qs][u"lines"_qs].toArray();
        const QJsonArray classes = c[u"expected"_qs][u"classes"_qs].toArray();
        QCOMPARE(lines.size(), classes.size());
        for (qsizetype i = 0; i < lines.size(); ++i) {
            auto parsed = SmtpResponse::parse(lines[i].toString(), profileOf(c));
            QVERIFY(parsed.ok());
            QCOMPARE((*classifier)->classify(parsed->toSingleLine(profileOf(c))), classes[i].toString());
        }
    });
    return m;
}

QTEST_GUILESS_MAIN(TestSpecCases)
#include "TestSpecCases.moc"
