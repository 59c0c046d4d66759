// The desk's worker: owns the reviewer's session (connection, trusted
// instance, unlocked key) and runs every network and crypto call on its own
// thread, never the GUI's. The GUI calls the slots through queued
// connections (QMetaObject::invokeMethod) and learns results only from the
// signals. One request runs at a time, in order.
//
// Long operations (listing and opening every case, downloads) report
// progress(done, total) and stop early when Cancel() is called from any
// thread; they then fail with "cancelled". Lock() wipes the key, the token in
// memory and every decrypted case the worker holds.
//
// The token lives in dojavad's memory only: after dojavad restarts (or the
// token expires) a request is refused. While the key is unlocked the worker
// then logs in again with it, at most once per request, and takes the
// refused step again; a second failure is reported as it is. A request that
// already changed something on the server (a reply, a note, a grant…) never
// runs that change again: after it, only reading the case back is repeated,
// and a reply whose files were uploaded is posted with those files. A list
// of cases goes on after the new login from the case that was refused;
// sharing all cases runs again (granting is idempotent) and counts the
// cases shared before the login as shared. A request made while locked
// fails with needsUnlock(): the window asks for the passphrase, as after
// the idle lock.
#ifndef DOJAVA_DESK_BACKEND_H_
#define DOJAVA_DESK_BACKEND_H_

#include <QObject>
#include <QString>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/secret_bytes.h"
#include "client/activity_watch.h"
#include "client/case_view.h"
#include "client/reviewer_session.h"
#include "client/transfer.h"
#include "desk/desk_types.h"

namespace dojava::desk {

// Where the reviewer's server and key are (the first-run page fills it).
struct ServerSettings {
  QString key_file;
  QString server;  // http://127.0.0.1:PORT, http://NAME.onion or unix:/PATH
  QString socks5;  // tor's SocksPort HOST:PORT; empty: direct
  QString admin_fingerprint;
  QString state_dir;     // empty: the XDG default (client/state_store.h)
  bool own_tor = false;  // start the app's own tor (own_tor.h); socks5 is then its port
};

class Backend : public QObject {
  Q_OBJECT
 public:
  explicit Backend(QObject* parent = nullptr);
  ~Backend() override;

  // Thread-safe: stops the running long operation before its next step.
  void Cancel();

  // For tests only: `hook(step)` runs on the worker thread at "listed" (a
  // list of cases arrived, for the case list or sharing all, no case opened
  // yet) and "changed" (a request changed
  // the server, its result not yet read back), so a test can restart dojavad
  // exactly there. Set it while no request runs; empty: none.
  static void SetStepHookForTesting(std::function<void(const char* step)> hook);

 public slots:
  // Opens the key file with `passphrase` (wiped after use), connects,
  // verifies the instance and roster against the admin fingerprint and logs
  // in. unlocked(name) or failed(). After a key rotation (`dojava key
  // rotate`) the encryption key is the one the roster names among the
  // KEY.epochN files beside the key file, and once the roster names it the
  // case keys sealed to an older one are sealed to it again (keysResealed,
  // before unlocked), as the CLI does.
  void Unlock(dojava::desk::ServerSettings settings, std::shared_ptr<SecretBytes> passphrase);
  void Lock();
  // Lists and opens every case granted to this reviewer. casesListed().
  void ListCases();
  void OpenCase(QString id);
  // Replies with `text` and the files at `paths` (uploaded first, with
  // progress; with `clean`, each is a metadata-stripped copy made by mat2 in
  // a private temporary folder, and a file mat2 cannot clean stops the reply
  // before anything is sent).
  void Reply(QString id, std::shared_ptr<SecretBytes> text, QStringList paths, bool clean);
  void AddNote(QString id, std::shared_ptr<SecretBytes> text);
  void SetStatus(QString id, QString status);
  void AddLabel(QString id, QString label);
  // `who`: a roster name, or empty to unassign.
  void Assign(QString id, QString who);
  // Downloads attachment `number` (from 1) of case `id` into `folder`.
  void Download(QString id, int number, QString folder);
  // Gives colleague `who` (a roster name) access to case `id`.
  void Grant(QString id, QString who);
  // Gives `who` every case this reviewer holds, case by case with progress;
  // one refused case does not stop the others (grantedAll).
  void GrantAll(QString who);
  // Deletes case `id` for good (the window asked for confirmation).
  void Delete(QString id);
  // One poll for new activity without decrypting (client/activity_watch.h).
  void Watch();
  // "Check my setup": every step from this computer to the cases, each with
  // the fix (setupChecked). Opens the key with `passphrase` for the roster
  // check; works locked or unlocked (its own connection).
  void CheckSetup(dojava::desk::ServerSettings settings, std::shared_ptr<SecretBytes> passphrase);
  // A new tor client-authorization key pair for the onion in `server`: the
  // private line written into `auth_dir` (onionKeyCreated).
  void CreateOnionKey(QString server, QString auth_dir);
  // A new reviewer key file at `path` (0600, with path.pub) sealed under
  // `passphrase` (wiped after use) as `dojava keygen` does, Argon2id at
  // client::kNewKeyDefaultMiB (keyCreated, or failed: never overwrites).
  void CreateKey(QString path, std::shared_ptr<SecretBytes> passphrase);

