#include "desk/backend.h"

#include <boost/json.hpp>
#include <set>
#include <utility>

#include "client/case_summary.h"
#include "client/case_view.h"
#include "client/file_metadata.h"
#include "client/format.h"
#include "client/key_rotation.h"
#include "client/keys.h"
#include "client/reviewer_actions.h"
#include "crypto/protocol_constants.h"
#include "desk/plain_error.h"

namespace dojava::desk {
namespace json = boost::json;
namespace {

QString Q(std::string_view s) {
  return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

QString Field(const json::value& body, std::string_view name) {
  if (!body.is_object()) return {};
  auto it = body.as_object().find(name);
  if (it == body.as_object().end() || !it->value().is_string()) return {};
  return Q(it->value().as_string());
}

// The first line of `text`, at most 80 characters.
QString FirstLine(const QString& text) {
  QString line = text.section(QLatin1Char('\n'), 0, 0).trimmed();
  if (line.size() > 80) line = line.left(79) + QChar(0x2026);
  return line;
}

// What the panel needs to say what event `e` did, in any language
// (CaseItem::values).
QStringList EventValues(const client::ReviewerSession& s, const client::CaseEntry& e) {
  if (e.type == "status") return {Field(e.body, "status")};
  if (e.type == "labels") {
    QStringList add, remove;
    const json::object& o = e.body.as_object();
    for (const char* k : {"add", "remove"}) {
      auto it = o.find(k);
      if (it == o.end() || !it->value().is_array()) continue;
      for (const auto& l : it->value().as_array()) {
        if (l.is_string()) (k[0] == 'a' ? add : remove) << Q(l.as_string());
      }
    }
    return {add.join(QStringLiteral(", ")), remove.join(QStringLiteral(", "))};
  }
  if (e.type == "assign") {
    const QString who = Field(e.body, "reviewer");
    if (who.isEmpty()) return {};
    auto id = client::ParseId(who.toStdString(), "reviewer");
    return {id.ok() ? Q(client::ReviewerName(s.roster(), *id)) : QStringLiteral("?")};
  }
  return {};
}

// §7.3: what following the case's re-keys found, as values.
void DescribeRekeys(const client::CaseView& v, CaseDetail* d) {
  std::string unreadable;
  for (size_t i = 0; i < v.rekeys_unreadable.size(); ++i) {
    unreadable += (i == 0 ? "" : "; ") + v.rekeys_unreadable[i];
  }
  for (uint64_t g : v.rekeys_unreadable_generations) d->rekeys_unreadable << qint64(g);
  if (!unreadable.empty()) d->rekeys_unreadable_details = Status(Code::kDecryptFailed, unreadable);
  static_assert(static_cast<int>(RekeyStop::kKeyRefused) ==
                static_cast<int>(client::RekeyStop::kKeyRefused));
  d->rekey_stop = static_cast<RekeyStop>(v.rekey_stop);
  d->rekey_stop_generation = static_cast<qint64>(v.rekey_stop_generation);
  if (v.rekey_stop != client::RekeyStop::kNone) {
    d->rekey_stop_details = Status(Code::kWrongKey, v.rekey_problem);
  }
}

CaseDetail Describe(const client::ReviewerSession& s, const client::CaseView& v) {
  CaseDetail d;
  CaseRow& r = d.row;
  r.id = Q(client::IdText(v.info.case_id));
  r.status = Q(v.state.status);
  for (const auto& l : v.state.labels) r.labels << Q(l);
  if (v.state.assignee) r.assignee = Q(client::ReviewerName(s.roster(), *v.state.assignee));
  r.last_day = v.info.last_activity_day;
  r.created_day = v.info.created_day;
  r.messages = static_cast<int>(v.entries.size());
  r.failures = static_cast<int>(v.failures);
  for (const auto& e : v.entries) {
    CaseItem item;
    item.seq = static_cast<qint64>(e.seq);
    item.day = Q(client::DayText(e.day));
    item.notes = e.kind == protocol::kKindNotes;
    item.from_source = e.from_source;
    item.author = Q(e.author);
    item.type = Q(e.type);
    item.error = Q(e.error);
    const bool written = e.type == "report" || e.type == "message" || e.type == "note";
    if (e.error.empty() && written) item.text = Field(e.body, "text");
    if (e.error.empty() && !written) item.values = EventValues(s, e);
    for (const auto& f : e.files) {
      item.files.push_back({Q(f.name), Q(f.mime), static_cast<qint64>(f.size)});
      d.files.push_back(item.files.back());
    }
    if (e.error.empty() && e.type == "report" && d.report_text.isEmpty()) {
      d.report_text = item.text;
      auto it = e.body.as_object().find("form");
      if (it != e.body.as_object().end() && it->value().is_object()) {
        for (const auto& kv : it->value().as_object()) {
          if (kv.value().is_string()) d.form.push_back({Q(kv.key()), Q(kv.value().as_string())});
        }
      }
    }
    r.search_text += item.text + item.values.join(QLatin1Char(' ')) + QLatin1Char('\n');
    d.items.push_back(std::move(item));
  }
  r.files = static_cast<int>(d.files.size());
  for (const auto& [k, val] : d.form) {
    if (k == QLatin1String("title")) r.title = val;
    if (k == QLatin1String("country")) r.country = val;
    if (k == QLatin1String("incident") || k == QLatin1String("kind")) r.kind = val;
    r.search_text += val + QLatin1Char('\n');
  }
  if (r.title.isEmpty()) r.title = FirstLine(d.report_text);
  // A re-key that stops writing has its own banner (DescribeRekeys), not
  // the "do not trust this case" one.
  d.safety = v.rekey_problem.empty() || !v.trust.ok() ? client::CheckSafeToEncrypt(v)
                                                      : client::CheckSafeToEncrypt(v.entries);
  d.source_key = v.source_key;
  DescribeRekeys(v, &d);
  return d;
}

}  // namespace

Backend::Backend(QObject* parent) : QObject(parent) {
  qRegisterMetaType<CaseRow>();
  qRegisterMetaType<CaseDetail>();
  qRegisterMetaType<QList<CaseRow>>();
  qRegisterMetaType<QList<SetupCheckRow>>();
}

Backend::~Backend() = default;

void Backend::Cancel() { cancel_requested_.store(true); }

namespace {

std::function<void(const char*)>& StepHook() {
  static std::function<void(const char*)> hook;
  return hook;
}

}  // namespace

void Backend::Step(const char* step) {
  if (StepHook()) StepHook()(step);
}

void Backend::SetStepHookForTesting(std::function<void(const char* step)> hook) {
  StepHook() = std::move(hook);
}

bool Backend::Begin(std::function<void()> again) {
  again_ = std::move(again);
  if (!second_run_) logged_in_again_ = false;
  if (session_) return true;
  again_ = nullptr;
  emit needsUnlock();
  emit failed(tr("Locked"), tr("Dojava Desk is locked. Unlock it with your passphrase."));
  return false;
}

void Backend::Changed(std::function<void()> rest) {
  again_ = std::move(rest);
  Step("changed");
}

bool Backend::TokenRefused() {
  return client::ProbeToken(*session_).code() == Code::kPermissionDenied;
}

Backend::Relogin Backend::LogInAgainIfRefused(const QString& what, const Status& st) {
  // kPermissionDenied is also a case not shared with this reviewer: only a
  // refused token is worth a new login.
  if (logged_in_again_ || !session_ || st.code() != Code::kPermissionDenied || !TokenRefused()) {
    return Relogin::kNo;
  }
  logged_in_again_ = true;
  emit busy(tr("Logging in again…"));
  Status login = client::LoginAndSave(*session_);
  if (login.ok()) return Relogin::kDone;
  emit failed(what, PlainError(login));
  return Relogin::kFailed;
}

void Backend::ReportFailure(const QString& what, const Status& st) {
  std::function<void()> again = std::exchange(again_, nullptr);
  const Relogin relogin = again ? LogInAgainIfRefused(what, st) : Relogin::kNo;
  if (relogin == Relogin::kFailed) return;
  if (relogin == Relogin::kNo) return emit failed(what, PlainError(st));
  second_run_ = true;
  again();
  second_run_ = false;
}

client::ConnectionOptions Backend::ConnectionOf(const ServerSettings& settings) {
  client::ConnectionOptions conn;
  conn.server = settings.server.toStdString();
  conn.socks5 = settings.socks5.toStdString();
  conn.state_dir = settings.state_dir.toStdString();
  return conn;
}

client::TrustOptions Backend::TrustOf(const ServerSettings& settings) {
  client::TrustOptions trust;
  trust.admin_fingerprint = settings.admin_fingerprint.toStdString();
  return trust;
}

client::ReviewerKeySource Backend::KeySourceOf(const std::string& key_file,
                                               const std::shared_ptr<SecretBytes>& passphrase) {
  return [key_file, passphrase]() -> Result<crypto::ReviewerKey> {
    auto bytes = client::ReadKeyFileAt(key_file);
    if (!bytes.ok()) return bytes.status();
    auto seed = client::OpenKeySeed(*bytes, *passphrase, protocol::kKeyKindReviewer, key_file);
    if (!seed.ok()) return seed.status();
    return crypto::ReviewerKey::FromSeed(*seed);
  };
}

client::EpochKeySource Backend::EpochSourceOf(const std::string& key_file,
                                              const std::shared_ptr<SecretBytes>& passphrase) {
  return [key_file, passphrase] { return client::OpenEpochKeys(key_file, *passphrase); };
}

void Backend::Unlock(ServerSettings settings, std::shared_ptr<SecretBytes> passphrase) {
  cancel_requested_ = false;
  emit busy(tr("Unlocking and checking the server…"));
  again_ = nullptr;
  session_.reset();
  const client::ConnectionOptions conn = ConnectionOf(settings);
  const client::TrustOptions trust = TrustOf(settings);
  const client::ReviewerKeySource key_source =
      KeySourceOf(settings.key_file.toStdString(), passphrase);
  auto s = client::StartReviewerSession(conn, trust, key_source,
                                        EpochSourceOf(settings.key_file.toStdString(), passphrase));
  *passphrase = SecretBytes();
  if (!s.ok()) return ReportFailure(tr("Unlock"), s.status());
  session_.emplace(std::move(s).value());
  ResealAfterRotation();
  watcher_.emplace();
  QStringList colleagues;
  for (const auto& e : session_->roster().entries()) {
    if (e.active() && e.reviewer_id != session_->me->id) colleagues << Q(e.name);
  }
  emit unlocked(Q(session_->me->name), colleagues);
}

void Backend::Lock() {
  again_ = nullptr;
  watcher_.reset();
  session_.reset();  // wipes the key, the token and the connection's secrets
  emit locked();
}

void Backend::ListCases() {
  if (!Begin([this] { ListCases(); })) return;
  cancel_requested_ = false;
  emit busy(tr("Opening your cases…"));
  auto list = session_->api().ListCases(0);
  if (!list.ok()) return ReportFailure(tr("Case list"), list.status());
  Step("listed");
  QList<CaseRow> rows;
  int not_granted = 0;
  const qint64 total = static_cast<qint64>(list->size());
  for (qint64 i = 0; i < total; ++i) {
    if (cancel_requested_) return ReportFailure(tr("Case list"), Status(Code::kCancelled, ""));
    emit progress(i, total);
    auto v = client::OpenCase(*session_, (*list)[static_cast<size_t>(i)].case_id);
    if (v.code() == Code::kPermissionDenied) {
      // A refused token (dojavad restarted meanwhile): one new login, and
      // this case is opened again; otherwise it is not shared with us.
      const Relogin relogin = LogInAgainIfRefused(tr("Case list"), v.status());
      if (relogin == Relogin::kFailed) return;
      if (relogin == Relogin::kDone) {
        --i;
        continue;
      }
      ++not_granted;
      continue;
    }
    if (v.code() == Code::kNotFound) continue;  // deleted meanwhile
    if (!v.ok()) return ReportFailure(tr("Case list"), v.status());
    CaseRow row = Describe(*session_, *v).row;
    // What this reviewer read is in the client's private state (seen-…), not
    // in desk.ini.
    auto seen = session_->conn->state().LastSeen(v->info.case_id);
    row.unread = !seen.ok() || client::LastSeq(*v) > *seen;
    rows.push_back(std::move(row));
  }
  emit progress(total, total);
  emit casesListed(rows, not_granted);
}

std::optional<client::CaseView> Backend::OpenOrReport(const QString& id, const QString& what) {
  auto case_id = client::ParseId(id.toStdString(), "case");
  if (!case_id.ok()) {
    ReportFailure(what, case_id.status());
    return std::nullopt;
  }
  auto v = client::OpenCase(*session_, *case_id);
  if (!v.ok()) {
    ReportFailure(what, v.status());
    return std::nullopt;
  }
  return std::move(v).value();
}

void Backend::Reopen(const QString& id) {
  std::optional<client::CaseView> v = OpenOrReport(id, tr("Open case"));
  if (!v) return;
  Status read = client::MarkRead(*session_, *v);
  if (!read.ok()) return ReportFailure(tr("Open case"), read);
  emit caseOpened(Describe(*session_, *v));
}

void Backend::OpenCase(QString id) {
  if (!Begin([this, id] { OpenCase(id); })) return;
  emit busy(tr("Opening the case…"));
  Reopen(id);
}

namespace {

Status PostEventTo(client::ReviewerSession& s, const QString& id, const json::object& event) {
  auto case_id = client::ParseId(id.toStdString(), "case");
  if (!case_id.ok()) return case_id.status();
  auto seq = client::PostNotesEvent(s, *case_id, event);
  return seq.ok() ? Status() : seq.status();
}

}  // namespace

void Backend::AddNote(QString id, std::shared_ptr<SecretBytes> text) {
  if (!Begin([this, id, text] { AddNote(id, text); })) return;
  emit busy(tr("Adding the note…"));
  json::object ev(client::WipingStorage());
  ev["type"] = "note";
  ev["text"] = text->reveal_chars();
  Status st = PostEventTo(*session_, id, ev);
  if (!st.ok()) return ReportFailure(tr("Note"), st);  // the text is kept for a second run
  Changed([this, id] { Reopen(id); });
  *text = SecretBytes();
  emit done(tr("Note added (only your team sees it)."));
  Reopen(id);
}

void Backend::SetStatus(QString id, QString status) {
  if (!Begin([this, id, status] { SetStatus(id, status); })) return;
  if (!client::IsKnownStatus(status.toStdString())) {
    return ReportFailure(tr("Status"), Status(Code::kInvalidArgument, "unknown status"));
  }
  emit busy(tr("Changing the status…"));
  json::object ev(client::WipingStorage());
  ev["type"] = "status";
  ev["status"] = status.toStdString();
  Status st = PostEventTo(*session_, id, ev);
  if (!st.ok()) return ReportFailure(tr("Status"), st);
  Changed([this, id] { Reopen(id); });
  emit done(tr("Status set to %1.").arg(status));
  Reopen(id);
}

void Backend::AddLabel(QString id, QString label) {
  if (!Begin([this, id, label] { AddLabel(id, label); })) return;
  const std::string l = label.trimmed().toStdString();
  if (l.empty() || l.size() > 64) {
    return ReportFailure(tr("Label"), Status(Code::kInvalidArgument, "1 to 64 bytes"));
  }
  emit busy(tr("Adding the label…"));
  json::object ev(client::WipingStorage());
  ev["type"] = "labels";
  json::array add(client::WipingStorage());
  add.emplace_back(l);
  ev["add"] = std::move(add);
  ev["remove"] = json::array(client::WipingStorage());
  Status st = PostEventTo(*session_, id, ev);
  if (!st.ok()) return ReportFailure(tr("Label"), st);
  Changed([this, id] { Reopen(id); });
  emit done(tr("Label added."));
  Reopen(id);
}

void Backend::Assign(QString id, QString who) {
  if (!Begin([this, id, who] { Assign(id, who); })) return;
  emit busy(tr("Assigning…"));
  json::object ev(client::WipingStorage());
  ev["type"] = "assign";
  if (who.isEmpty()) {
    ev["reviewer"] = nullptr;
  } else {
    auto e = client::FindReviewer(*session_, who.toStdString());
    if (!e.ok()) return ReportFailure(tr("Assign"), e.status());
    ev["reviewer"] = client::IdText((*e)->reviewer_id);
  }
  Status st = PostEventTo(*session_, id, ev);
  if (!st.ok()) return ReportFailure(tr("Assign"), st);
  Changed([this, id] { Reopen(id); });
  emit done(who.isEmpty() ? tr("Unassigned.") : tr("Assigned to %1.").arg(who));
  Reopen(id);
}

void Backend::Download(QString id, int number, QString folder) {
  if (!Begin([this, id, number, folder] { Download(id, number, folder); })) return;
  cancel_requested_ = false;
  emit busy(tr("Downloading…"));
  std::optional<client::CaseView> v = OpenOrReport(id, tr("Download"));
  if (!v) return;
  const crypto::Id case_id = v->info.case_id;
  const auto files = client::Attachments(*v);
  if (number < 1 || static_cast<size_t>(number) > files.size()) {
    return ReportFailure(tr("Download"), Status(Code::kNotFound, "no such attachment"));
  }
  const client::FileRef& ref = *files[static_cast<size_t>(number - 1)].second;
  const std::string output = (folder + QLatin1Char('/')).toStdString() + ref.name;
  auto secrets = crypto::FileSecrets::FromBytes(ref.key.reveal(), ref.prefix, ref.id);
  if (!secrets.ok()) return ReportFailure(tr("Download"), secrets.status());
  client::CancelToken token;
  client::TransferControl control;
  control.cancel = &token;
  control.progress = [&](uint64_t done_bytes, uint64_t total) {
    emit progress(static_cast<qint64>(done_bytes), static_cast<qint64>(total));
    if (cancel_requested_) token.Cancel();
  };
  if (cancel_requested_) token.Cancel();
  client::ApiClient& api = session_->api();
  const crypto::Id file_id = ref.id;
  Status st = client::DownloadFile(
      api,
      [&](client::ApiClient& lane, uint64_t i, Bytes& record) {
        return lane.GetChunk(case_id, file_id, i, record);
      },
      client::kDefaultDownloadStreams, *secrets, ref.chunks, ref.size, output, ref.name, control);
  if (!st.ok()) return ReportFailure(tr("Download"), st);
  auto location = client::HasLocationMetadata(output);
  emit downloaded(QString::fromStdString(output), location.ok() && *location);
}

}  // namespace dojava::desk
