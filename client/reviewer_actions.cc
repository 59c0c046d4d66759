#include "client/reviewer_actions.h"

#include <boost/json.hpp>
#include <cctype>

#include "base/encoding.h"
#include "client/case_summary.h"
#include "client/format.h"
#include "crypto/case_delete.h"
#include "crypto/case_key_anchor.h"
#include "crypto/message_v2.h"
#include "crypto/notes_genesis.h"
#include "crypto/protocol_constants.h"
#include "crypto/sealed_key.h"
#include "crypto/statement_envelope.h"

namespace dojava::client {
namespace json = boost::json;

namespace {

Status InCase(const crypto::Id& id, const Status& s) {
  return Status(s.code(), "case " + IdText(id) + ": " + s.message());
}

// Refuses to encrypt anything new for `v` unless it opened cleanly with its
// first report (a swapped case key would be the server's own).
Status SafeToEncrypt(const CaseView& v) {
  Status s = CheckSafeToEncrypt(v);
  return s.ok() ? s : InCase(v.info.case_id, s);
}

const SecretBytes& MySigningKey(const ReviewerSession& s) {
  return *s.me->key.Signer(s.me->id).ed25519_secret;
}

// §8.5: the first reviewer to open a case posts a case-key anchor, once
// message #1 checked. Best effort: a failure leaves the case readable and
// the next open tries again.
void AnchorIfFirst(ReviewerSession& s, CaseView* v) {
  if (!v->needs_anchor || !CheckSafeToEncrypt(*v).ok()) return;
  auto anchor =
      crypto::v2::MakeCaseKeyAnchor(v->info.case_id, s.me->id, v->case_key, MySigningKey(s));
  if (!anchor.ok()) return;
  auto envelope =
      crypto::v2::SealStatement(v->case_key, protocol::kStatementAnchor, v->info.case_id, *anchor);
  if (envelope.ok() && s.api().PostAnchor(v->info.case_id, *anchor, *envelope).ok()) {
    v->needs_anchor = false;
  }
}

// One's own message is not news: if everything before it was read, so is it.
Status KeepReadIfCaughtUp(ReviewerSession& s, const CaseView& v, uint64_t posted) {
  DOJAVA_ASSIGN_OR_RETURN(uint64_t seen, s.conn->state().LastSeen(v.info.case_id));
  if (seen < LastSeq(v)) return Status::Ok();
  return s.conn->state().MarkSeen(v.info.case_id, posted);
}

}  // namespace

Result<CaseView> OpenCase(ReviewerSession& s, const crypto::Id& id) {
  StateStore& state = s.conn->state();
  auto seen = state.CaseOrderMark(id);
  if (!seen.ok()) return InCase(id, seen.status());
  auto v = OpenReviewerCase(s.api(), id, s.me->id, s.me->key.x25519_secret(),
                            s.me->key.x25519_public(), s.roster(), *seen);
  // Rows not yet sealed again after a rotation open with the older key (§12.4).
  for (size_t i = 0; !v.ok() && v.code() == Code::kDecryptFailed && i < s.me->older.size(); ++i) {
    auto old = OpenReviewerCase(s.api(), id, s.me->id, s.me->older[i].secret,
                                s.me->older[i].public_key, s.roster(), *seen);
    if (old.ok()) v = std::move(old);
  }
  if (!v.ok()) {
    if (v.code() == Code::kNotFound)
      return Status(Code::kNotFound, "case not found: " + IdText(id));
    return InCase(id, v.status());
  }
  if (!v->case_key.empty()) {
    Status pinned = state.CheckAndPinCaseKeys(id, v->case_key, v->notes_key);
    if (!pinned.ok()) return InCase(id, pinned);
  }
  if (v->next_mark.count > seen->count) {
    Status saved = state.SaveCaseOrderMark(id, v->next_mark);
    if (!saved.ok()) return InCase(id, saved);
  }
  AnchorIfFirst(s, &*v);
  return v;
}

std::string ReviewerName(const RosterView& roster, const crypto::Id& id) {
  const ReviewerEntry* e = roster.Find(id);
  if (e == nullptr) return "(removed reviewer " + IdText(id).substr(0, 8) + ")";
  return e->active() ? e->name : e->name + " (removed)";
}

Result<const ReviewerEntry*> FindReviewer(const ReviewerSession& s, const std::string& who) {
  const RosterView& r = s.roster();
  const ReviewerEntry* e = nullptr;
  if (who == "me") e = r.Find(s.me->id);
  if (!e) e = r.FindByName(who);
  if (!e && who.size() == kIdTextSize) {
    auto id = Base64UrlDecodeFixed<16>(who);
    if (id.ok()) e = r.Find(*id);
  }
  if (e) return e;
  auto lower = [](std::string t) {
    for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return t;
  };
  const std::string want = lower(who);
  std::vector<const ReviewerEntry*> starts;
  std::string names;
  for (const auto& entry : s.roster().entries()) {
    if (!entry.active()) continue;
    names += (names.empty() ? "" : ", ") + entry.name;
    if (!want.empty() && lower(entry.name).rfind(want, 0) == 0) starts.push_back(&entry);
  }
  if (starts.size() == 1) return starts[0];
  if (starts.size() > 1) {
    return Status(Code::kInvalidArgument,
                  "'" + who + "' fits several reviewers; give more of the name");
  }
  return Status(Code::kNotFound, "no reviewer '" + who + "' on the roster (on it: " + names + ")");
}

std::vector<std::pair<const CaseEntry*, const FileRef*>> Attachments(const CaseView& v) {
  std::vector<std::pair<const CaseEntry*, const FileRef*>> out;
  for (const auto& e : v.entries) {
    for (const auto& f : e.files) out.emplace_back(&e, &f);
  }
  return out;
}

Result<std::vector<CaseView>> OpenCases(ReviewerSession& s, const CaseFilter& f,
                                        size_t* not_granted) {
  if (!f.status.empty() && !IsKnownStatus(f.status)) {
    return Status(Code::kInvalidArgument, "unknown status " + f.status);
  }
  std::optional<crypto::Id> assignee;
  if (!f.assignee.empty() && f.assignee != "none") {
    DOJAVA_ASSIGN_OR_RETURN(const ReviewerEntry* e, FindReviewer(s, f.assignee));
    assignee = e->reviewer_id;
  }
  auto cases = s.api().ListCases(f.since_day);
  if (!cases.ok()) return Status(cases.code(), "listing cases: " + cases.status().message());
  std::vector<CaseView> out;
  for (const auto& c : *cases) {
    auto v = OpenCase(s, c.case_id);
    if (!v.ok() && v.code() == Code::kPermissionDenied) {
      ++*not_granted;
      continue;
    }
    if (!v.ok() && v.code() == Code::kNotFound) continue;  // deleted meanwhile
    if (!v.ok()) return v.status();
    const CaseState& st = v->state;
    if (!f.status.empty() && st.status != f.status) continue;
    if (!f.label.empty() && !st.labels.count(f.label)) continue;
    if (f.assignee == "none" && st.assignee) continue;
    if (assignee && st.assignee != assignee) continue;
    out.push_back(std::move(v).value());
  }
  return out;
}

namespace {

// The reviewers a new NK is sealed to: the active reviewers holding a CK row
// of the write generation (§7.2), and this one.
std::vector<const ReviewerEntry*> NotesRecipients(const ReviewerSession& s, const CaseView& v) {
  std::vector<const ReviewerEntry*> out;
  for (const ReviewerEntry* e : s.roster().Active()) {
    if (e->reviewer_id == s.me->id) {
      out.push_back(e);
      continue;
    }
    const std::string id = IdText(e->reviewer_id);
    for (const auto& k : v.keys) {
      if (k.recipient == id && k.role == protocol::kRoleCaseKey &&
          k.generation == WriteGeneration(v)) {
        out.push_back(e);
        break;
      }
    }
  }
  return out;
}

// Seals a new NK of the write generation to its recipients and posts it
// with its genesis (§7.2).
Status CreateNotesKey(ReviewerSession& s, const CaseView& v, const SecretBytes& nk) {
  DOJAVA_ASSIGN_OR_RETURN(
      NewNotesKey made,
      SealNotesKey(s, v.info.case_id, WriteKey(v), nk, NotesRecipients(s, v), WriteGeneration(v)));
  return s.api().PostKeys(v.info.case_id, made.keys, made.genesis, made.envelope);
}

}  // namespace

Result<NewNotesKey> SealNotesKey(const ReviewerSession& s, const crypto::Id& case_id,
                                 const SecretBytes& ck, const SecretBytes& nk,
                                 const std::vector<const ReviewerEntry*>& recipients,
                                 uint64_t generation) {
  NewNotesKey out;
  crypto::v2::NotesGenesis genesis{case_id, s.me->id, s.roster().version(), {}};
  for (const ReviewerEntry* e : recipients) {
    auto sealed = crypto::SealKey(nk, protocol::kRoleNotesKey, case_id, e->x25519);
    if (!sealed.ok())
      return Status(sealed.code(), "sealing the notes key: " + sealed.status().message());
    out.keys.push_back(
        {IdText(e->reviewer_id), protocol::kRoleNotesKey, std::move(sealed).value(), generation});
    genesis.recipients.push_back(e->reviewer_id);
  }
  auto g = crypto::v2::MakeNotesGenesis(std::move(genesis), ck, nk, MySigningKey(s));
  if (!g.ok()) return Status(g.code(), "the notes-key genesis: " + g.status().message());
  // §7.4: the server keeps only the genesis sealed under the CK of its ck_proof.
  auto e = crypto::v2::SealStatement(ck, protocol::kStatementGenesis, case_id, *g);
  if (!e.ok()) return Status(e.code(), "sealing the notes-key genesis: " + e.status().message());
  out.genesis = std::move(g).value();
  out.envelope = std::move(e).value();
  return out;
}

Result<SecretBytes> EnsureNotesKey(ReviewerSession& s, const CaseView& v) {
  const SecretBytes& held = WriteNotesKey(v);
  if (!held.empty()) return SecretBytes::Copy(held.reveal());
  // Sealed to this reviewer for the write generation, but refused (§7.2).
  const std::string me = IdText(s.me->id);
  for (const auto& k : v.keys) {
    if (k.recipient == me && k.role == protocol::kRoleNotesKey &&
        k.generation == WriteGeneration(v)) {
      return Status(Code::kWrongKey, v.notes_problem);
    }
  }
  if (v.notes_key_exists || HasGenesisFor(v, WriteKey(v))) {
    return Status(Code::kPermissionDenied,
                  "this case's notes key is not sealed to you; ask a colleague to run "
                  "`dojava grant`");
  }
  SecretBytes nk = SecretBytes::Random(protocol::kKeySize);
  Status posted = CreateNotesKey(s, v, nk);
  if (posted.ok()) {
    if (WriteGeneration(v) == 0) {  // the pin holds generation 0's keys
      Status pinned = s.conn->state().CheckAndPinCaseKeys(v.info.case_id, v.case_key, nk);
      if (!pinned.ok()) return InCase(v.info.case_id, pinned);
    }
    return nk;
  }
  const Status failed(posted.code(), "creating the notes key: " + posted.message());
  if (posted.code() != Code::kAlreadyExists) return failed;
  // Another reviewer created it first (or the roster changed): use theirs.
  DOJAVA_ASSIGN_OR_RETURN(CaseView again, OpenCase(s, v.info.case_id));
  if (WriteNotesKey(again).empty()) return failed;
  return SecretBytes::Copy(WriteNotesKey(again).reveal());
}

Result<uint64_t> PostSigned(ReviewerSession& s, const CaseView& v, const SecretBytes& key,
                            uint8_t kind, const json::value& body,
                            const std::vector<crypto::Id>& files) {
  const crypto::Id& case_id = v.info.case_id;
  auto bytes = SerializeBody(body, crypto::v2::MaxBodySize(protocol::kAuthorReviewer));
  if (!bytes.ok()) return Status(bytes.code(), "the message: " + bytes.status().message());
  const crypto::v2::Signer signer{protocol::kAuthorReviewer, s.me->id, {}, &MySigningKey(s)};
  const crypto::v2::EventContext context{s.roster().version(), TodayU32(), v.prev};
  Result<Bytes> record = crypto::v2::EncryptMessage(key, kind, case_id, crypto::RandomId(),
                                                    bytes->reveal(), signer, context);
  if (!record.ok()) return Status(record.code(), "encrypting: " + record.status().message());
  auto seq = s.api().PostMessage(case_id, *record, files);
  if (!seq.ok()) return Status(seq.code(), "sending: " + seq.status().message());
  return seq;
}

Status MarkRead(ReviewerSession& s, const CaseView& v) {
  return s.conn->state().MarkSeen(v.info.case_id, LastSeq(v));
}

Result<uint64_t> PostNotesEvent(ReviewerSession& s, const crypto::Id& id,
                                const json::object& event) {
  DOJAVA_ASSIGN_OR_RETURN(CaseView v, OpenCase(s, id));
  DOJAVA_RETURN_IF_ERROR(SafeToEncrypt(v));
  DOJAVA_ASSIGN_OR_RETURN(SecretBytes nk, EnsureNotesKey(s, v));
  DOJAVA_ASSIGN_OR_RETURN(uint64_t seq, PostSigned(s, v, nk, protocol::kKindNotes, event, {}));
  DOJAVA_RETURN_IF_ERROR(KeepReadIfCaughtUp(s, v, seq));
  return seq;
}

Result<uint64_t> PostReply(ReviewerSession& s, const CaseView& v, const SecretBytes& text,
                           const std::vector<UploadedFile>& files) {
  DOJAVA_RETURN_IF_ERROR(SafeToEncrypt(v));
  json::object body(WipingStorage());
  body["type"] = "message";
  body["text"] = text.reveal_chars();
  json::array refs(WipingStorage());
  std::vector<crypto::Id> file_ids;
  for (const auto& f : files) {
    file_ids.push_back(f.secrets.file_id());
    refs.emplace_back(FileRefJson(f));
  }
  body["files"] = std::move(refs);
  DOJAVA_ASSIGN_OR_RETURN(
      uint64_t seq, PostSigned(s, v, WriteKey(v), protocol::kKindConversation, body, file_ids));
  DOJAVA_RETURN_IF_ERROR(KeepReadIfCaughtUp(s, v, seq));
  return seq;
}

Result<size_t> GrantCase(ReviewerSession& s, const CaseView& v, const ReviewerEntry& target) {
  DOJAVA_RETURN_IF_ERROR(SafeToEncrypt(v));
  if (!target.active()) {
    return Status(Code::kInvalidArgument,
                  target.name + " was removed from the roster: nothing is sealed to them");
  }
  const crypto::Id& id = v.info.case_id;
  const std::string target_id = IdText(target.reviewer_id);
  auto holds = [&](uint8_t role, uint64_t generation) {
    for (const auto& k : v.keys) {
      if (k.recipient == target_id && k.role == role && k.generation == generation) return true;
    }
    return false;
  };
  std::vector<ApiSealedKey> keys;
  auto seal = [&](const SecretBytes& key, uint8_t role, uint64_t generation) -> Status {
    if (holds(role, generation)) return Status::Ok();
    DOJAVA_ASSIGN_OR_RETURN(Bytes sealed, crypto::SealKey(key, role, id, target.x25519));
    keys.push_back({target_id, role, std::move(sealed), generation});
    return Status::Ok();
  };
  // Every generation of CK this reviewer followed (§7.3), so the colleague
  // reads the older records and writes under the newest key.
  DOJAVA_RETURN_IF_ERROR(seal(v.case_key, protocol::kRoleCaseKey, 0));
  for (size_t i = 0; i < v.rekeyed_keys.size(); ++i) {
    DOJAVA_RETURN_IF_ERROR(
        seal(v.rekeyed_keys[i], protocol::kRoleCaseKey, v.rekeyed_generations[i]));
  }
  // Every generation of NK it holds (§7.3: each CK' came with its NK').
  if (!v.notes_key.empty()) DOJAVA_RETURN_IF_ERROR(seal(v.notes_key, protocol::kRoleNotesKey, 0));
  for (size_t i = 0; i < v.rekeyed_notes_keys.size(); ++i) {
    if (v.rekeyed_notes_keys[i].empty()) continue;
    DOJAVA_RETURN_IF_ERROR(
        seal(v.rekeyed_notes_keys[i], protocol::kRoleNotesKey, v.rekeyed_generations[i]));
  }
  if (keys.empty()) return size_t{0};
  Status posted = s.api().PostKeys(id, keys);
  if (!posted.ok()) return Status(posted.code(), "granting: " + posted.message());
  return keys.size();
}

}  // namespace dojava::client

