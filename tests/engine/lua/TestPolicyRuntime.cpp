// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include "TestConfig.h"
#include "lua/PolicyRuntime.h"

using namespace Dsn;
using namespace Dsn::Lua;

Q_DECLARE_METATYPE(Dsn::Lua::LuaValue::Kind)
Q_DECLARE_METATYPE(Dsn::Lua::LuaError::Kind)

namespace {

const QString kRewrite = QStringLiteral("smtp_client_rewrite_delivery_status");

QByteArray readData(const QString &relative)
{
    QFile f(QStringLiteral(DSN_TEST_DATA_DIR "/") + relative);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read test data %s", qPrintable(relative));
    return f.readAll();
}

/// A policy whose rewrite handler is `body` (the body starts on line 2).
QByteArray handlerPolicy(const QByteArray &body)
{
    return "kumo.on('smtp_client_rewrite_delivery_status', function(response, domain, tenant, campaign, "
           "routing_domain)\n" +
           body + "\nend)\n";
}

EventCall callDefault(PolicyRuntime &rt)
{
    return rt.callRewriteEvent(QStringLiteral("452 4.2.2 Mailbox full"), QStringLiteral("example.com"), QString(),
                               QString(), QStringLiteral("example.com"));
}

} // namespace

class TestPolicyRuntime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seedPolicy_data();
    void seedPolicy();
    void noHandler();
    void handlerArguments();
    void returnClassification_data();
    void returnClassification();
    void doubleRegistration();
    void multipleHandlerEvents_data();
    void multipleHandlerEvents();
    void registrationInsideHandler();
    void errors_data();
    void errors();
    void sandbox_data();
    void sandbox();
    void bytecodeRefused();
    void permissions();
    void limits_data();
    void limits();
    void limitsInHandlerLeaveRuntimeUsable();
};

void TestPolicyRuntime::seedPolicy_data()
{
    QTest::addColumn<QString>("response");
    QTest::addColumn<LuaValue::Kind>("kind");
    QTest::addColumn<qint64>("code");
    QTest::addColumn<int>("matchedRule");

    QTest::newRow("gmail over quota") << u"452 4.2.2 The email account that you tried to reach is over quota."_qs
                                      << LuaValue::Kind::Integer << qint64(500) << 1;
    QTest::newRow("inactive mailbox")
        << u"450 4.2.1 <user@example.com>: Recipient address rejected: this mailbox is inactive and has been disabled"_qs
        << LuaValue::Kind::Integer << qint64(500) << 0;
    QTest::newRow("try again later") << u"451 4.7.1 Please try again later"_qs << LuaValue::Kind::Nil << qint64(0)
                                     << -1;
}

void TestPolicyRuntime::seedPolicy()
{
    QFETCH(QString, response);
    QFETCH(LuaValue::Kind, kind);
    QFETCH(qint64, code);
    QFETCH(int, matchedRule);

    PolicyRuntime rt;
    rt.bindJson(QStringLiteral("/tmp/dsn_rewrite.json"), readData(QStringLiteral("policies/seed/rules.json")));
    const auto loadError = rt.load(readData(QStringLiteral("policies/seed/policy.lua")), QStringLiteral("policy.lua"));
    QVERIFY2(!loadError, qPrintable(loadError ? loadError->message : QString()));
    QVERIFY(rt.hasHandler(kRewrite));

    const EventCall call =
        rt.callRewriteEvent(response, QStringLiteral("gmail.com"), QString(), QString(), QStringLiteral("gmail.com"));
    QVERIFY2(!call.error, qPrintable(call.error ? call.error->message : QString()));
    QVERIFY(call.handlerFound);
    QCOMPARE(call.returned.kind, kind);
    QCOMPARE(call.returned.integer, code);
    QCOMPARE(call.lookups.size(), 1);
    const RegexLookupTrace &trace = call.lookups.first();
    QCOMPARE(trace.subject, response);
    QCOMPARE(trace.result.first, matchedRule);
    QVERIFY(!trace.result.ambiguous);
    QCOMPARE(trace.map->size(), 2);
    // File order survives json_load → regex_set_map.new.
    QVERIFY(trace.map->rules().at(1).pattern.contains(u"over quota"_qs));
}

void TestPolicyRuntime::noHandler()
{
    PolicyRuntime rt;
    QVERIFY(!rt.load("kumo.on('init', function() end)", QStringLiteral("policy.lua")));
    const EventCall call = callDefault(rt);
    QVERIFY(!call.handlerFound);
    QVERIFY(!call.error);
    QCOMPARE(call.returned.kind, LuaValue::Kind::None);
}

