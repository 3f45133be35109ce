// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include <algorithm>
#include <memory>
#include <utility>
#include <vector>

#include <QAbstractItemModelTester>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QColor>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFont>
#include <QFrame>
#include <QHorizontalBarSeries>
#include <QImage>
#include <QLabel>
#include <QLocale>
#include <QPalette>
#include <QPixmap>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "ReplayCharts.h"
#include "ReplayFixtures.h"
#include "ReplayPanel.h"
#include "ReplaySampleModel.h"
#include "TransitionMatrixModel.h"
#include "UnmatchedReplyModel.h"
#include "replay/ReplayEngine.h"

using Dsn::Gui::ReplayPanel;
using Dsn::Replay::ReplaySummary;

Q_DECLARE_METATYPE(ReplaySummary::Dimension)

namespace {

constexpr int RunTimeoutMs = 120000;

ReplaySummary directReplay(const QStringList &paths)
{
    Dsn::Replay::ReplayEngine engine(Dsn::Test::fixtureOptions(1));
    auto summary = engine.run(paths);
    if (!summary)
        qFatal("%s", qPrintable(summary.error().toString()));
    return std::move(summary).value();
}

std::unique_ptr<ReplayPanel> makePanel(const QStringList &paths, int threads = 2)
{
    auto panel = std::make_unique<ReplayPanel>();
    panel->setConfigProvider([] { return Dsn::Test::fixtureOptions().config; });
    panel->setPaths(paths);
    panel->setThreads(threads);
    return panel;
}

/// Starts a run and waits for finished(); returns its `cancelled` argument.
bool runToEnd(ReplayPanel &panel)
{
    QSignalSpy finished(&panel, &ReplayPanel::finished);
    panel.start();
    if (!panel.isRunning())
        qFatal("the replay did not start: %s", qPrintable(panel.statusText()));
    if (!finished.wait(RunTimeoutMs))
        qFatal("the replay did not finish");
    return finished.first().first().toBool();
}

QString describe(const ReplaySummary::Sample &s)
{
    return QStringLiteral("%1:%2 %3 %4->%5 #%6 %7").arg(s.file).arg(s.line).arg(s.queue).arg(s.oldCode).arg(s.newCode).arg(s.rule).arg(s.response);
}

QStringList describe(const QList<ReplaySummary::Sample> &samples)
{
    QStringList out;
    for (const auto &s : samples)
        out << describe(s);
    return out;
}

/// The bars of a chart's horizontal series, top to bottom: (category, value of each set).
QList<std::pair<QString, QList<qint64>>> bars(QChart *chart)
{
    QList<std::pair<QString, QList<qint64>>> out;
    const auto series = chart->series();
    if (series.size() != 1)
        return out;
    auto *bars = qobject_cast<QHorizontalBarSeries *>(series.first());
    const auto axes = chart->axes(Qt::Vertical);
    auto *axis = axes.isEmpty() ? nullptr : qobject_cast<QBarCategoryAxis *>(axes.first());
    if (!bars || !axis)
        return out;
    const QStringList categories = axis->categories();
    for (qsizetype i = categories.size() - 1; i >= 0; --i) {
        QList<qint64> values;
        for (QBarSet *set : bars->barSets())
            values << qint64(set->at(int(i)));
        out.append({categories.at(i), values});
    }
    return out;
}

} // namespace

class TestReplayPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void matrixEqualsDirectReplay();
    void heatAndEmphasis();
    void headlineNamesTheBiggestChange();
    void ruleBarsEqualRuleCounts();
    void groupBarsEqualTopGroups_data();
    void groupBarsEqualTopGroups();
    void selectingCellListsItsSamples_data();
    void selectingCellListsItsSamples();
    void addSampleFromCell();
    void addSampleFromUnmatched();
    void cancelMidRunKeepsPartialResults();
    void destroyingDuringRunCancels();
    void policySyntaxErrorShowsError();
    void emptyInputDoesNotStart();
    void markStaleOffersRunAgain();
    void saveThenOpenRoundTrips_data();
    void saveThenOpenRoundTrips();
    void openRejectsNonSummary();
    void headlineWithoutADrivingRule_data();
    void headlineWithoutADrivingRule();
    void screenshot_data();
    void screenshot();

