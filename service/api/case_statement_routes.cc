// Reviewer-listener routes of the signed case statements (service/API.md
// "Cases"): case-key anchors (PROTOCOL.md §8.5), re-keys (§7.3) and the
// signed delete (§8.6), and the per-case authorisation they share with
// messages and keys (§12.4): only a reviewer who holds a CK row of a case
// may write to it. The server checks each statement's signature against the
// installed version-2 roster (defence in depth: readers check them again).
// Anchors, re-keys and the genesis come in clear and in their envelope
// (§7.4): the clear statement is verified and dropped, only the envelope is
// stored, so the database holds no reviewer id for them.
#include <algorithm>
#include <set>
#include <shared_mutex>

#include "crypto/case_delete.h"
#include "crypto/case_key_anchor.h"
#include "crypto/notes_genesis.h"
#include "crypto/rekey.h"
#include "crypto/statement_envelope.h"
#include "service/api/api_service.h"
#include "service/api/json_reader.h"
#include "service/api/request_parsing.h"

namespace dojava::api {

using http::HttpRequest;
using http::HttpResponse;
using http::RouteParams;

namespace {

HttpResponse NoContent() {
  HttpResponse r;
  r.status = 204;
  return r;
}

// The API error for a statement that failed its crypto checks.
ApiError StatementError(const Status& s) {
  switch (s.code()) {
    case Code::kBadSignature:
      return ApiError::kBadSignature;
    case Code::kExpired:
      return ApiError::kExpired;
    default:
      return ApiError::kBadRequest;
  }
}

// §7.4: the envelope's version, type and exact length for a clear statement
// of `statement_size` bytes. The server cannot open it (it has no CK).
Status CheckEnvelope(ByteView envelope, uint8_t type, size_t statement_size) {
  DOJAVA_ASSIGN_OR_RETURN(auto header, crypto::v2::ParseStatementEnvelope(envelope, type));
  if (header.statement_size != statement_size) {
    return Status(Code::kMalformed, "the envelope does not fit the statement");
  }
  return Status::Ok();
}

}  // namespace

std::optional<HttpResponse> ApiService::RequireCaseKey(const service::Id& case_id,
                                                       const Reviewer& reviewer,
                                                       std::vector<service::SealedKey>* keys_out) {
  auto keys = store_->GetSealedKeys(case_id);
  if (!keys.ok()) return ErrorResponse(ErrorFromStore(keys.status()));
  const bool holds = std::any_of(keys->begin(), keys->end(), [&](const service::SealedKey& k) {
    return k.reviewer == reviewer && k.role == service::Role::kCaseKey;
  });
  if (!holds) return ErrorResponse(ApiError::kPermissionDenied);
  if (keys_out != nullptr) *keys_out = std::move(keys).value();
  return std::nullopt;
}

Result<ApiService::StatementPost> ApiService::ParseStatementPost(
    const HttpRequest& request, const RouteParams& params, std::string_view field, size_t max_bytes,
    std::optional<uint8_t> envelope_type, ApiError* error) {
  *error = ApiError::kBadRequest;
  if (!HasJsonContentType(request)) {
    *error = ApiError::kUnsupportedMediaType;
    return Status(Code::kMalformed, "content type");
  }
  if (!request.query.empty()) return Status(Code::kMalformed, "query");
  StatementPost post;
  DOJAVA_ASSIGN_OR_RETURN(post.case_id, ParseId(params.Get("case_id")));
  DOJAVA_ASSIGN_OR_RETURN(post.object, JsonObject::Parse(request.body.reveal_chars()));
  DOJAVA_ASSIGN_OR_RETURN(std::string_view text, post.object->String(field));
  DOJAVA_ASSIGN_OR_RETURN(post.statement, ParseBytes(text, max_bytes));
  if (envelope_type) {
    DOJAVA_ASSIGN_OR_RETURN(std::string_view env, post.object->String("envelope"));
    DOJAVA_ASSIGN_OR_RETURN(post.envelope,
                            ParseBytes(env, protocol::EnvelopeSize(post.statement.size())));
    DOJAVA_RETURN_IF_ERROR(CheckEnvelope(post.envelope, *envelope_type, post.statement.size()));
  }
  return post;
}

Result<std::optional<ApiService::GenesisPost>> ApiService::TakeGenesis(JsonObject& object) {
  const JsonValue* clear = object.Take("genesis");
  const JsonValue* sealed = object.Take("genesis_envelope");
  if (clear == nullptr && sealed == nullptr) return std::optional<GenesisPost>();
  if (clear == nullptr || sealed == nullptr || !clear->is_string() || !sealed->is_string()) {
    return Status(Code::kMalformed, "genesis and genesis_envelope go together");
  }
  GenesisPost g;
  DOJAVA_ASSIGN_OR_RETURN(g.statement,
                          ParseBytes(clear->string_value(), protocol::kMaxGenesisSize));
  DOJAVA_ASSIGN_OR_RETURN(
      g.envelope, ParseBytes(sealed->string_value(), protocol::EnvelopeSize(g.statement.size())));
  DOJAVA_RETURN_IF_ERROR(
      CheckEnvelope(g.envelope, protocol::kStatementGenesis, g.statement.size()));
  return std::optional<GenesisPost>(std::move(g));
}

std::optional<HttpResponse> ApiService::CheckGenesis(const service::Id& case_id,
                                                     const Reviewer& reviewer, ByteView genesis,
                                                     const std::vector<service::SealedKey>& keys,
                                                     const InstalledRoster& roster) {
  if (roster.v2() == nullptr) return ErrorResponse(ApiError::kRosterChanged);
  auto statement = crypto::v2::VerifyNotesGenesisSignature(genesis, case_id, *roster.v2());
  if (!statement.ok()) return ErrorResponse(StatementError(statement.status()));
  if (statement->creator != reviewer) return ErrorResponse(ApiError::kPermissionDenied);
  // The recipients are exactly the reviewers given a notes key now.
  std::set<service::Id> notes_to;
  for (const auto& k : keys) {
    if (k.role == service::Role::kNotesKey) notes_to.insert(*k.reviewer);
  }
  const std::set<service::Id> listed(statement->recipients.begin(), statement->recipients.end());
  if (listed != notes_to) return ErrorResponse(ApiError::kBadRequest);
  return std::nullopt;
}

bool ApiService::NotesKeysFollowCaseKeys(const std::vector<service::SealedKey>& stored,
                                         const std::vector<service::SealedKey>& sent) {
  std::set<std::pair<service::Id, uint32_t>> ck_holders;
  for (const auto* keys : {&stored, &sent}) {
    for (const auto& k : *keys) {
      if (k.reviewer && k.role == service::Role::kCaseKey) {
        ck_holders.emplace(*k.reviewer, k.generation);
      }
    }
  }
  return std::all_of(sent.begin(), sent.end(), [&](const service::SealedKey& k) {
    return k.role != service::Role::kNotesKey ||
           (k.reviewer && ck_holders.count({*k.reviewer, k.generation}) > 0);
  });
}

HttpResponse ApiService::PostCaseAnchor(const HttpRequest& request, const RouteParams& params,
                                        const Reviewer& reviewer) {
  ApiError error;
  auto post = ParseStatementPost(request, params, "anchor", protocol::kCkAnchorSize,
                                 protocol::kStatementAnchor, &error);
  if (!post.ok() || !post->object->Finish().ok()) return ErrorResponse(error);
  std::shared_lock<std::shared_mutex> roster_stable(install_mu_);  // until written
  if (auto denied = RequireCaseKey(post->case_id, reviewer, nullptr)) return *denied;
  std::shared_ptr<const InstalledRoster> roster = CurrentRoster();
  if (!roster) return ErrorResponse(ApiError::kNotReady);
  if (roster->v2() == nullptr) return ErrorResponse(ApiError::kRosterChanged);
  auto signer =
      crypto::v2::VerifyCaseKeyAnchorSignature(post->statement, post->case_id, *roster->v2());
  if (!signer.ok()) return ErrorResponse(StatementError(signer.status()));
  if (*signer != reviewer) return ErrorResponse(ApiError::kPermissionDenied);
  Status s = store_->PutAnchor(post->case_id, post->envelope);  // the clear anchor is dropped
  if (!s.ok()) return ErrorResponse(ErrorFromStore(s));
  return NoContent();
}

HttpResponse ApiService::PostCaseDelete(const HttpRequest& request, const RouteParams& params,
                                        const Reviewer& reviewer) {
  ApiError error;
  auto post = ParseStatementPost(request, params, "statement", protocol::kCaseDeleteSize,
                                 std::nullopt, &error);
  if (!post.ok() || !post->object->Finish().ok()) return ErrorResponse(error);
  auto statement = crypto::v2::ParseCaseDelete(post->statement, post->case_id);
  if (!statement.ok()) return ErrorResponse(ApiError::kBadRequest);
  std::shared_lock<std::shared_mutex> roster_stable(install_mu_);
  if (auto denied = RequireCaseKey(post->case_id, reviewer, nullptr)) return *denied;
  if (statement->reviewer_id != reviewer) return ErrorResponse(ApiError::kPermissionDenied);
  // §8.6 with the installed roster of either version: the token's reviewer
  // is active on it (WithToken checked), so its key verifies the statement.
  std::shared_ptr<const InstalledRoster> roster = CurrentRoster();
  const crypto::Ed25519Public* key = roster ? roster->ActiveLoginKey(reviewer) : nullptr;
  if (key == nullptr) return ErrorResponse(ApiError::kUnauthorized);
  Status checked = crypto::v2::VerifyCaseDeleteSignature(post->statement, *key);
  if (checked.ok()) checked = crypto::v2::CheckCaseDeleteDay(statement->day, Today());
  if (!checked.ok()) return ErrorResponse(StatementError(checked));
  Status s = store_->DeleteCase(post->case_id);
  if (!s.ok()) return ErrorResponse(ErrorFromStore(s));
  return NoContent();
}

HttpResponse ApiService::ResealOwnKeys(const service::Id& case_id,
                                       const std::vector<service::SealedKey>& keys,
                                       const Reviewer& reviewer) {
  std::shared_lock<std::shared_mutex> roster_stable(install_mu_);  // until written
  std::vector<service::SealedKey> stored;
  if (auto denied = RequireCaseKey(case_id, reviewer, &stored)) return *denied;
  // Only the token's own rows, each one it holds (§12.4: after a rotation
  // the reviewer seals the same keys to its new encryption key).
  for (const auto& k : keys) {
    if (!k.reviewer || *k.reviewer != reviewer) return ErrorResponse(ApiError::kPermissionDenied);
    bool held = false;
    for (const auto& s : stored) {
      held |= s.reviewer == k.reviewer && s.role == k.role && s.generation == k.generation;
    }
    if (!held) return ErrorResponse(ApiError::kBadRequest);
  }
  Status s = store_->ReplaceSealedKeys(case_id, keys);
  if (!s.ok()) return ErrorResponse(ErrorFromStore(s));
  return NoContent();
}

HttpResponse ApiService::PostCaseRekey(const HttpRequest& request, const RouteParams& params,
                                       const Reviewer& reviewer) {
  ApiError error;
  auto post = ParseStatementPost(request, params, "rekey", protocol::kRekeySize,
                                 protocol::kStatementRekey, &error);
  if (!post.ok()) return ErrorResponse(error);
  auto keys_json = post->object->Array("keys");
  auto genesis = TakeGenesis(*post->object);  // NK' (§7.3), in clear and sealed
  if (!keys_json.ok() || !genesis.ok() || !post->object->Finish().ok()) {
    return ErrorResponse(ApiError::kBadRequest);
  }
  auto keys = ParseSealedKeys(**keys_json);
  if (!keys.ok()) return ErrorResponse(ApiError::kBadRequest);
  bool notes = false;
  for (const auto& k : *keys) {
    // CK' and NK' to reviewers only; the server numbers the generation.
    if (!k.reviewer || k.generation != 0) return ErrorResponse(ApiError::kBadRequest);
    notes |= k.role == service::Role::kNotesKey;
  }
  // NK' goes with its genesis, and only to reviewers given CK' now.
  if (notes != genesis->has_value() || !NotesKeysFollowCaseKeys({}, *keys)) {
    return ErrorResponse(ApiError::kBadRequest);
  }
  std::shared_lock<std::shared_mutex> roster_stable(install_mu_);  // until written
  std::vector<service::SealedKey> stored;
  if (auto denied = RequireCaseKey(post->case_id, reviewer, &stored)) return *denied;
  std::shared_ptr<const InstalledRoster> roster = CurrentRoster();
  if (!roster) return ErrorResponse(ApiError::kNotReady);
  if (roster->v2() == nullptr) return ErrorResponse(ApiError::kRosterChanged);
  auto statement = crypto::v2::VerifyRekeySignature(post->statement, post->case_id, *roster->v2());
  if (!statement.ok()) return ErrorResponse(StatementError(statement.status()));
  if (statement->reviewer_id != reviewer) return ErrorResponse(ApiError::kPermissionDenied);
  // CK' only to active reviewers who held CK (§7.3), the re-keying one among them.
  std::set<service::Id> holders;
  for (const auto& k : stored) {
    if (k.reviewer && k.role == service::Role::kCaseKey) holders.insert(*k.reviewer);
  }
  bool to_self = false;
  for (const auto& k : *keys) {
    if (!roster->IsActive(*k.reviewer)) return ErrorResponse(ApiError::kRosterChanged);
    if (holders.count(*k.reviewer) == 0) return ErrorResponse(ApiError::kBadRequest);
    to_self |= *k.reviewer == reviewer && k.role == service::Role::kCaseKey;
  }
  if (!to_self) return ErrorResponse(ApiError::kBadRequest);
  std::optional<Bytes> genesis_envelope;
  if (*genesis) {
    const ByteView clear = (*genesis)->statement;
    if (auto refused = CheckGenesis(post->case_id, reviewer, clear, *keys, *roster)) {
      return *refused;
    }
    genesis_envelope = std::move((*genesis)->envelope);
  }
  // Only the envelopes are stored (§7.4): the clear statements are dropped here.
  auto generation = store_->AddRekey(post->case_id, post->envelope, *keys, genesis_envelope);
  if (!generation.ok()) return ErrorResponse(ErrorFromStore(generation.status()));
  return NoContent();
}

}  // namespace dojava::api