void TestPolicyRuntime::handlerArguments()
{
    PolicyRuntime rt;
    QVERIFY(!rt.load(handlerPolicy("return table.concat({type(response), domain, tostring(tenant), tostring(campaign), "
                                   "routing_domain}, ',')"),
                     QStringLiteral("policy.lua")));
    const EventCall call = rt.callRewriteEvent(u"550 x"_qs, u"d.com"_qs, QString(), u""_qs, u"rd.com"_qs);
    QVERIFY(!call.error);
    QCOMPARE(call.returned.kind, LuaValue::Kind::String);
    // A null QString is nil, an empty one is "".
    QCOMPARE(call.returned.string, u"string,d.com,nil,,rd.com"_qs);
}

void TestPolicyRuntime::returnClassification_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<LuaValue::Kind>("kind");
    QTest::addColumn<QString>("display");
    QTest::addColumn<QString>("typeName");

    QTest::newRow("nil") << QByteArray("return nil") << LuaValue::Kind::Nil << u"nil"_qs << u"nil"_qs;
    QTest::newRow("nothing") << QByteArray("return") << LuaValue::Kind::None << u"nothing"_qs << QString();
    QTest::newRow("no return at all") << QByteArray("local x = 1") << LuaValue::Kind::None << u"nothing"_qs
                                      << QString();
    QTest::newRow("500") << QByteArray("return 500") << LuaValue::Kind::Integer << u"500"_qs << u"number"_qs;
    QTest::newRow("\"550\"") << QByteArray("return '550'") << LuaValue::Kind::String << u"\"550\""_qs << u"string"_qs;
    QTest::newRow("500.7") << QByteArray("return 500.7") << LuaValue::Kind::Number << u"500.7"_qs << u"number"_qs;
    QTest::newRow("true") << QByteArray("return true") << LuaValue::Kind::Boolean << u"true"_qs << u"boolean"_qs;
    QTest::newRow("{}") << QByteArray("return {}") << LuaValue::Kind::Table << u"a table"_qs << u"table"_qs;
    QTest::newRow("70000") << QByteArray("return 70000") << LuaValue::Kind::Integer << u"70000"_qs << u"number"_qs;
    QTest::newRow("function") << QByteArray("return print") << LuaValue::Kind::Function << u"a function"_qs
                              << u"function"_qs;
    QTest::newRow("first of several") << QByteArray("return 421, 'ignored'") << LuaValue::Kind::Integer << u"421"_qs
                                      << u"number"_qs;
}

void TestPolicyRuntime::returnClassification()
{
    QFETCH(QByteArray, body);
    QFETCH(LuaValue::Kind, kind);
    QFETCH(QString, display);
    QFETCH(QString, typeName);

    PolicyRuntime rt;
    QVERIFY(!rt.load(handlerPolicy(body), QStringLiteral("policy.lua")));
    const EventCall call = callDefault(rt);
    QVERIFY(call.handlerFound);
    QVERIFY(!call.error);
    QCOMPARE(call.returned.kind, kind);
    QCOMPARE(call.returned.toDisplayString(), display);
    QCOMPARE(call.returned.typeName, typeName);
}

void TestPolicyRuntime::doubleRegistration()
{
    PolicyRuntime rt;
    const QByteArray policy = "local function f1() return 500 end\n"
                              "kumo.on('smtp_client_rewrite_delivery_status', f1)\n"
                              "kumo.on('smtp_client_rewrite_delivery_status', function() return 400 end)\n";
    const auto error = rt.load(policy, QStringLiteral("policy.lua"));
    QVERIFY(error);
    QCOMPARE(error->kind, LuaError::Kind::Runtime);
    QCOMPARE(error->message,
             u"smtp_client_rewrite_delivery_status event already has a handler defined at policy.lua:1"_qs);
    QCOMPARE(error->chunk, u"policy.lua"_qs);
    QCOMPARE(error->line, 3);
    // The first handler stays registered and still runs.
    QCOMPARE(rt.handlers().size(), 1);
    QCOMPARE(rt.handlers().first().line, 1);
    QCOMPARE(callDefault(rt).returned.integer, 500);
}

