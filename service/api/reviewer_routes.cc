// Reviewer-listener case routes of ApiService (service/API.md "Cases"). The
// token was checked by WithToken before any of these runs.
#include <limits>
#include <set>

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
  w->EndObject();
}

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
  JsonWriter w;
  w.BeginObject();
  w.Key("case");
  WriteCase(*info, &w);
  w.Key("keys");
  w.BeginArray();
  for (const auto& k : *keys) WriteSealedKey(k, &w);
  w.EndArray();
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

HttpResponse ApiService::PostCaseMessage(const HttpRequest& request, const RouteParams& params) {
  ApiError error;
  auto post = ParseMessagePost(request, &error);
  if (!post.ok()) return ErrorResponse(error);
  auto case_id = ParseId(params.Get("case_id"));
  if (!case_id.ok()) return ErrorResponse(ApiError::kBadRequest);
  uint8_t kind = 0;
  auto record = ParseRecord(post->record_text, *case_id,
                            {protocol::kKindConversation, protocol::kKindNotes}, &kind);
  if (!record.ok()) return ErrorResponse(ApiError::kBadRequest);
  auto keys = store_->GetSealedKeys(*case_id);
  if (!keys.ok()) return ErrorResponse(ErrorFromStore(keys.status()));
  if (kind == protocol::kKindNotes) {
    bool has_notes_key = false;
    for (const auto& k : *keys) has_notes_key |= k.role == service::Role::kNotesKey;
    if (!has_notes_key) return ErrorResponse(ApiError::kConflict);
  }
  return SeqResponse(Append(*case_id, *record, post->files));
}

HttpResponse ApiService::PostCaseKeys(const HttpRequest& request, const RouteParams& params) {
  if (!HasJsonContentType(request)) return ErrorResponse(ApiError::kUnsupportedMediaType);
  if (!request.query.empty()) return ErrorResponse(ApiError::kBadRequest);
  auto case_id = ParseId(params.Get("case_id"));
  if (!case_id.ok()) return ErrorResponse(ApiError::kBadRequest);
  auto object = JsonObject::Parse(request.body.reveal_chars());
  if (!object.ok()) return ErrorResponse(ApiError::kBadRequest);
  auto keys_json = object->Array("keys");
  if (!keys_json.ok() || !object->Finish().ok()) return ErrorResponse(ApiError::kBadRequest);
  auto keys = ParseSealedKeys(**keys_json);
  if (!keys.ok()) return ErrorResponse(ApiError::kBadRequest);
  for (const auto& k : *keys) {
    if (!k.reviewer) return ErrorResponse(ApiError::kBadRequest);  // never the source
  }
  auto info = store_->GetCase(*case_id);
  if (!info.ok()) return ErrorResponse(ErrorFromStore(info.status()));
  std::shared_lock<std::shared_mutex> roster_stable(install_mu_);  // until written
  std::shared_ptr<const InstalledRoster> roster = CurrentRoster();
  if (!roster) return ErrorResponse(ApiError::kNotReady);
  for (const auto& k : *keys) {
    if (!roster->IsActive(*k.reviewer)) return ErrorResponse(ApiError::kRosterChanged);
  }
  Status s = store_->AddSealedKeys(*case_id, *keys, std::nullopt);
  if (!s.ok()) return ErrorResponse(ErrorFromStore(s));
  return NoContent();
}

HttpResponse ApiService::DeleteCase(const HttpRequest& request, const RouteParams& params) {
  if (!request.query.empty() || !request.body.empty()) {
    return ErrorResponse(ApiError::kBadRequest);
  }
  auto case_id = ParseId(params.Get("case_id"));
  if (!case_id.ok()) return ErrorResponse(ApiError::kBadRequest);
  Status s = store_->DeleteCase(*case_id);
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
