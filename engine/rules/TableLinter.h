// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include "common/CompatProfile.h"
#include "common/Diagnostic.h"
#include "rules/RegexRule.h"

namespace Dsn::Rules {

/**
 * Static checks on a kumo.regex_set_map rules table (pattern → SMTP code). Every Diagnostic
 * carries a stable `code`, the rule index and, where it applies, the position in the pattern:
 *
 * | code                | severity | what                                                          |
 * | ------------------- | -------- | ------------------------------------------------------------- |
 * | `regex-parse`       | error    | Rust's regex refuses the pattern: KumoMTA refuses the table    |
 * | `regex-dialect`     | warning  | valid Rust that PCRE/Boost read differently (e.g. `a++`)       |
 * | `not-smtp-code`     | error / warning | value not an integer 200–599 (digit string, fraction: warning) |
 * | `duplicate-pattern` | warning  | the same pattern twice (also duplicate JSON keys, lintJsonText) |
 * | `shadowed-pattern`  | warning  | an earlier rule matches everything this one matches           |
 * | `risky-rewrite`     | warning  | a 5xx rewrite that catches reputation / rate-limit deferrals  |
 * | `rewrite-to-2xx`    | warning  | the rewrite turns a failure into a delivery                   |
 * | `class-mismatch`    | warning  | enhanced code class 5 rewritten to 4xx, or 4 to 5xx            |
 * | `profile-sensitive` | warning  | the pattern matches under one compatibility profile only     |
 *
 * Shadowing is detected in these cases only (the general problem is regex inclusion):
 * identical translations (same pattern modulo flags or spelling, e.g. `(?m)x` and `x`), an
 * earlier pattern that matches every subject (the empty pattern), and an earlier pure literal
 * (no operators, anchors or classes) contained in a literal that every match of the later
 * pattern must contain, case-insensitively when the earlier one is `(?i)`.
 *
 * Stateless apart from the profile; thread-safe.
 */
class TableLinter
{
public:
    explicit TableLinter(CompatProfile profile = CompatProfile::Documented);

    QList<Diagnostic> lint(const QList<RegexRule> &rules) const;

    /**
     * Duplicate keys in the table's JSON text, which a JSON object silently collapses (the last
     * value wins). Each Diagnostic has code `duplicate-pattern`, the 1-based line of the repeated
     * key and, in its message, the line of the first one. Comments are allowed as in
     * RegexRule::listFromJson; text that is not JSON yields no diagnostics here.
     */
    static QList<Diagnostic> lintJsonText(const QByteArray &json, const QString &sourceName = {});

    /// Real deferral replies (reputation, rate limiting, greylisting) as the event receives
    /// them under this linter's profile; a 5xx rule matching one of them is risky.
    QStringList deferralSamples() const;

private:
    CompatProfile m_profile;
};

} // namespace Dsn::Rules
