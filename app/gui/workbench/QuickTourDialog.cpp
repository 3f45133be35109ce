// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "QuickTourDialog.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Dsn::Workbench {

QuickTourDialog::QuickTourDialog(QWidget *parent)
    : QDialog(parent)
    , m_title(new QLabel(this))
    , m_text(new QLabel(this))
    , m_counter(new QLabel(this))
    , m_back(new QPushButton(tr("Back"), this))
    , m_next(new QPushButton(tr("Next"), this))
{
    setObjectName(QStringLiteral("quickTour"));
    setWindowTitle(tr("Quick Tour"));
    m_pages = {
        {tr("Samples and outcomes"),
         tr("The middle of the window lists SMTP replies (samples) and what KumoMTA would make of each "
            "with the current rules and policy: the code before and after, the record type badge "
            "(filled when the policy changed the outcome), the rule that matched, with its span marked "
            "in the reply, the note KumoMTA appends and a one-sentence explanation. Every edit "
            "re-evaluates all samples in the background; rows waiting for their new result are dimmed."),
         QStringLiteral("samplesPanel")},
        {tr("Rules"),
         tr("The Rules panel is the table KumoMTA loads: a Rust regex and the code it rewrites to. "
            "Rules are tried in table order. Invalid patterns, patterns KumoMTA would refuse and risky "
            "rewrites (a reputation or rate-limit deferral turned into a bounce) are marked in place and "
            "listed under Problems. Ctrl+Return adds a rule, Alt+Up/Down moves it, Ctrl+Z undoes."),
         QStringLiteral("rulesDock")},
        {tr("KumoMTA table"),
         tr("The KumoMTA Table panel shows the exact JSON that File → Export KumoMTA Table writes. You can "
            "edit it too: after a pause the rules table follows."),
         QStringLiteral("jsonDock")},
        {tr("Lua policy"),
         tr("The policy is the Lua that handles smtp_client_rewrite_delivery_status. It reloads when you "
            "pause typing; a syntax or runtime error is marked on its line and listed under Problems, "
            "and outcomes are never left showing results of an older policy."),
         QStringLiteral("policyDock")},
        {tr("Adding samples"),
         tr("Paste replies, whole SMTP transcripts or KumoMTA JSON log records with Ctrl+Shift+V, drop "
            "files on the window, or use the Capture panel to run a transaction against the built-in "
            "sandbox or a staging server and turn its rejections into samples."),
         QStringLiteral("captureDock")},
        {tr("Expectations"),
         tr("Right-click a sample to record the outcome you expect (Ctrl+E takes the current one). The "
            "status bar counts passing and failing expectations, exactly as dsn-workbench-cli test does "
            "in CI. The compatibility profile switch in the toolbar re-evaluates everything under "
            "KumoMTA's documented behaviour or the 2026.06 release."),
         QStringLiteral("samplesPanel")},
        {tr("Log replay"),
         tr("Before deploying a change, replay real KumoMTA logs through it: the Log Replay tab "
            "(Ctrl+Shift+R) reads plain or zstd log files and folders on every core and shows how many "
            "deferrals would become bounces and the reverse, which rules did it, for which domains, and "
            "the replies no rule matched — any of which becomes a sample with one click."),
         QStringLiteral("replayPanel")},
    };

    m_title->setObjectName(QStringLiteral("tourTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_text->setWordWrap(true);
    m_text->setMinimumWidth(420);
    m_text->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto *close = new QPushButton(tr("Close"), this);
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_back, &QPushButton::clicked, this, [this] { showPage(m_page - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { showPage(m_page + 1); });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_counter);
    buttons->addStretch();
    buttons->addWidget(m_back);
    buttons->addWidget(m_next);
    buttons->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_text, 1);
    layout->addLayout(buttons);
    resize(520, 260);
    showPage(0);
}

void QuickTourDialog::showPage(int page)
{
    if (page < 0 || page >= m_pages.size())
        return;
    m_page = page;
    const Page &p = m_pages.at(page);
    m_title->setText(p.title);
    m_text->setText(p.text);
    m_counter->setText(tr("%1 of %2").arg(page + 1).arg(m_pages.size()));
    m_back->setEnabled(page > 0);
    m_next->setEnabled(page + 1 < m_pages.size());
    if (m_next->isEnabled())
        m_next->setDefault(true);
    Q_EMIT panelHighlighted(p.panel);
}

} // namespace Dsn::Workbench