private:
    QTemporaryDir m_dir;
    QStringList m_files;
    std::unique_ptr<ReplayPanel> m_panel;
    std::unique_ptr<QAbstractItemModelTester> m_matrixTester;
    std::unique_ptr<QAbstractItemModelTester> m_sampleTester;
    std::unique_ptr<QAbstractItemModelTester> m_unmatchedTester;
    ReplaySummary m_direct;
};

void TestReplayPanel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_files = Dsn::Test::generateLogs(m_dir, {11, 12}, 2500, 12).files;
    m_direct = directReplay(m_files);
    QVERIFY(m_direct.changed() > 0);
    QVERIFY(m_direct.unmatched() > 0);

    m_panel = makePanel(m_files);
    m_matrixTester = std::make_unique<QAbstractItemModelTester>(m_panel->matrixModel());
    m_sampleTester = std::make_unique<QAbstractItemModelTester>(m_panel->sampleModel());
    m_unmatchedTester = std::make_unique<QAbstractItemModelTester>(m_panel->unmatchedModel());
    QSignalSpy started(m_panel.get(), &ReplayPanel::started);
    QCOMPARE(runToEnd(*m_panel), false);
    QCOMPARE(started.count(), 1);
    QVERIFY(!m_panel->isRunning());
}

void TestReplayPanel::matrixEqualsDirectReplay()
{
    QCOMPARE(m_panel->summary(), m_direct);
    const Dsn::Gui::TransitionMatrixModel *matrix = m_panel->matrixModel();
    qint64 nonEmpty = 0;
    for (int r = 0; r < matrix->rowCount(); ++r)
        for (int c = 0; c < matrix->columnCount(); ++c) {
            const qint64 n = matrix->count(matrix->index(r, c));
            QCOMPARE(n, m_direct.transitions(matrix->fromType(r), matrix->toType(c)));
            nonEmpty += n > 0;
        }
    QCOMPARE(nonEmpty, qint64(m_direct.transitionCells().size()));
    for (const auto &[key, cell] : m_direct.transitionCells()) {
        const QModelIndex index = matrix->indexOf(key.first, key.second);
        QVERIFY(index.isValid());
        QCOMPARE(index.data(Dsn::Gui::TransitionMatrixModel::CountRole).toLongLong(), cell.count);
    }
    QVERIFY(m_panel->statusText().contains(QLocale().toString(m_direct.records())));
}

void TestReplayPanel::heatAndEmphasis()
{
    const Dsn::Gui::TransitionMatrixModel *matrix = m_panel->matrixModel();
    for (const auto &[key, cell] : m_direct.transitionCells()) {
        const QModelIndex index = matrix->indexOf(key.first, key.second);
        QVERIFY(index.data(Qt::BackgroundRole).value<QColor>().isValid());
        const bool changed = key.first != key.second;
        QCOMPARE(index.data(Dsn::Gui::TransitionMatrixModel::ChangedRole).toBool(), changed);
        QCOMPARE(index.data(Qt::FontRole).value<QFont>().bold(), changed);
    }
}

void TestReplayPanel::headlineNamesTheBiggestChange()
{
    const ReplaySummary::Cell *top = nullptr;
    for (const auto &[key, cell] : m_direct.transitionCells())
        if (key.first != key.second && (!top || cell.count > top->count))
            top = &cell;
    QVERIFY(top);
    const qint64 most = top->count;
    const QString headline = m_panel->headline();
    QVERIFY2(headline.startsWith(QLocale().toString(most) + QLatin1Char(' ')), qPrintable(headline));
    QVERIFY2(headline.contains(QLatin1String("would become")), qPrintable(headline));
    // The rule that drove most of that cell, with its share, from the summary's own cell counts.
    QVERIFY(!top->rules.empty());
    const auto best = std::max_element(top->rules.begin(), top->rules.end(),
                                       [](const auto &a, const auto &b) { return a.second < b.second; });
    const QString share = QStringLiteral(", %1% of them from rule #%2 ").arg(best->second * 100 / most).arg(best->first.first + 1);
    QVERIFY2(headline.contains(share), qPrintable(headline + QLatin1String(" lacks ") + share));
}

