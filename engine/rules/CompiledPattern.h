// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <memory>
#include <optional>
#include <utility>

#include <boost/regex/icu.hpp>

#include <QString>
#include <QStringView>

#include "common/Result.h"

namespace Dsn::Rules {

/**
 * One Rust-syntax pattern compiled for Boost.Regex (ICU, UTF-16) with the flags that give Rust's
 * defaults. Internal to rules/: the rest of the engine sees RegexSetMap.
 */
class CompiledPattern
{
public:
    /// Fails with a Diagnostic carrying the position and the reason (code "regex-parse").
    static Result<std::shared_ptr<CompiledPattern>> compile(const QString &rustPattern);

    bool search(QStringView subject) const;
    std::optional<std::pair<qsizetype, qsizetype>> span(QStringView subject) const;

private:
    boost::u32regex m_regex;
};

} // namespace Dsn::Rules
