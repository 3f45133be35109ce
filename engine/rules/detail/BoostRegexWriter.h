// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QString>

#include "rules/detail/RegexNode.h"

namespace Dsn::Rules::Detail {

/**
 * Writes a RegexNode tree as a Boost.Regex perl-syntax pattern that needs no Boost option:
 * classes are explicit sets, `^`/`$`/`\b` explicit assertions built on Rust's word class,
 * quantifiers carry their resolved greediness and case-insensitive literals sit in `(?i:…)`,
 * except those Boost's lower-casing comparison gets wrong, which become the class of their
 * simple case folding orbit (`(?i)s` → `[Ssſ]`).
 */
class BoostRegexWriter
{
public:
    static QString write(const RegexNode &root);

private:
    static const QString &wordClass(bool ascii);
    static QString assertion(const RegexNode &n);
    static bool boostFolds(const RegexNode &n);
    static bool atomic(const RegexNode &n);
    static void emitNode(const RegexNode &n, QString &out, bool bare);
};

} // namespace Dsn::Rules::Detail
