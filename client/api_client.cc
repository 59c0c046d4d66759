#include "client/api_client.h"

#include <sodium.h>

#include <algorithm>
#include <boost/json.hpp>
#include <thread>

#include "base/encoding.h"
#include "client/api_json.h"
#include "crypto/protocol_constants.h"

namespace dojava::client {
namespace json = boost::json;
using namespace api_json;  // NOLINT: the JSON helpers are this file's vocabulary

namespace {

// Message pages are "about 8 MiB of records", base64url-encoded in JSON.
constexpr size_t kMaxJsonResponse = 32u << 20;
constexpr size_t kMaxSourceCaseBytes = 64u << 20;  // all pages of GetSourceCase together
constexpr size_t kMaxChunkResponse = protocol::kChunkRecordSize;
constexpr std::string_view kJson = "application/json";
// 429 answers are retried after the server's Retry-After (capped), a few times.
constexpr int kRateLimitRetries = 8;
constexpr int kMaxRetryAfterSeconds = 30;

void WaitRetryAfter(const std::string& header) {
  int seconds = 1;
  if (!header.empty() && header.size() < 6 &&
      header.find_first_not_of("0123456789") == std::string::npos) {
    seconds = std::clamp(std::stoi(header), 1, kMaxRetryAfterSeconds);
  }
  std::this_thread::sleep_for(std::chrono::seconds(seconds));
}

// The lookup key goes only to the source's own routes: uploads and the
// instance document must not be linkable to the case.
bool IsSourceTarget(std::string_view target) { return target.rfind("/api/v1/source/", 0) == 0; }

// Wipes a std::string that held a secret (a JSON body with the lookup key).
void Wipe(std::string* s) {
  if (!s->empty()) sodium_memzero(s->data(), s->size());
}

std::string IdText(const crypto::Id& id) { return Base64UrlEncode(id); }

}  // namespace

Status StatusFromErrorResponse(int http_status, ByteView body) {
  std::string code;
  std::string message;
  json::error_code ec;
  json::value v = json::parse(std::string_view(AsChars(body)), ec);
  if (!ec && v.is_object()) {
    if (const json::object* e = Obj(Field(v.as_object(), "error"))) {
      if (auto c = Str(*e, "code"); c.ok()) code = *c;
      if (auto m = Str(*e, "message"); m.ok()) message = *m;
    }
  }
  if (code.empty()) code = "http_" + std::to_string(http_status);
  // Server text is untrusted: keep it short and printable.
  if (message.size() > 200) message.resize(200);
  for (char& c : message) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  std::string text = "the server refused: " + code + (message.empty() ? "" : " (" + message + ")");
  if (code == "insufficient_storage") {
    text = "the server's disk is full: nothing was stored; try again later (insufficient_storage)";
  }
  Code k = Code::kInternal;
  if (code == "not_found")
    k = Code::kNotFound;
  else if (code == "unauthorized" || code == "login_failed" || code == "permission_denied")
    k = Code::kPermissionDenied;
  else if (code == "expired")
    k = Code::kExpired;
  else if (code == "broken_chain")
    k = Code::kBrokenChain;
  else if (code == "bad_signature")
    k = Code::kBadSignature;
  else if (code == "rollback")
    k = Code::kRollback;
  else if (code == "conflict" || code == "roster_changed")
    k = Code::kAlreadyExists;
  else if (code == "rate_limited" || code == "insufficient_storage" || code == "body_too_large")
    k = Code::kResourceExhausted;
  else if (code == "bad_request")
    k = Code::kInvalidArgument;
  return Status(k, text);
}

ApiClient ApiClient::WithConnection(HttpClient* http, bool with_lookup_key) const {
  ApiClient other(http);
  if (!token_.empty()) other.token_ = SecretBytes::Copy(token_.reveal());
  if (with_lookup_key && !lookup_.empty()) other.lookup_ = SecretBytes::Copy(lookup_.reveal());
  return other;
}

Result<HttpResponse> ApiClient::Call(std::string_view method, const std::string& target,
                                     const std::string& json_body, bool auth, size_t max_body) {
  return Exchange(method, target, AsBytes(json_body),
                  json_body.empty() ? std::string_view() : kJson, auth, max_body);
}

Result<HttpResponse> ApiClient::CallBinary(std::string_view method, const std::string& target,
                                           ByteView body, bool auth, size_t max_body) {
  return Exchange(method, target, body,
                  body.empty() ? std::string_view() : "application/octet-stream", auth, max_body);
}

Result<HttpResponse> ApiClient::Exchange(std::string_view method, const std::string& target,
                                         ByteView body, std::string_view content_type, bool auth,
                                         size_t max_body, Bytes body_buffer) {
  std::vector<HttpHeader> headers;
  if (auth && !token_.empty()) headers.push_back({"Authorization", &token_, "Bearer "});
  if (!lookup_.empty() && IsSourceTarget(target)) {
    headers.push_back({"X-Dojava-Lookup-Key", &lookup_, {}});
  }
  for (int attempt = 0;; ++attempt) {
    DOJAVA_ASSIGN_OR_RETURN(HttpResponse r, http_->Send(method, target, headers, body, content_type,
                                                        max_body, std::move(body_buffer)));
    if (r.status == 429 && attempt < kRateLimitRetries) {
      WaitRetryAfter(r.retry_after);
      continue;
    }
    if (r.status >= 400) return StatusFromErrorResponse(r.status, r.body);
    return r;
  }
}

Result<InstanceInfo> ApiClient::GetInstance() {
  DOJAVA_ASSIGN_OR_RETURN(HttpResponse r, Call("GET", "/api/v1/instance", "", false, 4u << 20));
  DOJAVA_ASSIGN_OR_RETURN(json::object o, ParseObject(r.body));
  InstanceInfo info;
  DOJAVA_ASSIGN_OR_RETURN(int64_t version, Int(o, "version"));
  if (version != 1) return Unexpected("API version");
  DOJAVA_ASSIGN_OR_RETURN(info.name, Str(o, "name"));
  DOJAVA_ASSIGN_OR_RETURN(info.instance_id, B64Fixed<16>(o, "instance_id"));
  DOJAVA_ASSIGN_OR_RETURN(info.admin_public, B64Fixed<32>(o, "admin_public_key"));
  DOJAVA_ASSIGN_OR_RETURN(info.admin_fingerprint, Str(o, "admin_fingerprint"));
  DOJAVA_ASSIGN_OR_RETURN(auto salt, B64Fixed<16>(o, "salt"));
  info.salt.assign(salt.begin(), salt.end());
  const json::value* roster = Field(o, "roster");
  if (roster == nullptr) return Unexpected("roster");
  if (!roster->is_null()) {
    DOJAVA_ASSIGN_OR_RETURN(Bytes b, B64(o, "roster"));
    info.roster = std::move(b);
  }
  DOJAVA_ASSIGN_OR_RETURN(info.roster_version, UInt(o, "roster_version"));
  if (const json::object* l = Obj(Field(o, "limits"))) {
    if (auto v = UInt(*l, "chunk_plain_bytes"); v.ok()) info.limits.chunk_plain_bytes = *v;
    if (auto v = UInt(*l, "max_chunks_per_file"); v.ok()) info.limits.max_chunks_per_file = *v;
    if (auto v = UInt(*l, "max_files_per_message"); v.ok()) info.limits.max_files_per_message = *v;
    if (auto v = UInt(*l, "message_characters"); v.ok()) info.limits.message_characters = *v;
  }
  return info;
}

Status ApiClient::PutRoster(ByteView signed_roster) {
  const std::string body =
      json::serialize(json::object{{"roster", Base64UrlEncode(signed_roster)}});
  return Call("PUT", "/api/v1/roster", body, false, 64 * 1024).status();
}

Result<std::vector<Bytes>> ApiClient::GetRosters(uint64_t after, uint64_t below) {
  std::vector<Bytes> out;
  for (int guard = 0; guard < 100000 && after + 1 < below; ++guard) {
    DOJAVA_ASSIGN_OR_RETURN(
        HttpResponse r,
        Call("GET", "/api/v1/rosters?after=" + std::to_string(after), "", true, kMaxJsonResponse));
    DOJAVA_ASSIGN_OR_RETURN(json::object o, ParseObject(r.body));
    const json::value* rosters = Field(o, "rosters");
    const json::value* more = Field(o, "more");
    if (!rosters || !rosters->is_array()) return Unexpected("rosters");
    if (!more || !more->is_bool()) return Unexpected("more");
    const uint64_t before = after;
    for (const auto& x : rosters->as_array()) {
      auto b = x.is_string() ? Base64UrlDecode(std::string_view(x.as_string()))
                             : Result<Bytes>(Unexpected("rosters"));
      if (!b.ok() || b->size() < 1 + 16 + 8) return Unexpected("rosters");
      uint64_t v = 0;
      for (size_t i = 0; i < 8; ++i) v = (v << 8) | (*b)[17 + i];
      if (v <= after) return Unexpected("roster order");
      after = v;
      if (v < below) out.push_back(std::move(b).value());
    }
    if (!more->as_bool() || after == before) return out;
  }
  return out;
}

Result<Bytes> ApiClient::LoginChallenge(const crypto::Id& reviewer_id) {
  const std::string body = json::serialize(json::object{{"reviewer_id", IdText(reviewer_id)}});
  DOJAVA_ASSIGN_OR_RETURN(HttpResponse r,
                          Call("POST", "/api/v1/login/challenge", body, false, 64 * 1024));
  DOJAVA_ASSIGN_OR_RETURN(json::object o, ParseObject(r.body));
  DOJAVA_ASSIGN_OR_RETURN(auto c, B64Fixed<32>(o, "challenge"));
  return Bytes(c.begin(), c.end());
}

Result<SecretBytes> ApiClient::Login(const crypto::Id& reviewer_id, ByteView challenge,
                                     ByteView signature) {
  const std::string body = json::serialize(json::object{{"reviewer_id", IdText(reviewer_id)},
                                                        {"challenge", Base64UrlEncode(challenge)},
                                                        {"signature", Base64UrlEncode(signature)}});
  DOJAVA_ASSIGN_OR_RETURN(HttpResponse r, Call("POST", "/api/v1/login", body, false, 64 * 1024));
  json::error_code ec;
  json::value v = json::parse(std::string_view(AsChars(r.body)), ec);
  sodium_memzero(r.body.data(), r.body.size());
  if (ec || !v.is_object()) return Unexpected("login");
  const json::value* t = Field(v.as_object(), "token");
  if (!t || !t->is_string()) return Unexpected("token");
  json::string& s = v.as_object()["token"].as_string();
  auto decoded = Base64UrlDecodeSecret(std::string_view(s));
  SecretBytes token = SecretBytes::Copy(std::string_view(s));
  sodium_memzero(s.data(), s.size());
  if (!decoded.ok() || decoded->size() != 32) return Unexpected("token");
  return token;
}

Status ApiClient::Logout() { return Call("POST", "/api/v1/logout", "", true, 64 * 1024).status(); }

Result<std::vector<ApiCase>> ApiClient::ListCases(int64_t since_day) {
  std::vector<ApiCase> out;
  std::string page;
  for (int guard = 0; guard < 100000; ++guard) {
    const std::string target =
        "/api/v1/cases?since=" + std::to_string(since_day) + page + "&limit=500";
    DOJAVA_ASSIGN_OR_RETURN(HttpResponse r, Call("GET", target, "", true, kMaxJsonResponse));
    DOJAVA_ASSIGN_OR_RETURN(json::object o, ParseObject(r.body));
    const json::value* cases = Field(o, "cases");
    if (!cases || !cases->is_array()) return Unexpected("cases");
    for (const auto& c : cases->as_array()) {
      DOJAVA_ASSIGN_OR_RETURN(ApiCase ac, ParseCase(c));
      out.push_back(ac);
    }
    const json::value* next = Field(o, "next");
    if (!next || next->is_null()) return out;
    const json::object* n = Obj(next);
    if (!n) return Unexpected("next");
    DOJAVA_ASSIGN_OR_RETURN(int64_t day, Int(*n, "after_day"));
    DOJAVA_ASSIGN_OR_RETURN(auto id, B64Fixed<16>(*n, "after_case"));
    page = "&after_day=" + std::to_string(day) + "&after_case=" + IdText(id);
  }
  return Unexpected("endless case list");
}

// The v2 fields of a case detail; absent ones stay empty (an older server).
Status ParseCaseV2(const json::object& o, ApiCaseDetail* d) {
  for (auto [name, out] : {std::pair{"geneses", &d->geneses}, std::pair{"anchors", &d->anchors}}) {
    const json::value* a = Field(o, name);
    if (a == nullptr) continue;
    if (!a->is_array()) return Unexpected(name);
    for (const auto& x : a->as_array()) {
      auto b = x.is_string() ? Base64UrlDecode(std::string_view(x.as_string()))
                             : Result<Bytes>(Unexpected(name));
      if (!b.ok()) return Unexpected(name);
      out->push_back(std::move(b).value());
    }
  }
  DOJAVA_RETURN_IF_ERROR(ParseRekeys(o, &d->rekeys));
  if (Field(o, "source_public_key")) {
    DOJAVA_ASSIGN_OR_RETURN(d->source_public, (B64Fixed<32>(o, "source_public_key")));
  }
  return Status::Ok();
}

Result<ApiCaseDetail> ApiClient::GetCase(const crypto::Id& case_id) {
  DOJAVA_ASSIGN_OR_RETURN(
      HttpResponse r, Call("GET", "/api/v1/cases/" + IdText(case_id), "", true, kMaxJsonResponse));
  DOJAVA_ASSIGN_OR_RETURN(json::object o, ParseObject(r.body));
  ApiCaseDetail d;
  const json::value* c = Field(o, "case");
  if (!c) return Unexpected("case");
  DOJAVA_ASSIGN_OR_RETURN(d.info, ParseCase(*c));
  const json::value* keys = Field(o, "keys");
  if (!keys || !keys->is_array()) return Unexpected("keys");
  for (const auto& k : keys->as_array()) {
    const json::object* ko = Obj(&k);
    if (!ko) return Unexpected("keys");
    ApiSealedKey sk;
    DOJAVA_ASSIGN_OR_RETURN(sk.recipient, Str(*ko, "recipient"));
    DOJAVA_ASSIGN_OR_RETURN(std::string role, Str(*ko, "role"));
    if (role == "case")
      sk.role = protocol::kRoleCaseKey;
    else if (role == "notes")
      sk.role = protocol::kRoleNotesKey;
    else
      return Unexpected("role");
    DOJAVA_ASSIGN_OR_RETURN(sk.sealed, B64(*ko, "sealed"));
    if (Field(*ko, "generation")) {
      DOJAVA_ASSIGN_OR_RETURN(sk.generation, UInt(*ko, "generation"));
    }
    d.keys.push_back(std::move(sk));
  }
  DOJAVA_RETURN_IF_ERROR(ParseCaseV2(o, &d));
  return d;
}

Result<std::vector<ApiMessage>> ApiClient::GetMessages(const crypto::Id& case_id, uint64_t after) {
  std::vector<ApiMessage> out;
  for (int guard = 0; guard < 100000; ++guard) {
    const std::string target =
        "/api/v1/cases/" + IdText(case_id) + "/messages?after=" + std::to_string(after);
    DOJAVA_ASSIGN_OR_RETURN(HttpResponse r, Call("GET", target, "", true, kMaxJsonResponse));
    DOJAVA_ASSIGN_OR_RETURN(json::object o, ParseObject(r.body));
    DOJAVA_ASSIGN_OR_RETURN(bool more, AppendMessagePage(o, &after, &out));
    if (!more) return out;
  }
  return Unexpected("endless message list");
}

Result<uint64_t> ApiClient::PostMessage(const crypto::Id& case_id, ByteView record,
                                        const std::vector<crypto::Id>& files) {
  const std::string body = json::serialize(
      json::object{{"message", Base64UrlEncode(record)}, {"files", IdArray(files)}});
  DOJAVA_ASSIGN_OR_RETURN(
      HttpResponse r,
      Call("POST", "/api/v1/cases/" + IdText(case_id) + "/messages", body, true, 64 * 1024));
  DOJAVA_ASSIGN_OR_RETURN(json::object o, ParseObject(r.body));
  return UInt(o, "seq");
}

Status ApiClient::PostKeys(const crypto::Id& case_id, const std::vector<ApiSealedKey>& keys,
                           ByteView genesis, ByteView genesis_envelope) {
  json::object o{{"keys", KeyArray(keys)}};
  if (!genesis.empty()) o["genesis"] = Base64UrlEncode(genesis);
  if (!genesis_envelope.empty()) o["genesis_envelope"] = Base64UrlEncode(genesis_envelope);
  const std::string body = json::serialize(o);
  return Call("POST", "/api/v1/cases/" + IdText(case_id) + "/keys", body, true, 64 * 1024).status();
}

Status ApiClient::PostRekey(const crypto::Id& case_id, ByteView statement, ByteView envelope,
                            const std::vector<ApiSealedKey>& keys, ByteView genesis,
                            ByteView genesis_envelope) {
  json::object o{{"rekey", Base64UrlEncode(statement)},
                 {"envelope", Base64UrlEncode(envelope)},
                 {"keys", KeyArray(keys)}};
  if (!genesis.empty()) o["genesis"] = Base64UrlEncode(genesis);
  if (!genesis_envelope.empty()) o["genesis_envelope"] = Base64UrlEncode(genesis_envelope);
  const std::string body = json::serialize(o);
  return Call("POST", "/api/v1/cases/" + IdText(case_id) + "/rekey", body, true, 64 * 1024)
      .status();
}

Status ApiClient::ResealOwnKeys(const crypto::Id& case_id, const std::vector<ApiSealedKey>& keys) {
  const std::string body =
      json::serialize(json::object{{"keys", KeyArray(keys)}, {"reseal", true}});
  return Call("POST", "/api/v1/cases/" + IdText(case_id) + "/keys", body, true, 64 * 1024).status();
}

Status ApiClient::PostAnchor(const crypto::Id& case_id, ByteView anchor, ByteView envelope) {
  const std::string body = json::serialize(
      json::object{{"anchor", Base64UrlEncode(anchor)}, {"envelope", Base64UrlEncode(envelope)}});
  return Call("POST", "/api/v1/cases/" + IdText(case_id) + "/anchors", body, true, 64 * 1024)
      .status();
}

Status ApiClient::DeleteCase(const crypto::Id& case_id, ByteView statement) {
  const std::string body = json::serialize(json::object{{"statement", Base64UrlEncode(statement)}});
  return Call("POST", "/api/v1/cases/" + IdText(case_id) + "/delete", body, true, 64 * 1024)
      .status();
}

Result<Bytes> ApiClient::GetChunk(const crypto::Id& case_id, const crypto::Id& file_id,
                                  uint64_t index) {
  Bytes record;
  DOJAVA_RETURN_IF_ERROR(GetChunk(case_id, file_id, index, record));
  return record;
}

Status ApiClient::GetChunk(const crypto::Id& case_id, const crypto::Id& file_id, uint64_t index,
                           Bytes& record) {
  return GetRecord("/api/v1/cases/" + IdText(case_id) + "/files/" + IdText(file_id) + "/chunks/" +
                       std::to_string(index),
                   true, record);
}

Status ApiClient::GetRecord(const std::string& target, bool auth, Bytes& record) {
  DOJAVA_ASSIGN_OR_RETURN(
      HttpResponse r, Exchange("GET", target, {}, {}, auth, kMaxChunkResponse, std::move(record)));
  record = std::move(r.body);
  return Status::Ok();
}

Result<ApiUpload> ApiClient::CreateUpload(const crypto::Id& file_id, uint64_t chunks) {
  const std::string body =
      json::serialize(json::object{{"file_id", IdText(file_id)}, {"chunks", chunks}});
  DOJAVA_ASSIGN_OR_RETURN(HttpResponse r, Call("POST", "/api/v1/uploads", body, true, 4u << 20));
  return ParseUpload(r.body);
}

Result<ApiUpload> ApiClient::GetUpload(const crypto::Id& file_id) {
  DOJAVA_ASSIGN_OR_RETURN(HttpResponse r,
                          Call("GET", "/api/v1/uploads/" + IdText(file_id), "", true, 4u << 20));
  return ParseUpload(r.body);
}

Status ApiClient::PutChunk(const crypto::Id& file_id, uint64_t index, ByteView record) {
  return CallBinary("PUT",
                    "/api/v1/uploads/" + IdText(file_id) + "/chunks/" + std::to_string(index),
                    record, true, 64 * 1024)
      .status();
}

Status ApiClient::CreateCase(const crypto::Id& case_id, const SecretBytes& lookup_key,
                             const crypto::X25519Public& source_public,
                             const std::vector<ApiSealedKey>& keys, ByteView message,
                             const std::vector<crypto::Id>& files) {
  std::string body =
      json::serialize(json::object{{"case_id", IdText(case_id)},
                                   {"lookup_key", Base64UrlEncode(lookup_key.reveal())},
                                   {"source_public_key", Base64UrlEncode(source_public)},
                                   {"keys", KeyArray(keys)},
                                   {"message", Base64UrlEncode(message)},
                                   {"files", IdArray(files)}});
  auto r = Call("POST", "/api/v1/cases", body, false, 64 * 1024);
  Wipe(&body);
  return r.status();
}

Result<ApiSourceCase> ApiClient::GetSourceCase(uint64_t after) {
  ApiSourceCase out;
  size_t total = 0;  // bytes of every page: a server cannot make us hold more than this
  for (int guard = 0; guard < 100000; ++guard) {
    DOJAVA_ASSIGN_OR_RETURN(
        HttpResponse r, Call("GET", "/api/v1/source/case?after=" + std::to_string(after), "", false,
                             kMaxJsonResponse));
    total += r.body.size();
    if (total > kMaxSourceCaseBytes) {
      return Status(Code::kResourceExhausted, "the server's message list is larger than " +
                                                  std::to_string(kMaxSourceCaseBytes >> 20) +
                                                  " MiB");
    }
    DOJAVA_ASSIGN_OR_RETURN(json::object o, ParseObject(r.body));
    DOJAVA_ASSIGN_OR_RETURN(out.case_id, B64Fixed<16>(o, "case_id"));
    DOJAVA_ASSIGN_OR_RETURN(out.sealed_key, B64(o, "sealed_key"));
    if (out.rekeys.empty()) DOJAVA_RETURN_IF_ERROR(ParseRekeys(o, &out.rekeys));
    DOJAVA_ASSIGN_OR_RETURN(bool more, AppendMessagePage(o, &after, &out.messages));
    if (!more) return out;
  }
  return Unexpected("endless message list");
}

Result<uint64_t> ApiClient::PostSourceMessage(ByteView record,
                                              const std::vector<crypto::Id>& files) {
  const std::string body = json::serialize(
      json::object{{"message", Base64UrlEncode(record)}, {"files", IdArray(files)}});
  DOJAVA_ASSIGN_OR_RETURN(HttpResponse r,
                          Call("POST", "/api/v1/source/messages", body, false, 64 * 1024));
  DOJAVA_ASSIGN_OR_RETURN(json::object o, ParseObject(r.body));
  return UInt(o, "seq");
}

Result<Bytes> ApiClient::GetSourceChunk(const crypto::Id& file_id, uint64_t index) {
  Bytes record;
  DOJAVA_RETURN_IF_ERROR(GetSourceChunk(file_id, index, record));
  return record;
}

Status ApiClient::GetSourceChunk(const crypto::Id& file_id, uint64_t index, Bytes& record) {
  return GetRecord("/api/v1/source/files/" + IdText(file_id) + "/chunks/" + std::to_string(index),
                   false, record);
}

}  // namespace dojava::client
