// Protocol-2 properties beyond the shared vectors (crypto/PROTOCOL.md §6, §7.2,
// §8): corruption loops over every byte, round trips with fresh randomness,
// and the rules a writer enforces.
#include <catch2/catch_test_macros.hpp>

#include "crypto/case_key_anchor.h"
#include "crypto/case_order.h"
#include "crypto/message_v2.h"
#include "crypto/notes_genesis.h"
#include "crypto/protocol_constants.h"
#include "crypto/roster_v2.h"

using namespace dojava;
using namespace dojava::crypto;
namespace p = dojava::protocol;

namespace {

struct Instance {
  Ed25519KeyPair admin = Ed25519FromSeed(SecretBytes::Random(32).reveal());
  Id id = RandomId();
  Ed25519KeyPair ana = Ed25519FromSeed(Bytes(32, 1));
  Ed25519KeyPair ben = Ed25519FromSeed(Bytes(32, 2));
  v2::Roster roster;
  Bytes signed_roster;

  Instance() {
    roster.instance_id = id;
    roster.version = 1;
    roster.expires_day = 20000;
    const Ed25519KeyPair* keys[] = {&ana, &ben};
    const char* names[] = {"Ana", "Ben"};
    for (uint8_t i = 0; i < 2; ++i) {
      v2::RosterEntry e;
      e.reviewer_id.fill(uint8_t(i + 1));
      e.ed25519 = keys[i]->public_key;
      e.x25519 = X25519Base(Bytes(32, uint8_t(i + 51)));
      e.name = names[i];
      roster.entries.push_back(e);
    }
    signed_roster = v2::SignRoster(roster, admin.secret_key, admin.public_key).value();
  }
  v2::VerifiedRoster Verified() const {
    return v2::VerifyRoster(signed_roster, admin.public_key, id, 19990).value();
  }
};

}  // namespace

TEST_CASE("v2 roster: every flipped bit and every truncation is refused", "[roster_v2]") {
  const Instance in;
  for (size_t i = 0; i < in.signed_roster.size(); ++i) {
    Bytes b = in.signed_roster;
    b[i] ^= 0x01;
    INFO("byte " << i);
    CHECK_FALSE(v2::VerifyRoster(b, in.admin.public_key, in.id, 19990).ok());
    CHECK_FALSE(
        v2::VerifyRoster(ByteView(in.signed_roster).first(i), in.admin.public_key, in.id, 19990)
            .ok());
  }
}

// Dojava 0.1.0 signed version-1 rosters (retired, §16): a roster whose
// version byte is not 2 is unsupported_version before its signature is read.
TEST_CASE("a roster of version 1 is unsupported_version", "[roster_v2]") {
  const Instance in;
  for (const uint8_t version : {uint8_t{0}, uint8_t{1}, uint8_t{3}}) {
    Bytes b = in.signed_roster;
    b[0] = version;
    INFO(int{version});
    CHECK(v2::VerifyRoster(b, in.admin.public_key, in.id, 19990).code() ==
          Code::kUnsupportedVersion);
    CHECK(v2::VerifyRoster(b, in.admin.public_key, in.id, std::nullopt).code() ==
          Code::kUnsupportedVersion);
  }
}

TEST_CASE("v2 roster: another admin key or instance is refused", "[roster_v2]") {
  const Instance in;
  const Ed25519KeyPair other = Ed25519FromSeed(SecretBytes::Random(32).reveal());
  CHECK(v2::VerifyRoster(in.signed_roster, other.public_key, in.id, 19990).code() ==
        Code::kBadSignature);
  CHECK(v2::VerifyRoster(in.signed_roster, in.admin.public_key, RandomId(), 19990).code() ==
        Code::kMalformed);
}

TEST_CASE("v2 roster: the writer refuses what a reader would refuse", "[roster_v2]") {
  const Instance in;
  v2::Roster r = in.roster;
  r.prev_digest[0] = 1;  // version 1 must not name a predecessor
  CHECK(v2::SignRoster(r, in.admin.secret_key, in.admin.public_key).code() ==
        Code::kInvalidArgument);
  r = in.roster;
  r.entries[1].name = "Ana";
  CHECK(v2::SignRoster(r, in.admin.secret_key, in.admin.public_key).code() ==
        Code::kInvalidArgument);
}

TEST_CASE("v2 roster: a successor chains, a skipped retirement is caught", "[roster_v2]") {
  const Instance in;
  const v2::VerifiedRoster v1 = in.Verified();
  v2::Roster next = in.roster;
  next.version = 2;
  next.prev_digest = v1.digest();
  next.entries[1].retired_at = 2;
  const Bytes b2 = v2::SignRoster(next, in.admin.secret_key, in.admin.public_key).value();
  const auto v2r = v2::VerifyRoster(b2, in.admin.public_key, in.id, 19990).value();
  CHECK(v2::CheckRosterChain(v1, v2r).ok());
  CHECK(v2::CheckRosterChain(v2r, v1).code() == Code::kRollback);
  CHECK(v2r.Find(next.entries[1].reviewer_id)->ActiveAt(1));
  CHECK_FALSE(v2r.Find(next.entries[1].reviewer_id)->ActiveAt(2));
}