void TestPolicyRuntime::multipleHandlerEvents_data()
{
    QTest::addColumn<QString>("event");
    for (const char *event : {"get_queue_config", "get_acl_definition", "pre_init", "validate_config",
                              "requeue_message", "should_enqueue_log_record", "throttle_insert_ready_queue"})
        QTest::newRow(event) << QString::fromLatin1(event);
}

void TestPolicyRuntime::multipleHandlerEvents()
{
    QFETCH(QString, event);
    PolicyRuntime rt;
    const QByteArray e = event.toUtf8();
    const QByteArray policy = "kumo.on('" + e +
                              "', function() end)\n"
                              "kumo.on('" +
                              e +
                              "', function() return nil end)\n"
                              "kumo.on('" +
                              e + "', function() return {} end)\n";
    const auto error = rt.load(policy, QStringLiteral("policy.lua"));
    QVERIFY2(!error, qPrintable(error ? error->message : QString()));
    const QList<RegisteredHandler> handlers = rt.handlers();
    QCOMPARE(handlers.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(handlers[i].event, event);
        QCOMPARE(handlers[i].line, i + 1);
    }
    QVERIFY(rt.hasHandler(event));
    QVERIFY(!rt.hasHandler(kRewrite));
}

void TestPolicyRuntime::registrationInsideHandler()
{
    PolicyRuntime rt;
    QVERIFY(!rt.load(handlerPolicy("kumo.on('get_queue_config', function() end)\nreturn 500"),
                     QStringLiteral("policy.lua")));
    const EventCall call = callDefault(rt);
    QVERIFY(call.error);
    QVERIFY2(call.error->message.contains(u"from within the event handler 'smtp_client_rewrite_delivery_status'"_qs),
             qPrintable(call.error->message));
    QCOMPARE(call.error->line, 2);
    QVERIFY(!rt.hasHandler(u"get_queue_config"_qs));
}

void TestPolicyRuntime::errors_data()
{
    QTest::addColumn<QByteArray>("policy");
    QTest::addColumn<bool>("inHandler");
    QTest::addColumn<LuaError::Kind>("kind");
    QTest::addColumn<QString>("chunkSuffix");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("syntax error") << QByteArray("local a = 1\nlocal b = = 2\n") << false << LuaError::Kind::Syntax
                                  << u"policy.lua"_qs << 2 << u"policy.lua:2:"_qs;
    QTest::newRow("unfinished function") << QByteArray("kumo.on('x', function()\n  return 1\n") << false
                                         << LuaError::Kind::Syntax << u"policy.lua"_qs << 3 << u"'end' expected"_qs;
    QTest::newRow("runtime error at load")
        << QByteArray("local t = nil\n\nlocal x = t.field\n") << false << LuaError::Kind::Runtime << u"policy.lua"_qs
        << 3 << u"attempt to index a nil value"_qs;
    QTest::newRow("error('boom') on line 7")
        << handlerPolicy("local a = 1\n\n\n\n\nerror('boom')") << true << LuaError::Kind::Runtime << u"policy.lua"_qs
        << 7 << u"policy.lua:7: boom"_qs;
    QTest::newRow("error with a table value") << handlerPolicy("error({ code = 1 })") << true << LuaError::Kind::Runtime
                                              << u"policy.lua"_qs << 2 << u"error object is a table value"_qs;
    QTest::newRow("runtime error in required module")
        << handlerPolicy("local s = require 'util.strings'\nreturn s.explode({})") << true << LuaError::Kind::Runtime
        << u"util/strings.lua"_qs << 11 << u"attempt to index a nil value (field 'missing')"_qs;
    QTest::newRow("syntax error in required module")
        << QByteArray("\nlocal b = require 'broken'\n") << false << LuaError::Kind::Syntax << u"modules/broken.lua"_qs
        << 5 << u"broken.lua:5:"_qs;
    QTest::newRow("required module raises while loading")
        << QByteArray("local m = require 'fails_at_load'\n") << false << LuaError::Kind::Runtime
        << u"modules/fails_at_load.lua"_qs << 4 << u"this module refuses to load"_qs;
    QTest::newRow("kumo.on without a function")
        << QByteArray("kumo.on('smtp_client_rewrite_delivery_status')") << false << LuaError::Kind::Runtime
        << u"policy.lua"_qs << 1 << u"bad argument #2 to 'kumo.on' (function expected, got no value)"_qs;
    QTest::newRow("memoize without params")
        << QByteArray("\nlocal f = kumo.memoize(print)") << false << LuaError::Kind::Runtime << u"policy.lua"_qs << 2
        << u"bad argument #2 to 'kumo.memoize' (table expected, got no value)"_qs;
    QTest::newRow("C stack overflow")
        << QByteArray("local t = setmetatable({}, { __index = function(t, k) return t[k] end })\nreturn t.x\n") << false
        << LuaError::Kind::Runtime << u"policy.lua"_qs << 1 << u"stack overflow"_qs;
    QTest::newRow("json nested too deep")
        << QByteArray("return kumo.json_parse(string.rep('[', 300) .. string.rep(']', 300))\n") << false
        << LuaError::Kind::Runtime << u"policy.lua"_qs << 1 << u"json nesting deeper than 200 levels"_qs;
    QTest::newRow("module not found") << QByteArray("\n\nrequire 'no.such.module'\n") << false
                                      << LuaError::Kind::Runtime << u"policy.lua"_qs << 3
                                      << u"module 'no.such.module' not found:\n\tno file '"_qs;
}

