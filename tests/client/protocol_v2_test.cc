// The client's protocol-v2 readers and the admin's roster chain, against
// the crypto functions directly: each v2 outcome is named on its record and
// never blocks the rest; what makes a whole case untrustworthy blocks
// writing; rosters are accepted by the chain rule and the admin signs only
// successors.
#include <boost/json.hpp>
#include <catch2/catch_test_macros.hpp>

#include "base/encoding.h"
#include "client/case_view.h"
#include "client/connection.h"
#include "client/roster_signing.h"
#include "client/trust.h"
#include "crypto/admin_key.h"
#include "crypto/message_v2.h"
#include "crypto/reviewer_key.h"
#include "tests/support/temp_dir.h"

namespace dojava::client {
namespace {

namespace v2 = crypto::v2;
using dojava::http::testing::TempDir;

constexpr std::string_view kReport =
    R"({"type":"report","source_pk":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",)"
    R"("form":{},"text":"spyware","files":[]})";
constexpr std::string_view kMessage = R"({"type":"message","text":"hello","files":[]})";

crypto::Ed25519KeyPair NewSigningKey() {
  return crypto::Ed25519FromSeed(SecretBytes::Random(32).reveal());
}

struct Reviewer {
  crypto::ReviewerKey key = crypto::ReviewerKey::Generate();
  crypto::Id id = crypto::RandomId();
  v2::RosterEntry Entry(const std::string& name, uint64_t retired_at = 0) const {
    return {id, retired_at, 1, key.ed25519_public(), key.x25519_public(), name};
  }
};

struct V2Case {
  crypto::AdminKey admin = crypto::AdminKey::Generate();
  crypto::Id instance_id = crypto::RandomId();
  crypto::Id case_id = crypto::RandomId();
  Reviewer ana, bob;
  crypto::Ed25519KeyPair source = NewSigningKey();
  SecretBytes ck = SecretBytes::Random(32);
  SecretBytes nk = SecretBytes::Random(32);
  std::optional<RosterView> roster;
  std::vector<ApiMessage> messages;
  std::vector<v2::Digest> hashes;

