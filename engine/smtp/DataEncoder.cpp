// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "smtp/DataEncoder.h"

namespace Dsn::Smtp {

QByteArray DataEncoder::normalizeLineEndings(const QByteArray &message)
{
    QByteArray out;
    out.reserve(message.size() + message.size() / 32 + 2);
    for (qsizetype i = 0; i < message.size(); ++i) {
        const char c = message[i];
        if (c == '\r') {
            if (i + 1 < message.size() && message[i + 1] == '\n')
                ++i;
            out += "\r\n";
        } else if (c == '\n') {
            out += "\r\n";
        } else {
            out += c;
        }
    }
    if (!out.isEmpty() && !out.endsWith("\r\n"))
        out += "\r\n";
    return out;
}

QByteArray DataEncoder::encode(const QByteArray &message)
{
    const QByteArray normalized = normalizeLineEndings(message);
    QByteArray out;
    out.reserve(normalized.size() + 16);
    bool atLineStart = true;
    for (const char c : normalized) {
        if (atLineStart && c == '.')
            out += '.';
        out += c;
        atLineStart = c == '\n';
    }
    return out;
}

} // namespace Dsn::Smtp
