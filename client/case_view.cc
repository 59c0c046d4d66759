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

std::string SeqText(uint64_t seq) { return "message #" + std::to_string(seq); }

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

Status CheckSafeToEncrypt(const std::vector<CaseEntry>& entries) {
  std::vector<payload::OpenedMessage> opened;
  for (const auto& e : entries) {
    opened.push_back(payload::OpenedMessage{e.seq, e.kind == protocol::kKindConversation,
                                            e.undecryptable, e.from_source,
                                            e.error.empty() && e.type == "report"});
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
    if (e.kind == protocol::kKindConversation) {
      // §11: the body's rules and its FILEREFs, read by payload/.
      auto body = payload::ParseBody(opened->body.reveal());
      if (!body.ok() && body.code() == Code::kMalformed) {
        e.error =
            SeqText(m.seq) + ": the body breaks PROTOCOL.md §11 (" + body.status().message() + ")";
      } else if (body.ok()) {
        if (body->bad_files > 0) e.error = SeqText(m.seq) + ": invalid file reference";
        e.files = std::move(body->files);
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
