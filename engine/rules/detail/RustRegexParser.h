// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "rules/RustRegexTranslator.h"
#include "rules/detail/RegexNode.h"

namespace Dsn::Rules::Detail {

/**
 * The parser half of RustRegexTranslator: regex-syntax 0.8's grammar and its checks (including
 * the Unicode property lookups its translator does), producing a RegexNode tree. Messages and
 * positions follow regex-syntax; positions are UTF-16 offsets.
 */
class RustRegexParser
{
public:
    /// Why a pattern is not valid Rust, thrown by parse() and by the limit checks.
    struct Failure
    {
        int position;
        QString message; ///< regex-syntax's words, untranslated as KumoMTA prints them
    };

    struct Output
    {
        RegexNode root;
        QStringList captureNames;
        QList<RustRegexTranslator::Finding> findings;
    };

    /// Throws Failure.
    static Output parse(const QString &pattern);
};

} // namespace Dsn::Rules::Detail
