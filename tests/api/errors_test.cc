// Every error of service/API.md on at least one route, strict parsing, and
// after each failure: the store is unchanged (read back through the store's
// own read methods, never through the API).
#include <catch2/catch_test_macros.hpp>
#include <tuple>

#include "crypto/attachment.h"
#include "tests/support/api_harness.h"

namespace dojava::api::testing {
namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;  // name, raw JSON value

std::string Obj(const Fields& fields) {
  std::string s = "{";
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) s += ",";
    s += "\"" + fields[i].first + "\":" + fields[i].second;
  }
  return s + "}";
}
std::string Q(const std::string& s) { return "\"" + s + "\""; }
Fields Replace(Fields f, const std::string& name, const std::string& raw) {
  for (auto& [n, v] : f) {
    if (n == name) v = raw;
  }
  return f;
}
Fields Drop(Fields f, const std::string& name) {
  std::erase_if(f, [&](const auto& p) { return p.first == name; });
  return f;
}

Options Octets(Options o = {}) {
  o.content_type = "application/octet-stream";
  return o;
}

// Everything the store holds about the cases and uploads the test knows.
struct Snapshot {
  std::vector<std::tuple<Id, service::Day, service::Day, service::Day>> cases;
  std::vector<std::vector<service::SealedKey>> keys;
  std::vector<std::vector<std::pair<uint64_t, Bytes>>> messages;
  std::vector<std::pair<uint32_t, std::vector<uint32_t>>> uploads;
  std::vector<Bytes> chunks;
  uint64_t roster_version = 0;
  Bytes roster;
  bool operator==(const Snapshot&) const = default;
};

// A world with a roster (Alice, Bob), Alice logged in, one case submitted by
// a source with a bound 1-chunk file, and one unfinished 2-chunk upload.
struct World {
  Harness h;
  Reviewer alice, bob;
  std::string token;
  Options auth;
  Id case_id = service::testing::RandomId();
  SecretBytes ck = SecretBytes::Random(32);
  crypto::FileSecrets bound_file = crypto::FileSecrets::Generate();
  crypto::FileSecrets open_file = crypto::FileSecrets::Generate();
  std::string lookup_key = B64(SecretBytes::Random(32).reveal());
  crypto::X25519Public source_public{};
  Bytes open_chunk0;

  explicit World(uint64_t disk_reserve = 0) : h(ApiOptions{}, disk_reserve) {
    alice.name = "Alice";
    bob.name = "Bob";
    h.InstallRoster({&alice, &bob}, 1);
    token = h.Login(alice);
    auth = Harness::Bearer(token);
    source_public = crypto::ReviewerKey::Generate().x25519_public();
    if (disk_reserve > 0) return;
    // Uploads.
    auto c = crypto::EncryptChunk(bound_file, 0, true, AsBytes(std::string_view("hello")));
    REQUIRE(c.ok());
    REQUIRE(h.Post(kSource, "/api/v1/uploads",
                   Obj({{"file_id", Q(B64(bound_file.file_id()))}, {"chunks", "1"}}))
                .status == 201);
    REQUIRE(
        h.Do(kSource, Method::kPut, ChunkPath(bound_file, 0), std::string(AsChars(*c)), Octets())
            .status == 204);
    REQUIRE(h.Post(kSource, "/api/v1/uploads",
                   Obj({{"file_id", Q(B64(open_file.file_id()))}, {"chunks", "2"}}))
                .status == 201);
    auto c0 =
        crypto::EncryptChunk(open_file, 0, false, Bytes(protocol::kChunkPlainSize, uint8_t{7}));
    REQUIRE(c0.ok());
    open_chunk0 = *c0;
    REQUIRE(
        h.Do(kSource, Method::kPut, ChunkPath(open_file, 0), std::string(AsChars(*c0)), Octets())
            .status == 204);
    // The case.
    HttpResponse r = h.Post(kSource, "/api/v1/cases",
                            Obj(CaseFields(case_id, lookup_key, {B64(bound_file.file_id())})));
    REQUIRE(r.status == 201);
  }

