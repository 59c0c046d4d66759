#include "desk/setup_check_page.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QVBoxLayout>

#include "desk/dialogs.h"

namespace dojava::desk {

SetupCheckPage::SetupCheckPage(QWidget* parent) : QWidget(parent) {
  auto* title = new QLabel(tr("<h2>Check my setup</h2><p>Every step between this computer and "
                              "your cases, each with what to do when it fails. Your passphrase "
                              "is needed to check that the roster lists your key.</p>"),
                           this);
  title->setWordWrap(true);
  passphrase_ = new QLineEdit(this);
  passphrase_->setObjectName(QStringLiteral("checkPassphrase"));
  passphrase_->setAccessibleName(tr("Passphrase for the check"));
  passphrase_->setEchoMode(QLineEdit::Password);
  run_ = new QPushButton(tr("&Run the checks"), this);
  run_->setObjectName(QStringLiteral("runChecks"));
  run_->setAccessibleName(tr("Run the checks"));
  run_->setDefault(true);
  auto* back = new QPushButton(tr("&Back"), this);
  back->setObjectName(QStringLiteral("backFromChecks"));
  back->setAccessibleName(tr("Back"));
  connect(run_, &QPushButton::clicked, this, &SetupCheckPage::Run);
  connect(passphrase_, &QLineEdit::returnPressed, this, &SetupCheckPage::Run);
  connect(back, &QPushButton::clicked, this, &SetupCheckPage::backRequested);
  table_ = new QTableWidget(0, 4, this);
  table_->setObjectName(QStringLiteral("checks"));
  table_->setAccessibleName(tr("Results of the checks"));
  table_->setHorizontalHeaderLabels({tr("Result"), tr("Check"), tr("Found"), tr("What to do")});
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setTabKeyNavigation(false);  // Tab leaves the table; arrows move in it
  table_->setWordWrap(true);
  table_->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
  table_->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
  table_->verticalHeader()->hide();
  summary_ = new QLabel(this);
  summary_->setObjectName(QStringLiteral("checkSummary"));
  summary_->setWordWrap(true);
  auto* form = new QFormLayout;
  form->addRow(tr("&Passphrase:"), passphrase_);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(back);
  buttons->addStretch();
  buttons->addWidget(run_);
  auto* v = new QVBoxLayout(ScrolledContent(this));
  v->addWidget(title);
  v->addLayout(form);
  v->addLayout(buttons);
  v->addWidget(summary_);
  v->addWidget(table_, 1);
}

void SetupCheckPage::Run() {
  QByteArray utf8 = passphrase_->text().toUtf8();
  auto pass = std::make_shared<SecretBytes>(
      SecretBytes::Copy(std::string_view(utf8.constData(), static_cast<size_t>(utf8.size()))));
  utf8.fill('\0');
  passphrase_->clear();
  emit runRequested(pass);
}

void SetupCheckPage::SetBusy(bool busy) {
  run_->setEnabled(!busy);
  if (busy) summary_->setText(tr("Checking… (reaching an onion service can take a minute)"));
}

void SetupCheckPage::Clear() {
  table_->setRowCount(0);
  summary_->clear();
  passphrase_->clear();
}

void SetupCheckPage::ShowResults(const QList<SetupCheckRow>& rows) {
  SetBusy(false);
  table_->setRowCount(static_cast<int>(rows.size()));
  int failed = 0;
  for (int i = 0; i < rows.size(); ++i) {
    const SetupCheckRow& r = rows[i];
    const QString mark = r.outcome == SetupCheckRow::kOk     ? tr("✓ ok")
                         : r.outcome == SetupCheckRow::kFail ? tr("✗ failed")
                                                             : tr("– skipped");
    failed += r.outcome == SetupCheckRow::kFail ? 1 : 0;
    auto* result = new QTableWidgetItem(mark);
    if (r.outcome == SetupCheckRow::kFail) result->setForeground(QColor(0xa0, 0, 0));
    table_->setItem(i, 0, result);
    table_->setItem(i, 1, new QTableWidgetItem(r.name));
    table_->setItem(i, 2, new QTableWidgetItem(r.detail));
    table_->setItem(i, 3, new QTableWidgetItem(r.fix));
  }
  table_->resizeRowsToContents();
  summary_->setText(
      failed == 0 ? tr("Everything checked works.")
                  : tr("%n check(s) failed: see what to do in the last column.", nullptr, failed));
}

}  // namespace dojava::desk
