#include "tests/hostile/api_json.h"

#include <boost/json.hpp>
#include <catch2/catch_test_macros.hpp>

#include "base/encoding.h"

namespace dojava::hostile {
namespace {

namespace json = boost::json;

// The field names of service/API.md, here and nowhere else in the suite.
constexpr const char* kAdminKey = "admin_public_key";
constexpr const char* kFingerprint = "admin_fingerprint";
constexpr const char* kInstanceId = "instance_id";
constexpr const char* kRoster = "roster";
constexpr const char* kRosterVersion = "roster_version";
constexpr const char* kRosters = "rosters";
constexpr const char* kMore = "more";
constexpr const char* kMessages = "messages";
constexpr const char* kSeq = "seq";
constexpr const char* kDay = "day";
constexpr const char* kRecord = "record";
constexpr const char* kKeys = "keys";
constexpr const char* kRecipient = "recipient";
constexpr const char* kRole = "role";
constexpr const char* kSealed = "sealed";
constexpr const char* kGeneration = "generation";
constexpr const char* kGenesis = "genesis";
constexpr const char* kGeneses = "geneses";
constexpr const char* kAnchors = "anchors";
constexpr const char* kRekeys = "rekeys";
constexpr const char* kEnvelope = "envelope";
constexpr const char* kSourceKey = "sealed_key";
constexpr const char* kSourcePublicKey = "source_public_key";
// Request bodies.
constexpr const char* kMessage = "message";
constexpr const char* kAnchor = "anchor";
constexpr const char* kRekey = "rekey";
constexpr const char* kGenesisEnvelope = "genesis_envelope";

json::object Object(const std::string& body) {
  json::error_code ec;
  json::value v = json::parse(body, ec);
  INFO(body);
  REQUIRE((!ec && v.is_object()));
  return std::move(v.as_object());
}

Bytes Decode(const json::value& v) {
  REQUIRE(v.is_string());
  auto b = Base64UrlDecode(std::string_view(v.as_string()));
  REQUIRE(b.ok());
  return std::move(b).value();
}

std::optional<Bytes> DecodeIf(const json::object& o, const char* name) {
  const json::value* v = o.if_contains(name);
  if (!v || v->is_null()) return std::nullopt;
  return Decode(*v);
}

json::value Encode(ByteView b) { return json::value(Base64UrlEncode(b)); }

}  // namespace

std::optional<Bytes> InstanceRoster(const std::string& body) {
  return DecodeIf(Object(body), kRoster);
}

Bytes InstanceId(const std::string& body) { return Decode(Object(body).at(kInstanceId)); }

std::string WithAdmin(const std::string& body, ByteView admin_public,
                      const std::string& fingerprint, ByteView roster, uint64_t roster_version) {
  json::object o = Object(body);
  o[kAdminKey] = Encode(admin_public);
  o[kFingerprint] = fingerprint;
  o[kRoster] = Encode(roster);
  o[kRosterVersion] = roster_version;
  return json::serialize(o);
}

std::string WithRoster(const std::string& body, ByteView roster, uint64_t roster_version) {
  json::object o = Object(body);
  o[kRoster] = Encode(roster);
  o[kRosterVersion] = roster_version;
  return json::serialize(o);
}

std::string RosterHistory(const std::vector<Bytes>& rosters) {
  json::array a;
  for (const Bytes& r : rosters) a.push_back(Encode(r));
  return json::serialize(json::object{{kRosters, std::move(a)}, {kMore, false}});
}

std::vector<Listed> Messages(const std::string& body) {
  std::vector<Listed> out;
  const json::object whole = Object(body);
  for (const json::value& m : whole.at(kMessages).as_array()) {
    const json::object& o = m.as_object();
    out.push_back({static_cast<uint64_t>(o.at(kSeq).as_int64()), o.at(kDay).as_int64(),
                   Decode(o.at(kRecord))});
  }
  return out;
}

std::string WithMessages(const std::string& body, const std::vector<Listed>& messages) {
  json::object o = Object(body);
  json::array a;
  for (const Listed& m : messages) {
    a.push_back(json::object{{kSeq, m.seq}, {kDay, m.day}, {kRecord, Encode(m.record)}});
  }
  o[kMessages] = std::move(a);
  o[kMore] = false;
  return json::serialize(o);
}

namespace {

KeyRow KeyOf(const json::object& k) {
  KeyRow r{std::string(k.at(kRecipient).as_string()), std::string(k.at(kRole).as_string()),
           Decode(k.at(kSealed)), 0};
  if (const json::value* g = k.if_contains(kGeneration)) r.generation = g->to_number<uint64_t>();
  return r;
}

std::vector<KeyRow> KeysOf(const json::object& o) {
  std::vector<KeyRow> out;
  if (const json::value* keys = o.if_contains(kKeys); keys && keys->is_array()) {
    for (const json::value& k : keys->as_array()) out.push_back(KeyOf(k.as_object()));
  }
  return out;
}

}  // namespace

std::vector<KeyRow> Keys(const std::string& body) { return KeysOf(Object(body)); }

std::string WithKey(const std::string& body, const KeyRow& key) {
  json::object o = Object(body);
  json::array& keys = o.at(kKeys).as_array();
  const json::object row{{kRecipient, key.recipient},
                         {kRole, key.role},
                         {kSealed, Encode(key.sealed)},
                         {kGeneration, key.generation}};
  bool replaced = false;
  for (json::value& k : keys) {
    const KeyRow old = KeyOf(k.as_object());
    if (old.recipient == key.recipient && old.role == key.role &&
        old.generation == key.generation) {
      k = row;
      replaced = true;
    }
  }
  if (!replaced) keys.push_back(row);
  return json::serialize(o);
}

std::vector<Bytes> Geneses(const std::string& body) {
  std::vector<Bytes> out;
  const json::object o = Object(body);
  if (const json::value* a = o.if_contains(kGeneses); a && a->is_array()) {
    for (const json::value& v : a->as_array()) out.push_back(Decode(v));
  }
  return out;
}

std::string WithGeneses(const std::string& body, const std::vector<Bytes>& geneses) {
  json::object o = Object(body);
  json::array a;
  for (const Bytes& b : geneses) a.push_back(Encode(b));
  o[kGeneses] = std::move(a);
  return json::serialize(o);
}

Bytes SourcePublicKey(const std::string& body) {
  const json::object o = Object(body);
  REQUIRE(o.contains(kSourcePublicKey));
  return Decode(o.at(kSourcePublicKey));
}

std::string WithSourcePublicKey(const std::string& body, ByteView source_public) {
  json::object o = Object(body);
  o[kSourcePublicKey] = Encode(source_public);
  return json::serialize(o);
}

std::vector<Bytes> Anchors(const std::string& body) {
  std::vector<Bytes> out;
  const json::object o = Object(body);
  if (const json::value* a = o.if_contains(kAnchors); a && a->is_array()) {
    for (const json::value& v : a->as_array()) out.push_back(Decode(v));
  }
  return out;
}

std::string WithAnchors(const std::string& body, const std::vector<Bytes>& anchors) {
  json::object o = Object(body);
  json::array a;
  for (const Bytes& b : anchors) a.push_back(Encode(b));
  o[kAnchors] = std::move(a);
  return json::serialize(o);
}

std::string WithRekeys(const std::string& body, const std::vector<RekeyRow>& rekeys) {
  json::object o = Object(body);
  json::array a;
  for (const RekeyRow& r : rekeys) {
    a.push_back(json::object{{kGeneration, r.generation}, {kEnvelope, Encode(r.envelope)}});
  }
  o[kRekeys] = std::move(a);
  return json::serialize(o);
}

std::string WithSourceKey(const std::string& body, ByteView sealed) {
  json::object o = Object(body);
  o[kSourceKey] = Encode(sealed);
  return json::serialize(o);
}

Posted ParsePosted(const std::string& request_body) {
  Posted p;
  json::error_code ec;
  json::value v = json::parse(request_body, ec);
  if (ec || !v.is_object()) return p;
  const json::object& o = v.as_object();
  p.keys = KeysOf(o);
  p.message = DecodeIf(o, kMessage);
  p.anchor = DecodeIf(o, kAnchor);
  p.genesis = DecodeIf(o, kGenesis);
  p.rekey = DecodeIf(o, kRekey);
  p.genesis_envelope = DecodeIf(o, kGenesisEnvelope);
  p.envelope = DecodeIf(o, kEnvelope);
  return p;
}

std::string ApiError(const std::string& code, const std::string& message) {
  return json::serialize(json::object{{"error", {{"code", code}, {"message", message}}}});
}

std::string ErrorCode(const std::string& body) {
  json::error_code ec;
  json::value v = json::parse(body, ec);
  if (ec || !v.is_object()) return "";
  const json::value* e = v.as_object().if_contains("error");
  if (!e || !e->is_object()) return "";
  const json::value* c = e->as_object().if_contains("code");
  return c && c->is_string() ? std::string(c->as_string()) : "";
}

std::string StringField(const std::string& body, const std::string& name) {
  json::error_code ec;
  json::value v = json::parse(body, ec);
  if (ec || !v.is_object()) return "";
  const json::value* f = v.as_object().if_contains(name);
  return f && f->is_string() ? std::string(f->as_string()) : "";
}

}  // namespace dojava::hostile
