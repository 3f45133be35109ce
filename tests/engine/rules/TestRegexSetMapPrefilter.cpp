// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
//
// The literal prefilter must never change an answer: every row compares a prefiltered map with
// the plain loop over all patterns on one subject.
#include <algorithm>
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <thread>
#include <vector>

#include <unicode/uniset.h>
#include <unicode/unistr.h>

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QTest>

#include "TestConfig.h"
#include "common/SmtpResponse.h"
#include "rules/CompiledPattern.h"
#include "rules/RegexSetMap.h"
#include "rules/detail/LiteralScanner.h"
#include "rules/detail/RegexNodeAnalysis.h"
#include "rules/detail/UnicodeTables.h"

using Dsn::CompatProfile;
using Dsn::SmtpResponse;
using Dsn::Rules::RegexRule;
using Dsn::Rules::RegexSetMap;
using Dsn::Rules::Detail::LiteralScanner;

namespace {

// ---------------------------------------------------------------------------------------------
// Tables

QList<RegexRule> withValues(const QStringList &patterns)
{
    QList<RegexRule> rules;
    for (qsizetype i = 0; i < patterns.size(); ++i)
        rules.append({patterns[i], QJsonValue(int(500 + i % 7))});
    return rules;
}

QList<RegexRule> seedTable()
{
    QFile f(QStringLiteral(DSN_TEST_DATA_DIR "/policies/seed/rules.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    QList<RegexRule> rules;
    for (auto it = o.begin(); it != o.end(); ++it)
        rules.append({it.key(), it.value()});
    return rules;
}

// The benchmark generator's ten broad rules (tests/benchmarks/gen_workload.py).
const QStringList &broadRules()
{
    static const QStringList s_rules = {
        u"4\\.2\\.2 The email account that you tried to reach is over quota\\."_qs,
        u"(?i)mailbox (is )?full"_qs,
        u"5\\.1\\.1 .*does not exist"_qs,
        u"^550 .*blocked"_qs,
        u"(?i)user unknown"_qs,
        u"Recipient address rejected: .+ inactive"_qs,
        u"(?i)spamhaus"_qs,
        u"5\\.7\\.26 .*unauthenticated"_qs,
        u"(?i)too many (connections|messages)"_qs,
        u"4\\.7\\.1 Rate limited, \\w+ temporarily deferred"_qs,
    };
    return s_rules;
}

// Deterministic on every platform (std distributions are not), which keeps row names stable.
class SplitMix
{
public:
    explicit SplitMix(uint64_t seed) : m_state(seed) {}
    uint64_t next()
    {
        uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int below(int n) { return int(next() % uint64_t(n)); }
    QString pick(const QStringList &from) { return from[below(int(from.size()))]; }

private:
    uint64_t m_state;
};

QString escaped(const QString &s)
{
    static const QString s_meta = QStringLiteral(".^$*+?()[]{}|\\");
    QString out;
    for (QChar c : s) {
        if (s_meta.contains(c))
            out += u'\\';
        out += c;
    }
    return out;
}

// The narrow rules in the generator's eight styles, with words that also occur in the corpus
// so that some of them match real replies.
QList<RegexRule> generatedTable(int size)
{
    static const QStringList subj = {u"mailbox"_qs, u"account"_qs, u"user"_qs, u"recipient"_qs, u"domain"_qs,
                                     u"sender"_qs,  u"message"_qs, u"host"_qs, u"address"_qs,   u"relay"_qs};
    static const QStringList state = {u"disabled"_qs, u"suspended"_qs,   u"inactive"_qs, u"over quota"_qs,
                                      u"full"_qs,     u"unavailable"_qs, u"rejected"_qs, u"not found"_qs,
                                      u"unknown"_qs,  u"denied"_qs,      u"blocked"_qs,  u"refused"_qs};
    static const QStringList qual = {u"temporarily"_qs, u"permanently"_qs,  u"due to policy"_qs,
                                     u"for spam"_qs,    u"at this time"_qs, u"by local policy"_qs};
    static const QStringList verb = {u"is"_qs, u"has been"_qs, u"was"_qs};
    static const QStringList enh = {u"4.2.2"_qs, u"4.7.1"_qs, u"5.1.1"_qs, u"5.2.2"_qs, u"5.7.1"_qs, u"5.7.26"_qs};
    static const QStringList prov = {u"google.com"_qs, u"yahoo.com"_qs, u"outlook.com"_qs, u"example.jp"_qs};
    SplitMix rng(0x6B756D6F);
    QStringList patterns = broadRules().mid(0, size);
    QSet<QString> seen(patterns.begin(), patterns.end());
    while (patterns.size() < size) {
        const QString tok = QStringLiteral("TS%1").arg(rng.below(99));
        const QString s = rng.pick(subj), st = rng.pick(state), q = rng.pick(qual), v = rng.pick(verb);
        QString p;
        switch (rng.below(8)) {
        case 0:
            p = escaped(rng.pick(enh) + u' ' + s + u' ' + v + u' ' + st + u'.');
            break;
        case 1:
            p = u"(?i)"_qs + escaped(s) + u" ("_qs + escaped(v) + u" )?"_qs + escaped(st);
            break;
        case 2:
            p = escaped(rng.pick(enh)) + u" .*"_qs + escaped(st + u' ' + q);
            break;
        case 3:
            p = u'^' + QString::number(450 + rng.below(105)) + u" .*"_qs + escaped(st);
            break;
        case 4:
            p = u"(?i)"_qs + escaped(s + u' ' + v + u' ' + st + u" by "_qs + rng.pick(prov));
            break;
        case 5:
            p = u"Recipient address rejected: .+ "_qs + escaped(st);
            break;
        case 6:
            p = u"https://(support|postmaster)\\."_qs + escaped(rng.pick(prov)) + u"/.*p="_qs + tok;
            break;
        default:
            p = u"[45]\\d\\d [45]\\.\\d\\.\\d+ "_qs + escaped(s + u' ' + st);
            break;
        }
        if (!seen.contains(p)) {
            seen.insert(p);
            patterns.append(p);
        }
    }
    return withValues(patterns);
}

// Every tenth pattern has no required literal, so it runs on every subject.
QList<RegexRule> noLiteralTable()
{
    static const QStringList bare = {
        u"(quota|full)"_qs, u"^[45]\\d\\d\\s+[45]"_qs,  u"(?i)(user|mailbox) (unknown|full)"_qs,
        u"\\d{3}\\s\\d"_qs, u"[Bb]locked|[Dd]enied"_qs, u"^\\S+\\s+\\S+$"_qs,
        u"(spam|SPAM)"_qs,  u"\\bx{0,2}\\b"_qs,         u"(?:rejected|refused)"_qs,
        u"\\w+@\\w+"_qs};
    QList<RegexRule> rules = generatedTable(100);
    for (qsizetype i = 0; i < rules.size(); i += 10)
        rules[i].pattern = bare[i / 10];
    return rules;
}

// No literal at all, so every rule is joined into an alternation with its neighbours: flags,
// anchors, word boundaries, (?m), Unicode classes, case folding that reaches across scripts,
// duplicate capture names (the joint pattern fails and is halved), a (?x) comment (never joined),
// and literal rules in between, whose order the joint runs must not disturb.
QList<RegexRule> classOnlyTable()
{
    return withValues({u"\\d{3}\\s\\d"_qs,
                       u"^\\S+\\s\\S+$"_qs,
                       u"(?i)[a-z]{4,}\\d"_qs,
                       u"(?i)\\b[a-z]{2}\\d{2}\\b"_qs,
                       u"user unknown"_qs,
                       u"(?m)^\\d\\s"_qs,
                       u"\\s$"_qs,
                       u"(?i)\\bk\\w"_qs,
                       u"(?i)[s-t]{2}o"_qs,
                       u"(?P<n>\\d)\\.\\d"_qs,
                       u"(?P<n>[A-Z])[a-z]"_qs,
                       u"(?x) \\d \\s \\d # three units"_qs,
                       u"(?x) [a-z] \\s [a-z]"_qs,
                       u"\\p{Greek}{2}"_qs,
                       u"(?i)\\w\\W\\w"_qs,
                       u"^.{0,2}$"_qs,
                       u"quota"_qs,
                       u"(?-u:\\w)\\d"_qs,
                       u"[^\\x00-\\x7F]"_qs,
                       u"^$"_qs,
                       u"(a|b)(c|d)"_qs,
                       u"\\d+"_qs});
}

QList<RegexRule> caseInsensitiveTable()
{
    return withValues({u"(?i)USER UNKNOWN"_qs, u"(?i)mailbox (is )?full"_qs, u"(?i)spam"_qs, u"(?i)Rejected"_qs,
                       u"(?i)straße"_qs, u"(?i)ΣΊΣΥΦΟΣ"_qs, u"(?i)kelvin"_qs, u"(?i)ſtop"_qs, u"(?i)a(?-i)B"_qs,
                       u"(?i:quota) exceeded"_qs, u"(?i)𐐀𐐁"_qs, u"(?i)İstanbul"_qs, u"(?i)ǅ"_qs, u"(?i-u)ascii only"_qs,
                       u"User Unknown"_qs});
}

QList<RegexRule> alternationTable()
{
    return withValues({u"(quota|full)"_qs, u"user (unknown|not found)"_qs, u"mailbox (full|unavailable)"_qs,
                       u"(?:5\\.1\\.1|5\\.1\\.0) .*(unknown|invalid)"_qs, u"(Rejected|rejected): (Spam|spam)"_qs,
                       u"(?i)(blocked|denied) (using|by)"_qs, u"a(b|c)d|xyz"_qs, u"(over )+quota"_qs});
}

QList<RegexRule> unicodeTable()
{
    return withValues({u"Empfänger unbekannt"_qs, u"收件人"_qs, u"Адрес получателя"_qs, u"𐐀"_qs, u"(?i)𐐀"_qs, u"é+"_qs,
                       u"(?i)É"_qs, u"(?i)ДОМЕН"_qs, u"Boîte aux lettres"_qs, u"5\\.1\\.1 .*ü"_qs, u"\\p{Greek}+"_qs,
                       u"😀"_qs});
}

// One row per prefilter path: OR-sets from alternations and optional parts, small classes
// joining a run, runs too short to count, no literal at all, plain text decided by the scan
// (exact, case-insensitive ASCII, case-insensitive beyond ASCII, mixed case modes), anchors and
// word boundaries around plain text, and Unicode.
QList<RegexRule> pathsTable()
{
    return withValues({
        u"(?i)(mailbox|account) (is |has been )?(disabled|suspended)"_qs,
        u"(disabled|suspended) (temporarily|permanently)"_qs,
        u"^[45]\\d\\d [45]\\.\\d\\.\\d{1,3} (mailbox|account)"_qs,
        u"\\[(\\d+\\.){3}\\d+\\]\\s\\w+\\s(blocked|denied)"_qs,
        u"(foo.*bar|baz\\d+qux)"_qs,
        u"[Uu]ser [Uu]nknown"_qs,
        u"a{0,3}bc"_qs,
        u"\\d+ \\w+ x"_qs,
        u"\\d{3}\\s\\d"_qs,
        u"^\\S+\\s+\\S+$"_qs,
        u"Over Quota"_qs,
        u"(?i)over quota"_qs,
        u"(?i)ſtop"_qs,
        u"(?i)stop"_qs,
        u"(?i)kelvin"_qs,
        u"(?i)ΣΊΣΥΦΟΣ"_qs,
        u"(?i)a(?-i)BC"_qs,
        u"^over"_qs,
        u"quota$"_qs,
        u"\\bquota\\b"_qs,
        u"(?m)^quota"_qs,
        u"Empfänger"_qs,
        u"(?i)empfänger"_qs,
        u"𐐀𐐁"_qs,
        u"(?i)𐐨𐐩"_qs,
        u"x"_qs,
        u"(?i)ab"_qs,
        u"(quota|)x"_qs,
        u"(over )+quota"_qs,
        u"(?i-u)kelvin"_qs,
        u"user (unknown|not found)|mailbox full"_qs,
        u"5\\.1\\.1"_qs,
        u"^550 .*blocked"_qs,
        u"^\\d mailbox"_qs,
        u"^(?i)x{2}ab(c|d)"_qs,
        u"^.{0,3}Quota"_qs,
        u"(?i)(\u212Aelvin|halt) (is )?over"_qs,
        u"(Over|Under) (?i:quota)"_qs,
        u"(Empfänger|Recipient) (unbekannt|unknown)"_qs,
        u"(?i)(kelvin|mailbox) (is )?full"_qs,
    });
}

// Subjects for pathsTable(): the words it uses, in and out of place, in other cases and with
// the characters that fold across scripts (ſ, Kelvin sign, final sigma, dotted I).
QStringList pathsSubjects()
{
    return {u"452 4.2.2 Mailbox is disabled"_qs,
            u"452 4.2.2 ACCOUNT HAS BEEN SUSPENDED"_qs,
            u"account suspended; mailbox disabled"_qs,
            u"suspended temporarily"_qs,
            u"Suspended Temporarily"_qs,
            u"550 5.1.1 mailbox unavailable"_qs,
            u"550 5.1.1  mailbox"_qs,
            u"x 550 5.1.1 mailbox"_qs,
            u"554 [192.0.2.1] host blocked"_qs,
            u"554 [192.0.2] host blocked"_qs,
            u"foo then bar"_qs,
            u"baz12qux"_qs,
            u"bazqux"_qs,
            u"User unknown"_qs,
            u"uSER UNKNOWN"_qs,
            u"aaabc"_qs,
            u"12 ab x"_qs,
            u"123 4"_qs,
            u"two words"_qs,
            u"Over Quota"_qs,
            u"over quota"_qs,
            u"OVER QUOTA"_qs,
            u"ſtop"_qs,
            u"STOP"_qs,
            u"ſTOP"_qs,
            u"\u212Aelvin"_qs,
            u"KELVIN"_qs,
            u"σίσυφος"_qs,
            u"ΣΊΣΥΦΟΣ"_qs,
            u"aBC"_qs,
            u"ABC"_qs,
            u"abc"_qs,
            u"overquota"_qs,
            u"the quota"_qs,
            u"quotas"_qs,
            u"line\nquota"_qs,
            u"Empfänger unbekannt"_qs,
            u"EMPFÄNGER"_qs,
            u"𐐀𐐁"_qs,
            u"𐐨𐐩"_qs,
            u"𐐀𐐩"_qs,
            u"x"_qs,
            u"AB"_qs,
            u"over over quota"_qs,
            u"user not found"_qs,
            u"mailbox full"_qs,
            u"5.1.1"_qs,
            u"5x1x1"_qs,
            u"İstanbul ı"_qs,
            u"550 5.7.1 blocked"_qs,
            u"551 550 blocked"_qs,
            u"𝟓 mailbox"_qs,
            u"55 mailbox"_qs,
            u"XXABD"_qs,
            u"xxxabc"_qs,
            u"abcQuota"_qs,
            u"abcdQuota"_qs,
            u"𐐀Quota"_qs,
            u"𐐀𐐀Quota"_qs,
            u"HALT IS OVER"_qs,
            u"kelvin over"_qs,
            u"\u212Aelvin is over"_qs,
            u"Under QUOTA"_qs,
            u"under quota"_qs,
            u"Recipient unbekannt"_qs,
            u"Empfänger unknown!"_qs,
            u"recipient unknown"_qs,
            u"KELVIN IS FULL"_qs,
            u"\u212Aelvin full"_qs,
            u"mailbox is  full"_qs,
            u""_qs};
}

/**
 * A random table from the same building blocks as pathsTable() (words in alternations, optional
 * groups, classes, anchors, case modes, Unicode), and random subjects made of the same words in
 * random cases, so that every prefilter path meets matches, near misses and case variants.
 */
const QStringList &randomWords()
{
    static const QStringList s_words = {u"mailbox"_qs, u"quota"_qs, u"user"_qs,    u"unknown"_qs, u"full"_qs,
                                        u"ſtop"_qs,    u"kelvin"_qs, u"σοφός"_qs,  u"Empfänger"_qs, u"𐐀x"_qs,
                                        u"ab"_qs,      u"5.1.1"_qs,  u"denied"_qs, u"spam"_qs,    u"x"_qs};
    return s_words;
}

QList<RegexRule> randomTable(int size)
{
    SplitMix rng(0x51DE);
    const QStringList &words = randomWords();
    auto word = [&] { return escaped(rng.pick(words)); };
    QStringList patterns;
    while (patterns.size() < size) {
        QString p;
        const int parts = 1 + rng.below(3);
        for (int k = 0; k < parts; ++k) {
            if (k > 0)
                p += rng.pick({u" "_qs, u".*"_qs, u"\\s+"_qs, u"\\d*"_qs, u"[ _]"_qs, QString()});
            switch (rng.below(9)) {
            case 0:
                p += u'(' + word() + u'|' + word() + u')';
                break;
            case 1:
                p += u'(' + word() + u" )?"_qs + word();
                break;
            case 2:
                p += u"(?i)"_qs + word();
                break;
            case 3:
                p += u"(?i:"_qs + word() + u')' + word();
                break;
            case 4:
                p += u"[Uu]"_qs + word();
                break;
            case 5:
                p += u"\\b"_qs + word() + u"\\b"_qs;
                break;
            case 6:
                p += word() + u'+';
                break;
            default:
                p += word();
                break;
            }
        }
        if (rng.below(6) == 0)
            p = u'^' + p;
        if (rng.below(6) == 0)
            p += u'$';
        patterns.append(p);
    }
    return withValues(patterns);
}

QStringList randomSubjects(int count)
{
    SplitMix rng(0xC0FFEE);
    const QStringList &words = randomWords();
    const QStringList glue = {u" "_qs, u""_qs, u"  "_qs, u"_"_qs, u" 42 "_qs, u"\n"_qs, u"ſ"_qs, u"\u212A"_qs};
    QStringList out;
    for (int i = 0; i < count; ++i) {
        QString s;
        const int parts = 1 + rng.below(4);
        for (int k = 0; k < parts; ++k) {
            QString w = rng.pick(words);
            switch (rng.below(4)) {
            case 0:
                w = w.toUpper();
                break;
            case 1:
                w = w.left(1).toUpper() + w.mid(1);
                break;
            default:
                break;
            }
            s += (k > 0 ? rng.pick(glue) : QString()) + w;
        }
        out.append(s);
    }
    return out;
}

struct CompiledPair
{
    std::unique_ptr<RegexSetMap> prefiltered;
    std::unique_ptr<RegexSetMap> scan;
};

// Compiling a thousand patterns per row would dominate the run; each table is built once.
const CompiledPair &compiled(const QString &name)
{
    static std::map<QString, CompiledPair> s_cache;
    CompiledPair &slot = s_cache[name];
    if (slot.scan)
        return slot;
    QList<RegexRule> rules;
    if (name == u"seed")
        rules = seedTable();
    else if (name == u"gen10")
        rules = generatedTable(10);
    else if (name == u"gen100")
        rules = generatedTable(100);
    else if (name == u"gen1000")
        rules = generatedTable(1000);
    else if (name == u"paths")
        rules = pathsTable();
    else if (name == u"random")
        rules = randomTable(300);
    else if (name == u"noliteral10pct")
        rules = noLiteralTable();
    else if (name == u"caseinsensitive")
        rules = caseInsensitiveTable();
    else if (name == u"classonly")
        rules = classOnlyTable();
    else if (name == u"alternation")
        rules = alternationTable();
    else
        rules = unicodeTable();
    auto pre = RegexSetMap::compile(rules, RegexSetMap::Strategy::Prefiltered);
    auto scan = RegexSetMap::compile(rules, RegexSetMap::Strategy::Scan);
    if (pre && scan) {
        slot.prefiltered = std::make_unique<RegexSetMap>(std::move(pre.value()));
        slot.scan = std::make_unique<RegexSetMap>(std::move(scan.value()));
    }
    return slot;
}

// ---------------------------------------------------------------------------------------------
// Subjects

QStringList corpusSubjects()
{
    QStringList out;
    QFile f(QStringLiteral(DSN_TEST_DATA_DIR "/corpus/responses.jsonl"));
    if (!f.open(QIODevice::ReadOnly))
        return out;
    while (!f.atEnd()) {
        const QJsonObject o = QJsonDocument::fromJson(f.readLine()).object();
        QStringList lines;
        for (const QJsonValue &v : o.value(u"lines"_qs).toArray())
            lines << v.toString();
        // Both single-line forms: multi-line replies differ between the profiles.
        for (CompatProfile profile : {CompatProfile::Documented, CompatProfile::V2026_06}) {
            const auto parsed = SmtpResponse::parseLines(lines, profile);
            const QString single = parsed ? parsed->toSingleLine(profile) : o.value(u"text"_qs).toString();
            if (!out.contains(single))
                out << single;
        }
    }
    return out;
}

// Subjects aimed at the hand-written tables: case variants, astral letters, near misses.
QStringList probeSubjects()
{
    return {u"550 5.1.1 USER UNKNOWN"_qs,
            u"452 Mailbox IS FULL"_qs,
            u"STRASSE"_qs,
            u"Grüße aus der STRAẞE"_qs,
            u"σίσυφος was here"_qs,
            u"ΣΊΣΥΦΟΣ"_qs,
            u"\u212Aelvin sign"_qs,
            u"STOP now"_qs,
            u"stop"_qs,
            u"aB"_qs,
            u"AB"_qs,
            u"Ab"_qs,
            u"QUOTA exceeded"_qs,
            u"quota EXCEEDED"_qs,
            u"𐐨𐐩 deseret"_qs,
            u"𐐀𐐁"_qs,
            u"istanbul"_qs,
            u"İSTANBUL"_qs,
            u"ǆ ǅ Ǆ"_qs,
            u"ASCII ONLY"_qs,
            u"550 5.1.1 Empfänger unbekannt"_qs,
            u"收件人地址被拒绝"_qs,
            u"Адрес получателя отклонён"_qs,
            u"ÉÉÉ"_qs,
            u"éé"_qs,
            u"домен"_qs,
            u"😀"_qs,
            u"αβγ"_qs,
            u"xyz"_qs,
            u"abd acd"_qs,
            u"over over quota"_qs,
            u""_qs,
            u"\xD800 lone surrogate"_qs,
            u"rejected: spam"_qs,
            u"Rejected: Spam"_qs};
}

} // namespace

class TestRegexSetMapPrefilter : public QObject
{
    Q_OBJECT

private slots:
    void sameAnswers_data();
    void sameAnswers();
    void literalChoice_data();
    void literalChoice();
    void scannerHits_data();
    void scannerHits();
    void asciiPathMatchesAutomaton_data();
    void asciiPathMatchesAutomaton();
    void gaveUp_data();
    void gaveUp();
    void asciiCaseClosure_data();
    void asciiCaseClosure();
    void decidedByScan_data();
    void decidedByScan();
    void prefilterDoesWork_data();
    void prefilterDoesWork();
    void classRuns_data();
    void classRuns();
    void runsBeyondAscii_data();
    void runsBeyondAscii();
    void literalFreeGroups_data();
    void literalFreeGroups();
    void groupGaveUp();
    void defaultStrategyIsPrefiltered();
    void concurrentLookups();
    void concurrentCompiles();
};

void TestRegexSetMapPrefilter::sameAnswers_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("subject");

    const QStringList corpus = corpusSubjects();
    const QStringList probes = probeSubjects();
    const QStringList paths = pathsSubjects();
    const QStringList random = randomSubjects(400);
    QVERIFY(corpus.size() > 200);
    for (const char *table :
         {"seed", "gen10", "gen100", "gen1000", "noliteral10pct", "caseinsensitive", "alternation", "unicode", "paths",
          "random", "classonly"}) {
        for (qsizetype i = 0; i < corpus.size(); ++i)
            QTest::addRow("%s corpus %d", table, int(i)) << QString::fromLatin1(table) << corpus[i];
        for (qsizetype i = 0; i < probes.size(); ++i)
            QTest::addRow("%s probe %d", table, int(i)) << QString::fromLatin1(table) << probes[i];
        for (qsizetype i = 0; i < paths.size(); ++i)
            QTest::addRow("%s paths %d", table, int(i)) << QString::fromLatin1(table) << paths[i];
        for (qsizetype i = 0; i < random.size(); ++i)
            QTest::addRow("%s random %d", table, int(i)) << QString::fromLatin1(table) << random[i];
    }
}

void TestRegexSetMapPrefilter::sameAnswers()
{
    QFETCH(QString, table);
    QFETCH(QString, subject);

    const CompiledPair &maps = compiled(table);
    QVERIFY2(maps.scan && maps.prefiltered, "table failed to compile");
    QCOMPARE(maps.prefiltered->strategy(), RegexSetMap::Strategy::Prefiltered);
    const RegexSetMap::Lookup expected = maps.scan->lookup(subject);
    const RegexSetMap::Lookup actual = maps.prefiltered->lookup(subject);
    QCOMPARE(maps.prefiltered->findFirst(subject), maps.scan->findFirst(subject));
    QCOMPARE(actual.first, expected.first);
    QCOMPARE(actual.matches, expected.matches);
    QCOMPARE(actual.ambiguous, expected.ambiguous);
    QCOMPARE(actual.gaveUp, expected.gaveUp);
}

void TestRegexSetMapPrefilter::literalChoice_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QStringList>("literals"); // sorted, folded where (?i); empty: runs on every subject

    QTest::newRow("whole literal") << u"hello"_qs << QStringList{u"hello"_qs};
    QTest::newRow("rarer run wins") << u"5\\.1\\.1 .*does not exist"_qs << QStringList{u"does not exist"_qs};
    QTest::newRow("tie keeps the first") << u"over (quota)+"_qs << QStringList{u"over "_qs};
    QTest::newRow("optional part skipped") << u"x*abc"_qs << QStringList{u"abc"_qs};
    QTest::newRow("short run is absent") << u"a{0,3}bc"_qs << QStringList{};
    QTest::newRow("one-character runs are absent") << u"\\d+ \\w+"_qs << QStringList{};
    QTest::newRow("small class joins the run") << u"[Uu]ser unknown"_qs << QStringList{u"user unknown"_qs};
    QTest::newRow("large class splits the run") << u"[a-z]ser unknown"_qs << QStringList{u"ser unknown"_qs};
    QTest::newRow("(?i) literal is folded") << u"(?i)User UNKNOWN"_qs << QStringList{u"user unknown"_qs};
    QTest::newRow("(?i) sharp s") << u"(?i)STRAẞE"_qs << QStringList{u"straße"_qs};
    QTest::newRow("(?i) final sigma") << u"(?i)ΣΟΦΟΣ"_qs << QStringList{u"σοφοσ"_qs};
    QTest::newRow("group joins the run") << u"(?i:spam) filter"_qs << QStringList{u"spam filter"_qs};
    QTest::newRow("unicode literal") << u"Empfänger unbekannt"_qs << QStringList{u"Empfänger unbekannt"_qs};
    QTest::newRow("astral literal") << u"𐐀x"_qs << QStringList{u"𐐀x"_qs};
    QTest::newRow("alternation gives an OR-set") << u"(quota|full)"_qs << QStringList{u"full"_qs, u"quota"_qs};
    QTest::newRow("alternatives times optional part")
        << u"(?i)(mailbox|account) (is )?full"_qs
        << QStringList{u"account full"_qs, u"account is full"_qs, u"mailbox full"_qs, u"mailbox is full"_qs};
    QTest::newRow("alternation of required runs")
        << u"(foo.*bar|baz\\d+qux)"_qs << QStringList{u"baz"_qs, u"foo"_qs};
    QTest::newRow("alternation then a rarer tail") << u"(\\d+|x) quota exceeded"_qs
                                                  << QStringList{u" quota exceeded"_qs};
    QTest::newRow("case-sensitive alternatives stay exact") << u"(Message|Recipient) rejected"_qs
                                                          << QStringList{u"Message rejected"_qs, u"Recipient rejected"_qs};
    QTest::newRow("case orbit in a class folds") << u"[Ss]pam [Ff]ilter"_qs << QStringList{u"spam filter"_qs};
    QTest::newRow("partial orbit in a class stays exact") << u"[Sx]pam"_qs << QStringList{u"Spam"_qs, u"xpam"_qs};
    QTest::newRow("anchored prefix wins") << u"^550 .*blocked"_qs << QStringList{u"550 "_qs};
    QTest::newRow("short alternative spoils the set") << u"ab|cd"_qs << QStringList{};
    QTest::newRow("empty alternative spoils the set") << u"(quota|)x"_qs << QStringList{};
    QTest::newRow("classes only") << u"\\d{3}\\s\\w+"_qs << QStringList{};
    QTest::newRow("anchors only") << u"^$"_qs << QStringList{};
    QTest::newRow("empty pattern") << QString() << QStringList{};
}

void TestRegexSetMapPrefilter::literalChoice()
{
    QFETCH(QString, pattern);
    QFETCH(QStringList, literals);

    const auto map = RegexSetMap::compile({{u"unrelated"_qs, QJsonValue(1)}, {pattern, QJsonValue(2)}},
                                          RegexSetMap::Strategy::Prefiltered);
    QVERIFY(map.ok());
    QStringList actual = map->prefilterLiterals(1);
    actual.sort();
    QCOMPARE(actual, literals);
    QCOMPARE(map->prefilterLiterals(0), QStringList{u"unrelated"_qs});
    QVERIFY(map->prefilterLiterals(2).isEmpty());
    const auto scan = RegexSetMap::compile({{pattern, QJsonValue(2)}}, RegexSetMap::Strategy::Scan);
    QVERIFY(scan.ok());
    QVERIFY(scan->prefilterLiterals(0).isEmpty());
}

void TestRegexSetMapPrefilter::scannerHits_data()
{
    QTest::addColumn<QStringList>("literals");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QList<int>>("hits"); // ids, sorted, once each

    const QStringList classic = {u"he"_qs, u"she"_qs, u"his"_qs, u"hers"_qs};
    QTest::newRow("classic ushers") << classic << u"ushers"_qs << QList<int>{0, 1, 3};
    QTest::newRow("classic nothing") << classic << u"xyz"_qs << QList<int>{};
    QTest::newRow("suffix of a failed branch") << classic << u"hishe"_qs << QList<int>{0, 1, 2};
    QTest::newRow("nested outputs") << QStringList{u"a"_qs, u"aa"_qs, u"aaa"_qs} << u"baab"_qs << QList<int>{0, 1};
    QTest::newRow("folded subject") << QStringList{u"quota"_qs} << u"OVER QUOTA"_qs << QList<int>{0};
    QTest::newRow("folded literal") << QStringList{u"QUOTA"_qs} << u"quota"_qs << QList<int>{0};
    QTest::newRow("kelvin sign folds to k") << QStringList{u"k"_qs} << u"\u212A"_qs << QList<int>{0};
    QTest::newRow("astral fold") << QStringList{u"𐐨"_qs} << u"x𐐀y"_qs << QList<int>{0};
    QTest::newRow("astral miss") << QStringList{u"𐐨"_qs} << u"\xD801"_qs << QList<int>{};
    QTest::newRow("same literal twice") << QStringList{u"ab"_qs, u"AB"_qs} << u"xaby"_qs << QList<int>{0, 1};
    QTest::newRow("empty literal ignored") << QStringList{QString(), u"b"_qs} << u"abc"_qs << QList<int>{1};
    QTest::newRow("no literals") << QStringList{} << u"abc"_qs << QList<int>{};
}

void TestRegexSetMapPrefilter::scannerHits()
{
    QFETCH(QStringList, literals);
    QFETCH(QString, subject);
    QFETCH(QList<int>, hits);

    LiteralScanner scanner;
    for (qsizetype i = 0; i < literals.size(); ++i)
        scanner.add(literals[i], int(i));
    scanner.build();
    QSet<int> found;
    scanner.scan(subject, [&](int id) { found.insert(id); });
    QList<int> sorted(found.begin(), found.end());
    std::sort(sorted.begin(), sorted.end());
    QCOMPARE(sorted, hits);
}

void TestRegexSetMapPrefilter::asciiPathMatchesAutomaton_data()
{
    QTest::addColumn<int>("literalCount");
    QTest::addColumn<bool>("asciiPath");

    // Teddy, the gram bit set, and past kMaxGramLiterals the automaton alone.
    QTest::newRow("teddy") << 12 << true;
    QTest::newRow("teddy limit") << 48 << true;
    QTest::newRow("gram set") << 300 << true;
    QTest::newRow("gram set, thousands") << 12000 << true;
    QTest::newRow("automaton") << 17000 << false;
    QTest::newRow("one-unit literal") << 20 << false;
}

// ASCII subjects skip the automaton; both must report the same ids, each first at the same end
// (PrefilterIndex keeps the first end of every literal).
void TestRegexSetMapPrefilter::asciiPathMatchesAutomaton()
{
    QFETCH(int, literalCount);
    QFETCH(bool, asciiPath);

    SplitMix rng(0xA5C11 + uint64_t(literalCount));
    QStringList words = randomWords() + QStringList{u"550 "_qs, u"5.1.1"_qs, u"Recipient"_qs, u"TS"_qs,
                                                    u"rejected: "_qs, u"over quota"_qs, u"gsmtp"_qs};
    words.removeIf([](const QString &w) { return w.size() < 2; });
    LiteralScanner scanner;
    for (int i = 0; i < literalCount; ++i) {
        QString literal = rng.pick(words);
        // Distinct literals beyond the word list: a word with a cut and a numbered tail.
        if (i >= words.size())
            literal = literal.left(2 + rng.below(6)) + QString::number(rng.below(100));
        scanner.add(!asciiPath && i == 7 ? u"q"_qs : literal, i);
    }
    scanner.build();
    QCOMPARE(scanner.hasAsciiPath(), asciiPath);

    QStringList subjects = corpusSubjects();
    for (const QString &s : randomSubjects(300)) {
        bool ascii = true;
        for (QChar c : s)
            ascii = ascii && c.unicode() < 0x80;
        if (ascii)
            subjects << s;
    }
    subjects << QString() << u"5"_qs << QString(1030, u'x') + u"550 5.1.1"_qs;
    int compared = 0;
    for (const QString &subject : std::as_const(subjects)) {
        // A trailing non-ASCII unit sends the same text through the automaton; no literal ends in it.
        const QString viaAutomaton = subject + u'\u00e9';
        std::map<int, qsizetype> fast;
        std::map<int, qsizetype> slow;
        bool ordered = true;
        auto record = [&ordered](std::map<int, qsizetype> &into) {
            return [&into, &ordered](int id, qsizetype end) {
                const auto [it, inserted] = into.emplace(id, end);
                ordered = ordered && (inserted || it->second <= end);
            };
        };
        scanner.scan(subject, record(fast));
        scanner.scan(viaAutomaton, record(slow));
        QVERIFY2(ordered, qPrintable(subject));
        QCOMPARE(fast, slow);
        compared += int(fast.size());
    }
    QVERIFY(compared > 0);
}

void TestRegexSetMapPrefilter::gaveUp_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QList<int>>("scanGaveUp");
    QTest::addColumn<QList<int>>("prefilteredGaveUp");

