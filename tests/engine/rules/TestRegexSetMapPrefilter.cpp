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

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QTest>

#include "TestConfig.h"
#include "common/SmtpResponse.h"
#include "rules/RegexSetMap.h"
#include "rules/detail/LiteralScanner.h"

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
    else if (name == u"noliteral10pct")
        rules = noLiteralTable();
    else if (name == u"caseinsensitive")
        rules = caseInsensitiveTable();
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
    void gaveUp_data();
    void gaveUp();
    void defaultStrategyIsPrefiltered();
    void concurrentLookups();
};

void TestRegexSetMapPrefilter::sameAnswers_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("subject");

    const QStringList corpus = corpusSubjects();
    const QStringList probes = probeSubjects();
    QVERIFY(corpus.size() > 200);
    for (const char *table :
         {"seed", "gen10", "gen100", "gen1000", "noliteral10pct", "caseinsensitive", "alternation", "unicode"}) {
        for (qsizetype i = 0; i < corpus.size(); ++i)
            QTest::addRow("%s corpus %d", table, int(i)) << QString::fromLatin1(table) << corpus[i];
        for (qsizetype i = 0; i < probes.size(); ++i)
            QTest::addRow("%s probe %d", table, int(i)) << QString::fromLatin1(table) << probes[i];
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
    QTest::addColumn<QString>("literal"); // null: the rule runs on every subject

    QTest::newRow("whole literal") << u"hello"_qs << u"hello"_qs;
    QTest::newRow("longest run wins") << u"5\\.1\\.1 .*does not exist"_qs << u"does not exist"_qs;
    QTest::newRow("tie keeps the first") << u"over (quota)+"_qs << u"over "_qs;
    QTest::newRow("optional part skipped") << u"x*abc"_qs << u"abc"_qs;
    QTest::newRow("counted zero skipped") << u"a{0,3}bc"_qs << u"bc"_qs;
    QTest::newRow("class splits the run") << u"[Uu]ser unknown"_qs << u"ser unknown"_qs;
    QTest::newRow("(?i) literal is folded") << u"(?i)User UNKNOWN"_qs << u"user unknown"_qs;
    QTest::newRow("(?i) sharp s") << u"(?i)STRAẞE"_qs << u"straße"_qs;
    QTest::newRow("(?i) final sigma") << u"(?i)ΣΟΦΟΣ"_qs << u"σοφοσ"_qs;
    QTest::newRow("exact beats folded") << u"(?i:spam) filter"_qs << u" filter"_qs;
    QTest::newRow("unicode literal") << u"Empfänger unbekannt"_qs << u"Empfänger unbekannt"_qs;
    QTest::newRow("astral literal") << u"𐐀x"_qs << u"𐐀x"_qs;
    QTest::newRow("alternation has none") << u"(quota|full)"_qs << QString();
    QTest::newRow("top-level alternation") << u"ab|cd"_qs << QString();
    QTest::newRow("classes only") << u"\\d{3}\\s\\w+"_qs << QString();
    QTest::newRow("anchors only") << u"^$"_qs << QString();
    QTest::newRow("empty pattern") << QString() << QString();
}

void TestRegexSetMapPrefilter::literalChoice()
{
    QFETCH(QString, pattern);
    QFETCH(QString, literal);

    const auto map = RegexSetMap::compile({{u"unrelated"_qs, QJsonValue(1)}, {pattern, QJsonValue(2)}},
                                          RegexSetMap::Strategy::Prefiltered);
    QVERIFY(map.ok());
    QCOMPARE(map->prefilterLiteral(1), literal);
    QCOMPARE(map->prefilterLiteral(1).isNull(), literal.isNull());
    QCOMPARE(map->prefilterLiteral(0), u"unrelated"_qs);
    QVERIFY(map->prefilterLiteral(2).isNull());
    const auto scan = RegexSetMap::compile({{pattern, QJsonValue(2)}}, RegexSetMap::Strategy::Scan);
    QVERIFY(scan.ok());
    QVERIFY(scan->prefilterLiteral(0).isNull());
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

void TestRegexSetMapPrefilter::gaveUp_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QList<int>>("scanGaveUp");
    QTest::addColumn<QList<int>>("prefilteredGaveUp");

    // The literal is there, so the pattern runs and Boost gives up exactly as before.
    QTest::newRow("literal present") << u"(a+)+$"_qs << QString(40, u'a') + u'b' << QList<int>{0} << QList<int>{0};
    // The deliberate difference: "zq" is absent, so the pattern cannot match and never runs.
    QTest::newRow("literal absent") << u"(a+)+zq$"_qs << QString(40, u'a') + u'b' << QList<int>{0} << QList<int>{};
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

QTEST_APPLESS_MAIN(TestRegexSetMapPrefilter)
#include "TestRegexSetMapPrefilter.moc"
