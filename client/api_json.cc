#include "client/api_json.h"

namespace dojava::client::api_json {

Status Unexpected(std::string_view what) {
  return Status(Code::kMalformed, "unexpected answer from the server (" + std::string(what) + ")");
}

Result<json::object> ParseObject(const Bytes& body) {
  json::error_code ec;
  json::value v = json::parse(std::string_view(AsChars(body)), ec);
  if (ec || !v.is_object()) return Unexpected("not a JSON object");
  return std::move(v.as_object());
}

const json::value* Field(const json::object& o, std::string_view name) {
  auto it = o.find(name);
  return it == o.end() ? nullptr : &it->value();
}

Result<std::string> Str(const json::object& o, std::string_view name) {
  const json::value* v = Field(o, name);
  if (v == nullptr || !v->is_string()) return Unexpected(name);
  return std::string(v->as_string());
}

Result<int64_t> Int(const json::object& o, std::string_view name) {
  const json::value* v = Field(o, name);
  if (v == nullptr) return Unexpected(name);
  if (v->is_int64()) return v->as_int64();
  if (v->is_uint64() && v->as_uint64() <= INT64_MAX) return static_cast<int64_t>(v->as_uint64());
  return Unexpected(name);
}

Result<uint64_t> UInt(const json::object& o, std::string_view name) {
  DOJAVA_ASSIGN_OR_RETURN(int64_t v, Int(o, name));
  if (v < 0) return Unexpected(name);
  return static_cast<uint64_t>(v);
}

Result<Bytes> B64(const json::object& o, std::string_view name) {
  DOJAVA_ASSIGN_OR_RETURN(std::string s, Str(o, name));
  auto b = Base64UrlDecode(s);
  if (!b.ok()) return Unexpected(name);
  return std::move(b).value();
}

const json::object* Obj(const json::value* v) {
  return v && v->is_object() ? &v->as_object() : nullptr;
}

Result<ApiMessage> ParseMessage(const json::value& v) {
  const json::object* o = Obj(&v);
  if (!o) return Unexpected("message");
  ApiMessage m;
  DOJAVA_ASSIGN_OR_RETURN(m.seq, UInt(*o, "seq"));
  DOJAVA_ASSIGN_OR_RETURN(m.day, Int(*o, "day"));
  DOJAVA_ASSIGN_OR_RETURN(m.record, B64(*o, "record"));
  return m;
}

// Appends the messages of one page (its array "messages") to *out, each
// after *after in order (*after moves to the last); true if the server has
// more ("more"). kMalformed if the page is wrong.
Result<bool> AppendMessagePage(const json::object& o, uint64_t* after,
                               std::vector<ApiMessage>* out) {
  const json::value* msgs = Field(o, "messages");
  if (!msgs || !msgs->is_array()) return Unexpected("messages");
  for (const auto& m : msgs->as_array()) {
    DOJAVA_ASSIGN_OR_RETURN(ApiMessage am, ParseMessage(m));
    if (am.seq <= *after) return Unexpected("message order");
    *after = am.seq;
    out->push_back(std::move(am));
  }
  const json::value* more = Field(o, "more");
  if (!more || !more->is_bool()) return Unexpected("more");
  if (!more->as_bool()) return false;
  if (msgs->as_array().empty()) return Unexpected("empty page with more");
  return true;
}

Result<ApiCase> ParseCase(const json::value& v) {
  const json::object* o = Obj(&v);
  if (!o) return Unexpected("case");
  ApiCase c;
  DOJAVA_ASSIGN_OR_RETURN(c.case_id, B64Fixed<16>(*o, "case_id"));
  DOJAVA_ASSIGN_OR_RETURN(c.created_day, Int(*o, "created_day"));
  DOJAVA_ASSIGN_OR_RETURN(c.last_activity_day, Int(*o, "last_activity_day"));
  DOJAVA_ASSIGN_OR_RETURN(c.expiry_day, Int(*o, "expiry_day"));
  return c;
}

Result<ApiUpload> ParseUpload(const Bytes& body) {
  DOJAVA_ASSIGN_OR_RETURN(json::object o, ParseObject(body));
  ApiUpload u;
  DOJAVA_ASSIGN_OR_RETURN(u.chunks, UInt(o, "chunks"));
  const json::value* m = Field(o, "missing");
  if (!m || !m->is_array()) return Unexpected("missing");
  for (const auto& x : m->as_array()) {
    if (x.is_int64() && x.as_int64() >= 0) {
      u.missing.push_back(static_cast<uint64_t>(x.as_int64()));
    } else if (x.is_uint64()) {
      u.missing.push_back(x.as_uint64());
    } else {
      return Unexpected("missing");
    }
  }
  return u;
}

json::array IdArray(const std::vector<crypto::Id>& ids) {
  json::array a;
  for (const auto& id : ids) a.emplace_back(Base64UrlEncode(id));
  return a;
}

json::array KeyArray(const std::vector<ApiSealedKey>& keys) {
  json::array a;
  for (const auto& k : keys) {
    json::object o{{"recipient", k.recipient},
                   {"role", k.role == protocol::kRoleNotesKey ? "notes" : "case"},
                   {"sealed", Base64UrlEncode(k.sealed)}};
    if (k.generation != 0) o["generation"] = k.generation;
    a.emplace_back(std::move(o));
  }
  return a;
}

// The "rekeys" array of a case (either listener), if present.
Status ParseRekeys(const json::object& o, std::vector<ApiRekey>* out) {
  const json::value* r = Field(o, "rekeys");
  if (r == nullptr) return Status::Ok();
  if (!r->is_array()) return Unexpected("rekeys");
  for (const auto& x : r->as_array()) {
    const json::object* ro = Obj(&x);
    if (!ro) return Unexpected("rekeys");
    ApiRekey rk;
    DOJAVA_ASSIGN_OR_RETURN(rk.generation, UInt(*ro, "generation"));
    DOJAVA_ASSIGN_OR_RETURN(rk.envelope, B64(*ro, "envelope"));
    out->push_back(std::move(rk));
  }
  return Status::Ok();
}

}  // namespace dojava::client::api_json
