// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "project/Project.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include "common/JsonText.h"

namespace Dsn::Project {

QList<Rules::RegexRule> Project::kumoTable() const
{
    QList<Rules::RegexRule> out;
    for (const ProjectRule &r : rules) {
        if (r.enabled)
            out.append({r.pattern, r.code});
    }
    return out;
}

QByteArray Project::kumoTableJson() const
{
    return Rules::RegexRule::listToJson(kumoTable());
}

void Project::setRulesFromTable(const QList<Rules::RegexRule> &table)
{
    rules.clear();
    for (const Rules::RegexRule &r : table)
        rules.append({r.pattern, r.value, QString(), true});
}

Eval::EvaluatorConfig Project::evaluatorConfig(const QString &projectDir) const
{
    Eval::EvaluatorConfig c;
    c.profile = profile;
    c.rules = kumoTable();
    c.tablePath = tablePath;
    c.policySource = policySource.toUtf8();
    c.policyName = QStringLiteral("policy.lua");
    c.defaultQueue = defaultQueue;
    c.classifierFiles = classifierPaths(projectDir);
    if (!projectDir.isEmpty()) {
        c.runtime.baseDirectory = projectDir;
        for (const QString &m : moduleDirectories)
            c.runtime.moduleDirectories.append(QDir(projectDir).absoluteFilePath(m));
    }
    return c;
}

QStringList Project::classifierPaths(const QString &projectDir) const
{
    if (projectDir.isEmpty())
        return classifierFiles;
    QStringList out;
    for (const QString &f : classifierFiles)
        out.append(QDir(projectDir).absoluteFilePath(f));
    return out;
}

QJsonObject Project::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("format"), QLatin1String(FormatId));
    o.insert(QStringLiteral("version"), FormatVersion);
    o.insert(QStringLiteral("name"), name);
    o.insert(QStringLiteral("compat_profile"), compatProfileId(profile));
    o.insert(QStringLiteral("table_path"), tablePath);
    o.insert(QStringLiteral("default_queue"), defaultQueue);
    QJsonArray rs;
    for (const ProjectRule &r : rules) {
        QJsonObject ro;
        ro.insert(QStringLiteral("pattern"), r.pattern);
        ro.insert(QStringLiteral("code"), r.code);
        if (!r.note.isEmpty())
            ro.insert(QStringLiteral("note"), r.note);
        ro.insert(QStringLiteral("enabled"), r.enabled);
        rs.append(ro);
    }
    o.insert(QStringLiteral("rules"), rs);
    o.insert(QStringLiteral("policy"), policySource);
    if (!moduleDirectories.isEmpty())
        o.insert(QStringLiteral("module_dirs"), QJsonArray::fromStringList(moduleDirectories));
    // Written only when used, so projects without a classifier stay as older builds wrote them.
    if (!classifierFiles.isEmpty())
        o.insert(QStringLiteral("classifier_files"), QJsonArray::fromStringList(classifierFiles));
    QJsonArray ss;
    for (const Sample &s : samples)
        ss.append(s.toJson());
    o.insert(QStringLiteral("samples"), ss);
    return o;
}

Result<Project> Project::fromJson(const QByteArray &json, const QString &sourceName)
{
    auto parsed = JsonText::parse(json, sourceName);
    if (!parsed)
        return parsed.error();
    const QJsonValue root = JsonText::toQt(*parsed);
    auto fail = [&](const QString &message) {
        return Diagnostic::error(QStringLiteral("project-format"), message, sourceName);
    };
    if (!root.isObject())
        return fail(QCoreApplication::translate("Project", "%1 is not a DSN Workbench project (expected a JSON object)").arg(sourceName));
    const QJsonObject o = root.toObject();
    if (o.value(QStringLiteral("format")).toString() != QLatin1String(FormatId))
        return fail(QCoreApplication::translate("Project", "%1 is not a DSN Workbench project (\"format\" is not \"%2\")")
                        .arg(sourceName, QLatin1String(FormatId)));
    const int version = o.value(QStringLiteral("version")).toInt(0);
    if (version < 1 || version > FormatVersion)
        return fail(QCoreApplication::translate("Project", "%1 has project format version %2; this build reads version %3")
                        .arg(sourceName)
                        .arg(version)
                        .arg(FormatVersion));

    Project p;
    p.name = o.value(QStringLiteral("name")).toString();
    const QString profileId = o.value(QStringLiteral("compat_profile")).toString(QStringLiteral("documented"));
    const auto profile = compatProfileFromId(profileId);
    if (!profile)
        return fail(QCoreApplication::translate("Project", "unknown compatibility profile \"%1\" (expected documented or 2026.06)").arg(profileId));
    p.profile = *profile;
    p.tablePath = o.value(QStringLiteral("table_path")).toString(p.tablePath);
    p.defaultQueue = o.value(QStringLiteral("default_queue")).toString(p.defaultQueue);
    p.policySource = o.value(QStringLiteral("policy")).toString();
    for (const QJsonValue &m : o.value(QStringLiteral("module_dirs")).toArray())
        p.moduleDirectories.append(m.toString());
    // Absent in projects saved before classifiers existed: then there is none.
    const QJsonArray classifiers = o.value(QStringLiteral("classifier_files")).toArray();
    for (qsizetype i = 0; i < classifiers.size(); ++i) {
        if (!classifiers[i].isString() || classifiers[i].toString().isEmpty())
            return fail(QCoreApplication::translate("Project", "classifier file %1 is not a file name").arg(i + 1));
        p.classifierFiles.append(classifiers[i].toString());
    }
    const QJsonArray rs = o.value(QStringLiteral("rules")).toArray();
    for (qsizetype i = 0; i < rs.size(); ++i) {
        const QJsonObject ro = rs[i].toObject();
        if (!ro.value(QStringLiteral("pattern")).isString())
            return fail(QCoreApplication::translate("Project", "rule %1 has no \"pattern\" string").arg(i + 1));
        p.rules.append({ro.value(QStringLiteral("pattern")).toString(), ro.value(QStringLiteral("code")),
                        ro.value(QStringLiteral("note")).toString(),
                        ro.value(QStringLiteral("enabled")).toBool(true)});
    }
    const QJsonArray ss = o.value(QStringLiteral("samples")).toArray();
    for (qsizetype i = 0; i < ss.size(); ++i) {
        const QJsonObject so = ss[i].toObject();
        if (!so.value(QStringLiteral("response")).isString())
            return fail(QCoreApplication::translate("Project", "sample %1 has no \"response\" string").arg(i + 1));
        const QString phase = so.value(QStringLiteral("phase")).toString(QStringLiteral("RCPT TO"));
        if (!smtpPhaseFromName(phase))
            return fail(QCoreApplication::translate("Project", "sample %1 has an unknown phase \"%2\"").arg(i + 1).arg(phase));
        p.samples.append(Sample::fromJson(so));
    }
    return p;
}

Result<Project> Project::load(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Diagnostic::error(QStringLiteral("io"), QCoreApplication::translate("Project", "cannot open %1: %2").arg(path, f.errorString()), path);
    return fromJson(f.readAll(), QFileInfo(path).fileName());
}

std::optional<Diagnostic> Project::save(const QString &path) const
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Diagnostic::error(QStringLiteral("io"), QCoreApplication::translate("Project", "cannot write %1: %2").arg(path, f.errorString()), path);
    f.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
    if (!f.commit())
        return Diagnostic::error(QStringLiteral("io"), QCoreApplication::translate("Project", "cannot save %1: %2").arg(path, f.errorString()), path);
    return std::nullopt;
}

} // namespace Dsn::Project
