// Rosters on the server (crypto/PROTOCOL.md §6, service/API.md "Roster"):
// the expiry, the chain rule and retired entries, the roster history, and what
// an install does to logins, tokens and sealed keys (§12.4).
#include <catch2/catch_test_macros.hpp>

#include "tests/support/api_harness.h"
#include "tests/support/api_v2_case.h"

namespace dojava::api::testing {
namespace {

Reviewer Named(const char* name) {
  Reviewer r;
  r.name = name;
  return r;
}

// The signed rosters of GET /api/v1/rosters?after=V on the source listener.
std::vector<Bytes> History(Harness& h, uint64_t after, bool* more = nullptr) {
  HttpResponse r = h.Get(kSource, "/api/v1/rosters?after=" + std::to_string(after));
  REQUIRE(r.status == 200);
  Json j(r.body);
  std::vector<Bytes> out;
  for (const auto& v : j["rosters"].array()) out.push_back(Unb64(v.string_value()));
  if (more != nullptr) *more = j["more"].bool_value();
  return out;
}

TEST_CASE("roster v2: chained; served with its history", "[api][roster_v2]") {
  Harness h;
  Reviewer ana = Named("Ana"), ben = Named("Ben");
  const Bytes v1 = h.SignRosterV2({ana.EntryV2()}, 1, {});
  REQUIRE(h.PutRoster(v1).status == 204);
  const Bytes r2 = h.SignRosterV2({ana.EntryV2()}, 2, v1);
  REQUIRE(h.PutRoster(r2).status == 204);
  CHECK(h.PutRoster(r2).status == 204);  // the same again
  const Bytes r3 = h.SignRosterV2({ana.EntryV2(), ben.EntryV2()}, 3, r2);
  REQUIRE(h.PutRoster(r3).status == 204);
  Json inst(h.Get(kSource, "/api/v1/instance").body);
  CHECK(inst.Int("roster_version") == 3);
  CHECK(Unb64(inst.Str("roster")) == r3);
  // A version-1 roster is not read at all.
  Bytes down = h.SignRosterV2({ana.EntryV2(), ben.EntryV2()}, 9, r3);
  down[0] = 1;
  CHECK(ErrorCode(h.PutRoster(down)) == "unsupported_version");

  CHECK(History(h, 0) == std::vector<Bytes>{v1, r2, r3});
  CHECK(History(h, 1) == std::vector<Bytes>{r2, r3});
  CHECK(History(h, 3).empty());
  // Both listeners; a token on the reviewer one, strict query.
  CHECK(h.Get(kReviewer, "/api/v1/rosters?after=0").status == 401);
  const std::string token = h.Login(ana);
  HttpResponse rev = h.Get(kReviewer, "/api/v1/rosters?after=2", Harness::Bearer(token));
  REQUIRE(rev.status == 200);
  CHECK(Unb64(std::string(Json(rev.body)["rosters"].array().at(0).string_value())) == r3);
  CHECK(h.Get(kSource, "/api/v1/rosters").status == 200);  // after defaults to 0
  for (const char* bad : {"?after=01", "?after=-1", "?after=x", "?after=1&after=2", "?v=1"}) {
    INFO(bad);
    HttpResponse r = h.Get(kSource, std::string("/api/v1/rosters") + bad);
    CHECK(r.status == 400);
    CHECK(ErrorCode(r) == "bad_request");
  }
}

TEST_CASE("roster v2: the history pages by 64", "[api][roster_v2]") {
  Harness h;
  Reviewer ana = Named("Ana");
  Bytes prev;
  for (uint64_t v = 1; v <= 65; ++v) {
    prev = h.SignRosterV2({ana.EntryV2()}, v, prev);
    REQUIRE(h.PutRoster(prev).status == 204);
  }
  bool more = false;
  CHECK(History(h, 0, &more).size() == 64);
  CHECK(more);
  CHECK(History(h, 64, &more) == std::vector<Bytes>{prev});
  CHECK_FALSE(more);
  CHECK(History(h, 1, &more).size() == 64);
  CHECK_FALSE(more);
}

TEST_CASE("roster v2: expired, broken chains and forks are refused and change nothing",
          "[api][roster_v2]") {
  Harness h;
  Reviewer ana = Named("Ana"), ben = Named("Ben");
  const Bytes r1 = h.SignRosterV2({ana.EntryV2(), ben.EntryV2()}, 1, {});
  REQUIRE(h.PutRoster(r1).status == 204);
  auto refused = [&](const Bytes& roster, int status, const char* code) {
    HttpResponse r = h.PutRoster(roster);
    CHECK(r.status == status);
    CHECK(ErrorCode(r) == code);
    CHECK(Unb64(Json(h.Get(kSource, "/api/v1/instance").body).Str("roster")) == r1);
    CHECK(History(h, 0) == std::vector<Bytes>{r1});
  };
  SECTION("expired yesterday (the server's day)") {
    refused(h.SignRosterV2({ana.EntryV2(), ben.EntryV2()}, 2, r1, -1), 400, "expired");
  }
  SECTION("expires today: still accepted") {
    CHECK(h.PutRoster(h.SignRosterV2({ana.EntryV2(), ben.EntryV2()}, 2, r1, 0)).status == 204);
  }
  SECTION("a successor that names another predecessor") {
    const Bytes other = h.SignRosterV2({ana.EntryV2()}, 1, {});
    refused(h.SignRosterV2({ana.EntryV2(), ben.EntryV2()}, 2, other), 409, "broken_chain");
  }
  SECTION("a later roster that drops an entry instead of retiring it") {
    refused(h.SignRosterV2({ana.EntryV2()}, 5, r1), 409, "broken_chain");
  }
  SECTION("a retired entry made active again") {
    const Bytes r2 = h.SignRosterV2({ana.EntryV2(), ben.EntryV2(2)}, 2, r1);
    REQUIRE(h.PutRoster(r2).status == 204);
    HttpResponse r = h.PutRoster(h.SignRosterV2({ana.EntryV2(), ben.EntryV2()}, 3, r2));
    CHECK(r.status == 409);
    CHECK(ErrorCode(r) == "broken_chain");
  }
  SECTION("the same version with other content: a fork") {
    refused(h.SignRosterV2({ana.EntryV2()}, 1, {}), 409, "rollback");
  }
  SECTION("another instance's roster, a bad signature") {
    Bytes flipped = h.SignRosterV2({ana.EntryV2(), ben.EntryV2()}, 2, r1);
    flipped[flipped.size() - 1] ^= 1;
    refused(flipped, 400, "bad_signature");
  }
}

TEST_CASE("roster v2: retiring a reviewer ends logins and tokens and deletes their keys",
          "[api][roster_v2]") {
  Harness h;
  Reviewer ana = Named("Ana"), ben = Named("Ben");
  const Bytes r1 = h.SignRosterV2({ana.EntryV2(), ben.EntryV2()}, 1, {});
  REQUIRE(h.PutRoster(r1).status == 204);
  const V2Case c = V2Case::Create(h, {&ana, &ben}, 1);
  const std::string ben_token = h.Login(ben);
  const std::string ana_token = h.Login(ana);
  REQUIRE(h.Get(kReviewer, c.path(), Harness::Bearer(ben_token)).status == 200);

  const Bytes r2 = h.SignRosterV2({ana.EntryV2(), ben.EntryV2(2)}, 2, r1);
  REQUIRE(h.PutRoster(r2).status == 204);
  // Ben's token stops at once; his login fails like an unknown id's.
  CHECK(h.Get(kReviewer, c.path(), Harness::Bearer(ben_token)).status == 401);
  const std::string challenge = h.Challenge(ben.id);
  HttpResponse login = h.LoginWith(ben.id, challenge, h.Sign(ben, ben.id, challenge));
  CHECK(login.status == 401);
  CHECK(ErrorCode(login) == "login_failed");
  // His sealed keys are gone; Ana's and the source's stay.
  HttpResponse got = h.Get(kReviewer, c.path(), Harness::Bearer(ana_token));
  REQUIRE(got.status == 200);
  const Json case_json(got.body);
  const auto& keys = case_json["keys"].array();
  CHECK(keys.size() == 2);
  for (const auto& k : keys) CHECK(Json::At(k, "recipient").string_value() != B64(ben.id));
  // A new case is sealed to the active reviewers only: sealing to Ben too is
  // a stale roster, and without him it is accepted.
  CHECK(V2Case::Create(h, {&ana}, 2).case_id != c.case_id);
}

TEST_CASE("roster v2: a case sealed to a retired reviewer is refused", "[api][roster_v2]") {
  Harness h;
  Reviewer ana = Named("Ana"), ben = Named("Ben");
  const Bytes r1 = h.SignRosterV2({ana.EntryV2(), ben.EntryV2()}, 1, {});
  REQUIRE(h.PutRoster(r1).status == 204);
  REQUIRE(h.PutRoster(h.SignRosterV2({ana.EntryV2(), ben.EntryV2(2)}, 2, r1)).status == 204);
  auto keys = crypto::DeriveReceiptKeys(crypto::Receipt::Generate(), h.settings().salt);
  REQUIRE(keys.ok());
  const Id case_id = service::testing::RandomId();
  const SecretBytes ck = SecretBytes::Random(32);
  auto wrapped = crypto::WrapSourceKey(ck, protocol::kRoleCaseKey, case_id, keys->source_wrap);
  REQUIRE(wrapped.ok());
  dojava::testing::NewCaseRequest req;
  req.case_id = case_id;
  req.lookup_key = keys->lookup_key.reveal();
  req.source_public_key = keys->source_public;
  req.keys = {{"source", "case", *wrapped},
              {B64(ana.id), "case", Seal(ck, 1, case_id, ana.key.x25519_public())},
              {B64(ben.id), "case", Seal(ck, 1, case_id, ben.key.x25519_public())}};
  const Bytes record = Record(ck, protocol::kKindConversation, case_id, "{}");
  req.message = record;
  HttpResponse r = h.Post(kSource, "/api/v1/cases", req.Json());
  CHECK(r.status == 409);
  CHECK(ErrorCode(r) == "roster_changed");
  // A report of version 1 (0.1.0) is named before the roster is looked at.
  Bytes old = record;
  old[0] = 1;
  req.message = old;
  HttpResponse refused = h.Post(kSource, "/api/v1/cases", req.Json());
  CHECK(refused.status == 400);
  CHECK(ErrorCode(refused) == "unsupported_version");
}

TEST_CASE("records: the header checks; a version-1 record is unsupported_version",
          "[api][roster_v2]") {
  Harness h;
  Reviewer ana = Named("Ana");
  REQUIRE(h.PutRoster(h.SignRosterV2({ana.EntryV2()}, 1, {})).status == 204);
  const V2Case c = V2Case::Create(h, {&ana}, 1);
  const Options source = Harness::LookupKey(c.lookup_key());
  const crypto::v2::Digest first = crypto::v2::EventHash(c.report);
  const Bytes follow_up = c.SourceRecord(dojava::testing::MessageBody("more"), 1, first);
  HttpResponse post = h.Post(kSource, "/api/v1/source/messages",
                             dojava::testing::MessageRequest(follow_up), source);
  REQUIRE(post.status == 201);
  CHECK(Json(post.body).Int("seq") == 2);
  const std::string token = h.Login(ana);
  const Bytes reply =
      c.ReviewerRecord(ana, c.ck, protocol::kKindConversation, "{\"type\":\"message\"}", 1);
  CHECK(h.Post(kReviewer, c.path() + "/messages", dojava::testing::MessageRequest(reply),
               Harness::Bearer(token))
            .status == 201);
  // The largest v2 record fits the store.
  const Bytes big = c.SourceRecord(std::string(crypto::v2::MaxBodySize(0), 'x'), 1, first);
  CHECK(big.size() == protocol::kMaxMessageRecordSizeV2);
  CHECK(h.Post(kSource, "/api/v1/source/messages", dojava::testing::MessageRequest(big), source)
            .status == 201);
  // The source reads every conversation record back (regression: its
  // listing filtered with the v1 parser and hid every v2 one).
  HttpResponse listing = h.Get(kSource, "/api/v1/source/case", source);
  REQUIRE(listing.status == 200);
  Json listed(listing.body);
  REQUIRE(listed["messages"].array().size() == 4);
  CHECK(Json::At(listed["messages"].array()[2], "seq").int_value() == 3);  // the reviewer's reply

  auto bad = [&](Bytes record, const char* what) {
    INFO(what);
    HttpResponse r =
        h.Post(kSource, "/api/v1/source/messages", dojava::testing::MessageRequest(record), source);
    CHECK(r.status == 400);
    CHECK(ErrorCode(r) == "bad_request");
  };
  Bytes other_case = follow_up;
  other_case[2] ^= 1;  // case id
  bad(other_case, "another case");
  Bytes cut = follow_up;
  cut.pop_back();  // not a bucket
  bad(cut, "not a bucket length");
  // Version 1 (0.1.0), or any other than 2, is named: from the source, from
  // a reviewer.
  for (const uint8_t version : {uint8_t{1}, uint8_t{3}}) {
    INFO(int{version});
    Bytes old = follow_up;
    old[0] = version;
    HttpResponse r =
        h.Post(kSource, "/api/v1/source/messages", dojava::testing::MessageRequest(old), source);
    CHECK(r.status == 400);
    CHECK(ErrorCode(r) == "unsupported_version");
  }
  Bytes old_reply = reply;
  old_reply[0] = 1;
  HttpResponse from_reviewer = h.Post(kReviewer, c.path() + "/messages",
                                      dojava::testing::MessageRequest(old_reply),
                                      Harness::Bearer(token));
  CHECK(from_reviewer.status == 400);
  CHECK(ErrorCode(from_reviewer) == "unsupported_version");
  // The source listener takes kind 1 only.
  const SecretBytes nk = SecretBytes::Random(32);
  bad(c.ReviewerRecord(ana, nk, protocol::kKindNotes, "{}", 1), "a notes record");
}

}  // namespace
}  // namespace dojava::api::testing
