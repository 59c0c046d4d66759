#include "desk/new_key_dialog.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QPushButton>
#include <QVBoxLayout>

#include "client/new_key_file.h"
#include "desk/dialogs.h"

namespace dojava::desk {
namespace {

QLineEdit* SecretEdit(QWidget* parent, const char* name, const QString& accessible) {
  auto* e = new QLineEdit(parent);
  e->setObjectName(QLatin1String(name));
  e->setAccessibleName(accessible);
  e->setEchoMode(QLineEdit::Password);
  return e;
}

SecretBytes SecretOf(QLineEdit* edit) {
  QByteArray utf8 = edit->text().toUtf8();
  SecretBytes s =
      SecretBytes::Copy(std::string_view(utf8.constData(), static_cast<size_t>(utf8.size())));
  utf8.fill('\0');
  return s;
}

}  // namespace

NewKeyDialog::NewKeyDialog(const QString& path, QWidget* parent) : QDialog(parent) {
  setObjectName(QStringLiteral("newKeyDialog"));
  setWindowTitle(tr("Create a new reviewer key"));
  setAccessibleName(windowTitle());
  auto* intro = new QLabel(
      tr("Your reviewer key stays on this computer, in a file locked with a passphrase. The "
         "passphrase is all that protects the key if the file is ever copied: use the one "
         "suggested here (write it down and keep it apart from the computer) or a long one of "
         "your own."),
      this);
  intro->setWordWrap(true);
  path_ = new QLineEdit(
      path.isEmpty() ? QDir::home().filePath(QStringLiteral("dojava-reviewer.key")) : path, this);
  path_->setObjectName(QStringLiteral("newKeyPath"));
  path_->setAccessibleName(tr("New key file"));
  auto* browse = new QPushButton(tr("&Browse…"), this);
  browse->setAccessibleName(tr("Choose where to save the new key file"));
  connect(browse, &QPushButton::clicked, this, [this] {
    const QString f =
        AskForPath(this, tr("Save the new key file as"), QFileDialog::AnyFile, path_->text());
    if (!f.isEmpty()) path_->setText(f);
  });
  auto* path_row = new QHBoxLayout;
  path_row->addWidget(path_);
  path_row->addWidget(browse);
  passphrase_ = SecretEdit(this, "newPassphrase", tr("New passphrase"));
  again_ = SecretEdit(this, "newPassphraseAgain", tr("New passphrase again"));
  auto* suggest = new QPushButton(tr("&Suggest a passphrase"), this);
  suggest->setObjectName(QStringLiteral("suggestPassphrase"));
  suggest->setAccessibleName(tr("Suggest a passphrase"));
  connect(suggest, &QPushButton::clicked, this, &NewKeyDialog::Suggest);
  suggested_ = new QLabel(this);
  suggested_->setObjectName(QStringLiteral("suggestedPassphrase"));
  suggested_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
  suggested_->setWordWrap(true);
  suggested_->hide();
  allow_short_ =
      new QCheckBox(tr("Accept a passphrase shorter than %n character(s) (not recommended)",
                       nullptr, static_cast<int>(client::kMinPassphraseChars)),
                    this);
  allow_short_->setObjectName(QStringLiteral("allowShortPassphrase"));
  allow_short_->setAccessibleName(allow_short_->text());
  error_ = new QLabel(this);
  error_->setObjectName(QStringLiteral("error"));
  error_->setWordWrap(true);
  error_->setStyleSheet(QStringLiteral("color: #a00000; font-weight: bold;"));
  error_->setAccessibleName(tr("Error"));
  error_->hide();
  auto* create = new QPushButton(tr("C&reate the key"), this);
  create->setObjectName(QStringLiteral("createKey"));
  create->setAccessibleName(tr("Create the key"));
  create->setDefault(true);
  connect(create, &QPushButton::clicked, this, &NewKeyDialog::Create);
  auto* cancel = new QPushButton(tr("Cancel"), this);
  connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
  auto* form = new QFormLayout;
  form->addRow(tr("&Key file:"), path_row);
  form->addRow(tr("&Passphrase:"), passphrase_);
  form->addRow(tr("&Again:"), again_);
  form->addRow(suggest, suggested_);
  form->addRow(QString(), allow_short_);
  auto* buttons = new QHBoxLayout;
  buttons->addStretch();
  buttons->addWidget(cancel);
  buttons->addWidget(create);
  auto* v = new QVBoxLayout(ScrolledContent(this));
  v->addWidget(intro);
  v->addLayout(form);
  v->addWidget(error_);
  v->addLayout(buttons);
}

void NewKeyDialog::Suggest() {
  SecretBytes s = client::GeneratePassphrase();
  const QString text = QString::fromUtf8(reinterpret_cast<const char*>(s.reveal().data()),
                                         static_cast<qsizetype>(s.size()));
  passphrase_->setText(text);
  again_->setText(text);
  suggested_->setText(
      tr("Your passphrase: %1\nWrite it down now; it is not shown again.").arg(text));
  suggested_->show();
}

void NewKeyDialog::ShowError(const QString& text) {
  error_->setText(text);
  error_->setVisible(!text.isEmpty());
}

void NewKeyDialog::Create() {
  const QString path = path_->text().trimmed();
  if (path.isEmpty()) return ShowError(tr("Say where to save the key file."));
  if (QFileInfo::exists(path) || QFileInfo::exists(path + QStringLiteral(".pub"))) {
    return ShowError(tr("%1 already exists. The app never overwrites a key file: choose another "
                        "name, or open that key instead.")
                         .arg(path));
  }
  if (passphrase_->text() != again_->text()) {
    return ShowError(tr("The two passphrases differ. Type the same one twice."));
  }
  auto pass = std::make_shared<SecretBytes>(SecretOf(passphrase_));
  const Status ok = client::CheckNewPassphrase(*pass, allow_short_->isChecked());
  if (!ok.ok()) {
    *pass = SecretBytes();
    return ShowError(
        passphrase_->text().isEmpty()
            ? tr("Type a passphrase, or let the app suggest one.")
            : tr("This passphrase is shorter than %n character(s). It is all that protects your "
                 "key if the file is ever copied: use a longer one or the suggested one.",
                 nullptr, static_cast<int>(client::kMinPassphraseChars)));
  }
  // Qt keeps its own copies of typed text; clearing the fields is what we can do.
  passphrase_->clear();
  again_->clear();
  suggested_->clear();
  suggested_->hide();
  ShowError({});
  emit createRequested(path, pass);
  accept();
}

}  // namespace dojava::desk
