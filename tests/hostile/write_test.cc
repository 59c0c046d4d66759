// Attacks 6 and 7: who may write to a case. A junk record posted with a
// valid token is shown as not opening and never blocks the rest of the case
// (PROTOCOL §8.4 "Records that do not open"; F4); a reviewer who holds no key
// of a case cannot post to it (service/API.md "Authorisation per case",
// PROTOCOL §12.4), and the CLI says so with its exit code.
#include <catch2/catch_test_macros.hpp>

#include "base/encoding.h"
#include "crypto/case_delete.h"
#include "crypto/case_key_anchor.h"
#include "crypto/message_v2.h"
#include "crypto/protocol_constants.h"
#include "crypto/sealed_key.h"
#include "tests/hostile/api_json.h"
#include "tests/hostile/attacker.h"
#include "tests/hostile/newsroom.h"

namespace dojava::hostile {
namespace {

constexpr size_t kHeader = 90;     // PROTOCOL §8.1
constexpr size_t kCommitAt = 34;   // version, kind, case id, message id
constexpr size_t kSmallest = 512;  // §8.2 the smallest bucket
constexpr size_t kTag = 16;

crypto::Id IdOf(const std::string& text) {
  auto id = Base64UrlDecodeFixed<16>(text);
  REQUIRE(id.ok());
  return *id;
}

// A record whose header passes every check the server can make (§8.1: version,
// kind, case id, bucket length) and whose body is random: it opens under no key.
// `kc`: the case's own commitment (copied from a header, it is public) or random.
Bytes JunkRecord(const crypto::Id& case_id, std::optional<ByteView> kc) {
  const SecretBytes random = SecretBytes::Random(kHeader + kSmallest + kTag);
  Bytes r(random.reveal().begin(), random.reveal().end());
  r[0] = protocol::kVersion2;
  r[1] = protocol::kKindConversation;
  std::copy(case_id.begin(), case_id.end(), r.begin() + 2);
  if (kc) std::copy(kc->begin(), kc->end(), r.begin() + kCommitAt);
  return r;
}

std::string MessageJson(ByteView record) {
  return "{\"message\":\"" + Base64UrlEncode(record) + "\"}";
}

TEST_CASE(
    "attack 6: a junk record posted with a valid token is shown as not opening and blocks "
    "nothing",
    "[hostile]") {
  Newsroom n;
  n.AddReviewer("ana");
  n.AddReviewer("bob");  // his token is stolen (or he turned): he holds the case
  const std::string receipt = n.Submit("Pritisak na urednike");
  const std::string case_text = n.OnlyCase("ana");
  REQUIRE(n.As("ana", {"reply", case_text, "prvi odgovor"}).exit_code == 0);
  const std::string token = n.Login("bob");
  const std::string path = "/api/v1/cases/" + case_text;
  const auto [listed, listing] = n.GetWithToken(token, path + "/messages");
  REQUIRE(listed == 200);
  const Bytes report = Messages(listing).at(0).record;
  std::string outcome;
  std::optional<ByteView> kc;
  SECTION("a random key commitment") { outcome = "wrong_key"; }
  SECTION("the case's own key commitment, copied from a header") {
    kc = ByteView(report).subspan(kCommitAt, 32);
    outcome = "decryption failed";
  }
  const auto [status, body] =
      n.PostWithToken(token, path + "/messages", MessageJson(JunkRecord(IdOf(case_text), kc)));
  INFO(body);
  REQUIRE(status == 201);

  // The junk is named on its record; the rest reads (exit 7: a record failed).
  const ProcessResult show = n.As("ana", {"show", case_text});
  INFO(Describe(show));
  CHECK(show.exit_code == 7);
  CHECK(show.out.find("Pritisak na urednike") != std::string::npos);
  CHECK(show.out.find("prvi odgovor") != std::string::npos);
  CHECK(show.out.find("message #3: " + outcome) != std::string::npos);
  // Guards against fail-closed writing: replies, notes and follow-ups go on.
  for (const std::vector<std::string>& cmd :
       {std::vector<std::string>{"reply", case_text, "drugi odgovor"},
        std::vector<std::string>{"status", case_text, "triage"}}) {
    const ProcessResult r = n.As("ana", cmd);
    INFO(Describe(r));
    CHECK(r.exit_code == 0);
  }
  const ProcessResult inbox = n.Inbox(receipt, "Evo još detalja.");
  INFO(Describe(inbox));
  CHECK(inbox.out.find("follow-up sent") != std::string::npos);
  CHECK(inbox.out.find("drugi odgovor") != std::string::npos);
  CHECK(inbox.out.find("message #3") != std::string::npos);  // the junk, named
  const ProcessResult after = n.As("ana", {"show", case_text, "--json"});
  CHECK(after.out.find("Evo još detalja.") != std::string::npos);
  CHECK(StringField(after.out, "status") == "triage");
}

TEST_CASE(
    "attack 7: a reviewer who holds no key of a case cannot post to it (403), and the CLI "
    "names it",
    "[hostile]") {
  Newsroom n;
  n.AddReviewer("ana");
  n.Submit("Pritisak na urednike");
  const std::string case_text = n.OnlyCase("ana");
  REQUIRE(n.As("ana", {"show", case_text}).exit_code == 0);
  n.AddReviewer("carol");  // on the roster, never granted this case
  const crypto::Id case_id = IdOf(case_text);
  const crypto::Id carol = n.ReviewerId("carol");
  const crypto::ReviewerKey carol_key = n.ReviewerKeyOf("carol");
  const SecretBytes& carol_sign = *carol_key.Signer(carol).ed25519_secret;
  const std::string token = n.Login("carol");
  const std::string path = "/api/v1/cases/" + case_text;

  // Straight at the API with her valid token: every write is 403.
  const SecretBytes made_up = SecretBytes::Random(32);
  auto own_key =
      crypto::SealKey(made_up, protocol::kRoleCaseKey, case_id, carol_key.x25519_public());
  auto anchor = crypto::v2::MakeCaseKeyAnchor(case_id, carol, made_up, carol_sign);
  auto del = crypto::v2::MakeCaseDelete({case_id, carol, Today()}, carol_sign);
  REQUIRE((own_key.ok() && anchor.ok() && del.ok()));
  // Sealed under the key she made (§7.4): a well-formed envelope, so that
  // the 403 below is the per-case check, not the envelope's shape.
  const Bytes anchor_envelope = Sealed(made_up, protocol::kStatementAnchor, case_id, *anchor);
  const std::vector<std::pair<std::string, std::string>> writes = {
      {"/messages", MessageJson(JunkRecord(case_id, std::nullopt))},
      {"/keys", "{\"keys\":[{\"recipient\":\"" + Base64UrlEncode(carol) +
                    "\",\"role\":\"case\",\"sealed\":\"" + Base64UrlEncode(*own_key) + "\"}]}"},
      {"/anchors", "{\"anchor\":\"" + Base64UrlEncode(*anchor) + "\",\"envelope\":\"" +
                       Base64UrlEncode(anchor_envelope) + "\"}"},
      {"/delete", "{\"statement\":\"" + Base64UrlEncode(*del) + "\"}"}};
  for (const auto& [route, json] : writes) {
    const auto [status, body] = n.PostWithToken(token, path + route, json);
    INFO(route << ": " << body);
    CHECK(status == 403);
    CHECK(ErrorCode(body) == "permission_denied");
  }

  // Her CLI refuses before sending anything: no key sealed to her.
  n.reviewers().ForgetSeen();
  const ProcessResult local = n.As("carol", {"reply", case_text, "let me in"});
  INFO(Describe(local));
  CHECK(local.exit_code == 9);
  CHECK(local.err.find("not granted to you") != std::string::npos);
  CHECK(n.reviewers().Requests("POST", ".*/cases/.*").empty());

  // A server that shows her CLI a key row the store does not hold (here the
  // real CK, as a colleague's client with a stale view might believe): the
  // CLI writes, and the server's per-case check is what refuses it.
  const auto [got, detail] = n.GetWithToken(n.Login("ana"), path);
  REQUIRE(got == 200);
  const crypto::ReviewerKey ana_key = n.ReviewerKeyOf("ana");
  std::optional<SecretBytes> ck;
  for (const KeyRow& k : Keys(detail)) {
    if (k.recipient == Base64UrlEncode(n.ReviewerId("ana")) && k.role == "case") {
      auto opened = crypto::OpenSealedKey(k.sealed, protocol::kRoleCaseKey, case_id,
                                          ana_key.x25519_secret(), ana_key.x25519_public());
      REQUIRE(opened.ok());
      ck = std::move(opened).value();
    }
  }
  REQUIRE(ck);
  auto shown = crypto::SealKey(*ck, protocol::kRoleCaseKey, case_id, carol_key.x25519_public());
  REQUIRE(shown.ok());
  const KeyRow row{Base64UrlEncode(carol), "case", *shown, 0};
  n.reviewers().Rewrite("GET", path, [row](int&, std::string& body) { body = WithKey(body, row); });
  const ProcessResult remote = n.As("carol", {"reply", case_text, "let me in"});
  INFO(Describe(remote));
  CHECK(remote.exit_code == 9);
  CHECK(remote.err.find("permission_denied") != std::string::npos);
  CHECK(n.reviewers().Requests("POST", path + "/messages").size() == 1);
  n.reviewers().Clear();
  const ProcessResult ana = n.As("ana", {"show", case_text});
  CHECK(ana.exit_code == 0);
  CHECK(ana.out.find("let me in") == std::string::npos);
}

}  // namespace
}  // namespace dojava::hostile