void TestPolicyRuntime::errors()
{
    QFETCH(QByteArray, policy);
    QFETCH(bool, inHandler);
    QFETCH(LuaError::Kind, kind);
    QFETCH(QString, chunkSuffix);
    QFETCH(int, line);
    QFETCH(QString, messagePart);

    RuntimeOptions options;
    options.moduleDirectories = {QStringLiteral(DSN_TEST_DATA_DIR "/lua/modules")};
    PolicyRuntime rt(options);
    std::optional<LuaError> error = rt.load(policy, QStringLiteral("policy.lua"));
    if (inHandler) {
        QVERIFY2(!error, qPrintable(error ? error->message : QString()));
        error = callDefault(rt).error;
    }
    QVERIFY(error);
    QCOMPARE(error->kind, kind);
    QVERIFY2(error->chunk.endsWith(chunkSuffix), qPrintable(error->chunk));
    QCOMPARE(error->line, line);
    QVERIFY2(error->message.contains(messagePart), qPrintable(error->message));
    const Diagnostic d = error->toDiagnostic();
    QCOMPARE(d.line, line);
    QCOMPARE(d.severity, Diagnostic::Severity::Error);
}

void TestPolicyRuntime::sandbox_data()
{
    QTest::addColumn<QByteArray>("expression");
    QTest::addColumn<QString>("type");

    const QList<QPair<const char *, const char *>> rows = {
        {"io", "nil"},
        {"os.execute", "nil"},
        {"os.exit", "nil"},
        {"os.remove", "nil"},
        {"debug", "nil"},
        {"package", "nil"},
        {"dofile", "nil"},
        {"loadfile", "nil"},
        {"string.dump", "nil"},
        {"collectgarbage", "nil"},
        {"os.time", "function"},
        {"os.clock", "function"},
        {"os.date", "function"},
        {"os.getenv", "function"},
        {"require", "function"},
        {"load", "function"},
        {"utf8.char", "function"},
        {"coroutine.wrap", "function"},
        {"string.format", "function"},
        {"math.floor", "function"},
        {"table.concat", "function"},
        {"kumo", "table"},
    };
    for (const auto &[expression, type] : rows)
        QTest::newRow(expression) << QByteArray(expression) << QString::fromLatin1(type);
}

void TestPolicyRuntime::sandbox()
{
    QFETCH(QByteArray, expression);
    QFETCH(QString, type);
    PolicyRuntime rt;
    QVERIFY(!rt.load(handlerPolicy("return type(" + expression + ")"), QStringLiteral("policy.lua")));
    const EventCall call = callDefault(rt);
    QVERIFY2(!call.error, qPrintable(call.error ? call.error->message : QString()));
    QCOMPARE(call.returned.string, type);
}

void TestPolicyRuntime::bytecodeRefused()
{
    PolicyRuntime rt;
    const auto error = rt.load(QByteArray("\x1bLua\x54\x00", 6), QStringLiteral("policy.luac"));
    QVERIFY(error);
    QCOMPARE(error->kind, LuaError::Kind::Syntax);
    QVERIFY2(error->message.contains(u"binary chunk"_qs), qPrintable(error->message));

    // load() inside the policy is text-only too, whatever mode the policy asks for.
    QVERIFY(!rt.load(handlerPolicy("local f, err = load('\\27Lua\\84\\0', 'x', 'b')\nreturn err"),
                     QStringLiteral("policy.lua")));
    const EventCall call = callDefault(rt);
    QVERIFY(!call.error);
    QVERIFY2(call.returned.string.contains(u"binary chunk"_qs), qPrintable(call.returned.string));

    // Finalizers run with hooks off, so the sandbox refuses them.
    const auto gcError =
        rt.load("setmetatable({}, { __gc = function() while true do end end })", QStringLiteral("gc.lua"));
    QVERIFY(gcError);
    QVERIFY(gcError->message.contains(u"__gc"_qs));
}

