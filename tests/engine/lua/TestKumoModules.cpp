// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include <QFile>
#include <QTest>

#include "MockClock.h"
#include "TestConfig.h"
#include "lua/HumanDuration.h"
#include "lua/PolicyRuntime.h"

using namespace Dsn;
using namespace Dsn::Lua;

namespace {

QByteArray readData(const QString &relative)
{
    QFile f(QStringLiteral(DSN_TEST_DATA_DIR "/") + relative);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read test data %s", qPrintable(relative));
    return f.readAll();
}

QByteArray handlerPolicy(const QByteArray &body)
{
    return "kumo.on('smtp_client_rewrite_delivery_status', function(response, domain, tenant, campaign, "
           "routing_domain)\n" +
           body + "\nend)\n";
}

EventCall call(PolicyRuntime &rt, const QString &response = u"452 4.2.2 Mailbox full"_qs)
{
    return rt.callRewriteEvent(response, u"example.com"_qs, QString(), QString(), u"example.com"_qs);
}

/// Runs `body` as a rewrite handler in a fresh runtime and returns what it returned as text.
QString evaluate(const QByteArray &body, RuntimeOptions options = {})
{
    PolicyRuntime rt(options);
    rt.bindJson(u"/rules/file-order.json"_qs, R"({"over quota": 552, "quota": 452})");
    rt.bindJson(u"/rules/reversed.json"_qs, R"({"quota": 452, "over quota": 552})");
    rt.bindJson(u"/rules/bad.json"_qs, "{\n  \"a\": 1,\n}");
    if (const auto error = rt.load(handlerPolicy(body), u"policy.lua"_qs))
        return u"load error: "_qs + error->message;
    const EventCall c = call(rt);
    if (c.error)
        return u"error: "_qs + c.error->message;
    return c.returned.kind == LuaValue::Kind::String ? c.returned.string : c.returned.toDisplayString();
}

int lineOf(const QByteArray &text, const QByteArray &needle)
{
    return int(text.left(text.indexOf(needle)).count('\n')) + 1;
}

} // namespace

class TestKumoModules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void humanDuration_data();
    void humanDuration();
    void memoizeParams_data();
    void memoizeParams();
    void memoizeSemantics_data();
    void memoizeSemantics();
    void json_data();
    void json();
    void regexSetMap_data();
    void regexSetMap();
    void lookupTrace();
    void standIns_data();
    void standIns();
    void productionPolicy();
    void logging();
};