  static std::string ChunkPath(const crypto::FileSecrets& f, int index) {
    return "/api/v1/uploads/" + B64(f.file_id()) + "/chunks/" + std::to_string(index);
  }

  std::string Keys(const Id& id, const std::vector<const Reviewer*>& reviewers,
                   bool with_source = true) {
    std::string s = "[";
    if (with_source) {
      s += SealedKeyJson("source", "case", Seal(ck, protocol::kRoleCaseKey, id, source_public));
    }
    for (const Reviewer* r : reviewers) {
      if (s.size() > 1) s += ",";
      s += SealedKeyJson(B64(r->id), "case",
                         Seal(ck, protocol::kRoleCaseKey, id, r->key.x25519_public()));
    }
    return s + "]";
  }

  // The fields of a valid POST /api/v1/cases body.
  Fields CaseFields(const Id& id, const std::string& lookup,
                    const std::vector<std::string>& files = {}) {
    std::string f = "[";
    for (size_t i = 0; i < files.size(); ++i) f += (i ? ",\"" : "\"") + files[i] + "\"";
    f += "]";
    return {{"case_id", Q(B64(id))},
            {"lookup_key", Q(lookup)},
            {"source_public_key", Q(B64(source_public))},
            {"keys", Keys(id, {&alice, &bob})},
            {"message", Q(B64(Record(ck, protocol::kKindConversation, id, "report")))},
            {"files", f}};
  }

  Snapshot Take() {
    Snapshot s;
    auto cases = h.store().ListCasesChangedSince(0, std::nullopt, 100);
    REQUIRE(cases.ok());
    for (const auto& c : *cases) {
      s.cases.emplace_back(c.case_id, c.created_day, c.last_activity_day, c.expiry_day);
      auto keys = h.store().GetSealedKeys(c.case_id);
      REQUIRE(keys.ok());
      s.keys.push_back(*keys);
      auto msgs = h.store().ListMessages(c.case_id, 0, 1000, 64 << 20);
      REQUIRE(msgs.ok());
      std::vector<std::pair<uint64_t, Bytes>> m;
      for (const auto& x : *msgs) m.emplace_back(x.seq, x.record);
      s.messages.push_back(m);
    }
    for (const auto* f : {&bound_file, &open_file}) {
      auto u = h.store().GetUploadStatus(f->file_id());
      s.uploads.emplace_back(u.ok() ? u->chunk_count : 0,
                             u.ok() ? u->missing : std::vector<uint32_t>{});
    }
    auto chunk = h.store().GetChunk(case_id, bound_file.file_id(), 0);
    s.chunks.push_back(chunk.ok() ? *chunk : Bytes{});
    auto roster = h.store().GetRoster();
    if (roster.ok()) {
      s.roster_version = roster->version;
      s.roster = roster->signed_bytes;
    }
    return s;
  }
};

// Sends the request and checks the error code and that nothing changed.
#define EXPECT_REFUSED(world, response_expr, status_code, code_text) \
  do {                                                               \
    const Snapshot before_ = (world).Take();                         \
    const HttpResponse r_ = (response_expr);                         \
    CHECK(r_.status == (status_code));                               \
    CHECK(r_.content_type == "application/json");                    \
    CHECK(ErrorCode(r_) == (code_text));                             \
    CHECK((world).Take() == before_);                                \
  } while (0)

