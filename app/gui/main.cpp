// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QTabWidget>
#include <QTimer>
#include <QTranslator>

#include "Appearance.h"
#include "MainWindow.h"
#include "ReplayPanel.h"
#include "SamplesPanel.h"

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("DSN Workbench"));
    QApplication::setOrganizationDomain(QStringLiteral("dsnworkbench.org"));
    QApplication::setApplicationName(QStringLiteral("DSN Workbench"));
    QApplication::setApplicationVersion(QStringLiteral(DSN_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.dsnworkbench.DsnWorkbench"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/hicolor/scalable/apps/org.dsnworkbench.DsnWorkbench.svg")));

    // The language follows the system locale; Qt's own dialogs come from Qt's translations.
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("dsn-workbench"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Workbench for KumoMTA delivery-status rewrite rules."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QApplication::translate("main", "Project file (.dsnwb) to open."));
    QCommandLineOption example(QStringLiteral("example"),
                               QApplication::translate("main", "Open the bundled example project."));
    parser.addOption(example);
    // Used to make the README's screenshot: waits for the outcomes, saves the window, quits.
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                  QApplication::translate("main", "Save a picture of the window to <file> and quit."),
                                  QStringLiteral("file"));
    parser.addOption(screenshot);
    QCommandLineOption replay(QStringLiteral("replay"),
                              QApplication::translate("main", "Replay KumoMTA log files or folders through the project's "
                                                              "rules in the Log Replay tab (repeatable)."),
                              QStringLiteral("path"));
    parser.addOption(replay);
    parser.process(app);

    Dsn::Workbench::Appearance::apply(Dsn::Workbench::Appearance::themeFromId(
        QSettings().value(QStringLiteral("appearance/theme"), QStringLiteral("system")).toString()));

    Dsn::Workbench::MainWindow window;
    const QStringList args = parser.positionalArguments();
    const QStringList recent = QSettings().value(QStringLiteral("recentProjects")).toStringList();
    if (!args.isEmpty()) {
        const QString error = window.openProject(args.first());
        if (!error.isEmpty()) {
            QMessageBox::warning(nullptr, QApplication::translate("main", "Open project"), error);
            window.openBundledExample();
        }
    } else if (!parser.isSet(example) && !recent.isEmpty() && QFileInfo::exists(recent.first())
               && window.openProject(recent.first()).isEmpty()) {
        // Picked up where the analyst left off.
    } else {
        window.openBundledExample();
    }
    window.show();
    if (parser.isSet(replay)) {
        QStringList paths;
        for (const QString &p : parser.values(replay))
            paths.append(QFileInfo(p).absoluteFilePath());
        window.replayPanel()->setPaths(paths);
        window.centralTabs()->setCurrentWidget(window.replayPanel());
        QTimer::singleShot(0, window.replayPanel(), &Dsn::Gui::ReplayPanel::start);
    }
    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        auto *poll = new QTimer(&window);
        QObject::connect(poll, &QTimer::timeout, &window, [&window, poll, file] {
            if (!window.isIdle() || window.replayPanel()->isRunning())
                return;
            poll->stop();
            window.samplesPanel()->selectSourceRow(1);
            QTimer::singleShot(300, &window, [&window, file] {
                const bool saved = window.grab().save(file);
                QApplication::exit(saved ? 0 : 1);
            });
        });
        poll->start(100);
        window.setInteractive(false);
    } else {
        QTimer::singleShot(0, &window, &Dsn::Workbench::MainWindow::offerRecovery);
    }
    return QApplication::exec();
}
