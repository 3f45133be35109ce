// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "lua/KumoCallScanner.h"

namespace Dsn::Lua {

namespace {

bool isIdentStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool isIdentChar(char c)
{
    return isIdentStart(c) || (c >= '0' && c <= '9');
}

class Cursor
{
public:
    explicit Cursor(const QByteArray &text) : m_text(text) {}

    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek(qsizetype ahead = 0) const { return m_pos + ahead < m_text.size() ? m_text[m_pos + ahead] : '\0'; }
    void advance(qsizetype n = 1)
    {
        for (; n > 0 && m_pos < m_text.size(); --n) {
            if (m_text[m_pos] == '\n')
                ++m_line;
            ++m_pos;
        }
    }
    int line() const { return m_line; }

    /// At `[` `=`* `[`: the level (number of '='), else -1.
    int longBracketLevel() const
    {
        if (peek() != '[')
            return -1;
        qsizetype i = 1;
        while (peek(i) == '=')
            ++i;
        return peek(i) == '[' ? int(i - 1) : -1;
    }
    void skipLongBracket(int level)
    {
        advance(level + 2);
        while (!atEnd()) {
            if (peek() == ']') {
                qsizetype i = 1;
                while (peek(i) == '=')
                    ++i;
                if (peek(i) == ']' && i - 1 == level) {
                    advance(i + 1);
                    return;
                }
            }
            advance();
        }
    }
    void skipQuoted()
    {
        const char quote = peek();
        advance();
        while (!atEnd() && peek() != quote && peek() != '\n') {
            if (peek() == '\\')
                advance();
            advance();
        }
        advance();
    }
    void skipSpaces()
    {
        while (peek() == ' ' || peek() == '\t' || peek() == '\r' || peek() == '\n')
            advance();
    }
    QByteArray identifier()
    {
        const qsizetype start = m_pos;
        while (isIdentChar(peek()))
            advance();
        return m_text.mid(start, m_pos - start);
    }

private:
    const QByteArray &m_text;
    qsizetype m_pos = 0;
    int m_line = 1;
};

} // namespace

QList<KumoCallScanner::Call> KumoCallScanner::scan(const QByteArray &source)
{
    QList<Call> calls;
    Cursor c(source);
    char previous = '\0'; // last significant character, to skip `x.kumo`
    while (!c.atEnd()) {
        const char ch = c.peek();
        if (ch == '-' && c.peek(1) == '-') {
            c.advance(2);
            const int level = c.longBracketLevel();
            if (level >= 0) {
                c.skipLongBracket(level);
            } else {
                while (!c.atEnd() && c.peek() != '\n')
                    c.advance();
            }
            continue;
        }
        if (ch == '"' || ch == '\'') {
            c.skipQuoted();
            previous = ch;
            continue;
        }
        if (const int level = c.longBracketLevel(); level >= 0) {
            c.skipLongBracket(level);
            previous = ']';
            continue;
        }
        if (isIdentStart(ch)) {
            const int line = c.line();
            const QByteArray word = c.identifier();
            if (word == "kumo" && previous != '.' && previous != ':') {
                QString path = QStringLiteral("kumo");
                while (true) {
                    c.skipSpaces();
                    if (c.peek() != '.' || c.peek(1) == '.')
                        break;
                    c.advance();
                    c.skipSpaces();
                    if (!isIdentStart(c.peek()))
                        break;
                    path += QLatin1Char('.') + QString::fromLatin1(c.identifier());
                }
                const char next = c.peek();
                const bool called =
                    next == '(' || next == '{' || next == '"' || next == '\'' || c.longBracketLevel() >= 0;
                if (called && path.contains(QLatin1Char('.')))
                    calls.append({path, line});
            }
            previous = 'a';
            continue;
        }
        if (ch != ' ' && ch != '\t' && ch != '\r' && ch != '\n')
            previous = ch;
        c.advance();
    }
    return calls;
}

} // namespace Dsn::Lua
