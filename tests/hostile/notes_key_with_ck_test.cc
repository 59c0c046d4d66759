// Attack 3, with the case key: the attacker holds CK (a removed reviewer
// colluding with the server, or a CK learnt otherwise) but no valid
// reviewer signing key. It can make everything of a notes-key genesis but
// the signature: the ck_proof (with CK), the envelope sealed properly under
// CK (so it opens, §7.4), its own NK' sealed to a reviewer. What stops it is
// the genesis's signature check (PROTOCOL §7.2: the creator on the roster,
// the signature, the creator active at its roster version).
// client/case_records.cc CheckNotesKey, client/reviewer_actions.cc
// EnsureNotesKey.
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

TEST_CASE("attack 3 with CK: a notes key whose genesis no reviewer signed is refused",
          "[hostile]") {
  Newsroom n;
  Attacker attacker;
  n.AddReviewer("ana");
  n.AddReviewer("bob");
  n.Submit("Prijetnje urednici");
  const std::string case_text = n.OnlyCase("ana");
  REQUIRE(n.As("ana", {"show", case_text}).exit_code == 0);
  auto case_id = Base64UrlDecodeFixed<16>(case_text);
  REQUIRE(case_id.ok());
  const crypto::Id ana = n.ReviewerId("ana");
  const crypto::ReviewerKey ana_key = n.ReviewerKeyOf("ana");

  // The attacker's CK: the case's real one (here opened from ana's row).
  const std::string path = "/api/v1/cases/" + case_text;
  const auto [got, detail] = n.GetWithToken(n.Login("ana"), path);
  REQUIRE(got == 200);
  std::optional<SecretBytes> ck;
  for (const KeyRow& k : Keys(detail)) {
    if (k.recipient != Base64UrlEncode(ana) || k.role != "case") continue;
    auto opened = crypto::OpenSealedKey(k.sealed, protocol::kRoleCaseKey, *case_id,
                                        ana_key.x25519_secret(), ana_key.x25519_public());
    REQUIRE(opened.ok());
    ck = std::move(opened).value();
  }
  REQUIRE(ck);

  const SecretBytes& nk = attacker.NewKey();
  auto sealed = crypto::SealKey(nk, protocol::kRoleNotesKey, *case_id, ana_key.x25519_public());
  REQUIRE(sealed.ok());
  const crypto::ReviewerKey& own = attacker.NewReviewer();
  const uint64_t version = n.CurrentRoster().version;
  // A genesis with a valid ck_proof (the attacker holds CK), signed by `key`
  // for `creator`, sealed properly under CK.
  auto genesis = [&](const crypto::Id& creator) {
    crypto::v2::NotesGenesis g{*case_id, creator, version, {creator, ana}};
    auto bytes = crypto::v2::MakeNotesGenesis(g, *ck, nk, *own.Signer(creator).ed25519_secret);
    REQUIRE(bytes.ok());
    return Sealed(*ck, protocol::kStatementGenesis, *case_id, *bytes);
  };
  struct Variant {
    const char* who;
    Bytes envelope;
    const char* outcome;
  };
  const std::vector<Variant> variants = {{"signed by a key on no roster, for an id on no roster",
                                          genesis(crypto::RandomId()), "unknown_author"},
                                         {"signed by the attacker's key in bob's name",
                                          genesis(n.ReviewerId("bob")), "bad_signature"}};
  const KeyRow planted{Base64UrlEncode(ana), "notes", *sealed, 0};
  for (const Variant& v : variants) {
    INFO(v.who);
    n.reviewers().Clear();
    n.reviewers().Rewrite("GET", path, [planted, envelope = v.envelope](int&, std::string& body) {
      body = WithGeneses(WithKey(body, planted), {envelope});
    });
    n.reviewers().ForgetSeen();
    for (const std::vector<std::string>& cmd :
         {std::vector<std::string>{"note", case_text, "izvor radi u ministarstvu"},
          std::vector<std::string>{"status", case_text, "investigating"}}) {
      const ProcessResult r = n.As("ana", cmd);
      INFO(Describe(r));
      CHECK(r.exit_code == 5);
      CHECK(r.err.find("notes key sealed to you is refused: " + std::string(v.outcome)) !=
            std::string::npos);
    }
    const ProcessResult show = n.As("ana", {"show", case_text});
    INFO(Describe(show));
    CHECK(show.out.find("Prijetnje urednici") != std::string::npos);  // the case reads
    CHECK(show.err.find("notes key sealed to you is refused: " + std::string(v.outcome)) !=
          std::string::npos);
    CHECK(n.reviewers().Requests("POST", path + "/(messages|keys)").empty());
    CHECK(attacker.Gains(n.reviewers().seen()).empty());
  }
  // Control: unplanted, ana creates the real notes key and writes.
  n.reviewers().Clear();
  const ProcessResult honest = n.As("ana", {"note", case_text, "izvor radi u ministarstvu"});
  INFO(Describe(honest));
  CHECK(honest.exit_code == 0);
  CHECK(attacker.Gains(n.reviewers().seen()).empty());
}

}  // namespace
}  // namespace dojava::hostile
