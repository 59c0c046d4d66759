// What several no-JavaScript pages share (nojs_pages_impl.h): the Argon2id
// slots, the verified roster, files to chunks, forms and error pages.
#include <chrono>

#include "base/encoding.h"
#include "crypto/protocol_constants.h"
#include "service/nojs/nojs_pages_impl.h"

namespace dojava::nojs {

std::vector<payload::NewFile> NewFiles(const std::vector<PreparedFile>& files) {
  std::vector<payload::NewFile> out;
  for (const PreparedFile& f : files) {
    out.push_back(payload::NewFile{&f.secrets, f.file->content.size(), f.file->name, f.file->mime});
  }
  return out;
}

std::string_view NormaliseInto(std::string_view s, SecretBytes* storage) {
  *storage = SecretBytes(s.size());
  auto dst = storage->reveal_mut();
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      dst[n++] = '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      dst[n++] = static_cast<uint8_t>(s[i]);
    }
  }
  storage->Truncate(n);
  return storage->reveal_chars();
}

bool NojsPagesImpl::AcquireKdf() {
  std::unique_lock<std::mutex> lock(kdf_mu_);
  if (!kdf_cv_.wait_for(lock, std::chrono::milliseconds(options_.kdf_wait_ms),
                        [this] { return kdf_in_use_ < options_.kdf_concurrency; })) {
    return false;
  }
  ++kdf_in_use_;
  return true;
}

void NojsPagesImpl::ReleaseKdf() {
  {
    std::lock_guard<std::mutex> lock(kdf_mu_);
    --kdf_in_use_;
  }
  kdf_cv_.notify_one();
}

Result<PageRoster> NojsPagesImpl::Roster() { return PageRoster::Load(store_, true); }

std::vector<PreparedFile> NojsPagesImpl::PrepareFiles(const FormData& form) const {
  std::vector<PreparedFile> out;
  for (const FormFile& f : form.files()) {
    out.push_back(
        PreparedFile{crypto::FileSecrets::Generate(), crypto::ChunkCount(f.content.size()), &f});
  }
  return out;
}

bool NojsPagesImpl::FilesFit(const FormData& form, const service::Settings& settings) {
  for (const FormFile& f : form.files()) {
    if (crypto::ChunkCount(f.content.size()) >
        static_cast<uint64_t>(settings.max_chunks_per_file)) {
      return false;
    }
  }
  return true;
}

Status NojsPagesImpl::StoreFiles(const std::vector<PreparedFile>& files) {
  for (const PreparedFile& f : files) {
    const crypto::Id& id = f.secrets.file_id();
    DOJAVA_RETURN_IF_ERROR(store_->CreateUpload(id, static_cast<uint32_t>(f.chunks), std::nullopt));
    const ByteView content = f.file->content;
    for (uint64_t i = 0; i < f.chunks; ++i) {
      const bool last = i + 1 == f.chunks;
      const size_t from = static_cast<size_t>(i * protocol::kChunkPlainSize);
      const ByteView piece =
          content.subspan(from, last ? content.size() - from : protocol::kChunkPlainSize);
      DOJAVA_ASSIGN_OR_RETURN(Bytes record, crypto::EncryptChunk(f.secrets, i, last, piece));
      DOJAVA_RETURN_IF_ERROR(store_->PutChunk(id, static_cast<uint32_t>(i), record));
    }
  }
  return Status::Ok();
}

Result<FormData> NojsPagesImpl::ParseFileForm(const HttpRequest& request) const {
  FormLimits limits;
  limits.max_files = service::kMaxAttachmentsPerMessage;
  limits.max_field_bytes = static_cast<size_t>(options_.message_characters) * 4;
  return FormData::ParseMultipart(request.body.reveal(),
                                  request.Header("content-type").value_or(""), limits);
}

http::HttpResponse NojsPagesImpl::FormErrorPage(const HttpRequest& request, const Status& status,
                                                std::string_view back) const {
  const bool limit = status.code() == Code::kResourceExhausted;
  const std::string lang = html_.LangOf(request.query);  // the form's own field is unreadable
  return html_.ErrorPage(lang, limit ? 413 : 400,
                         cat_.Text(lang, limit ? "plain_err_too_large" : "plain_err_form",
                                   {{"max", html_.FormLimitText(lang)}}),
                         back);
}

http::HttpResponse NojsPagesImpl::StoreFailurePage(std::string_view lang, const Status& stored,
                                                   std::string_view back) const {
  const bool disk = stored.code() == Code::kResourceExhausted;
  return html_.ErrorPage(
      lang, disk ? 507 : 500,
      cat_.Text(lang, disk ? "err_api_insufficient_storage" : "err_api_internal"), back);
}

http::HttpResponse NojsPagesImpl::IntakeFailurePage(std::string_view lang, api::ApiError error,
                                                    std::string_view back) const {
  // The API's error code decides the words (the JS page's err_api_* keys).
  std::string key = "err_api_internal";
  const std::string_view code = api::ErrorCodeName(error);
  for (std::string_view known : {"not_ready", "roster_changed", "insufficient_storage", "conflict",
                                 "rate_limited", "not_found", "bad_request"}) {
    if (code == known) key = "err_api_" + std::string(code);
  }
  return html_.ErrorPage(lang, api::ErrorStatus(error), cat_.Text(lang, key), back);
}

http::HttpResponse NojsPagesImpl::InternalErrorPage(std::string_view lang,
                                                    std::string_view back) const {
  return html_.ErrorPage(lang, 500, cat_.Text(lang, "err_api_internal"), back);
}

http::HttpResponse NojsPagesImpl::SessionExpiredPage(std::string_view lang) const {
  const int minutes = options_.session_idle_seconds / 60;
  return html_.ErrorPage(
      lang, 403,
      cat_.Plural(lang, "plain_err_session", minutes, {{"minutes", std::to_string(minutes)}}),
      "/plain/return");
}

std::shared_ptr<const PlainSessions::Conversation> NojsPagesImpl::SessionOf(
    const FormData& form, SecretBytes* token_text) {
  const std::string_view text = form.Text("token");
  if (text.size() != protocol::Base64UrlLength(kPlainTokenSize)) return nullptr;
  auto token = Base64UrlDecodeSecret(text);
  if (!token.ok()) return nullptr;
  *token_text = SecretBytes::Copy(text);
  return sessions_.Use(token->reveal());
}

}  // namespace dojava::nojs