void TestKumoModules::humanDuration_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("ms"); // -1: not a duration
    QTest::newRow("5 minutes") << u"5 minutes"_qs << qint64(300'000);
    QTest::newRow("10s") << u"10s"_qs << qint64(10'000);
    QTest::newRow("1h 30m") << u"1h 30m"_qs << qint64(5'400'000);
    QTest::newRow("2days") << u"2days"_qs << qint64(172'800'000);
    QTest::newRow("1 hour") << u"1 hour"_qs << qint64(3'600'000);
    QTest::newRow("250ms") << u"250ms"_qs << qint64(250);
    QTest::newRow("1w 1d") << u"1w 1d"_qs << qint64(691'200'000);
    QTest::newRow("3 secs") << u"3 secs"_qs << qint64(3000);
    QTest::newRow("soon") << u"soon"_qs << qint64(-1);
    QTest::newRow("bare number") << u"10"_qs << qint64(-1);
    QTest::newRow("empty") << QString() << qint64(-1);
    QTest::newRow("unknown unit") << u"5 parsecs"_qs << qint64(-1);
    QTest::newRow("negative") << u"-5s"_qs << qint64(-1);
    QTest::newRow("fraction") << u"1.5h"_qs << qint64(-1);
}

void TestKumoModules::humanDuration()
{
    QFETCH(QString, text);
    QFETCH(qint64, ms);
    const auto parsed = HumanDuration::parseMs(text);
    QCOMPARE(parsed.value_or(-1), ms);
}

void TestKumoModules::memoizeParams_data()
{
    // The six variants of spec case memoize-params.
    QTest::addColumn<QByteArray>("params");
    QTest::addColumn<int>("ttlSeconds"); // 0: an error is expected
    QTest::addColumn<QString>("error");
    QTest::newRow("ttl '5 minutes'") << QByteArray("{ name = 'n', ttl = '5 minutes', capacity = 1 }") << 300
                                     << QString();
    QTest::newRow("ttl 10") << QByteArray("{ name = 'n', ttl = 10, capacity = 1 }") << 10 << QString();
    QTest::newRow("ttl '1h 30m'") << QByteArray("{ name = 'n', ttl = '1h 30m', capacity = 1 }") << 5400 << QString();
    QTest::newRow("missing capacity") << QByteArray("{ name = 'n', ttl = '5 minutes' }") << 0
                                      << u"missing field `capacity`"_qs;
    QTest::newRow("unknown colour") << QByteArray("{ name = 'n', ttl = '5 minutes', capacity = 1, colour = 'red' }")
                                    << 0 << u"unknown field `colour`"_qs;
    QTest::newRow("ttl 'soon'") << QByteArray("{ name = 'n', ttl = 'soon', capacity = 1 }") << 0
                                << u"invalid value: string \"soon\", expected a duration"_qs;
}

void TestKumoModules::memoizeParams()
{
    QFETCH(QByteArray, params);
    QFETCH(int, ttlSeconds);
    QFETCH(QString, error);

    Test::MockClock clock;
    RuntimeOptions options;
    options.clock = &clock;
    PolicyRuntime rt(options);
    const auto loadError = rt.load("local calls = 0\n"
                                   "local f = kumo.memoize(function() calls = calls + 1 return calls end, " +
                                       params + ")\n" + handlerPolicy("return f()"),
                                   u"policy.lua"_qs);
    if (ttlSeconds == 0) {
        QVERIFY(loadError);
        QVERIFY2(loadError->message.contains(error), qPrintable(loadError->message));
        QCOMPARE(loadError->line, 2);
        return;
    }
    QVERIFY2(!loadError, qPrintable(loadError ? loadError->message : QString()));
    QCOMPARE(call(rt).returned.integer, 1);
    clock.advanceSeconds(ttlSeconds - 1);
    QCOMPARE(call(rt).returned.integer, 1); // still cached just before the ttl
    clock.advanceSeconds(1);
    QCOMPARE(call(rt).returned.integer, 2); // recomputed once it expired
    QCOMPARE(call(rt).returned.integer, 2);
}

void TestKumoModules::memoizeSemantics_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    const QByteArray setup = "local n = 0\nlocal P = { name = 'm', ttl = 60, capacity = 2 }\n";
    QTest::newRow("f() and f(nil) share an entry")
        << setup + "local f = kumo.memoize(function(...) n = n + 1 return 'v' end, P)\nf() f(nil) f()\nreturn n"
        << u"1"_qs;
    QTest::newRow("nil results are cached")
        << setup + "local f = kumo.memoize(function() n = n + 1 return nil end, P)\nf() f()\nreturn n" << u"1"_qs;
    QTest::newRow("errors are not cached")
        << setup + "local f = kumo.memoize(function() n = n + 1 error('nope') end, P)\n"
                   "local ok, err = pcall(f)\npcall(f)\nreturn n .. ' ' .. tostring(ok)"
        << u"2 false"_qs;
    QTest::newRow("arguments make the key")
        << setup + "local f = kumo.memoize(function(x) n = n + 1 return x end, P)\nf(1) f(2) f(1) f({a = 1}) "
                   "f({a = 1})\nreturn n"
        << u"3"_qs;
    QTest::newRow("capacity evicts the least recently used")
        << setup + "local f = kumo.memoize(function(x) n = n + 1 return x end, P)\n"
                   "f(1) f(2) f(1) f(3) f(1) f(2) f(1)\nreturn n"
        << u"4"_qs;
    QTest::newRow("several results")
        << setup + "local f = kumo.memoize(function() n = n + 1 return 1, nil, 3 end, P)\nf()\n"
                   "local a, b, c = f()\nreturn n .. a .. tostring(b) .. c"
        << u"11nil3"_qs;
    QTest::newRow("userdata results survive")
        << setup + "local f = kumo.memoize(function() n = n + 1 return kumo.regex_set_map.new({ x = 7 }) end, P)\n"
                   "return f()['x'] + f()['x'] + n"
        << u"15"_qs;
    QTest::newRow("function required") << QByteArray("return pcall(kumo.memoize, 1, { name = 'a' })") << u"false"_qs;
    QTest::newRow("capacity must be an integer")
        << QByteArray("local ok, err = pcall(kumo.memoize, print, { name = 'a', ttl = 1, capacity = 1.5 })\n"
                      "return err")
        << u"kumo.memoize: invalid type: floating point `1.5`, expected usize"_qs;
}

