// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <memory>
#include <optional>

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include "common/CompatProfile.h"
#include "common/Diagnostic.h"
#include "common/SmtpResponse.h"
#include "eval/BounceClassifier.h"
#include "eval/EvalInput.h"
#include "eval/EvalResult.h"
#include "lua/LuaError.h"
#include "lua/PolicyRuntime.h"
#include "rules/RegexRule.h"

namespace Dsn::Eval {

struct EvaluatorConfig
{
    CompatProfile profile = CompatProfile::Documented;
    /// The table being edited; kumo.json_load(tablePath) returns it.
    QList<Rules::RegexRule> rules;
    QString tablePath;   ///< empty: PolicyEvaluator::defaultTablePath()
    /// Lua policy text; empty: the built-in policy equivalent to the reference page's example.
    QByteArray policySource;
    QString policyName = QStringLiteral("policy.lua");
    QString defaultQueue = QStringLiteral("example.com");
    Lua::RuntimeOptions runtime;
    /// Also evaluate under the other profile and flag outcomes that differ.
    bool compareProfiles = true;
    /// Labels every outcome's log record (spec §10); none means "Uncategorized".
    std::shared_ptr<const BounceClassifier> classifier;
    /// Bounce classifier rule files (TOML or JSON, absolute or relative to the working folder),
    /// tried in this order. Read when the evaluator is built, unless `classifier` is already set.
    QStringList classifierFiles;
};

/**
 * Runs rejected replies through a policy exactly as KumoMTA's SMTP client would: parse the
 * reply, decide whether smtp_client_rewrite_delivery_status fires, call it with the single-line
 * response and the queue name's parts, apply the returned code, and derive record type, log
 * record and explanation.
 *
 * Owns a Lua state, so one evaluator belongs to one thread. Building one loads the policy;
 * a policy that fails to load leaves every evaluation unchanged and reports the error.
 */
class PolicyEvaluator
{
public:
    explicit PolicyEvaluator(EvaluatorConfig config);
    ~PolicyEvaluator();
    PolicyEvaluator(const PolicyEvaluator &) = delete;
    PolicyEvaluator &operator=(const PolicyEvaluator &) = delete;

    const EvaluatorConfig &config() const { return m_config; }
    const std::optional<Lua::LuaError> &loadError() const { return m_loadError; }
    /// The classifier in use: the config's, or the one read from `classifierFiles`.
    const std::shared_ptr<const BounceClassifier> &classifier() const { return m_config.classifier; }
    /// Load error (if any), a classifier file that failed to load (outcomes are then
    /// Uncategorized) and the runtime's warnings (unknown kumo.* calls, stand-in modules).
    QList<Diagnostic> diagnostics() const;

    EvalResult evaluate(const EvalInput &input);
    /// The outcome only, under the configured profile: event call, matched rules (without
    /// spans), final response, record type and bounce classification; no log record,
    /// explanation or profile comparison. What a replay of millions of records needs.
    EvalResult evaluateOutcome(const EvalInput &input);

    /// The seed's path: /tmp/dsn_rewrite.json, so the reference page's policy runs unchanged.
    static QString defaultTablePath();
    /// A policy equivalent to the reference page's example, reading `tablePath`.
    static QByteArray builtinPolicy(const QString &tablePath);

private:
    /// How much of a result to fill: everything, or just what the profile comparison reads.
    enum class Detail
    {
        Full,
        OutcomeOnly,
    };
    EvalResult evaluateAs(const EvalInput &input, CompatProfile profile, Detail detail);

    /// Sets the result's labels (after the rewrite, and before it when the rewrite changed the line).
    void classify(EvalResult &r, const SmtpResponse &original) const;

    EvaluatorConfig m_config;
    std::unique_ptr<Lua::PolicyRuntime> m_runtime;
    std::optional<Lua::LuaError> m_loadError;
    std::optional<Diagnostic> m_classifierError;
};

} // namespace Dsn::Eval
