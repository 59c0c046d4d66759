#include "crypto/roster.h"

#include <catch2/catch_test_macros.hpp>

#include "crypto/protocol_constants.h"

using namespace dojava;
using namespace dojava::crypto;

namespace {

struct Admin {
  Ed25519KeyPair kp = Ed25519FromSeed(SecretBytes::Random(32).reveal());
};

RosterEntry Entry(uint8_t tag, std::string name) {
  RosterEntry e;
  e.reviewer_id.fill(tag);
  e.ed25519 = Ed25519FromSeed(Bytes(32, tag)).public_key;
  e.x25519 = X25519Base(Bytes(32, uint8_t(tag + 100)));
  e.name = std::move(name);
  return e;
}

Roster Sample(const Id& instance) {
  Roster r;
  r.instance_id = instance;
  r.version = 3;
  r.entries = {Entry(9, "Mirela"), Entry(2, "Ana Petrović"), Entry(5, "Dragan")};
  return r;
}

}  // namespace

TEST_CASE("a signed roster verifies and comes back canonical", "[roster]") {
  Admin admin;
  const Id instance = RandomId();
  auto bytes = SignRoster(Sample(instance), admin.kp.secret_key, admin.kp.public_key);
  REQUIRE(bytes.ok());
  auto r = VerifyRoster(*bytes, admin.kp.public_key, instance);
  REQUIRE(r.ok());
  CHECK(r->version() == 3);
  REQUIRE(r->entries().size() == 3);
  // Sorted by id regardless of the input order.
  CHECK(r->entries()[0].name == "Ana Petrović");
  CHECK(r->entries()[2].name == "Mirela");
  CHECK(r->digest() == RosterDigest(*bytes));
  CHECK(r->Find(Entry(5, "").reviewer_id)->name == "Dragan");
  CHECK(r->Find(RandomId()) == nullptr);
  CHECK(r->roster().FindByName("Mirela") != nullptr);
  // parse -> sign again is the identity (Ed25519 is deterministic).
  auto again = SignRoster(r->roster(), admin.kp.secret_key, admin.kp.public_key);
  REQUIRE(again.ok());
  CHECK(*again == *bytes);
}

TEST_CASE("an empty roster is valid", "[roster]") {
  Admin admin;
  Roster r;
  r.instance_id = RandomId();
  r.version = 1;
  auto bytes = SignRoster(r, admin.kp.secret_key, admin.kp.public_key);
  REQUIRE(bytes.ok());
  CHECK(bytes->size() == 1 + 16 + 8 + 2 + 64);
  CHECK(VerifyRoster(*bytes, admin.kp.public_key, r.instance_id).ok());
}

TEST_CASE("a roster is refused under another admin key or instance", "[roster]") {
  Admin admin, other;
  const Id instance = RandomId();
  auto bytes = SignRoster(Sample(instance), admin.kp.secret_key, admin.kp.public_key).value();
  CHECK(VerifyRoster(bytes, other.kp.public_key, instance).code() == Code::kBadSignature);
  CHECK(VerifyRoster(bytes, admin.kp.public_key, RandomId()).code() == Code::kMalformed);
}

TEST_CASE("signing refuses rosters that break the rules", "[roster]") {
  Admin admin;
  const Id instance = RandomId();
  auto sign = [&](Roster r) {
    return SignRoster(std::move(r), admin.kp.secret_key, admin.kp.public_key).code();
  };
  Roster r = Sample(instance);
  r.version = 0;
  CHECK(sign(r) == Code::kInvalidArgument);
  r = Sample(instance);
  r.entries.push_back(Entry(2, "Someone else"));  // duplicate id
  CHECK(sign(r) == Code::kInvalidArgument);
  r = Sample(instance);
  r.entries.push_back(Entry(7, "Dragan"));  // duplicate name
  CHECK(sign(r) == Code::kInvalidArgument);
  r = Sample(instance);
  auto dup_key = Entry(7, "Seven");
  dup_key.x25519 = r.entries[0].x25519;
  r.entries.push_back(dup_key);
  CHECK(sign(r) == Code::kInvalidArgument);
  for (std::string bad :
       {std::string(""), std::string(65, 'a'), std::string("tab\there"), std::string("\xc3"),
        std::string("\xc2\x85"
                    "nel"),
        std::string("\xed\xa0\x80"),
        // look-alikes: trailing NBSP, combining grapheme joiner, variation
        // selector, double space, Hangul filler, tag character, leading space
        std::string("Ana\xc2\xa0"), std::string("A\xcd\x8fna"), std::string("Ana\xef\xb8\x8f"),
        std::string("A  na"), std::string("\xe3\x85\xa4"), std::string("Ana\xf3\xa0\x80\x81"),
        std::string(" Ana")}) {
    r = Sample(instance);
    r.entries[0].name = bad;
    CHECK(sign(r) == Code::kInvalidArgument);
  }
  r = Sample(instance);
  r.entries[0].name = std::string(64, 'a');  // the maximum is fine
  CHECK(sign(r) == Code::kOk);
}

