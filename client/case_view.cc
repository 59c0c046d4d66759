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
#include "payload/wiping_json.h"

namespace dojava::client {
namespace json = boost::json;

namespace {

const json::value* Get(const json::object& o, std::string_view k) {
  auto it = o.find(k);
  return it == o.end() ? nullptr : &it->value();
}

std::optional<std::string_view> GetStr(const json::object& o, std::string_view k) {
  const json::value* v = Get(o, k);
  if (!v || !v->is_string()) return std::nullopt;
  return std::string_view(v->as_string());
}

}  // namespace

json::storage_ptr WipingStorage() { return payload::WipingJsonStorage(); }

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

Status CheckSafeToEncrypt(const CaseView& v) {
  if (!v.trust.ok()) {
    return Status(v.trust.code(), std::string(CodeName(v.trust.code())) + ": " + v.trust.message() +
                                      "; refusing to encrypt anything new in this case");
  }
  if (!v.rekey_problem.empty()) {
    return Status(Code::kWrongKey,
                  v.rekey_problem + "; refusing to encrypt anything new in this case");
  }
  return CheckSafeToEncrypt(v.entries);
}

Status CheckSafeToEncrypt(const std::vector<CaseEntry>& entries) {
  std::vector<payload::OpenedMessage> opened;
  for (const auto& e : entries) {
    opened.push_back(payload::OpenedMessage{e.seq, e.kind == protocol::kKindConversation,
                                            e.from_source, e.error.empty() && e.type == "report"});
  }
  return payload::CheckSafeToEncrypt(opened);
}

CaseState ComputeState(const std::vector<CaseEntry>& entries) {
  CaseState s;
  for (const auto& e : entries) {
    if (e.kind == protocol::kKindNotes && e.error.empty()) ApplyNotesEvent(e.body, &s);
  }
  return s;
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
  // The mime of a file the CLI did not type is "" (unknown, §11.3).
  const SecretBytes text =
      payload::FileRefJson(payload::NewFile{&f.secrets, f.size, f.name, std::string_view()});
  json::error_code ec;
  json::value v = json::parse(text.reveal_chars(), ec, WipingStorage());
  return ec || !v.is_object() ? json::object(WipingStorage()) : std::move(v.as_object());
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
