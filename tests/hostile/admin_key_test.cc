// Attack 1: the server swaps the admin key (GET /api/v1/instance) for one of
// its own, with a roster it signed that lists a reviewer of its own, between
// two runs of a reviewer and in the middle of a source's submission
// (PROTOCOL §6 "Pinning", §12.1; the CLI's CheckAdminKey in client/trust.cc).
#include <catch2/catch_test_macros.hpp>

#include "tests/hostile/api_json.h"
#include "tests/hostile/attacker.h"
#include "tests/hostile/newsroom.h"

namespace dojava::hostile {
namespace {

constexpr const char* kInstance = "/api/v1/instance";
constexpr const char* kAnyCaseWrite = "/api/v1/(cases|uploads|source/messages).*";

// The attacker's instance document: its admin key, and a roster it signed
// with the real reviewers plus one of its own, one version ahead.
void ServeAttackersInstance(Newsroom& n, Attacker& attacker, HostileProxy& proxy) {
  crypto::v2::Roster roster = n.CurrentRoster();
  roster.version += 1;
  roster.prev_digest = n.RosterDigestOf(n.RosterBytes());
  roster.entries.push_back(EntryFor(attacker.NewReviewer(), "Ana (editor)"));
  const Bytes forged = SignedRoster(attacker.admin(), roster);
  const std::string fp = crypto::AdminKey::FingerprintText(attacker.admin().public_key());
  const crypto::Ed25519Public admin_pk = attacker.admin().public_key();
  const uint64_t version = roster.version;
  proxy.Rewrite("GET", kInstance, [=](int&, std::string& body) {
    body = WithAdmin(body, admin_pk, fp, forged, version);
  });
}

TEST_CASE("attack 1: an admin key swapped between two runs of a reviewer is refused", "[hostile]") {
  Newsroom n;
  Attacker attacker;
  n.AddReviewer("ana");
  n.Submit("Prisluškivanje telefona urednice");
  const std::string case_id = n.OnlyCase("ana");
  REQUIRE(n.As("ana", {"show", case_id}).exit_code == 0);  // the admin key is pinned

  ServeAttackersInstance(n, attacker, n.reviewers());
  n.reviewers().ForgetSeen();
  // Guards the pin (client/trust.cc CheckAdminKey: pinned != served): the
  // run gives no fingerprint, so only what this machine pinned stands.
  const ProcessResult pinned = n.AsPinned("ana", {"reply", case_id, "the name of our contact"});
  INFO(Describe(pinned));
  CHECK(pinned.exit_code == 5);
  CHECK(pinned.err.find("admin key changed") != std::string::npos);
  CHECK(pinned.err.find("impostor") != std::string::npos);
  // Guards --admin-fingerprint, checked whatever is pinned.
  const ProcessResult fp = n.As("ana", {"status", case_id, "triage"});
  INFO(Describe(fp));
  CHECK(fp.exit_code == 5);
  // Nothing was sent past the instance document: no login, no key, no record.
  CHECK(n.reviewers().Requests("POST", ".*").empty());
  CHECK(attacker.Gains(n.reviewers().seen()).empty());
}

TEST_CASE("attack 1: an admin key swapped in the middle of a source's submission is refused",
          "[hostile]") {
  Newsroom n;
  Attacker attacker;
  n.AddReviewer("ana");
  // A source that keeps state, first contact with the fingerprint from paper.
  n.Submit("Prvi izvještaj", "state-source");

  // The next submission: the server answers the case with roster_changed (as
  // if the roster moved while the source was uploading) and from then on
  // serves its own admin key and roster, as the web page attack of F1 did.
  n.sources().Answer("POST", "/api/v1/cases", 409,
                     ApiError("roster_changed", "The roster changed."));
  testing::WritePrivateFile(n.inst().Path("second.txt"), "Drugi izvještaj, sa imenima");
  const ProcessResult first =
      n.AsSource({"submit", "--text-file", n.inst().Path("second.txt")}, "state-source");
  INFO(Describe(first));
  REQUIRE(first.exit_code == 8);
  CHECK(first.err.find("run the command again") != std::string::npos);
  n.sources().Clear();
  ServeAttackersInstance(n, attacker, n.sources());
  n.sources().ForgetSeen();

  // Run again as told: without state, with the fingerprint from paper
  // (guards --admin-fingerprint), and from the pin alone (guards the pin).
  const ProcessResult again =
      n.AsSource({"submit", "--text-file", n.inst().Path("second.txt")}, "", true);
  INFO(Describe(again));
  CHECK(again.exit_code == 5);
  CHECK(again.err.find("does not match --admin-fingerprint") != std::string::npos);
  const ProcessResult pinned =
      n.AsSource({"submit", "--text-file", n.inst().Path("second.txt")}, "state-source", false);
  INFO(Describe(pinned));
  CHECK(pinned.exit_code == 5);
  CHECK(pinned.err.find("admin key changed") != std::string::npos);
  // A source without state or fingerprint is asked on the terminal; with no
  // terminal it is refused, printing the served (attacker's) fingerprint.
  const ProcessResult blind =
      n.AsSource({"submit", "--text-file", n.inst().Path("second.txt")}, "", false);
  INFO(Describe(blind));
  CHECK(blind.exit_code == 5);
  CHECK(blind.err.find(crypto::AdminKey::FingerprintText(attacker.admin().public_key())) !=
        std::string::npos);

  CHECK(n.sources().Requests("POST", kAnyCaseWrite).empty());
  CHECK(attacker.Gains(n.sources().seen()).empty());
  // The one report is all dojavad holds.
  n.sources().Clear();
  CHECK(n.OnlyCase("ana").size() == 22);
}

}  // namespace
}  // namespace dojava::hostile