    // The literal is there, so the pattern runs and Boost gives up exactly as before.
    QTest::newRow("literal present") << u"(a+)+$"_qs << QString(40, u'a') + u'b' << QList<int>{0} << QList<int>{0};
    // The deliberate difference: "zqx" is absent, so the pattern cannot match and never runs.
    QTest::newRow("literal absent") << u"(a+)+zqx$"_qs << QString(40, u'a') + u'b' << QList<int>{0} << QList<int>{};
}

void TestRegexSetMapPrefilter::gaveUp()
{
    QFETCH(QString, pattern);
    QFETCH(QString, subject);
    QFETCH(QList<int>, scanGaveUp);
    QFETCH(QList<int>, prefilteredGaveUp);

    const QList<RegexRule> rules = {{pattern, QJsonValue(550)}, {u"b"_qs, QJsonValue(451)}};
    const auto scan = RegexSetMap::compile(rules, RegexSetMap::Strategy::Scan);
    const auto pre = RegexSetMap::compile(rules, RegexSetMap::Strategy::Prefiltered);
    QVERIFY(scan.ok() && pre.ok());
    const RegexSetMap::Lookup s = scan->lookup(subject);
    const RegexSetMap::Lookup p = pre->lookup(subject);
    QCOMPARE(s.gaveUp, scanGaveUp);
    QCOMPARE(p.gaveUp, prefilteredGaveUp);
    QCOMPARE(p.matches, s.matches);
    QCOMPARE(pre->findFirst(subject), scan->findFirst(subject));
}

