// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "project/detail/JsonSampleReader.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonValue>
#include <QStringList>
#include <QStringView>

#include "common/EnhancedStatusCode.h"
#include "common/RecordType.h"
#include "common/SmtpPhase.h"
#include "common/SmtpResponse.h"

namespace Dsn::Project::Detail {

namespace {

QString field(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

JsonSampleReader::Outcome JsonSampleReader::read(const QJsonObject &object, const ImportOptions &options)
{
    // Each lookup scans the keys, and a log record has about twenty: look each one up once.
    const QJsonValue type = object.value(QLatin1String("type"));
    const QJsonValue response = object.value(QLatin1String("response"));
    if (type.isString() && response.isObject())
        return readKumoRecord(object, type.toString(), response.toObject(), options);
    if (response.isString())
        return readCorpusLine(object, response.toString(), options);
    const QJsonValue lines = object.value(QLatin1String("lines"));
    if (lines.isArray()) {
        QStringList texts;
        const QJsonArray array = lines.toArray();
        for (const QJsonValue &v : array)
            texts.append(v.toString());
        return readCorpusLine(object, texts.join(QLatin1Char('\n')), options);
    }
    const QJsonValue text = object.value(QLatin1String("text"));
    if (text.isString())
        return readCorpusLine(object, text.toString().replace(QLatin1String("\\r\\n"), QLatin1String("\n")), options);
    Outcome out;
    out.error = QCoreApplication::translate("SampleImporter", "a JSON object that is neither a KumoMTA log record nor a corpus line");
    return out;
}

JsonSampleReader::Outcome JsonSampleReader::readKumoRecord(const QJsonObject &object, const QString &type,
                                                           const QJsonObject &response, const ImportOptions &options)
{
    Outcome out;
    out.kind = Kind::KumoRecord;
    const int code = response.value(QLatin1String("code")).toInt();
    const auto recordType = recordTypeFromName(type);
    const bool failure = recordType == RecordType::Bounce || recordType == RecordType::TransientFailure || code >= 400;
    if (!failure) {
        out.ignored = true;
        return out;
    }
    if (code < 200 || code > 599) {
        out.error = QCoreApplication::translate("SampleImporter", "the %1 record has no SMTP response code").arg(type);
        return out;
    }

    Sample s;
    s.response = SmtpResponse::assembleLogged(code, EnhancedStatusCode::fromJson(response.value(QLatin1String("enhanced_code"))),
                               response.value(QLatin1String("content")).toString());
    // KumoMTA's own responses (expiry, connection failures) answer no command: null command.
    const QJsonValue command = response.value(QLatin1String("command"));
    s.phase = command.isString() ? smtpPhaseForCommand(command.toString()).value_or(options.defaultPhase)
                                 : options.defaultPhase;
    s.queue = field(object, "queue");
    const QString recipient = field(object, "recipient");
    s.note = recipient.isEmpty() ? type : type + QStringLiteral(" · ") + recipient;
    out.sample = std::move(s);
    return out;
}

JsonSampleReader::Outcome JsonSampleReader::readCorpusLine(const QJsonObject &object, const QString &reply,
                                                           const ImportOptions &options)
{
    Outcome out;
    out.kind = Kind::CorpusLine;
    Sample s;
    // Samples keep LF only, whichever line breaks the JSON string carried.
    s.response = reply;
    s.response.replace(QLatin1String("\r\n"), QLatin1String("\n")).replace(QLatin1Char('\r'), QLatin1Char('\n'));
    if (s.response.trimmed().isEmpty()) {
        out.error = QCoreApplication::translate("SampleImporter", "the JSON object has an empty reply");
        return out;
    }

    s.phase = options.defaultPhase;
    if (const QJsonValue phaseValue = object.value(QLatin1String("phase")); !phaseValue.isUndefined()) {
        const QString name = phaseValue.toString();
        if (const auto phase = smtpPhaseFromName(name))
            s.phase = *phase;
        else
            out.warning = QCoreApplication::translate("SampleImporter", "unknown phase \"%1\"; using %2").arg(name, smtpPhaseName(options.defaultPhase));
    }
    s.queue = field(object, "queue");
    QStringList note;
    for (const char *key : {"provider", "category"}) {
        const QString value = field(object, key);
        if (!value.isEmpty())
            note << value;
    }
    s.note = note.join(QStringLiteral(" · "));
    out.sample = std::move(s);
    return out;
}

} // namespace Dsn::Project::Detail
