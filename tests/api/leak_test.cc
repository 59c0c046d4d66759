// What must never come back: no response (body or header) echoes request
// data, carries the source's lookup key, or carries a reviewer's token
// anywhere but in that reviewer's own login answer.
#include <catch2/catch_test_macros.hpp>

#include "tests/support/api_harness.h"
#include "tests/support/api_requests.h"

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

// What a probe keeps: every response, and the secrets none may carry.
struct Probe {
  Harness h;
  Reviewer alice, bob;
  std::string token_a, token_b;
  const Id case_id = service::testing::RandomId();
  const SecretBytes lookup = SecretBytes::Random(32);
  const std::string lookup_b64 = B64(lookup.reveal());
  const std::string marker = "MARKER_c2VjcmV0";
  std::vector<HttpResponse> responses;
};

// The body of POST /api/v1/cases for a case sealed to the source and both reviewers.
std::string CreateCaseBody(const Probe& p) {
  const SecretBytes ck = SecretBytes::Random(32);
  const auto source_key = crypto::ReviewerKey::Generate();
  const Bytes record = Record(ck, protocol::kKindConversation, p.case_id, "report");
  dojava::testing::NewCaseRequest create{
      p.case_id, p.lookup.reveal(), source_key.x25519_public(), {}, record, {}};
  create.keys = {
      {"source", "case", Seal(ck, protocol::kRoleCaseKey, p.case_id, source_key.x25519_public())},
      {B64(p.alice.id), "case",
       Seal(ck, protocol::kRoleCaseKey, p.case_id, p.alice.key.x25519_public())},
      {B64(p.bob.id), "case",
       Seal(ck, protocol::kRoleCaseKey, p.case_id, p.bob.key.x25519_public())}};
  return create.Json();
}

// A case created with a lookup key, the same again (conflict), and variants
// carrying the key in odd places.
void ProbeSourceRoutes(Probe& p) {
  Harness& h = p.h;
  const std::string& lookup_b64 = p.lookup_b64;
  auto& responses = p.responses;
  const std::string create = CreateCaseBody(p);
  responses.push_back(h.Post(kSource, "/api/v1/cases", create));
  REQUIRE(responses.back().status == 201);
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
}

// Reviewer routes with tokens, good and bad.
void ProbeReviewerRoutes(Probe& p) {
  Harness& h = p.h;
  const std::string& marker = p.marker;
  const std::string case_path = "/api/v1/cases/" + B64(p.case_id);
  auto& responses = p.responses;
  for (const std::string& t : {p.token_a, p.token_b}) {
    responses.push_back(h.Get(kReviewer, "/api/v1/cases", Harness::Bearer(t)));
    responses.push_back(h.Get(kReviewer, case_path, Harness::Bearer(t)));
    responses.push_back(h.Get(kReviewer, case_path + "/messages", Harness::Bearer(t)));
    responses.push_back(h.Get(kReviewer, "/api/v1/cases?" + marker + "=1", Harness::Bearer(t)));
    responses.push_back(h.Post(kReviewer, case_path + "/keys", "{\"" + marker + "\":\"" + t + "\"}",
                               Harness::Bearer(t)));
  }
  responses.push_back(h.Get(kReviewer, "/api/v1/cases", Harness::Bearer(p.token_a + marker)));
  responses.push_back(h.Post(kReviewer, "/api/v1/login",
                             "{\"reviewer_id\":\"" + marker + "\",\"challenge\":\"" + p.token_a +
                                 "\",\"signature\":\"" + p.lookup_b64 + "\"}"));
  responses.push_back(h.Post(kReviewer, "/api/v1/login/challenge",
                             "{\"reviewer_id\":\"" + p.token_b.substr(0, 22) + "\"}"));
  responses.push_back(h.Do(kReviewer, Method::kPut, "/api/v1/roster",
                           "{\"roster\":\"" + marker + p.token_a + "\"}"));
  responses.push_back(h.Post(kReviewer, "/api/v1/logout", "", Harness::Bearer(p.token_b)));
}

TEST_CASE("leaks: errors never echo input; lookup keys and tokens stay where they belong",
          "[api][leak]") {
  Probe p;
  p.alice.name = "Alice";
  p.bob.name = "Bob";
  p.h.InstallRoster({&p.alice, &p.bob}, 1);
  // Login answers are the only responses allowed to carry a token.
  p.token_a = p.h.Login(p.alice);
  p.token_b = p.h.Login(p.bob);
  ProbeSourceRoutes(p);
  ProbeReviewerRoutes(p);

  for (size_t i = 0; i < p.responses.size(); ++i) {
    const HttpResponse& r = p.responses[i];
    INFO("response " << i << ": " << r.status);
    CHECK_FALSE(Contains(r, p.lookup_b64));
    CHECK_FALSE(Contains(r, HexEncode(p.lookup.reveal())));
    CHECK_FALSE(Contains(r, p.token_a));
    CHECK_FALSE(Contains(r, p.token_b));
    CHECK_FALSE(Contains(r, p.token_b.substr(0, 22)));
    CHECK_FALSE(Contains(r, p.marker));
    CHECK_FALSE(Contains(r, p.lookup_b64.substr(0, 22)));
  }
  // The store holds the hash of the lookup key, by which it finds the case.
  service::LookupHash hash{};
  const Bytes h32 = crypto::LookupHash(p.lookup.reveal());
  std::copy(h32.begin(), h32.end(), hash.begin());
  CHECK(p.h.store().FindCaseByLookupHash(hash).ok());
}

}  // namespace
}  // namespace dojava::api::testing
