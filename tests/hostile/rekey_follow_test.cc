// Following a case's re-keys (PROTOCOL §7.3, read through §7.4) when one of
// them cannot be followed. The server checks the clear statement a reviewer
// posts, never the envelope it stores (§7.4 "Residual"), so a reviewer who
// holds CK (turned, or its key stolen) can store a re-key envelope that does
// not open, one holding a statement that fails its checks, or a re-key whose
// CK' it sealed only to itself. Each is posted here through the real API of
// the real dojavad and read by the real CLI:
//   1. an envelope that does not open is shown ("a re-key of this case could
//      not be read") and ignored: the reader follows the next generation and
//      keeps writing;
//   2. a refused statement is named, no later re-key is followed, and a
//      reviewer writes nothing new;
//   3. a re-key whose CK' is not sealed to the reader: it writes nothing new.
// client/rekey.cc FollowRekeys.
#include <catch2/catch_test_macros.hpp>

#include "base/encoding.h"
#include "crypto/message_v2.h"
#include "crypto/protocol_constants.h"
#include "crypto/rekey.h"
#include "crypto/sealed_key.h"
#include "tests/hostile/api_json.h"
#include "tests/hostile/attacker.h"
#include "tests/hostile/newsroom.h"

namespace dojava::hostile {
namespace {

constexpr size_t kCommitAt = 34;  // PROTOCOL §8.1: version, kind, case id, message id

// The scene: ana and bob hold a case with a report and a reply of ana's.
struct Scene {
  Newsroom n;
  std::string receipt;
  std::string case_text;
  crypto::Id case_id{};
  std::string path;

  Scene() {
    n.AddReviewer("ana");
    n.AddReviewer("bob");
    receipt = n.Submit("Prisluškivanje redakcije");
    case_text = n.OnlyCase("ana");
    REQUIRE(n.As("ana", {"reply", case_text, "prvi odgovor"}).exit_code == 0);
    REQUIRE(n.As("bob", {"show", case_text}).exit_code == 0);
    auto id = Base64UrlDecodeFixed<16>(case_text);
    REQUIRE(id.ok());
    case_id = *id;
    path = "/api/v1/cases/" + case_text;
  }

  // The CK of `generation` sealed to `name`, opened with their key.
  SecretBytes CaseKeyOf(const std::string& name, uint64_t generation) const {
    const auto [status, body] = n.GetWithToken(n.Login(name), path);
    REQUIRE(status == 200);
    const crypto::ReviewerKey key = n.ReviewerKeyOf(name);
    for (const KeyRow& k : Keys(body)) {
      if (k.recipient != Base64UrlEncode(n.ReviewerId(name)) || k.role != "case" ||
          k.generation != generation) {
        continue;
      }
      auto ck = crypto::OpenSealedKey(k.sealed, protocol::kRoleCaseKey, case_id,
                                      key.x25519_secret(), key.x25519_public());
      REQUIRE(ck.ok());
      return std::move(ck).value();
    }
    FAIL("no case key of generation " << generation << " for " << name);
    return SecretBytes();
  }