void TestKumoModules::memoizeSemantics()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    QCOMPARE(evaluate(body), expected);
}

void TestKumoModules::json_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    auto parse = [](const char *json, const char *expression) {
        return QByteArray("local v = kumo.json_parse [==[") + json + "]==]\nreturn " + expression;
    };
    auto failure = [](const char *call) { return QByteArray("local ok, err = pcall(") + call + ")\nreturn err"; };

    QTest::newRow("// comment") << parse("{\"a\": 1 // one\n}", "v.a") << u"1"_qs;
    QTest::newRow("/* */ comment") << parse("{ /* two */ \"a\": 2 }", "v.a") << u"2"_qs;
    QTest::newRow("# comment") << parse("# three\n{\"a\": 3}", "v.a") << u"3"_qs;
    QTest::newRow("comment markers inside strings") << parse("{\"a\": \"x // y # z\"}", "v.a") << u"x // y # z"_qs;
    QTest::newRow("null becomes nil") << parse("{\"a\": null, \"b\": 1}", "tostring(v.a) .. v.b") << u"nil1"_qs;
    QTest::newRow("integers stay integers")
        << parse("{\"a\": 500, \"b\": 500.5}", "math.type(v.a) .. math.type(v.b)") << u"integerfloat"_qs;
    QTest::newRow("nested arrays") << parse("{\"a\": [1, [2, 3]]}", "v.a[2][2]") << u"3"_qs;
    QTest::newRow("trailing comma in object") << failure("kumo.json_parse, '{\"a\": 1,}'")
                                              << u"parsing <string> as json: syntax error while parsing object key - "
                                                 "unexpected '}'; expected string literal at line 1 column 9"_qs;
    QTest::newRow("trailing comma in array")
        << failure("kumo.json_parse, '[1, 2,]'").append(":match('^.-: ')") << u"parsing <string> as json: "_qs;
    QTest::newRow("bound file with error") << failure("kumo.json_load, '/rules/bad.json'").append(":match('^.-: ')")
                                           << u"parsing /rules/bad.json as json: "_qs;
    QTest::newRow("error position") << failure("kumo.json_load, '/rules/bad.json'").append(":match('at line.*$')")
                                    << u"at line 3 column 1"_qs;
    QTest::newRow("missing file") << failure("kumo.json_load, 'missing.json'")
                                  << u"reading file missing.json: the file is not bound to the project and no project "
                                     "folder is set"_qs;
    QTest::newRow("encode object") << QByteArray("return kumo.json_encode({ a = 1 })") << u"{\"a\":1}"_qs;
    QTest::newRow("encode sequence") << QByteArray("return kumo.json_encode({ 1, 2, 3 })") << u"[1,2,3]"_qs;
    QTest::newRow("encode sorts plain keys") << QByteArray("return kumo.json_encode({ b = 1, a = { c = { 1, 'x' } } })")
                                             << u"{\"a\":{\"c\":[1,\"x\"]},\"b\":1}"_qs;
    QTest::newRow("encode keeps parsed order and nulls in arrays")
        << QByteArray("return kumo.json_encode(kumo.json_parse('{\"b\": 1, \"a\": [1, null, 3], \"e\": []}'))")
        << u"{\"b\":1,\"a\":[1,null,3],\"e\":[]}"_qs;
    QTest::newRow("encode scalars") << QByteArray("return kumo.json_encode('x') .. kumo.json_encode(nil) .. "
                                                  "kumo.json_encode(1.5) .. kumo.json_encode({})")
                                    << u"\"x\"null1.5{}"_qs;
    QTest::newRow("encode refuses functions")
        << failure("kumo.json_encode, { f = print }") << u"cannot represent a function value as json"_qs;
    QTest::newRow("encode refuses cycles")
        << QByteArray("local t = {}\nt.t = t\nlocal ok, err = pcall(kumo.json_encode, "
                      "t)\nreturn err:match('nesting deeper')")
        << u"nesting deeper"_qs;
    QTest::newRow("serde spelling") << QByteArray("return kumo.serde.json_encode(kumo.serde.json_parse('[1]'))")
                                    << u"[1]"_qs;
}

