// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <QFileInfo>
#include <QList>
#include <QString>

#include "eval/PolicyEvaluator.h"
#include "project/Project.h"

#include "TestConfig.h"

// The bundled example project and its outcomes computed by calling the engine directly: the
// reference the models and the controller are checked against.
namespace ExampleProject {

inline QString path()
{
    return QStringLiteral(DSN_SOURCE_DIR "/resources/examples/example.dsnwb");
}

inline Dsn::Project::Project load()
{
    auto p = Dsn::Project::Project::load(path());
    if (!p)
        qFatal("cannot load the example project: %s", qPrintable(p.error().toString()));
    return p.value();
}

inline Dsn::Eval::EvaluatorConfig config(const Dsn::Project::Project &project)
{
    return project.evaluatorConfig(QFileInfo(path()).absolutePath());
}

inline QList<Dsn::Eval::EvalInput> inputs(const Dsn::Project::Project &project)
{
    QList<Dsn::Eval::EvalInput> list;
    for (const Dsn::Project::Sample &s : project.samples)
        list.append(s.toInput());
    return list;
}

inline QList<Dsn::Eval::EvalResult> evaluateDirectly(const Dsn::Project::Project &project)
{
    Dsn::Eval::PolicyEvaluator evaluator(config(project));
    QList<Dsn::Eval::EvalResult> results;
    for (const Dsn::Eval::EvalInput &input : inputs(project))
        results.append(evaluator.evaluate(input));
    return results;
}

} // namespace ExampleProject
