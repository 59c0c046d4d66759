// Reviewer-listener case routes of ApiService (service/API.md "Cases"). The
// token was checked by WithToken before any of these runs.
#include <limits>
#include <set>
#include <shared_mutex>

#include "base/encoding.h"
#include "crypto/protocol_constants.h"
#include "service/api/api_service.h"
#include "service/api/json_reader.h"
#include "service/api/request_parsing.h"

namespace dojava::api {

using http::HttpRequest;
using http::HttpResponse;
using http::RouteParams;

namespace {

constexpr uint64_t kMaxDay = 100'000'000;  // far beyond any real date; keeps arithmetic safe

void WriteCase(const service::CaseInfo& c, JsonWriter* w) {
  w->BeginObject();
  w->Key("case_id");
  w->String(Base64UrlEncode(c.case_id));
  w->Key("created_day");
  w->Int(c.created_day);
  w->Key("last_activity_day");
  w->Int(c.last_activity_day);
  w->Key("expiry_day");
  w->Int(c.expiry_day);
  w->EndObject();
}

void WriteSealedKey(const service::SealedKey& k, JsonWriter* w) {
  w->BeginObject();
  w->Key("recipient");
  w->String(k.reviewer ? Base64UrlEncode(*k.reviewer) : std::string("source"));
  w->Key("role");
  w->String(k.role == service::Role::kCaseKey ? "case" : "notes");
  w->Key("sealed");
  w->String(Base64UrlEncode(k.sealed));
  w->Key("generation");
  w->Uint(k.generation);
  w->EndObject();
}

}  // namespace

void WriteRekeys(const std::vector<std::pair<uint32_t, Bytes>>& rekeys, JsonWriter* w) {
  w->BeginArray();
  for (const auto& [generation, envelope] : rekeys) {
    w->BeginObject();
    w->Key("generation");
    w->Uint(generation);
    w->Key("envelope");
    w->String(Base64UrlEncode(envelope));
    w->EndObject();
  }
  w->EndArray();
}

namespace {

HttpResponse NoContent() {
  HttpResponse r;
  r.status = 204;
  return r;
}

}  // namespace

HttpResponse ApiService::ListCases(const HttpRequest& request, const RouteParams&) {
  if (!request.body.empty()) return ErrorResponse(ApiError::kBadRequest);
  auto query = ParseQuery(request.query, {"since", "after_day", "after_case", "limit"});
  if (!query.ok()) return ErrorResponse(ApiError::kBadRequest);
  uint64_t since = 0;
  uint64_t limit = static_cast<uint64_t>(options_.default_cases_per_page);
  std::optional<service::CaseCursor> after;
  if (auto it = query->find("since"); it != query->end()) {
    auto v = ParseDecimal(it->second, kMaxDay);
    if (!v.ok()) return ErrorResponse(ApiError::kBadRequest);
    since = *v;
  }
  if (auto it = query->find("limit"); it != query->end()) {
    auto v = ParseDecimal(it->second, static_cast<uint64_t>(options_.max_cases_per_page));
    if (!v.ok() || *v == 0) return ErrorResponse(ApiError::kBadRequest);
    limit = *v;
  }
  auto day_it = query->find("after_day");
  auto case_it = query->find("after_case");
  if ((day_it == query->end()) != (case_it == query->end())) {
    return ErrorResponse(ApiError::kBadRequest);  // both or neither
  }
  if (day_it != query->end()) {
    auto day = ParseDecimal(day_it->second, kMaxDay);
    auto id = ParseId(case_it->second);
    if (!day.ok() || !id.ok()) return ErrorResponse(ApiError::kBadRequest);
    after = service::CaseCursor{static_cast<service::Day>(*day), *id};
  }
  // One more than asked, to know whether there is a next page.
  auto cases = store_->ListCasesChangedSince(static_cast<service::Day>(since), after, limit + 1);
  if (!cases.ok()) return ErrorResponse(ErrorFromStore(cases.status()));
  const bool more = cases->size() > limit;
  if (more) cases->resize(limit);
  JsonWriter w;
  w.BeginObject();
  w.Key("cases");
  w.BeginArray();
  for (const auto& c : *cases) WriteCase(c, &w);
  w.EndArray();
  w.Key("next");
  if (more && !cases->empty()) {
    w.BeginObject();
    w.Key("after_day");
    w.Int(cases->back().last_activity_day);
    w.Key("after_case");
    w.String(Base64UrlEncode(cases->back().case_id));
    w.EndObject();
  } else {
    w.Null();
  }
  w.EndObject();
  return http::JsonOk(w.Take());
}

HttpResponse ApiService::GetCase(const HttpRequest& request, const RouteParams& params) {
  if (!request.query.empty() || !request.body.empty()) {
    return ErrorResponse(ApiError::kBadRequest);
  }
  auto case_id = ParseId(params.Get("case_id"));
  if (!case_id.ok()) return ErrorResponse(ApiError::kBadRequest);
  auto info = store_->GetCase(*case_id);
  if (!info.ok()) return ErrorResponse(ErrorFromStore(info.status()));
  auto keys = store_->GetSealedKeys(*case_id);
  if (!keys.ok()) return ErrorResponse(ErrorFromStore(keys.status()));
  auto statements = store_->GetCaseStatements(*case_id);
  if (!statements.ok()) return ErrorResponse(ErrorFromStore(statements.status()));
  JsonWriter w;
  w.BeginObject();
  w.Key("case");
  WriteCase(*info, &w);
  w.Key("keys");
  w.BeginArray();
  for (const auto& k : *keys) WriteSealedKey(k, &w);
  w.EndArray();
  w.Key("geneses");  // one per CK (§7.2)
  w.BeginArray();
  for (const Bytes& g : statements->geneses) w.String(Base64UrlEncode(g));
  w.EndArray();
  w.Key("anchors");
  w.BeginArray();
  for (const Bytes& a : statements->anchors) w.String(Base64UrlEncode(a));
  w.EndArray();
  w.Key("rekeys");
  WriteRekeys(statements->rekeys, &w);
  // What a re-keying reviewer seals CK' to (PROTOCOL.md §7.3).
  w.Key("source_public_key");
  w.String(Base64UrlEncode(info->source_public_key));
  w.EndObject();
  return http::JsonOk(w.Take());
}

HttpResponse ApiService::GetCaseMessages(const HttpRequest& request, const RouteParams& params) {
  if (!request.body.empty()) return ErrorResponse(ApiError::kBadRequest);
  auto case_id = ParseId(params.Get("case_id"));
  auto after = ParseAfter(request);
  if (!case_id.ok() || !after.ok()) return ErrorResponse(ApiError::kBadRequest);
  auto info = store_->GetCase(*case_id);
  if (!info.ok()) return ErrorResponse(ErrorFromStore(info.status()));
  JsonWriter w;
  w.BeginObject();
  if (auto error = WriteMessages(*case_id, *after, /*source_view=*/false, &w)) return *error;
  w.EndObject();
  return http::JsonOk(w.Take());
}

HttpResponse ApiService::PostCaseMessage(const HttpRequest& request, const RouteParams& params,
                                         const Reviewer& reviewer) {
  ApiError error;
  auto post = ParseMessagePost(request, &error);
  if (!post.ok()) return ErrorResponse(error);
  auto case_id = ParseId(params.Get("case_id"));
  if (!case_id.ok()) return ErrorResponse(ApiError::kBadRequest);
  uint8_t kind = 0;
  auto record = ParseRecord(post->record_text, *case_id,
                            {protocol::kKindConversation, protocol::kKindNotes}, &kind);
  if (!record.ok()) return ErrorResponse(RecordError(record.status()));
  std::vector<service::SealedKey> keys;
  if (auto denied = RequireCaseKey(*case_id, reviewer, &keys)) return *denied;
  if (kind == protocol::kKindNotes) {
    // A notes record needs a genesis of the case (§7.2).
    auto statements = store_->GetCaseStatements(*case_id);
    if (!statements.ok()) return ErrorResponse(ErrorFromStore(statements.status()));
    if (statements->geneses.empty()) return ErrorResponse(ApiError::kConflict);
  }
  return SeqResponse(Append(*case_id, *record, post->files));
}

HttpResponse ApiService::PostCaseKeys(const HttpRequest& request, const RouteParams& params,
                                      const Reviewer& reviewer) {
  if (!HasJsonContentType(request)) return ErrorResponse(ApiError::kUnsupportedMediaType);
  if (!request.query.empty()) return ErrorResponse(ApiError::kBadRequest);
  auto case_id = ParseId(params.Get("case_id"));
  if (!case_id.ok()) return ErrorResponse(ApiError::kBadRequest);
  auto object = JsonObject::Parse(request.body.reveal_chars());
  if (!object.ok()) return ErrorResponse(ApiError::kBadRequest);
  auto keys_json = object->Array("keys");
  auto genesis = TakeGenesis(*object);  // §7.4: in clear and sealed
  const JsonValue* reseal = object->Take("reseal");
  if (!keys_json.ok() || !genesis.ok() || !object->Finish().ok()) {
    return ErrorResponse(ApiError::kBadRequest);
  }
  if (reseal != nullptr) {  // §12.4: a reviewer's own rows, sealed to its new key
    if (reseal->type() != JsonValue::Type::kBool || !reseal->bool_value() || genesis->has_value()) {
      return ErrorResponse(ApiError::kBadRequest);
    }
    auto keys = ParseSealedKeys(**keys_json);
    if (!keys.ok()) return ErrorResponse(ApiError::kBadRequest);
    return ResealOwnKeys(*case_id, *keys, reviewer);
  }
  auto keys = ParseSealedKeys(**keys_json);
  if (!keys.ok()) return ErrorResponse(ApiError::kBadRequest);
  for (const auto& k : *keys) {
    if (!k.reviewer) return ErrorResponse(ApiError::kBadRequest);  // never the source
  }
  std::shared_lock<std::shared_mutex> roster_stable(install_mu_);  // until written
  std::vector<service::SealedKey> stored;
  if (auto denied = RequireCaseKey(*case_id, reviewer, &stored)) return *denied;
  std::shared_ptr<const InstalledRoster> roster = CurrentRoster();
  if (!roster) return ErrorResponse(ApiError::kNotReady);
  for (const auto& k : *keys) {
    if (!roster->IsActive(*k.reviewer)) return ErrorResponse(ApiError::kRosterChanged);
  }
  if (!NotesKeysFollowCaseKeys(stored, *keys)) return ErrorResponse(ApiError::kBadRequest);
  // The generations of the notes keys sent, and those the case already has.
  std::set<uint32_t> notes_sent, notes_stored;
  for (const auto& k : *keys) {
    if (k.role == service::Role::kNotesKey) notes_sent.insert(k.generation);
  }
  for (const auto& k : stored) {
    if (k.role == service::Role::kNotesKey) notes_stored.insert(k.generation);
  }
  bool new_notes = false;  // the first notes keys of a generation
  for (uint32_t g : notes_sent) new_notes |= notes_stored.count(g) == 0;
  if (*genesis) {
    // A genesis names the recipients of one NK: the notes keys of one generation.
    if (notes_sent.size() != 1) return ErrorResponse(ApiError::kBadRequest);
    const ByteView clear = (*genesis)->statement;
    if (auto refused = CheckGenesis(*case_id, reviewer, clear, *keys, *roster)) return *refused;
  } else if (new_notes) {
    // The first notes keys of a generation of a v2 case come with their genesis (§7.2).
    auto first = store_->ListMessages(*case_id, 0, 1, service::kMaxMessageRecordSize);
    if (!first.ok()) return ErrorResponse(ErrorFromStore(first.status()));
    if (!first->empty() && !first->front().record.empty() &&
        first->front().record[0] == protocol::kVersion2) {
      return ErrorResponse(ApiError::kBadRequest);
    }
  }
  // Only the envelope is stored (§7.4): the clear genesis is dropped here.
  std::optional<Bytes> envelope;
  if (*genesis) envelope = std::move((*genesis)->envelope);
  Status s = store_->AddSealedKeys(*case_id, *keys, envelope);
  if (!s.ok()) return ErrorResponse(ErrorFromStore(s));
  return NoContent();
}

HttpResponse ApiService::GetCaseChunk(const HttpRequest& request, const RouteParams& params) {
  if (!request.query.empty() || !request.body.empty()) {
    return ErrorResponse(ApiError::kBadRequest);
  }
  auto case_id = ParseId(params.Get("case_id"));
  auto file_id = ParseId(params.Get("file_id"));
  auto index = ParseDecimal(params.Get("index"), std::numeric_limits<uint32_t>::max());
  if (!case_id.ok() || !file_id.ok() || !index.ok()) return ErrorResponse(ApiError::kBadRequest);
  auto chunk = store_->GetChunk(*case_id, *file_id, static_cast<uint32_t>(*index));
  if (!chunk.ok()) return ErrorResponse(ErrorFromStore(chunk.status()));
  HttpResponse r;
  r.content_type = "application/octet-stream";
  r.body.assign(reinterpret_cast<const char*>(chunk->data()), chunk->size());
  return r;
}

}  // namespace dojava::api