void TestRegexSetMapPrefilter::asciiCaseClosure_data()
{
    QTest::addColumn<QString>("set"); // ICU set syntax

    for (const char *set : {"[a]", "[k]", "[K]", "[s]", "[\\u017F]", "[\\u212A]", "[\\u0130]", "[\\u0131]",
                            "[\\u1E9E]", "[0-9]", "[a-z]", "[[:L:]]", "[[:Greek:]]", "[^a]", "[^\\u0000-\\u007F]",
                            "[^[:White_Space:]]", "[[:White_Space:]]", "[\\u0000-\\U0010FFFF]", "[\\U00010400]", "[]"})
        QTest::newRow(set) << QString::fromLatin1(set);
}

// The fast closure must equal closing the whole set, which is what the class runs relied on.
void TestRegexSetMapPrefilter::asciiCaseClosure()
{
    QFETCH(QString, set);

    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeSet members(icu::UnicodeString(reinterpret_cast<const UChar *>(set.utf16()), int32_t(set.size())),
                                  status);
    QVERIFY(U_SUCCESS(status));
    icu::UnicodeSet closed = members;
    closed.closeOver(USET_CASE_INSENSITIVE);
    Dsn::Rules::Detail::UnicodeTables::closeOverSimpleCaseFolding(closed);
    Dsn::Rules::Detail::RegexNodeAnalysis::AsciiMask expected{0, 0};
    Dsn::Rules::Detail::RegexNodeAnalysis::AsciiMask plain{0, 0};
    for (UChar32 c = 0; c < 0x80; ++c) {
        if (closed.contains(c))
            expected[size_t(c / 64)] |= uint64_t(1) << (c % 64);
        if (members.contains(c))
            plain[size_t(c / 64)] |= uint64_t(1) << (c % 64);
    }
    QCOMPARE(Dsn::Rules::Detail::RegexNodeAnalysis::asciiCaseClosure(members, true), expected);
    QCOMPARE(Dsn::Rules::Detail::RegexNodeAnalysis::asciiCaseClosure(members, false), plain);
}