TEST_CASE("errors: not_found for unknown routes, methods, cases, keys, uploads", "[api][errors]") {
  World w;
  const std::string case_path = "/api/v1/cases/" + B64(w.case_id);
  EXPECT_REFUSED(w, w.h.Get(kSource, "/api/v1/nothing"), 404, "not_found");
  EXPECT_REFUSED(w, w.h.Do(kSource, Method::kDelete, "/api/v1/instance"), 404, "not_found");
  // A reviewer route does not exist on the source listener, and vice versa.
  EXPECT_REFUSED(w, w.h.Get(kSource, case_path, w.auth), 404, "not_found");
  EXPECT_REFUSED(w, w.h.Get(kReviewer, "/api/v1/source/case", Harness::LookupKey(w.lookup_key)),
                 404, "not_found");
  EXPECT_REFUSED(w,
                 w.h.Get(kReviewer, "/api/v1/cases/" + B64(service::testing::RandomId()), w.auth),
                 404, "not_found");
  EXPECT_REFUSED(w,
                 w.h.Do(kReviewer, Method::kDelete,
                        "/api/v1/cases/" + B64(service::testing::RandomId()), "", w.auth),
                 404, "not_found");
  // Lookup key: unknown, malformed or missing are the same 404.
  for (const std::string& key :
       std::vector<std::string>{B64(SecretBytes::Random(32).reveal()), w.lookup_key.substr(1),
                                w.lookup_key + "A", std::string("*")}) {
    EXPECT_REFUSED(w, w.h.Get(kSource, "/api/v1/source/case", Harness::LookupKey(key)), 404,
                   "not_found");
    EXPECT_REFUSED(w,
                   w.h.Post(kSource, "/api/v1/source/messages",
                            Obj({{"message", Q(B64(Record(w.ck, 1, w.case_id, "x")))}}),
                            Harness::LookupKey(key)),
                   404, "not_found");
  }
  EXPECT_REFUSED(w, w.h.Get(kSource, "/api/v1/source/case"), 404, "not_found");
  EXPECT_REFUSED(w, w.h.Get(kSource, "/api/v1/uploads/" + B64(service::testing::RandomId())), 404,
                 "not_found");
  EXPECT_REFUSED(w,
                 w.h.Do(kSource, Method::kPut,
                        "/api/v1/uploads/" + B64(service::testing::RandomId()) + "/chunks/0",
                        std::string(AsChars(w.open_chunk0)), Octets()),
                 404, "not_found");
  // A chunk of a file bound to another case, or of an unfinished upload.
  EXPECT_REFUSED(
      w,
      w.h.Get(kSource, "/api/v1/source/files/" + B64(w.open_file.file_id()) + "/chunks/0",
              Harness::LookupKey(w.lookup_key)),
      404, "not_found");
  EXPECT_REFUSED(
      w,
      w.h.Get(kReviewer, case_path + "/files/" + B64(w.bound_file.file_id()) + "/chunks/1", w.auth),
      404, "not_found");
  // A bound upload is no longer an upload.
  EXPECT_REFUSED(w, w.h.Get(kSource, "/api/v1/uploads/" + B64(w.bound_file.file_id())), 404,
                 "not_found");
  // Create a case naming an unknown file.
  const Id other = service::testing::RandomId();
  EXPECT_REFUSED(w,
                 w.h.Post(kSource, "/api/v1/cases",
                          Obj(w.CaseFields(other, B64(SecretBytes::Random(32).reveal()),
                                           {B64(service::testing::RandomId())}))),
                 404, "not_found");
}