void TestReplayPanel::ruleBarsEqualRuleCounts()
{
    const int top = m_panel->charts()->topCount();
    std::vector<std::pair<std::pair<int, QString>, qint64>> expected(m_direct.ruleCounts().begin(), m_direct.ruleCounts().end());
    QVERIFY(!expected.empty());
    std::stable_sort(expected.begin(), expected.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    expected.resize(std::min(expected.size(), size_t(top)));
    const auto shown = bars(m_panel->charts()->ruleChart());
    QCOMPARE(shown.size(), qsizetype(expected.size()));
    for (qsizetype i = 0; i < shown.size(); ++i) {
        QVERIFY2(shown.at(i).first.startsWith(QStringLiteral("#%1 ").arg(expected.at(size_t(i)).first.first + 1)),
                 qPrintable(shown.at(i).first));
        QCOMPARE(shown.at(i).second, QList<qint64>{expected.at(size_t(i)).second});
    }

    // The window numbers rules as its Rules panel does (disabled rules are not in KumoMTA's
    // table); every place that names a rule follows.
    m_panel->setRuleNumbering([](int index) { return index + 40; });
    const auto renumbered = bars(m_panel->charts()->ruleChart());
    QVERIFY2(renumbered.value(0).first.startsWith(QStringLiteral("#%1 ").arg(expected.front().first.first + 40)),
             qPrintable(renumbered.value(0).first));
    QVERIFY2(m_panel->headline().contains(QLatin1String("rule #4")), qPrintable(m_panel->headline()));
    m_panel->setRuleNumbering([](int index) { return index + 1; });
}

void TestReplayPanel::groupBarsEqualTopGroups_data()
{
    QTest::addColumn<ReplaySummary::Dimension>("dimension");
    QTest::addColumn<int>("top");
    QTest::newRow("domains, top 15") << ReplaySummary::Domains << 15;
    QTest::newRow("domains, top 5") << ReplaySummary::Domains << 5;
    QTest::newRow("sites") << ReplaySummary::Sites << 15;
    QTest::newRow("tenants") << ReplaySummary::Tenants << 15;
    QTest::newRow("campaigns") << ReplaySummary::Campaigns << 15;
}

void TestReplayPanel::groupBarsEqualTopGroups()
{
    QFETCH(ReplaySummary::Dimension, dimension);
    QFETCH(int, top);
    Dsn::Gui::ReplayCharts *charts = m_panel->charts();
    charts->setTopCount(top);
    charts->setDimension(dimension);
    const auto expected = m_direct.topGroups(dimension, top);
    QVERIFY(!expected.isEmpty());
    const auto shown = bars(charts->groupChart());
    QCOMPARE(shown.size(), expected.size());
    for (qsizetype i = 0; i < shown.size(); ++i) {
        const auto &[name, counts] = expected.at(i);
        QVERIFY2(name.startsWith(shown.at(i).first.chopped(1)) || shown.at(i).first == name, qPrintable(shown.at(i).first));
        QCOMPARE(shown.at(i).second, (QList<qint64>{counts.records, counts.rewritten, counts.changed}));
    }
    charts->setTopCount(15);
    charts->setDimension(ReplaySummary::Domains);
}

void TestReplayPanel::selectingCellListsItsSamples_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    for (const auto &[key, cell] : m_direct.transitionCells())
        QTest::newRow(qPrintable(key.first + QStringLiteral(" -> ") + key.second)) << key.first << key.second;
}

void TestReplayPanel::selectingCellListsItsSamples()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QVERIFY(m_panel->selectTransition(from, to));
    const auto &cell = m_direct.transitionCells().at({from, to});
    QVERIFY(!cell.samples.isEmpty());
    QCOMPARE(describe(m_panel->sampleModel()->samples()), describe(cell.samples));
    // Through the view as the analyst does it: clicking the cell.
    auto *view = m_panel->findChild<QTableView *>(QStringLiteral("matrixView"));
    QVERIFY(view);
    view->selectionModel()->clearCurrentIndex();
    QCOMPARE(m_panel->sampleModel()->rowCount(), 0);
    view->setCurrentIndex(m_panel->matrixModel()->indexOf(from, to));
    QCOMPARE(describe(m_panel->sampleModel()->samples()), describe(cell.samples));
}

