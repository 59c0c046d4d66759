// The Backend's slots that change who holds a case or add files: replies
// with attachments (cleaned by mat2 on request), grant, grant to all,
// delete, the activity poll, and sealing the case keys to a new encryption
// key after a rotation. Like backend.cc, all of it runs on the
// worker thread.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <algorithm>
#include <boost/json.hpp>

#include "client/case_view.h"
#include "client/file_metadata.h"
#include "client/format.h"
#include "client/key_rotation.h"
#include "client/new_key_file.h"
#include "client/onion_auth.h"
#include "client/reviewer_actions.h"
#include "client/setup_check.h"
#include "desk/backend.h"
#include "desk/plain_error.h"

namespace dojava::desk {
namespace {

// A metadata-stripped copy of `path` under the name it had, in `dir` (a
// private temporary folder removed by its owner). The copy's path, or what
// went wrong in plain words.
QString CleanCopy(const QString& path, const QTemporaryDir& dir, QString* error) {
  const QString name = QFileInfo(path).fileName();
  const QString copy = dir.filePath(QStringLiteral("in-") + name);
  const QString out = dir.filePath(name);
  if (!QFile::copy(path, copy)) {
    *error = QObject::tr("%1 cannot be read, so nothing was sent.").arg(path);
    return {};
  }
  auto cleaned = client::CleanWithMat2(copy.toStdString());
  if (!cleaned.ok()) {
    *error = cleaned.code() == Code::kNotFound
                 ? QObject::tr(
                       "mat2 is not installed, so the metadata of %1 cannot be removed. "
                       "Nothing was sent. Install mat2, or send the file without "
                       "cleaning if you are sure it reveals nothing.")
                       .arg(name)
                 : QObject::tr(
                       "mat2 could not remove the metadata of %1 (a format it does not "
                       "know, or a damaged file). Nothing was sent. Send it without "
                       "cleaning only if you are sure it reveals nothing.")
                       .arg(name);
    return {};
  }
  if (!QFile::rename(QString::fromStdString(*cleaned), out)) {
    *error =
        QObject::tr("The cleaned copy of %1 could not be kept, so nothing was sent.").arg(name);
    return {};
  }
  return out;
}

}  // namespace

Result<client::UploadedFile> Backend::UploadForReply(const QString& path) {
  client::CancelToken token;
  client::TransferControl control;
  control.cancel = &token;
  control.progress = [&](uint64_t done_chunks, uint64_t total) {
    emit progress(static_cast<qint64>(done_chunks), static_cast<qint64>(total));
    if (cancel_requested_) token.Cancel();
  };
  if (cancel_requested_) token.Cancel();
  return client::UploadFile(session_->api(), path.toStdString(),
                            session_->inst.info.limits.max_chunks_per_file,
                            client::kDefaultUploadStreams, control);
}

void Backend::Reply(QString id, std::shared_ptr<SecretBytes> text, QStringList paths, bool clean) {
  if (!Begin([this, id, text, paths, clean] { Reply(id, text, paths, clean); })) return;
  cancel_requested_ = false;
  emit busy(tr("Sending the reply…"));
  std::optional<client::CaseView> v = OpenOrReport(id, tr("Reply"));
  if (!v) return;
  QTemporaryDir cleaned;  // 0700; removed with what it holds when this returns
  auto files = std::make_shared<std::vector<client::UploadedFile>>();
  for (const QString& path : paths) {
    QString upload = path;
    if (clean) {
      QString error;
      if (!cleaned.isValid()) error = tr("No private temporary folder for the cleaned copies.");
      if (error.isEmpty()) upload = CleanCopy(path, cleaned, &error);
      if (!error.isEmpty()) return emit failed(tr("Reply"), error);
    }
    emit busy(tr("Encrypting and sending %1…").arg(QFileInfo(path).fileName()));
    auto up = UploadForReply(upload);
    if (!up.ok()) return ReportFailure(tr("Reply"), up.status());
    files->push_back(std::move(up).value());
  }
  // The files are on the server (kept unbound for upload_ttl_days): a
  // refused token from here posts the reply with them, not uploading again.
  again_ = [this, id, text, files] {
    std::optional<client::CaseView> fresh = OpenOrReport(id, tr("Reply"));
    if (fresh) PostReplyTo(*fresh, id, text, *files);
  };
  PostReplyTo(*v, id, text, *files);
}

void Backend::PostReplyTo(const client::CaseView& v, const QString& id,
                          const std::shared_ptr<SecretBytes>& text,
                          const std::vector<client::UploadedFile>& files) {
  auto seq = client::PostReply(*session_, v, *text, files);
  if (!seq.ok())
    return ReportFailure(tr("Reply"), seq.status());  // the text is kept for a second run
  Changed([this, id] { Reopen(id); });
  *text = SecretBytes();
  emit replied(id);
  emit done(files.empty()
                ? tr("Reply sent.")
                : tr("Reply sent with %n file(s).", nullptr, static_cast<int>(files.size())));
  Reopen(id);
}

void Backend::Grant(QString id, QString who) {
  if (!Begin([this, id, who] { Grant(id, who); })) return;
  emit busy(tr("Sharing the case…"));
  auto target = client::FindReviewer(*session_, who.toStdString());
  if (!target.ok()) return ReportFailure(tr("Grant"), target.status());
  std::optional<client::CaseView> v = OpenOrReport(id, tr("Grant"));
  if (!v) return;
  auto added = client::GrantCase(*session_, *v, **target);
  if (!added.ok()) return ReportFailure(tr("Grant"), added.status());
  Changed([this, id] { Reopen(id); });
  emit done(*added == 0 ? tr("%1 already had access to this case.").arg(who)
                        : tr("%1 can now read this case.").arg(who));
  Reopen(id);
}

void Backend::GrantAll(QString who) {
  if (!Begin([this, who] { GrantAll(who); })) return;
  GrantAllRun(who, 0);
}

// client::GrantAll with the progress bar and Cancel.
void Backend::GrantAllRun(const QString& who, size_t granted_before) {
  cancel_requested_ = false;
  emit busy(tr("Sharing all your cases with %1…").arg(who));
  auto target = client::FindReviewer(*session_, who.toStdString());
  if (!target.ok()) return ReportFailure(tr("Grant all"), target.status());
  client::CancelToken token;
  client::GrantAllControl control;
  control.cancel = &token;
  control.progress = [&](size_t done, size_t total) {
    if (done == 0 && total > 0) Step("listed");
    if (cancel_requested_) token.Cancel();
    emit progress(static_cast<qint64>(done), static_cast<qint64>(total));
  };
  auto r = client::GrantAll(*session_, **target, control);
  if (!r.ok()) return ReportFailure(tr("Grant all"), r.status());
  if (r->not_yours > 0 || !r->refused.empty()) {
    // A token refused on the way (dojavad restarted) makes every case after
    // it look refused: one new login and the run again, which finds the
    // cases shared before it already shared.
    const Relogin relogin =
        LogInAgainIfRefused(tr("Grant all"), Status(Code::kPermissionDenied, "refused"));
    if (relogin == Relogin::kFailed) return;
    if (relogin == Relogin::kDone) return GrantAllRun(who, granted_before + r->granted);
  }
  QStringList refused;
  for (const client::GrantRefusal& m : r->refused) {
    refused << QString::fromStdString(client::IdText(m.case_id)) + QStringLiteral(": ") +
                   PlainError(m.why);
  }
  const size_t already = r->already - std::min(r->already, granted_before);
  emit grantedAll(static_cast<int>(granted_before + r->granted), static_cast<int>(already),
                  static_cast<int>(r->not_yours), refused);
}

void Backend::Delete(QString id) {
  if (!Begin([this, id] { Delete(id); })) return;
  emit busy(tr("Deleting the case…"));
  auto case_id = client::ParseId(id.toStdString(), "case");
  if (!case_id.ok()) return ReportFailure(tr("Delete"), case_id.status());
  Status st = client::DeleteCase(*session_, *case_id);  // a signed statement (PROTOCOL.md §8.6)
  if (!st.ok()) return ReportFailure(tr("Delete"), st);
  emit deleted(id);
}

void Backend::Watch() {
  if (!Begin([this] { Watch(); })) return;
  if (!watcher_) watcher_.emplace();
  auto a = watcher_->Poll(*session_);
  if (!a.ok()) return ReportFailure(tr("Checking for new activity"), a.status());
  emit activity(static_cast<int>(a->unread_cases), a->news);
}

void Backend::CheckSetup(ServerSettings settings, std::shared_ptr<SecretBytes> passphrase) {
  emit busy(tr("Checking your setup…"));
  const std::string key_file = settings.key_file.toStdString();
  const std::vector<client::SetupCheck> checks =
      client::CheckSetup(ConnectionOf(settings), TrustOf(settings), key_file,
                         KeySourceOf(key_file, passphrase), EpochSourceOf(key_file, passphrase));
  *passphrase = SecretBytes();
  QList<SetupCheckRow> rows;
  for (const client::SetupCheck& c : checks) {
    SetupCheckRow r;
    r.name = QString::fromStdString(c.name);
    r.detail = QString::fromStdString(c.detail);
    r.fix = QString::fromStdString(c.fix);
    r.outcome = c.outcome == client::SetupCheck::Outcome::kOk     ? SetupCheckRow::kOk
                : c.outcome == client::SetupCheck::Outcome::kFail ? SetupCheckRow::kFail
                                                                  : SetupCheckRow::kSkipped;
    rows << r;
  }
  emit setupChecked(rows);
}

void Backend::ResealAfterRotation() {
  if (session_->me->older.empty()) return;
  emit busy(tr("Sealing your case keys to your new encryption key…"));
  auto r = client::ResealToCurrentKey(*session_);
  if (!r.ok()) {
    return emit keysResealed(tr("Your case keys could not be sealed to your new encryption key "
                                "yet (the app tries again at the next unlock): %1")
                                 .arg(PlainError(r.status())));
  }
  if (r->keys == 0 && r->removed.empty() && r->refused.empty()) return;
  QString note =
      tr("Your new encryption key is on the roster: %n key(s) of your cases are now "
         "sealed to it.",
         nullptr, static_cast<int>(r->keys));
  for (const std::string& path : r->removed) {
    note += QLatin1Char(' ') +
            tr("The old key file %1 is destroyed.").arg(QString::fromStdString(path));
  }
  if (!r->refused.empty()) {
    QStringList refused;
    for (const std::string& m : r->refused) refused << QString::fromStdString(m);
    note += QLatin1Char(' ') + tr("Not sealed again yet (the old key is kept until they are): %1")
                                   .arg(refused.join(QStringLiteral("; ")));
  }
  emit keysResealed(note);
}

void Backend::CreateOnionKey(QString server, QString auth_dir) {
  emit busy(tr("Creating your tor client key…"));
  const client::OnionClientKey key = client::GenerateOnionClientKey();
  auto path = client::WriteOnionAuthPrivate(auth_dir.toStdString(), server.toStdString(), key);
  if (!path.ok()) {
    return emit failed(
        tr("Tor client key"),
        tr("No key was made: %1").arg(QString::fromStdString(path.status().message())));
  }
  emit onionKeyCreated(QString::fromStdString(key.public_line), QString::fromStdString(*path));
}

void Backend::CreateKey(QString path, std::shared_ptr<SecretBytes> passphrase) {
  emit busy(tr("Creating your reviewer key (this takes a few seconds)…"));
  auto params = client::NewKeyParams(client::kNewKeyDefaultMiB);
  Result<client::NewReviewerKey> made =
      params.ok() ? client::CreateReviewerKeyFile(path.toStdString(), *passphrase, *params)
                  : Result<client::NewReviewerKey>(params.status());
  *passphrase = SecretBytes();
  if (made.code() == Code::kAlreadyExists) {
    return emit failed(tr("New key"), tr("%1 already exists. The app never overwrites a key "
                                         "file: choose another name, or open that key instead.")
                                          .arg(path));
  }
  if (!made.ok()) {
    return emit failed(
        tr("New key"),
        tr("No key was made: %1").arg(QString::fromStdString(made.status().message())));
  }
  emit keyCreated(path, QString::fromStdString(made->public_line));
}

}  // namespace dojava::desk