TEST_CASE("errors: conflicts", "[api][errors]") {
  World w;
  const std::string case_path = "/api/v1/cases/" + B64(w.case_id);
  SECTION("duplicate case id, duplicate lookup key") {
    EXPECT_REFUSED(w,
                   w.h.Post(kSource, "/api/v1/cases",
                            Obj(w.CaseFields(w.case_id, B64(SecretBytes::Random(32).reveal())))),
                   409, "conflict");
    EXPECT_REFUSED(w,
                   w.h.Post(kSource, "/api/v1/cases",
                            Obj(w.CaseFields(service::testing::RandomId(), w.lookup_key))),
                   409, "conflict");
  }
  SECTION("unfinished upload in a message") {
    EXPECT_REFUSED(w,
                   w.h.Post(kSource, "/api/v1/cases",
                            Obj(w.CaseFields(service::testing::RandomId(),
                                             B64(SecretBytes::Random(32).reveal()),
                                             {B64(w.open_file.file_id())}))),
                   409, "conflict");
    EXPECT_REFUSED(w,
                   w.h.Post(kSource, "/api/v1/source/messages",
                            Obj({{"message", Q(B64(Record(w.ck, 1, w.case_id, "x")))},
                                 {"files", "[" + Q(B64(w.open_file.file_id())) + "]"}}),
                            Harness::LookupKey(w.lookup_key)),
                   409, "conflict");
    // An already bound file is not an upload any more.
    EXPECT_REFUSED(w,
                   w.h.Post(kReviewer, case_path + "/messages",
                            Obj({{"message", Q(B64(Record(w.ck, 1, w.case_id, "x")))},
                                 {"files", "[" + Q(B64(w.bound_file.file_id())) + "]"}}),
                            w.auth),
                   404, "not_found");
  }
  SECTION("upload: same id other count; bound id; other bytes for a stored chunk") {
    EXPECT_REFUSED(w,
                   w.h.Post(kSource, "/api/v1/uploads",
                            Obj({{"file_id", Q(B64(w.open_file.file_id()))}, {"chunks", "3"}})),
                   409, "conflict");
    EXPECT_REFUSED(w,
                   w.h.Post(kSource, "/api/v1/uploads",
                            Obj({{"file_id", Q(B64(w.bound_file.file_id()))}, {"chunks", "1"}})),
                   409, "conflict");
    Bytes other = w.open_chunk0;
    other[100] ^= 1;
    EXPECT_REFUSED(w,
                   w.h.Do(kSource, Method::kPut, World::ChunkPath(w.open_file, 0),
                          std::string(AsChars(other)), Octets()),
                   409, "conflict");
    // The same bytes again are fine.
    CHECK(w.h.Do(kSource, Method::kPut, World::ChunkPath(w.open_file, 0),
                 std::string(AsChars(w.open_chunk0)), Octets())
              .status == 204);
  }
  SECTION("notes: no notes key yet; a second notes key") {
    const SecretBytes nk = SecretBytes::Random(32);
    const crypto::ReviewerSigner signer = w.alice.key.Signer(w.alice.id);
    const std::string note =
        Obj({{"message", Q(B64(Record(nk, protocol::kKindNotes, w.case_id, "x", &signer)))}});
    EXPECT_REFUSED(w, w.h.Post(kReviewer, case_path + "/messages", note, w.auth), 409, "conflict");
    auto nk_json = [&](const SecretBytes& key) {
      return KeysWithGenesis(
          Obj({{"keys", "[" +
                            SealedKeyJson(B64(w.alice.id), "notes",
                                          Seal(key, protocol::kRoleNotesKey, w.case_id,
                                               w.alice.key.x25519_public())) +
                            "]"}}),
          NotesGenesis(w.alice, w.case_id, 1, {w.alice.id}, w.ck, key), w.ck);
    };
    const std::string first = nk_json(nk);
    REQUIRE(w.h.Post(kReviewer, case_path + "/keys", first, w.auth).status == 204);
    CHECK(w.h.Post(kReviewer, case_path + "/keys", first, w.auth).status == 204);  // same: no-op
    EXPECT_REFUSED(
        w, w.h.Post(kReviewer, case_path + "/keys", nk_json(SecretBytes::Random(32)), w.auth), 409,
        "conflict");
    CHECK(w.h.Post(kReviewer, case_path + "/messages", note, w.auth).status == 201);
  }
}

TEST_CASE("errors: roster_changed and not_ready", "[api][errors]") {
  World w;
  Reviewer carol;
  carol.name = "Carol";
  const std::string lookup = B64(SecretBytes::Random(32).reveal());
  const Id id = service::testing::RandomId();
  Fields base = w.CaseFields(id, lookup);
  // Keys for an older roster (Alice only), a newer one (Carol too), another reviewer.
  for (const auto& keys : {w.Keys(id, {&w.alice}), w.Keys(id, {&w.alice, &w.bob, &carol}),
                           w.Keys(id, {&w.alice, &carol})}) {
    EXPECT_REFUSED(w, w.h.Post(kSource, "/api/v1/cases", Obj(Replace(base, "keys", keys))), 409,
                   "roster_changed");
  }
  // Granting to someone not on the roster.
  EXPECT_REFUSED(
      w,
      w.h.Post(kReviewer, "/api/v1/cases/" + B64(w.case_id) + "/keys",
               Obj({{"keys", "[" +
                                 SealedKeyJson(B64(carol.id), "case",
                                               Seal(w.ck, protocol::kRoleCaseKey, w.case_id,
                                                    carol.key.x25519_public())) +
                                 "]"}}),
               w.auth),
      409, "roster_changed");
  // The right keys work.
  CHECK(w.h.Post(kSource, "/api/v1/cases", Obj(base)).status == 201);

  // No roster at all.
  Harness empty;
  HttpResponse r =
      empty.Post(kSource, "/api/v1/cases", Obj(w.CaseFields(service::testing::RandomId(), lookup)));
  CHECK(r.status == 503);
  CHECK(ErrorCode(r) == "not_ready");
  CHECK(empty.store().ListCasesChangedSince(0, std::nullopt, 10)->empty());
}