void TestPolicyRuntime::permissions()
{
    RuntimeOptions allowed;
    allowed.allowOsExecute = true;
    allowed.allowIoPopen = true;
    PolicyRuntime rt(allowed);
    QVERIFY(!rt.load(handlerPolicy("return type(os.execute) .. type(io.popen) .. type(io.open)"),
                     QStringLiteral("policy.lua")));
    QCOMPARE(callDefault(rt).returned.string, u"functionfunctionnil"_qs);
}

void TestPolicyRuntime::limits_data()
{
    QTest::addColumn<QByteArray>("policy");
    QTest::addColumn<qint64>("instructionLimit"); // negative: default, and a memory cap of -n MiB
    QTest::addColumn<int>("timeLimitMs");
    // Either CPU limit may fire first on a loaded machine unless the other one is switched off.
    QTest::addColumn<QList<LuaError::Kind>>("kinds");
    QTest::addColumn<QString>("messagePart");

    const QList<LuaError::Kind> cpu = {LuaError::Kind::InstructionLimit, LuaError::Kind::TimeLimit};
    const QList<LuaError::Kind> memory = {LuaError::Kind::Memory};
    const qint64 defaultInstructions = RuntimeOptions().instructionLimit;
    const int defaultMs = RuntimeOptions().timeLimitMs;

    QTest::newRow("endless loop") << QByteArray("while true do end") << defaultInstructions << defaultMs << cpu
                                  << u"limit exceeded"_qs;
    QTest::newRow("endless loop, instruction budget only")
        << QByteArray("while true do end") << defaultInstructions << 0
        << QList<LuaError::Kind>{LuaError::Kind::InstructionLimit} << u"instruction limit exceeded"_qs;
    QTest::newRow("endless loop, deadline only")
        << QByteArray("local n = 0\nwhile true do n = n + 1 end") << qint64(0) << defaultMs
        << QList<LuaError::Kind>{LuaError::Kind::TimeLimit} << u"time limit exceeded"_qs;
    QTest::newRow("pcall-wrapped endless loop")
        << QByteArray("while true do pcall(function() while true do end end) end") << defaultInstructions << defaultMs
        << cpu << u"limit exceeded"_qs;
    QTest::newRow("coroutine endless loop")
        << QByteArray("while true do coroutine.resume(coroutine.create(function() while true do end end)) end")
        << defaultInstructions << defaultMs << cpu << u"limit exceeded"_qs;
    // Touching the default cap can take longer than the deadline on a slow VM (page faults), so
    // the default-cap rows accept the time limit too. The 8 MiB rows are about the memory cap:
    // they get a generous deadline so a loaded machine cannot make the time limit win the race.
    const int memoryRowMs = 5000;
    const QList<LuaError::Kind> memoryOrTime = {LuaError::Kind::Memory, LuaError::Kind::TimeLimit};
    QTest::newRow("runaway allocation") << QByteArray(
                                               "local t = {}\nwhile true do t[#t + 1] = string.rep('x', 1e6) end")
                                        << defaultInstructions << defaultMs << memoryOrTime << u"limit exceeded"_qs;
    QTest::newRow("runaway allocation, 8 MiB cap")
        << QByteArray("local t = {}\nwhile true do t[#t + 1] = string.rep('x', 1e6) end") << qint64(-8) << memoryRowMs
        << memory << u"memory limit exceeded: the policy needed more than 8 MiB"_qs;
    QTest::newRow("pcall-wrapped allocation")
        << QByteArray("local t = {}\npcall(function() while true do t[#t + 1] = string.rep('x', 1e6) end end)\n"
                      "while true do t[#t + 1] = {} end")
        << qint64(-8) << defaultMs
        << QList<LuaError::Kind>{LuaError::Kind::Memory, LuaError::Kind::InstructionLimit, LuaError::Kind::TimeLimit}
        << u"exceeded"_qs;
    // Growing Lua's stack to its 1M-slot limit may take longer than the deadline on a slow VM,
    // and the stack alone can reach the default memory cap first: any of these stops it.
    QTest::newRow("deep recursion") << QByteArray("local function f(n)\n  return f(n + 1) + 1\nend\nf(1)\n")
                                    << defaultInstructions << defaultMs
                                    << QList<LuaError::Kind>{LuaError::Kind::Runtime, LuaError::Kind::TimeLimit,
                                                             LuaError::Kind::InstructionLimit, LuaError::Kind::Memory}
                                    << QString();
    QTest::newRow("string.rep bomb") << QByteArray("local s = string.rep('x', 1e9)") << defaultInstructions << defaultMs
                                     << memory << u"memory limit exceeded"_qs;
    QTest::newRow("doubling string") << QByteArray("local s = 'x'\nwhile true do s = s .. s end") << defaultInstructions
                                     << defaultMs << memoryOrTime << u"limit exceeded"_qs;
    QTest::newRow("doubling string, 8 MiB cap") << QByteArray("local s = 'x'\nwhile true do s = s .. s end")
                                                << qint64(-8) << memoryRowMs << memory << u"memory limit exceeded"_qs;
}

