// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "sandbox/ScenarioRule.h"

#include <algorithm>

#include <QCoreApplication>
#include <QJsonObject>

namespace Dsn::Sandbox {

namespace {

Diagnostic ruleError(const QString &sourceName, int index, const QString &code, const QString &message)
{
    Diagnostic d = Diagnostic::error(code, message, sourceName);
    d.ruleIndex = index;
    return d;
}

std::optional<QString> unknownKey(const QJsonObject &o, const QStringList &known)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!known.contains(it.key()))
            return it.key();
    }
    return std::nullopt;
}

// Non-negative whole numbers only: a fractional or negative delay or limit is a typo, not a wish.
std::optional<qint64> wholeNumber(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (d < 0 || d > 9e15 || d != double(qint64(d)))
        return std::nullopt;
    return qint64(d);
}

bool phaseIn(SmtpPhase p, std::initializer_list<SmtpPhase> list)
{
    return std::find(list.begin(), list.end(), p) != list.end();
}

} // namespace

Result<ScenarioRule> ScenarioRule::fromJson(const QJsonValue &value, int index, const QString &sourceName)
{
    const QString where = QStringLiteral("rules[%1]").arg(index);
    auto fail = [&](const QString &code, const QString &message) {
        return ruleError(sourceName, index, code, where + QStringLiteral(": ") + message);
    };
    if (!value.isObject())
        return fail(QStringLiteral("scenario-rule"), QCoreApplication::translate("ScenarioRule", "expected an object"));
    const QJsonObject o = value.toObject();
    if (auto key = unknownKey(o, {QStringLiteral("phase"), QStringLiteral("match"), QStringLiteral("reply"),
                                  QStringLiteral("delay_ms"), QStringLiteral("action"), QStringLiteral("state"),
                                  QStringLiteral("comment")}))
        return fail(QStringLiteral("scenario-rule"), QCoreApplication::translate("ScenarioRule", "unknown key '%1'").arg(*key));

    ScenarioRule rule;
    rule.index = index;
    rule.comment = o.value(QStringLiteral("comment")).toString();

    const QString phaseName = o.value(QStringLiteral("phase")).toString();
    const auto phase = smtpPhaseFromName(phaseName);
    if (!phase)
        return fail(QStringLiteral("scenario-phase"),
                    QCoreApplication::translate("ScenarioRule", "unknown phase '%1' (use connect, EHLO, STARTTLS, MAIL FROM, RCPT TO, DATA, end of data, RSET "
                       "or QUIT)")
                        .arg(phaseName));
    // The corpus writes "connect/greeting" and "AUTH/STARTTLS"; both name one sandbox phase.
    rule.phase = *phase == SmtpPhase::Greeting ? SmtpPhase::Connect
                 : *phase == SmtpPhase::Auth   ? SmtpPhase::StartTls
                                               : *phase;

    const QJsonValue match = o.value(QStringLiteral("match"));
    if (!match.isUndefined()) {
        if (!match.isObject())
            return fail(QStringLiteral("scenario-rule"), QCoreApplication::translate("ScenarioRule", "'match' must be an object"));
        const QJsonObject m = match.toObject();
        if (auto key = unknownKey(m, {QStringLiteral("client"), QStringLiteral("helo"), QStringLiteral("sender"),
                                      QStringLiteral("recipient")}))
            return fail(QStringLiteral("scenario-rule"), QCoreApplication::translate("ScenarioRule", "unknown match key '%1'").arg(*key));
        struct Field
        {
            const char *key;
            QRegularExpression *re;
            bool allowed;
        };
        const SmtpPhase p = rule.phase;
        const bool afterMail =
            phaseIn(p, {SmtpPhase::MailFrom, SmtpPhase::RcptTo, SmtpPhase::Data, SmtpPhase::EndOfData});
        const Field fields[] = {
            {"client", &rule.client, true},
            {"helo", &rule.helo, p != SmtpPhase::Connect},
            {"sender", &rule.sender, afterMail},
            {"recipient", &rule.recipient, afterMail && p != SmtpPhase::MailFrom},
        };
        for (const Field &f : fields) {
            const QString key = QString::fromLatin1(f.key);
            if (!m.contains(key))
                continue;
            if (!m.value(key).isString())
                return fail(QStringLiteral("scenario-rule"),
                            QCoreApplication::translate("ScenarioRule", "match '%1' must be a string (a regular expression)").arg(key));
            if (!f.allowed)
                return fail(QStringLiteral("scenario-match"),
                            QCoreApplication::translate("ScenarioRule", "'%1' is not known yet at phase %2").arg(key, smtpPhaseName(rule.phase)));
            *f.re = QRegularExpression(m.value(key).toString(), QRegularExpression::CaseInsensitiveOption);
            if (!f.re->isValid()) {
                Diagnostic d = fail(QStringLiteral("regex-parse"), QCoreApplication::translate("ScenarioRule", "match '%1': %2").arg(key, f.re->errorString()));
                d.pattern = f.re->pattern();
                d.position = int(f.re->patternErrorOffset());
                return d;
            }
        }
    }

    const QString action = o.value(QStringLiteral("action")).toString(QStringLiteral("reply"));
    if (action == QLatin1String("drop"))
        rule.action = Action::Drop;
    else if (action != QLatin1String("reply"))
        return fail(QStringLiteral("scenario-rule"), QCoreApplication::translate("ScenarioRule", "'action' must be \"reply\" or \"drop\""));

    if (o.contains(QStringLiteral("delay_ms"))) {
        const auto delay = wholeNumber(o.value(QStringLiteral("delay_ms")));
        if (!delay || *delay > 600'000)
            return fail(QStringLiteral("scenario-rule"), QCoreApplication::translate("ScenarioRule", "'delay_ms' must be a whole number from 0 to 600000"));
        rule.delayMs = int(*delay);
    }

    if (o.contains(QStringLiteral("reply"))) {
        auto reply = ScriptedReply::fromJson(o.value(QStringLiteral("reply")), where + QStringLiteral(".reply"));
        if (!reply) {
            Diagnostic d = reply.error();
            d.source = sourceName;
            d.ruleIndex = index;
            return d;
        }
        rule.reply = reply.value();
    } else if (rule.action == Action::Reply) {
        return fail(QStringLiteral("scenario-rule"), QCoreApplication::translate("ScenarioRule", "a rule needs a 'reply' unless its action is \"drop\""));
    }
    if (rule.action == Action::Reply) {
        const int klass = rule.reply.code / 100;
        if (rule.phase == SmtpPhase::Data && klass == 2)
            return fail(QStringLiteral("scenario-reply"), QCoreApplication::translate("ScenarioRule", "DATA is accepted with 354, not a 2xx reply"));
        if (rule.phase != SmtpPhase::Data && klass == 3)
            return fail(QStringLiteral("scenario-reply"), QCoreApplication::translate("ScenarioRule", "a 3xx reply only makes sense for DATA"));
    }

    const QJsonValue state = o.value(QStringLiteral("state"));
    if (!state.isUndefined()) {
        const QJsonObject s = state.toObject();
        if (!state.isObject() || s.size() != 1)
            return fail(QStringLiteral("scenario-state"),
                        QCoreApplication::translate("ScenarioRule", "'state' must be an object with one of 'greylist', 'rate_limit' or 'quota'"));
        const QString kind = s.begin().key();
        const QJsonObject params = s.begin().value().toObject();
        auto number = [&](const char *key, qint64 fallback, qint64 scale) -> std::optional<qint64> {
            const QJsonValue v = params.value(QString::fromLatin1(key));
            if (v.isUndefined())
                return fallback * scale;
            const auto n = wholeNumber(v);
            return n ? std::optional<qint64>(*n * scale) : std::nullopt;
        };
        if (kind == QLatin1String("greylist")) {
            if (auto key = unknownKey(params, {QStringLiteral("retry_after_s"), QStringLiteral("retry_window_s"),
                                               QStringLiteral("remember_s")}))
                return fail(QStringLiteral("scenario-state"), QCoreApplication::translate("ScenarioRule", "unknown greylist key '%1'").arg(*key));
            if (!phaseIn(rule.phase, {SmtpPhase::MailFrom, SmtpPhase::RcptTo}))
                return fail(QStringLiteral("scenario-state"), QCoreApplication::translate("ScenarioRule", "greylisting applies at MAIL FROM or RCPT TO"));
            const auto after = number("retry_after_s", rule.greylist.retryAfterMs / 1000, 1000);
            const auto window = number("retry_window_s", rule.greylist.retryWindowMs / 1000, 1000);
            const auto remember = number("remember_s", rule.greylist.rememberMs / 1000, 1000);
            if (!after || !window || !remember || *window < *after)
                return fail(QStringLiteral("scenario-state"),
                            QCoreApplication::translate("ScenarioRule", "greylist times must be whole seconds, with retry_window_s ≥ retry_after_s"));
            rule.state = State::Greylist;
            rule.greylist = {*after, *window, *remember};
        } else if (kind == QLatin1String("rate_limit")) {
            if (auto key = unknownKey(params, {QStringLiteral("count"), QStringLiteral("max"),
                                               QStringLiteral("window_s"), QStringLiteral("per")}))
                return fail(QStringLiteral("scenario-state"), QCoreApplication::translate("ScenarioRule", "unknown rate_limit key '%1'").arg(*key));
            const QString count = params.value(QStringLiteral("count")).toString();
            if (count == QLatin1String("messages"))
                rule.rateLimit.counter = Counter::Messages;
            else if (count == QLatin1String("connections"))
                rule.rateLimit.counter = Counter::Connections;
            else
                return fail(QStringLiteral("scenario-state"),
                            QCoreApplication::translate("ScenarioRule", "rate_limit 'count' must be \"messages\" or \"connections\""));
            const auto max = wholeNumber(params.value(QStringLiteral("max")));
            const auto window = number("window_s", rule.rateLimit.windowMs / 1000, 1000);
            if (!max || *max < 1 || *max > 1'000'000 || !window || *window == 0)
                return fail(QStringLiteral("scenario-state"),
                            QCoreApplication::translate("ScenarioRule", "rate_limit needs 'max' from 1 to 1000000 and a positive 'window_s'"));
            const QString per = params.value(QStringLiteral("per")).toString(QStringLiteral("client"));
            if (per != QLatin1String("client") && per != QLatin1String("server"))
                return fail(QStringLiteral("scenario-state"), QCoreApplication::translate("ScenarioRule", "rate_limit 'per' must be \"client\" or \"server\""));
            rule.state = State::RateLimit;
            rule.rateLimit.max = int(*max);
            rule.rateLimit.windowMs = *window;
            rule.rateLimit.perClient = per == QLatin1String("client");
        } else if (kind == QLatin1String("quota")) {
            if (auto key = unknownKey(params, {QStringLiteral("bytes")}))
                return fail(QStringLiteral("scenario-state"), QCoreApplication::translate("ScenarioRule", "unknown quota key '%1'").arg(*key));
            if (!phaseIn(rule.phase, {SmtpPhase::RcptTo, SmtpPhase::Data, SmtpPhase::EndOfData}))
                return fail(QStringLiteral("scenario-state"),
                            QCoreApplication::translate("ScenarioRule", "a mailbox quota applies at RCPT TO, DATA or end of data"));
            const auto bytes = wholeNumber(params.value(QStringLiteral("bytes")));
            if (!bytes || *bytes == 0)
                return fail(QStringLiteral("scenario-state"), QCoreApplication::translate("ScenarioRule", "quota 'bytes' must be a positive whole number"));
            rule.state = State::Quota;
            rule.quota.bytes = *bytes;
        } else {
            return fail(QStringLiteral("scenario-state"), QCoreApplication::translate("ScenarioRule", "unknown state '%1'").arg(kind));
        }
    }
    return rule;
}

bool ScenarioRule::matchesRecipient(const QString &address) const
{
    return recipient.pattern().isEmpty() || recipient.match(address).hasMatch();
}

bool ScenarioRule::matches(const MatchContext &ctx) const
{
    auto ok = [](const QRegularExpression &re, const QString &value) {
        return re.pattern().isEmpty() || re.match(value).hasMatch();
    };
    if (!ok(client, ctx.client) || !ok(helo, ctx.helo) || !ok(sender, ctx.sender))
        return false;
    if (recipient.pattern().isEmpty())
        return true;
    if (!ctx.recipient.isNull())
        return matchesRecipient(ctx.recipient);
    return std::any_of(ctx.recipients.begin(), ctx.recipients.end(),
                       [this](const QString &r) { return matchesRecipient(r); });
}

} // namespace Dsn::Sandbox
