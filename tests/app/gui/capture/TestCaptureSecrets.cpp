// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include <memory>
#include <optional>

#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QComboBox>
#include <QCheckBox>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include "CapturePanel.h"
#include "KeychainSecretStore.h"
#include "MemorySecretStore.h"
#include "StagingProfile.h"

using Dsn::Capture::CapturePanel;
using Dsn::Capture::KeychainSecretStore;
using Dsn::Capture::MemorySecretStore;
using Dsn::Capture::SecretStore;
using Dsn::Capture::StagingProfile;
using Dsn::Smtp::TlsMode;

class TestCaptureSecrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void tlsModeIds_data();
    void tlsModeIds();
    void memoryStoreIsAsynchronous();
    void memoryStoreDropsDeadContext();
    void profileRoundTrip_data();
    void profileRoundTrip();
    void keychainUnavailableKeepsPasswordInMemory();
    void deleteProfileRemovesSecret();
    void keychainStoreAnswers();

private:
    void fillForm(CapturePanel &panel, const StagingProfile &p, const QString &password);
    QByteArray settingsFileBytes() const;

    QTemporaryDir m_dir;
};

void TestCaptureSecrets::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("DsnCaptureTest"));
    QCoreApplication::setApplicationName(QStringLiteral("TestCaptureSecrets"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
}

void TestCaptureSecrets::init()
{
    QSettings settings;
    settings.clear();
    settings.sync();
}

QByteArray TestCaptureSecrets::settingsFileBytes() const
{
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestCaptureSecrets::fillForm(CapturePanel &panel, const StagingProfile &p, const QString &password)
{
    panel.setTarget(CapturePanel::Target::Staging);
    panel.findChild<QLineEdit *>(QStringLiteral("profileNameEdit"))->setText(p.name);
    panel.findChild<QLineEdit *>(QStringLiteral("hostEdit"))->setText(p.host);
    panel.findChild<QSpinBox *>(QStringLiteral("portSpin"))->setValue(p.port);
    auto *tls = panel.findChild<QComboBox *>(QStringLiteral("tlsCombo"));
    tls->setCurrentIndex(tls->findData(int(p.tls)));
    panel.findChild<QCheckBox *>(QStringLiteral("untrustedCheck"))->setChecked(p.acceptUntrustedCertificate);
    panel.findChild<QLineEdit *>(QStringLiteral("userEdit"))->setText(p.user);
    panel.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->setText(password);
}

void TestCaptureSecrets::tlsModeIds_data()
{
    QTest::addColumn<TlsMode>("mode");
    QTest::addColumn<QString>("id");
    QTest::newRow("off") << TlsMode::Off << QStringLiteral("off");
    QTest::newRow("opportunistic") << TlsMode::Opportunistic << QStringLiteral("opportunistic");
    QTest::newRow("required") << TlsMode::Required << QStringLiteral("required");
    QTest::newRow("implicit") << TlsMode::Implicit << QStringLiteral("implicit");
}

void TestCaptureSecrets::tlsModeIds()
{
    QFETCH(TlsMode, mode);
    QFETCH(QString, id);
    QCOMPARE(StagingProfile::tlsModeId(mode), id);
    QCOMPARE(StagingProfile::tlsModeFromId(id), mode);
}

void TestCaptureSecrets::memoryStoreIsAsynchronous()
{
    MemorySecretStore store;
    QObject context;
    bool written = false;
    store.writeSecret(QStringLiteral("k"), QStringLiteral("v"), &context, [&](const SecretStore::Reply &r) {
        written = r.ok();
    });
    QVERIFY(!written); // never from inside the call
    QTRY_VERIFY(written);

    std::optional<SecretStore::Reply> read;
    store.readSecret(QStringLiteral("k"), &context, [&](const SecretStore::Reply &r) { read = r; });
    QTRY_VERIFY(read.has_value());
    QCOMPARE(read->status, SecretStore::Status::Ok);
    QCOMPARE(read->secret, QStringLiteral("v"));

    read.reset();
    store.readSecret(QStringLiteral("missing"), &context, [&](const SecretStore::Reply &r) { read = r; });
    QTRY_VERIFY(read.has_value());
    QCOMPARE(read->status, SecretStore::Status::NotFound);

    store.setUnavailable(true);
    read.reset();
    store.readSecret(QStringLiteral("k"), &context, [&](const SecretStore::Reply &r) { read = r; });
    QTRY_VERIFY(read.has_value());
    QCOMPARE(read->status, SecretStore::Status::Unavailable);
    QVERIFY(!read->errorText.isEmpty());
}

void TestCaptureSecrets::memoryStoreDropsDeadContext()
{
    MemorySecretStore store;
    bool called = false;
    auto context = std::make_unique<QObject>();
    store.readSecret(QStringLiteral("k"), context.get(), [&](const SecretStore::Reply &) { called = true; });
    context.reset();
    QTest::qWait(50);
    QVERIFY(!called);
}

void TestCaptureSecrets::profileRoundTrip_data()
{
    QTest::addColumn<StagingProfile>("profile");
    QTest::addColumn<QString>("password");
    QTest::newRow("starttls required, untrusted, auth")
        << StagingProfile{QStringLiteral("staging-a"), QStringLiteral("127.0.0.1"), 2526, TlsMode::Required, true,
                          QStringLiteral("analyst")}
        << QStringLiteral("s3cret-Pa55word-A");
    QTest::newRow("implicit TLS")
        << StagingProfile{QStringLiteral("mx staging"), QStringLiteral("mx.staging.example"), 465, TlsMode::Implicit,
                          false, QStringLiteral("ops@example.com")}
        << QStringLiteral("another-Secret-B");
    QTest::newRow("plain, no auth")
        << StagingProfile{QStringLiteral("plain"), QStringLiteral("10.0.0.5"), 25, TlsMode::Off, false, QString()}
        << QString();
}

void TestCaptureSecrets::profileRoundTrip()
{
    QFETCH(StagingProfile, profile);
    QFETCH(QString, password);
    MemorySecretStore store;
    {
        CapturePanel panel;
        panel.setSecretStore(&store);
        fillForm(panel, profile, password);
        QVERIFY(panel.saveStagingProfile());
        if (!password.isEmpty())
            QTRY_COMPARE(store.secret(profile.secretKey()), password);
        else
            QTest::qWait(20);
        QVERIFY(!store.contains(profile.secretKey()) || !password.isEmpty());
    }

    const QByteArray ini = settingsFileBytes();
    QVERIFY(ini.contains("captureProfiles"));
    QVERIFY(ini.contains(profile.host.toUtf8()));
    if (!password.isEmpty())
        QVERIFY2(!ini.contains(password.toUtf8()), ini.constData());

    QSettings settings;
    const QList<StagingProfile> loaded = StagingProfile::loadAll(settings);
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.first(), profile);

    CapturePanel again;
    again.setSecretStore(&store);
    QCOMPARE(again.stagingProfiles(), loaded);
    QVERIFY(again.selectStagingProfile(profile.name));
    QCOMPARE(again.target(), CapturePanel::Target::Staging);
    QCOMPARE(again.findChild<QLineEdit *>(QStringLiteral("hostEdit"))->text(), profile.host);
    QCOMPARE(again.findChild<QSpinBox *>(QStringLiteral("portSpin"))->value(), int(profile.port));
    QCOMPARE(again.findChild<QComboBox *>(QStringLiteral("tlsCombo"))->currentData().toInt(), int(profile.tls));
    QCOMPARE(again.findChild<QCheckBox *>(QStringLiteral("untrustedCheck"))->isChecked(),
             profile.acceptUntrustedCertificate);
    QCOMPARE(again.findChild<QLineEdit *>(QStringLiteral("userEdit"))->text(), profile.user);
    // The password is only fetched when a capture needs it.
    QVERIFY(again.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->text().isEmpty());
}

void TestCaptureSecrets::keychainUnavailableKeepsPasswordInMemory()
{
    MemorySecretStore store;
    store.setUnavailable(true);
    CapturePanel panel;
    panel.setSecretStore(&store);
    const StagingProfile profile{QStringLiteral("no-keychain"), QStringLiteral("127.0.0.1"), 2525, TlsMode::Off, false,
                                 QStringLiteral("analyst")};
    const QString password = QStringLiteral("only-in-memory-Pw9");
    fillForm(panel, profile, password);
    QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("saveProfileButton")), Qt::LeftButton);
    QTRY_VERIFY(panel.messageText().contains(QLatin1String("memory for this session")));
    QVERIFY(!store.contains(profile.secretKey()));
    QVERIFY(!settingsFileBytes().contains(password.toUtf8()));
    QCOMPARE(panel.stagingProfiles().size(), 1);
}

