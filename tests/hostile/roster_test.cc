// Attack 2: the server serves a roster that is not the current one: an older
// genuine one that still lists a removed reviewer whose key it stole, an
// expired one, one that forks or breaks the chain (PROTOCOL §6 steps 5-6 and
// the chain rule; client/trust.cc AcceptRoster, crypto::v2::CheckRosterChain).
#include <catch2/catch_test_macros.hpp>

#include "tests/hostile/api_json.h"
#include "tests/hostile/attacker.h"
#include "tests/hostile/newsroom.h"

namespace dojava::hostile {
namespace {

constexpr const char* kInstance = "/api/v1/instance";

void Serve(HostileProxy& proxy, const Bytes& roster, uint64_t version) {
  proxy.Clear();
  proxy.Rewrite("GET", kInstance,
                [=](int&, std::string& body) { body = WithRoster(body, roster, version); });
  proxy.ForgetSeen();
}

// ana, bob; then bob's laptop is stolen and the admin removes him (v3, bob
// retired). Ana and a source that keeps state have seen v3. Returns v2 (bob
// active), the genuine roster the attacker would like clients to seal to.
struct Scene {
  Newsroom n;
  Attacker attacker;
  Bytes v2, v3;
  crypto::v2::Roster r3;

  Scene() {
    n.AddReviewer("ana");
    n.AddReviewer("bob");
    v2 = n.RosterBytes();
    attacker.Stole(n.ReviewerKeyOf("bob"));
    n.RemoveReviewer("bob");
    v3 = n.RosterBytes();
    r3 = n.CurrentRoster();
    REQUIRE(r3.version == 3);
    REQUIRE(n.As("ana", {"cases"}).exit_code == 0);
    n.Submit("Prvi izvještaj", "state-source");
  }

  // Every client refuses and nothing reaches the attacker.
  void Refused(const std::string& why) {
    const ProcessResult ana = n.As("ana", {"cases"});
    INFO(Describe(ana));
    CHECK(ana.exit_code == 5);
    CHECK(ana.err.find(why) != std::string::npos);
    testing::WritePrivateFile(n.inst().Path("r.txt"), "Drugi izvještaj");
    const ProcessResult source =
        n.AsSource({"submit", "--text-file", n.inst().Path("r.txt")}, "state-source");
    INFO(Describe(source));
    CHECK(source.exit_code == 5);
    CHECK(source.err.find(why) != std::string::npos);
    CHECK(n.reviewers().Requests("POST", ".*").empty());
    CHECK(n.sources().Requests("POST", ".*").empty());
    CHECK(attacker.Gains(n.reviewers().seen()).empty());
    CHECK(attacker.Gains(n.sources().seen()).empty());
  }
};

TEST_CASE("attack 2: an older roster that still lists a removed reviewer is refused (rollback)",
          "[hostile]") {
  Scene s;
  Serve(s.n.reviewers(), s.v2, 2);
  Serve(s.n.sources(), s.v2, 2);
  // Guards the rollback rule (§6 chain rule, v < v0).
  s.Refused("rollback");

  // A CLI source without state has only the published address's floor
  // (§6, §12.1 `rv`): given it, the older roster is refused too (guards
  // --roster-floor, client/trust.cc AcceptRoster's floor).
  testing::WritePrivateFile(s.n.inst().Path("r.txt"), "Izvještaj bez stanja");
  const ProcessResult floored =
      s.n.AsSource({"submit", "--text-file", s.n.inst().Path("r.txt"), "--roster-floor", "3"});
  INFO(Describe(floored));
  CHECK(floored.exit_code == 5);
  CHECK(floored.err.find("of the published address") != std::string::npos);
  CHECK(s.attacker.Gains(s.n.sources().seen()).empty());

  // The documented residual (§14, SECURITY.md): without state and without
  // the floor, it accepts the older genuine roster within its expiry and
  // seals to the removed reviewer. dojavad itself refuses the case (bob is
  // retired on the installed roster), but the keys were in the request the
  // compromised server received.
  const ProcessResult stateless = s.n.AsSource({"submit", "--text-file", s.n.inst().Path("r.txt")});
  INFO(Describe(stateless));
  CHECK(!s.attacker.Gains(s.n.sources().seen()).empty());
}

TEST_CASE("attack 2: an expired roster is refused", "[hostile]") {
  Scene s;
  // The genuine successor of v3, signed by the admin, but expired yesterday
  // (a server that stopped installing renewals keeps serving it).
  crypto::v2::Roster r4 = s.r3;
  r4.version = 4;
  r4.prev_digest = s.n.RosterDigestOf(s.v3);
  r4.expires_day = Today() - 1;
  const Bytes expired = SignedRoster(s.n.AdminKeyOf(), r4);
  Serve(s.n.reviewers(), expired, 4);
  Serve(s.n.sources(), expired, 4);
  // Guards §6 step 5 (expiry against the client's own clock).
  s.Refused("expired");
}

TEST_CASE("attack 2: a roster that forks or breaks the chain is refused", "[hostile]") {
  Scene s;
  // An admin on a machine without state (F3 c) is served v2 and signs a v3'
  // on top of it that adds a reviewer of the attacker's; bob is active there.
  crypto::v2::Roster fork =
      crypto::v2::VerifyRoster(s.v2, s.n.AdminKeyOf().public_key(), s.n.instance_id(), std::nullopt)
          ->roster();
  fork.version = 3;
  fork.prev_digest = s.n.RosterDigestOf(s.v2);
  fork.entries.push_back(EntryFor(s.attacker.NewReviewer(), "mallory"));
  const Bytes v3_fork = SignedRoster(s.n.AdminKeyOf(), fork);
  {
    INFO("the same version, other bytes: a fork (rollback)");
    Serve(s.n.reviewers(), v3_fork, 3);
    Serve(s.n.sources(), v3_fork, 3);
    s.Refused("rollback");
  }
  {
    INFO("its successor names the fork, not the roster the clients saw (broken_chain)");
    crypto::v2::Roster next = fork;
    next.version = 4;
    next.prev_digest = s.n.RosterDigestOf(v3_fork);
    const Bytes v4 = SignedRoster(s.n.AdminKeyOf(), next);
    Serve(s.n.reviewers(), v4, 4);
    Serve(s.n.sources(), v4, 4);
    s.Refused("does not continue version 3");
  }
  {
    INFO("a successor of the right roster that brings the removed reviewer back (broken_chain)");
    crypto::v2::Roster back = s.r3;
    back.version = 4;
    back.prev_digest = s.n.RosterDigestOf(s.v3);
    for (auto& e : back.entries) e.retired_at = 0;
    const Bytes v4 = SignedRoster(s.n.AdminKeyOf(), back);
    Serve(s.n.reviewers(), v4, 4);
    Serve(s.n.sources(), v4, 4);
    s.Refused("does not continue version 3");
  }
}

}  // namespace
}  // namespace dojava::hostile
