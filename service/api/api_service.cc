#include "service/api/api_service.h"

#include <sodium.h>

#include <set>
#include <string>
#include <utility>

#include "crypto/admin_key.h"
#include "base/encoding.h"
#include "crypto/login.h"
#include "crypto/protocol_constants.h"
#include "base/utf8.h"
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

std::set<crypto::Id> ReviewersOf(const crypto::VerifiedRoster& roster) {
  std::set<crypto::Id> ids;
  for (const auto& e : roster.entries()) ids.insert(e.reviewer_id);
  return ids;
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
    auto verified =
        crypto::VerifyRoster(stored->signed_bytes, settings.admin_public_key, settings.instance_id);
    if (!verified.ok()) return Status(Code::kInternal, "the stored roster does not verify");
    api->roster_ = std::make_shared<const InstalledRoster>(
        InstalledRoster{std::move(verified).value(), stored->signed_bytes});
  } else if (stored.code() != Code::kNotFound) {
    return stored.status();
  }
  api->instance_document_ = api->BuildInstanceDocument(api->roster_.get());
  return api;
}

std::shared_ptr<const ApiService::InstalledRoster> ApiService::CurrentRoster() const {
  std::lock_guard<std::mutex> lock(roster_mu_);
  return roster_;
}

http::Handler ApiService::WithToken(ReviewerHandler handler, bool charge_token) {
  std::shared_ptr<ApiService> self = shared_from_this();
  return [self, handler, charge_token](const HttpRequest& request, const RouteParams& params) {
    auto token = ParseBearerToken(request);
    if (!token.ok()) return ErrorResponse(ApiError::kUnauthorized);
    int retry_after = 1;
    auto who = self->sessions_.Authenticate(token->reveal(), &retry_after, charge_token);
    if (!who.ok()) {
      return who.code() == Code::kResourceExhausted
                 ? ErrorResponse(ApiError::kRateLimited, retry_after)
                 : ErrorResponse(ApiError::kUnauthorized);
    }
    // A login racing a roster install could issue a token just after
    // RetainReviewers ran: check the roster on every use as well. A roster
    // that keeps the id but replaces the key (a lost laptop) ends the
    // sessions opened with the old key.
    std::shared_ptr<const InstalledRoster> roster = self->CurrentRoster();
    const crypto::RosterEntry* entry = roster ? roster->roster.Find(who->reviewer_id) : nullptr;
    if (entry == nullptr || entry->ed25519 != who->login_key) {
      self->sessions_.Logout(token->reveal());
      return ErrorResponse(ApiError::kUnauthorized);
    }
    return ((*self).*handler)(request, params);
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
      {R, Method::kPut, "/api/v1/roster", costly, with_params(&ApiService::PutRoster)},
      {R, Method::kPost, "/api/v1/login/challenge", costly,
       with_params(&ApiService::PostChallenge)},
      {R, Method::kPost, "/api/v1/login", costly, with_params(&ApiService::PostLogin)},
      // Reviewer listener, token.
      {R, Method::kPost, "/api/v1/logout", api, WithToken(&ApiService::PostLogout)},
      {R, Method::kGet, "/api/v1/cases", api, WithToken(&ApiService::ListCases)},
      {R, Method::kGet, "/api/v1/cases/{case_id}", api, WithToken(&ApiService::GetCase)},
      {R, Method::kDelete, "/api/v1/cases/{case_id}", api, WithToken(&ApiService::DeleteCase)},
      {R, Method::kGet, "/api/v1/cases/{case_id}/messages", api,
       WithToken(&ApiService::GetCaseMessages)},
      {R, Method::kPost, "/api/v1/cases/{case_id}/messages", api,
       WithToken(&ApiService::PostCaseMessage)},
      {R, Method::kPost, "/api/v1/cases/{case_id}/keys", api, WithToken(&ApiService::PostCaseKeys)},
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
    w.String(Base64UrlEncode(roster->signed_bytes));
  } else {
    w.Null();
  }
  w.Key("roster_version");
  w.Uint(roster ? roster->roster.version() : 0);
  w.Key("limits");
  w.BeginObject();
  w.Key("json_body_bytes");
  w.Uint(options_.json_body_limit_bytes);
  w.Key("message_record_bytes");
  w.Uint(protocol::kMaxMessageRecordSize);
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

  std::unique_lock<std::shared_mutex> install(install_mu_);
  std::shared_ptr<const InstalledRoster> current = CurrentRoster();
  crypto::RosterState seen;
  if (current) seen = {current->roster.version(), current->roster.digest()};
  auto verified =
      crypto::VerifyRosterAdvance(*bytes, identity_.admin_public_key, identity_.instance_id, seen);
  if (!verified.ok()) {
    switch (verified.code()) {
      case Code::kBadSignature:
        return ErrorResponse(ApiError::kBadSignature);
      case Code::kRollback:
        return ErrorResponse(ApiError::kRollback);
      default:
        return ErrorResponse(ApiError::kBadRequest);
    }
  }
  Status put = store_->PutRoster(service::Roster{verified->version(), *bytes});
  if (!put.ok()) {
    // The store's own rollback rule: a lower version, or the same version
    // with other bytes (a roster installed by another process meanwhile).
    if (put.code() == Code::kRollback || put.code() == Code::kAlreadyExists) {
      return ErrorResponse(ApiError::kRollback);
    }
    return ErrorResponse(ErrorFromStore(put));
  }
  auto installed = std::make_shared<const InstalledRoster>(
      InstalledRoster{std::move(verified).value(), std::move(bytes).value()});
  std::shared_ptr<const std::string> document = BuildInstanceDocument(installed.get());
  {
    std::lock_guard<std::mutex> lock(roster_mu_);
    roster_ = installed;
    instance_document_ = std::move(document);
  }
  sessions_.RetainReviewers(ReviewersOf(installed->roster));
  return NoContent();
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
  std::shared_ptr<const InstalledRoster> roster = CurrentRoster();
  const crypto::RosterEntry* entry = roster ? roster->roster.Find(*reviewer) : nullptr;
  if (entry == nullptr) return ErrorResponse(ApiError::kLoginFailed);
  if (!crypto::VerifyLogin(entry->ed25519, identity_.instance_id, *reviewer, *challenge, *signature)
           .ok()) {
    return ErrorResponse(ApiError::kLoginFailed);
  }
  const SecretBytes token = sessions_.IssueToken(*reviewer, entry->ed25519);
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