void TestCaptureSecrets::deleteProfileRemovesSecret()
{
    MemorySecretStore store;
    CapturePanel panel;
    panel.setSecretStore(&store);
    const StagingProfile profile{QStringLiteral("to-delete"), QStringLiteral("127.0.0.1"), 2525, TlsMode::Off, false,
                                 QStringLiteral("u")};
    fillForm(panel, profile, QStringLiteral("pw"));
    QVERIFY(panel.saveStagingProfile());
    QTRY_VERIFY(store.contains(profile.secretKey()));
    QVERIFY(panel.selectStagingProfile(profile.name));
    QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("deleteProfileButton")), Qt::LeftButton);
    QTRY_VERIFY(!store.contains(profile.secretKey()));
    QVERIFY(panel.stagingProfiles().isEmpty());
    QSettings settings;
    QVERIFY(StagingProfile::loadAll(settings).isEmpty());
}

void TestCaptureSecrets::keychainStoreAnswers()
{
    // Read-only on purpose: this may reach the real keychain of whoever runs the tests. On CI
    // there is no Secret Service and the store must say so instead of hanging or crashing.
    KeychainSecretStore store;
    QCOMPARE(KeychainSecretStore::serviceName(), QStringLiteral("org.dsnworkbench.DsnWorkbench"));
    QObject context;
    std::optional<SecretStore::Reply> reply;
    const QString key = QStringLiteral("staging/dsn-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    store.readSecret(key, &context, [&](const SecretStore::Reply &r) { reply = r; });
    QTRY_VERIFY_WITH_TIMEOUT(reply.has_value(), 30000);
    QVERIFY2(reply->status == SecretStore::Status::NotFound || reply->status == SecretStore::Status::Unavailable
                 || reply->status == SecretStore::Status::Failed,
             qPrintable(reply->errorText));
    if (reply->status != SecretStore::Status::NotFound)
        QVERIFY(!reply->errorText.isEmpty());
    QVERIFY(reply->secret.isEmpty());
}

QTEST_MAIN(TestCaptureSecrets)
#include "TestCaptureSecrets.moc"