void TestRegexSetMapPrefilter::decidedByScan_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<bool>("decided"); // the scan alone answers (no Boost run)
    QTest::addColumn<bool>("matches");

    const QString words = u"(?i)(mailbox|account) (is |has been )?(disabled|suspended)"_qs;
    QTest::newRow("set, folded") << words << u"550 ACCOUNT has been Disabled"_qs << true << true;
    QTest::newRow("set, folded, near miss") << words << u"account was disabled"_qs << false << false;
    QTest::newRow("set, exact") << u"(disabled|suspended) (temporarily|permanently)"_qs
                                << u"x suspended permanently"_qs << true << true;
    QTest::newRow("set, exact, other case") << u"(disabled|suspended) (temporarily|permanently)"_qs
                                            << u"Suspended permanently"_qs << false << false;
    QTest::newRow("set, exact beyond ASCII") << u"(Empfänger|Recipient) unbekannt"_qs << u"Empfänger unbekannt"_qs
                                             << true << true;
    QTest::newRow("set, exact beyond ASCII, other case")
        << u"(Empfänger|Recipient) unbekannt"_qs << u"EMPFÄNGER unbekannt"_qs << false << false;
    // ſ folds to s: Boost must confirm what the folded scan saw.
    QTest::newRow("set, subject folds into ASCII") << words << u"account is ſuspended"_qs << false << true;
    // Boost's case-insensitive comparison and simple folding differ beyond ASCII.
    QTest::newRow("set, folded beyond ASCII") << u"(?i)(straße|gasse) (is )?closed"_qs << u"STRA\u1E9EE is closed"_qs
                                              << false << true;
    QTest::newRow("set, mixed case modes") << u"(Over|Under) (?i:quota)"_qs << u"Under QUOTA"_qs << false << true;
    QTest::newRow("set with an anchor") << u"^(mailbox|account) full"_qs << u"mailbox full"_qs << false << true;
    QTest::newRow("set with a class") << u"(mailbox|account)\\s+full"_qs << u"mailbox full"_qs << false << true;
    QTest::newRow("set with a repetition") << u"(mailbox|account) (very )+full"_qs << u"account very full"_qs << false
                                           << true;
    QTest::newRow("single text") << u"user unknown"_qs << u"550 user unknown"_qs << true << true;
}