TEST_CASE("errors: unsupported_media_type", "[api][errors]") {
  World w;
  Options text;
  text.content_type = "text/plain";
  Options none;
  none.content_type = "";
  Options json_ok;
  json_ok.content_type = "Application/JSON; charset=utf-8";
  const std::string body =
      Obj(w.CaseFields(service::testing::RandomId(), B64(SecretBytes::Random(32).reveal())));
  EXPECT_REFUSED(w, w.h.Post(kSource, "/api/v1/cases", body, text), 415, "unsupported_media_type");
  EXPECT_REFUSED(w, w.h.Post(kSource, "/api/v1/cases", body, none), 415, "unsupported_media_type");
  // A chunk sent as JSON, JSON sent as octets.
  EXPECT_REFUSED(w,
                 w.h.Do(kSource, Method::kPut, World::ChunkPath(w.open_file, 1),
                        std::string(AsChars(w.open_chunk0))),
                 415, "unsupported_media_type");
  EXPECT_REFUSED(
      w,
      w.h.Post(kSource, "/api/v1/uploads",
               Obj({{"file_id", Q(B64(service::testing::RandomId()))}, {"chunks", "1"}}), Octets()),
      415, "unsupported_media_type");
  CHECK(w.h.Post(kSource, "/api/v1/cases", body, json_ok).status == 201);
}

TEST_CASE("errors: body_too_large and insufficient_storage", "[api][errors]") {
  World w;
  // JSON over 1 MiB (the HTTP layer's cap for JSON routes).
  EXPECT_REFUSED(w, w.h.Post(kSource, "/api/v1/cases", std::string(1024 * 1024 + 1, ' ')), 413,
                 "body_too_large");
  // A chunk of the wrong size is a 400, one over the chunk cap a 413.
  EXPECT_REFUSED(w,
                 w.h.Do(kSource, Method::kPut, World::ChunkPath(w.open_file, 1),
                        std::string(AsChars(w.open_chunk0)) + "x", Octets()),
                 400, "bad_request");
  EXPECT_REFUSED(w,
                 w.h.Do(kSource, Method::kPut, World::ChunkPath(w.open_file, 1),
                        std::string(2 * 1024 * 1024 + 1, 'x'), Octets()),
                 413, "body_too_large");

  World full(uint64_t{1} << 62);  // a disk reserve no disk can meet
  EXPECT_REFUSED(
      full,
      full.h.Post(kSource, "/api/v1/uploads",
                  Obj({{"file_id", Q(B64(service::testing::RandomId()))}, {"chunks", "1"}})),
      507, "insufficient_storage");
}

