// One case: the report's fields, the conversation with the source and,
// visibly apart, the team's internal notes; reply, note, status, label,
// assignee and the attachments. It shows what the Backend decrypted and asks
// for changes through signals; it never talks to the network itself.
#ifndef DOJAVA_DESK_CASE_PANEL_H_
#define DOJAVA_DESK_CASE_PANEL_H_

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBrowser>
#include <QWidget>
#include <memory>

#include "base/secret_bytes.h"
#include "desk/desk_types.h"

namespace dojava::desk {

class CasePanel : public QWidget {
  Q_OBJECT
 public:
  explicit CasePanel(QWidget* parent = nullptr);
  void Show(const CaseDetail& d);
  void SetColleagues(const QString& me, const QStringList& names);
  void Clear();
  const QString& case_id() const { return id_; }
  // The colleagues' roster names (SetColleagues).
  QStringList colleagues() const { return colleagues_; }
  // Adds the file at `path` to the next reply (what "Attach…" does after
  // its file dialog) and warns about its metadata: location data in an
  // image, mat2 missing.
  void AttachToReply(const QString& path);
  // The reply to case `id` was sent: its text and files are cleared (they
  // stay after a failure, to try again).
  void ReplySent(const QString& id);

 signals:
  void replyRequested(QString id, std::shared_ptr<SecretBytes> text, QStringList files, bool clean);
  void noteRequested(QString id, std::shared_ptr<SecretBytes> text);
  void statusRequested(QString id, QString status);
  void labelRequested(QString id, QString label);
  void assignRequested(QString id, QString who);
  void downloadRequested(QString id, int number);
  void grantRequested(QString id, QString who);
  void deleteRequested(QString id);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  QWidget* BuildActions();
  QWidget* BuildAttachments();
  void UpdateFileWarning();
  // The red banner: messages that failed verification, and a case not safe
  // to write to (CaseDetail::safety), explained in the current language.
  QString VerificationWarning(const CaseDetail& d) const;
  // The re-key banner (§7.3): re-keys skipped, or one that stops writing.
  QString RekeyWarning(const CaseDetail& d) const;
  // Texts built from data (the open case, "me (…)", the file warning),
  // again in the new language.
  void Relabel();
  QString id_;
  CaseDetail detail_;  // the open case as shown; dropped by Clear() (on lock)
  QStringList colleagues_;
  QLabel* heading_;
  QLabel* warning_;
  QLabel* source_key_warning_;  // CaseDetail::source_key: do not re-key this case
  QLabel* rekey_warning_;       // CaseDetail's re-keys: skipped, or writing stopped
  QFormLayout* report_;
  QTextBrowser* conversation_;
  QTextBrowser* notes_;
  QPlainTextEdit* reply_;
  QPlainTextEdit* note_;
  QPushButton* send_;  // off, with reply_ and note_, in a case not safe to write to
  QPushButton* add_note_;
  QComboBox* status_;
  QLineEdit* label_;
  QComboBox* assignee_;
  QList<QWidget*> event_controls_;  // status, label, assignee: off with send_
  QListWidget* files_;
  QComboBox* grant_to_;
  QListWidget* reply_files_;
  QCheckBox* clean_;
  QLabel* file_warning_;
};

}  // namespace dojava::desk

#endif  // DOJAVA_DESK_CASE_PANEL_H_
