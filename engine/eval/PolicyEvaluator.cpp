// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "eval/PolicyEvaluator.h"

#include <cmath>

#include <QCoreApplication>

#include "common/DeliveryRules.h"
#include "common/InternalResponse.h"
#include "eval/LogRecordBuilder.h"

namespace Dsn::Eval {

namespace {

bool isConnectionPhase(SmtpPhase p)
{
    return p == SmtpPhase::Connect || p == SmtpPhase::Greeting || p == SmtpPhase::Ehlo || p == SmtpPhase::StartTls
        || p == SmtpPhase::Auth || p == SmtpPhase::Quit;
}

QString commandFor(const EvalInput &in, const QString &recipient)
{
    if (in.commandless)
        return QString();
    if (!in.command.isNull())
        return in.command;
    return smtpCommandFor(in.phase, in.sender, recipient);
}

QString shorten(const QString &s, int max = 60)
{
    return s.size() <= max ? s : s.left(max - 1) + QChar(0x2026);
}

QJsonValue luaValueToJson(const Lua::LuaValue &v)
{
    using K = Lua::LuaValue::Kind;
    switch (v.kind) {
    case K::None:
    case K::Nil:
        return QJsonValue();
    case K::Boolean:
        return v.boolean;
    case K::Integer:
        return v.integer;
    case K::Number:
        return v.number;
    case K::String:
        return v.string;
    default:
        return QStringLiteral("<%1>").arg(v.typeName);
    }
}

/// KumoMTA converts the handler's value to a u16 (mlua semantics); nullopt = keep the reply.
/// Returns an error text when the value cannot become a status code.
std::optional<int> toStatusCode(const Lua::LuaValue &v, QString *error)
{
    using K = Lua::LuaValue::Kind;
    auto range = [error](double d, const QString &type) -> std::optional<int> {
        if (!std::isfinite(d) || d < 0 || d >= 65536) {
            *error = QStringLiteral("error converting Lua %1 to u16 (out of range)").arg(type);
            return std::nullopt;
        }
        return int(std::trunc(d));
    };
    switch (v.kind) {
    case K::None:
    case K::Nil:
        return std::nullopt;
    case K::Integer:
        if (v.integer < 0 || v.integer > 65535) {
            *error = QStringLiteral("error converting Lua integer to u16 (out of range)");
            return std::nullopt;
        }
        return int(v.integer);
    case K::Number:
        return range(v.number, QStringLiteral("number"));
    case K::String: {
        bool ok = false;
        const double d = v.string.trimmed().toDouble(&ok);
        if (!ok) {
            *error = QStringLiteral("error converting Lua string to u16");
            return std::nullopt;
        }
        return range(d, QStringLiteral("string"));
    }
    default:
        *error = QStringLiteral("error converting Lua %1 to u16").arg(v.typeName.isEmpty() ? QStringLiteral("value")
                                                                                          : v.typeName);
        return std::nullopt;
    }
}

} // namespace

QString PolicyEvaluator::defaultTablePath()
{
    return QStringLiteral("/tmp/dsn_rewrite.json");
}

QByteArray PolicyEvaluator::builtinPolicy(const QString &tablePath)
{
    // Same moving parts as the reference page's example: a memoized regex-set map built from a
    // JSON table, looked up with the event's response string.
    QByteArray path = tablePath.toUtf8();
    path.replace('\\', "\\\\").replace('\'', "\\'");
    return QByteArrayLiteral("-- Built-in policy (DSN Workbench): the reference page's example.\n"
                             "local kumo = require 'kumo'\n"
                             "\n"
                             "local rewrite_map = kumo.memoize(function()\n"
                             "  return kumo.regex_set_map.new(kumo.json_load '")
        + path
        + QByteArrayLiteral("')\n"
                            "end, { name = 'dsn_rewrite', ttl = '5 minutes', capacity = 1 })\n"
                            "\n"
                            "kumo.on('smtp_client_rewrite_delivery_status',\n"
                            "  function(response, domain, tenant, campaign, routing_domain)\n"
                            "    return rewrite_map()[response]\n"
                            "  end)\n");
}

PolicyEvaluator::PolicyEvaluator(EvaluatorConfig config)
    : m_config(std::move(config))
{
    if (m_config.tablePath.isEmpty())
        m_config.tablePath = defaultTablePath();
    // A bad classifier file must not stop the rewrite preview: outcomes stay Uncategorized and
    // diagnostics() says why.
    if (!m_config.classifier && !m_config.classifierFiles.isEmpty()) {
        auto classifier = BounceClassifier::fromFiles(m_config.classifierFiles);
        if (classifier)
            m_config.classifier = *classifier;
        else
            m_classifierError = classifier.error();
    }
    m_runtime = std::make_unique<Lua::PolicyRuntime>(m_config.runtime);
    m_runtime->bindJson(m_config.tablePath, Rules::RegexRule::listToJson(m_config.rules));
    QByteArray source = m_config.policySource;
    QString name = m_config.policyName;
    if (source.trimmed().isEmpty()) {
        source = builtinPolicy(m_config.tablePath);
        name = QStringLiteral("builtin-policy.lua");
    }
    m_loadError = m_runtime->load(source, name);
}

PolicyEvaluator::~PolicyEvaluator() = default;

QList<Diagnostic> PolicyEvaluator::diagnostics() const
{
    QList<Diagnostic> out;
    if (m_loadError)
        out.append(m_loadError->toDiagnostic());
    if (m_classifierError)
        out.append(*m_classifierError);
    out.append(m_runtime->warnings());
    return out;
}

EvalResult PolicyEvaluator::evaluateOutcome(const EvalInput &input)
{
    return evaluateAs(input, m_config.profile, Detail::OutcomeOnly);
}

EvalResult PolicyEvaluator::evaluate(const EvalInput &input)
{
    EvalResult r = evaluateAs(input, m_config.profile, Detail::Full);
    if (!m_config.compareProfiles || r.inputError)
        return r;
    const CompatProfile other = m_config.profile == CompatProfile::Documented ? CompatProfile::V2026_06
                                                                              : CompatProfile::Documented;
    // Only the other profile's record type, code and event call are compared: it needs no log
    // record, spans or explanation, which are most of an evaluation's cost.
    const EvalResult o = evaluateAs(input, other, Detail::OutcomeOnly);
    if (o.recordType != r.recordType || o.response.code != r.response.code || o.eventCalled != r.eventCalled) {
        r.profileSensitive = true;
        const QString outcome = o.response.code == r.response.code
            ? recordTypeName(o.recordType)
            : QStringLiteral("%1 with code %2").arg(recordTypeName(o.recordType)).arg(o.response.code);
        r.profileNote = QCoreApplication::translate("PolicyEvaluator", "profile-sensitive: under %1 this sample is a %2").arg(compatProfileId(other), outcome);
        if (!o.eventCalled && r.eventCalled)
            r.profileNote += QCoreApplication::translate("PolicyEvaluator", " (the event is not called)");
        else if (o.eventCalled && !r.eventCalled)
            r.profileNote += QCoreApplication::translate("PolicyEvaluator", " (the event is called)");
    }
    return r;
}

EvalResult PolicyEvaluator::evaluateAs(const EvalInput &input, CompatProfile profile, Detail detail)
{
    const bool full = detail == Detail::Full;
    EvalResult r;
    r.profile = profile;
    r.phase = input.phase;
    r.queue = QueueName::parse(input.queue.isEmpty() ? m_config.defaultQueue : input.queue);
    const QString recipient = input.recipient.isEmpty() ? QStringLiteral("user@") + r.queue.domain : input.recipient;

    // Only a full result carries a log record; a replay evaluates millions of replies without one.
    LogRecordBuilder::Fields log;
    if (full) {
        log.queue = r.queue.toString();
        log.sender = input.sender;
        log.recipient = recipient;
        log.idSeed = log.queue + QLatin1Char('\n') + smtpPhaseName(input.phase) + QLatin1Char('\n') + input.response;
    }

    auto parsed = SmtpResponse::parse(input.response, profile);
    if (!parsed) {
        // KumoMTA cannot act on a malformed reply: it logs a synthesised 400 and never calls the event.
        r.inputError = parsed.error();
        r.response = InternalResponse::sendFailed(parsed.error().message);
        r.originalCode = r.response.code;
        r.recordType = RecordType::TransientFailure;
        r.explanation = QCoreApplication::translate("PolicyEvaluator", "The reply is malformed (%1), so KumoMTA records a 400 TransientFailure without calling "
                           "the event.")
                            .arg(parsed.error().message);
        classify(r, r.response);
        log.bounceClassification = r.bounceClassification;
        log.type = r.recordType;
        log.response = r.response;
        if (full)
            r.logRecord = LogRecordBuilder::build(log, m_config.runtime.clock ? *m_config.runtime.clock : Clock::system());
        return r;
    }

    SmtpResponse response = std::move(*parsed);
    response.command = commandFor(input, recipient);
    r.originalCode = response.code;
    r.eventCalled = DeliveryRules::eventFires(input.phase, response.code, profile);

    QString why;
    if (!r.eventCalled) {
        if (full)
            why = DeliveryRules::triggerExplanation(input.phase, response.code, profile);
    } else if (m_loadError) {
        r.policyError = m_loadError->toDiagnostic();
        r.policyError->message = QCoreApplication::translate("PolicyEvaluator", "the policy failed to load: %1").arg(m_loadError->message);
        r.eventCalled = false;
        why = QCoreApplication::translate("PolicyEvaluator", "The policy did not load, so no handler ran and the %1 reply stands.").arg(response.code);
    } else {
        // A reply already in its printed form (nearly every logged one) is its own single line.
        r.eventResponse = response.isSingleLineOf(input.response) ? input.response : response.toSingleLine(profile);
        const Lua::EventCall call = m_runtime->callRewriteEvent(r.eventResponse, r.queue.domain, r.queue.tenant,
                                                               r.queue.campaign, r.queue.eventRoutingDomain());
        r.policyLog = call.log;
        r.handlerReturned = luaValueToJson(call.returned);
        for (const Lua::RegexLookupTrace &t : call.lookups) {
            if (!t.map)
                continue;
            for (int idx : t.result.matches) {
                MatchedRule m;
                m.index = idx;
                m.pattern = t.map->rules().at(idx).pattern;
                m.value = t.map->rules().at(idx).value;
                if (auto span = full ? t.map->matchSpan(idx, t.subject) : std::nullopt) {
                    m.spanStart = span->first;
                    m.spanLength = span->second;
                }
                r.matched.append(m);
                if (t.result.ambiguous && !r.possibleValues.contains(m.value))
                    r.possibleValues.append(m.value);
            }
            r.ambiguous = r.ambiguous || t.result.ambiguous;
        }

        if (!call.handlerFound) {
            r.eventCalled = false;
            why = QCoreApplication::translate("PolicyEvaluator", "The policy registers no smtp_client_rewrite_delivery_status handler, so the %1 reply stands.")
                      .arg(response.code);
        } else if (call.error) {
            Diagnostic d = call.error->toDiagnostic();
            d.message = QStringLiteral("smtp_client_rewrite_delivery_status event failed: %1. Preserving original DSN")
                            .arg(call.error->message);
            r.policyError = d;
            why = QCoreApplication::translate("PolicyEvaluator", "The handler raised an error, so KumoMTA keeps the original %1.").arg(response.code);
        } else {
            QString convError;
            const std::optional<int> newCode = toStatusCode(call.returned, &convError);
            if (!convError.isEmpty()) {
                r.policyError = Diagnostic::error(
                    QStringLiteral("lua-bad-return"),
                    QStringLiteral("smtp_client_rewrite_delivery_status event failed: %1. Preserving original DSN")
                        .arg(convError),
                    m_config.policyName);
                why = QCoreApplication::translate("PolicyEvaluator", "The handler returned %1, which is not a status code, so KumoMTA keeps the original %2.")
                          .arg(call.returned.toDisplayString())
                          .arg(response.code);
            } else if (!newCode || *newCode == response.code) {
                // Only a full result explains itself: the sentences cost more than the lookup.
                if (full) {
                    const QString ruleText = r.matched.isEmpty()
                        ? QCoreApplication::translate("PolicyEvaluator", "No rule matched")
                        : QCoreApplication::translate("PolicyEvaluator", "Rule %1 (%2) matched").arg(r.matched.first().index + 1).arg(shorten(r.matched.first().pattern));
                    why = newCode ? QCoreApplication::translate("PolicyEvaluator", "%1 and the handler returned the same code %2, so nothing changes.")
                                        .arg(ruleText)
                                        .arg(*newCode)
                                  : QCoreApplication::translate("PolicyEvaluator", "%1 and the handler returned nil, so the %2 reply stands.").arg(ruleText).arg(response.code);
                }
            } else {
                response.content += QStringLiteral(" (kumomta: status was rewritten from %1 -> %2)")
                                        .arg(response.code)
                                        .arg(*newCode);
                response.code = *newCode;
                r.rewritten = true;
                if (full)
                    why = r.matched.isEmpty()
                        ? QCoreApplication::translate("PolicyEvaluator", "The handler returned %1 instead of %2.").arg(*newCode).arg(r.originalCode)
                        : QCoreApplication::translate("PolicyEvaluator", "Rule %1 (%2) matched and the handler returned %3 instead of %4.")
                              .arg(r.matched.first().index + 1)
                              .arg(shorten(r.matched.first().pattern))
                              .arg(*newCode)
                              .arg(r.originalCode);
                if (full && r.ambiguous)
                    why += QLatin1Char(' ') + QCoreApplication::translate("PolicyEvaluator", "Other matching rules return different values, and KumoMTA may pick any of them.");
            }
        }
    }

    r.response = response;
    // The classifier reads the logged (rewritten) line; its label can settle §6's 452/552 case.
    classify(r, *parsed);
    log.bounceClassification = r.bounceClassification;
    QString dispositionText;
    if (isConnectionPhase(input.phase)) {
        r.recordType = RecordType::TransientFailure;
        dispositionText = QCoreApplication::translate("PolicyEvaluator", "KumoMTA logs it as a TransientFailure and tries again later.");
    } else if (input.phase == SmtpPhase::Data && response.code == 354) {
        r.recordType = RecordType::Delivery;
        dispositionText = QCoreApplication::translate("PolicyEvaluator", "The message body is sent next; no failure is recorded.");
    } else {
        const QString label = m_config.classifier ? r.bounceClassification : QString();
        if (full) {
            const DeliveryRules::Disposition disp =
                DeliveryRules::classify(response.code, response.enhancedCode, input.phase, profile, label);
            r.recordType = disp.type;
            dispositionText = disp.explanation;
        } else {
            // A replay reads millions of outcomes and no explanation.
            r.recordType = DeliveryRules::recordType(response.code, response.enhancedCode, input.phase, profile, label);
        }
    }
    if (!full)
        return r;
    r.explanation = why + QLatin1Char(' ') + dispositionText;
    if (r.classificationChanged()) {
        r.explanation += QLatin1Char(' ')
            + QCoreApplication::translate("PolicyEvaluator", "The rewrite also changes the bounce classification from %1 to %2.")
                  .arg(r.classificationBeforeRewrite, r.bounceClassification);
    }

    log.type = r.recordType;
    log.response = r.response;
    r.logRecord = LogRecordBuilder::build(log, m_config.runtime.clock ? *m_config.runtime.clock : Clock::system());
    return r;
}

void PolicyEvaluator::classify(EvalResult &r, const SmtpResponse &original) const
{
    if (!m_config.classifier)
        return;
    // KumoMTA classifies the logged line, whose line breaks are spaces under either profile.
    r.bounceClassification = m_config.classifier->classify(r.response.toSingleLine(CompatProfile::V2026_06));
    if (r.rewritten)
        r.classificationBeforeRewrite = m_config.classifier->classify(original.toSingleLine(CompatProfile::V2026_06));
}

} // namespace Dsn::Eval