void TestKumoModules::json()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    QCOMPARE(evaluate(body), expected);
}

void TestKumoModules::regexSetMap_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    const QByteArray doc = "local m = kumo.regex_set_map.new({ hello = 'hello', bye = 'bye', later = 'bye', "
                           "['Good day'] = 'hello' })\n";
    // Spec case rsm-doc-example.
    QTest::newRow("doc: hello there") << doc + "return m['hello there']" << u"hello"_qs;
    QTest::newRow("doc: goodbye") << doc + "return m['goodbye']" << u"bye"_qs;
    QTest::newRow("doc: see you later") << doc + "return m['see you later']" << u"bye"_qs;
    QTest::newRow("doc: not.set") << doc + "return m['not.set']" << u"nil"_qs;
    QTest::newRow("invalid pattern")
        << QByteArray("local ok, err = pcall(kumo.regex_set_map.new, { ['('] = 1 })\nreturn err:sub(1, 34)")
        << u"compiling rules: regex parse error"_qs;
    QTest::newRow("invalid class")
        << QByteArray("local ok, err = pcall(kumo.regex_set_map.new, { ['[a-'] = 1 })\nreturn tostring(ok) .. "
                      "err:sub(1, 34)")
        << u"falsecompiling rules: regex parse error"_qs;
    QTest::newRow("no argument") << QByteArray("return kumo.regex_set_map.new()['anything']") << u"nil"_qs;
    QTest::newRow("empty table") << QByteArray("return kumo.regex_set_map.new({})['anything']") << u"nil"_qs;
    QTest::newRow("integers stay integers")
        << QByteArray("return math.type(kumo.regex_set_map.new({ a = 500 })['a'])") << u"integer"_qs;
    QTest::newRow("tables come back as given")
        << QByteArray("local v = { code = 550 }\nreturn tostring(kumo.regex_set_map.new({ a = v })['xa'] == v)")
        << u"true"_qs;
    QTest::newRow("json file order wins on overlap")
        << QByteArray("return kumo.regex_set_map.new(kumo.json_load('/rules/file-order.json'))['452 over quota']")
        << u"552"_qs;
    QTest::newRow("reversed file order")
        << QByteArray("return kumo.regex_set_map.new(kumo.json_load('/rules/reversed.json'))['452 over quota']")
        << u"452"_qs;
    QTest::newRow("unanchored and case-sensitive")
        << QByteArray("local m = kumo.regex_set_map.new({ ['^4\\\\d\\\\d '] = 1, ['(?i)QUOTA'] = 2 })\n"
                      "return tostring(m['x 452 y']) .. m['452 y'] .. m['over quota']")
        << u"nil12"_qs;
    QTest::newRow("tostring") << QByteArray("return tostring(kumo.regex_set_map.new({ a = 1, b = 2 }))")
                              << u"regex_set_map (2 rules)"_qs;
}

void TestKumoModules::regexSetMap()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    QCOMPARE(evaluate(body), expected);
}

