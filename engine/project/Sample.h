// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <optional>

#include <QJsonObject>
#include <QString>

#include "common/RecordType.h"
#include "common/SmtpPhase.h"
#include "eval/EvalInput.h"
#include "eval/EvalResult.h"

namespace Dsn::Project {

/// What the analyst expects a sample to become; unset fields are not checked.
struct Expectation
{
    std::optional<RecordType> recordType;
    std::optional<int> code;
    std::optional<bool> rewritten;

    bool isEmpty() const { return !recordType && !code && !rewritten; }
    /// Empty when `result` meets the expectation, else what differs ("expected Bounce, got …").
    QString mismatch(const Eval::EvalResult &result) const;

    QJsonObject toJson() const;
    static Expectation fromJson(const QJsonObject &o);

    friend bool operator==(const Expectation &, const Expectation &) = default;
};

/// A reply kept in the project, with where it came from and what it should become.
struct Sample
{
    QString response;   ///< lines with code prefixes, separated by "\n"
    SmtpPhase phase = SmtpPhase::RcptTo;
    QString queue;      ///< empty: the project's default queue
    QString note;       ///< provider, category, source
    Expectation expect;

    Eval::EvalInput toInput() const;

    QJsonObject toJson() const;
    static Sample fromJson(const QJsonObject &o);

    friend bool operator==(const Sample &, const Sample &) = default;
};

} // namespace Dsn::Project