TEST_CASE("v2 message: round trip, and no corruption of any byte opens", "[message_v2]") {
  const Instance in;
  const auto roster = in.Verified();
  const Id case_id = RandomId();
  const SecretBytes ck = SecretBytes::Random(32);
  v2::Signer s;
  s.author = p::kAuthorReviewer;
  s.reviewer_id = in.roster.entries[0].reviewer_id;
  s.secret_key = &in.ana.secret_key;
  const v2::EventContext ctx{1, 19990, v2::Digest{}};
  const Bytes rec = v2::EncryptMessage(ck, p::kKindConversation, case_id, RandomId(),
                                       AsBytes(std::string_view("{\"type\":\"message\"}")), s, ctx)
                        .value();
  const v2::CaseKeys keys{&ck, nullptr};
  auto m = v2::DecryptMessage(rec, case_id, keys, roster);
  REQUIRE(m.ok());
  CHECK(m->reviewer_id == s.reviewer_id);
  CHECK(m->event_hash == v2::EventHash(rec));
  for (size_t i = 0; i < rec.size(); i += (i < 200 ? 1 : 97)) {
    Bytes b = rec;
    b[i] ^= 0x20;
    INFO("byte " << i);
    CHECK_FALSE(v2::DecryptMessage(b, case_id, keys, roster).ok());
  }
  // The largest bodies fit their bucket exactly.
  const Bytes big(v2::MaxBodySize(p::kAuthorReviewer), 'x');
  CHECK(v2::EncryptMessage(ck, p::kKindConversation, case_id, RandomId(), big, s, ctx).ok());
  const Bytes too_big(big.size() + 1, 'x');
  CHECK(v2::EncryptMessage(ck, p::kKindConversation, case_id, RandomId(), too_big, s, ctx).code() ==
        Code::kInvalidArgument);
}

TEST_CASE("v2 notes genesis: only a CK holder's genesis opens NK for a reader", "[genesis]") {
  const Instance in;
  const auto roster = in.Verified();
  const Id case_id = RandomId();
  const SecretBytes ck = SecretBytes::Random(32), nk = SecretBytes::Random(32);
  const Id ana = in.roster.entries[0].reviewer_id;
  const Bytes g = v2::MakeNotesGenesis({case_id, ana, 1, {ana}}, ck, nk, in.ana.secret_key).value();
  CHECK(v2::CheckNotesGenesis(g, case_id, ck, nk, roster).ok());
  const SecretBytes planted = SecretBytes::Random(32);
  CHECK(v2::CheckNotesGenesis(g, case_id, ck, planted, roster).code() == Code::kWrongKey);
  const SecretBytes other_ck = SecretBytes::Random(32);
  CHECK(v2::CheckNotesGenesis(g, case_id, other_ck, nk, roster).code() == Code::kWrongKey);
  const Bytes anchor = v2::MakeCaseKeyAnchor(case_id, ana, ck, in.ana.secret_key).value();
  CHECK(v2::CheckCaseKeyAnchor(anchor, case_id, ck, roster).ok());
  CHECK(v2::CheckCaseKeyAnchor(anchor, case_id, other_ck, roster).code() == Code::kWrongKey);
}

TEST_CASE("v2 case order: the high-water mark never goes down", "[case_order]") {
  const Instance in;
  const auto roster = in.Verified();
  v2::ListedRecord a{v2::Digest{}, nullptr};
  a.event_hash[0] = 1;
  v2::HighWaterMark seen{3, a.event_hash};
  const v2::CaseOrderReport r = v2::CheckCaseOrder({a}, roster, seen);
  CHECK_FALSE(r.case_status.ok());
  CHECK(r.next.count == 3);
}

TEST_CASE("v2 case order: a source's conversation-only listing accepts a prev naming a notes record",
          "[case_order]") {
  const Instance in;
  const auto roster = in.Verified();
  auto opened = [](uint8_t author, uint8_t fill, const v2::Digest& prev) {
    v2::OpenedMessage m;
    m.kind = p::kKindConversation;
    m.author = author;
    m.context = {1, 19990, prev};
    m.event_hash.fill(fill);
    return m;
  };
  v2::Digest notes{};  // a notes record the source is never listed
  notes.fill(0x77);
  const v2::OpenedMessage report = opened(p::kAuthorSource, 1, v2::Digest{});
  const v2::OpenedMessage reply = opened(p::kAuthorReviewer, 2, notes);
  const v2::OpenedMessage later_named = opened(p::kAuthorReviewer, 3, [] {
    v2::Digest d{};
    d.fill(4);
    return d;
  }());
  const v2::OpenedMessage fourth = opened(p::kAuthorReviewer, 4, report.event_hash);
  std::vector<v2::ListedRecord> listing{{report.event_hash, &report},
                                        {reply.event_hash, &reply},
                                        {later_named.event_hash, &later_named},
                                        {fourth.event_hash, &fourth}};
  const v2::CaseOrderReport whole = v2::CheckCaseOrder(listing, roster, {});
  CHECK(whole.records[1].code() == Code::kReordered);  // a reviewer sees every record
  const v2::CaseOrderReport source =
      v2::CheckCaseOrder(listing, roster, {}, v2::ListingView::kConversationOnly);
  CHECK(source.case_status.ok());
  CHECK(source.records[1].ok());
  // A prev naming a record listed after it is still reordered, in either view.
  CHECK(source.records[2].code() == Code::kReordered);
  CHECK(whole.records[2].code() == Code::kReordered);
  CHECK(source.records[3].ok());
}
