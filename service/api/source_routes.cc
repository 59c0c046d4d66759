// Source-listener routes of ApiService (service/API.md "Source listener"),
// and the checks shared with the reviewer routes (records, files, paging).
#include <algorithm>
#include <limits>

#include "base/encoding.h"
#include "crypto/message_v2.h"
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

Status ApiService::CheckRecord(ByteView record, const service::Id& case_id,
                               std::initializer_list<uint8_t> kinds, uint8_t* kind_out) {
  // Version 2 only (PROTOCOL.md §8.1): a version-1 record is
  // kUnsupportedVersion, anything else that does not parse kMalformed.
  if (!record.empty() && record[0] != protocol::kVersion2) {
    return Status(Code::kUnsupportedVersion, "not a version-2 message record");
  }
  auto header = crypto::v2::ParseMessageHeader(record);
  if (!header.ok()) return Status(Code::kMalformed, "not a message record");
  const uint8_t kind = header->kind;
  const crypto::Id& record_case = header->case_id;
  if (record_case != case_id) return Status(Code::kMalformed, "record of another case");
  if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) {
    return Status(Code::kMalformed, "wrong record kind");
  }
  if (kind_out != nullptr) *kind_out = kind;
  return Status::Ok();
}

ApiError ApiService::RecordError(const Status& status) {
  return status.code() == Code::kUnsupportedVersion ? ApiError::kUnsupportedVersion
                                                    : ApiError::kBadRequest;
}

Result<Bytes> ApiService::ParseRecord(std::string_view text, const service::Id& case_id,
                                      std::initializer_list<uint8_t> kinds, uint8_t* kind_out) {
  DOJAVA_ASSIGN_OR_RETURN(Bytes record, ParseBytes(text, service::kMaxMessageRecordSize));
  DOJAVA_RETURN_IF_ERROR(CheckRecord(record, case_id, kinds, kind_out));
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

HttpResponse ApiService::SeqResponse(const IntakeResult& result) {
  if (!result.ok()) return ErrorResponse(*result.error);
  JsonWriter w;
  w.BeginObject();
  w.Key("seq");
  w.Uint(result.seq);
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
        // Stored records passed CheckRecord when written: the kind is
        // byte 1 (PROTOCOL.md §8.1).
        if (m.record.size() < 2 || m.record[1] != protocol::kKindConversation) {
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
  NewCaseRequest c;
  auto case_id = ParseId(*case_text);
  if (!case_id.ok()) return ErrorResponse(ApiError::kBadRequest);
  c.case_id = *case_id;
  // The lookup key lives in wiped memory and only its hash goes further.
  if (lookup_text->size() != protocol::kKeyBase64Length) {
    return ErrorResponse(ApiError::kBadRequest);
  }
  auto lookup_key = Base64UrlDecodeSecret(*lookup_text);
  if (!lookup_key.ok()) return ErrorResponse(ApiError::kBadRequest);
  c.lookup_key = std::move(lookup_key).value();
  auto source_public = ParseFixed<protocol::kX25519Size>(*source_text);
  if (!source_public.ok()) return ErrorResponse(ApiError::kBadRequest);
  c.source_public_key = *source_public;
  auto keys = ParseSealedKeys(**keys_json);
  if (!keys.ok()) return ErrorResponse(ApiError::kBadRequest);
  c.keys = std::move(keys).value();
  auto record = ParseBytes(*message_text, service::kMaxMessageRecordSize);
  if (!record.ok()) return ErrorResponse(ApiError::kBadRequest);
  c.first_message = std::move(record).value();
  auto files = ParseFileIds(**files_json);
  if (!files.ok()) return ErrorResponse(ApiError::kBadRequest);
  c.files = std::move(files).value();

  const IntakeResult created = CreateCase(c);
  if (!created.ok()) return ErrorResponse(*created.error);
  JsonWriter w;
  w.BeginObject();
  w.Key("case_id");
  w.String(Base64UrlEncode(c.case_id));
  w.Key("seq");
  w.Uint(created.seq);
  w.EndObject();
  return http::JsonOk(w.Take(), 201);
}

// --- returning with the lookup key ----------------------------------------------

Result<service::CaseInfo> ApiService::CaseOfLookupKey(const HttpRequest& request) {
  auto key = ParseSecretHeader(request, kLookupKeyHeader);
  if (!key.ok()) return Status(Code::kNotFound, "unknown case");
  return CaseOfLookupKey(*key);
}

Result<service::CaseInfo> ApiService::CaseOfLookupKey(const SecretBytes& lookup_key) {
  if (lookup_key.size() != protocol::kKeySize) return Status(Code::kNotFound, "unknown case");
  const Bytes hash = crypto::LookupHash(lookup_key.reveal());
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
  // Signed re-keys (§7.3): the source opens CK' from a statement it checks.
  auto statements = store_->GetCaseStatements(info->case_id);
  if (!statements.ok()) return ErrorResponse(ErrorFromStore(statements.status()));
  w.Key("rekeys");
  WriteRekeys(statements->rekeys, &w);
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
  auto key = ParseSecretHeader(request, kLookupKeyHeader);
  if (!key.ok()) return ErrorResponse(ApiError::kNotFound);
  FollowUpRequest f;
  f.lookup_key = std::move(key).value();
  // A record that does not decode stays empty: refused after the case lookup.
  auto record = ParseBytes(post->record_text, service::kMaxMessageRecordSize);
  if (record.ok()) f.record = std::move(record).value();
  f.files = std::move(post->files);
  return SeqResponse(PostFollowUp(f));
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
