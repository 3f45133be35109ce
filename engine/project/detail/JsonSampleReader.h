// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <optional>

#include <QJsonObject>
#include <QString>

#include "project/Sample.h"
#include "project/SampleImporter.h"

namespace Dsn::Project::Detail {

/// The JSON half of SampleImporter: one KumoMTA log record or one corpus/CLI object to a sample.
class JsonSampleReader
{
public:
    enum class Kind { KumoRecord, CorpusLine, Unrecognized };

    struct Outcome
    {
        Kind kind = Kind::Unrecognized;
        std::optional<Sample> sample;
        /// A record that is not a failure (Delivery, Reception …): skipped on purpose.
        bool ignored = false;
        /// Set with a sample: something was guessed (an unknown phase name).
        QString warning;
        /// Set without a sample: why the object could not be used.
        QString error;
    };

    static Outcome read(const QJsonObject &object, const ImportOptions &options);

private:
    static Outcome readKumoRecord(const QJsonObject &object, const QString &type, const QJsonObject &response,
                                  const ImportOptions &options);
    /// `reply` is the reply text taken from `response`, `lines` or `text`.
    static Outcome readCorpusLine(const QJsonObject &object, const QString &reply, const ImportOptions &options);
};

} // namespace Dsn::Project::Detail
