// Source-listener routes of ApiService (service/API.md "Source listener"),
// and the checks shared with the reviewer routes (records, files, paging).
#include <algorithm>
#include <limits>
#include <set>

#include "base/encoding.h"
#include "crypto/message.h"
#include "crypto/protocol_constants.h"
#include "crypto/receipt.h"
#include "service/api/api_service.h"
#include "service/api/json_reader.h"
#include "service/api/request_parsing.h"

namespace dojava::api {

using http::HttpRequest;
using http::HttpResponse;
using http::RouteParams;

namespace {

constexpr std::string_view kLookupKeyHeader = "x-dojava-lookup-key";
// Messages read from the store per step while filling one response.
constexpr size_t kMessagesPerStep = 64;

HttpResponse Octets(Bytes bytes) {
  HttpResponse r;
  r.content_type = "application/octet-stream";
  r.body.assign(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  return r;
}

}  // namespace

// --- shared checks -------------------------------------------------------------

Result<Bytes> ApiService::ParseRecord(std::string_view text, const service::Id& case_id,
                                      std::initializer_list<uint8_t> kinds, uint8_t* kind_out) {
  DOJAVA_ASSIGN_OR_RETURN(Bytes record, ParseBytes(text, service::kMaxMessageRecordSize));
  auto header = crypto::ParseMessageHeader(record);
  if (!header.ok()) return Status(Code::kMalformed, "not a message record");
  if (header->case_id != case_id) return Status(Code::kMalformed, "record of another case");
  if (std::find(kinds.begin(), kinds.end(), header->kind) == kinds.end()) {
    return Status(Code::kMalformed, "wrong record kind");
  }
  if (kind_out != nullptr) *kind_out = header->kind;
  return record;
}

std::optional<ApiError> ApiService::CheckFilesBindable(const std::vector<service::Id>& files) {
  for (const service::Id& file : files) {
    auto status = store_->GetUploadStatus(file);
    if (!status.ok()) return ErrorFromStore(status.status());
    if (!status->missing.empty()) return ApiError::kConflict;  // upload not finished
  }
  return std::nullopt;
}

HttpResponse ApiService::Append(const service::Id& case_id, const Bytes& record,
                                const std::vector<service::Id>& files) {
  if (auto error = CheckFilesBindable(files)) return ErrorResponse(*error);
  auto seq = store_->AppendMessage(case_id, record, files);
  if (!seq.ok()) {
    // An upload that became unfinished between the check and the write
    // cannot happen (chunks are never removed from an upload), but the
    // store's answer for it is kInvalidArgument: still a conflict.
    if (seq.code() == Code::kInvalidArgument && !files.empty()) {
      return ErrorResponse(ApiError::kConflict);
    }
    if (seq.code() == Code::kResourceExhausted) return ErrorResponse(ApiError::kConflict);
    return ErrorResponse(ErrorFromStore(seq.status()));
  }
  JsonWriter w;
  w.BeginObject();
  w.Key("seq");
  w.Uint(*seq);
  w.EndObject();
  return http::JsonOk(w.Take(), 201);
}

Result<uint64_t> ApiService::ParseAfter(const HttpRequest& request) {
  DOJAVA_ASSIGN_OR_RETURN(auto query, ParseQuery(request.query, {"after"}));
  auto it = query.find("after");
  if (it == query.end()) return uint64_t{0};
  return ParseDecimal(it->second, static_cast<uint64_t>(std::numeric_limits<int64_t>::max()));
}

std::optional<HttpResponse> ApiService::WriteMessages(const service::Id& case_id, uint64_t after,
                                                      bool source_view, JsonWriter* w) {
  w->Key("messages");
  w->BeginArray();
  size_t bytes = 0;
  size_t count = 0;
  bool more = false;
  uint64_t cursor = after;
  bool done = false;
  while (!done) {
    auto page =
        store_->ListMessages(case_id, cursor, kMessagesPerStep, options_.max_response_record_bytes);
    if (!page.ok()) return ErrorResponse(ErrorFromStore(page.status()));
    if (page->empty()) break;
    for (const service::Message& m : *page) {
      if (source_view) {
        auto header = crypto::ParseMessageHeader(m.record);
        if (!header.ok() || header->kind != protocol::kKindConversation) {
          cursor = m.seq;  // reviewer notes are never shown to the source
          continue;
        }
      }
      if (count > 0 && bytes + m.record.size() > options_.max_response_record_bytes) {
        more = true;
        done = true;
        break;
      }
      w->BeginObject();
      w->Key("seq");
      w->Uint(m.seq);
      w->Key("day");
      w->Int(m.day);
      w->Key("record");
      w->String(Base64UrlEncode(m.record));
      w->EndObject();
      bytes += m.record.size();
      ++count;
      cursor = m.seq;
    }
  }
  w->EndArray();
  w->Key("more");
  w->Bool(more);
  return std::nullopt;
}

// --- POST /api/v1/cases ----------------------------------------------------------

HttpResponse ApiService::PostCase(const HttpRequest& request, const RouteParams&) {
  if (!HasJsonContentType(request)) return ErrorResponse(ApiError::kUnsupportedMediaType);
  if (!request.query.empty()) return ErrorResponse(ApiError::kBadRequest);
  auto object = JsonObject::Parse(request.body.reveal_chars());
  if (!object.ok()) return ErrorResponse(ApiError::kBadRequest);
  auto case_text = object->String("case_id");
  auto lookup_text = object->String("lookup_key");
  auto source_text = object->String("source_public_key");
  auto keys_json = object->Array("keys");
  auto message_text = object->String("message");
  auto files_json = object->OptionalArray("files");
  if (!case_text.ok() || !lookup_text.ok() || !source_text.ok() || !keys_json.ok() ||
      !message_text.ok() || !files_json.ok() || !object->Finish().ok()) {
    return ErrorResponse(ApiError::kBadRequest);
  }
  service::NewCase c;
  auto case_id = ParseId(*case_text);
  if (!case_id.ok()) return ErrorResponse(ApiError::kBadRequest);
  c.case_id = *case_id;
  // The lookup key lives in wiped memory and only its hash goes further.
  if (lookup_text->size() != 43) return ErrorResponse(ApiError::kBadRequest);
  auto lookup_key = Base64UrlDecodeSecret(*lookup_text);
  if (!lookup_key.ok() || lookup_key->size() != 32) return ErrorResponse(ApiError::kBadRequest);
  auto source_public = ParseFixed<protocol::kX25519Size>(*source_text);
  if (!source_public.ok()) return ErrorResponse(ApiError::kBadRequest);
  c.source_public_key = *source_public;
  auto keys = ParseSealedKeys(**keys_json);
  if (!keys.ok()) return ErrorResponse(ApiError::kBadRequest);
  auto record = ParseRecord(*message_text, c.case_id, {protocol::kKindConversation}, nullptr);
  if (!record.ok()) return ErrorResponse(ApiError::kBadRequest);
  auto files = ParseFileIds(**files_json);
  if (!files.ok()) return ErrorResponse(ApiError::kBadRequest);

  // Keys: one CK for the source, one CK for every reviewer of the roster,
  // nothing else. A notes key here is a client error, not a roster change.
  bool source_key = false;
  std::set<crypto::Id> reviewers;
  for (const service::SealedKey& k : *keys) {
    if (k.role != service::Role::kCaseKey) return ErrorResponse(ApiError::kBadRequest);
    if (k.reviewer) {
      reviewers.insert(*k.reviewer);
    } else {
      source_key = true;
    }
  }
  if (!source_key) return ErrorResponse(ApiError::kBadRequest);
  std::shared_lock<std::shared_mutex> roster_stable(install_mu_);  // until written
  std::shared_ptr<const InstalledRoster> roster = CurrentRoster();
  if (!roster) return ErrorResponse(ApiError::kNotReady);
  std::set<crypto::Id> expected;
  for (const auto& e : roster->roster.entries()) expected.insert(e.reviewer_id);
  if (reviewers != expected) return ErrorResponse(ApiError::kRosterChanged);
  if (auto error = CheckFilesBindable(*files)) return ErrorResponse(*error);

  const Bytes hash = crypto::LookupHash(lookup_key->reveal());
  std::copy(hash.begin(), hash.end(), c.lookup_hash.begin());
  c.keys = std::move(keys).value();
  c.first_message = std::move(record).value();
  c.attachments = std::move(files).value();
  Status s = store_->CreateCase(c);
  if (!s.ok()) {
    if (s.code() == Code::kInvalidArgument && !c.attachments.empty()) {
      return ErrorResponse(ApiError::kConflict);
    }
    return ErrorResponse(ErrorFromStore(s));
  }
  JsonWriter w;
  w.BeginObject();
  w.Key("case_id");
  w.String(Base64UrlEncode(c.case_id));
  w.Key("seq");
  w.Int(1);
  w.EndObject();
  return http::JsonOk(w.Take(), 201);
}

// --- returning with the lookup key ----------------------------------------------

Result<service::CaseInfo> ApiService::CaseOfLookupKey(const HttpRequest& request) {
  auto key = ParseSecretHeader(request, kLookupKeyHeader);
  if (!key.ok()) return Status(Code::kNotFound, "unknown case");
  const Bytes hash = crypto::LookupHash(key->reveal());
  service::LookupHash lookup{};
  std::copy(hash.begin(), hash.end(), lookup.begin());
  return store_->FindCaseByLookupHash(lookup);
}

HttpResponse ApiService::GetSourceCase(const HttpRequest& request, const RouteParams&) {
  if (!request.body.empty()) return ErrorResponse(ApiError::kBadRequest);
  auto after = ParseAfter(request);
  if (!after.ok()) return ErrorResponse(ApiError::kBadRequest);
  auto info = CaseOfLookupKey(request);
  if (!info.ok()) return ErrorResponse(ErrorFromStore(info.status()));
  auto keys = store_->GetSealedKeys(info->case_id);
  if (!keys.ok()) return ErrorResponse(ErrorFromStore(keys.status()));
  const service::SealedKey* source_key = nullptr;
  for (const auto& k : *keys) {
    if (!k.reviewer && k.role == service::Role::kCaseKey) source_key = &k;
  }
  if (source_key == nullptr) return ErrorResponse(ApiError::kInternal);
  JsonWriter w;
  w.BeginObject();
  w.Key("case_id");
  w.String(Base64UrlEncode(info->case_id));
  w.Key("sealed_key");
  w.String(Base64UrlEncode(source_key->sealed));
  if (auto error = WriteMessages(info->case_id, *after, /*source_view=*/true, &w)) {
    return *error;
  }
  w.EndObject();
  return http::JsonOk(w.Take());
}

Result<ApiService::MessagePost> ApiService::ParseMessagePost(const HttpRequest& request,
                                                             ApiError* error) {
  const Status bad(Code::kInvalidArgument, "bad message post");
  *error = ApiError::kBadRequest;
  if (!HasJsonContentType(request)) {
    *error = ApiError::kUnsupportedMediaType;
    return bad;
  }
  if (!request.query.empty()) return bad;
  auto object = JsonObject::Parse(request.body.reveal_chars());
  if (!object.ok()) return bad;
  auto message_text = object->String("message");
  auto files_json = object->OptionalArray("files");
  if (!message_text.ok() || !files_json.ok() || !object->Finish().ok()) return bad;
  auto files = ParseFileIds(**files_json);
  if (!files.ok()) return bad;
  return MessagePost{std::string(*message_text), std::move(files).value()};
}

HttpResponse ApiService::PostSourceMessage(const HttpRequest& request, const RouteParams&) {
  ApiError error;
  auto post = ParseMessagePost(request, &error);
  if (!post.ok()) return ErrorResponse(error);
  auto info = CaseOfLookupKey(request);
  if (!info.ok()) return ErrorResponse(ErrorFromStore(info.status()));
  auto record =
      ParseRecord(post->record_text, info->case_id, {protocol::kKindConversation}, nullptr);
  if (!record.ok()) return ErrorResponse(ApiError::kBadRequest);
  return Append(info->case_id, *record, post->files);
}

HttpResponse ApiService::GetSourceChunk(const HttpRequest& request, const RouteParams& params) {
  if (!request.query.empty() || !request.body.empty()) {
    return ErrorResponse(ApiError::kBadRequest);
  }
  auto file_id = ParseId(params.Get("file_id"));
  auto index = ParseDecimal(params.Get("index"), std::numeric_limits<uint32_t>::max());
  if (!file_id.ok() || !index.ok()) return ErrorResponse(ApiError::kBadRequest);
  auto info = CaseOfLookupKey(request);
  if (!info.ok()) return ErrorResponse(ErrorFromStore(info.status()));
  auto chunk = store_->GetChunk(info->case_id, *file_id, static_cast<uint32_t>(*index));
  if (!chunk.ok()) return ErrorResponse(ErrorFromStore(chunk.status()));
  return Octets(std::move(chunk).value());
}

}  // namespace dojava::api
