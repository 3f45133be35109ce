// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QStringList>

#include "rules/detail/RegexNode.h"

namespace Dsn::Rules::Detail {

/// Checks and facts computed from a parsed pattern after the grammar itself accepted it.
class RegexNodeAnalysis
{
public:
    /// regex-syntax's nesting limit; throws RustRegexParser::Failure past it.
    static void checkNesting(const RegexNode &root);
    /// A rough model of the bytes Rust's compiled NFA takes, to catch refused giants.
    static double estimatedSize(const RegexNode &root);

    /// Maximal literal runs every match contains; `folded` runs compare case-insensitively.
    struct Literals
    {
        QStringList exact;
        QStringList folded;
    };
    static Literals requiredLiterals(const RegexNode &root);
    /// The pattern is literal text only (no anchor, class or operator).
    static bool isPureLiteral(const RegexNode &root);
};

} // namespace Dsn::Rules::Detail
