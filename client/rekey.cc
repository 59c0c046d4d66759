#include "client/rekey.h"

#include <boost/json.hpp>

#include "base/encoding.h"
#include "client/format.h"
#include "client/reviewer_actions.h"
#include "client/reviewer_session.h"
#include "crypto/message_v2.h"
#include "crypto/protocol_constants.h"
#include "crypto/rekey.h"
#include "crypto/sealed_key.h"
#include "crypto/statement_envelope.h"

namespace dojava::client {
namespace {

Status InCase(const crypto::Id& id, const Status& s) {
  return Status(s.code(), "case " + IdText(id) + ": " + s.message());
}

// "the re-key of generation G (by NAME)" for messages; the reviewer is named
// only from a statement that verified (an unverified one names nobody).
std::string RekeyName(uint64_t generation, const crypto::v2::RekeyStatement* statement,
                      const RosterView& roster) {
  const std::string by =
      statement ? " (by " + ReviewerName(roster, statement->reviewer_id) + ")" : "";
  return "the re-key of generation " + std::to_string(generation) + by;
}

// §7.3 step 1, for a person: "a re-key of this case could not be read
// (generation G: outcome)".
std::string Unreadable(uint64_t generation, const Status& s) {
  return "a re-key of this case could not be read (generation " + std::to_string(generation) +
         ": " + std::string(CodeName(s.code())) + ": " + s.message() + ")";
}

// The CK' of `generation` sealed to `me`, checked against the statement's
// new_commit (§7.3 step 3). kNotFound if none is sealed to this reviewer.
Result<SecretBytes> OpenNewKey(const CaseView& v, uint64_t generation, const std::string& me,
                               const crypto::v2::RekeyStatement& statement,
                               const SecretBytes& x_secret, const crypto::X25519Public& x_public) {
  for (const auto& k : v.keys) {
    if (k.recipient != me || k.role != protocol::kRoleCaseKey || k.generation != generation) {
      continue;
    }
    DOJAVA_ASSIGN_OR_RETURN(SecretBytes ck,
                            crypto::OpenSealedKey(k.sealed, protocol::kRoleCaseKey, v.info.case_id,
                                                  x_secret, x_public));
    DOJAVA_RETURN_IF_ERROR(crypto::v2::CheckRekeyNewKey(statement, ck));
    return ck;
  }
  return Status(Code::kNotFound, "not sealed to you");
}

// §7.3: CK' is sealed only to the source_pk of the source's signed report
// (§11.1), and only when the server serves that same key: a server that
// answers with a key of its own is compromised, and the re-key is refused
// outright rather than made behind its back.
Result<crypto::X25519Public> SourceKeyToSealTo(const CaseView& v) {
  const crypto::Id& id = v.info.case_id;
  if (!v.source_key.ok()) {
    return InCase(id, Status(v.source_key.code(),
                             "not re-keying: " + v.source_key.message() + "; nothing was sealed"));
  }
  if (!v.report_source_pk || !v.source_public) {
    return InCase(id, Status(Code::kMalformed,
                             "not re-keying: the source's report names no source key to seal to"));
  }
  return *v.report_source_pk;
}

}  // namespace

void FollowRekeys(const std::vector<ApiRekey>& rekeys, const crypto::Id& me_id,
                  const SecretBytes& x_secret, const crypto::X25519Public& x_public,
                  const RosterView& roster, CaseView* v) {
  v->rekeys = rekeys.size();
  if (v->case_key.empty()) return;
  const crypto::Id& case_id = v->info.case_id;
  const std::string me = IdText(me_id);
  v->rekeyed_keys.reserve(rekeys.size());  // `held` points into it
  std::vector<const SecretBytes*> held = {&v->case_key};
  for (size_t i = 0; i < rekeys.size(); ++i) {
    const uint64_t generation = i + 1;
    if (rekeys[i].generation != generation) {
      v->rekey_problem = "the server lists the case's re-keys out of order";
      v->rekey_stop = RekeyStop::kOutOfOrder;
      return;
    }
    // Step 1: an envelope that does not open is shown and ignored.
    auto opened =
        crypto::v2::OpenStatement(rekeys[i].envelope, protocol::kStatementRekey, case_id, held);
    if (!opened.ok()) {
      v->rekeys_unreadable.push_back(Unreadable(generation, opened.status()));
      v->rekeys_unreadable_generations.push_back(generation);
      continue;
    }
    // Step 2: a refused statement ends the chain (and writing, below).
    auto checked =
        crypto::v2::CheckRekey(opened->statement, case_id, *held[opened->key_index], *roster.v2());
    const std::string what = RekeyName(generation, checked.ok() ? &*checked : nullptr, roster);
    if (!checked.ok()) {
      v->rekey_problem = what + " does not verify: " + std::string(CodeName(checked.code())) +
                         ": " + checked.status().message();
      v->rekey_stop = RekeyStop::kRefused;
      v->rekey_stop_generation = generation;
      return;
    }
    // Step 3, or a reviewer that cannot follow it: nothing new is written.
    auto next = OpenNewKey(*v, generation, me, *checked, x_secret, x_public);
    if (!next.ok() && next.code() == Code::kNotFound) {
      v->rekey_problem =
          what + " is not sealed to you; ask a colleague who holds it to run " + "`dojava grant`";
      v->rekey_stop = RekeyStop::kNotSealedToYou;
      v->rekey_stop_generation = generation;
      return;
    }
    if (!next.ok()) {
      v->rekey_problem = "the case key of " + what +
                         " sealed to you is refused: " + std::string(CodeName(next.code()));
      v->rekey_stop = RekeyStop::kKeyRefused;
      v->rekey_stop_generation = generation;
      return;
    }
    v->rekeyed_keys.push_back(std::move(next).value());
    v->rekeyed_generations.push_back(generation);
    held.push_back(&v->rekeyed_keys.back());
    v->write_key_roster_version = checked->roster_version;
  }
}

SourceRekeys FollowSourceRekeys(const crypto::Id& case_id, const SecretBytes& ck,
                                const std::vector<ApiRekey>& rekeys, const RosterView* roster,
                                const SecretBytes& source_secret,
                                const crypto::X25519Public& source_public) {
  SourceRekeys out;
  if (rekeys.empty()) return out;
  if (roster == nullptr) {
    out.problem = Status(Code::kUnknownAuthor, "no version-2 roster to check the case's re-keys");
    return out;
  }
  out.keys.reserve(rekeys.size());  // `held` points into it
  std::vector<const SecretBytes*> held = {&ck};
  for (size_t i = 0; i < rekeys.size(); ++i) {
    const uint64_t generation = i + 1;
    if (rekeys[i].generation != generation) {
      out.problem = Status(Code::kMalformed, "the server lists the case's re-keys out of order");
      return out;
    }
    auto opened =
        crypto::v2::OpenStatement(rekeys[i].envelope, protocol::kStatementRekey, case_id, held);
    if (!opened.ok()) {  // §7.3 step 1: shown and ignored
      out.unreadable.push_back(Unreadable(generation, opened.status()));
      continue;
    }
    auto checked =
        crypto::v2::CheckRekey(opened->statement, case_id, *held[opened->key_index], *roster->v2());
    Result<SecretBytes> next =
        checked.ok() ? crypto::v2::OpenRekeyForSource(*checked, source_secret, source_public)
                     : Result<SecretBytes>(checked.status());
    if (!next.ok()) {
      const std::string what = RekeyName(generation, checked.ok() ? &*checked : nullptr, *roster);
      out.problem =
          Status(next.code(), what + " does not verify: " + std::string(CodeName(next.code())) +
                                  ": " + next.status().message());
      return out;
    }
    out.keys.push_back(std::move(next).value());
    held.push_back(&out.keys.back());
  }
  return out;
}

std::vector<const ReviewerEntry*> RetiredHolders(const CaseView& v, const RosterView& roster) {
  std::vector<const ReviewerEntry*> out;
  const uint64_t generation = WriteGeneration(v);
  for (const ReviewerEntry& e : roster.entries()) {
    if (e.active()) continue;
    bool holds = e.retired_at > v.write_key_roster_version;
    const std::string id = IdText(e.reviewer_id);
    for (const auto& k : v.keys) {
      holds |= k.recipient == id && k.role == protocol::kRoleCaseKey && k.generation == generation;
    }
    if (holds) out.push_back(&e);
  }
  return out;
}

Result<RekeyResult> RekeyCase(ReviewerSession& s, const crypto::Id& id) {
  DOJAVA_ASSIGN_OR_RETURN(CaseView v, OpenCase(s, id));
  if (Status safe = CheckSafeToEncrypt(v); !safe.ok()) return InCase(id, safe);
  DOJAVA_ASSIGN_OR_RETURN(const crypto::X25519Public source_pk, SourceKeyToSealTo(v));
  SecretBytes next = SecretBytes::Random(protocol::kKeySize);
  DOJAVA_ASSIGN_OR_RETURN(Bytes source_seal,
                          crypto::SealKey(next, protocol::kRoleCaseKey, id, source_pk));
  const auto* signing = s.me->key.Signer(s.me->id).ed25519_secret;
  DOJAVA_ASSIGN_OR_RETURN(Bytes statement,
                          crypto::v2::MakeRekey(id, s.me->id, WriteKey(v), next, source_seal,
                                                s.roster().version(), *signing));
  // CK' to every active reviewer who holds a CK row of the case (§7.3).
  std::vector<ApiSealedKey> keys;
  std::vector<const ReviewerEntry*> recipients;
  for (const ReviewerEntry* e : s.roster().Active()) {
    const std::string rid = IdText(e->reviewer_id);
    bool holds = false;
    for (const auto& k : v.keys) holds |= k.recipient == rid && k.role == protocol::kRoleCaseKey;
    if (!holds) continue;
    DOJAVA_ASSIGN_OR_RETURN(Bytes sealed,
                            crypto::SealKey(next, protocol::kRoleCaseKey, id, e->x25519));
    keys.push_back({rid, protocol::kRoleCaseKey, std::move(sealed)});
    recipients.push_back(e);
  }
  // NK' with its own genesis under CK', to the same reviewers: notes written
  // after the re-key are closed to whoever kept an older NK (§7.3).
  const SecretBytes notes = SecretBytes::Random(protocol::kKeySize);
  DOJAVA_ASSIGN_OR_RETURN(NewNotesKey nk, SealNotesKey(s, id, next, notes, recipients, 0));
  keys.insert(keys.end(), nk.keys.begin(), nk.keys.end());
  // §7.4: the server keeps only the statement sealed under the CK it moves from.
  DOJAVA_ASSIGN_OR_RETURN(
      Bytes envelope,
      crypto::v2::SealStatement(WriteKey(v), protocol::kStatementRekey, id, statement));
  Status posted = s.api().PostRekey(id, statement, envelope, keys, nk.genesis, nk.envelope);
  if (!posted.ok()) return InCase(id, Status(posted.code(), "re-keying: " + posted.message()));
  return RekeyResult{v.rekeys + 1, recipients.size()};
}

Result<RekeyRetiredReport> RekeyRetired(ReviewerSession& s) {
  auto cases = s.api().ListCases(0);
  if (!cases.ok()) return Status(cases.code(), "listing cases: " + cases.status().message());
  RekeyRetiredReport r;
  for (const auto& c : *cases) {
    auto v = OpenCase(s, c.case_id);
    if (!v.ok() && v.code() == Code::kPermissionDenied) {
      ++r.not_yours;
      continue;
    }
    if (!v.ok() && v.code() == Code::kNotFound) continue;  // deleted meanwhile
    if (!v.ok()) {
      r.refused.push_back(v.status().message());
      continue;
    }
    if (RetiredHolders(*v, s.roster()).empty()) {
      ++r.not_needed;
      continue;
    }
    auto done = RekeyCase(s, c.case_id);
    if (done.ok()) {
      r.rekeyed.emplace_back(c.case_id, *done);
    } else {
      r.refused.push_back(done.status().message());
    }
  }
  return r;
}

}  // namespace dojava::client
