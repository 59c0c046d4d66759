// POST /plain/file: a reviewer's file, decrypted on the server for a source
// without JavaScript (nojs_pages_impl.h).
#include "service/nojs/nojs_pages_impl.h"

namespace dojava::nojs {
namespace {

constexpr size_t kMaxFileFormFieldBytes = 100;
constexpr size_t kMaxIndexDigits = 9;

// A canonical small decimal, or -1.
int64_t SmallNumber(std::string_view s) {
  if (s.empty() || s.size() > kMaxIndexDigits ||
      s.find_first_not_of("0123456789") != std::string_view::npos) {
    return -1;
  }
  return std::stoll(std::string(s));
}

// An ASCII name for the download; the real name is on the page.
std::string AsciiName(std::string_view name) {
  std::string out;
  for (char ch : name) {
    const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                    (ch >= '0' && ch <= '9') || ch == '.' || ch == '-' || ch == '_';
    out += ok ? ch : '_';
  }
  if (out.empty() || out[0] == '.') out = "file" + out;
  return out;
}

}  // namespace

http::HttpResponse NojsPagesImpl::PostFile(const HttpRequest& request) {
  FormLimits limits;
  limits.max_parts = 6;
  limits.max_field_bytes = kMaxFileFormFieldBytes;
  auto form = FormData::ParseUrlEncoded(request.body.reveal(), limits);
  if (!form.ok()) {
    const std::string lang = html_.LangOf(request.query);
    return html_.ErrorPage(lang, 400, cat_.Text(lang, "plain_err_form"), "/plain/return");
  }
  const std::string lang(cat_.Choose(form->Text("lang")));
  SecretBytes token_text;
  auto c = SessionOf(*form, &token_text);
  if (!c) return SessionExpiredPage(lang);
  auto back = [&](int status, std::string_view notice) {
    return ConversationPage(lang, *c, token_text.reveal_chars(), notice, status);
  };
  const int64_t seq = SmallNumber(form->Text("seq"));
  const int64_t n = SmallNumber(form->Text("n"));
  Status st;
  std::vector<Entry> entries = OpenEntries(*c, &st);
  const payload::FileRef* ref = nullptr;
  for (const Entry& e : entries) {
    if (static_cast<int64_t>(e.seq) == seq && n >= 0 &&
        static_cast<size_t>(n) < e.body.files.size()) {
      ref = &e.body.files[static_cast<size_t>(n)];
    }
  }
  if (!st.ok() || ref == nullptr) return back(404, cat_.Text(lang, "err_api_not_found"));
  if (ref->size > options_.max_download_bytes) {
    return back(
        413, cat_.Text(lang, "plain_file_too_large", {{"size", SizeText(cat_, lang, ref->size)}}));
  }
  auto secrets = crypto::FileSecrets::FromBytes(ref->key.reveal(), ref->prefix, ref->id);
  if (!secrets.ok()) return back(500, cat_.Text(lang, "err_crypto_malformed"));
  HttpResponse r;
  r.content_type = "application/octet-stream";
  r.body.reserve(static_cast<size_t>(ref->size));
  auto fail = [&](const char* key) {
    sodium_memzero(r.body.data(), r.body.size());
    return back(500, cat_.Text(lang, key));
  };
  for (uint64_t i = 0; i < ref->chunks; ++i) {
    auto chunk = store_->GetChunk(c->case_id, ref->id, static_cast<uint32_t>(i));
    Result<SecretBytes> plain =
        chunk.ok() ? crypto::DecryptChunk(*secrets, i, i + 1 == ref->chunks, *chunk)
                   : Result<SecretBytes>(chunk.status());
    if (!plain.ok()) return fail("err_crypto_decrypt_failed");
    // More bytes than the FILEREF says: refused before appending, since
    // the body was reserved for exactly `size` and growing it would hand
    // the outgrown block (decrypted file bytes) back to the heap unwiped.
    if (plain->size() > ref->size - r.body.size()) return fail("err_crypto_malformed");
    r.body.append(plain->reveal_chars());
  }
  if (r.body.size() != ref->size) return fail("err_crypto_truncated");
  r.headers.emplace_back("Content-Disposition",
                         "attachment; filename=\"" + AsciiName(ref->name) + "\"");
  return r;
}

}  // namespace dojava::nojs
