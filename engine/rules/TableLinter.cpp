// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "rules/TableLinter.h"

#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include <QCoreApplication>
#include <QRegularExpression>

#include "common/JsonText.h"
#include "common/SmtpResponse.h"
#include "rules/CompiledPattern.h"
#include "rules/CompiledPatternCache.h"
#include "rules/RustRegexTranslator.h"
#include "rules/detail/UnicodeTables.h"

namespace Dsn::Rules {

namespace {

// Single-line replies as providers send them (addresses from the documentation ranges).
const QStringList &deferralReplies()
{
    static const QStringList s_replies = {
        QStringLiteral("421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or "
                       "user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes"),
        QStringLiteral("421 4.7.28 [192.0.2.1 15] Gmail has detected an unusual rate of unsolicited mail originating "
                       "from your DKIM domain [example.com 30]. To protect our users from spam, mail sent from your "
                       "domain has been temporarily rate limited. For more information, go to "
                       "https://support.google.com/mail/?p=UnsolicitedRateLimitError to review our Bulk Email Senders "
                       "Guidelines. - gsmtp"),
        QStringLiteral("421 4.7.0 [192.0.2.1] Our system has detected an unusual rate of unsolicited mail originating "
                       "from your IP address. To protect our users from spam, mail sent from your IP address has been "
                       "temporarily rate limited. Please visit https://support.google.com/mail/?p=UnsolicitedIPError "
                       "to review our Bulk Email Senders Guidelines. - gsmtp"),
        QStringLiteral("421 4.7.26 [192.0.2.1] This mail has been rate limited because it is unauthenticated. Gmail "
                       "requires all senders to authenticate with either SPF or DKIM. - gsmtp"),
        QStringLiteral("451 4.7.500 Server busy. Please try again later from [192.0.2.1]. (S77714) "
                       "[BN1NAM02FT012.eop-nam02.prod.protection.outlook.com]"),
        QStringLiteral(
            "451 4.7.650 The mail server [192.0.2.1] has been temporarily rate limited due to IP reputation. "
            "For e-mail delivery information, see https://aka.ms/postmaster (S775)"),
        QStringLiteral("421 4.7.0 Too many connections from 192.0.2.1, please try again later"),
        QStringLiteral(
            "450 4.7.1 <user@example.com>: Recipient address rejected: rate limited, please try again later"),
        QStringLiteral("451 4.7.1 Greylisted, please try again in 300 seconds"),
        QStringLiteral("421 4.7.1 Intrusion prevention active for [192.0.2.1], temporarily deferred"),
    };
    return s_replies;
}

// An integer SMTP code, or why the value is not one.
struct CodeCheck
{
    std::optional<int> code;
    bool lenient = false; // KumoMTA accepts it, but not as written (digit string, fraction)
    QString problem;
};

CodeCheck checkCode(const QJsonValue &value)
{
    CodeCheck c;
    double number = 0;
    if (value.isDouble()) {
        number = value.toDouble();
        if (number != std::trunc(number)) {
            c.lenient = true;
            c.problem =
                QCoreApplication::translate("TableLinter", "the value %1 is not an integer; KumoMTA truncates it")
                    .arg(number);
        }
    } else if (value.isString()) {
        bool ok = false;
        const QString s = value.toString();
        number = s.toInt(&ok);
        static const QRegularExpression s_digits(QStringLiteral("^[0-9]+$"));
        if (!ok || !s_digits.match(s).hasMatch()) {
            c.problem = QCoreApplication::translate("TableLinter", "the value \"%1\" is not an SMTP code").arg(s);
            return c;
        }
        c.lenient = true;
        c.problem =
            QCoreApplication::translate(
                "TableLinter", "the value \"%1\" is a string; KumoMTA accepts it as the number %1, but write it as a "
                               "number")
                .arg(s);
    } else {
        c.problem =
            QCoreApplication::translate(
                "TableLinter", "the value is not a number (%1); KumoMTA keeps the original reply and logs an error")
                .arg(value.isBool()    ? QStringLiteral("boolean")
                     : value.isNull()  ? QStringLiteral("null")
                     : value.isArray() ? QStringLiteral("array")
                                       : QStringLiteral("object"));
        return c;
    }
    const int code = int(std::trunc(number));
    if (code < 200 || code > 599) {
        c.lenient = false;
        c.problem =
            QCoreApplication::translate("TableLinter", "%1 is not an SMTP reply code between 200 and 599").arg(code);
        return c;
    }
    c.code = code;
    return c;
}

Diagnostic ruleDiagnostic(Diagnostic::Severity severity, const char *code, const QString &message, int index,
                          const QString &pattern, int position = -1)
{
    Diagnostic d = severity == Diagnostic::Severity::Error ? Diagnostic::error(QString::fromLatin1(code), message)
                                                           : Diagnostic::warning(QString::fromLatin1(code), message);
    d.ruleIndex = index;
    d.pattern = pattern;
    d.position = position;
    return d;
}

// Enhanced codes in the text a pattern requires, and in its source (for `5\.\d\.\d` styles).
std::set<QString> enhancedCodes(const QString &pattern, const QStringList &literals)
{
    std::set<QString> codes;
    static const QRegularExpression s_literal(QStringLiteral("(?<![0-9.])([245]\\.[0-9]{1,3}\\.[0-9]{1,3})(?![0-9])"));
    for (const QString &lit : literals) {
        for (auto it = s_literal.globalMatch(lit); it.hasNext();)
            codes.insert(it.next().captured(1));
    }
    static const QRegularExpression s_source(
        QStringLiteral("(?<![0-9\\\\])([245])\\\\\\.(?:[0-9]{1,3}|\\\\d|\\[0-9\\])"));
    for (auto it = s_source.globalMatch(pattern); it.hasNext();)
        codes.insert(it.next().captured(1));
    return codes;
}

struct Analysed
{
    std::shared_ptr<const CompiledPattern> compiled;
    RustRegexTranslator::Translation translation;
};

bool literalShadows(const RustRegexTranslator::Translation &earlier, const RustRegexTranslator::Translation &later)
{
    if (!earlier.isPureLiteral || earlier.requiredLiterals.isEmpty())
        return false;
    const QString &needle = earlier.requiredLiterals.first();
    const bool needleHasCase = Detail::UnicodeTables::simpleFold(needle) != needle || needle.toUpper() != needle;
    for (const QString &lit : later.requiredLiterals) {
        if (earlier.requiredLiteralsFoldCase) {
            if (Detail::UnicodeTables::simpleFold(lit).contains(needle))
                return true;
        } else if (!later.requiredLiteralsFoldCase || !needleHasCase) {
            if (lit.contains(needle))
                return true;
        }
    }
    return false;
}

} // namespace

TableLinter::TableLinter(CompatProfile profile) : m_profile(profile) {}

QStringList TableLinter::deferralSamples() const
{
    QStringList out;
    for (const QString &reply : deferralReplies()) {
        const auto parsed = SmtpResponse::parse(reply, m_profile);
        out << (parsed ? parsed->toSingleLine(m_profile) : reply);
    }
    return out;
}

QList<Diagnostic> TableLinter::lint(const QList<RegexRule> &rules) const
{
    using Severity = Diagnostic::Severity;
    QList<Diagnostic> out;
    std::vector<std::optional<Analysed>> analysed(size_t(rules.size()));
    std::map<QString, int> firstIndex;
    const QStringList samples = deferralSamples();

    for (int i = 0; i < rules.size(); ++i) {
        const RegexRule &rule = rules[i];
        const QString &pattern = rule.pattern;

        // --- the pattern ------------------------------------------------------------------
        const auto translated = RustRegexTranslator::translate(pattern);
        if (!translated) {
            QString message =
                QCoreApplication::translate("TableLinter", "regex parse error: %1").arg(translated.error().message);
            if (RustRegexTranslator::boostAcceptsVerbatim(pattern))
                message += QCoreApplication::translate(
                    "TableLinter", " (Boost.Regex and PCRE accept this pattern, but KumoMTA's Rust regex does not: "
                                   "KumoMTA would refuse the whole table)");
            else
                message += QCoreApplication::translate("TableLinter", " (KumoMTA would refuse the whole table)");
            out << ruleDiagnostic(Severity::Error, "regex-parse", message, i, pattern, translated.error().position);
        } else {
            for (const auto &f : translated->findings)
                out << ruleDiagnostic(Severity::Warning, "regex-dialect", f.message, i, pattern, f.position);
            // Shared with the maps the evaluators build, so linting after an edit reuses their work.
            auto compiled = CompiledPatternCache::instance().compile(pattern);
            if (compiled)
                analysed[size_t(i)] = Analysed{std::move(compiled.value()), *translated};
            else
                out << ruleDiagnostic(Severity::Error, "regex-parse", compiled.error().message, i, pattern, 0);
        }

        // --- the value --------------------------------------------------------------------
        const CodeCheck code = checkCode(rule.value);
        if (!code.problem.isEmpty()) {
            out << ruleDiagnostic(code.lenient && code.code ? Severity::Warning : Severity::Error, "not-smtp-code",
                                  code.problem, i, pattern);
        }

        // --- duplicates and shadowing -----------------------------------------------------
        if (const auto it = firstIndex.find(pattern); it != firstIndex.end()) {
            out << ruleDiagnostic(
                Severity::Warning, "duplicate-pattern",
                QCoreApplication::translate("TableLinter",
                                            "the pattern repeats rule %1; in a JSON table only one of them survives")
                    .arg(it->second + 1),
                i, pattern);
        } else {
            firstIndex.emplace(pattern, i);
            if (const auto &self = analysed[size_t(i)]) {
                for (int j = 0; j < i; ++j) {
                    const auto &earlier = analysed[size_t(j)];
                    if (!earlier)
                        continue;
                    QString why;
                    if (earlier->translation.boostPattern == self->translation.boostPattern)
                        why = QCoreApplication::translate("TableLinter", "it means the same as rule %1").arg(j + 1);
                    else if (earlier->translation.boostPattern.isEmpty())
                        why = QCoreApplication::translate("TableLinter", "rule %1 matches every reply").arg(j + 1);
                    else if (literalShadows(earlier->translation, self->translation))
                        why = QCoreApplication::translate("TableLinter",
                                                          "every match contains \"%1\", which rule %2 already matches")
                                  .arg(earlier->translation.requiredLiterals.first())
                                  .arg(j + 1);
                    if (why.isEmpty())
                        continue;
                    const bool sameValue = rules[j].value == rule.value;
                    out << ruleDiagnostic(
                        Severity::Warning, "shadowed-pattern",
                        (sameValue
                             ? QCoreApplication::translate("TableLinter", "never the first match: %1 (same value)")
                             : QCoreApplication::translate("TableLinter",
                                                           "never the first match: %1; KumoMTA may return either "
                                                           "value"))
                            .arg(why),
                        i, pattern);
                    break;
                }
            }
        }

        // --- what the rewrite does ---------------------------------------------------------
        if (!code.code)
            continue;
        const int value = *code.code;
        const auto &self = analysed[size_t(i)];
        const QStringList literals = self ? self->translation.requiredLiterals : QStringList();
        if (value >= 200 && value < 300) {
            out << ruleDiagnostic(
                Severity::Warning, "rewrite-to-2xx",
                QCoreApplication::translate("TableLinter",
                                            "rewriting to %1 records a failed delivery as delivered and drops the "
                                            "message")
                    .arg(value),
                i, pattern);
        }
        if (value >= 500 && self) {
            for (const QString &sample : samples) {
                if (self->compiled->search(sample)) {
                    out << ruleDiagnostic(Severity::Warning, "risky-rewrite",
                                          QCoreApplication::translate(
                                              "TableLinter",
                                              "rewrites a temporary reputation or rate-limit deferral to a permanent "
                                              "%1 and bounces the message, e.g. \"%2\"")
                                              .arg(value)
                                              .arg(sample),
                                          i, pattern);
                    break;
                }
            }
            const bool mentions47 = pattern.contains(QLatin1String("4\\.7\\.")) ||
                                    std::any_of(literals.begin(), literals.end(),
                                                [](const QString &l) { return l.contains(QLatin1String("4.7.")); });
            if (mentions47) {
                out << ruleDiagnostic(
                    Severity::Warning, "risky-rewrite",
                    QCoreApplication::translate("TableLinter",
                                                "4.7.x replies are mostly policy, reputation and rate-limit deferrals; "
                                                "rewriting them to %1 bounces mail a retry would deliver")
                        .arg(value),
                    i, pattern);
            }
        }
        const std::set<QString> codes = enhancedCodes(pattern, literals);
        std::set<QChar> classes;
        for (const QString &c : codes)
            classes.insert(c.front());
        if (classes.size() == 1) {
            const QChar cls = *classes.begin();
            if ((cls == u'5' && value >= 400 && value < 500) || (cls == u'4' && value >= 500 && value < 600)) {
                out << ruleDiagnostic(
                    Severity::Warning, "class-mismatch",
                    QCoreApplication::translate("TableLinter",
                                                "the pattern requires an enhanced code of class %1 but rewrites to %2; "
                                                "the reply will carry both")
                        .arg(cls)
                        .arg(value),
                    i, pattern);
            }
        }

        // --- profile sensitivity -----------------------------------------------------------
        static const QRegularExpression s_literalCrlf(QStringLiteral("(?<!\\\\)(?:\\\\\\\\)+[rn]"));
        static const QRegularExpression s_realBreak(QStringLiteral("(?<!\\\\)(?:\\\\\\\\)*\\\\[rn]"));
        if (s_literalCrlf.match(pattern).hasMatch()) {
            out << ruleDiagnostic(
                Severity::Warning, "profile-sensitive",
                m_profile == CompatProfile::Documented
                    ? QCoreApplication::translate(
                          "TableLinter",
                          "matches the literal \\r\\n the documented profile puts between reply lines; KumoMTA "
                          "2026.06 joins lines with a space, so there this rule never matches")
                    : QCoreApplication::translate(
                          "TableLinter",
                          "looks for the literal \\r\\n of the documented profile; under 2026.06 (this project's "
                          "profile) reply lines are joined with a space, so this rule never matches"),
                i, pattern);
        } else if (s_realBreak.match(pattern).hasMatch()) {
            out << ruleDiagnostic(Severity::Warning, "profile-sensitive",
                                  QCoreApplication::translate(
                                      "TableLinter",
                                      "looks for a real line break, but the event's single line never contains one "
                                      "(documented: literal \\r\\n text; 2026.06: spaces)"),
                                  i, pattern);
        }
        std::map<QString, int> seen;
        for (const QString &lit : literals) {
            static const QRegularExpression s_code(
                QStringLiteral("(?<![0-9.])[245]\\.[0-9]{1,3}\\.[0-9]{1,3}(?![0-9])"));
            for (auto it = s_code.globalMatch(lit); it.hasNext();)
                ++seen[it.next().captured(0)];
        }
        for (const auto &[esc, count] : seen) {
            if (count > 1) {
                out << ruleDiagnostic(
                    Severity::Warning, "profile-sensitive",
                    QCoreApplication::translate("TableLinter",
                                                "expects the enhanced code %1 again on a continuation line; only the "
                                                "documented profile keeps it there (2026.06 removes it)")
                        .arg(esc),
                    i, pattern);
                break;
            }
        }
    }
    return out;
}

QList<Diagnostic> TableLinter::lintJsonText(const QByteArray &json, const QString &sourceName)
{
    QList<Diagnostic> out;
    const QByteArray text = JsonText::stripComments(json);
    int line = 1;
    // Per open container: is it an object, is the next string a key, keys seen (at depth 1).
    struct Frame
    {
        bool object = false;
        bool expectKey = false;
    };
    std::vector<Frame> stack;
    std::map<std::string, int> topKeys;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') {
            ++line;
        } else if (c == '{' || c == '[') {
            stack.push_back({c == '{', c == '{'});
        } else if (c == '}' || c == ']') {
            if (!stack.empty())
                stack.pop_back();
        } else if (c == ',') {
            if (!stack.empty() && stack.back().object)
                stack.back().expectKey = true;
        } else if (c == '"') {
            const qsizetype start = i;
            const int startLine = line;
            for (++i; i < text.size() && text[i] != '"'; ++i) {
                if (text[i] == '\\')
                    ++i;
                else if (text[i] == '\n')
                    ++line;
            }
            if (stack.empty() || !stack.back().object || !stack.back().expectKey)
                continue;
            stack.back().expectKey = false;
            if (stack.size() != 1)
                continue;
            std::string key = text.mid(start, i - start + 1).toStdString();
            try {
                key = nlohmann::json::parse(key).get<std::string>();
            } catch (const std::exception &) {
                continue; // not valid JSON; the loader reports that
            }
            const auto [it, inserted] = topKeys.emplace(key, startLine);
            if (inserted)
                continue;
            Diagnostic d = Diagnostic::warning(
                QStringLiteral("duplicate-pattern"),
                QCoreApplication::translate(
                    "TableLinter",
                    "the pattern %1 appears again (first on line %2); the JSON object keeps only the last value")
                    .arg(QString::fromStdString(key))
                    .arg(it->second),
                sourceName);
            d.line = startLine;
            d.pattern = QString::fromStdString(key);
            out << d;
        }
    }
    return out;
}

} // namespace Dsn::Rules
