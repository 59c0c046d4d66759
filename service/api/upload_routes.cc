// Upload routes of ApiService (service/API.md "Attachments"), the same on
// both listeners (the reviewer's behind a token).
#include <limits>

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

HttpResponse UploadStatusResponse(const service::Id& file_id, const service::UploadStatus& status,
                                  int http_status) {
  JsonWriter w;
  w.BeginObject();
  w.Key("file_id");
  w.String(Base64UrlEncode(file_id));
  w.Key("chunks");
  w.Uint(status.chunk_count);
  w.Key("missing");
  w.BeginArray();
  for (uint32_t i : status.missing) w.Uint(i);
  w.EndArray();
  w.EndObject();
  return http::JsonOk(w.Take(), http_status);
}

}  // namespace

HttpResponse ApiService::PostUpload(const HttpRequest& request, const RouteParams&) {
  if (!HasJsonContentType(request)) return ErrorResponse(ApiError::kUnsupportedMediaType);
  if (!request.query.empty()) return ErrorResponse(ApiError::kBadRequest);
  auto settings = store_->GetSettings();
  if (!settings.ok()) return ErrorResponse(ApiError::kInternal);
  auto object = JsonObject::Parse(request.body.reveal_chars());
  if (!object.ok()) return ErrorResponse(ApiError::kBadRequest);
  auto file_text = object->String("file_id");
  auto chunks = object->Int("chunks", 1, settings->max_chunks_per_file);
  if (!file_text.ok() || !chunks.ok() || !object->Finish().ok()) {
    return ErrorResponse(ApiError::kBadRequest);
  }
  auto file_id = ParseId(*file_text);
  if (!file_id.ok()) return ErrorResponse(ApiError::kBadRequest);
  const auto count = static_cast<uint32_t>(*chunks);

  // A repeated call is a resume: answer what is missing.
  auto existing = store_->GetUploadStatus(*file_id);
  if (existing.ok()) {
    if (existing->chunk_count != count) return ErrorResponse(ApiError::kConflict);
    return UploadStatusResponse(*file_id, *existing, 200);
  }
  if (existing.code() != Code::kNotFound) return ErrorResponse(ErrorFromStore(existing.status()));
  Status created = store_->CreateUpload(*file_id, count, std::nullopt);
  if (!created.ok()) return ErrorResponse(ErrorFromStore(created));
  auto status = store_->GetUploadStatus(*file_id);
  if (!status.ok()) return ErrorResponse(ApiError::kInternal);
  return UploadStatusResponse(*file_id, *status, 201);
}

HttpResponse ApiService::PutChunk(const HttpRequest& request, const RouteParams& params) {
  if (!HasOctetStreamContentType(request)) {
    return ErrorResponse(ApiError::kUnsupportedMediaType);
  }
  if (!request.query.empty()) return ErrorResponse(ApiError::kBadRequest);
  auto file_id = ParseId(params.Get("file_id"));
  auto index = ParseDecimal(params.Get("index"), std::numeric_limits<uint32_t>::max());
  if (!file_id.ok() || !index.ok()) return ErrorResponse(ApiError::kBadRequest);
  const ByteView record = request.body.reveal();
  // PROTOCOL.md §9.2: version(1) || AEAD(...), exactly 524305 bytes.
  if (record.size() != protocol::kChunkRecordSize || record[0] != protocol::kVersion) {
    return ErrorResponse(ApiError::kBadRequest);
  }
  Status s = store_->PutChunk(*file_id, static_cast<uint32_t>(*index), record);
  if (!s.ok()) return ErrorResponse(ErrorFromStore(s));
  HttpResponse r;
  r.status = 204;
  return r;
}

HttpResponse ApiService::GetUpload(const HttpRequest& request, const RouteParams& params) {
  if (!request.query.empty() || !request.body.empty()) {
    return ErrorResponse(ApiError::kBadRequest);
  }
  auto file_id = ParseId(params.Get("file_id"));
  if (!file_id.ok()) return ErrorResponse(ApiError::kBadRequest);
  auto status = store_->GetUploadStatus(*file_id);
  if (!status.ok()) return ErrorResponse(ErrorFromStore(status.status()));
  return UploadStatusResponse(*file_id, *status, 200);
}

}  // namespace dojava::api
