// Reading the records of a case (PROTOCOL §8), with §8.4 over the listing,
// and opening a reviewer's case (§7, §7.2, §7.3, §8.5). A version-1 record
// (0.1.0) is unsupported_version. Declared in case_view.h.
#include <sodium.h>

#include <boost/json.hpp>
#include <set>

#include "base/encoding.h"
#include "client/case_view.h"
#include "client/rekey.h"
#include "crypto/case_key_anchor.h"
#include "crypto/message_v2.h"
#include "crypto/notes_genesis.h"
#include "crypto/protocol_constants.h"
#include "crypto/sealed_key.h"
#include "crypto/statement_envelope.h"

namespace dojava::client {
namespace json = boost::json;

namespace {

std::string SeqText(uint64_t seq) { return "message #" + std::to_string(seq); }

// What a record's outcome means, for a person.
std::string Explain(const Status& s) {
  switch (s.code()) {
    case Code::kDecryptFailed:
      return "decryption failed (tampered, or not for this case)";
    case Code::kInvalidArgument:
      return "no key for it (the notes key is not sealed to you, or was refused)";
    case Code::kUnknownAuthor:
      return "unknown_author: signed by someone not on the roster (or not the source)";
    case Code::kBadSignature:
      return "bad_signature: the signature does not verify";
    case Code::kWrongKey:
      return "wrong_key: it commits to another key than the one you hold for this case";
    case Code::kRetiredAuthor:
      return "retired_author: signed by a reviewer after their removal from the roster";
    case Code::kReordered:
      return "reordered: it names a record the listing does not show before it (moved or "
             "withheld by the server)";
    default:
      return std::string(CodeName(s.code())) + ": " + s.message();
  }
}

void Fail(CaseEntry* e, uint64_t seq, const Status& s) {
  e->outcome = s.code();
  e->error = SeqText(seq) + ": " + Explain(s);
}

// The fields of an opened record that Describe reads.
struct Opened {
  uint8_t kind = 0;
  crypto::Id message_id{};
  uint8_t author = 0;
  crypto::Id reviewer_id{};
  const SecretBytes* body = nullptr;
};

// Fills `e` from an opened record: author, parsed body, files.
void Describe(const Opened& m, uint64_t seq, const RosterView* roster, CaseEntry* e) {
  e->kind = m.kind;
  e->message_id = m.message_id;
  e->from_source = m.author == protocol::kAuthorSource;
  e->reviewer_id = m.reviewer_id;
  if (e->from_source) {
    e->author = "source";
  } else {
    const ReviewerEntry* entry = roster ? roster->Find(e->reviewer_id) : nullptr;
    e->author = entry ? entry->name : "reviewer " + Base64UrlEncode(e->reviewer_id);
  }
  json::error_code ec;
  e->body = json::parse(m.body->reveal_chars(), ec, WipingStorage());
  if (ec || !e->body.is_object()) {
    e->error = SeqText(seq) + ": body is not a JSON object";
    e->outcome = Code::kMalformed;
    return;
  }
  const json::object& o = e->body.as_object();
  auto type = o.find("type");
  e->type = type != o.end() && type->value().is_string() ? std::string(type->value().as_string())
                                                         : std::string();
  if (e->kind != protocol::kKindConversation) return;
  // §11: the body's rules and its FILEREFs, read by payload/.
  auto body = payload::ParseBody(m.body->reveal());
  if (!body.ok() && body.code() == Code::kMalformed) {
    e->error = SeqText(seq) + ": the body breaks PROTOCOL.md §11 (" + body.status().message() + ")";
    e->outcome = Code::kMalformed;
  } else if (body.ok()) {
    if (body->bad_files > 0) e->error = SeqText(seq) + ": invalid file reference";
    e->files = std::move(body->files);
    if (body->type == "report") e->report_source_pk = body->source_pk;
  }
}

// The §8.4 results over the listing, applied to its entries.
void ApplyOrder(const std::vector<crypto::v2::ListedRecord>& listing,
                const std::vector<int>& entry_of, const RosterView& roster,
                const crypto::v2::HighWaterMark& seen, crypto::v2::ListingView view, ReadCase* r) {
  const crypto::v2::CaseOrderReport report =
      crypto::v2::CheckCaseOrder(listing, *roster.v2(), seen, view);
  r->trust = report.case_status;
  r->next_mark = report.next;
  for (size_t i = 0; i < listing.size(); ++i) {
    if (listing[i].opened == nullptr) continue;
    const int idx = entry_of[i];
    if (!report.records[i].ok()) {
      if (idx >= 0 && r->entries[idx].error.empty()) {
        Fail(&r->entries[idx], r->entries[idx].seq, report.records[i]);
      }
      continue;
    }
    if (i > 0 && idx >= 0 && r->entries[idx].kind == protocol::kKindConversation &&
        r->entries[idx].type == "report") {
      // §11.4: no later message is a report; shown as malformed, never named in prev.
      if (r->entries[idx].error.empty()) {
        Fail(&r->entries[idx], r->entries[idx].seq,
             Status(Code::kMalformed, "a later message is a report"));
      }
      continue;
    }
    if (idx >= 0 && !r->entries[idx].from_source) r->reviewer_signed = true;
    r->prev = listing[i].event_hash;
  }
  if (r->trust.ok() &&
      (r->entries.empty() || r->entries[0].type != "report" || !r->entries[0].error.empty())) {
    r->trust = Status(Code::kMalformed, "message #1 is not the source's report");
  }
  if (r->trust.ok()) {
    r->source_sign = listing[0].opened->source_public;
    r->first_roster_version = listing[0].opened->context.roster_version;
    r->source_pk = r->entries[0].report_source_pk;
  }
}

}  // namespace

namespace {

// The keys and authors a read uses.
struct Reader {
  const crypto::Id& case_id;
  const SecretBytes* case_key;
  const SecretBytes* notes_key;
  const RosterView* roster;                         // null: no roster (every record unknown_author)
  const std::vector<SecretBytes>* later_case_keys;  // §7.3, may be null
  const std::vector<SecretBytes>* later_notes_keys;  // §7.3, may be null