// Regression (issue 15): on a full disk a source follow-up, a reviewer reply
// and a first notes key answered 409 conflict ("This conflicts with what is
// stored") while case creation and uploads answered 507.
TEST_CASE("regression: every write answers 507 insufficient_storage on a full disk",
          "[api][errors][disk]") {
  World w;
  w.h.SetDiskFull(true);
  const std::string case_path = "/api/v1/cases/" + B64(w.case_id);
  const crypto::ReviewerSigner alice = w.alice.key.Signer(w.alice.id);
  EXPECT_REFUSED(w,
                 w.h.Post(kSource, "/api/v1/source/messages",
                          Obj({{"message", Q(B64(Record(w.ck, 1, w.case_id, "follow-up")))}}),
                          Harness::LookupKey(w.lookup_key)),
                 507, "insufficient_storage");
  EXPECT_REFUSED(w,
                 w.h.Post(kReviewer, case_path + "/messages",
                          Obj({{"message", Q(B64(Record(w.ck, 1, w.case_id, "reply",
                                                        &alice)))}}),
                          w.auth),
                 507, "insufficient_storage");
  const SecretBytes nk = SecretBytes::Random(32);
  EXPECT_REFUSED(
      w,
      w.h.Post(kReviewer, case_path + "/keys",
               KeysWithGenesis(Obj({{"keys", "[" +
                                                 SealedKeyJson(B64(w.alice.id), "notes",
                                                               Seal(nk, protocol::kRoleNotesKey,
                                                                    w.case_id,
                                                                    w.alice.key.x25519_public())) +
                                                 "]"}}),
                               NotesGenesis(w.alice, w.case_id, 1, {w.alice.id}, w.ck, nk), w.ck),
               w.auth),
      507, "insufficient_storage");
  const Id other = service::testing::RandomId();
  EXPECT_REFUSED(w,
                 w.h.Post(kSource, "/api/v1/cases",
                          Obj(w.CaseFields(other, B64(SecretBytes::Random(32).reveal())))),
                 507, "insufficient_storage");
  EXPECT_REFUSED(
      w,
      w.h.Post(kSource, "/api/v1/uploads",
               Obj({{"file_id", Q(B64(service::testing::RandomId()))}, {"chunks", "1"}})),
      507, "insufficient_storage");
  // Space is back: the same follow-up is stored.
  w.h.SetDiskFull(false);
  CHECK(w.h.Post(kSource, "/api/v1/source/messages",
                 Obj({{"message", Q(B64(Record(w.ck, 1, w.case_id, "follow-up")))}}),
                 Harness::LookupKey(w.lookup_key))
            .status == 201);
}

