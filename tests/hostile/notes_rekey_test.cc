// A re-key moves the notes key with the case key (PROTOCOL §7.3, §7.2): a
// removed reviewer who kept their notes key NK, and obtains the records
// (a seized or compromised server's database), reads the notes written
// before the re-key and none written after; the remaining reviewer and a
// colleague granted the case afterwards read both. Everything through the
// real CLI against the real dojavad; the removed reviewer's keys are taken
// from the server while they still held the case, as they would have kept
// them. client/rekey.cc RekeyCase, client/case_records.cc OpenNotesKeys.
#include <catch2/catch_test_macros.hpp>

#include "base/encoding.h"
#include "crypto/message_v2.h"
#include "crypto/protocol_constants.h"
#include "crypto/roster_v2.h"
#include "crypto/sealed_key.h"
#include "tests/hostile/api_json.h"
#include "tests/hostile/newsroom.h"

namespace dojava::hostile {
namespace {

constexpr size_t kCommitAt = 34;  // PROTOCOL §8.1: version, kind, case id, message id

// The key of (role, generation) sealed to `name`, opened with their key;
// nullopt if the case holds none.
std::optional<SecretBytes> KeyOf(const Newsroom& n, const std::string& case_text,
                                 const std::string& name, const std::string& role,
                                 uint64_t generation) {
  const auto [status, body] = n.GetWithToken(n.Login("ana"), "/api/v1/cases/" + case_text);
  REQUIRE(status == 200);
  auto case_id = Base64UrlDecodeFixed<16>(case_text);
  REQUIRE(case_id.ok());
  const crypto::ReviewerKey key = n.ReviewerKeyOf(name);
  for (const KeyRow& k : Keys(body)) {
    if (k.recipient != Base64UrlEncode(n.ReviewerId(name)) || k.role != role ||
        k.generation != generation) {
      continue;
    }
    auto opened = crypto::OpenSealedKey(
        k.sealed, role == "case" ? protocol::kRoleCaseKey : protocol::kRoleNotesKey, *case_id,
        key.x25519_secret(), key.x25519_public());
    REQUIRE(opened.ok());
    return std::move(opened).value();
  }
  return std::nullopt;
}

crypto::v2::Digest CommitmentOf(const Bytes& record) {
  crypto::v2::Digest kc{};
  std::copy(record.begin() + kCommitAt, record.begin() + kCommitAt + 32, kc.begin());
  return kc;
}

TEST_CASE("re-keys move the notes key: a removed reviewer's NK reads no later note",
          "[hostile][rekey]") {
  Newsroom n;
  n.AddReviewer("ana");
  n.AddReviewer("bob");
  n.Submit("Pretnje novinarki");
  const std::string case_text = n.OnlyCase("ana");
  const std::string path = "/api/v1/cases/" + case_text;
  REQUIRE(n.As("ana", {"note", case_text, "prije: izvor je provjeren"}).exit_code == 0);
  REQUIRE(n.As("bob", {"show", case_text}).exit_code == 0);
  // What bob keeps when he leaves: his copies of CK and NK.
  const std::optional<SecretBytes> bob_nk = KeyOf(n, case_text, "bob", "notes", 0);
  REQUIRE(bob_nk);

  n.RemoveReviewer("bob");
  const ProcessResult rekey = n.As("ana", {"rekey", case_text});
  INFO(Describe(rekey));
  REQUIRE(rekey.exit_code == 0);
  REQUIRE(n.As("ana", {"note", case_text, "poslije: sastanak u srijedu"}).exit_code == 0);

  // Bob's rows are gone; the case holds a genesis per case key.
  const auto [got, detail] = n.GetWithToken(n.Login("ana"), path);
  REQUIRE(got == 200);
  for (const KeyRow& k : Keys(detail)) CHECK(k.recipient != Base64UrlEncode(n.ReviewerId("bob")));
  CHECK(Geneses(detail).size() == 2);
  // The note before the re-key is under bob's NK; the one after under NK',
  // which opens for ana and which bob's NK cannot open (wrong_key).
  const std::optional<SecretBytes> nk1 = KeyOf(n, case_text, "ana", "notes", 1);
  REQUIRE(nk1);
  const auto [listed, listing] = n.GetWithToken(n.Login("ana"), path + "/messages");
  REQUIRE(listed == 200);
  const std::vector<Listed> records = Messages(listing);
  REQUIRE(records.size() == 3);  // the report, the note before, the note after
  const Bytes& before = records[1].record;
  const Bytes& after = records[2].record;
  CHECK(after[1] == protocol::kKindNotes);
  CHECK(CommitmentOf(before) == crypto::v2::KeyCommitment(*bob_nk));
  CHECK(CommitmentOf(after) == crypto::v2::KeyCommitment(*nk1));
  auto roster = crypto::v2::VerifyRoster(n.RosterBytes(), n.AdminKeyOf().public_key(),
                                         n.instance_id(), std::nullopt);
  REQUIRE(roster.ok());
  auto case_id = Base64UrlDecodeFixed<16>(case_text);
  REQUIRE(case_id.ok());
  CHECK(crypto::v2::DecryptMessage(after, *case_id, {nullptr, &*bob_nk}, *roster).code() ==
        Code::kWrongKey);
  CHECK(crypto::v2::DecryptMessage(before, *case_id, {nullptr, &*bob_nk}, *roster).ok());

  // Ana reads both; cora, granted the case after the re-key, reads both.
  n.AddReviewer("cora");
  const ProcessResult grant = n.As("ana", {"grant", case_text, "cora"});
  INFO(Describe(grant));
  REQUIRE(grant.exit_code == 0);
  CHECK(KeyOf(n, case_text, "cora", "notes", 0));
  CHECK(KeyOf(n, case_text, "cora", "notes", 1));
  for (const std::string who : {"ana", "cora"}) {
    const ProcessResult show = n.As(who, {"show", case_text});
    INFO(who << ": " << Describe(show));
    CHECK(show.exit_code == 0);
    CHECK(show.out.find("note: prije: izvor je provjeren") != std::string::npos);
    CHECK(show.out.find("note: poslije: sastanak u srijedu") != std::string::npos);
  }
  // Cora writes notes under NK' too.
  REQUIRE(n.As("cora", {"status", case_text, "investigating"}).exit_code == 0);
  const auto [again, latest] = n.GetWithToken(n.Login("ana"), path + "/messages");
  REQUIRE(again == 200);
  CHECK(CommitmentOf(Messages(latest).back().record) == crypto::v2::KeyCommitment(*nk1));
}

}  // namespace
}  // namespace dojava::hostile
