// Reviewer login (PROTOCOL.md §10) and bearer tokens: every way a login or a
// token must fail, with the injected clock for expiry.
#include <atomic>
#include <catch2/catch_test_macros.hpp>
#include <thread>

#include "tests/support/api_harness.h"

namespace dojava::api::testing {
namespace {

HttpResponse ListCases(Harness& h, const std::string& token) {
  return h.Get(kReviewer, "/api/v1/cases", Harness::Bearer(token));
}

struct TwoReviewers {
  Harness h;
  Reviewer alice, bob;
  TwoReviewers() {
    alice.name = "Alice";
    bob.name = "Bob";
    h.InstallRoster({&alice, &bob}, 1);
  }
};

TEST_CASE("login: a correct answer gives a token that works", "[api][login]") {
  TwoReviewers t;
  const std::string challenge = t.h.Challenge(t.alice.id);
  HttpResponse r = t.h.LoginWith(t.alice.id, challenge, t.h.Sign(t.alice, t.alice.id, challenge));
  REQUIRE(r.status == 200);
  Json j(r.body);
  CHECK(j.Int("idle_timeout_seconds") == 1800);
  CHECK(Unb64(j.Str("token")).size() == 32);
  CHECK(ListCases(t.h, j.Str("token")).status == 200);
  CHECK(t.h.api().SessionCount() == 1);
}

TEST_CASE("login: the challenge answer has the documented shape", "[api][login]") {
  TwoReviewers t;
  HttpResponse r = t.h.Post(kReviewer, "/api/v1/login/challenge",
                            "{\"reviewer_id\":\"" + B64(t.alice.id) + "\"}");
  REQUIRE(r.status == 200);
  Json j(r.body);
  CHECK(Unb64(j.Str("challenge")).size() == 32);
  CHECK(j.Int("expires_in_seconds") == 60);
  // Same answer shape for an id that is not on the roster.
  Reviewer carol;
  HttpResponse c =
      t.h.Post(kReviewer, "/api/v1/login/challenge", "{\"reviewer_id\":\"" + B64(carol.id) + "\"}");
  REQUIRE(c.status == 200);
  CHECK(c.body.size() == r.body.size());
  // Not on the source listener.
  CHECK(
      t.h.Post(kSource, "/api/v1/login/challenge", "{\"reviewer_id\":\"" + B64(t.alice.id) + "\"}")
          .status == 404);
}

TEST_CASE("login: wrong signature fails and consumes the challenge", "[api][login]") {
  TwoReviewers t;
  const std::string challenge = t.h.Challenge(t.alice.id);
  const std::string other = t.h.Challenge(t.alice.id);
  HttpResponse bad = t.h.LoginWith(t.alice.id, challenge, t.h.Sign(t.alice, t.alice.id, other));
  CHECK(bad.status == 401);
  CHECK(ErrorCode(bad) == "login_failed");
  // The right answer to the consumed challenge no longer works.
  HttpResponse late =
      t.h.LoginWith(t.alice.id, challenge, t.h.Sign(t.alice, t.alice.id, challenge));
  CHECK(ErrorCode(late) == "login_failed");
  CHECK(t.h.api().SessionCount() == 0);
}

TEST_CASE("login: a signature by another reviewer fails", "[api][login]") {
  TwoReviewers t;
  const std::string challenge = t.h.Challenge(t.alice.id);
  // Bob signs "I am Alice" with his own key.
  HttpResponse r = t.h.LoginWith(t.alice.id, challenge, t.h.Sign(t.bob, t.alice.id, challenge));
  CHECK(ErrorCode(r) == "login_failed");
  // A challenge asked for Alice does not log Bob in either.
  const std::string for_alice = t.h.Challenge(t.alice.id);
  HttpResponse r2 = t.h.LoginWith(t.bob.id, for_alice, t.h.Sign(t.bob, t.bob.id, for_alice));
  CHECK(ErrorCode(r2) == "login_failed");
  CHECK(t.h.api().SessionCount() == 0);
}

TEST_CASE("login: a challenge is single use", "[api][login]") {
  TwoReviewers t;
  const std::string challenge = t.h.Challenge(t.alice.id);
  const crypto::Signature sig = t.h.Sign(t.alice, t.alice.id, challenge);
  REQUIRE(t.h.LoginWith(t.alice.id, challenge, sig).status == 200);
  HttpResponse again = t.h.LoginWith(t.alice.id, challenge, sig);
  CHECK(again.status == 401);
  CHECK(ErrorCode(again) == "login_failed");
  CHECK(t.h.api().SessionCount() == 1);
}

TEST_CASE("login: a challenge expires after 60 s", "[api][login]") {
  TwoReviewers t;
  const std::string fresh = t.h.Challenge(t.alice.id);
  t.h.AdvanceSeconds(59);
  CHECK(t.h.LoginWith(t.alice.id, fresh, t.h.Sign(t.alice, t.alice.id, fresh)).status == 200);
  const std::string stale = t.h.Challenge(t.alice.id);
  t.h.AdvanceSeconds(60);
  HttpResponse r = t.h.LoginWith(t.alice.id, stale, t.h.Sign(t.alice, t.alice.id, stale));
  CHECK(ErrorCode(r) == "login_failed");
}

TEST_CASE("login: a reviewer not on the roster, or no roster at all, fails", "[api][login]") {
  TwoReviewers t;
  Reviewer carol;
  carol.name = "Carol";
  const std::string challenge = t.h.Challenge(carol.id);
  HttpResponse r = t.h.LoginWith(carol.id, challenge, t.h.Sign(carol, carol.id, challenge));
  CHECK(ErrorCode(r) == "login_failed");

  Harness empty;  // no roster installed
  const std::string c2 = empty.Challenge(carol.id);
  CHECK(ErrorCode(empty.LoginWith(carol.id, c2, empty.Sign(carol, carol.id, c2))) ==
        "login_failed");
}

TEST_CASE("login: malformed bodies are bad_request; an attempt still consumes the challenge",
          "[api][login]") {
  TwoReviewers t;
  const std::string challenge = t.h.Challenge(t.alice.id);
  const std::string sig = B64(t.h.Sign(t.alice, t.alice.id, challenge));
  const std::string id = B64(t.alice.id);
  for (const std::string& body : {
           std::string("{\"reviewer_id\":\"") + id + "\",\"challenge\":\"" + challenge + "\"}",
           std::string("{\"reviewer_id\":\"") + id + "\",\"challenge\":\"" + challenge +
               "\",\"signature\":\"" + sig + "\",\"extra\":1}",
           std::string("{\"reviewer_id\":\"") + id + "\",\"challenge\":\"" + challenge +
               "\",\"signature\":\"" + sig.substr(1) + "\"}",
           std::string("{\"reviewer_id\":1,\"challenge\":\"") + challenge + "\",\"signature\":\"" +
               sig + "\"}",
           std::string("not json"),
       }) {
    HttpResponse r = t.h.Post(kReviewer, "/api/v1/login", body);
    CHECK(r.status == 400);
    CHECK(ErrorCode(r) == "bad_request");
  }
  // The malformed attempts named the challenge: it is gone.
  HttpResponse r = t.h.LoginWith(t.alice.id, challenge, t.h.Sign(t.alice, t.alice.id, challenge));
  CHECK(ErrorCode(r) == "login_failed");
  // Wrong media type.
  Options text;
  text.content_type = "text/plain";
  CHECK(t.h.Post(kReviewer, "/api/v1/login", "{}", text).status == 415);
  CHECK(t.h.api().SessionCount() == 0);
}

TEST_CASE("tokens: idle expiry, activity keeps them alive", "[api][token]") {
  TwoReviewers t;
  const std::string token = t.h.Login(t.alice);
  t.h.AdvanceSeconds(1700);
  REQUIRE(ListCases(t.h, token).status == 200);  // use resets the idle timer
  t.h.AdvanceSeconds(1700);
  REQUIRE(ListCases(t.h, token).status == 200);
  t.h.AdvanceSeconds(1800);
  HttpResponse r = ListCases(t.h, token);
  CHECK(r.status == 401);
  CHECK(ErrorCode(r) == "unauthorized");
  CHECK(t.h.api().SessionCount() == 0);
}

TEST_CASE("tokens: SweepExpired drops idle sessions", "[api][token]") {
  TwoReviewers t;
  (void)t.h.Login(t.alice);
  (void)t.h.Login(t.bob);
  CHECK(t.h.api().SessionCount() == 2);
  t.h.AdvanceSeconds(1801);
  t.h.api().SweepExpired();
  CHECK(t.h.api().SessionCount() == 0);
}

TEST_CASE("tokens: forged, malformed and missing tokens are unauthorized", "[api][token]") {
  TwoReviewers t;
  const std::string token = t.h.Login(t.alice);
  std::string flipped = token;
  flipped[5] = flipped[5] == 'A' ? 'B' : 'A';
  for (const std::string& header : {
           "Bearer " + B64(SecretBytes::Random(32).reveal()),  // forged
           "Bearer " + flipped,
           "Bearer " + token.substr(1),
           "bearer " + token,
           "Bearer  " + token,
           "Basic " + token,
           token,
           std::string(),
       }) {
    Options o;
    o.headers.emplace_back("authorization", header);
    HttpResponse r = t.h.Get(kReviewer, "/api/v1/cases", o);
    CHECK(r.status == 401);
    CHECK(ErrorCode(r) == "unauthorized");
  }
  CHECK(ErrorCode(t.h.Get(kReviewer, "/api/v1/cases")) == "unauthorized");
  CHECK(ListCases(t.h, token).status == 200);
}

TEST_CASE("tokens: logout stops the token at once", "[api][token]") {
  TwoReviewers t;
  const std::string a = t.h.Login(t.alice);
  const std::string b = t.h.Login(t.bob);
  REQUIRE(t.h.Post(kReviewer, "/api/v1/logout", "", Harness::Bearer(a)).status == 204);
  CHECK(ErrorCode(ListCases(t.h, a)) == "unauthorized");
  CHECK(ErrorCode(t.h.Post(kReviewer, "/api/v1/logout", "", Harness::Bearer(a))) == "unauthorized");
  CHECK(ListCases(t.h, b).status == 200);
  CHECK(t.h.api().SessionCount() == 1);
}

TEST_CASE("tokens: a new roster without the reviewer drops the token", "[api][token]") {
  TwoReviewers t;
  const std::string a = t.h.Login(t.alice);
  const std::string b = t.h.Login(t.bob);
  t.h.InstallRoster({&t.bob}, 2);
  CHECK(ErrorCode(ListCases(t.h, a)) == "unauthorized");
  CHECK(ListCases(t.h, b).status == 200);
  // And Alice cannot log in again.
  const std::string c = t.h.Challenge(t.alice.id);
  CHECK(ErrorCode(t.h.LoginWith(t.alice.id, c, t.h.Sign(t.alice, t.alice.id, c))) ==
        "login_failed");
}

// Regression (review L2): a token was bound to the reviewer id only, so a
// roster that kept the id but replaced a lost laptop's key kept the old
// sessions alive. Such a roster is now refused (§6 chain rule: an id never
// gets another key; a lost key is a retirement and a new id).
TEST_CASE("tokens: a roster that gives a reviewer id another key is refused; sessions stay",
          "[api][token]") {
  TwoReviewers t;
  const std::string old_token = t.h.Login(t.alice);
  t.alice.key = crypto::ReviewerKey::Generate();  // same id, new key
  CHECK(ErrorCode(t.h.PutRoster(t.h.SignRoster({&t.alice, &t.bob}, 2))) == "broken_chain");
  CHECK(ListCases(t.h, old_token).status == 200);
  const std::string c = t.h.Challenge(t.alice.id);
  CHECK(ErrorCode(t.h.LoginWith(t.alice.id, c, t.h.Sign(t.alice, t.alice.id, c))) ==
        "login_failed");
}

TEST_CASE("tokens: a session ends 12 h after login however active it is", "[api][token]") {
  TwoReviewers t;
  const std::string token = t.h.Login(t.alice);
  for (int i = 0; i < 24; ++i) {  // 24 x 29 min: never idle for 30 min
    t.h.AdvanceSeconds(29 * 60);
    REQUIRE(ListCases(t.h, token).status == 200);
  }
  t.h.AdvanceSeconds(29 * 60);  // 12 h 25 min after login
  CHECK(ErrorCode(ListCases(t.h, token)) == "unauthorized");
}

TEST_CASE("tokens: each token has its own rate limit (429 with Retry-After)", "[api][token]") {
  ApiOptions options;
  options.token_requests_per_second = 1;
  options.token_burst = 3;
  Harness h(options);
  Reviewer alice, bob;
  alice.name = "Alice";
  bob.name = "Bob";
  h.InstallRoster({&alice, &bob}, 1);
  const std::string a = h.Login(alice);
  const std::string b = h.Login(bob);
  for (int i = 0; i < 3; ++i) REQUIRE(ListCases(h, a).status == 200);
  HttpResponse limited = ListCases(h, a);
  CHECK(limited.status == 429);
  CHECK(ErrorCode(limited) == "rate_limited");
  bool has_retry_after = false;
  for (const auto& [name, value] : limited.headers) {
    if (name == "Retry-After") has_retry_after = value == "1";
  }
  CHECK(has_retry_after);
  CHECK(ListCases(h, b).status == 200);  // another token is not affected
  h.AdvanceSeconds(1);
  CHECK(ListCases(h, a).status == 200);
}

TEST_CASE("tokens: the number of sessions is bounded (longest idle dropped)", "[api][token]") {
  ApiOptions options;
  options.max_sessions = 2;
  Harness h(options);
  Reviewer alice;
  alice.name = "Alice";
  h.InstallRoster({&alice}, 1);
  const std::string t1 = h.Login(alice);
  h.AdvanceSeconds(1);
  const std::string t2 = h.Login(alice);
  h.AdvanceSeconds(1);
  const std::string t3 = h.Login(alice);
  CHECK(h.api().SessionCount() == 2);
  CHECK(ListCases(h, t1).status == 401);
  CHECK(ListCases(h, t2).status == 200);
  CHECK(ListCases(h, t3).status == 200);
}

}  // namespace
}  // namespace dojava::api::testing

