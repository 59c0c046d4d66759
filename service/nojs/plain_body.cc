#include "service/nojs/plain_body.h"

#include <boost/json/parser.hpp>
#include <boost/json/static_resource.hpp>
#include <boost/json/value.hpp>
#include <cstdio>
#include <cstring>
#include <new>

#include "base/encoding.h"
#include "base/utf8.h"
#include "crypto/protocol_constants.h"
#include "service/nojs/form_data.h"

namespace dojava::nojs {
namespace {

// A growing buffer in wiped memory: the §11 JSON body is written here,
// never in a std::string.
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
  // A JSON string literal, escaped as JSON.stringify does (the JS page's
  // bodies and these are byte-identical for the same input).
  void JsonString(std::string_view s) {
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

void WriteFileRefs(SecretBuffer* b, const std::vector<PreparedFile>& files) {
  // FILEREF (§11), fields in the order of payload.js fileRef().
  b->Append("\"files\":[");
  for (size_t i = 0; i < files.size(); ++i) {
    const PreparedFile& f = files[i];
    if (i > 0) b->Append(",");
    b->Append("{\"id\":\"" + Base64UrlEncode(f.secrets.file_id()) + "\",\"key\":\"");
    b->Append(Base64UrlEncodeSecret(f.secrets.file_key().reveal()).reveal_chars());
    b->Append("\",\"prefix\":\"" + Base64UrlEncode(f.secrets.nonce_prefix()) +
              "\",\"chunks\":" + std::to_string(f.chunks) +
              ",\"size\":" + std::to_string(f.file->content.size()) + ",\"name\":");
    b->JsonString(f.file->name);
    b->Append(",\"mime\":");
    b->JsonString(f.file->mime);
    b->Append("}");
  }
  b->Append("]");
}

std::string_view Str(const boost::json::object* o, const char* k) {
  const auto* x = o ? o->if_contains(k) : nullptr;
  return x && x->is_string() ? std::string_view(x->as_string()) : std::string_view();
}

int64_t Num(const boost::json::object* o, const char* k) {
  const auto* x = o ? o->if_contains(k) : nullptr;
  if (x && x->is_int64()) return x->as_int64();
  if (x && x->is_uint64() && x->as_uint64() < (1ull << 62)) {
    return static_cast<int64_t>(x->as_uint64());
  }
  return -1;
}

bool ReadFileRef(const boost::json::value& r, PlainFileRef* ref) {
  const boost::json::object* fo = r.if_object();
  auto id = Base64UrlDecode(Str(fo, "id"));
  auto key = Base64UrlDecodeSecret(Str(fo, "key"));
  auto prefix = Base64UrlDecode(Str(fo, "prefix"));
  const int64_t chunks = Num(fo, "chunks"), size = Num(fo, "size");
  if (!id.ok() || id->size() != protocol::kIdSize || !key.ok() ||
      key->size() != protocol::kKeySize || !prefix.ok() ||
      prefix->size() != protocol::kChunkNoncePrefixSize || size < 0 ||
      chunks != static_cast<int64_t>(crypto::ChunkCount(static_cast<uint64_t>(size)))) {
    return false;
  }
  std::copy(id->begin(), id->end(), ref->id.begin());
  ref->key = std::move(key).value();
  ref->prefix = std::move(prefix).value();
  ref->chunks = static_cast<uint64_t>(chunks);
  ref->size = static_cast<uint64_t>(size);
  ref->name = CleanFileName(Str(fo, "name"));
  return true;
}

void ReadObject(const boost::json::object& o, PlainBody* body) {
  if (const auto* tx = o.if_contains("text"); tx && tx->is_string()) {
    body->text = SecretBytes::Copy(std::string_view(tx->as_string()));
  }
  if (const auto* f = o.if_contains("form"); body->type == "report" && f && f->is_object()) {
    for (const char* k : {"title", "country", "incident", "when", "responsible"}) {
      if (const auto* fv = f->as_object().if_contains(k); fv && fv->is_string()) {
        body->form.emplace_back(k, SecretBytes::Copy(std::string_view(fv->as_string())));
      }
    }
  }
  if (const auto* fs = o.if_contains("files"); fs && fs->is_array()) {
    for (const auto& r : fs->as_array()) {
      PlainFileRef ref;
      if (ReadFileRef(r, &ref)) {
        body->files.push_back(std::move(ref));
      } else {
        ++body->bad_files;
      }
    }
  }
}

}  // namespace

PlainBody ParsePlainBody(ByteView raw) {
  PlainBody body;
  body.unsupported = true;
  if (!IsValidUtf8(raw)) return body;
  // Parsed in wiped memory only; an arena too small (bad_alloc) is a body
  // this page does not support.
  SecretBytes arena(raw.size() * 6 + 4096);
  try {
    boost::json::static_resource mr(arena.reveal_mut().data(), arena.size());
    boost::json::storage_ptr sp(&mr);
    boost::json::parser p(sp);
    p.reset(sp);
    boost::system::error_code ec;
    p.write(reinterpret_cast<const char*>(raw.data()), raw.size(), ec);
    if (ec) return body;
    boost::json::value v = p.release();
    const boost::json::object* o = v.if_object();
    const boost::json::value* type = o ? o->if_contains("type") : nullptr;
    if (type == nullptr || !type->is_string() ||
        (type->as_string() != "report" && type->as_string() != "message")) {
      return body;
    }
    body.type = std::string(type->as_string());
    ReadObject(*o, &body);
    body.unsupported = false;
  } catch (const std::bad_alloc&) {
    body = PlainBody();
    body.unsupported = true;
  }
  return body;
}

SecretBytes ReportBodyJson(const ReportFields& r, const std::vector<PreparedFile>& files) {
  SecretBuffer body;
  body.Append("{\"type\":\"report\",\"form\":{\"country\":");
  body.JsonString(r.country);
  body.Append(",\"incident\":");
  body.JsonString(r.incident);
  body.Append(",\"when\":");
  body.JsonString(r.when);
  body.Append(",\"responsible\":");
  body.JsonString(r.responsible);
  body.Append(",\"title\":");
  body.JsonString(r.title);
  body.Append("},\"text\":");
  body.JsonString(r.text);
  body.Append(",");
  WriteFileRefs(&body, files);
  body.Append("}");
  return body.Take();
}

SecretBytes MessageBodyJson(std::string_view text, const std::vector<PreparedFile>& files) {
  SecretBuffer body;
  body.Append("{\"type\":\"message\",\"text\":");
  body.JsonString(text);
  body.Append(",");
  WriteFileRefs(&body, files);
  body.Append("}");
  return body.Take();
}

size_t CharCount(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xc0) != 0x80 ? 1 : 0;
  return n;
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

std::string_view TrimWhite(std::string_view s) {
  auto white = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f'; };
  while (!s.empty() && white(s.front())) s.remove_prefix(1);
  while (!s.empty() && white(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace dojava::nojs