TEST_CASE("errors: strict JSON on create-case", "[api][errors][json]") {
  World w;
  const Id id = service::testing::RandomId();
  const std::string lookup = B64(SecretBytes::Random(32).reveal());
  const Fields good = w.CaseFields(id, lookup);
  std::string noncanonical = B64(id);  // 16 bytes: the last character carries 2 unused bits
  noncanonical.back() =
      noncanonical.back() == 'A' ? 'B' : static_cast<char>(noncanonical.back() + 1);
  Fields dup = good;
  dup.emplace_back("case_id", Q(B64(service::testing::RandomId())));
  Fields unknown = good;
  unknown.emplace_back("note", "1");
  const std::string body_good = Obj(good);
  std::vector<std::string> bad = {
      Obj(dup),                                                   // duplicate key
      Obj(unknown),                                               // unknown field
      Obj(Drop(good, "lookup_key")),                              // missing field
      Obj(Replace(good, "case_id", "1")),                         // wrong type
      Obj(Replace(good, "case_id", "null")),                      // wrong type
      Obj(Replace(good, "keys", "{}")),                           // wrong type
      Obj(Replace(good, "files", "\"x\"")),                       // wrong type
      Obj(Replace(good, "files", "[1]")),                         // wrong element type
      Obj(Replace(good, "case_id", Q(noncanonical))),             // non-canonical base64url
      Obj(Replace(good, "case_id", Q(B64(id) + "=="))),           // padding
      Obj(Replace(good, "case_id", Q(B64(id).substr(1)))),        // wrong length
      Obj(Replace(good, "case_id", Q(" " + B64(id).substr(1)))),  // white space
      Obj(Replace(good, "lookup_key", Q(lookup.substr(2)))),      // wrong length
      Obj(Replace(good, "source_public_key", Q(B64(id)))),        // 16 bytes for 32
      Obj(Replace(good, "message", Q("AgAA"))),                   // not a record (version 2, 3 bytes)
      Obj(Replace(good, "keys", "[]")),                           // no keys
      body_good.substr(0, body_good.size() - 1),                  // truncated
      body_good + " {}",                                          // trailing data
      body_good + ",",                                            //
      "[" + body_good + "]",                                      // not an object
      "",                                                         // empty
      "{\"case_id\":\"" + B64(id) + "\",/*c*/}",                  // comment
      Obj(Replace(good, "files", "[\"" + B64(w.open_file.file_id()) + "\",]")),  // trailing comma
      "{\"case_id\":\"\xff\xfe\"}",                                              // invalid UTF-8
  };
  // Records of another case or of the notes kind.
  const Id other = service::testing::RandomId();
  bad.push_back(
      Obj(Replace(good, "message", Q(B64(Record(w.ck, protocol::kKindConversation, other, "x"))))));
  const crypto::ReviewerSigner signer = w.alice.key.Signer(w.alice.id);
  bad.push_back(
      Obj(Replace(good, "message", Q(B64(Record(w.ck, protocol::kKindNotes, id, "x", &signer))))));
  // A flipped version byte in a sealed key (in the record: below).
  Bytes sealed = Seal(w.ck, protocol::kRoleCaseKey, id, w.source_public);
  Bytes sealed_v2 = sealed;
  sealed_v2[0] = 2;
  bad.push_back(Obj(Replace(good, "keys", "[" + SealedKeyJson("source", "case", sealed_v2) + "]")));
  // Role byte disagreeing with "role", the source with a notes key, a
  // reviewer listed twice, an unknown role, a notes key at submission.
  bad.push_back(Obj(Replace(good, "keys", "[" + SealedKeyJson("source", "notes", sealed) + "]")));
  bad.push_back(Obj(Replace(good, "keys", "[" + SealedKeyJson("source", "owner", sealed) + "]")));
  Bytes notes = Seal(w.ck, protocol::kRoleNotesKey, id, w.alice.key.x25519_public());
  bad.push_back(Obj(
      Replace(good, "keys",
              w.Keys(id, {&w.alice, &w.bob}).substr(0, w.Keys(id, {&w.alice, &w.bob}).size() - 1) +
                  "," + SealedKeyJson(B64(w.alice.id), "notes", notes) + "]")));
  bad.push_back(Obj(Replace(good, "keys", w.Keys(id, {&w.alice, &w.alice, &w.bob}))));
  // Without the source's key.
  bad.push_back(Obj(Replace(good, "keys", w.Keys(id, {&w.alice, &w.bob}, false))));
  // A file listed twice.
  const std::string f = Q(B64(w.open_file.file_id()));
  bad.push_back(Obj(Replace(good, "files", "[" + f + "," + f + "]")));

  for (size_t i = 0; i < bad.size(); ++i) {
    INFO("body " << i);
    EXPECT_REFUSED(w, w.h.Post(kSource, "/api/v1/cases", bad[i]), 400, "bad_request");
  }
  // A record of another version than 2 is named.
  for (const uint8_t version : {uint8_t{1}, uint8_t{3}}) {
    Bytes record = Record(w.ck, protocol::kKindConversation, id, "x");
    record[0] = version;
    EXPECT_REFUSED(w, w.h.Post(kSource, "/api/v1/cases", Obj(Replace(good, "message", Q(B64(record))))),
                   400, "unsupported_version");
  }
  // A query string is refused too.
  EXPECT_REFUSED(w, w.h.Post(kSource, "/api/v1/cases?x=1", body_good), 400, "bad_request");
  // And the good body still works afterwards (nothing was consumed).
  CHECK(w.h.Post(kSource, "/api/v1/cases", body_good).status == 201);
}

TEST_CASE("errors: integers are integers, in range", "[api][errors][json]") {
  World w;
  const std::string file = Q(B64(service::testing::RandomId()));
  for (const std::string& chunks :
       std::vector<std::string>{"1.0", "1e0", "0", "-1", "4097", "18446744073709551616",
                                "9223372036854775808", "\"1\"", "true", "null", "01"}) {
    INFO(chunks);
    EXPECT_REFUSED(
        w, w.h.Post(kSource, "/api/v1/uploads", Obj({{"file_id", file}, {"chunks", chunks}})), 400,
        "bad_request");
  }
  CHECK(w.h.Post(kSource, "/api/v1/uploads", Obj({{"file_id", file}, {"chunks", "4096"}})).status ==
        201);
}