 signals:
  void busy(QString what);
  void progress(qint64 done, qint64 total);
  void unlocked(QString name, QStringList colleagues);
  void locked();
  void casesListed(QList<dojava::desk::CaseRow> rows, int not_granted);
  void caseOpened(dojava::desk::CaseDetail detail);
  // `location`: the saved file is an image that still says where it was taken.
  void downloaded(QString path, bool location);
  void replied(QString id);
  void grantedAll(int granted, int already, int not_yours, QStringList refused);
  void deleted(QString id);
  void activity(int unread_cases, bool news);
  void setupChecked(QList<dojava::desk::SetupCheckRow> rows);
  void onionKeyCreated(QString public_line, QString private_path);
  void keyCreated(QString key_path, QString public_line);
  // What sealing the case keys again after a key rotation did (a sentence).
  void keysResealed(QString note);
  void done(QString message);
  void failed(QString what, QString message);
  // A request needed the key and it is locked (sent before failed()).
  void needsUnlock();

 private:
  // Runs the test hook (SetStepHookForTesting) at `step`.
  static void Step(const char* step);
  static client::ConnectionOptions ConnectionOf(const ServerSettings& settings);
  static client::TrustOptions TrustOf(const ServerSettings& settings);
  // Opens `key_file` with `passphrase`.
  static client::ReviewerKeySource KeySourceOf(const std::string& key_file,
                                               const std::shared_ptr<SecretBytes>& passphrase);
  // Opens the KEY.epochN files beside `key_file` with `passphrase`.
  static client::EpochKeySource EpochSourceOf(const std::string& key_file,
                                              const std::shared_ptr<SecretBytes>& passphrase);
  // After a rotation: client::ResealToCurrentKey, told with keysResealed.
  void ResealAfterRotation();
  // Starts a request that needs the unlocked key: false (needsUnlock,
  // failed) when locked. `again` runs the same request once more after a
  // new login (ReportFailure).
  bool Begin(std::function<void()> again);
  // The running request changed the server: from here a refused token runs
  // only `rest` again (reading the result back), never the change.
  void Changed(std::function<void()> rest);
  enum class Relogin { kNo, kDone, kFailed };
  // If `st` is the server refusing the token and this request has not
  // logged in again yet, logs in again with the unlocked key: kDone (take
  // the refused step again), kFailed (failed(what, …) emitted). kNo for
  // any other `st`.
  Relogin LogInAgainIfRefused(const QString& what, const Status& st);
  // Reports `st`, unless it is the server refusing the token and a new
  // login with the unlocked key works: then `again_` runs once more.
  void ReportFailure(const QString& what, const Status& st);
  // True if the server refuses the session's token (a cheap probe).
  bool TokenRefused();
  // Case `id` opened, or nullopt with the failure reported as `what`.
  std::optional<client::CaseView> OpenOrReport(const QString& id, const QString& what);
  // Opens case `id` again and emits caseOpened (after a change).
  void Reopen(const QString& id);

  Result<client::UploadedFile> UploadForReply(const QString& path);
  // GrantAll's run; `granted_before`: cases shared by a run before a new login.
  void GrantAllRun(const QString& who, size_t granted_before);
  // Posts the reply to the opened case `v` with `files` (already uploaded).
  void PostReplyTo(const client::CaseView& v, const QString& id,
                   const std::shared_ptr<SecretBytes>& text,
                   const std::vector<client::UploadedFile>& files);

  std::optional<client::ReviewerSession> session_;
  std::optional<client::ActivityWatcher> watcher_;  // reset on unlock and lock
  std::function<void()> again_;                     // the running request, for one more run
  bool second_run_ = false;                         // the running request is that second run
  bool logged_in_again_ = false;                    // the running request logged in again
  // Set by Cancel(), cleared when the next operation starts.
  std::atomic<bool> cancel_requested_{false};
};

}  // namespace dojava::desk

#endif  // DOJAVA_DESK_BACKEND_H_
