// Vector checkers for the protocol-2 kinds (crypto/PROTOCOL.md §6, §7.2, §7.3,
// §8): each returns the outcome name and, for successes, checks the output
// and re-encrypts or re-signs from the inputs byte for byte.
#include <catch2/catch_test_macros.hpp>

#include "crypto/case_delete.h"
#include "crypto/case_key_anchor.h"
#include "crypto/case_order.h"
#include "crypto/message_v2.h"
#include "crypto/notes_genesis.h"
#include "crypto/protocol_constants.h"
#include "crypto/rekey.h"
#include "crypto/roster_v2.h"
#include "crypto/statement_envelope.h"
#include "crypto/testing/deterministic.h"
#include "tests/vectors/vector_checks.h"
#include "tests/vectors/vector_json.h"

namespace json = boost::json;

namespace dojava::vectors {
namespace {

using namespace dojava::crypto;
namespace p = dojava::protocol;

template <size_t N>
std::array<uint8_t, N> FixedOf(const json::value& v) {
  const Bytes b = BytesOf(v);
  REQUIRE(b.size() == N);
  std::array<uint8_t, N> a{};
  std::copy(b.begin(), b.end(), a.begin());
  return a;
}

// The roster of a vector's input (verified without an expiry day: it serves
// to look authors up, §6 step 5).
v2::VerifiedRoster AuthorRoster(const json::object& in) {
  auto r = v2::VerifyRoster(BytesOf(in.at("roster")), FixedOf<32>(in.at("admin_public")),
                            FixedOf<16>(in.at("instance_id")), std::nullopt);
  REQUIRE(r.ok());
  return std::move(*r);
}

std::string CheckRosterV2(const json::object& v) {
  const auto& in = v.at("input").as_object();
  const Ed25519Public admin = FixedOf<32>(in.at("admin_public"));
  const Id instance = FixedOf<16>(in.at("instance_id"));
  const Bytes bytes = BytesOf(in.at("roster"));
  auto r = v2::VerifyRoster(bytes, admin, instance, uint32_t(in.at("today").as_int64()));
  if (!r.ok()) return Outcome(r.code());
  if (in.contains("floor")) {
    const Status s = v2::CheckRosterFloor(*r, uint64_t(in.at("floor").as_int64()));
    if (!s.ok()) return Outcome(s.code());
  }
  if (in.contains("seen")) {
    auto seen = v2::VerifyRoster(BytesOf(in.at("seen")), admin, instance, std::nullopt);
    REQUIRE(seen.ok());
    const Status s = v2::CheckRosterChain(*seen, *r);
    if (!s.ok()) return Outcome(s.code());
  }
  const auto& out = v.at("output").as_object();
  const v2::Roster& ro = r->roster();
  CHECK(ro.version == uint64_t(out.at("version").as_int64()));
  CHECK(ro.expires_day == uint64_t(out.at("expires_day").as_int64()));
  CHECK(HexOf(ro.prev_digest) == out.at("prev_digest").as_string());
  CHECK(HexOf(r->digest()) == out.at("digest").as_string());
  const auto& entries = out.at("entries").as_array();
  REQUIRE(entries.size() == ro.entries.size());
  for (size_t i = 0; i < entries.size(); ++i) {
    const auto& e = entries[i].as_object();
    const v2::RosterEntry& x = ro.entries[i];
    CHECK(HexOf(x.reviewer_id) == e.at("reviewer_id").as_string());
    CHECK(x.retired_at == uint64_t(e.at("retired_at").as_int64()));
    CHECK(x.key_epoch == uint64_t(e.at("key_epoch").as_int64()));
    CHECK(HexOf(x.ed25519) == e.at("ed25519").as_string());
    CHECK(HexOf(x.x25519) == e.at("x25519").as_string());
    CHECK(x.name == std::string(e.at("name").as_string()));
  }
  return "success";
}

void ReencryptMessage(const json::object& in, const v2::OpenedMessage& m, const SecretBytes& ck,
                      const SecretBytes& nk, const Bytes& record) {
  const auto& e = in.at("encrypt").as_object();
  const uint8_t kind = uint8_t(e.at("kind").as_int64());
  const Ed25519KeyPair kp = Ed25519FromSeed(BytesOf(e.at("signer_ed25519_seed")));
  v2::Signer s;
  s.author = uint8_t(e.at("author").as_int64());
  s.reviewer_id = m.reviewer_id;
  s.source_public = kp.public_key;
  s.secret_key = &kp.secret_key;
  v2::EventContext ctx;
  ctx.roster_version = uint64_t(e.at("roster_version").as_int64());
  ctx.day = uint32_t(e.at("day").as_int64());
  ctx.prev = FixedOf<32>(e.at("prev"));
  auto again = v2::EncryptMessageWithNonce(
      kind == p::kKindConversation ? ck : nk, kind, FixedOf<16>(in.at("case_id")),
      FixedOf<16>(e.at("message_id")), BytesOf(e.at("body")), s, ctx, BytesOf(e.at("nonce")));
  REQUIRE(again.ok());
  CHECK(*again == record);
}

std::string CheckMessageV2(const json::object& v) {
  const auto& in = v.at("input").as_object();
  const v2::VerifiedRoster roster = AuthorRoster(in);
  const SecretBytes ck = SecretOf(in.at("case_key"));
  const SecretBytes nk = SecretOf(in.at("notes_key"));
  const Bytes record = BytesOf(in.at("record"));
  auto m =
      v2::DecryptMessage(record, FixedOf<16>(in.at("case_id")), v2::CaseKeys{&ck, &nk}, roster);
  if (!m.ok()) return Outcome(m.code());
  const auto& out = v.at("output").as_object();
  CHECK(m->kind == out.at("kind").as_int64());
  CHECK(HexOf(m->message_id) == out.at("message_id").as_string());
  CHECK(m->author == out.at("author").as_int64());
  CHECK(HexOf(m->reviewer_id) == out.at("reviewer_id").as_string());
  CHECK(HexOf(m->source_public) == out.at("source_public").as_string());
  CHECK(m->context.roster_version == uint64_t(out.at("roster_version").as_int64()));
  CHECK(m->context.day == uint64_t(out.at("day").as_int64()));
  CHECK(HexOf(m->context.prev) == out.at("prev").as_string());
  CHECK(HexOf(v2::KeyCommitment(m->kind == p::kKindNotes ? nk : ck)) ==
        out.at("key_commitment").as_string());
  CHECK(HexOf(m->event_hash) == out.at("event_hash").as_string());
  CHECK(HexOf(m->body.reveal()) == out.at("body").as_string());
  CHECK(record.size() - p::kMessageHeaderSizeV2 - p::kAeadTagSize ==
        uint64_t(out.at("padded_size").as_int64()));
  CHECK(out.size() == 12);  // a new output field is checked, not skipped
  ReencryptMessage(in, *m, ck, nk, record);
  return "success";
}

std::string CheckNotesGenesis(const json::object& v) {
  const auto& in = v.at("input").as_object();
  const v2::VerifiedRoster roster = AuthorRoster(in);
  const SecretBytes ck = SecretOf(in.at("case_key"));
  const SecretBytes nk = SecretOf(in.at("notes_key"));
  const Id case_id = FixedOf<16>(in.at("case_id"));
  const Bytes bytes = BytesOf(in.at("genesis"));
  auto g = v2::CheckNotesGenesis(bytes, case_id, ck, nk, roster);
  if (!g.ok()) return Outcome(g.code());
  const auto& out = v.at("output").as_object();
  CHECK(HexOf(g->creator) == out.at("creator").as_string());
  CHECK(g->roster_version == uint64_t(out.at("roster_version").as_int64()));
  const auto& rs = out.at("recipients").as_array();
  REQUIRE(rs.size() == g->recipients.size());
  for (size_t i = 0; i < rs.size(); ++i) CHECK(HexOf(g->recipients[i]) == rs[i].as_string());
  const Ed25519KeyPair kp = Ed25519FromSeed(BytesOf(in.at("make").at("creator_ed25519_seed")));
  CHECK(v2::MakeNotesGenesis(*g, ck, nk, kp.secret_key).value() == bytes);
  return "success";
}

std::string CheckCkAnchor(const json::object& v) {
  const auto& in = v.at("input").as_object();
  const v2::VerifiedRoster roster = AuthorRoster(in);
  const SecretBytes ck = SecretOf(in.at("case_key"));
  const Id case_id = FixedOf<16>(in.at("case_id"));
  const Bytes bytes = BytesOf(in.at("anchor"));
  auto id = v2::CheckCaseKeyAnchor(bytes, case_id, ck, roster);
  if (!id.ok()) return Outcome(id.code());
  CHECK(HexOf(*id) == v.at("output").at("reviewer_id").as_string());
  const Ed25519KeyPair kp = Ed25519FromSeed(BytesOf(in.at("reviewer_ed25519_seed")));
  CHECK(v2::MakeCaseKeyAnchor(case_id, *id, ck, kp.secret_key).value() == bytes);
  return "success";
}

std::string CheckCaseDelete(const json::object& v) {
  const auto& in = v.at("input").as_object();
  const v2::VerifiedRoster roster = AuthorRoster(in);
  const Id case_id = FixedOf<16>(in.at("case_id"));
  const Bytes bytes = BytesOf(in.at("statement"));
  const auto today = static_cast<uint32_t>(in.at("today").as_int64());
  auto s = v2::CheckCaseDelete(bytes, case_id, roster, today);
  if (!s.ok()) return Outcome(s.code());
  CHECK(HexOf(s->reviewer_id) == v.at("output").at("reviewer_id").as_string());
  CHECK(s->day == v.at("output").at("day").as_int64());
  const Ed25519KeyPair kp = Ed25519FromSeed(BytesOf(in.at("reviewer_ed25519_seed")));
  CHECK(v2::MakeCaseDelete(*s, kp.secret_key).value() == bytes);
  return "success";
}

std::string CheckRekey(const json::object& v) {
  const auto& in = v.at("input").as_object();
  const v2::VerifiedRoster roster = AuthorRoster(in);
  const SecretBytes held = SecretOf(in.at("held_key"));
  const Id case_id = FixedOf<16>(in.at("case_id"));
  const Bytes bytes = BytesOf(in.at("statement"));
  auto s = v2::CheckRekey(bytes, case_id, held, roster);
  if (!s.ok()) return Outcome(s.code());
  SecretBytes new_key;
  if (in.contains("source_secret")) {
    const SecretBytes sk = SecretOf(in.at("source_secret"));
    auto k = v2::OpenRekeyForSource(*s, sk, X25519Base(sk.reveal()));
    if (!k.ok()) return Outcome(k.code());
    new_key = std::move(*k);
  } else {
    new_key = SecretOf(in.at("new_key"));
    const Status st = v2::CheckRekeyNewKey(*s, new_key);
    if (!st.ok()) return Outcome(st.code());
  }
  const auto& out = v.at("output").as_object();
  CHECK(HexOf(s->reviewer_id) == out.at("reviewer_id").as_string());
  CHECK(s->roster_version == uint64_t(out.at("roster_version").as_int64()));
  CHECK(HexOf(s->new_commit) == out.at("new_commit").as_string());
  CHECK(HexOf(new_key.reveal()) == out.at("new_key").as_string());
  const auto& mk = in.at("make").as_object();
  const Ed25519KeyPair kp = Ed25519FromSeed(BytesOf(mk.at("reviewer_ed25519_seed")));
  CHECK(v2::MakeRekey(case_id, s->reviewer_id, SecretOf(mk.at("old_key")),
                      SecretOf(mk.at("new_key")), s->source_seal, s->roster_version, kp.secret_key)
            .value() == bytes);
  return "success";
}

// The `type` of a §11 body, or "" if it is not a JSON object with a string `type`.
std::string BodyType(const v2::OpenedMessage& m) {
  boost::system::error_code ec;
  const json::value body = json::parse(m.body.reveal_chars(), ec);
  if (ec || !body.is_object() || !body.as_object().contains("type")) return "";
  const json::value& type = body.as_object().at("type");
  return type.is_string() ? std::string(type.as_string()) : "";
}

std::string CheckCaseOrder(const json::object& v) {
  const auto& in = v.at("input").as_object();
  const v2::VerifiedRoster roster = AuthorRoster(in);
  const SecretBytes ck = SecretOf(in.at("case_key"));
  const SecretBytes nk = SecretOf(in.at("notes_key"));
  const Id case_id = FixedOf<16>(in.at("case_id"));
  std::vector<Bytes> records;
  for (const auto& r : in.at("records").as_array()) records.push_back(BytesOf(r));
  std::vector<std::optional<v2::OpenedMessage>> opened;
  std::vector<v2::ListedRecord> listing;
  opened.reserve(records.size());
  for (const Bytes& r : records) {
    auto m = v2::DecryptMessage(r, case_id, v2::CaseKeys{&ck, &nk}, roster);
    opened.push_back(m.ok() ? std::optional(std::move(*m)) : std::nullopt);
    listing.push_back({v2::EventHash(r), opened.back() ? &*opened.back() : nullptr});
  }
  v2::HighWaterMark seen;
  if (in.contains("seen")) {
    seen.count = uint64_t(in.at("seen").at("count").as_int64());
    seen.last_hash = FixedOf<32>(in.at("seen").at("last_hash"));
  }
  const v2::CaseOrderReport report = v2::CheckCaseOrder(listing, roster, seen);
  if (!report.case_status.ok()) return Outcome(report.case_status.code());
  // §8.4, §11.4: message #1's body is a report, and no later body is one.
  if (BodyType(*listing[0].opened) != "report") return Outcome(Code::kMalformed);
  for (size_t i = 0; i < listing.size(); ++i) {
    if (!report.records[i].ok()) return Outcome(report.records[i].code());
    if (i > 0 && listing[i].opened != nullptr && BodyType(*listing[i].opened) == "report")
      return Outcome(Code::kMalformed);
  }
  const auto& out = v.at("output").as_object();
  CHECK(report.next.count == uint64_t(out.at("count").as_int64()));
  CHECK(HexOf(report.next.last_hash) == out.at("last_hash").as_string());
  return "success";
}

// §7.4: open with the CKs the reader holds (picked by kc); a success
// re-seals byte for byte.
std::string CheckStatementEnvelope(const json::object& v) {
  const auto& in = v.at("input").as_object();
  const Id case_id = FixedOf<16>(in.at("case_id"));
  std::vector<SecretBytes> keys;
  for (const auto& k : in.at("case_keys").as_array()) keys.push_back(SecretOf(k));
  std::vector<const SecretBytes*> held;
  for (const auto& k : keys) held.push_back(&k);
  const auto type = static_cast<uint8_t>(in.at("type").as_int64());
  const Bytes envelope = BytesOf(in.at("envelope"));
  auto opened = v2::OpenStatement(envelope, type, case_id, held);
  if (!opened.ok()) return Outcome(opened.code());
  const auto& out = v.at("output").as_object();
  CHECK(HexOf(opened->statement) == out.at("statement").as_string());
  CHECK(opened->key_index == size_t(out.at("key_index").as_int64()));
  const auto& seal = in.at("seal").as_object();
  CHECK(v2::SealStatementWithNonce(SecretOf(seal.at("case_key")), type, case_id, opened->statement,
                                   BytesOf(seal.at("nonce")))
            .value() == envelope);
  return "success";
}

}  // namespace

std::map<std::string, Checker> V2Checkers() {
  return {{"roster_v2", CheckRosterV2},
          {"message_v2", CheckMessageV2},
          {"notes_genesis", CheckNotesGenesis},
          {"ck_anchor", CheckCkAnchor},
          {"rekey", CheckRekey},
          {"case_delete", CheckCaseDelete},
          {"case_order", CheckCaseOrder},
          {"statement_envelope", CheckStatementEnvelope}};
}

}  // namespace dojava::vectors