// Plain-text alternatives need no regex: the scan finding one of them is the match.
void TestRegexSetMapPrefilter::decidedByScan()
{
    QFETCH(QString, pattern);
    QFETCH(QString, subject);
    QFETCH(bool, decided);
    QFETCH(bool, matches);

    const QList<RegexRule> rules = {{u"unrelated"_qs, QJsonValue(1)}, {pattern, QJsonValue(2)}};
    const auto pre = RegexSetMap::compile(rules, RegexSetMap::Strategy::Prefiltered);
    const auto scan = RegexSetMap::compile(rules, RegexSetMap::Strategy::Scan);
    QVERIFY(pre.ok() && scan.ok());
    QCOMPARE(scan->findFirst(subject), matches ? 1 : -1);
    QCOMPARE(pre->findFirst(subject), matches ? 1 : -1);
    QCOMPARE(pre->lookup(subject).matches, scan->lookup(subject).matches);
    const RegexSetMap::PrefilterStats stats = pre->prefilterStats(subject);
    QCOMPARE(stats.decidedByScan, decided ? 1 : 0);
    if (decided)
        QCOMPARE(stats.regexRuns, 0);
}

void TestRegexSetMapPrefilter::prefilterDoesWork_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QStringList>("subjects");
    QTest::addColumn<int>("maxPercent"); // Boost runs, of rules × subjects

    // Five of the 36 paths rules have no usable literal by design and run on every subject.
    QTest::newRow("paths") << u"paths"_qs << pathsSubjects() << 25;
    QTest::newRow("random") << u"random"_qs << randomSubjects(400) << 10;
    QTest::newRow("gen1000") << u"gen1000"_qs << corpusSubjects() << 2;
}