void TestKumoModules::lookupTrace()
{
    RuntimeOptions options;
    options.baseDirectory = QStringLiteral(DSN_TEST_DATA_DIR "/lua");
    PolicyRuntime rt(options);
    // Relative to the base folder, comments allowed, file order kept ("over quota" first).
    const auto error = rt.load("local m = kumo.regex_set_map.new(kumo.json_load 'rules_with_comments.json')\n" +
                                   handlerPolicy("return m[response]"),
                               u"policy.lua"_qs);
    QVERIFY2(!error, qPrintable(error ? error->message : QString()));
    const EventCall c = call(rt, u"452 4.2.2 mailbox over quota"_qs);
    QVERIFY(!c.error);
    QCOMPARE(c.returned.integer, 552);
    QCOMPARE(c.lookups.size(), 1);
    const RegexLookupTrace &t = c.lookups.first();
    QCOMPARE(t.result.first, 0);
    QCOMPARE(t.result.matches, (QList<int>{0, 1}));
    QVERIFY(t.result.ambiguous);
    QCOMPARE(t.map->rules().at(0).pattern, u"over quota"_qs);
    QCOMPARE(t.map->rules().size(), 3); // the null value is no rule

    const EventCall other = call(rt, u"421 busy"_qs);
    QCOMPARE(other.returned.string, u"retry"_qs);

    PolicyRuntime outside(options);
    QVERIFY(!outside.load(handlerPolicy("return kumo.json_load('../../CMakeLists.txt')"), u"policy.lua"_qs));
    const EventCall refused = call(outside);
    QVERIFY(refused.error);
    QVERIFY2(refused.error->message.startsWith(u"reading file ../../CMakeLists.txt: outside the project folder"_qs),
             qPrintable(refused.error->message));
}

void TestKumoModules::standIns_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    QTest::newRow("deep index") << QByteArray("return tostring(kumo.some.deep.thing)")
                                << u"stand-in: kumo.some.deep.thing"_qs;
    QTest::newRow("call result") << QByteArray("return tostring(kumo.make_egress_path { enable_tls = 'Required' })")
                                 << u"stand-in: kumo.make_egress_path()"_qs;
    QTest::newRow("concatenation") << QByteArray("return 'key=' .. kumo.secrets.load('k')")
                                   << u"key=stand-in: kumo.secrets.load()"_qs;
    QTest::newRow("length and ipairs")
        << QByteArray("local n = 0\nfor _ in ipairs(kumo.whatever()) do n = n + 1 end\nreturn n .. #kumo.whatever()")
        << u"00"_qs;
    QTest::newRow("same name, same stand-in") << QByteArray("return tostring(kumo.dkim == kumo.dkim)") << u"true"_qs;
    QTest::newRow("fields of results") << QByteArray("return type(kumo.make_listener_domain { }.relay_from)")
                                       << u"table"_qs;
    QTest::newRow("metatable locked") << QByteArray("return getmetatable(kumo.x)") << u"stand-in"_qs;
    QTest::newRow("require 'kumo' is kumo")
        << QByteArray("local k = kumo\nkumo = nil\nreturn tostring(require('kumo') == k)") << u"true"_qs;
    QTest::newRow("require a stand-in module")
        << QByteArray("return tostring(require 'sqlite')") << u"stand-in: sqlite"_qs;
    QTest::newRow("require a standard library")
        << QByteArray("return tostring(require('string') == string)") << u"true"_qs;
    QTest::newRow("user module via init.lua") << QByteArray("return require('helpers').shout('abc')") << u"ABC!"_qs;
    QTest::newRow("user module name") << QByteArray("return require('helpers').name") << u"helpers"_qs;
    QTest::newRow("user modules load once")
        << QByteArray("return tostring(require('util.strings') == require('util.strings'))") << u"true"_qs;
    QTest::newRow("no path escapes") << QByteArray("local ok, err = pcall(require, '..secret')\nreturn err")
                                     << u"module '..secret' not found:"_qs;
}

void TestKumoModules::standIns()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    RuntimeOptions options;
    options.moduleDirectories = {QStringLiteral(DSN_TEST_DATA_DIR "/lua/modules")};
    QCOMPARE(evaluate(body, options), expected);
}