namespace dojava::api::testing {
namespace {

TEST_CASE("login: the table of pending challenges is bounded (oldest dropped)", "[api][login]") {
  ApiOptions options;
  options.max_pending_challenges = 2;
  Harness h(options);
  Reviewer alice;
  alice.name = "Alice";
  h.InstallRoster({&alice}, 1);
  const std::string c1 = h.Challenge(alice.id);
  const std::string c2 = h.Challenge(alice.id);
  const std::string c3 = h.Challenge(alice.id);
  CHECK(ErrorCode(h.LoginWith(alice.id, c1, h.Sign(alice, alice.id, c1))) == "login_failed");
  CHECK(h.LoginWith(alice.id, c2, h.Sign(alice, alice.id, c2)).status == 200);
  CHECK(h.LoginWith(alice.id, c3, h.Sign(alice, alice.id, c3)).status == 200);
}

TEST_CASE("sessions: concurrent requests, logins and roster installs", "[api][token]") {
  Harness h;
  Reviewer alice, bob;
  alice.name = "Alice";
  bob.name = "Bob";
  h.InstallRoster({&alice, &bob}, 1);
  const Bytes v2 = h.SignRoster({&alice, &bob}, 2);
  const Bytes v3 = h.SignRoster({&alice, &bob}, 3);
  std::vector<std::string> tokens;
  for (int i = 0; i < 4; ++i) tokens.push_back(h.Login(i % 2 ? alice : bob));
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        if (h.Get(kReviewer, "/api/v1/cases", Harness::Bearer(tokens[t])).status != 200) {
          ++failures;
        }
        if (h.Get(kSource, "/api/v1/instance").status != 200) ++failures;
      }
    });
  }
  threads.emplace_back([&] {
    if (h.PutRoster(v2).status != 204) ++failures;
    if (h.PutRoster(v3).status != 204) ++failures;
    if (h.PutRoster(v2).status != 409) ++failures;
  });
  for (auto& th : threads) th.join();
  CHECK(failures.load() == 0);
  CHECK(h.api().SessionCount() == 4);
  CHECK(h.store().GetRoster()->version == 3);
}

}  // namespace
}  // namespace dojava::api::testing
