// "Create a new key": where the reviewer key file goes and its passphrase,
// with a generated passphrase offered and the length rule of `dojava keygen`
// (client/new_key_file.h, F16: shorter than 12 characters only when the
// reviewer ticks the box). It only collects and checks input; the key is
// made on the worker (Backend::CreateKey), never on the GUI thread.
#ifndef DOJAVA_DESK_NEW_KEY_DIALOG_H_
#define DOJAVA_DESK_NEW_KEY_DIALOG_H_

#include <QCheckBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <memory>

#include "base/secret_bytes.h"

namespace dojava::desk {

class NewKeyDialog : public QDialog {
  Q_OBJECT
 public:
  // `path`: the key file to suggest (the setup page's field, or a default).
  explicit NewKeyDialog(const QString& path, QWidget* parent = nullptr);

 signals:
  // The passphrase in wiped memory; both fields are cleared.
  void createRequested(QString path, std::shared_ptr<dojava::SecretBytes> passphrase);

 private:
  void Suggest();
  void Create();
  void ShowError(const QString& text);
  QLineEdit* path_;
  QLineEdit* passphrase_;
  QLineEdit* again_;
  QLabel* suggested_;
  QCheckBox* allow_short_;
  QLabel* error_;
};

}  // namespace dojava::desk

#endif  // DOJAVA_DESK_NEW_KEY_DIALOG_H_