void TestKumoModules::productionPolicy()
{
    const QByteArray policy = readData(u"lua/production_policy.lua"_qs);
    PolicyRuntime rt;
    rt.bindJson(u"/opt/kumomta/etc/policy/dsn_rewrite.json"_qs, readData(u"policies/seed/rules.json"_qs));
    const auto error = rt.load(policy, u"init.lua"_qs);
    QVERIFY2(!error, qPrintable(error ? error->message : QString()));

    const QList<Diagnostic> warnings = rt.warnings();
    auto warningFor = [&](const QString &code, const QString &name) -> const Diagnostic * {
        for (const Diagnostic &w : warnings) {
            if (w.code == code && w.message.startsWith(name + u"(…)"_qs))
                return &w;
            if (w.code == code && w.message.contains(u"'"_qs + name + u"'"_qs))
                return &w;
        }
        return nullptr;
    };
    for (const char *name :
         {"kumo.start_esmtp_listener", "kumo.configure_local_logs", "kumo.define_spool", "kumo.dkim.rsa_sha256_signer",
          "kumo.start_http_listener", "kumo.set_diagnostic_log_filter", "kumo.secrets.load"}) {
        const Diagnostic *w = warningFor(u"unknown-kumo-call"_qs, QString::fromLatin1(name));
        QVERIFY2(w, name);
        QCOMPARE(w->source, u"init.lua"_qs);
        QCOMPARE(w->line, lineOf(policy, name));
        QCOMPARE(w->severity, Diagnostic::Severity::Warning);
    }
    for (const char *module : {"policy-extras.shaping", "policy-extras.queue", "policy-extras.listener_domains",
                               "policy-extras.sources", "policy-extras.dkim_sign"})
        QVERIFY2(warningFor(u"stub-module"_qs, QString::fromLatin1(module)), module);
    QVERIFY(!warningFor(u"unknown-kumo-call"_qs, u"kumo.on"_qs));
    QVERIFY(!warningFor(u"unknown-kumo-call"_qs, u"kumo.memoize"_qs));

    QStringList called;
    for (const RecordedCall &c : rt.recordedCalls())
        called << c.name;
    for (const char *name :
         {"kumo.set_diagnostic_log_filter", "policy-extras.shaping:setup_with_automation", "policy-extras.queue:setup",
          "policy-extras.sources:setup", "kumo.secrets.load", "policy-extras.listener_domains:setup"})
        QVERIFY2(called.contains(QString::fromLatin1(name)), qPrintable(called.join(u", "_qs)));
    QVERIFY(!called.contains(u"kumo.start_esmtp_listener"_qs)); // inside init, which never runs

    QStringList events;
    for (const RegisteredHandler &h : rt.handlers())
        events << h.event;
    QCOMPARE(events,
             (QStringList{u"init"_qs, u"get_listener_domain"_qs, u"get_egress_path_config"_qs, u"get_queue_config"_qs,
                          u"smtp_server_message_received"_qs, u"smtp_client_rewrite_delivery_status"_qs}));
    QVERIFY2(rt.loadLog().contains(u"[info] init.lua:%1: loaded api key stand-in: kumo.secrets.load()"_qs.arg(
                 lineOf(policy, "kumo.log_info"))),
             qPrintable(rt.loadLog().join(u'\n')));

    const EventCall bounce = call(rt, u"452 4.2.2 The email account that you tried to reach is over quota."_qs);
    QVERIFY2(!bounce.error, qPrintable(bounce.error ? bounce.error->message : QString()));
    QCOMPARE(bounce.returned.integer, 500);
    const EventCall transactional =
        rt.callRewriteEvent(u"452 4.2.2 The email account that you tried to reach is over quota."_qs, u"gmail.com"_qs,
                            u"transactional"_qs, QString(), u"gmail.com"_qs);
    QCOMPARE(transactional.returned.kind, LuaValue::Kind::Nil);
}

void TestKumoModules::logging()
{
    PolicyRuntime rt;
    const auto error = rt.load("print('hello', 1, nil)\nkumo.log_warn('careful', 42)\nwarn('low ', 'disk')\n" +
                                   handlerPolicy("kumo.log_info('in handler', response)\nprint('p')"),
                               u"policy.lua"_qs);
    QVERIFY(!error);
    QCOMPARE(rt.loadLog(), (QStringList{u"hello\t1\tnil"_qs, u"[warn] policy.lua:2: careful 42"_qs}));
    const EventCall c = rt.callRewriteEvent(u"550 no"_qs, {}, {}, {}, {});
    QCOMPARE(c.log, (QStringList{u"[info] policy.lua:5: in handler 550 no"_qs, u"p"_qs}));
    QCOMPARE(rt.loadLog().size(), 2);
    bool warned = false;
    for (const Diagnostic &w : rt.warnings())
        warned |= w.code == u"lua-warn"_qs && w.message == u"low disk"_qs && w.line == 3;
    QVERIFY(warned);
}

QTEST_GUILESS_MAIN(TestKumoModules)
#include "TestKumoModules.moc"
