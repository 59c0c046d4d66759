// §11 bodies (body.h): the writer (JSON.stringify's output, in wiped
// memory) and the strict reader.
#include "payload/body.h"

#include <sodium.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cstdio>
#include <cstring>
#include <new>

#include "base/encoding.h"
#include "base/utf8.h"
#include "crypto/protocol_constants.h"
#include "payload/payload_constants.h"
#include "payload/wiping_json.h"

namespace dojava::payload {
namespace json = boost::json;
namespace {

// A growing buffer in wiped memory for the JSON text of a body.
class SecretBuffer {
 public:
  void Append(std::string_view s) {
    if (size_ + s.size() > data_.size()) {
      SecretBytes bigger(std::max(data_.size() * 2, size_ + s.size() + 256));
      if (size_ > 0) std::memcpy(bigger.reveal_mut().data(), data_.reveal().data(), size_);
      data_ = std::move(bigger);  // the old block is wiped by sodium_free
    }
    if (!s.empty()) std::memcpy(data_.reveal_mut().data() + size_, s.data(), s.size());
    size_ += s.size();
  }
  // A JSON string, escaped exactly as JSON.stringify escapes it.
  void String(std::string_view s) {
    Append("\"");
    size_t from = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      const char* esc = nullptr;
      char hex[8];
      switch (c) {
        case '"':
          esc = "\\\"";
          break;
        case '\\':
          esc = "\\\\";
          break;
        case '\b':
          esc = "\\b";
          break;
        case '\f':
          esc = "\\f";
          break;
        case '\n':
          esc = "\\n";
          break;
        case '\r':
          esc = "\\r";
          break;
        case '\t':
          esc = "\\t";
          break;
        default:
          if (c < 0x20) {
            std::snprintf(hex, sizeof hex, "\\u%04x", c);
            esc = hex;
          }
      }
      if (esc != nullptr) {
        Append(s.substr(from, i - from));
        Append(esc);
        from = i + 1;
      }
    }
    Append(s.substr(from));
    Append("\"");
  }
  SecretBytes Take() {
    data_.Truncate(size_);
    size_ = 0;
    return std::move(data_);
  }

 private:
  SecretBytes data_;
  size_t size_ = 0;
};

size_t CharCount(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xc0) != 0x80 ? 1 : 0;
  return n;
}

std::string_view TrimAsciiWhite(std::string_view s) {
  auto white = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f'; };
  while (!s.empty() && white(s.front())) s.remove_prefix(1);
  while (!s.empty() && white(s.back())) s.remove_suffix(1);
  return s;
}

template <size_t N>
bool OneOf(std::string_view v, const std::string_view (&values)[N]) {
  return std::find(std::begin(values), std::end(values), v) != std::end(values);
}

void WriteFileRef(SecretBuffer* b, const NewFile& f) {
  b->Append("{\"id\":\"" + Base64UrlEncode(f.secrets->file_id()) + "\",\"key\":\"");
  b->Append(Base64UrlEncodeSecret(f.secrets->file_key().reveal()).reveal_chars());
  b->Append("\",\"prefix\":\"" + Base64UrlEncode(f.secrets->nonce_prefix()) +
            "\",\"chunks\":" + std::to_string(crypto::ChunkCount(f.size)) +
            ",\"size\":" + std::to_string(f.size) + ",\"name\":");
  b->String(CleanFileName(f.name));
  b->Append(",\"mime\":");
  b->String(CleanMime(f.mime));
  b->Append("}");
}

void WriteFiles(SecretBuffer* b, const std::vector<NewFile>& files) {
  b->Append("\"files\":[");
  for (size_t i = 0; i < files.size(); ++i) {
    if (i > 0) b->Append(",");
    WriteFileRef(b, files[i]);
  }
  b->Append("]");
}

Status Refuse(FieldError* error, const char* code, const char* field) {
  *error = FieldError{code, field};
  return Status(Code::kInvalidArgument, std::string(code) + ": " + field);
}

Status CheckText(std::string_view text, bool required, size_t max_chars, FieldError* error) {
  if (!IsValidUtf8(AsBytes(text))) return Refuse(error, "bad_text", "text");
  if (required && TrimAsciiWhite(text).empty()) return Refuse(error, "required", "text");
  if (CharCount(text) > max_chars) return Refuse(error, "too_long", "text");
  return Status::Ok();
}

