#include "desk/start_pages.h"

#include <QClipboard>
#include <QFileDialog>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QVBoxLayout>

#include "client/onboarding.h"
#include "desk/dialogs.h"
#include "desk/new_key_dialog.h"

namespace dojava::desk {
namespace {

QLabel* ErrorLabel(QWidget* parent) {
  auto* l = new QLabel(parent);
  l->setObjectName(QStringLiteral("error"));
  l->setWordWrap(true);
  l->setStyleSheet(QStringLiteral("color: #a00000; font-weight: bold;"));
  l->setAccessibleName(QObject::tr("Error"));
  l->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
  l->hide();
  return l;
}

QLineEdit* Edit(QWidget* parent, const char* name, const QString& accessible,
                const QString& placeholder) {
  auto* e = new QLineEdit(parent);
  e->setObjectName(QLatin1String(name));
  e->setAccessibleName(accessible);
  e->setPlaceholderText(placeholder);
  return e;
}

// A column of at most kPageWidth pixels, centred in `page`.
constexpr int kPageWidth = 680;
QVBoxLayout* CentredColumn(QWidget* page) {
  auto* inner = new QWidget(page);
  inner->setMaximumWidth(kPageWidth);
  auto* outer = new QHBoxLayout(ScrolledContent(page));
  outer->addStretch(1);
  outer->addWidget(inner, 10);
  outer->addStretch(1);
  return new QVBoxLayout(inner);
}

}  // namespace

SetupPage::SetupPage(QWidget* parent) : QWidget(parent) {
  auto* title = new QLabel(tr("<h2>Welcome to Dojava Desk</h2>"
                              "<p>Tell the app where your reviewer key is and how to reach your "
                              "organisation's Dojava server. Your admin gave you an onboarding "
                              "file, or the address and the admin fingerprint.</p>"),
                           this);
  title->setWordWrap(true);
  key_file_ = Edit(this, "keyFile", tr("Key file"), tr("/home/you/dojava-reviewer.key"));
  QLayout* key_row = BuildKeyRow();
  QLayout* copy_row = BuildNewKeyRows();
  server_ = Edit(this, "server", tr("Server address"),
                 tr("http://….onion, http://127.0.0.1:PORT or unix:/path"));
  socks5_ = Edit(this, "socks5", tr("Tor SOCKS port"), tr("127.0.0.1:9050 (for an onion address)"));
  fingerprint_ = Edit(this, "fingerprint", tr("Admin fingerprint"), tr("as your admin wrote it"));
  auto* open = new QPushButton(tr("Open &onboarding file…"), this);
  open->setObjectName(QStringLiteral("openOnboarding"));
  open->setAccessibleName(tr("Open the onboarding file from your admin"));
  connect(open, &QPushButton::clicked, this, [this] {
    const QString f =
        AskForPath(this, tr("The onboarding file from your admin"), QFileDialog::ExistingFile);
    if (!f.isEmpty()) LoadOnboarding(f);
  });
  onboarding_ = new QLabel(this);
  onboarding_->setObjectName(QStringLiteral("onboardingName"));
  onboarding_->setWordWrap(true);
  onboarding_->hide();
  own_tor_ = new QCheckBox(tr("Start my own &tor (recommended: no tor setup needed)"), this);
  own_tor_->setObjectName(QStringLiteral("ownTor"));
  connect(own_tor_, &QCheckBox::toggled, this, [this](bool on) { socks5_->setEnabled(!on); });
  auto* create_key = new QPushButton(tr("Create my tor client &key"), this);
  create_key->setObjectName(QStringLiteral("createTorKey"));
  create_key->setAccessibleName(tr("Create my tor client key"));
  connect(create_key, &QPushButton::clicked, this,
          [this] { emit createTorKeyRequested(server_->text().trimmed()); });
  tor_public_ = Edit(this, "torPublicLine", tr("Your tor client key, public part"), {});
  tor_public_->setReadOnly(true);
  tor_key_note_ = new QLabel(this);
  tor_key_note_->setWordWrap(true);
  tor_key_note_->setText(
      tr("The reviewer address is protected by tor client authorization: "
         "create your key here and send its public part, with your public "
         "key line, to your operator."));
  auto* form = new QFormLayout;
  auto* key_label = new QLabel(tr("&Key file:"), this);
  key_label->setBuddy(key_file_);
  form->addRow(key_label, key_row);
  form->addRow(QString(), reviewer_public_);
  form->addRow(QString(), new_key_note_);
  form->addRow(QString(), copy_row);
  form->addRow(tr("&Server address:"), server_);
  form->addRow(tr("&Tor SOCKS port:"), socks5_);
  form->addRow(tr("Admin &fingerprint:"), fingerprint_);
  form->addRow(QString(), own_tor_);
  form->addRow(create_key, tor_public_);
  form->addRow(QString(), tor_key_note_);
  auto* save = new QPushButton(tr("&Continue"), this);
  save->setObjectName(QStringLiteral("continue"));
  save->setAccessibleName(tr("Save these settings and continue"));
  save->setDefault(true);
  connect(save, &QPushButton::clicked, this, &SetupPage::Save);
  connect(fingerprint_, &QLineEdit::returnPressed, this, &SetupPage::Save);
  error_ = ErrorLabel(this);
  auto* v = CentredColumn(this);
  v->addWidget(title);
  v->addWidget(open, 0, Qt::AlignLeft);
  v->addWidget(onboarding_);
  v->addLayout(form);
  v->addWidget(error_);
  v->addWidget(save, 0, Qt::AlignRight);
  v->addStretch();
}

// The key file's field with "Browse…" and "Create a new key…".
QLayout* SetupPage::BuildKeyRow() {
  auto* browse = new QPushButton(tr("&Browse…"), this);
  browse->setAccessibleName(tr("Choose the key file"));
  connect(browse, &QPushButton::clicked, this, [this] {
    const QString f = AskForPath(this, tr("Your reviewer key file"), QFileDialog::ExistingFile);
    if (!f.isEmpty()) key_file_->setText(f);
  });
  auto* new_key = new QPushButton(tr("Create a &new key…"), this);
  new_key->setObjectName(QStringLiteral("newKey"));
  new_key->setAccessibleName(tr("Create a new reviewer key"));
  connect(new_key, &QPushButton::clicked, this, &SetupPage::AskNewKey);
  auto* key_row = new QHBoxLayout;
  key_row->addWidget(key_file_);
  key_row->addWidget(browse);
  key_row->addWidget(new_key);
  return key_row;
}

// The public line of a key made here, its note and the copy buttons
// (hidden until ShowNewKey); returns the row of copy buttons.
QLayout* SetupPage::BuildNewKeyRows() {
  reviewer_public_ = Edit(this, "reviewerPublicLine", tr("Your public key line"), {});
  reviewer_public_->setReadOnly(true);
  reviewer_public_->hide();
  new_key_note_ = new QLabel(this);
  new_key_note_->setObjectName(QStringLiteral("newKeyNote"));
  new_key_note_->setWordWrap(true);
  new_key_note_->hide();
  copy_public_ = new QPushButton(tr("Cop&y the public line"), this);
  copy_public_->setObjectName(QStringLiteral("copyPublicLine"));
  copy_public_->setAccessibleName(tr("Copy your public key line"));
  copy_both_ = new QPushButton(tr("Copy &both lines for the admin"), this);
  copy_both_->setObjectName(QStringLiteral("copyBothLines"));
  copy_both_->setAccessibleName(tr("Copy your public key line and tor client key together"));
  connect(copy_public_, &QPushButton::clicked, this,
          [this] { QGuiApplication::clipboard()->setText(PublicLinesText(false)); });
  connect(copy_both_, &QPushButton::clicked, this,
          [this] { QGuiApplication::clipboard()->setText(PublicLinesText(true)); });
  copy_public_->hide();
  copy_both_->hide();
  auto* copy_row = new QHBoxLayout;
  copy_row->addWidget(copy_public_);
  copy_row->addWidget(copy_both_);
  copy_row->addStretch();
  return copy_row;
}

void SetupPage::Fill(const ServerSettings& s) {
  key_file_->setText(s.key_file);
  server_->setText(s.server);
  socks5_->setText(s.socks5);
  fingerprint_->setText(s.admin_fingerprint);
  own_tor_->setChecked(s.own_tor);
  socks5_->setEnabled(!s.own_tor);
}

void SetupPage::ShowTorKey(const QString& public_line, const QString& private_path) {
  tor_public_->setText(public_line);
  tor_key_note_->setText(
      tr("Send this public line to your operator (read its first and last characters to them by "
         "phone). The private part is in %1, where the app's own tor uses it; with another tor, "
         "copy that file into the folder its ClientOnionAuthDir names.")
          .arg(private_path));
  UpdateCopyButtons();
}

void SetupPage::AskNewKey() {
  auto* dialog = new NewKeyDialog(key_file_->text().trimmed(), this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &NewKeyDialog::createRequested, this, &SetupPage::createKeyRequested);
  dialog->open();
}

void SetupPage::ShowNewKey(const QString& key_path, const QString& public_line) {
  key_file_->setText(key_path);
  reviewer_public_->setText(public_line);
  reviewer_public_->show();
  new_key_note_->setText(
      tr("Your key is made and saved in %1 (only you can read it). Send the public line above "
         "to your admin, who adds you to the roster; it is also in %1.pub. It is not secret, "
         "but check it with your admin by phone: its first and last characters are enough.")
          .arg(key_path));
  new_key_note_->show();
  UpdateCopyButtons();
}

void SetupPage::UpdateCopyButtons() {
  copy_public_->setVisible(!reviewer_public_->text().isEmpty());
  copy_both_->setVisible(!reviewer_public_->text().isEmpty() && !tor_public_->text().isEmpty());
}

QString SetupPage::PublicLinesText(bool with_tor) const {
  QString text = tr("My Dojava reviewer public key line:") + QLatin1Char('\n') +
                 reviewer_public_->text() + QLatin1Char('\n');
  if (with_tor && !tor_public_->text().isEmpty()) {
    text += tr("My tor client key (public part) for the reviewer address:") + QLatin1Char('\n') +
            tor_public_->text() + QLatin1Char('\n');
  }
  return text;
}

void SetupPage::ShowError(const QString& text) {
  error_->setText(text);
  error_->setVisible(!text.isEmpty());
}

bool SetupPage::LoadOnboarding(const QString& path) {
  auto o = client::ReadOnboardingFile(path.toStdString());
  if (!o.ok()) {
    ShowError(tr("%1 is not an onboarding file from a Dojava admin: %2")
                  .arg(path, QString::fromStdString(std::string(o.status().message()))));
    return false;
  }
  server_->setText(QString::fromStdString(o->server));
  fingerprint_->setText(QString::fromStdString(o->admin_fingerprint));
  const QString name = QString::fromStdString(o->name);
  onboarding_->setText(
      (name.isEmpty() ? tr("Onboarding file read.") : tr("Onboarding file of %1 read.").arg(name)) +
      QLatin1Char(' ') +
      tr("The server address and admin fingerprint are filled in; on first contact the app pins "
         "the admin key with this fingerprint and refuses any other."));
  onboarding_->show();
  ShowError({});
  return true;
}

void SetupPage::Save() {
  ServerSettings s;
  s.key_file = key_file_->text().trimmed();
  s.server = server_->text().trimmed();
  s.socks5 = socks5_->text().trimmed();
  s.admin_fingerprint = fingerprint_->text().trimmed();
  s.own_tor = own_tor_->isChecked();
  if (s.key_file.isEmpty() || s.server.isEmpty() || s.admin_fingerprint.isEmpty()) {
    return ShowError(tr("Fill in the key file, the server address and the admin fingerprint."));
  }
  if (s.server.contains(QLatin1String(".onion")) && s.socks5.isEmpty() && !s.own_tor) {
    return ShowError(
        tr("An onion address is reached through tor: give tor's SOCKS port "
           "(usually 127.0.0.1:9050, or 127.0.0.1:9150 with Tor Browser)."));
  }
  ShowError({});
  emit saved(s);
}

UnlockPage::UnlockPage(QWidget* parent) : QWidget(parent) {
  auto* title = new QLabel(tr("<h2>Unlock Dojava Desk</h2>"), this);
  server_ = new QLabel(this);
  server_->setWordWrap(true);
  passphrase_ = Edit(this, "passphrase", tr("Passphrase"), tr("the passphrase of your key file"));
  passphrase_->setEchoMode(QLineEdit::Password);
  unlock_ = new QPushButton(tr("&Unlock"), this);
  unlock_->setObjectName(QStringLiteral("unlock"));
  unlock_->setAccessibleName(tr("Unlock"));
  unlock_->setDefault(true);
  auto* settings = new QPushButton(tr("Change &settings…"), this);
  settings->setObjectName(QStringLiteral("settings"));
  settings->setAccessibleName(tr("Change the server settings"));
  connect(unlock_, &QPushButton::clicked, this, &UnlockPage::Submit);
  connect(passphrase_, &QLineEdit::returnPressed, this, &UnlockPage::Submit);
  connect(settings, &QPushButton::clicked, this, &UnlockPage::changeSettings);
  auto* check = new QPushButton(tr("Check my &setup…"), this);
  check->setObjectName(QStringLiteral("checkSetup"));
  check->setAccessibleName(tr("Check my setup"));
  connect(check, &QPushButton::clicked, this, &UnlockPage::checkSetup);
  error_ = ErrorLabel(this);
  auto* form = new QFormLayout;
  form->addRow(tr("&Passphrase:"), passphrase_);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(settings);
  buttons->addWidget(check);
  buttons->addStretch();
  buttons->addWidget(unlock_);
  auto* v = CentredColumn(this);
  v->addWidget(title);
  v->addWidget(server_);
  v->addLayout(form);
  v->addWidget(error_);
  v->addLayout(buttons);
  v->addStretch();
}

void UnlockPage::SetServer(const QString& server) {
  server_->setText(tr("Server: %1\nYour key stays on this computer; it is unlocked in memory "
                      "only and locked again when you leave the app idle.")
                       .arg(server));
}

void UnlockPage::ShowError(const QString& text) {
  error_->setText(text);
  error_->setVisible(!text.isEmpty());
}

void UnlockPage::SetBusy(bool busy) {
  unlock_->setEnabled(!busy);
  passphrase_->setEnabled(!busy);
  if (!busy) passphrase_->setFocus();
}

void UnlockPage::Submit() {
  if (passphrase_->text().isEmpty()) return ShowError(tr("Type your passphrase."));
  QByteArray utf8 = passphrase_->text().toUtf8();
  auto pass = std::make_shared<SecretBytes>(
      SecretBytes::Copy(std::string_view(utf8.constData(), static_cast<size_t>(utf8.size()))));
  utf8.fill('\0');
  // Qt keeps its own copies of typed text; clearing the field is what we can do.
  passphrase_->clear();
  ShowError({});
  emit unlockRequested(pass);
}

}  // namespace dojava::desk