  // Roster version 2 with Bob retired as of `bob_retired_at` (0: active).
  explicit V2Case(uint64_t bob_retired_at = 0) {
    v2::Roster r;
    r.instance_id = instance_id;
    r.version = 2;
    r.prev_digest.fill(7);
    r.expires_day = TodayU32() + 30;
    r.entries = {ana.Entry("Ana"), bob.Entry("Bob", bob_retired_at)};
    roster.emplace(
        *VerifyAnyRoster(*admin.SignRosterV2(r), admin.public_key(), instance_id, TodayU32()));
  }
  // Appends a record by the source (`by` null) or a reviewer, naming the
  // record at `prev_index` (-1: none; default: the last one).
  void Add(uint8_t kind, std::string_view body, const Reviewer* by, int prev_index = -2,
           uint64_t roster_version = 2, const crypto::Ed25519KeyPair* source_key = nullptr,
           const SecretBytes* key = nullptr) {
    if (prev_index == -2) prev_index = static_cast<int>(hashes.size()) - 1;
    v2::EventContext ctx{roster_version, TodayU32(), {}};
    if (prev_index >= 0) ctx.prev = hashes[prev_index];
    const crypto::Ed25519KeyPair& src = source_key ? *source_key : source;
    v2::Signer signer{protocol::kAuthorSource, {}, src.public_key, &src.secret_key};
    if (by) signer = {protocol::kAuthorReviewer, by->id, {}, by->key.Signer(by->id).ed25519_secret};
    const SecretBytes& k = key ? *key : (kind == protocol::kKindNotes ? nk : ck);
    auto rec = v2::EncryptMessage(k, kind, case_id, crypto::RandomId(), AsBytes(body), signer, ctx);
    REQUIRE(rec.ok());
    hashes.push_back(v2::EventHash(*rec));
    messages.push_back({messages.size() + 1, 20000, *rec});
  }
  ReadCase Read(const v2::HighWaterMark& seen = {}) {
    return ReadRecords(messages, case_id, &ck, &nk, &*roster, seen);
  }
};

CaseView ViewOf(ReadCase r) {
  CaseView v;
  v.entries = std::move(r.entries);
  v.trust = r.trust;
  return v;
}

TEST_CASE("v2 case: records open, notes apply in order, the mark and prev advance",
          "[client][v2]") {
  V2Case c;
  c.Add(protocol::kKindConversation, kReport, nullptr);
  c.Add(protocol::kKindNotes, R"({"type":"status","status":"triage"})", &c.ana);
  c.Add(protocol::kKindConversation, kMessage, &c.bob);
  ReadCase r = c.Read();
  REQUIRE(r.trust.ok());
  REQUIRE(r.entries.size() == 3);
  for (const auto& e : r.entries) CHECK(e.error.empty());
  CHECK(r.entries[2].author == "Bob");
  CHECK(ComputeState(r.entries).status == "triage");
  CHECK(r.next_mark.count == 3);
  CHECK(r.next_mark.last_hash == c.hashes[2]);
  CHECK(r.prev == c.hashes[2]);
  CHECK(r.reviewer_signed);
  CHECK(r.source_sign == c.source.public_key);
  REQUIRE(r.source_pk.has_value());  // §11.1: the report's source_pk (kReport: 32 zero bytes)
  CHECK(*r.source_pk == crypto::X25519Public{});
  CHECK(CheckSafeToEncrypt(ViewOf(std::move(r))).ok());
}

TEST_CASE("v2 case: a report without a 32-byte source_pk is not the source's report (§11.1)",
          "[client][v2]") {
  for (const std::string_view report :
       {R"({"type":"report","form":{},"text":"spyware","files":[]})",
        R"({"type":"report","source_pk":"AAAA","form":{},"text":"spyware","files":[]})"}) {
    V2Case c;
    c.Add(protocol::kKindConversation, report, nullptr);
    ReadCase r = c.Read();
    CHECK(r.trust.code() == Code::kMalformed);
    CHECK(r.entries[0].outcome == Code::kMalformed);
    CHECK_FALSE(r.source_pk.has_value());
    CHECK_FALSE(CheckSafeToEncrypt(ViewOf(std::move(r))).ok());
  }
}

TEST_CASE("v2 case: a reordered record is named and skipped, the rest still counts",
          "[client][v2]") {
  V2Case c;
  c.Add(protocol::kKindConversation, kReport, nullptr);
  c.Add(protocol::kKindNotes, R"({"type":"status","status":"triage"})", &c.ana);
  c.Add(protocol::kKindNotes, R"({"type":"status","status":"closed"})", &c.ana);
  // The server lists #3 before #2: #3 names a record not listed before it.
  std::swap(c.messages[1].record, c.messages[2].record);
  c.messages[1].seq = 2;
  c.messages[2].seq = 3;
  ReadCase r = c.Read();
  REQUIRE(r.trust.ok());
  REQUIRE(r.entries.size() == 3);
  CHECK(r.entries[1].outcome == Code::kReordered);
  CHECK(r.entries[1].error.rfind("message #2: reordered", 0) == 0);
  CHECK(r.entries[2].error.empty());
  CHECK(ComputeState(r.entries).status == "triage");     // the reordered "closed" is not applied
  CHECK(CheckSafeToEncrypt(ViewOf(std::move(r))).ok());  // never blocks writing
}

TEST_CASE("v2 case: truncation and reordering below the high-water mark block writing",
          "[client][v2]") {
  V2Case c;
  c.Add(protocol::kKindConversation, kReport, nullptr);
  c.Add(protocol::kKindConversation, kMessage, &c.ana);
  c.Add(protocol::kKindConversation, kMessage, &c.bob);
  const v2::HighWaterMark seen = c.Read().next_mark;
  REQUIRE(seen.count == 3);
  V2Case shorter = std::move(c);
  shorter.messages.pop_back();
  ReadCase t = shorter.Read(seen);
  CHECK(t.trust.code() == Code::kTruncated);
  CHECK(t.next_mark.count == 3);  // never lowered
  const Status blocked = CheckSafeToEncrypt(ViewOf(std::move(t)));
  CHECK(blocked.code() == Code::kTruncated);
  CHECK(blocked.message().find("truncated") != std::string::npos);

  v2::HighWaterMark other = seen;
  other.count = 2;
  other.last_hash = shorter.hashes[0];  // the 2nd record seen was another one
  CHECK(shorter.Read(other).trust.code() == Code::kReordered);
}

TEST_CASE("v2 case: wrong_key, retired_author and another source key are named per record",
          "[client][v2]") {
  V2Case c(/*bob_retired_at=*/2);
  c.Add(protocol::kKindConversation, kReport, nullptr);
  const SecretBytes other = SecretBytes::Random(32);
  c.Add(protocol::kKindConversation, kMessage, &c.ana, -2, 2, nullptr, &other);  // another CK
  c.Add(protocol::kKindConversation, kMessage, &c.ana, 0);
  c.Add(protocol::kKindConversation, kMessage, &c.bob, 2, 2);  // signed under v2: retired by then
  const crypto::Ed25519KeyPair impostor = NewSigningKey();
  c.Add(protocol::kKindConversation, kMessage, nullptr, 2, 2, &impostor);
  ReadCase r = c.Read();
  REQUIRE(r.trust.ok());
  REQUIRE(r.entries.size() == 5);
  CHECK(r.entries[1].outcome == Code::kWrongKey);
  CHECK(r.entries[1].error.find("wrong_key") != std::string::npos);
  CHECK(r.entries[2].error.empty());
  CHECK(r.entries[3].outcome == Code::kRetiredAuthor);
  CHECK(r.entries[4].outcome == Code::kUnknownAuthor);
  CHECK(CheckSafeToEncrypt(ViewOf(std::move(r))).ok());
}

TEST_CASE("v2 case: message #1 must be the source's report; a v1 record is refused",
          "[client][v2]") {
  {
    V2Case c;
    c.Add(protocol::kKindConversation, kMessage, nullptr);
    ReadCase r = c.Read();
    CHECK(r.trust.code() == Code::kMalformed);
    CHECK(CheckSafeToEncrypt(ViewOf(std::move(r))).code() == Code::kMalformed);
  }
  {
    V2Case c;
    c.Add(protocol::kKindConversation, kReport, &c.ana);  // a reviewer's "report"
    CHECK_FALSE(c.Read().trust.ok());
  }
  {
    V2Case c;
    c.Add(protocol::kKindConversation, kReport, nullptr);
    c.Add(protocol::kKindConversation, kMessage, nullptr);
    c.messages.back().record[0] = 1;  // the version byte of 0.1.0's records
    ReadCase r = c.Read();
    REQUIRE(r.entries.size() == 2);
    CHECK(r.entries[1].outcome == Code::kUnsupportedVersion);
    CHECK(r.trust.ok());
  }
}

// Regression: a second "report" later in a case was shown as a report (the
// page's form summary, a new title) though §11.4 allows only message #1 to be
// one; it is malformed, named, not named in prev, and blocks nothing.
TEST_CASE("v2 case: a later report is malformed and not named in prev", "[client][v2]") {
  V2Case c;
  c.Add(protocol::kKindConversation, kReport, nullptr);
  c.Add(protocol::kKindConversation, kMessage, &c.ana);
  c.Add(protocol::kKindConversation, kReport, nullptr);
  ReadCase r = c.Read();
  REQUIRE(r.trust.ok());
  REQUIRE(r.entries.size() == 3);
  CHECK(r.entries[1].error.empty());
  CHECK(r.entries[2].outcome == Code::kMalformed);
  CHECK(r.prev == c.hashes[1]);
  CHECK(CheckSafeToEncrypt(ViewOf(std::move(r))).ok());
}

// ---- Rosters: the chain rule as a client applies it, and the admin's side.

struct Chain {
  crypto::AdminKey admin = crypto::AdminKey::Generate();
  crypto::Id instance_id = crypto::RandomId();
  Reviewer ana, bob;

