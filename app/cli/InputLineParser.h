// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include "common/Result.h"
#include "eval/EvalInput.h"

namespace Dsn::Cli {

/**
 * Turns one line of `eval` input into an evaluator input. A plain line is one reply whose lines
 * are separated by the literal four characters `\r\n`. A line starting with `{` is a JSON object
 * with the reply as `response` (real line breaks), `lines` (array) or `text` (literal `\r\n`
 * joins), and optional `queue`, `phase`, `sender`, `recipient` — so the corpus JSON Lines can be
 * piped in as they are.
 */
class InputLineParser
{
public:
    InputLineParser(SmtpPhase defaultPhase, QString defaultQueue);

    Result<Eval::EvalInput> parse(const QString &line) const;

private:
    SmtpPhase m_defaultPhase;
    QString m_defaultQueue;
};

} // namespace Dsn::Cli
