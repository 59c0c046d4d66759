#include "client/case_view.h"

#include <sodium.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cstddef>
#include <map>
#include <new>

#include "base/encoding.h"
#include "crypto/protocol_constants.h"
#include "crypto/sealed_key.h"

namespace dojava::client {
namespace json = boost::json;

namespace {

// Plain heap memory, wiped before it is returned to the allocator.
//
// The alignment passed to operator new/delete depends only on max(align,
// max_align_t), never on `align` alone: Boost.JSON 1.81 allocates an object
// key with alignof(char) but frees a key abandoned by a malformed document
// (`{"k":` cut short) with the default alignment (fixed upstream in
// boostorg/json#1181). Forwarding `align` as given made that free a
// mismatched aligned delete (undefined behaviour; ASan aborts the CLI on a
// source's malformed message body). Found by fuzz/notes_event_fuzzer.cc.
class WipingResource final : public json::memory_resource {
 private:
  static std::align_val_t Alignment(std::size_t align) {
    return std::align_val_t(std::max(align, alignof(std::max_align_t)));
  }
  void* do_allocate(std::size_t n, std::size_t align) override {
    return ::operator new(n, Alignment(align));
  }
  void do_deallocate(void* p, std::size_t n, std::size_t align) override {
    sodium_memzero(p, n);
    ::operator delete(p, Alignment(align));
  }
  bool do_is_equal(const json::memory_resource& other) const noexcept override {
    return this == &other;
  }
};

const json::value* Get(const json::object& o, std::string_view k) {
  auto it = o.find(k);
  return it == o.end() ? nullptr : &it->value();
}

std::optional<std::string_view> GetStr(const json::object& o, std::string_view k) {
  const json::value* v = Get(o, k);
  if (!v || !v->is_string()) return std::nullopt;
  return std::string_view(v->as_string());
}

std::optional<uint64_t> GetU64(const json::object& o, std::string_view k) {
  const json::value* v = Get(o, k);
  if (!v) return std::nullopt;
  if (v->is_uint64()) return v->as_uint64();
  if (v->is_int64() && v->as_int64() >= 0) return static_cast<uint64_t>(v->as_int64());
  return std::nullopt;
}

std::string SeqText(uint64_t seq) { return "message #" + std::to_string(seq); }

}  // namespace

json::storage_ptr WipingStorage() {
  static json::storage_ptr sp = json::make_shared_resource<WipingResource>();
  return sp;
}

std::string SafeFileName(std::string_view name) {
  const size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  std::string r;
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    r.push_back(u < 0x20 || u == 0x7f ? '_' : c);
  }
  if (r.size() > 200) r.resize(200);
  if (r.empty() || r == "." || r == "..") r = "attachment";
  if (r[0] == '.' || r[0] == '-') r.insert(0, "_");
  return r;
}

Result<FileRef> ParseFileRef(const json::value& v) {
  const Status bad(Code::kMalformed, "invalid file reference");
  if (!v.is_object()) return bad;
  const json::object& o = v.as_object();
  auto id = GetStr(o, "id");
  auto key = GetStr(o, "key");
  auto prefix = GetStr(o, "prefix");
  auto chunks = GetU64(o, "chunks");
  auto size = GetU64(o, "size");
  if (!id || !key || !prefix || !chunks || !size) return bad;
  auto id_b = Base64UrlDecodeFixed<16>(*id);
  auto key_b = Base64UrlDecodeSecret(*key);
  auto prefix_b = Base64UrlDecodeFixed<protocol::kChunkNoncePrefixSize>(*prefix);
  if (!id_b.ok() || !key_b.ok() || key_b->size() != 32 || !prefix_b.ok()) return bad;
  if (*size > crypto::kMaxAttachmentSize || *chunks != crypto::ChunkCount(*size)) return bad;
  FileRef f;
  f.id = *id_b;
  f.key = std::move(key_b).value();
  f.prefix = *prefix_b;
  f.chunks = *chunks;
  f.size = *size;
  f.name = SafeFileName(GetStr(o, "name").value_or("attachment"));
  std::string mime(GetStr(o, "mime").value_or(""));
  for (char& c : mime) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '_';
  }
  f.mime = mime;
  return f;
}

bool IsKnownStatus(std::string_view s) {
  return s == "new" || s == "triage" || s == "investigating" || s == "verified" ||
         s == "published" || s == "closed";
}

