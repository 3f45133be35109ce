// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include <QTest>

#include "common/LineBuffer.h"

using namespace Dsn;

class TestLineBuffer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void split_data();
    void split();
    void tooLong();
    void byteByByte();
};

void TestLineBuffer::split_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QList<QByteArray>>("lines");
    QTest::addColumn<qsizetype>("pending");
    QTest::newRow("crlf") << QByteArray("250-a\r\n250 b\r\n") << QList<QByteArray>{"250-a", "250 b"} << qsizetype(0);
    QTest::newRow("lf only") << QByteArray("a\nb\n") << QList<QByteArray>{"a", "b"} << qsizetype(0);
    QTest::newRow("partial tail") << QByteArray("a\r\nb") << QList<QByteArray>{"a"} << qsizetype(1);
    QTest::newRow("empty line") << QByteArray("\r\n") << QList<QByteArray>{""} << qsizetype(0);
    QTest::newRow("lone cr stays") << QByteArray("a\rb\r\n") << QList<QByteArray>{"a\rb"} << qsizetype(0);
}

void TestLineBuffer::split()
{
    QFETCH(QByteArray, input);
    QFETCH(QList<QByteArray>, lines);
    QFETCH(qsizetype, pending);
    LineBuffer b;
    b.append(input);
    QList<QByteArray> got;
    QByteArray line;
    while (b.next(line) == LineBuffer::Status::Line)
        got << line;
    QCOMPARE(got, lines);
    QCOMPARE(b.pending(), pending);
}

void TestLineBuffer::tooLong()
{
    LineBuffer b(10);
    b.append("0123456789\r\n");
    QByteArray line;
    QCOMPARE(b.next(line), LineBuffer::Status::Line);
    b.append("0123456789A\r\n");
    QCOMPARE(b.next(line), LineBuffer::Status::TooLong);
    // A peer streaming bytes without a line break is caught before the break arrives.
    LineBuffer endless(10);
    endless.append(QByteArray(11, 'x'));
    QCOMPARE(endless.next(line), LineBuffer::Status::NeedMore);
    endless.append("yy");
    QCOMPARE(endless.next(line), LineBuffer::Status::TooLong);
}

void TestLineBuffer::byteByByte()
{
    const QByteArray text = "220 hello\r\n250 ok\r\n";
    LineBuffer b;
    QList<QByteArray> got;
    QByteArray line;
    for (char c : text) {
        b.append(QByteArray(1, c));
        while (b.next(line) == LineBuffer::Status::Line)
            got << line;
    }
    QCOMPARE(got, (QList<QByteArray>{"220 hello", "250 ok"}));
    b.append("rest");
    QCOMPARE(b.takeRest(), QByteArray("rest"));
    QCOMPARE(b.pending(), 0);
}

QTEST_APPLESS_MAIN(TestLineBuffer)
#include "TestLineBuffer.moc"
