#include "service/api/api_service.h"

#include <sodium.h>

#include <set>
#include <string>
#include <utility>

#include "base/encoding.h"
#include "base/utf8.h"
#include "crypto/admin_key.h"
#include "crypto/login.h"
#include "crypto/protocol_constants.h"
#include "service/api/json_reader.h"
#include "service/api/request_parsing.h"

namespace dojava::api {

using http::HttpRequest;
using http::HttpResponse;
using http::ListenerKind;
using http::Method;
using http::RouteParams;

namespace {

HttpResponse NoContent() {
  HttpResponse r;
  r.status = 204;
  return r;
}

SessionRegistry::Options SessionOptions(const ApiOptions& o) {
  SessionRegistry::Options s;
  s.challenge_ttl = std::chrono::seconds(o.challenge_ttl_seconds);
  s.max_challenges = o.max_pending_challenges;
  s.token_idle = std::chrono::seconds(o.token_idle_seconds);
  s.max_sessions = o.max_sessions;
  s.requests_per_second = o.token_requests_per_second;
  s.burst = o.token_burst;
  return s;
}

Status ValidateOptions(const ApiOptions& o) {
  DOJAVA_RETURN_IF_ERROR(ApiOptions::NameKeys().Check(o));
  DOJAVA_RETURN_IF_ERROR(ApiOptions::Keys().Check(o, "api."));
  if (o.default_cases_per_page > o.max_cases_per_page) {
    return Status(Code::kInvalidArgument,
                  "api.default_cases_per_page must not exceed api.max_cases_per_page");
  }
  return Status::Ok();
}

}  // namespace

ApiService::ApiService(service::Store* store, const ApiOptions& options, SessionRegistry::NowFn now,
                       const service::Settings& settings)
    : store_(store),
      options_(options),
      identity_(settings),
      sessions_(SessionOptions(options), std::move(now)) {}

Result<std::shared_ptr<ApiService>> ApiService::Create(service::Store* store,
                                                       const ApiOptions& options,
                                                       SessionRegistry::NowFn now) {
  if (store == nullptr || !now) return Status(Code::kInvalidArgument, "no store or clock");
  DOJAVA_RETURN_IF_ERROR(ValidateOptions(options));
  DOJAVA_ASSIGN_OR_RETURN(service::Settings settings, store->GetSettings());
  std::shared_ptr<ApiService> api(new ApiService(store, options, std::move(now), settings));
  auto stored = store->GetRoster();
  if (stored.ok()) {
    // No expiry check: the roster may have expired while the server was down;
    // clients refuse an expired roster themselves (PROTOCOL.md §6 step 5).
    auto verified = InstalledRoster::Verify(stored->signed_bytes, settings.admin_public_key,
                                            settings.instance_id, std::nullopt);
    if (verified.code() == Code::kUnsupportedVersion && !stored->signed_bytes.empty() &&
        stored->signed_bytes[0] == protocol::kVersion) {
      // A version-1 roster of 0.1.0 (PROTOCOL.md §16): served as it is, so
      // clients name it, but nobody logs in or is sealed to until a
      // version-2 roster replaces it (ops/README.md "Upgrade").
      api->unread_roster_ = std::move(stored).value();
    } else if (!verified.ok()) {
      return Status(Code::kInternal, "the stored roster does not verify");
    } else {
      api->roster_ = std::make_shared<const InstalledRoster>(std::move(verified).value());
    }
  } else if (stored.code() != Code::kNotFound) {
    return stored.status();
  }
  api->instance_document_ = api->BuildInstanceDocument(api->roster_.get());
  return api;
}

std::shared_ptr<const InstalledRoster> ApiService::CurrentRoster() const {
  std::lock_guard<std::mutex> lock(roster_mu_);
  return roster_;
}

uint32_t ApiService::Today() {
  const service::Day day = store_->Today();
  if (day < 0) return 0;
  return day > UINT32_MAX ? UINT32_MAX : static_cast<uint32_t>(day);
}

Result<ApiService::Reviewer> ApiService::Authenticate(const HttpRequest& request,
                                                      HttpResponse* error, bool charge_token) {
  auto token = ParseBearerToken(request);
  if (!token.ok()) {
    *error = ErrorResponse(ApiError::kUnauthorized);
    return Status(Code::kPermissionDenied, "no token");
  }
  int retry_after = 1;
  auto who = sessions_.Authenticate(token->reveal(), &retry_after, charge_token);
  if (!who.ok()) {
    *error = who.code() == Code::kResourceExhausted
                 ? ErrorResponse(ApiError::kRateLimited, retry_after)
                 : ErrorResponse(ApiError::kUnauthorized);
    return Status(Code::kPermissionDenied, "no session");
  }
  // A login racing a roster install could issue a token just after
  // RetainReviewers ran: check the roster on every use as well. A roster
  // that retires the id, or keeps it but replaces the key (a lost laptop),
  // ends the sessions opened with the old key.
  std::shared_ptr<const InstalledRoster> roster = CurrentRoster();
  const crypto::Ed25519Public* key = roster ? roster->ActiveLoginKey(who->reviewer_id) : nullptr;
  if (key == nullptr || *key != who->login_key) {
    sessions_.Logout(token->reveal());
    *error = ErrorResponse(ApiError::kUnauthorized);
    return Status(Code::kPermissionDenied, "not active");
  }
  return who->reviewer_id;
}

http::Handler ApiService::WithToken(ReviewerHandler handler, bool charge_token) {
  std::shared_ptr<ApiService> self = shared_from_this();
  return [self, handler, charge_token](const HttpRequest& request, const RouteParams& params) {
    HttpResponse error;
    if (!self->Authenticate(request, &error, charge_token).ok()) return error;
    return ((*self).*handler)(request, params);
  };
}

http::Handler ApiService::WithToken(ReviewerIdHandler handler) {
  std::shared_ptr<ApiService> self = shared_from_this();
  return [self, handler](const HttpRequest& request, const RouteParams& params) {
    HttpResponse error;
    auto reviewer = self->Authenticate(request, &error);
    if (!reviewer.ok()) return error;
    return ((*self).*handler)(request, params, *reviewer);
  };
}

Status ApiService::AddRoutes(http::Router* router) {
  std::shared_ptr<ApiService> self = shared_from_this();
  const http::RouteOptions api{http::BodyClass::kJson, http::RateClass::kApi};
  // GET /api/v1/instance answers from a document held in memory.
  const http::RouteOptions from_memory{http::BodyClass::kJson, http::RateClass::kApi, true};
  const http::RouteOptions costly{http::BodyClass::kJson, http::RateClass::kCostly};
  const http::RouteOptions chunk{http::BodyClass::kChunk, http::RateClass::kUpload};
  const http::RouteOptions download{http::BodyClass::kJson, http::RateClass::kDownload};
  auto with_params = [self](ReviewerHandler fn) -> http::Handler {
    return [self, fn](const HttpRequest& request, const RouteParams& params) {
      return ((*self).*fn)(request, params);
    };
  };
  const ListenerKind S = ListenerKind::kSource;
  const ListenerKind R = ListenerKind::kReviewer;
  struct Entry {
    ListenerKind listener;
    Method method;
    const char* pattern;
    http::RouteOptions options;
    http::Handler handler;
  };
  std::vector<Entry> routes = {
      // Both listeners.
      {S, Method::kGet, "/api/v1/instance", from_memory, with_params(&ApiService::GetInstance)},
      {R, Method::kGet, "/api/v1/instance", from_memory, with_params(&ApiService::GetInstance)},
      // Source listener.
      {S, Method::kPost, "/api/v1/uploads", api, with_params(&ApiService::PostUpload)},
      {S, Method::kPut, "/api/v1/uploads/{file_id}/chunks/{index}", chunk,
       with_params(&ApiService::PutChunk)},
      {S, Method::kGet, "/api/v1/uploads/{file_id}", api, with_params(&ApiService::GetUpload)},
      {S, Method::kPost, "/api/v1/cases", api, with_params(&ApiService::PostCase)},
      {S, Method::kGet, "/api/v1/source/case", api, with_params(&ApiService::GetSourceCase)},
      {S, Method::kPost, "/api/v1/source/messages", api,
       with_params(&ApiService::PostSourceMessage)},
      {S, Method::kGet, "/api/v1/source/files/{file_id}/chunks/{index}", download,
       with_params(&ApiService::GetSourceChunk)},
      // Reviewer listener, no token.
      {S, Method::kGet, "/api/v1/rosters", api, with_params(&ApiService::GetRosters)},
      {R, Method::kPut, "/api/v1/roster", costly, with_params(&ApiService::PutRoster)},
      {R, Method::kPost, "/api/v1/login/challenge", costly,
       with_params(&ApiService::PostChallenge)},
      {R, Method::kPost, "/api/v1/login", costly, with_params(&ApiService::PostLogin)},
      // Reviewer listener, token.
      {R, Method::kPost, "/api/v1/logout", api, WithToken(&ApiService::PostLogout)},
      {R, Method::kGet, "/api/v1/rosters", api, WithToken(&ApiService::GetRosters)},
      {R, Method::kGet, "/api/v1/cases", api, WithToken(&ApiService::ListCases)},
      {R, Method::kGet, "/api/v1/cases/{case_id}", api, WithToken(&ApiService::GetCase)},
      {R, Method::kGet, "/api/v1/cases/{case_id}/messages", api,
       WithToken(&ApiService::GetCaseMessages)},
      {R, Method::kPost, "/api/v1/cases/{case_id}/messages", api,
       WithToken(&ApiService::PostCaseMessage)},
      {R, Method::kPost, "/api/v1/cases/{case_id}/keys", api, WithToken(&ApiService::PostCaseKeys)},
      {R, Method::kPost, "/api/v1/cases/{case_id}/anchors", api,
       WithToken(&ApiService::PostCaseAnchor)},
      {R, Method::kPost, "/api/v1/cases/{case_id}/delete", api,
       WithToken(&ApiService::PostCaseDelete)},
      {R, Method::kPost, "/api/v1/cases/{case_id}/rekey", api,
       WithToken(&ApiService::PostCaseRekey)},
      {R, Method::kGet, "/api/v1/cases/{case_id}/files/{file_id}/chunks/{index}", download,
       WithToken(&ApiService::GetCaseChunk, false)},
      {R, Method::kPost, "/api/v1/uploads", api, WithToken(&ApiService::PostUpload)},
      {R, Method::kPut, "/api/v1/uploads/{file_id}/chunks/{index}", chunk,
       WithToken(&ApiService::PutChunk)},
      {R, Method::kGet, "/api/v1/uploads/{file_id}", api, WithToken(&ApiService::GetUpload)},
  };
  for (Entry& e : routes) {
    DOJAVA_RETURN_IF_ERROR(
        router->Add(e.listener, e.method, e.pattern, e.options, std::move(e.handler)));
  }
  return Status::Ok();
}

// --- GET /api/v1/instance ----------------------------------------------------

HttpResponse ApiService::GetInstance(const HttpRequest& request, const RouteParams&) {
  if (!request.query.empty() || !request.body.empty()) {
    return ErrorResponse(ApiError::kBadRequest);
  }
  std::shared_ptr<const std::string> document;
  {
    std::lock_guard<std::mutex> lock(roster_mu_);
    document = instance_document_;
  }
  // Public and immutable: shared with the response, not copied per request.
  return http::JsonPublic(std::move(document));
}

std::shared_ptr<const std::string> ApiService::BuildInstanceDocument(
    const InstalledRoster* roster) const {
  const service::Settings* settings = &identity_;
  JsonWriter w;
  w.BeginObject();
  w.Key("version");
  w.Int(1);
  w.Key("name");
  w.String(options_.instance_name);
  w.Key("instance_id");
  w.String(Base64UrlEncode(identity_.instance_id));
  w.Key("admin_public_key");
  w.String(Base64UrlEncode(identity_.admin_public_key));
  w.Key("admin_fingerprint");
  w.String(crypto::AdminKey::FingerprintText(identity_.admin_public_key));
  w.Key("salt");
  w.String(Base64UrlEncode(identity_.salt));
  w.Key("kdf");
  w.BeginObject();
  w.Key("algorithm");
  w.String("argon2id13");
  w.Key("ops");
  w.Uint(protocol::kReceiptArgonOps);
  w.Key("mem_bytes");
  w.Uint(protocol::kReceiptArgonMemBytes);
  w.EndObject();
  w.Key("roster");
  if (roster) {
    w.String(Base64UrlEncode(roster->signed_bytes()));
  } else if (unread_roster_) {
    w.String(Base64UrlEncode(unread_roster_->signed_bytes));
  } else {
    w.Null();
  }
  w.Key("roster_version");
  w.Uint(roster ? roster->version() : unread_roster_ ? unread_roster_->version : 0);
  w.Key("limits");
  w.BeginObject();
  w.Key("json_body_bytes");
  w.Uint(options_.json_body_limit_bytes);
  w.Key("message_record_bytes");
  w.Uint(protocol::kMaxMessageRecordSizeV2);
  w.Key("chunk_record_bytes");
  w.Uint(protocol::kChunkRecordSize);
  w.Key("chunk_plain_bytes");
  w.Uint(protocol::kChunkPlainSize);
  w.Key("max_chunks_per_file");
  w.Int(settings->max_chunks_per_file);
  w.Key("max_files_per_message");
  w.Uint(service::kMaxAttachmentsPerMessage);
  w.Key("message_characters");
  w.Int(options_.message_characters);
  w.Key("upload_ttl_days");
  w.Int(settings->upload_ttl_days);
  w.Key("retention_days");
  w.Int(settings->retention_days);
  w.EndObject();
  w.EndObject();
  return std::make_shared<const std::string>(w.Take());
}

// --- PUT /api/v1/roster ------------------------------------------------------

HttpResponse ApiService::PutRoster(const HttpRequest& request, const RouteParams&) {
  if (!HasJsonContentType(request)) return ErrorResponse(ApiError::kUnsupportedMediaType);
  if (!request.query.empty()) return ErrorResponse(ApiError::kBadRequest);
  auto object = JsonObject::Parse(request.body.reveal_chars());
  if (!object.ok()) return ErrorResponse(ApiError::kBadRequest);
  auto text = object->String("roster");
  if (!text.ok() || !object->Finish().ok()) return ErrorResponse(ApiError::kBadRequest);
  auto bytes = ParseBytes(*text, service::kMaxRosterBytes);
  if (!bytes.ok()) return ErrorResponse(ApiError::kBadRequest);

  // Verified before the lock: signature checks need no exclusion.
  auto verified =
      InstalledRoster::Verify(*bytes, identity_.admin_public_key, identity_.instance_id, Today());
  if (!verified.ok()) {
    switch (verified.code()) {
      case Code::kBadSignature:
        return ErrorResponse(ApiError::kBadSignature);
      case Code::kExpired:
        return ErrorResponse(ApiError::kExpired);
      case Code::kUnsupportedVersion:
        return ErrorResponse(ApiError::kUnsupportedVersion);
      default:
        return ErrorResponse(ApiError::kBadRequest);
    }
  }
  auto installed = std::make_shared<const InstalledRoster>(std::move(verified).value());
  std::unique_lock<std::shared_mutex> install(install_mu_);
  if (std::shared_ptr<const InstalledRoster> current = CurrentRoster()) {
    Status chain = current->CheckSuccessor(*installed);
    if (chain.code() == Code::kBrokenChain) return ErrorResponse(ApiError::kBrokenChain);
    if (!chain.ok()) return ErrorResponse(ApiError::kRollback);
  }
  const std::set<crypto::Id> active = installed->ActiveIds();
  // The store deletes the key rows of every reviewer not active on the new
  // roster in the same transaction (PROTOCOL.md §12.4).
  Status put =
      store_->PutRoster(service::Roster{installed->version(), installed->signed_bytes(),
                                        std::vector<crypto::Id>(active.begin(), active.end())});
  if (!put.ok()) {
    // The store's own rollback rule: a lower version, or the same version
    // with other bytes (a roster installed by another process meanwhile).
    if (put.code() == Code::kRollback || put.code() == Code::kAlreadyExists) {
      return ErrorResponse(ApiError::kRollback);
    }
    return ErrorResponse(ErrorFromStore(put));
  }
  std::shared_ptr<const std::string> document = BuildInstanceDocument(installed.get());
  {
    std::lock_guard<std::mutex> lock(roster_mu_);
    roster_ = installed;
    instance_document_ = std::move(document);
  }
  sessions_.RetainReviewers(active);
  return NoContent();
}

// --- GET /api/v1/rosters -----------------------------------------------------

HttpResponse ApiService::GetRosters(const HttpRequest& request, const RouteParams&) {
  if (!request.body.empty()) return ErrorResponse(ApiError::kBadRequest);
  auto query = ParseQuery(request.query, {"after"});
  if (!query.ok()) return ErrorResponse(ApiError::kBadRequest);
  uint64_t after = 0;
  if (auto it = query->find("after"); it != query->end()) {
    auto v = ParseDecimal(it->second, static_cast<uint64_t>(INT64_MAX));
    if (!v.ok()) return ErrorResponse(ApiError::kBadRequest);
    after = *v;
  }
  // One more than answered, to know whether there is more.
  auto rosters = store_->ListRosters(after, service::kMaxRostersPerList);
  if (!rosters.ok()) return ErrorResponse(ErrorFromStore(rosters.status()));
  bool more = false;
  if (rosters->size() == service::kMaxRostersPerList) {
    auto next = store_->ListRosters(rosters->back().version, 1);
    if (!next.ok()) return ErrorResponse(ErrorFromStore(next.status()));
    more = !next->empty();
  }
  JsonWriter w;
  w.BeginObject();
  w.Key("rosters");
  w.BeginArray();
  for (const auto& r : *rosters) w.String(Base64UrlEncode(r.signed_bytes));
  w.EndArray();
  w.Key("more");
  w.Bool(more);
  w.EndObject();
  return http::JsonOk(w.Take());
}

// --- login -------------------------------------------------------------------

HttpResponse ApiService::PostChallenge(const HttpRequest& request, const RouteParams&) {
  if (!HasJsonContentType(request)) return ErrorResponse(ApiError::kUnsupportedMediaType);
  if (!request.query.empty()) return ErrorResponse(ApiError::kBadRequest);
  auto object = JsonObject::Parse(request.body.reveal_chars());
  if (!object.ok()) return ErrorResponse(ApiError::kBadRequest);
  auto text = object->String("reviewer_id");
  if (!text.ok() || !object->Finish().ok()) return ErrorResponse(ApiError::kBadRequest);
  auto reviewer = ParseId(*text);
  if (!reviewer.ok()) return ErrorResponse(ApiError::kBadRequest);
  // Answered the same way whether or not the id is on the roster.
  const Bytes challenge = sessions_.IssueChallenge(*reviewer);
  JsonWriter w;
  w.BeginObject();
  w.Key("challenge");
  w.String(Base64UrlEncode(challenge));
  w.Key("expires_in_seconds");
  w.Int(options_.challenge_ttl_seconds);
  w.EndObject();
  return http::JsonOk(w.Take());
}

HttpResponse ApiService::PostLogin(const HttpRequest& request, const RouteParams&) {
  if (!HasJsonContentType(request)) return ErrorResponse(ApiError::kUnsupportedMediaType);
  if (!request.query.empty()) return ErrorResponse(ApiError::kBadRequest);
  auto object = JsonObject::Parse(request.body.reveal_chars());
  if (!object.ok()) return ErrorResponse(ApiError::kBadRequest);
  auto reviewer_text = object->String("reviewer_id");
  auto challenge_text = object->String("challenge");
  auto signature_text = object->String("signature");
  // Any attempt that names a challenge consumes it, even if the rest of the
  // body is malformed.
  std::optional<crypto::Id> issued_for;
  std::optional<std::array<uint8_t, 32>> challenge;
  if (challenge_text.ok()) {
    auto c = ParseFixed<32>(*challenge_text);
    if (c.ok()) {
      challenge = *c;
      issued_for = sessions_.ConsumeChallenge(*c);
    }
  }
  if (!reviewer_text.ok() || !signature_text.ok() || !challenge || !object->Finish().ok()) {
    return ErrorResponse(ApiError::kBadRequest);
  }
  auto reviewer = ParseId(*reviewer_text);
  auto signature = ParseFixed<64>(*signature_text);
  if (!reviewer.ok() || !signature.ok()) return ErrorResponse(ApiError::kBadRequest);

  if (!issued_for || sodium_memcmp(issued_for->data(), reviewer->data(), reviewer->size()) != 0) {
    return ErrorResponse(ApiError::kLoginFailed);
  }
  // Only active entries log in; a retired or unknown id fails alike.
  std::shared_ptr<const InstalledRoster> roster = CurrentRoster();
  const crypto::Ed25519Public* key = roster ? roster->ActiveLoginKey(*reviewer) : nullptr;
  if (key == nullptr) return ErrorResponse(ApiError::kLoginFailed);
  if (!crypto::VerifyLogin(*key, identity_.instance_id, *reviewer, *challenge, *signature).ok()) {
    return ErrorResponse(ApiError::kLoginFailed);
  }
  const SecretBytes token = sessions_.IssueToken(*reviewer, *key);
  JsonWriter w;
  w.BeginObject();
  w.Key("token");
  std::string token_text = Base64UrlEncode(token.reveal());
  w.String(token_text);
  sodium_memzero(token_text.data(), token_text.size());  // the response body is wiped once sent
  w.Key("idle_timeout_seconds");
  w.Int(options_.token_idle_seconds);
  w.EndObject();
  return http::JsonOk(w.Take());
}

HttpResponse ApiService::PostLogout(const HttpRequest& request, const RouteParams&) {
  if (!request.query.empty() || !request.body.empty()) {
    return ErrorResponse(ApiError::kBadRequest);
  }
  auto token = ParseBearerToken(request);
  if (token.ok()) sessions_.Logout(token->reveal());
  return NoContent();
}

}  // namespace dojava::api
