// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include <memory>

#include <QString>
#include <QTest>

#include "lua/LuaBinding.h"

using Dsn::Lua::LuaBinding;

/// The string conversions every event call goes through: ASCII is narrowed in blocks of eight
/// units, anything else through UTF-8. The rows put non-ASCII units on and around those blocks.
class TestLuaBinding : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pushQStringRoundTrips_data();
    void pushQStringRoundTrips();
    void pushQStringLeavesStaticTextInPlace_data();
    void pushQStringLeavesStaticTextInPlace();
};

void TestLuaBinding::pushQStringRoundTrips_data()
{
    QTest::addColumn<QString>("text");
    const QString reply = QStringLiteral("550 5.1.1 <someone@example.net>: Recipient address rejected: User unknown");
    QTest::newRow("empty") << QString();
    QTest::newRow("short") << QStringLiteral("gmail");
    QTest::newRow("one block") << QStringLiteral("12345678");
    QTest::newRow("one block and one") << QStringLiteral("123456789");
    QTest::newRow("reply") << reply;
    QTest::newRow("512 units") << QString(512, QLatin1Char('x'));
    QTest::newRow("513 units") << QString(513, QLatin1Char('x'));
    for (const int at : {0, 7, 8, 9, 15, 16, 40}) {
        for (const char16_t unit : {u'\u0080', u'\u00e9', u'\u00ff', u'\u0100', u'\u20ac'}) {
            QString text = reply;
            text[at] = QChar(unit);
            QTest::addRow("U+%04X at %d", unsigned(unit), at) << text;
        }
    }
    QTest::newRow("DEL stays ASCII") << (reply + QChar(0x7F));
    QTest::newRow("emoji") << (reply + QStringLiteral(" \U0001F600"));
    QTest::newRow("long non-ASCII") << (QString(600, QLatin1Char('a')) + QStringLiteral("Empfänger"));
}

void TestLuaBinding::pushQStringRoundTrips()
{
    QFETCH(QString, text);
    const std::unique_ptr<lua_State, decltype(&lua_close)> state(luaL_newstate(), &lua_close);
    lua_State *L = state.get();
    LuaBinding::pushQString(L, text);
    size_t length = 0;
    const char *bytes = lua_tolstring(L, -1, &length);
    QCOMPARE(QByteArray(bytes, qsizetype(length)), text.toUtf8());
    QCOMPARE(LuaBinding::toQString(L, -1), text);
}

void TestLuaBinding::pushQStringLeavesStaticTextInPlace_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("literal") << QStringLiteral("TransientFailure");
    static const char16_t raw[] = u"Bounce";
    QTest::newRow("raw data") << QString::fromRawData(reinterpret_cast<const QChar *>(raw), 6);
}

/// A literal or raw-data string (record types are) is read where it is: copying it to the heap
/// would change a string the caller holds const, and other threads may hold it too.
void TestLuaBinding::pushQStringLeavesStaticTextInPlace()
{
    QFETCH(QString, text);
    const QChar *before = text.constData();
    QVERIFY(!text.data_ptr().d_ptr()); // no header: static storage, no reference count
    const std::unique_ptr<lua_State, decltype(&lua_close)> state(luaL_newstate(), &lua_close);
    LuaBinding::pushQString(state.get(), text);
    QCOMPARE(LuaBinding::toQString(state.get(), -1), text);
    QCOMPARE(text.constData(), before);
    QVERIFY(!text.data_ptr().d_ptr());
}

QTEST_GUILESS_MAIN(TestLuaBinding)
#include "TestLuaBinding.moc"