  // Ana posts a re-key from `from` to `to` through the API: the statement she
  // signs in clear (what the server checks), `envelope` as what is stored
  // (nullopt: the honest envelope), CK' sealed to `to_whom`. The status.
  int PostRekey(const SecretBytes& from, const SecretBytes& to,
                const std::vector<std::string>& to_whom,
                const std::optional<Bytes>& envelope = std::nullopt) const {
    const auto [got, body] = n.GetWithToken(n.Login("ana"), path);
    REQUIRE(got == 200);
    auto source_pk = Base64UrlDecodeFixed<32>(StringField(body, "source_public_key"));
    REQUIRE(source_pk.ok());
    auto seal = crypto::SealKey(to, protocol::kRoleCaseKey, case_id, *source_pk);
    REQUIRE(seal.ok());
    const crypto::ReviewerKey ana = n.ReviewerKeyOf("ana");
    const crypto::Id ana_id = n.ReviewerId("ana");
    auto statement =
        crypto::v2::MakeRekey(case_id, ana_id, from, to, *seal, n.CurrentRoster().version,
                              *ana.Signer(ana_id).ed25519_secret);
    REQUIRE(statement.ok());
    const Bytes sealed =
        envelope ? *envelope : Sealed(from, protocol::kStatementRekey, case_id, *statement);
    std::string keys;
    for (const std::string& who : to_whom) {
      auto k = crypto::SealKey(to, protocol::kRoleCaseKey, case_id,
                               n.ReviewerKeyOf(who).x25519_public());
      REQUIRE(k.ok());
      keys += std::string(keys.empty() ? "" : ",") + "{\"recipient\":\"" +
              Base64UrlEncode(n.ReviewerId(who)) + "\",\"role\":\"case\",\"sealed\":\"" +
              Base64UrlEncode(*k) + "\"}";
    }
    const std::string json = "{\"rekey\":\"" + Base64UrlEncode(*statement) + "\",\"envelope\":\"" +
                             Base64UrlEncode(sealed) + "\",\"keys\":[" + keys + "]}";
    const auto [status, answer] = n.PostWithToken(n.Login("ana"), path + "/rekey", json);
    INFO(answer);
    return status;
  }