void TestReplayPanel::addSampleFromCell()
{
    const auto &[key, cell] = *std::max_element(m_direct.transitionCells().begin(), m_direct.transitionCells().end(),
                                                [](const auto &a, const auto &b) { return a.second.samples.size() < b.second.samples.size(); });
    QVERIFY(cell.samples.size() >= 2);
    QVERIFY(m_panel->selectTransition(key.first, key.second));
    auto *view = m_panel->findChild<QTableView *>(QStringLiteral("sampleView"));
    auto *button = m_panel->findChild<QPushButton *>(QStringLiteral("addSampleButton"));
    QVERIFY(view && button);
    view->selectRow(1);
    QVERIFY(button->isEnabled());
    auto *detail = m_panel->findChild<QLabel *>(QStringLiteral("sampleDetail"));
    QVERIFY(detail);
    QVERIFY2(detail->text().contains(cell.samples.at(1).response), qPrintable(detail->text()));
    QSignalSpy spy(m_panel.get(), &ReplayPanel::addSampleRequested);
    button->click();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.first().at(0).toString(), cell.samples.at(1).response);
    QCOMPARE(spy.first().at(1).toString(), cell.samples.at(1).queue);
}

void TestReplayPanel::addSampleFromUnmatched()
{
    const auto groups = m_direct.topUnmatchedGroups(3);
    QVERIFY(groups.size() >= 2);
    auto *view = m_panel->findChild<QTableView *>(QStringLiteral("unmatchedView"));
    auto *button = m_panel->findChild<QPushButton *>(QStringLiteral("addUnmatchedButton"));
    QVERIFY(view && button);
    QCOMPARE(m_panel->unmatchedModel()->index(0, Dsn::Gui::UnmatchedReplyModel::TextColumn).data().toString(), groups.at(0).text);
    view->clearSelection();
    QVERIFY(!button->isEnabled());
    view->selectionModel()->select(m_panel->unmatchedModel()->index(0, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    view->selectionModel()->select(m_panel->unmatchedModel()->index(1, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QVERIFY(button->isEnabled());
    QSignalSpy spy(m_panel.get(), &ReplayPanel::addSampleRequested);
    button->click();
    QCOMPARE(spy.count(), 2);
    for (int i = 0; i < 2; ++i) {
        QVERIFY(!groups.at(i).example.isEmpty());
        QCOMPARE(spy.at(i).at(0).toString(), groups.at(i).example);
        QCOMPARE(spy.at(i).at(1).toString(), groups.at(i).queue);
    }
}

void TestReplayPanel::cancelMidRunKeepsPartialResults()
{
    QTemporaryDir dir;
    const auto logs = Dsn::Test::generateLogs(dir, {21}, 60000, 0);
    auto panel = makePanel(logs.files, 1);
    panel->setChunkLines(20);
    QSignalSpy finished(panel.get(), &ReplayPanel::finished);
    panel->start();
    QVERIFY(panel->isRunning());
    auto *progress = panel->findChild<QProgressBar *>(QStringLiteral("progressBar"));
    QVERIFY(progress);
    // Cancel once the replay has demonstrably read something: then it is mid-run.
    QTRY_VERIFY_WITH_TIMEOUT(progress->value() > 0 || !finished.isEmpty(), RunTimeoutMs);
    panel->cancel();
    QVERIFY(finished.wait(RunTimeoutMs) || !finished.isEmpty());
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(!panel->isRunning());
    QVERIFY2(panel->summary().records() > 0, qPrintable(panel->statusText()));
    QVERIFY(panel->summary().records() < logs.records);
    QVERIFY2(panel->statusText().contains(QLatin1String("Cancelled")), qPrintable(panel->statusText()));
    QCOMPARE(panel->matrixModel()->rowCount() > 0, panel->summary().evaluated() > 0);
}

void TestReplayPanel::destroyingDuringRunCancels()
{
    auto panel = makePanel(m_files, 1);
    panel->setChunkLines(10);
    panel->start();
    QVERIFY(panel->isRunning());
    panel.reset(); // must cancel, wait and not crash
    QVERIFY(!panel);
}

void TestReplayPanel::policySyntaxErrorShowsError()
{
    auto panel = makePanel(m_files);
    panel->setConfigProvider([] {
        auto config = Dsn::Test::fixtureOptions().config;
        config.policySource = "kumo.on('smtp_client_rewrite_delivery_status', function( -- broken\n";
        return config;
    });
    QCOMPARE(runToEnd(*panel), false);
    QVERIFY2(panel->statusText().contains(QLatin1String("policy.lua")), qPrintable(panel->statusText()));
    QVERIFY(panel->statusText().startsWith(QLatin1String("Replay failed")));
    QCOMPARE(panel->summary().records(), qint64(0));
    // The same panel recovers once the policy is fixed.
    panel->setConfigProvider([] { return Dsn::Test::fixtureOptions().config; });
    QCOMPARE(runToEnd(*panel), false);
    QCOMPARE(panel->summary(), m_direct);
}

void TestReplayPanel::emptyInputDoesNotStart()
{
    ReplayPanel panel;
    QSignalSpy started(&panel, &ReplayPanel::started);
    panel.start();
    QVERIFY(!panel.isRunning());
    QCOMPARE(started.count(), 0);
    QVERIFY(panel.statusText().contains(QLatin1String("add log files")));
}

void TestReplayPanel::markStaleOffersRunAgain()
{
    auto *bar = m_panel->findChild<QFrame *>(QStringLiteral("staleBar"));
    auto *again = m_panel->findChild<QPushButton *>(QStringLiteral("runAgainButton"));
    QVERIFY(bar && again);
    QVERIFY(bar->isHidden());
    m_panel->markStale();
    QVERIFY(m_panel->isStale());
    QVERIFY(!bar->isHidden());
    QSignalSpy finished(m_panel.get(), &ReplayPanel::finished);
    again->click();
    QVERIFY(m_panel->isRunning());
    QVERIFY(finished.wait(RunTimeoutMs));
    QVERIFY(!m_panel->isStale());
    QVERIFY(bar->isHidden());
    QCOMPARE(m_panel->summary(), m_direct);
}

void TestReplayPanel::saveThenOpenRoundTrips_data()
{
    QTest::addColumn<QList<int>>("parts");   // files per saved summary, in order
    QTest::newRow("one summary of both files") << QList<int>{2};
    QTest::newRow("two summaries, one file each, merged") << QList<int>{1, 1};
}

void TestReplayPanel::saveThenOpenRoundTrips()
{
    QFETCH(QList<int>, parts);
    QTemporaryDir out;
    QStringList saved;
    qsizetype next = 0;
    for (int n : parts) {
        auto panel = makePanel(m_files.mid(next, n));
        next += n;
        QCOMPARE(runToEnd(*panel), false);
        saved << out.filePath(QStringLiteral("summary%1.json").arg(saved.size()));
        QVERIFY2(panel->saveSummary(saved.last()), qPrintable(panel->statusText()));
    }
    ReplayPanel viewer;
    QVERIFY2(viewer.openSummaries(saved), qPrintable(viewer.statusText()));
    QCOMPARE(viewer.summary(), m_direct);
    QCOMPARE(viewer.matrixModel()->rowCount(), m_panel->matrixModel()->rowCount());
    QCOMPARE(viewer.matrixModel()->columnCount(), m_panel->matrixModel()->columnCount());
    // Saved summaries keep the rules behind each transition: the same headline as the live run.
    QCOMPARE(viewer.headline(), m_panel->headline());
}

void TestReplayPanel::openRejectsNonSummary()
{
    ReplayPanel viewer;
    QVERIFY(!viewer.openSummaries({m_files.first()}));
    QVERIFY(viewer.statusText().contains(QFileInfo(m_files.first()).fileName()));
    QCOMPARE(viewer.summary().records(), qint64(0));
}

void TestReplayPanel::headlineWithoutADrivingRule_data()
{
    QTest::addColumn<bool>("cellRules"); // false: saved before cells counted their rules
    QTest::addColumn<QString>("expected");
    QTest::newRow("cells know their rules")
        << true << QStringLiteral("3 bounces would become deferrals: no rule of this table matches them.");
    QTest::newRow("older summary") << false
                                   << QStringLiteral("3 bounces would become deferrals; rule #1 (over quota) matched the most replies (1).");
}

/// The biggest change was made by no rule (a production rewrite the table no longer makes): the
/// headline says so instead of naming a rule, unless the summary cannot tell.
void TestReplayPanel::headlineWithoutADrivingRule()
{
    QFETCH(bool, cellRules);
    QFETCH(QString, expected);
    ReplaySummary summary;
    Dsn::Replay::ReplayDecision undone;
    undone.file = QStringLiteral("kumo.log");
    undone.oldType = QStringLiteral("Bounce");
    undone.newType = QStringLiteral("TransientFailure");
    undone.oldCode = 500;
    undone.newCode = 421;
    undone.eventCalled = true;
    undone.response = QStringLiteral("421 4.7.0 Try again later");
    for (int line = 1; line <= 3; ++line) {
        undone.line = line;
        summary.addRecord(undone.oldType);
        summary.addDecision(undone);
    }
    Dsn::Replay::ReplayDecision quota = undone;
    quota.line = 4;
    quota.oldType = QStringLiteral("TransientFailure");
    quota.newType = QStringLiteral("Bounce");
    quota.oldCode = 452;
    quota.newCode = 552;
    quota.ruleIndex = 0;
    quota.rulePattern = QStringLiteral("over quota");
    summary.addRecord(quota.oldType);
    summary.addDecision(quota);

    QJsonObject json = summary.toJson();
    if (!cellRules) {
        QJsonArray cells = json.value(u"transitions"_qs).toArray();
        for (qsizetype i = 0; i < cells.size(); ++i) {
            QJsonObject cell = cells.at(i).toObject();
            cell.remove(u"rules"_qs);
            cells[i] = cell;
        }
        json.insert(u"transitions"_qs, cells);
    }
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("summary.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(json).toJson());
    file.close();
    ReplayPanel viewer;
    QVERIFY2(viewer.openSummaries({file.fileName()}), qPrintable(viewer.statusText()));
    QCOMPARE(viewer.headline(), expected);
}

void TestReplayPanel::screenshot_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<QString>("file");
    QTest::newRow("light") << false << QStringLiteral("/tmp/replay-panel.png");
    QTest::newRow("dark") << true << QStringLiteral("/tmp/replay-panel-dark.png");
}

void TestReplayPanel::screenshot()
{
    QFETCH(bool, dark);
    QFETCH(QString, file);
    ReplayPanel panel;
    if (dark) {
        // A plain dark palette; the workbench's own lives in a library this test does not link.
        const std::pair<QPalette::ColorRole, QRgb> roles[] = {
            {QPalette::Window, 0x2b2b2b}, {QPalette::WindowText, 0xe0e0e0}, {QPalette::Base, 0x1e1e1e},
            {QPalette::AlternateBase, 0x262626}, {QPalette::Text, 0xe0e0e0}, {QPalette::Button, 0x353535},
            {QPalette::ButtonText, 0xe0e0e0}, {QPalette::Highlight, 0x2a82da}, {QPalette::Mid, 0x555555}};
        QPalette p;
        for (const auto &[role, rgb] : roles)
            p.setColor(role, QColor(rgb));
        for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
            p.setColor(QPalette::Disabled, role, QColor(0x80, 0x80, 0x80));
        panel.setPalette(p);
    }
    panel.setPaths(m_files);
    const QString summaryFile = m_dir.filePath(QStringLiteral("shot.json"));
    QVERIFY(m_panel->saveSummary(summaryFile));
    QVERIFY(panel.openSummaries({summaryFile}));
    panel.resize(1280, 900);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    const QPixmap shot = panel.grab();
    QVERIFY(!shot.isNull());
    QVERIFY(shot.save(file));
    // The other tabs, too: the charts are where theme mistakes show.
    auto *tabs = panel.findChild<QTabWidget *>(QStringLiteral("resultTabs"));
    QVERIFY(tabs);
    for (const auto &[tab, suffix] : {std::pair{1, "-charts.png"}, std::pair{2, "-unmatched.png"}}) {
        tabs->setCurrentIndex(tab);
        QVERIFY(panel.grab().save(file.chopped(4) + QLatin1String(suffix)));
    }
}

QTEST_MAIN(TestReplayPanel)
#include "TestReplayPanel.moc"