// The answers above would also agree if the prefilter let every rule through; it must not.
void TestRegexSetMapPrefilter::prefilterDoesWork()
{
    QFETCH(QString, table);
    QFETCH(QStringList, subjects);
    QFETCH(int, maxPercent);

    const CompiledPair &maps = compiled(table);
    QVERIFY(maps.prefiltered && maps.scan);
    qint64 runs = 0;
    qint64 decided = 0;
    qint64 matches = 0;
    for (const QString &subject : subjects) {
        const RegexSetMap::PrefilterStats stats = maps.prefiltered->prefilterStats(subject);
        runs += stats.regexRuns;
        decided += stats.decidedByScan;
        matches += maps.scan->lookup(subject).matches.size();
        QCOMPARE(maps.scan->prefilterStats(subject).regexRuns, int(maps.scan->size()));
    }
    const qint64 everything = qint64(subjects.size()) * maps.prefiltered->size();
    QVERIFY2(matches > 0, "no subject matches: the comparison rows prove nothing");
    QVERIFY2(decided > 0, "no plain-text rule was decided by the scan");
    QVERIFY2(runs * 100 <= everything * maxPercent, qPrintable(u"Boost ran %1 times of %2"_qs.arg(runs).arg(everything)));
}

void TestRegexSetMapPrefilter::classRuns_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QList<int>>("lengths"); // of the runs kept, most selective first
    QTest::addColumn<QString>("without");    // an ASCII text lacking a run, so no match
    QTest::addColumn<QString>("with");       // an ASCII text the pattern matches

    QTest::newRow("codes") << u"\\d{3}\\s\\d"_qs << QList<int>{5} << u"55 5"_qs << u"x550 5"_qs;
    // The last four letters touch the digit; the first four alone are too common to keep.
    QTest::newRow("letters then digit") << u"(?i)[a-z]{4,}\\d"_qs << QList<int>{5} << u"abc1 abcd"_qs << u"xABCDe9"_qs;
    QTest::newRow("case-insensitive literal") << u"(?i)k\\d{3}"_qs << QList<int>{4} << u"k12"_qs << u"K123"_qs;
    QTest::newRow("variable part splits") << u"\\d{2}x?\\d{2}"_qs << QList<int>{} << u""_qs << u"1234"_qs;
    QTest::newRow("words are too common") << u"^\\S+\\s\\S+$"_qs << QList<int>{} << u""_qs << u"a b"_qs;
    // Split by the alternation into two equal runs, kept once.
    QTest::newRow("alternation splits") << u"\\d{3}(a|b)\\d{3}"_qs << QList<int>{3} << u"12a45"_qs << u"123b456"_qs;
    // A word boundary next to word characters adds the non-word unit outside, or the text's edge.
    QTest::newRow("word boundaries") << u"(?i)\\b[a-z]{2}\\d\\b"_qs << QList<int>{5} << u"xab1 ab12"_qs << u"ab1"_qs;
    QTest::newRow("word boundaries inside") << u"(?i)\\b[a-z]{2}\\d\\b"_qs << QList<int>{5} << u"xab1 ab12"_qs
                                            << u"5 ab1."_qs;
    QTest::newRow("word end") << u"\\d{3}\\b"_qs << QList<int>{4} << u"1234x"_qs << u"x 123"_qs;
    QTest::newRow("word start") << u"\\b{start}\\d{3}"_qs << QList<int>{4} << u"x1234"_qs << u"123x"_qs;
    QTest::newRow("boundary after non-word") << u"\\d{3}\\s\\b"_qs << QList<int>{5} << u"123 "_qs << u"123 x"_qs;
    QTest::newRow("two runs") << u"\\d{3}\\s.*\\s[A-Z]{4}\\d"_qs << QList<int>{4, 6} << u"550 x ABCD"_qs
                              << u"550 x ABCD1"_qs;
}