  Bytes Sign(v2::Roster r) { return *admin.SignRosterV2(std::move(r)); }
  v2::Roster First() {
    v2::Roster r;
    r.instance_id = instance_id;
    r.version = 1;
    r.expires_day = TodayU32() + 30;
    r.entries = {ana.Entry("Ana")};
    return r;
  }
  v2::Roster Next(const v2::Roster& prev, const Bytes& prev_bytes) {
    v2::Roster r = prev;
    r.version = prev.version + 1;
    r.prev_digest = v2::RosterDigest(prev_bytes);
    return r;
  }
};

std::unique_ptr<Connection> Offline(const TempDir& dir) {
  ConnectionOptions o;
  o.server = "unix:" + dir.path() + "/no.sock";  // never reached: no gap to fill
  o.state_dir = dir.path();
  return std::move(Connection::Open(o)).value();
}

TEST_CASE("rosters: v2 accepted by the chain rule, expired, forks and rollbacks refused",
          "[client][v2][roster]") {
  TempDir dir;
  Chain c;
  auto conn = Offline(dir);
  const auto& pk = c.admin.public_key();
  const v2::Roster r1 = c.First();
  const Bytes b1 = c.Sign(r1);
  REQUIRE(AcceptRoster(*conn, pk, c.instance_id, b1).ok());
  v2::Roster r2 = c.Next(r1, b1);
  r2.entries.push_back(c.bob.Entry("Bob"));
  const Bytes b2 = c.Sign(r2);
  REQUIRE(AcceptRoster(*conn, pk, c.instance_id, b2).ok());
  CHECK(AcceptRoster(*conn, pk, c.instance_id, b1).code() == Code::kRollback);

  v2::Roster fork = r2;  // version 2 again, other content
  fork.entries.pop_back();
  CHECK(AcceptRoster(*conn, pk, c.instance_id, c.Sign(fork)).code() == Code::kRollback);

  v2::Roster broken = c.Next(r2, b2);
  broken.prev_digest.fill(1);
  CHECK(AcceptRoster(*conn, pk, c.instance_id, c.Sign(broken)).code() == Code::kBrokenChain);

  v2::Roster dropped = c.Next(r2, b2);  // Bob vanishes instead of being retired
  dropped.entries.pop_back();
  CHECK(AcceptRoster(*conn, pk, c.instance_id, c.Sign(dropped)).code() == Code::kBrokenChain);

  v2::Roster expired = c.Next(r2, b2);
  expired.expires_day = TodayU32() - 1;
  const Bytes be = c.Sign(expired);
  CHECK(AcceptRoster(*conn, pk, c.instance_id, be).code() == Code::kExpired);
  CHECK(AcceptRoster(*conn, pk, c.instance_id, be, /*accept_expired=*/true).ok());

  // A version-1 roster (0.1.0) is not read: named, nothing remembered.
  Bytes v1 = c.Sign(c.Next(r2, b2));
  v1[0] = 1;
  Status old = AcceptRoster(*conn, pk, c.instance_id, v1).status();
  CHECK(old.code() == Code::kUnsupportedVersion);
  CHECK(old.message().find("0.1.0") != std::string::npos);
  CHECK(conn->state().LastRoster()->version == 3);  // the expired one accepted above
}

TEST_CASE("rosters: the admin signs only the successor of the kept roster, diff first",
          "[client][v2][roster]") {
  Chain c;
  const Bytes b1 = c.Sign(c.First());
  const RosterView kept = *VerifyAnyRoster(b1, c.admin.public_key(), c.instance_id, std::nullopt);
  RosterBase base = *ChooseRosterBase(kept, std::nullopt, std::nullopt, c.instance_id, false);
  auto next = SuccessorOf(base, 30, 20000);
  REQUIRE(next.ok());
  CHECK(next->version == 2);
  CHECK(next->expires_day == 20030);
  CHECK(next->prev_digest == v2::RosterDigest(b1));
  CHECK(SuccessorOf(base, 91, 20000).code() == Code::kInvalidArgument);
  next->entries.push_back(c.bob.Entry("Bob"));
  next->entries[0].name = "Ana P";
  auto diff = RosterDiff(base.roster, *next);
  REQUIRE(diff.size() == 2);
  CHECK(diff[0].rfind("renamed: Ana -> Ana P", 0) == 0);
  CHECK(diff[1].rfind("added: Bob", 0) == 0);
  REQUIRE(SignSuccessor(c.admin, base, *next, c.instance_id).ok());

  v2::Roster skip = *next;  // not the successor
  skip.version = 3;
  CHECK_FALSE(SignSuccessor(c.admin, base, skip, c.instance_id).ok());
  v2::Roster drop = *SuccessorOf(base, 30, 20000);
  drop.entries.clear();  // dropping instead of retiring breaks continuity
  CHECK(SignSuccessor(c.admin, base, drop, c.instance_id).code() == Code::kBrokenChain);

  // A v2 roster on the server that this tool did not keep: only when adopted.
  CHECK(ChooseRosterBase(std::nullopt, kept, b1, c.instance_id, false).code() ==
        Code::kPermissionDenied);
  CHECK(ChooseRosterBase(std::nullopt, kept, b1, c.instance_id, true).ok());
  // A version-1 roster served (an instance upgraded from 0.1.0, never read):
  // the chain starts above its version, linked to its bytes, with no entry.
  const Bytes v1b = {1, 2, 3, 4};
  RosterBase from_v1 = *ChooseRosterBase(std::nullopt, std::nullopt, v1b, c.instance_id, false, 4);
  CHECK(from_v1.roster.entries.empty());
  auto start = SuccessorOf(from_v1, 30, 20000);
  CHECK(start->version == 5);
  CHECK(start->prev_digest == v2::RosterDigest(v1b));
  CHECK(SignSuccessor(c.admin, from_v1, *start, c.instance_id).ok());
}

}  // namespace
}  // namespace dojava::client
