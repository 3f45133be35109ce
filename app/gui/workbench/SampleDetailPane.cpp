// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "SampleDetailPane.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "common/RecordType.h"
#include "common/SmtpPhase.h"

namespace Dsn::Workbench {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString pre(const QString &text)
{
    return QStringLiteral("<pre style=\"margin:2px 0 8px 12px; white-space:pre-wrap\">%1</pre>").arg(esc(text));
}

QString luaValue(const QString &value)
{
    if (value.isNull())
        return QStringLiteral("nil");
    return QLatin1Char('"') + value + QLatin1Char('"');
}

QString jsonText(const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined())
        return QStringLiteral("nil");
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    if (v.isDouble())
        return QString::number(v.toDouble());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return QLatin1Char('"') + v.toString() + QLatin1Char('"');
}

} // namespace

SampleDetailPane::SampleDetailPane(QWidget *parent)
    : QWidget(parent)
    , m_browser(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("detailPane"));
    m_browser->setObjectName(QStringLiteral("detailBrowser"));
    m_browser->setOpenLinks(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_browser);
    clear();
}

void SampleDetailPane::clear()
{
    m_browser->setHtml(QStringLiteral("<p style=\"color:gray\">%1</p>")
                           .arg(esc(tr("Select a sample to see how KumoMTA would handle it, step by step."))));
}

void SampleDetailPane::showSample(const Project::Sample &sample, const std::optional<Eval::EvalResult> &result,
                                  bool stale)
{
    m_browser->setHtml(toHtml(sample, result, stale));
}

QString SampleDetailPane::html() const
{
    return m_browser->toHtml();
}

QString SampleDetailPane::plainText() const
{
    return m_browser->toPlainText();
}

QString SampleDetailPane::toHtml(const Project::Sample &sample, const std::optional<Eval::EvalResult> &result,
                                 bool stale)
{
    QString h;
    auto section = [&h](const QString &number, const QString &title) {
        h += QStringLiteral("<h4 style=\"margin:10px 0 2px 0\">%1 %2</h4>").arg(number, esc(title));
    };
    section(QStringLiteral("1"), tr("Raw reply (%1)").arg(smtpPhaseName(sample.phase)));
    h += pre(sample.response);
    if (!sample.note.isEmpty())
        h += QStringLiteral("<p style=\"margin-left:12px; color:gray\">%1</p>").arg(esc(sample.note));

    if (!result) {
        h += QStringLiteral("<p><i>%1</i></p>").arg(esc(tr("Not evaluated yet.")));
        return h;
    }
    const Eval::EvalResult &r = *result;
    if (stale)
        h += QStringLiteral("<p style=\"color:#e65100\"><b>%1</b></p>")
                 .arg(esc(tr("This result is from before the latest edit; the new one is being computed.")));
    if (r.inputError)
        h += QStringLiteral("<p style=\"color:#e53935\">%1</p>").arg(esc(r.inputError->message));

    section(QStringLiteral("2"), tr("The line the event receives"));
    if (r.eventCalled) {
        QString line = esc(r.eventResponse);
        if (!r.matched.isEmpty() && r.matched.first().spanStart >= 0) {
            const Eval::MatchedRule &m = r.matched.first();
            line = esc(r.eventResponse.left(m.spanStart))
                + QStringLiteral("<span style=\"background:#ffd54f; color:#212121\">")
                + esc(r.eventResponse.mid(m.spanStart, m.spanLength)) + QStringLiteral("</span>")
                + esc(r.eventResponse.mid(m.spanStart + m.spanLength));
        }
        h += QStringLiteral("<pre style=\"margin:2px 0 8px 12px; white-space:pre-wrap\">%1</pre>").arg(line);

        section(QStringLiteral("3"), tr("Event arguments"));
        h += QStringLiteral("<pre style=\"margin:2px 0 8px 12px\">smtp_client_rewrite_delivery_status(\n"
                            "  response       = %1,\n  domain         = %2,\n  tenant         = %3,\n"
                            "  campaign       = %4,\n  routing_domain = %5)</pre>")
                 .arg(esc(luaValue(r.eventResponse)), esc(luaValue(r.queue.domain)), esc(luaValue(r.queue.tenant)),
                      esc(luaValue(r.queue.campaign)), esc(luaValue(r.queue.eventRoutingDomain())));

        section(QStringLiteral("4"), tr("The handler returned"));
        h += pre(jsonText(r.handlerReturned));
        if (!r.matched.isEmpty()) {
            h += QStringLiteral("<p style=\"margin-left:12px\">%1</p><ul>").arg(esc(tr("Rules that match:")));
            for (const Eval::MatchedRule &m : r.matched)
                h += QStringLiteral("<li>#%1 <code>%2</code> → %3</li>")
                         .arg(m.index + 1)
                         .arg(esc(m.pattern), esc(jsonText(m.value)));
            h += QStringLiteral("</ul>");
        }
        if (r.ambiguous) {
            QStringList values;
            for (const QJsonValue &v : r.possibleValues)
                values.append(jsonText(v));
            h += QStringLiteral("<p style=\"margin-left:12px; color:#e65100\"><b>%1</b> %2</p>")
                     .arg(esc(tr("Ambiguous:")),
                          esc(tr("these patterns disagree and KumoMTA picks one at random; it may return %1.")
                                  .arg(values.join(QStringLiteral(" | ")))));
        }
        if (r.policyError)
            h += QStringLiteral("<p style=\"margin-left:12px; color:#e53935\">%1</p>").arg(esc(r.policyError->toString()));
        for (const QString &line2 : r.policyLog)
            h += QStringLiteral("<p style=\"margin-left:12px; color:gray\">log: %1</p>").arg(esc(line2));
    } else {
        h += QStringLiteral("<p style=\"margin-left:12px\">%1</p>").arg(esc(tr("The event is not called for this reply.")));
    }

    section(QStringLiteral("5"), tr("Outcome"));
    const QString codes = r.rewritten ? QStringLiteral("%1 → %2").arg(r.originalCode).arg(r.response.code)
                                      : QString::number(r.response.code);
    h += QStringLiteral("<p style=\"margin-left:12px\"><b>%1</b> · <b>%2</b>%3</p>")
             .arg(esc(codes), esc(recordTypeName(r.recordType)),
                  r.rewritten ? QString() : QStringLiteral(" · ") + esc(tr("unchanged")));
    h += QStringLiteral("<p style=\"margin-left:12px\">%1</p>").arg(esc(r.explanation));
    if (r.profileSensitive)
        h += QStringLiteral("<p style=\"margin-left:12px; color:#e65100\">%1</p>").arg(esc(r.profileNote));
    h += pre(r.response.toSingleLine(r.profile));

    section(QStringLiteral("6"), tr("KumoMTA log record"));
    h += pre(QString::fromUtf8(QJsonDocument(r.logRecord).toJson(QJsonDocument::Indented)));
    return h;
}

} // namespace Dsn::Workbench