Result<SecretBytes> Finish(SecretBuffer* b, size_t max_body_bytes, FieldError* error) {
  SecretBytes body = b->Take();
  if (body.size() > max_body_bytes) return Refuse(error, "too_long", "body");
  return body;
}

// --- reading ----------------------------------------------------------------

const json::value* Member(const json::object& o, std::string_view k) {
  auto it = o.find(k);
  return it == o.end() ? nullptr : &it->value();
}

const json::string* StringMember(const json::object& o, std::string_view k) {
  const json::value* v = Member(o, k);
  return v != nullptr && v->is_string() ? &v->as_string() : nullptr;
}

// A JSON integer in [0, max] (never a number with a fraction or exponent:
// Boost.JSON gives those as doubles).
bool Integer(const json::object& o, std::string_view k, uint64_t max, uint64_t* out) {
  const json::value* v = Member(o, k);
  if (v == nullptr) return false;
  if (v->is_uint64()) {
    *out = v->as_uint64();
  } else if (v->is_int64() && v->as_int64() >= 0) {
    *out = static_cast<uint64_t>(v->as_int64());
  } else {
    return false;
  }
  return *out <= max;
}

template <size_t N>
bool Fixed(const json::object& o, std::string_view k, std::array<uint8_t, N>* out) {
  const json::string* s = StringMember(o, k);
  if (s == nullptr) return false;
  auto b = Base64UrlDecodeFixed<N>(std::string_view(*s));
  if (!b.ok()) return false;
  *out = *b;
  return true;
}

// One FILEREF (§11.3), or false if it breaks a rule.
bool ReadFileRef(const json::value& v, FileRef* ref) {
  const json::object* o = v.if_object();
  if (o == nullptr) return false;
  const json::string* key = StringMember(*o, "key");
  const json::string* name = StringMember(*o, "name");
  const json::string* mime = StringMember(*o, "mime");
  if (key == nullptr || name == nullptr || mime == nullptr) return false;
  if (!Fixed(*o, "id", &ref->id) || !Fixed(*o, "prefix", &ref->prefix)) return false;
  if (!Integer(*o, "size", crypto::kMaxAttachmentSize, &ref->size) ||
      !Integer(*o, "chunks", protocol::kMaxChunksPerFile, &ref->chunks) ||
      ref->chunks != crypto::ChunkCount(ref->size)) {
    return false;
  }
  auto key_bytes = Base64UrlDecodeSecret(std::string_view(*key));
  if (!key_bytes.ok() || key_bytes->size() != protocol::kKeySize) return false;
  ref->key = std::move(key_bytes).value();
  ref->name = CleanFileName(std::string_view(*name));
  ref->mime = CleanMime(std::string_view(*mime));
  return true;
}

// §11.1 as a reader applies it: `form` is an object and each of its five
// members, when present, a string. Values outside the lists or limits are
// kept as sent (writers MUST NOT send them; readers show them escaped).
Status ReadForm(const json::object& o, Body* body) {
  const Status bad(Code::kMalformed, "the report form breaks §11.1");
  const json::value* form = Member(o, "form");
  if (form == nullptr || !form->is_object()) return bad;
  const json::object& f = form->as_object();
  const std::pair<std::string_view, SecretBytes*> fields[] = {
      {"country", &body->form.country},
      {"incident", &body->form.incident},
      {"when", &body->form.when},
      {"responsible", &body->form.responsible},
      {"title", &body->form.title}};
  for (const auto& [name, out] : fields) {
    const json::value* v = Member(f, name);
    if (v == nullptr) continue;
    if (!v->is_string()) return bad;
    *out = SecretBytes::Copy(std::string_view(v->as_string()));
  }
  return Status::Ok();
}

}  // namespace