TEST_CASE("errors: strict queries and path parameters", "[api][errors]") {
  World w;
  const auto source = Harness::LookupKey(w.lookup_key);
  for (const std::string& q : std::vector<std::string>{
           "?after=01", "?after=-1", "?after=1&after=2", "?before=1", "?after=", "?after",
           "?after=1&", "?&after=1", "?after=1.0", "?after=%31", "?after=99999999999999999999"}) {
    INFO(q);
    EXPECT_REFUSED(w, w.h.Get(kSource, "/api/v1/source/case" + q, source), 400, "bad_request");
  }
  CHECK(w.h.Get(kSource, "/api/v1/source/case?after=0", source).status == 200);
  for (const std::string& q : std::vector<std::string>{
           "?since=1&after_day=1", "?after_case=" + B64(w.case_id), "?limit=0", "?limit=501",
           "?limit=1&limit=2", "?after_day=1&after_case=xyz", "?since=-1"}) {
    INFO(q);
    EXPECT_REFUSED(w, w.h.Get(kReviewer, "/api/v1/cases" + q, w.auth), 400, "bad_request");
  }
  // Path parameters: malformed ids and indexes.
  const std::string base = "/api/v1/cases/" + B64(w.case_id);
  EXPECT_REFUSED(w, w.h.Get(kReviewer, "/api/v1/cases/" + B64(w.case_id).substr(1), w.auth), 400,
                 "bad_request");
  for (const std::string& index : std::vector<std::string>{"01", "-1", "4294967296", "x"}) {
    INFO(index);
    EXPECT_REFUSED(
        w,
        w.h.Get(kReviewer, base + "/files/" + B64(w.bound_file.file_id()) + "/chunks/" + index,
                w.auth),
        400, "bad_request");
  }
  // Index beyond the upload's count.
  EXPECT_REFUSED(w,
                 w.h.Do(kSource, Method::kPut, World::ChunkPath(w.open_file, 2),
                        std::string(AsChars(w.open_chunk0)), Octets()),
                 400, "bad_request");
  // A chunk whose version byte is not 1.
  Bytes v2 = w.open_chunk0;
  v2[0] = 2;
  EXPECT_REFUSED(w,
                 w.h.Do(kSource, Method::kPut, World::ChunkPath(w.open_file, 1),
                        std::string(AsChars(v2)), Octets()),
                 400, "bad_request");
}

TEST_CASE("cases: listing pages by (day, id)", "[api][cases]") {
  World w;
  // Two more cases on later days.
  for (int i = 0; i < 2; ++i) {
    w.h.day_clock().Advance(1);
    REQUIRE(w.h.Post(kSource, "/api/v1/cases",
                     Obj(w.CaseFields(service::testing::RandomId(),
                                      B64(SecretBytes::Random(32).reveal()))))
                .status == 201);
  }
  std::vector<std::string> seen;
  std::string target = "/api/v1/cases?limit=2";
  for (int pages = 0; pages < 5; ++pages) {
    HttpResponse r = w.h.Get(kReviewer, target, w.auth);
    REQUIRE(r.status == 200);
    Json j(r.body);
    for (const auto& c : j["cases"].array()) {
      seen.emplace_back(Json::At(c, "case_id").string_value());
    }
    if (j["next"].is_null()) break;
    target = "/api/v1/cases?limit=2&after_day=" +
             std::to_string(Json::At(j["next"], "after_day").int_value()) +
             "&after_case=" + std::string(Json::At(j["next"], "after_case").string_value());
  }
  REQUIRE(seen.size() == 3);
  CHECK(seen[0] == B64(w.case_id));
  Json since(w.h.Get(kReviewer,
                     "/api/v1/cases?since=" + std::to_string(service::testing::kToday + 1), w.auth)
                 .body);
  CHECK(since["cases"].array().size() == 2);
}

}  // namespace
}  // namespace dojava::api::testing
