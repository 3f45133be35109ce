// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "ClassifierFilesDialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include "eval/BounceClassifier.h"

namespace Dsn::Workbench {

namespace {

constexpr int StoredRole = Qt::UserRole;
constexpr int StatusRole = Qt::UserRole + 1;

} // namespace

ClassifierFilesDialog::ClassifierFilesDialog(const QStringList &files, std::function<QString(const QString &)> resolve,
                                             std::function<QString(const QString &)> store, QWidget *parent)
    : QDialog(parent)
    , m_resolve(std::move(resolve))
    , m_store(std::move(store))
    , m_list(new QListWidget(this))
    , m_summary(new QLabel(this))
    , m_remove(new QPushButton(tr("&Remove"), this))
    , m_up(new QPushButton(tr("Move &Up"), this))
    , m_down(new QPushButton(tr("Move &Down"), this))
{
    setObjectName(QStringLiteral("classifierFilesDialog"));
    setWindowTitle(tr("Bounce Classifier Files"));
    auto *intro = new QLabel(tr("Rule files for <tt>kumo.configure_bounce_classifier</tt> (TOML or JSON). Every "
                                "outcome is labelled by the first rule that matches, in file order; a rewrite "
                                "that moves a sample to <i>Uncategorized</i> is reported under Problems."),
                             this);
    intro->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("classifierList"));
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setAlternatingRowColors(true);
    m_list->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("classifierSummary"));
    m_summary->setWordWrap(true);

    auto *add = new QPushButton(tr("&Add…"), this);
    add->setObjectName(QStringLiteral("classifierAdd"));
    m_remove->setObjectName(QStringLiteral("classifierRemove"));
    m_up->setObjectName(QStringLiteral("classifierUp"));
    m_down->setObjectName(QStringLiteral("classifierDown"));
    auto *buttons = new QVBoxLayout;
    for (QPushButton *b : {add, m_remove, m_up, m_down})
        buttons->addWidget(b);
    buttons->addStretch();
    auto *row = new QHBoxLayout;
    row->addWidget(m_list, 1);
    row->addLayout(buttons);

    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(row, 1);
    layout->addWidget(m_summary);
    layout->addWidget(box);

    connect(add, &QPushButton::clicked, this, &ClassifierFilesDialog::addDialog);
    connect(m_remove, &QPushButton::clicked, this, &ClassifierFilesDialog::removeSelected);
    connect(m_up, &QPushButton::clicked, this, [this] { moveSelected(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveSelected(1); });
    connect(m_list, &QListWidget::itemSelectionChanged, this, &ClassifierFilesDialog::updateButtons);
    connect(box, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);

    for (const QString &f : files) {
        auto *item = new QListWidgetItem(m_list);
        item->setData(StoredRole, f);
    }
    refresh();
    resize(620, 360);
}

QStringList ClassifierFilesDialog::files() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        out.append(m_list->item(i)->data(StoredRole).toString());
    return out;
}

void ClassifierFilesDialog::addFiles(const QStringList &absolutePaths)
{
    const QStringList present = files();
    for (const QString &path : absolutePaths) {
        const QString stored = m_store(path);
        if (present.contains(stored))
            continue;
        auto *item = new QListWidgetItem(m_list);
        item->setData(StoredRole, stored);
    }
    refresh();
}

QString ClassifierFilesDialog::statusOf(int row) const
{
    const QListWidgetItem *item = m_list->item(row);
    return item ? item->data(StatusRole).toString() : QString();
}

void ClassifierFilesDialog::addDialog()
{
    const QStringList chosen = QFileDialog::getOpenFileNames(
        this, tr("Add Bounce Classifier Files"), QString(),
        tr("Classifier rules (*.toml *.json);;All files (*)"));
    if (!chosen.isEmpty())
        addFiles(chosen);
}

void ClassifierFilesDialog::removeSelected()
{
    qDeleteAll(m_list->selectedItems());
    refresh();
}

void ClassifierFilesDialog::moveSelected(int delta)
{
    const int row = m_list->currentRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_list->count())
        return;
    QListWidgetItem *item = m_list->takeItem(row);
    m_list->insertItem(to, item);
    m_list->setCurrentRow(to);
    refresh();
}

void ClassifierFilesDialog::refresh()
{
    int broken = 0;
    int rules = 0;
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        const QString stored = item->data(StoredRole).toString();
        const auto loaded = Eval::BounceClassifier::fromFile(m_resolve(stored));
        QString status;
        if (loaded) {
            const auto &c = loaded.value();
            rules += int(c->ruleCount());
            status = tr("labels: %1, patterns: %2").arg(c->labels().size()).arg(c->ruleCount());
            item->setIcon(QIcon::fromTheme(QStringLiteral("dialog-ok")));
            item->setForeground(palette().color(QPalette::Text));
        } else {
            ++broken;
            status = loaded.error().toString();
            item->setIcon(QIcon::fromTheme(QStringLiteral("dialog-error")));
            item->setForeground(QColor(0xe5, 0x39, 0x35));
        }
        item->setData(StatusRole, status);
        item->setText(QStringLiteral("%1\n    %2").arg(stored, status));
        item->setToolTip(m_resolve(stored));
    }
    if (m_list->count() == 0)
        m_summary->setText(tr("No classifier: every outcome is labelled Uncategorized."));
    else if (broken)
        m_summary->setText(tr("%n file(s) do not load; until fixed, outcomes are labelled Uncategorized.", nullptr, broken));
    else
        m_summary->setText(tr("%n pattern(s) in total, tried in the order shown.", nullptr, rules));
    updateButtons();
}

void ClassifierFilesDialog::updateButtons()
{
    const int row = m_list->currentRow();
    const bool selected = !m_list->selectedItems().isEmpty();
    m_remove->setEnabled(selected);
    m_up->setEnabled(selected && row > 0);
    m_down->setEnabled(selected && row >= 0 && row < m_list->count() - 1);
}

} // namespace Dsn::Workbench