  // The held key among `first` and `later` whose commitment a header names
  // (`first` when none does: the record is then wrong_key).
  static const SecretBytes* KeyFor(ByteView record, const SecretBytes* first,
                                   const std::vector<SecretBytes>* later) {
    if (later == nullptr || later->empty()) return first;
    auto h = crypto::v2::ParseMessageHeader(record);
    if (!h.ok()) return first;
    for (const SecretBytes& k : *later) {
      if (k.empty()) continue;
      const crypto::v2::Digest kc = crypto::v2::KeyCommitment(k);
      if (sodium_memcmp(kc.data(), h->key_commitment.data(), kc.size()) == 0) return &k;
    }
    return first;
  }
  const SecretBytes* CaseKeyFor(ByteView record) const {
    return case_key == nullptr ? nullptr : KeyFor(record, case_key, later_case_keys);
  }
  const SecretBytes* NotesKeyFor(ByteView record) const {
    return KeyFor(record, notes_key, later_notes_keys);
  }
};

// Opens one record into `e`; its opened form goes to `*slot` (for §8.4).
// False if it replays a message id seen before.
bool ReadOne(const Reader& rd, const ApiMessage& m, std::set<crypto::Id>* ids,
             crypto::v2::OpenedMessage* slot, bool* opened, CaseEntry* e) {
  e->seq = m.seq;
  e->day = m.day;
  const uint8_t version = m.record.empty() ? 0 : m.record[0];
  Status st;
  Opened o;
  bool fresh = true;
  if (version != protocol::kVersion2) {
    st = Status(Code::kUnsupportedVersion,
                version == protocol::kVersion
                    ? "a version-1 record (Dojava 0.1.0), which this client does not read"
                    : "a record of version " + std::to_string(version));
  } else if (rd.roster == nullptr) {
    st = Status(Code::kUnknownAuthor, "no roster to check its author against");
  } else {
    auto h = crypto::v2::ParseMessageHeader(m.record);
    if (h.ok()) fresh = ids->insert(h->message_id).second;
    auto d = crypto::v2::DecryptMessage(m.record, rd.case_id,
                                        {rd.CaseKeyFor(m.record), rd.NotesKeyFor(m.record)},
                                        *rd.roster->v2());
    if (d.ok()) {
      *slot = std::move(d).value();
      o = {slot->kind, slot->message_id, slot->author, slot->reviewer_id, &slot->body};
      *opened = true;
    }
    st = d.status();
  }
  if (!fresh) return false;
  if (st.ok()) {
    Describe(o, m.seq, rd.roster, e);
  } else {
    Fail(e, m.seq, st);
  }
  return true;
}

}  // namespace

ReadCase ReadRecords(const std::vector<ApiMessage>& messages, const crypto::Id& case_id,
                     const SecretBytes* case_key, const SecretBytes* notes_key,
                     const RosterView* roster, const crypto::v2::HighWaterMark& seen,
                     crypto::v2::ListingView view, const std::vector<SecretBytes>* later_case_keys,
                     const std::vector<SecretBytes>* later_notes_keys) {
  ReadCase r;
  const Reader rd{case_id, case_key, notes_key, roster, later_case_keys, later_notes_keys};
  std::vector<crypto::v2::OpenedMessage> opened_v2(messages.size());
  std::vector<crypto::v2::ListedRecord> listing;
  std::vector<int> entry_of;
  std::set<crypto::Id> ids;
  for (size_t i = 0; i < messages.size(); ++i) {
    CaseEntry e;
    bool opened = false;
    const bool fresh = ReadOne(rd, messages[i], &ids, &opened_v2[i], &opened, &e);
    listing.push_back(
        {crypto::v2::EventHash(messages[i].record), opened ? &opened_v2[i] : nullptr});
    entry_of.push_back(fresh ? static_cast<int>(r.entries.size()) : -1);
    if (fresh) r.entries.push_back(std::move(e));
  }
  if (roster != nullptr) {
    ApplyOrder(listing, entry_of, *roster, seen, view, &r);
  } else {
    r.trust = Status(Code::kUnknownAuthor, "no roster to check the case against");
  }
  return r;
}

namespace {

// Opens the keys sealed to this reviewer into `v` (CK and NK).
Status OpenMyKeys(const crypto::Id& case_id, const crypto::Id& me_id, const SecretBytes& x_secret,
                  const crypto::X25519Public& x_public, CaseView* v) {
  const std::string me = Base64UrlEncode(me_id);
  for (const auto& k : v->keys) {
    if (k.recipient != me || k.generation != 0) continue;
    auto opened = crypto::OpenSealedKey(k.sealed, k.role, case_id, x_secret, x_public);
    if (!opened.ok()) {
      return Status(Code::kDecryptFailed,
                    std::string("the sealed ") +
                        (k.role == protocol::kRoleCaseKey ? "case key" : "notes key") +
                        " for you does not open (tampered, or moved from another case)");
    }
    (k.role == protocol::kRoleCaseKey ? v->case_key : v->notes_key) = std::move(opened).value();
  }
  if (v->case_key.empty()) {
    return Status(Code::kPermissionDenied,
                  "this case is not granted to you (no case key sealed to your key); ask a "
                  "colleague who has it to run `dojava grant`");
  }
  return Status::Ok();
}

// §7.2 through §7.4 for the NK of one CK: the genesis is the served envelope
// whose kc is that CK's commitment (a case holds one per CK); an envelope
// whose header does not parse could be any key's, so it refuses every NK.
Status CheckNotesKey(const crypto::Id& case_id, const std::vector<Bytes>& geneses,
                     const SecretBytes& ck, const SecretBytes& nk, const RosterView& roster) {
  if (geneses.empty()) return Status(Code::kMalformed, "no genesis for it (§7.2)");
  const crypto::v2::Digest kc = crypto::v2::KeyCommitment(ck);
  const Bytes* mine = nullptr;
  for (const Bytes& g : geneses) {
    auto header = crypto::v2::ParseStatementEnvelope(g, protocol::kStatementGenesis);
    if (!header.ok()) {
      return Status(header.code(),
                    "its genesis does not open (§7.4): " + header.status().message());
    }
    if (sodium_memcmp(header->key_commitment.data(), kc.data(), kc.size()) != 0) continue;
    if (mine != nullptr && *mine != g) {
      return Status(Code::kMalformed, "two geneses for one case key (§7.2)");
    }
    mine = &g;
  }
  if (mine == nullptr) {
    return Status(Code::kWrongKey,
                  "its genesis does not open (§7.4): none is sealed under your case key");
  }
  auto opened = crypto::v2::OpenStatement(*mine, protocol::kStatementGenesis, case_id, ck);
  if (!opened.ok()) {
    return Status(opened.code(), "its genesis does not open (§7.4): " + opened.status().message());
  }
  return crypto::v2::CheckNotesGenesis(opened->statement, case_id, ck, nk, *roster.v2()).status();
}

}  // namespace

bool HasGenesisFor(const CaseView& v, const SecretBytes& ck) {
  const crypto::v2::Digest kc = crypto::v2::KeyCommitment(ck);
  for (const Bytes& g : v.geneses) {
    auto header = crypto::v2::ParseStatementEnvelope(g, protocol::kStatementGenesis);
    if (header.ok() && sodium_memcmp(header->key_commitment.data(), kc.data(), kc.size()) == 0) {
      return true;
    }
  }
  return false;
}

namespace {

// The NK of `generation` sealed to `me` and checked against its CK `ck`
// (empty if none is sealed to this reader); a refusal is added to
// v->notes_problem and gives an empty key.
SecretBytes OpenNotesKey(const std::string& me, const SecretBytes& x_secret,
                         const crypto::X25519Public& x_public, const RosterView& roster,
                         uint64_t generation, const SecretBytes& ck, SecretBytes nk, CaseView* v) {
  const crypto::Id& case_id = v->info.case_id;
  Status st;
  if (nk.empty()) {
    for (const auto& k : v->keys) {
      if (k.recipient != me || k.role != protocol::kRoleNotesKey || k.generation != generation) {
        continue;
      }
      auto opened = crypto::OpenSealedKey(k.sealed, k.role, case_id, x_secret, x_public);
      if (opened.ok()) nk = std::move(opened).value();
      st = opened.status();
    }
    if (!st.ok()) st = Status(st.code(), "it does not open (tampered, or moved from another case)");
  }
  if (st.ok() && !nk.empty()) st = CheckNotesKey(case_id, v->geneses, ck, nk, roster);
  if (st.ok()) return nk;
  const std::string which = generation == 0 ? "" : " of generation " + std::to_string(generation);
  v->notes_problem += std::string(v->notes_problem.empty() ? "" : "; ") + "the notes key" + which +
                      " sealed to you is refused: " + std::string(CodeName(st.code())) + ": " +
                      st.message();
  return SecretBytes();
}

// §7.2 for every CK generation this reader holds: each NK is used only
// after its genesis checked (generation 0's was opened by OpenMyKeys).
void OpenNotesKeys(const crypto::Id& me_id, const SecretBytes& x_secret,
                   const crypto::X25519Public& x_public, const RosterView& roster, CaseView* v) {
  const std::string me = Base64UrlEncode(me_id);
  if (!v->notes_key.empty()) {
    v->notes_key =
        OpenNotesKey(me, x_secret, x_public, roster, 0, v->case_key, std::move(v->notes_key), v);
  }
  for (size_t i = 0; i < v->rekeyed_keys.size(); ++i) {
    v->rekeyed_notes_keys.push_back(OpenNotesKey(me, x_secret, x_public, roster,
                                                 v->rekeyed_generations[i], v->rekeyed_keys[i],
                                                 SecretBytes(), v));
  }
  for (const auto& k : v->keys) {
    v->notes_key_exists |= k.role == protocol::kRoleNotesKey && k.generation == WriteGeneration(*v);
  }
}

// §8.5 through §7.4: every anchor envelope must open under the CK this
// reader holds (kWrongKey otherwise: nobody can be named), and the anchor
// inside must commit to it.
Status CheckAnchors(const crypto::Id& case_id, const std::vector<Bytes>& envelopes,
                    const RosterView& roster, const SecretBytes& ck) {
  for (const auto& envelope : envelopes) {
    auto opened = crypto::v2::OpenStatement(envelope, protocol::kStatementAnchor, case_id, ck);
    if (!opened.ok()) {
      const bool sealed_elsewhere =
          opened.code() == Code::kWrongKey || opened.code() == Code::kDecryptFailed;
      if (!sealed_elsewhere) {
        return Status(opened.code(), "a case-key anchor envelope is damaged (" +
                                         std::string(CodeName(opened.code())) + ")");
      }
      return Status(Code::kWrongKey,
                    "a case-key anchor is sealed under another case key than yours: the server "
                    "gave you, or a colleague, a key of its own");
    }
    const Bytes& a = opened->statement;
    auto who = crypto::v2::CheckCaseKeyAnchor(a, case_id, ck, *roster.v2());
    if (who.ok()) continue;
    std::string by;
    if (a.size() >= 33) {
      crypto::Id id{};
      std::copy(a.begin() + 17, a.begin() + 33, id.begin());
      const ReviewerEntry* e = roster.Find(id);
      by = " of " + (e ? e->name : "reviewer " + Base64UrlEncode(id));
    }
    if (who.code() == Code::kWrongKey) {
      return Status(Code::kWrongKey, "the case-key anchor" + by +
                                         " commits to another case key than yours: the server "
                                         "gave one of you a key of its own");
    }
    return Status(who.code(), "a case-key anchor" + by + " does not verify (" +
                                  std::string(CodeName(who.code())) + ")");
  }
  return Status::Ok();
}

// §7.3, §11.1: the source key the server serves must be the one the
// source's signed report names. Only a trustworthy case has such a report.
void CheckServedSourceKey(CaseView* v) {
  if (!v->trust.ok() || !v->report_source_pk) return;
  if (v->source_public && *v->source_public == *v->report_source_pk) return;
  v->source_key = Status(
      Code::kWrongKey,
      v->source_public
          ? "the server's source key for this case is not the one in the source's signed report: "
            "the server swapped it, and a re-key sealed to it would be read by the server"
          : "the server gives no source key for this case (the source's signed report names one)");
}

}  // namespace

Result<CaseView> OpenReviewerCase(ApiClient& api, const crypto::Id& case_id,
                                  const crypto::Id& me_id, const SecretBytes& x_secret,
                                  const crypto::X25519Public& x_public, const RosterView& roster,
                                  const crypto::v2::HighWaterMark& seen) {
  CaseView v;
  DOJAVA_ASSIGN_OR_RETURN(ApiCaseDetail detail, api.GetCase(case_id));
  v.info = detail.info;
  v.keys = std::move(detail.keys);
  v.geneses = std::move(detail.geneses);
  v.source_public = detail.source_public;
  DOJAVA_RETURN_IF_ERROR(OpenMyKeys(case_id, me_id, x_secret, x_public, &v));
  DOJAVA_ASSIGN_OR_RETURN(std::vector<ApiMessage> messages, api.GetMessages(case_id, 0));
  FollowRekeys(detail.rekeys, me_id, x_secret, x_public, roster, &v);
  OpenNotesKeys(me_id, x_secret, x_public, roster, &v);
  ReadCase r = ReadRecords(
      messages, case_id, &v.case_key, v.notes_key.empty() ? nullptr : &v.notes_key, &roster, seen,
      crypto::v2::ListingView::kWholeCase, &v.rekeyed_keys, &v.rekeyed_notes_keys);
  v.entries = std::move(r.entries);
  v.trust = r.trust;
  v.next_mark = r.next_mark;
  v.prev = r.prev;
  if (v.rekeyed_keys.empty()) v.write_key_roster_version = r.first_roster_version;
  if (v.trust.ok()) v.trust = CheckAnchors(case_id, detail.anchors, roster, v.case_key);
  v.needs_anchor = v.trust.ok() && detail.anchors.empty() && !r.reviewer_signed;
  v.report_source_pk = r.source_pk;
  CheckServedSourceKey(&v);
  for (const auto& e : v.entries) v.failures += e.error.empty() ? 0 : 1;
  v.state = ComputeState(v.entries);
  return v;
}

}  // namespace dojava::client