void ApplyNotesEvent(const json::value& body, CaseState* state) {
  if (!body.is_object()) return;
  const json::object& o = body.as_object();
  auto type = GetStr(o, "type");
  if (!type) return;
  if (*type == "status") {
    auto s = GetStr(o, "status");
    if (s && IsKnownStatus(*s)) state->status = std::string(*s);
  } else if (*type == "labels") {
    if (const json::value* add = Get(o, "add"); add && add->is_array()) {
      for (const auto& l : add->as_array()) {
        if (l.is_string() && !l.as_string().empty())
          state->labels.insert(std::string(l.as_string()));
      }
    }
    if (const json::value* rm = Get(o, "remove"); rm && rm->is_array()) {
      for (const auto& l : rm->as_array()) {
        if (l.is_string()) state->labels.erase(std::string(l.as_string()));
      }
    }
  } else if (*type == "assign") {
    const json::value* r = Get(o, "reviewer");
    if (!r) return;
    if (r->is_null()) {
      state->assignee.reset();
    } else if (r->is_string()) {
      auto id = Base64UrlDecodeFixed<16>(std::string_view(r->as_string()));
      if (id.ok()) state->assignee = *id;
    }
  }
}

Status CheckSafeToEncrypt(const std::vector<CaseEntry>& entries) {
  // Only decryption failures count: a reviewer's message whose author was
  // removed from the roster since (unknown_author) decrypted under this key,
  // and must not freeze every case that reviewer ever answered.
  size_t failures = 0;
  for (const auto& e : entries) failures += e.undecryptable ? 1 : 0;
  if (failures > 0) {
    return Status(Code::kDecryptFailed,
                  std::to_string(failures) +
                      " message(s) of this case could not be decrypted, so its key may have been "
                      "swapped by the server; refusing to encrypt anything new under it");
  }
  for (const auto& e : entries) {
    if (e.seq != 1) continue;
    if (e.kind == protocol::kKindConversation && e.from_source && e.type == "report") {
      return Status::Ok();
    }
    break;
  }
  return Status(Code::kDecryptFailed,
                "message #1 of this case does not open as the source's report under this case "
                "key, so the key may have been swapped by the server; refusing to encrypt "
                "anything new under it");
}

CaseState ComputeState(const std::vector<CaseEntry>& entries) {
  CaseState s;
  for (const auto& e : entries) {
    if (e.kind == protocol::kKindNotes && e.error.empty()) ApplyNotesEvent(e.body, &s);
  }
  return s;
}

std::vector<CaseEntry> DecryptEntries(const std::vector<ApiMessage>& messages,
                                      const crypto::Id& case_id, const crypto::CaseKeys& keys,
                                      const std::vector<const crypto::VerifiedRoster*>& rosters) {
  auto lookup = crypto::AuthorsOf(rosters);
  std::vector<CaseEntry> out;
  std::set<crypto::Id> seen_ids;
  for (const auto& m : messages) {
    CaseEntry e;
    e.seq = m.seq;
    e.day = m.day;
    auto header = crypto::ParseMessageHeader(m.record);
    if (header.ok()) {
      e.kind = header->kind;
      e.message_id = header->message_id;
      if (!seen_ids.insert(header->message_id).second) continue;  // a replay: shown once
    }
    auto opened = crypto::DecryptMessage(m.record, case_id, keys, lookup);
    if (!opened.ok()) {
      std::string why;
      switch (opened.code()) {
        case Code::kDecryptFailed:
          e.undecryptable = true;
          why = "decryption failed (tampered, or not for this case)";
          break;
        case Code::kInvalidArgument:
          why = "no key for it (the notes key is not sealed to you)";
          break;
        case Code::kUnknownAuthor:
          why = "signed by a reviewer on no roster this machine holds";
          break;
        case Code::kBadSignature:
          why = "reviewer signature does not verify";
          break;
        default:
          why = std::string(CodeName(opened.code())) + ": " + opened.status().message();
      }
      e.error = SeqText(m.seq) + ": " + why;
      out.push_back(std::move(e));
      continue;
    }
    e.kind = opened->kind;
    e.message_id = opened->message_id;
    e.from_source = opened->author == protocol::kAuthorSource;
    e.reviewer_id = opened->reviewer_id;
    if (e.from_source) {
      e.author = "source";
    } else {
      e.author = "reviewer " + Base64UrlEncode(e.reviewer_id);
      for (const auto* r : rosters) {
        if (const auto* entry = r->Find(e.reviewer_id)) {
          e.author = entry->name;
          break;
        }
      }
    }
    json::error_code ec;
    e.body = json::parse(opened->body.reveal_chars(), ec, WipingStorage());
    if (ec || !e.body.is_object()) {
      e.error = SeqText(m.seq) + ": body is not a JSON object";
      out.push_back(std::move(e));
      continue;
    }
    const json::object& o = e.body.as_object();
    e.type = std::string(GetStr(o, "type").value_or(""));
    if (const json::value* files = Get(o, "files"); files && files->is_array()) {
      for (const auto& f : files->as_array()) {
        auto ref = ParseFileRef(f);
        if (!ref.ok()) {
          e.error = SeqText(m.seq) + ": invalid file reference";
          break;
        }
        e.files.push_back(std::move(ref).value());
      }
    }
    out.push_back(std::move(e));
  }
  return out;
}

