// "Check my setup": runs client/setup_check.h's checks (key file, tor,
// onion, client authorization, admin key, roster, login, clock) on the
// worker and shows each with what was found and, for a failure, the fix.
// Reached from the unlock page and the toolbar; the passphrase is asked for
// the roster check only and wiped after it.
#ifndef DOJAVA_DESK_SETUP_CHECK_PAGE_H_
#define DOJAVA_DESK_SETUP_CHECK_PAGE_H_

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QWidget>
#include <memory>

#include "base/secret_bytes.h"
#include "desk/desk_types.h"

namespace dojava::desk {

class SetupCheckPage : public QWidget {
  Q_OBJECT
 public:
  explicit SetupCheckPage(QWidget* parent = nullptr);
  void ShowResults(const QList<SetupCheckRow>& rows);
  void SetBusy(bool busy);
  void Clear();

 signals:
  void runRequested(std::shared_ptr<SecretBytes> passphrase);
  void backRequested();

 private:
  void Run();
  QLineEdit* passphrase_;
  QPushButton* run_;
  QTableWidget* table_;
  QLabel* summary_;
};

}  // namespace dojava::desk

#endif  // DOJAVA_DESK_SETUP_CHECK_PAGE_H_
