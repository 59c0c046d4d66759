// The values the desk's worker hands to the GUI thread: what a reviewer sees
// of a case, copied out of the client library's wiped JSON into Qt strings
// for display. They live in this process's memory only (never on disk);
// Locking the window drops every one of them (MainWindow::Lock).
#ifndef DOJAVA_DESK_DESK_TYPES_H_
#define DOJAVA_DESK_DESK_TYPES_H_

#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QStringList>

#include "base/status.h"

namespace dojava::desk {

// One row of the case list.
struct CaseRow {
  QString id;  // 22 characters, base64url
  QString title, country, kind, status, assignee;
  QStringList labels;
  qint64 last_day = 0;     // days since 1970-01-01 (UTC)
  qint64 created_day = 0;  // the day the case arrived
  int files = 0;
  int messages = 0;     // entries in the case: compared with what was seen
  bool unread = false;  // set by the GUI from what this reviewer has opened
  int failures = 0;     // entries that did not decrypt or verify
  QString search_text;  // every decrypted text of the case, for search
};

struct FileItem {
  QString name, mime;
  qint64 size = 0;
};

// One message or notes event of a case. What the app says about it (an
// event's sentence, an attachment's size) is not kept as text: the case
// panel builds it when it shows the item, in the language of that moment.
struct CaseItem {
  qint64 seq = 0;
  QString day;
  bool notes = false;  // internal: the source never sees it
  bool from_source = false;
  QString author, type;
  QString text;        // what people wrote: a report, message or note
  QStringList values;  // an event's: status {status}; labels {added, removed};
                       // assign {the assignee's roster name}, {} to unassign
  QList<FileItem> files;
  QString error;  // non-empty: this message could not be opened (the client
                  // library's technical words, as `dojava show` prints them)
};

// Why a re-key stops this reviewer's writing: client::RekeyStop, the same
// values (case_view.h is not included into Qt-only files).
enum class RekeyStop { kNone, kOutOfOrder, kRefused, kNotSealedToYou, kKeyRefused };

struct CaseDetail {
  CaseRow row;
  QList<QPair<QString, QString>> form;  // the report's fields
  QString report_text;
  QList<CaseItem> items;
  QList<FileItem> files;  // numbered from 1 in this order (client::Attachments)
  // Kept as the client library's outcomes, not as sentences: the case panel
  // explains them in the language shown (PlainError), also after a switch.
  Status safety;      // not OK: replying or notes would be unsafe (CheckSafeToEncrypt)
  Status source_key;  // not OK: the server's source key is not the signed report's
                      // (client::CaseView::source_key; a re-key would be read by it)
  // §7.3, as values (client::CaseView): re-keys whose envelope did not open,
  // skipped (a warning: writing goes on under the key followed), and a re-key
  // that stops this reviewer's writing (kNone: none). The Statuses carry the
  // library's words for "Details:".
  QList<qint64> rekeys_unreadable;  // their generations
  Status rekeys_unreadable_details;
  RekeyStop rekey_stop = RekeyStop::kNone;
  qint64 rekey_stop_generation = 0;
  Status rekey_stop_details;
};

// One line of "check my setup" (client/setup_check.h).
struct SetupCheckRow {
  enum Outcome { kOk, kFail, kSkipped };
  QString name, detail, fix;
  Outcome outcome = kSkipped;
};

}  // namespace dojava::desk

Q_DECLARE_METATYPE(dojava::desk::SetupCheckRow)
Q_DECLARE_METATYPE(QList<dojava::desk::SetupCheckRow>)
Q_DECLARE_METATYPE(dojava::desk::CaseRow)
Q_DECLARE_METATYPE(dojava::desk::CaseDetail)
Q_DECLARE_METATYPE(QList<dojava::desk::CaseRow>)

#endif  // DOJAVA_DESK_DESK_TYPES_H_
