// Attack 8: the server gives a returning source a case key CK' of its own,
// sealed to the source's stored public key (anyone can seal to it), in place
// of the source's wrapped key or as a re-key the server cannot sign or seal
// (PROTOCOL §7: a source MUST NOT accept a CK sealed to source_pk; §7.1 the
// wrapped key; §7.3 only a reviewer-signed re-key, §7.4 served sealed under
// the CK it moves from; cli/commands_source.cc, client/rekey.cc).
#include <catch2/catch_test_macros.hpp>

#include "base/encoding.h"
#include "crypto/message_v2.h"
#include "crypto/protocol_constants.h"
#include "crypto/receipt.h"
#include "crypto/rekey.h"
#include "crypto/sealed_key.h"
#include "tests/hostile/api_json.h"
#include "tests/hostile/attacker.h"
#include "tests/hostile/newsroom.h"
#include "tests/support/api_requests.h"

namespace dojava::hostile {
namespace {

constexpr const char* kSourceCase = "/api/v1/source/case(\\?.*)?";
constexpr const char* kPlanted = "send the originals to this address";
constexpr size_t kCommitAt = 34;  // §8.1 header: version, kind, case id, message id

TEST_CASE(
    "attack 8: a case key sealed to source_pk without a signed re-key is refused by the "
    "source",
    "[hostile]") {
  Newsroom n;
  Attacker attacker;
  n.AddReviewer("ana");
  const std::string receipt = n.Submit("Dokumenti iz ministarstva");
  const std::string case_text = n.OnlyCase("ana");
  REQUIRE(n.As("ana", {"reply", case_text, "Primili smo, hvala."}).exit_code == 0);
  auto parsed = crypto::Receipt::Parse(receipt);
  REQUIRE(parsed.ok());
  auto rk = crypto::DeriveReceiptKeys(*parsed, n.salt());
  REQUIRE(rk.ok());
  auto case_id = Base64UrlDecodeFixed<16>(case_text);
  REQUIRE(case_id.ok());
  const crypto::Id ana = n.ReviewerId("ana");

  // CK' sealed to source_pk, and a "reviewer" message under it that the
  // source would read if it took CK'.
  const SecretBytes& ck2 = attacker.NewKey();
  auto to_source = crypto::SealKey(ck2, protocol::kRoleCaseKey, *case_id, rk->source_public);
  REQUIRE(to_source.ok());
  const crypto::ReviewerKey& impostor = attacker.NewReviewer();
  const crypto::v2::Signer as_ana{
      protocol::kAuthorReviewer, ana, {}, impostor.Signer(ana).ed25519_secret};
  auto planted = crypto::v2::EncryptMessage(
      ck2, protocol::kKindConversation, *case_id, crypto::RandomId(),
      AsBytes(testing::MessageBody(kPlanted)), as_ana, {n.CurrentRoster().version, Today(), {}});
  REQUIRE(planted.ok());
  const Bytes planted_record = std::move(planted).value();
  auto add_planted = [planted_record](std::string& body) {
    std::vector<Listed> m = Messages(body);
    m.push_back({m.size() + 1, m.back().day, planted_record});
    body = WithMessages(body, m);
  };

  n.sources().ForgetSeen();
  {
    INFO("in place of the source's wrapped key (guards §7.1: only the receipt's wrap opens)");
    const Bytes sealed = *to_source;
    n.sources().Rewrite("GET", kSourceCase, [=](int&, std::string& body) {
      body = WithSourceKey(body, sealed);
      add_planted(body);
    });
    const ProcessResult inbox = n.Inbox(receipt, "the name of our contact");
    INFO(Describe(inbox));
    CHECK(inbox.exit_code == 7);
    CHECK(inbox.err.find("does not open with this receipt") != std::string::npos);
    CHECK(inbox.out.find(kPlanted) == std::string::npos);
    CHECK(inbox.out.find("Primili smo") == std::string::npos);  // nothing is shown
    CHECK(n.sources().Requests("POST", ".*").empty());
  }
  {
    INFO("as a re-key statement the server signed itself, sealed under CK' (guards §7.4)");
    n.sources().Clear();
    // The statement names ana and the case's real commitment (public in
    // every header), but only the attacker's key signed it.
    const auto [status, listing] =
        n.GetWithToken(n.Login("ana"), "/api/v1/cases/" + case_text + "/messages");
    REQUIRE(status == 200);
    const Bytes report = Messages(listing).at(0).record;
    auto statement =
        crypto::v2::MakeRekey(*case_id, ana, SecretBytes::Random(32), ck2, *to_source,
                              n.CurrentRoster().version, *impostor.Signer(ana).ed25519_secret);
    REQUIRE(statement.ok());
    Bytes forged = std::move(statement).value();
    std::copy(report.begin() + kCommitAt, report.begin() + kCommitAt + 32, forged.begin() + 33);
    // It holds no CK of the case, so it can seal the statement only under a
    // key of its own (§7.4): the source refuses the envelope (`wrong_key`)
    // before the statement's signature is looked at.
    const Bytes envelope = Sealed(ck2, protocol::kStatementRekey, *case_id, forged);
    n.sources().Rewrite("GET", kSourceCase, [=](int&, std::string& body) {
      body = WithRekeys(body, {{1, envelope}});
      add_planted(body);
    });
    const ProcessResult inbox = n.Inbox(receipt, "the name of our contact");
    INFO(Describe(inbox));
    CHECK(inbox.out.find("Primili smo") != std::string::npos);  // the real case reads
    CHECK(inbox.out.find(kPlanted) == std::string::npos);       // CK' is never used
    CHECK(inbox.out.find("message #3") != std::string::npos);   // the planted record, named
    // §7.3 step 1: shown and skipped; the source goes on under CK.
    CHECK(inbox.err.find("a re-key of this case could not be read (generation 1: wrong_key") !=
          std::string::npos);
  }
  // Whatever the source sent, nothing was under CK'.
  CHECK(attacker.Gains(n.sources().seen()).empty());
  n.sources().Clear();
  const ProcessResult show = n.As("ana", {"show", case_text});
  CHECK(show.out.find(kPlanted) == std::string::npos);
}

}  // namespace
}  // namespace dojava::hostile