Result<Body> ParseBody(ByteView bytes) {
  const Status bad(Code::kMalformed, "the body is not a §11 JSON object");
  if (!IsValidUtf8(bytes)) return bad;
  json::error_code ec;
  const json::value v =
      json::parse(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()), ec,
                  WipingJsonStorage());
  if (ec || !v.is_object()) return bad;
  const json::object& o = v.as_object();
  const json::string* type = StringMember(o, "type");
  if (type == nullptr) return bad;
  if (*type != "report" && *type != "message") {
    return Status(Code::kUnsupportedVersion, "a body type this version does not know");
  }
  Body body;
  body.type = std::string(*type);
  if (body.type == "report") {
    DOJAVA_RETURN_IF_ERROR(ReadForm(o, &body));
    // §11.1: the report names the source's key; without it no re-key could
    // check the key the server serves (§7.3).
    if (!Fixed(o, "source_pk", &body.source_pk)) {
      return Status(Code::kMalformed, "the report has no source_pk of 32 bytes (§11.1)");
    }
  }
  const json::string* text = StringMember(o, "text");
  if (text == nullptr) return Status(Code::kMalformed, "the body has no text");
  body.text = SecretBytes::Copy(std::string_view(*text));
  if (const json::value* files = Member(o, "files")) {
    if (!files->is_array()) return Status(Code::kMalformed, "files is not a list");
    for (const json::value& f : files->as_array()) {
      FileRef ref;
      if (ReadFileRef(f, &ref)) {
        body.files.push_back(std::move(ref));
      } else {
        ++body.bad_files;
      }
    }
  }
  return body;
}

SecretBytes FileRefJson(const NewFile& file) {
  SecretBuffer b;
  WriteFileRef(&b, file);
  return b.Take();
}

Result<SecretBytes> BuildReport(const ReportFields& r, const crypto::X25519Public& source_pk,
                                const std::vector<NewFile>& files, size_t max_text_chars,
                                size_t max_body_bytes, FieldError* error) {
  if (!OneOf(r.country, kCountries)) return Refuse(error, "bad_choice", "country");
  if (!OneOf(r.incident, kIncidents)) return Refuse(error, "bad_choice", "incident");
  if (!OneOf(r.responsible, kResponsible)) return Refuse(error, "bad_choice", "responsible");
  const std::string_view when = TrimAsciiWhite(r.when);
  const std::string_view title = TrimAsciiWhite(r.title);
  if (!IsValidUtf8(AsBytes(when))) return Refuse(error, "bad_text", "when");
  if (!IsValidUtf8(AsBytes(title))) return Refuse(error, "bad_text", "title");
  DOJAVA_RETURN_IF_ERROR(CheckText(r.text, true, max_text_chars, error));
  if (CharCount(when) > kWhenMaxChars) return Refuse(error, "too_long", "when");
  if (title.empty()) return Refuse(error, "required", "title");
  if (CharCount(title) > kTitleMaxChars) return Refuse(error, "too_long", "title");
  SecretBuffer b;
  b.Append("{\"type\":\"report\",\"source_pk\":\"" + Base64UrlEncode(source_pk) +
           "\",\"form\":{\"country\":");
  b.String(r.country);
  b.Append(",\"incident\":");
  b.String(r.incident);
  b.Append(",\"when\":");
  b.String(when);
  b.Append(",\"responsible\":");
  b.String(r.responsible);
  b.Append(",\"title\":");
  b.String(title);
  b.Append("},\"text\":");
  b.String(r.text);
  b.Append(",");
  WriteFiles(&b, files);
  b.Append("}");
  return Finish(&b, max_body_bytes, error);
}

Result<SecretBytes> BuildMessage(std::string_view text, const std::vector<NewFile>& files,
                                 size_t max_text_chars, size_t max_body_bytes, FieldError* error) {
  DOJAVA_RETURN_IF_ERROR(CheckText(text, files.empty(), max_text_chars, error));
  SecretBuffer b;
  b.Append("{\"type\":\"message\",\"text\":");
  b.String(text);
  b.Append(",");
  WriteFiles(&b, files);
  b.Append("}");
  return Finish(&b, max_body_bytes, error);
}

Status CheckSafeToEncrypt(const std::vector<OpenedMessage>& messages) {
  // A later record that does not decrypt never blocks writing (PROTOCOL
  // §8.4: one junk record posted with a stolen token must not freeze the
  // case); message #1 opening as the source's report is what shows the key.
  for (const auto& m : messages) {
    if (m.seq != 1) continue;
    if (m.conversation && m.from_source && m.report) return Status::Ok();
    break;
  }
  return Status(Code::kDecryptFailed,
                "message #1 of this case does not open as the source's report under this case "
                "key, so the key may have been swapped by the server; refusing to encrypt "
                "anything new under it");
}

}  // namespace dojava::payload
