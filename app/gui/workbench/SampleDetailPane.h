// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <optional>

#include <QWidget>

#include "eval/EvalResult.h"
#include "project/Sample.h"

class QTextBrowser;

namespace Dsn::Workbench {

/**
 * The whole pipeline for one sample, top to bottom: the raw reply, the single line the event
 * receives (matched span marked), the event's arguments, what the handler returned, the final
 * code and record type with the engine's explanation, and the KumoMTA log record.
 */
class SampleDetailPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SampleDetailPane)

public:
    explicit SampleDetailPane(QWidget *parent = nullptr);

    void showSample(const Project::Sample &sample, const std::optional<Eval::EvalResult> &result, bool stale);
    void clear();
    /// The HTML currently shown (tests read the pipeline from it).
    QString html() const;
    QString plainText() const;

    static QString toHtml(const Project::Sample &sample, const std::optional<Eval::EvalResult> &result, bool stale);

private:
    QTextBrowser *m_browser;
};

} // namespace Dsn::Workbench