// Runs must be necessary (the `with` text matches and contains them) and kept only when they
// narrow the subjects.
void TestRegexSetMapPrefilter::classRuns()
{
    QFETCH(QString, pattern);
    QFETCH(QList<int>, lengths);
    QFETCH(QString, without);
    QFETCH(QString, with);

    const auto compiled = Dsn::Rules::CompiledPattern::compile(pattern);
    QVERIFY(compiled.ok());
    QList<int> actual;
    for (const auto &run : compiled.value()->classRuns())
        actual.append(int(run.size()));
    QCOMPARE(actual, lengths);
    QVERIFY(compiled.value()->search(with));
    // The map must find the match with the run filter on, and skip the rule without its runs.
    const QList<RegexRule> rules = {{pattern, QJsonValue(1)}, {u"\\d\\D"_qs, QJsonValue(2)}};
    const auto map = RegexSetMap::compile(rules, RegexSetMap::Strategy::Prefiltered);
    QVERIFY(map.ok());
    QCOMPARE(map->findFirst(with), 0);
    if (!lengths.isEmpty()) {
        QVERIFY(!compiled.value()->search(without));
        QList<int> ran;
        map->prefilterStats(without, &ran);
        QVERIFY2(!ran.contains(0), qPrintable(without));
    }
}

void TestRegexSetMapPrefilter::runsBeyondAscii_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<bool>("matches");
    QTest::addColumn<bool>("skipped"); // the class runs rule the pattern out without Boost

    const QString code = u"(?i)\\b[a-z]{2}\\d\\b"_qs;
    QTest::newRow("code in accented text") << code << u"Boîte pleine ab1, réessayez"_qs << true << false;
    QTest::newRow("no code in accented text") << code << u"Boîte pleine, réessayez"_qs << false << true;
    // é is a word character: no boundary before the a, but the runs cannot tell.
    QTest::newRow("code after a letter beyond ASCII") << code << u"éab1"_qs << false << false;
    QTest::newRow("code in astral text") << code << u"𐐀 ab1 𐐀"_qs << true << false;
    // The Kelvin sign is a case variant of k; Arabic-Indic digits are Unicode digits.
    QTest::newRow("kelvin sign") << u"(?i)\\bk\\d{2}"_qs << u"x \u212A12"_qs << true << false;
    QTest::newRow("digits beyond ASCII") << u"\\d{3}\\s\\d"_qs << u"\u0661\u0662\u0663 \u0664 é"_qs << true
                                         << false;
    // A class with a non-word character says nothing about the other side of a boundary.
    QTest::newRow("boundary beside a mixed class") << u"\\b[a-z\u2014]\\d{3}"_qs << u"1\u2014234 é"_qs << true
                                                   << false;
    QTest::newRow("ascii boundary beside a letter beyond ASCII")
        << u"(?-u:\\b)[a-z\u00e9]\\d{3}"_qs << u"a\u00e9123"_qs << true << false;
}

