// Attack 3: the server (alone, or with a reviewer who does not hold the case)
// plants a notes key NK' sealed to a reviewer, so that the case's status,
// labels, assignee and notes would be written under a key it holds
// (PROTOCOL §7.2: a reader MUST NOT use an NK without a valid genesis; §7.4:
// the genesis is served sealed under the case's CK, which the attacker does
// not hold; client/case_records.cc CheckNotesKey, client/reviewer_actions.cc
// EnsureNotesKey).
#include <catch2/catch_test_macros.hpp>

#include "base/encoding.h"
#include "crypto/notes_genesis.h"
#include "crypto/protocol_constants.h"
#include "crypto/sealed_key.h"
#include "tests/hostile/api_json.h"
#include "tests/hostile/attacker.h"
#include "tests/hostile/newsroom.h"

namespace dojava::hostile {
namespace {

crypto::Id IdOf(const std::string& text) {
  auto id = Base64UrlDecodeFixed<16>(text);
  REQUIRE(id.ok());
  return *id;
}

// A genesis of `nk` by `creator` signed with `signer`, with a ck_proof made
// from `ck` (a key the creator holds, which is not the case's).
Bytes Genesis(const crypto::Id& case_id, const crypto::Id& creator,
              const crypto::ReviewerKey& signer, const crypto::Id& ana, const SecretBytes& ck,
              const SecretBytes& nk) {
  crypto::v2::NotesGenesis g{case_id, creator, 1, {creator, ana}};
  auto bytes = crypto::v2::MakeNotesGenesis(g, ck, nk, *signer.Signer(creator).ed25519_secret);
  REQUIRE(bytes.ok());
  return std::move(bytes).value();
}

TEST_CASE("attack 3: a planted notes key is refused and nothing is written under it", "[hostile]") {
  Newsroom n;
  Attacker attacker;
  n.AddReviewer("ana");
  n.Submit("Nadzor nad novinarima");
  const std::string case_text = n.OnlyCase("ana");
  REQUIRE(n.As("ana", {"show", case_text}).exit_code == 0);
  n.AddReviewer("bob");  // on the roster, never granted this case
  const crypto::Id case_id = IdOf(case_text);
  const crypto::Id ana = n.ReviewerId("ana");
  const crypto::ReviewerKey ana_key = n.ReviewerKeyOf("ana");

  // NK' sealed to ana (sealing is anonymous: anyone can) in place of a notes
  // key, with the genesis of each variant.
  const SecretBytes& nk = attacker.NewKey();
  auto sealed = crypto::SealKey(nk, protocol::kRoleNotesKey, case_id, ana_key.x25519_public());
  REQUIRE(sealed.ok());
  struct Variant {
    const char* who;
    std::optional<Bytes> genesis;
    const char* outcome;
  };
  const crypto::ReviewerKey& own = attacker.NewReviewer();
  const crypto::ReviewerKey bob = n.ReviewerKeyOf("bob");
  // The server holds no CK of the case: it can seal a genesis only under a
  // key of its own (the one its ck_proof is made with, or any), which the
  // reader refuses at the envelope (§7.4 `wrong_key`) before any signature;
  // or serve the clear statement where the envelope belongs.
  const SecretBytes& ck2 = attacker.NewKey();
  const Bytes own_genesis = Genesis(case_id, crypto::RandomId(), own, ana, ck2, nk);
  const Bytes bob_genesis = Genesis(case_id, n.ReviewerId("bob"), bob, ana, ck2, nk);
  const std::vector<Variant> variants = {
      {"the server alone: no genesis", std::nullopt, "malformed: no genesis"},
      {"the server with a signing key of its own, sealed under the key of its ck_proof",
       Sealed(ck2, protocol::kStatementGenesis, case_id, own_genesis),
       "wrong_key: its genesis does not open"},
      {"a reviewer on the roster who does not hold the case, sealed under a random key",
       Sealed(SecretBytes::Random(32), protocol::kStatementGenesis, case_id, bob_genesis),
       "wrong_key: its genesis does not open"},
      {"the clear genesis served in place of its envelope", own_genesis,
       "malformed: its genesis does not open"}};
  const std::string case_path = "/api/v1/cases/" + case_text;
  const KeyRow planted{Base64UrlEncode(ana), "notes", *sealed, 0};
  for (const Variant& v : variants) {
    INFO(v.who);
    n.reviewers().Clear();
    n.reviewers().Rewrite(
        "GET", case_path, [planted, genesis = v.genesis](int&, std::string& body) {
          body = WithGeneses(WithKey(body, planted),
                             genesis ? std::vector<Bytes>{*genesis} : std::vector<Bytes>{});
        });
    n.reviewers().ForgetSeen();
    for (const std::vector<std::string>& cmd :
         {std::vector<std::string>{"status", case_text, "investigating"},
          std::vector<std::string>{"note", case_text, "the source is the deputy minister's aide"},
          std::vector<std::string>{"assign", case_text, "me"}}) {
      const ProcessResult r = n.As("ana", cmd);
      INFO(Describe(r));
      CHECK(r.exit_code == 5);
      CHECK(r.err.find("notes key sealed to you is refused") != std::string::npos);
      CHECK(r.err.find(v.outcome) != std::string::npos);
    }
    CHECK(n.reviewers().Requests("POST", case_path + "/(messages|keys)").empty());
    CHECK(attacker.Gains(n.reviewers().seen()).empty());
  }
  // The case itself still reads, with the refusal named.
  const ProcessResult show = n.As("ana", {"show", case_text});
  INFO(Describe(show));
  CHECK(show.out.find("Nadzor nad novinarima") != std::string::npos);
  CHECK(show.err.find("notes key sealed to you is refused") != std::string::npos);

  // Control: without the planted key, ana creates the notes key (with its
  // genesis) and writes the status: the refusal above came from the plant.
  n.reviewers().Clear();
  const ProcessResult honest = n.As("ana", {"status", case_text, "investigating"});
  INFO(Describe(honest));
  CHECK(honest.exit_code == 0);
  CHECK(n.reviewers().Requests("POST", case_path + "/messages").size() == 1);
  CHECK(attacker.Gains(n.reviewers().seen()).empty());
}

}  // namespace
}  // namespace dojava::hostile