  // The key commitment of the last record of the case.
  crypto::v2::Digest LastCommitment() const {
    const auto [status, listing] = n.GetWithToken(n.Login("ana"), path + "/messages");
    REQUIRE(status == 200);
    const Bytes record = Messages(listing).back().record;
    crypto::v2::Digest kc{};
    std::copy(record.begin() + kCommitAt, record.begin() + kCommitAt + 32, kc.begin());
    return kc;
  }
};

TEST_CASE("re-keys: an envelope that does not open is shown, skipped, and blocks nothing",
          "[hostile][rekey]") {
  Scene s;
  const SecretBytes ck = s.CaseKeyOf("ana", 0);
  // A junk envelope: a header the server accepts (version, type, length,
  // the case's real kc) over random bytes; it opens under no key.
  Bytes junk = Sealed(ck, protocol::kStatementRekey, s.case_id, Bytes(251, 0));
  const SecretBytes noise = SecretBytes::Random(junk.size() - 58);
  std::copy(noise.reveal().begin(), noise.reveal().end(), junk.begin() + 58);
  const SecretBytes junk_key = SecretBytes::Random(32);
  REQUIRE(s.PostRekey(ck, junk_key, {"ana", "bob"}, junk) == 204);

  const ProcessResult show = s.n.As("bob", {"show", s.case_text});
  INFO(Describe(show));
  CHECK(show.exit_code == 0);
  CHECK(show.out.find("prvi odgovor") != std::string::npos);
  CHECK(show.err.find("a re-key of this case could not be read (generation 1: "
                      "decrypt_failed") != std::string::npos);
  // Ignored: bob writes on, under the case's first key.
  const ProcessResult reply = s.n.As("bob", {"reply", s.case_text, "drugi odgovor"});
  INFO(Describe(reply));
  REQUIRE(reply.exit_code == 0);
  CHECK(s.LastCommitment() == crypto::v2::KeyCommitment(ck));
  CHECK(s.LastCommitment() != crypto::v2::KeyCommitment(junk_key));

  // The next generation is followed: ana's real re-key (generation 2).
  const ProcessResult rekey = s.n.As("ana", {"rekey", s.case_text});
  INFO(Describe(rekey));
  REQUIRE(rekey.exit_code == 0);
  const SecretBytes ck2 = s.CaseKeyOf("bob", 2);
  const ProcessResult after = s.n.As("bob", {"reply", s.case_text, "treći odgovor"});
  INFO(Describe(after));
  REQUIRE(after.exit_code == 0);
  CHECK(s.LastCommitment() == crypto::v2::KeyCommitment(ck2));
  // The source follows generation 2 as well, past the unreadable one.
  const ProcessResult inbox = s.n.Inbox(s.receipt, "Hvala.");
  INFO(Describe(inbox));
  CHECK(inbox.out.find("treći odgovor") != std::string::npos);
  CHECK(inbox.err.find("a re-key of this case could not be read (generation 1") !=
        std::string::npos);
  CHECK(s.LastCommitment() == crypto::v2::KeyCommitment(ck2));
}

TEST_CASE("re-keys: a refused statement stops later re-keys and the reviewer's writing",
          "[hostile][rekey]") {
  Scene s;
  Attacker attacker;
  const SecretBytes ck = s.CaseKeyOf("ana", 0);
  // The clear statement verifies; the envelope holds one signed by a key of
  // the attacker's in ana's name, sealed properly under CK.
  const crypto::ReviewerKey& impostor = attacker.NewReviewer();
  const SecretBytes& ck1 = attacker.NewKey();
  auto forged = crypto::v2::MakeRekey(
      s.case_id, s.n.ReviewerId("ana"), ck, ck1, Bytes(protocol::kSealedKeySize, 1),
      s.n.CurrentRoster().version, *impostor.Signer(s.n.ReviewerId("ana")).ed25519_secret);
  REQUIRE(forged.ok());
  REQUIRE(s.PostRekey(ck, ck1, {"ana", "bob"},
                      Sealed(ck, protocol::kStatementRekey, s.case_id, *forged)) == 204);
  // A later re-key that would verify on its own, from CK: not followed.
  const SecretBytes ck2 = SecretBytes::Random(32);
  REQUIRE(s.PostRekey(ck, ck2, {"ana", "bob"}) == 204);

  const ProcessResult show = s.n.As("bob", {"show", s.case_text});
  INFO(Describe(show));
  CHECK(show.out.find("prvi odgovor") != std::string::npos);  // still reads
  CHECK(show.err.find("the re-key of generation 1 does not verify: bad_signature") !=
        std::string::npos);
  s.n.reviewers().Clear();
  s.n.reviewers().ForgetSeen();
  for (const std::vector<std::string>& cmd :
       {std::vector<std::string>{"reply", s.case_text, "drugi odgovor"},
        std::vector<std::string>{"status", s.case_text, "triage"},
        std::vector<std::string>{"rekey", s.case_text}}) {
    const ProcessResult r = s.n.As("bob", cmd);
    INFO(Describe(r));
    CHECK(r.exit_code == 5);
    CHECK(r.err.find("refusing to encrypt anything new") != std::string::npos);
  }
  CHECK(s.n.reviewers().Requests("POST", s.path + "/.*").empty());
  CHECK(attacker.Gains(s.n.reviewers().seen()).empty());
}

TEST_CASE("re-keys: a reviewer whose CK' is not sealed to it writes nothing new",
          "[hostile][rekey]") {
  Scene s;
  const SecretBytes ck = s.CaseKeyOf("ana", 0);
  const SecretBytes ck1 = SecretBytes::Random(32);
  REQUIRE(s.PostRekey(ck, ck1, {"ana"}) == 204);  // bob left out

  const ProcessResult show = s.n.As("bob", {"show", s.case_text});
  INFO(Describe(show));
  CHECK(show.out.find("prvi odgovor") != std::string::npos);
  CHECK(show.err.find("is not sealed to you") != std::string::npos);
  s.n.reviewers().Clear();
  s.n.reviewers().ForgetSeen();
  for (const std::vector<std::string>& cmd :
       {std::vector<std::string>{"reply", s.case_text, "drugi odgovor"},
        std::vector<std::string>{"note", s.case_text, "bilješka"}}) {
    const ProcessResult r = s.n.As("bob", cmd);
    INFO(Describe(r));
    CHECK(r.exit_code == 5);
    CHECK(r.err.find("is not sealed to you") != std::string::npos);
  }
  CHECK(s.n.reviewers().Requests("POST", s.path + "/.*").empty());
  // Ana, who holds CK', writes under it.
  REQUIRE(s.n.As("ana", {"reply", s.case_text, "drugi odgovor"}).exit_code == 0);
  CHECK(s.LastCommitment() == crypto::v2::KeyCommitment(ck1));
}

}  // namespace
}  // namespace dojava::hostile
