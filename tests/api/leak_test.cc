// What must never come back: no response (body or header) echoes request
// data, carries the source's lookup key, or carries a reviewer's token
// anywhere but in that reviewer's own login answer.
#include <catch2/catch_test_macros.hpp>

#include "tests/support/api_harness.h"

namespace dojava::api::testing {
namespace {

bool Contains(const HttpResponse& r, const std::string& needle) {
  if (r.body.find(needle) != std::string::npos) return true;
  for (const auto& [name, value] : r.headers) {
    if (name.find(needle) != std::string::npos || value.find(needle) != std::string::npos) {
      return true;
    }
  }
  return false;
}

TEST_CASE("leaks: errors never echo input; lookup keys and tokens stay where they belong",
          "[api][leak]") {
  Harness h;
  Reviewer alice, bob;
  alice.name = "Alice";
  bob.name = "Bob";
  h.InstallRoster({&alice, &bob}, 1);

  // Login answers are the only responses allowed to carry a token.
  const std::string token_a = h.Login(alice);
  const std::string token_b = h.Login(bob);
  std::vector<HttpResponse> responses;

  // A case, created with a lookup key.
  const Id case_id = service::testing::RandomId();
  const SecretBytes ck = SecretBytes::Random(32);
  const SecretBytes lookup = SecretBytes::Random(32);
  const std::string lookup_b64 = B64(lookup.reveal());
  const auto source_key = crypto::ReviewerKey::Generate();
  const std::string keys =
      "[" +
      SealedKeyJson("source", "case",
                    Seal(ck, protocol::kRoleCaseKey, case_id, source_key.x25519_public())) +
      "," +
      SealedKeyJson(B64(alice.id), "case",
                    Seal(ck, protocol::kRoleCaseKey, case_id, alice.key.x25519_public())) +
      "," +
      SealedKeyJson(B64(bob.id), "case",
                    Seal(ck, protocol::kRoleCaseKey, case_id, bob.key.x25519_public())) +
      "]";
  const std::string record = B64(Record(ck, protocol::kKindConversation, case_id, "report"));
  const std::string create = "{\"case_id\":\"" + B64(case_id) + "\",\"lookup_key\":\"" +
                             lookup_b64 + "\",\"source_public_key\":\"" +
                             B64(source_key.x25519_public()) + "\",\"keys\":" + keys +
                             ",\"message\":\"" + record + "\"}";
  responses.push_back(h.Post(kSource, "/api/v1/cases", create));
  REQUIRE(responses.back().status == 201);
  // The same again (conflict), and variants carrying the key in odd places.
  responses.push_back(h.Post(kSource, "/api/v1/cases", create));
  responses.push_back(h.Post(kSource, "/api/v1/cases", create + "x"));
  responses.push_back(h.Post(kSource, "/api/v1/cases",
                             create.substr(0, create.size() - 1) + ",\"" + lookup_b64 + "\":1}"));
  const auto source = Harness::LookupKey(lookup_b64);
  responses.push_back(h.Get(kSource, "/api/v1/source/case", source));
  REQUIRE(responses.back().status == 200);
  responses.push_back(h.Get(kSource, "/api/v1/source/case?" + lookup_b64 + "=1", source));
  responses.push_back(h.Get(kSource, "/api/v1/source/case?after=" + lookup_b64, source));
  responses.push_back(
      h.Post(kSource, "/api/v1/source/messages", "{\"message\":\"" + lookup_b64 + "\"}", source));
  responses.push_back(h.Get(kReviewer, "/api/v1/source/case", source));
  responses.push_back(h.Get(kSource, "/api/v1/uploads/" + lookup_b64.substr(0, 22)));

  // Reviewer routes with tokens, good and bad.
  const std::string marker = "MARKER_c2VjcmV0";
  for (const std::string& t : {token_a, token_b}) {
    responses.push_back(h.Get(kReviewer, "/api/v1/cases", Harness::Bearer(t)));
    responses.push_back(h.Get(kReviewer, "/api/v1/cases/" + B64(case_id), Harness::Bearer(t)));
    responses.push_back(
        h.Get(kReviewer, "/api/v1/cases/" + B64(case_id) + "/messages", Harness::Bearer(t)));
    responses.push_back(h.Get(kReviewer, "/api/v1/cases?" + marker + "=1", Harness::Bearer(t)));
    responses.push_back(h.Post(kReviewer, "/api/v1/cases/" + B64(case_id) + "/keys",
                               "{\"" + marker + "\":\"" + t + "\"}", Harness::Bearer(t)));
  }
  responses.push_back(h.Get(kReviewer, "/api/v1/cases", Harness::Bearer(token_a + marker)));
  responses.push_back(h.Post(kReviewer, "/api/v1/login",
                             "{\"reviewer_id\":\"" + marker + "\",\"challenge\":\"" + token_a +
                                 "\",\"signature\":\"" + lookup_b64 + "\"}"));
  responses.push_back(h.Post(kReviewer, "/api/v1/login/challenge",
                             "{\"reviewer_id\":\"" + token_b.substr(0, 22) + "\"}"));
  responses.push_back(
      h.Do(kReviewer, Method::kPut, "/api/v1/roster", "{\"roster\":\"" + marker + token_a + "\"}"));
  responses.push_back(h.Post(kReviewer, "/api/v1/logout", "", Harness::Bearer(token_b)));

  for (size_t i = 0; i < responses.size(); ++i) {
    INFO("response " << i << ": " << responses[i].status);
    CHECK_FALSE(Contains(responses[i], lookup_b64));
    CHECK_FALSE(Contains(responses[i], HexEncode(lookup.reveal())));
    CHECK_FALSE(Contains(responses[i], token_a));
    CHECK_FALSE(Contains(responses[i], token_b));
    CHECK_FALSE(Contains(responses[i], token_b.substr(0, 22)));
    CHECK_FALSE(Contains(responses[i], marker));
    CHECK_FALSE(Contains(responses[i], lookup_b64.substr(0, 22)));
  }
  // The store holds the hash of the lookup key, by which it finds the case.
  service::LookupHash hash{};
  const Bytes h32 = crypto::LookupHash(lookup.reveal());
  std::copy(h32.begin(), h32.end(), hash.begin());
  CHECK(h.store().FindCaseByLookupHash(hash).ok());
}

}  // namespace
}  // namespace dojava::api::testing