TEST_CASE("every corruption of a signed roster is rejected", "[roster][corruption]") {
  Admin admin;
  const Id instance = RandomId();
  const Bytes good = SignRoster(Sample(instance), admin.kp.secret_key, admin.kp.public_key).value();
  for (size_t i = 0; i < good.size(); ++i) {
    for (uint8_t bit : {uint8_t(0x01), uint8_t(0x80)}) {
      Bytes bad = good;
      bad[i] ^= bit;
      auto r = VerifyRoster(bad, admin.kp.public_key, instance);
      INFO("byte " << i);
      REQUIRE_FALSE(r.ok());
      if (i == 0) CHECK(r.code() == Code::kUnsupportedVersion);
    }
  }
  for (size_t n = 0; n < good.size(); ++n) {
    CHECK_FALSE(VerifyRoster(ByteView(good.data(), n), admin.kp.public_key, instance).ok());
  }
  Bytes longer = good;
  longer.push_back(0);
  CHECK_FALSE(VerifyRoster(longer, admin.kp.public_key, instance).ok());
}

TEST_CASE("rollback rule: only newer, or the very same roster", "[roster]") {
  const Bytes d1 = RosterDigest(Bytes{1, 2, 3});
  const Bytes d2 = RosterDigest(Bytes{1, 2, 4});
  CHECK(CheckRosterAdvance(0, {}, 1, d1).ok());  // first use
  CHECK(CheckRosterAdvance(4, d1, 5, d2).ok());
  CHECK(CheckRosterAdvance(4, d1, 4, d1).ok());
  CHECK(CheckRosterAdvance(4, d1, 4, d2).code() == Code::kRollback);  // fork
  CHECK(CheckRosterAdvance(4, d1, 3, d2).code() == Code::kRollback);
  CHECK(CheckRosterAdvance(4, d1, 3, d1).code() == Code::kRollback);
}

TEST_CASE("VerifyRosterAdvance verifies and applies the rollback rule in one call", "[roster]") {
  Admin admin;
  const Id instance = RandomId();
  Roster r5 = Sample(instance);
  r5.version = 5;
  Roster r6 = r5;
  r6.version = 6;
  const Bytes b5 = SignRoster(r5, admin.kp.secret_key, admin.kp.public_key).value();
  const Bytes b6 = SignRoster(r6, admin.kp.secret_key, admin.kp.public_key).value();
  auto first = VerifyRosterAdvance(b5, admin.kp.public_key, instance, RosterState{});
  REQUIRE(first.ok());
  const RosterState seen{first->version(), first->digest()};
  CHECK(VerifyRosterAdvance(b5, admin.kp.public_key, instance, seen).ok());  // the same again
  auto next = VerifyRosterAdvance(b6, admin.kp.public_key, instance, seen);
  REQUIRE(next.ok());
  const RosterState seen6{next->version(), next->digest()};
  CHECK(VerifyRosterAdvance(b5, admin.kp.public_key, instance, seen6).code() == Code::kRollback);
  // A bad signature is reported as such, not as a rollback.
  Bytes bad = b6;
  bad.back() ^= 1;
  CHECK(VerifyRosterAdvance(bad, admin.kp.public_key, instance, seen).code() ==
        Code::kBadSignature);
}

TEST_CASE("AuthorsOf finds reviewers on current and earlier verified rosters", "[roster]") {
  Admin admin;
  const Id instance = RandomId();
  Roster older = Sample(instance);
  older.version = 1;
  Roster current = older;
  current.version = 2;
  const RosterEntry removed = current.entries.back();
  current.entries.pop_back();
  auto v1 = VerifyRoster(SignRoster(older, admin.kp.secret_key, admin.kp.public_key).value(),
                         admin.kp.public_key, instance)
                .value();
  auto v2 = VerifyRoster(SignRoster(current, admin.kp.secret_key, admin.kp.public_key).value(),
                         admin.kp.public_key, instance)
                .value();
  auto only_current = AuthorsOf({&v2});
  auto both = AuthorsOf({&v2, &v1});
  CHECK_FALSE(only_current(removed.reviewer_id).has_value());
  REQUIRE(both(removed.reviewer_id).has_value());
  CHECK(*both(removed.reviewer_id) == removed.ed25519);
  CHECK_FALSE(both(RandomId()).has_value());
}
