// The two pages before the cases: first run (key file, server address, SOCKS
// port, admin fingerprint) and unlock (the passphrase, once per session).
// They only collect input; MainWindow hands it to the Backend.
#ifndef DOJAVA_DESK_START_PAGES_H_
#define DOJAVA_DESK_START_PAGES_H_

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QWidget>
#include <memory>

#include "base/secret_bytes.h"
#include "desk/backend.h"

namespace dojava::desk {

class SetupPage : public QWidget {
  Q_OBJECT
 public:
  explicit SetupPage(QWidget* parent = nullptr);
  void Fill(const ServerSettings& s);
  void ShowError(const QString& text);
  // Fills the server address and admin fingerprint from the onboarding file
  // the admin handed over (client/onboarding.h); false, with the reason
  // shown, if it is not one.
  bool LoadOnboarding(const QString& path);
  // Shows the public line of a new tor client key, to send to the operator.
  void ShowTorKey(const QString& public_line, const QString& private_path);
  // Shows the public key line of the key the app just made at `key_path`
  // (now the key file), to send to the admin, with a copy button; with a tor
  // client key made too, a button copies both lines together.
  void ShowNewKey(const QString& key_path, const QString& public_line);
  // What the copy buttons put on the clipboard.
  QString PublicLinesText(bool with_tor) const;

 signals:
  void saved(dojava::desk::ServerSettings settings);
  void createTorKeyRequested(QString server);
  void createKeyRequested(QString path, std::shared_ptr<dojava::SecretBytes> passphrase);

 private:
  void Save();
  void AskNewKey();
  QLayout* BuildNewKeyRows();
  QLayout* BuildKeyRow();
  void UpdateCopyButtons();
  QLineEdit* key_file_;
  QLineEdit* reviewer_public_;
  QLabel* new_key_note_;
  QPushButton* copy_public_;
  QPushButton* copy_both_;
  QLineEdit* server_;
  QLineEdit* socks5_;
  QLineEdit* fingerprint_;
  QLabel* onboarding_;
  QCheckBox* own_tor_;
  QLineEdit* tor_public_;
  QLabel* tor_key_note_;
  QLabel* error_;
};

class UnlockPage : public QWidget {
  Q_OBJECT
 public:
  explicit UnlockPage(QWidget* parent = nullptr);
  void SetServer(const QString& server);
  void ShowError(const QString& text);
  void SetBusy(bool busy);

 signals:
  // The passphrase in wiped memory; the field is cleared.
  void unlockRequested(std::shared_ptr<SecretBytes> passphrase);
  void changeSettings();
  void checkSetup();

 private:
  void Submit();
  QLabel* server_;
  QLineEdit* passphrase_;
  QPushButton* unlock_;
  QLabel* error_;
};

}  // namespace dojava::desk

#endif  // DOJAVA_DESK_START_PAGES_H_