void TestPolicyRuntime::limits()
{
    QFETCH(QByteArray, policy);
    QFETCH(qint64, instructionLimit);
    QFETCH(int, timeLimitMs);
    QFETCH(QList<LuaError::Kind>, kinds);
    QFETCH(QString, messagePart);

    RuntimeOptions options;
    if (instructionLimit < 0)
        options.memoryLimitBytes = -instructionLimit * 1024 * 1024;
    else
        options.instructionLimit = instructionLimit;
    options.timeLimitMs = timeLimitMs;
    PolicyRuntime rt(options);
    QElapsedTimer timer;
    timer.start();
    const auto error = rt.load(policy, QStringLiteral("limits.lua"));
    const qint64 elapsed = timer.elapsed();
    qInfo("%s stopped after %lld ms", QTest::currentDataTag(), elapsed);
    QVERIFY(error);
    QVERIFY2(kinds.contains(error->kind), qPrintable(error->message));
    QVERIFY2(error->message.contains(messagePart), qPrintable(error->message));
    // The limits aim at 100 ms; the bound here leaves room for a loaded 2-core CI machine.
    QVERIFY2(elapsed < 1000, qPrintable(QString::number(elapsed)));
    if (error->kind != LuaError::Kind::Memory) {
        QCOMPARE(error->chunk, u"limits.lua"_qs);
        QVERIFY(error->line > 0);
        QVERIFY(!error->traceback.isEmpty());
    }

    // The state is still usable: a fresh call gets a fresh budget and memory is back.
    const auto next = rt.load(handlerPolicy("local t = {}\nfor i = 1, 1000 do t[i] = string.rep('y', 1000) end\n"
                                            "return #t"),
                              QStringLiteral("next.lua"));
    QVERIFY2(!next, qPrintable(next ? next->message : QString()));
    const EventCall call = callDefault(rt);
    QVERIFY2(!call.error, qPrintable(call.error ? call.error->message : QString()));
    QCOMPARE(call.returned.integer, 1000);
}

void TestPolicyRuntime::limitsInHandlerLeaveRuntimeUsable()
{
    PolicyRuntime rt;
    QVERIFY(!rt.load(handlerPolicy("if response == 'loop' then while true do end end\n"
                                   "if response == 'eat' then local t = {} while true do t[#t + 1] = "
                                   "string.rep('x', 1e6) end end\nreturn 550"),
                     QStringLiteral("policy.lua")));
    for (const char *kind : {"loop", "eat"}) {
        QElapsedTimer timer;
        timer.start();
        const EventCall bad = rt.callRewriteEvent(QString::fromLatin1(kind), {}, {}, {}, {});
        qInfo("handler '%s' stopped after %lld ms", kind, timer.elapsed());
        QVERIFY(bad.error);
        QVERIFY(bad.error->kind != LuaError::Kind::Runtime);
        if (bad.error->kind != LuaError::Kind::Memory)
            QCOMPARE(bad.error->line, qstrcmp(kind, "loop") == 0 ? 2 : 3);
        const EventCall good = callDefault(rt);
        QVERIFY2(!good.error, qPrintable(good.error ? good.error->message : QString()));
        QCOMPARE(good.returned.integer, 550);
    }
}

QTEST_GUILESS_MAIN(TestPolicyRuntime)
#include "TestPolicyRuntime.moc"