// Subjects beyond ASCII read each such character as a wildcard of the positions admitting one.
void TestRegexSetMapPrefilter::runsBeyondAscii()
{
    QFETCH(QString, pattern);
    QFETCH(QString, subject);
    QFETCH(bool, matches);
    QFETCH(bool, skipped);

    const QList<RegexRule> rules = {{pattern, QJsonValue(1)}, {u"\\d\\D"_qs, QJsonValue(2)}};
    const auto pre = RegexSetMap::compile(rules, RegexSetMap::Strategy::Prefiltered);
    const auto scan = RegexSetMap::compile(rules, RegexSetMap::Strategy::Scan);
    QVERIFY(pre.ok() && scan.ok());
    QCOMPARE(scan->lookup(subject).matches.contains(0), matches);
    QCOMPARE(pre->lookup(subject).matches, scan->lookup(subject).matches);
    QCOMPARE(pre->findFirst(subject), scan->findFirst(subject));
    QList<int> ran;
    pre->prefilterStats(subject, &ran);
    QCOMPARE(!ran.contains(0), skipped);
}

void TestRegexSetMapPrefilter::literalFreeGroups_data()
{
    QTest::addColumn<QString>("subject");
    QTest::addColumn<int>("maxRegexRuns"); // Boost runs on single rules
    QTest::addColumn<int>("minGroupRuns");

    // Nothing literal-free matches: the joint alternations say so, and only the rules that
    // cannot be joined (the (?x) comment, the two sharing a capture name) run alone.
    QTest::newRow("no member matches") << u"xyz!"_qs << 3 << 1;
    QTest::newRow("only a literal rule matches") << u"!user  unknown!"_qs << 3 << 1;
    // Members of a matching alternation run one by one (so at most all of them).
    QTest::newRow("members run") << u"550 5.1.1 user unknown"_qs << 22 << 1;
}

// The comparison rows prove joint runs change no answer; these prove they save Boost runs.
void TestRegexSetMapPrefilter::literalFreeGroups()
{
    QFETCH(QString, subject);
    QFETCH(int, maxRegexRuns);
    QFETCH(int, minGroupRuns);

    const CompiledPair &maps = compiled(u"classonly"_qs);
    QVERIFY(maps.prefiltered && maps.scan);
    const RegexSetMap::PrefilterStats stats = maps.prefiltered->prefilterStats(subject);
    QVERIFY2(stats.regexRuns <= maxRegexRuns, qPrintable(QString::number(stats.regexRuns)));
    QVERIFY(stats.groupRuns >= minGroupRuns);
    QCOMPARE(maps.scan->prefilterStats(subject).groupRuns, 0);
    QCOMPARE(maps.prefiltered->lookup(subject).matches, maps.scan->lookup(subject).matches);
}

// Boost giving up on a joint alternation must not hide a match or a give-up of its members.
void TestRegexSetMapPrefilter::groupGaveUp()
{
    const QList<RegexRule> rules = {{u"(a+)+$"_qs, QJsonValue(550)}, {u"\\d{3}"_qs, QJsonValue(451)},
                                    {u"^a\\s?a"_qs, QJsonValue(452)}};
    const auto scan = RegexSetMap::compile(rules, RegexSetMap::Strategy::Scan);
    const auto pre = RegexSetMap::compile(rules, RegexSetMap::Strategy::Prefiltered);
    QVERIFY(scan.ok() && pre.ok());
    for (const QString &subject : {QString(40, u'a') + u'b', QString(40, u'a'), u"123"_qs, u"b"_qs}) {
        const RegexSetMap::Lookup s = scan->lookup(subject);
        const RegexSetMap::Lookup p = pre->lookup(subject);
        QCOMPARE(p.matches, s.matches);
        QCOMPARE(p.gaveUp, s.gaveUp);
        QCOMPARE(pre->findFirst(subject), scan->findFirst(subject));
    }
    QCOMPARE(scan->lookup(QString(40, u'a') + u'b').gaveUp, QList<int>{0});
}

void TestRegexSetMapPrefilter::defaultStrategyIsPrefiltered()
{
    const auto map = RegexSetMap::compile({{u"quota"_qs, QJsonValue(1)}});
    QVERIFY(map.ok());
    QCOMPARE(map->strategy(), RegexSetMap::Strategy::Prefiltered);
}

// The candidate bitset is thread_local scratch; lookups from several threads must not see each
// other's candidates.
void TestRegexSetMapPrefilter::concurrentLookups()
{
    const CompiledPair &maps = compiled(u"noliteral10pct"_qs);
    QVERIFY(maps.scan && maps.prefiltered);
    const QStringList subjects = corpusSubjects() + probeSubjects();
    QList<int> expected;
    for (const QString &s : subjects)
        expected << maps.scan->findFirst(s);
    std::atomic<int> mismatches{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int round = 0; round < 5; ++round) {
                for (qsizetype i = 0; i < subjects.size(); ++i) {
                    // Each thread walks the subjects from a different offset so they overlap.
                    const qsizetype k = (i + t * 37) % subjects.size();
                    if (maps.prefiltered->findFirst(subjects[k]) != expected[k])
                        ++mismatches;
                }
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(mismatches.load(), 0);
}

// Threads compiling the same new list at once share one compile (the others wait for it); a
// list that fails to compile releases its waiters, each of which then reports the error too.
void TestRegexSetMapPrefilter::concurrentCompiles()
{
    const QString tag = QString::number(QDateTime::currentMSecsSinceEpoch());
    QList<RegexRule> good;
    for (int i = 0; i < 40; ++i)
        good.append({u"(?i)concurrent %1 rule %2 \\d+"_qs.arg(tag).arg(i), QJsonValue(i)});
    good.append({u"^\\d{3}\\s\\d"_qs, QJsonValue(-1)});
    QList<RegexRule> bad = good;
    bad.append({u"(unclosed"_qs, QJsonValue(0)});
    const QString subject = u"550 concurrent %1 rule 17 42"_qs.arg(tag);

    std::atomic<int> wrong{0};
    std::atomic<int> errors{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 6; ++t) {
        threads.emplace_back([&, t] {
            const bool failing = t % 2 == 1;
            const auto map = RegexSetMap::compile(failing ? bad : good, RegexSetMap::Strategy::Prefiltered);
            if (failing) {
                if (map.ok() || map.error().ruleIndex != int(good.size()))
                    ++wrong;
                else
                    ++errors;
            } else if (!map.ok() || map->findFirst(subject) != 17 || map->findFirst(u"550 5"_qs) != int(good.size()) - 1) {
                ++wrong;
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(wrong.load(), 0);
    QCOMPARE(errors.load(), 3);
}

QTEST_APPLESS_MAIN(TestRegexSetMapPrefilter)
#include "TestRegexSetMapPrefilter.moc"