namespace dojava::client {

Result<GrantAllReport> GrantAll(ReviewerSession& s, const ReviewerEntry& target,
                                const GrantAllControl& control) {
  auto cases = s.api().ListCases(0);
  if (!cases.ok()) return Status(cases.code(), "listing cases: " + cases.status().message());
  GrantAllReport r;
  const size_t total = cases->size();
  for (size_t i = 0; i < total; ++i) {
    if (control.cancel && control.cancel->cancelled()) return Status(Code::kCancelled, "stopped");
    if (control.progress) control.progress(i, total);
    const crypto::Id& id = (*cases)[i].case_id;
    auto v = OpenCase(s, id);
    if (v.code() == Code::kPermissionDenied) {
      ++r.not_yours;
      continue;
    }
    if (v.code() == Code::kNotFound) continue;  // deleted meanwhile
    Result<size_t> added = v.ok() ? GrantCase(s, *v, target) : Result<size_t>(v.status());
    if (!added.ok()) {
      r.refused.push_back({id, added.status()});
    } else {
      ++(*added > 0 ? r.granted : r.already);
    }
  }
  if (control.progress) control.progress(total, total);
  return r;
}

Status DeleteCase(ReviewerSession& s, const crypto::Id& id) {
  if (!s.me) return Status(Code::kInternal, "no reviewer key open");
  const auto* secret = s.me->key.Signer(s.me->id).ed25519_secret;
  DOJAVA_ASSIGN_OR_RETURN(
      Bytes statement,
      crypto::v2::MakeCaseDelete({id, s.me->id, static_cast<uint32_t>(TodayDay())}, *secret));
  return s.api().DeleteCase(id, statement);
}

}  // namespace dojava::client