Result<CaseView> OpenReviewerCase(ApiClient& api, const crypto::Id& case_id,
                                  const crypto::Id& me_id, const SecretBytes& x_secret,
                                  const crypto::X25519Public& x_public,
                                  const crypto::VerifiedRoster& roster) {
  CaseView v;
  DOJAVA_ASSIGN_OR_RETURN(ApiCaseDetail detail, api.GetCase(case_id));
  v.info = detail.info;
  v.keys = std::move(detail.keys);
  const std::string me = Base64UrlEncode(me_id);
  for (const auto& k : v.keys) {
    if (k.role == protocol::kRoleNotesKey) v.notes_key_exists = true;
    if (k.recipient != me) continue;
    auto opened = crypto::OpenSealedKey(k.sealed, k.role, case_id, x_secret, x_public);
    if (!opened.ok()) {
      return Status(Code::kDecryptFailed,
                    std::string("the sealed ") +
                        (k.role == protocol::kRoleCaseKey ? "case key" : "notes key") +
                        " for you does not open (tampered, or moved from another case)");
    }
    (k.role == protocol::kRoleCaseKey ? v.case_key : v.notes_key) = std::move(opened).value();
  }
  if (v.case_key.empty()) {
    return Status(Code::kPermissionDenied,
                  "this case is not granted to you (no case key sealed to your key); ask a "
                  "colleague who has it to run `dojava grant`");
  }
  DOJAVA_ASSIGN_OR_RETURN(std::vector<ApiMessage> messages, api.GetMessages(case_id, 0));
  crypto::CaseKeys keys{&v.case_key, v.notes_key.empty() ? nullptr : &v.notes_key};
  v.entries = DecryptEntries(messages, case_id, keys, {&roster});
  for (const auto& e : v.entries) v.failures += e.error.empty() ? 0 : 1;
  v.state = ComputeState(v.entries);
  return v;
}

json::value BodyForOutput(const CaseEntry& e) {
  json::value out(e.body, WipingStorage());
  if (!out.is_object()) return out;
  auto it = out.as_object().find("files");
  if (it == out.as_object().end() || !it->value().is_array()) return out;
  for (auto& f : it->value().as_array()) {
    if (f.is_object()) {
      f.as_object().erase("key");
      f.as_object().erase("prefix");
    }
  }
  return out;
}

Result<SecretBytes> SerializeBody(const json::value& body, size_t max) {
  json::serializer sr;
  sr.reset(&body);
  SecretBytes out(max + 1);
  size_t used = 0;
  while (!sr.done()) {
    if (used == out.size()) return Status(Code::kResourceExhausted, "the message is too long");
    const std::string_view part =
        sr.read(reinterpret_cast<char*>(out.reveal_mut().data()) + used, out.size() - used);
    used += part.size();
  }
  if (used > max) return Status(Code::kResourceExhausted, "the message is too long");
  out.Truncate(used);
  return out;
}

json::object FileRefJson(const UploadedFile& f) {
  json::object o(WipingStorage());
  o["id"] = Base64UrlEncode(f.secrets.file_id());
  o["key"] = Base64UrlEncode(f.secrets.file_key().reveal());
  o["prefix"] = Base64UrlEncode(f.secrets.nonce_prefix());
  o["chunks"] = f.chunks;
  o["size"] = f.size;
  o["name"] = f.name;
  o["mime"] = "application/octet-stream";
  return o;
}

std::string CsvField(std::string_view s) {
  std::string r = "\"";
  if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@')) r += '\'';
  for (char c : s) {
    if (c == '"') r += '"';
    r += c;
  }
  r += '"';
  return r;
}

}  // namespace dojava::client
