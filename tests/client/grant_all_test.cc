// client::GrantAll's progress and stop (what Dojava Desk's "Share all my
// cases…" shows and cancels), against the real dojavad with cases submitted by
// the real CLI; the colleague's access is checked with the CLI.
#include <catch2/catch_test_macros.hpp>
#include <string>
#include <utility>
#include <vector>

#include "client/keys.h"
#include "client/reviewer_actions.h"
#include "client/reviewer_session.h"
#include "crypto/protocol_constants.h"
#include "crypto/reviewer_key.h"
#include "tests/support/dojavad_instance.h"

namespace dojava::client {
namespace {

using dojava::testing::DojavadInstance;

// What tests/support writes into the instance's passphrase file.
constexpr const char* kPassphrase = "correct horse battery staple";

ReviewerSession AnaSession(const DojavadInstance& inst) {
  ConnectionOptions conn;
  conn.server = inst.ReviewerUrl();
  conn.state_dir = inst.Path("state-ana-lib");
  TrustOptions trust;
  trust.admin_fingerprint = inst.fingerprint();
  const std::string key_file = inst.Path("ana.key");
  auto s = StartReviewerSession(conn, trust, [&]() -> Result<crypto::ReviewerKey> {
    DOJAVA_ASSIGN_OR_RETURN(Bytes file, ReadKeyFileAt(key_file));
    DOJAVA_ASSIGN_OR_RETURN(SecretBytes seed,
                            OpenKeySeed(file, SecretBytes::Copy(std::string_view(kPassphrase)),
                                        protocol::kKeyKindReviewer, key_file));
    return crypto::ReviewerKey::FromSeed(seed);
  });
  REQUIRE(s.ok());
  return std::move(s).value();
}

size_t CasesOf(const DojavadInstance& inst, const std::string& who) {
  auto r = inst.As(who, {"cases", "--json"});
  REQUIRE(r.exit_code == 0);
  size_t n = 0;
  for (size_t at = r.out.find("\"case_id\""); at != std::string::npos;
       at = r.out.find("\"case_id\"", at + 1)) {
    ++n;
  }
  return n;
}

TEST_CASE("GrantAll: progress before each case and at the end; a stop keeps what was granted",
          "[client][grant]") {
  DojavadInstance inst({.admin_key_by_cli = true, .rate_limits_off = true});
  auto server = inst.Serve();
  inst.AddReviewer("ana");
  for (int i = 0; i < 3; ++i) REQUIRE(!inst.Submit("report " + std::to_string(i)).empty());
  inst.AddReviewer("ben");  // joined after the cases arrived
  inst.AddReviewer("cleo");
  REQUIRE(CasesOf(inst, "ben") == 0);
  ReviewerSession s = AnaSession(inst);
  auto ben = FindReviewer(s, "ben");
  REQUIRE(ben.ok());

  // Stopped after the first case: kCancelled, that case granted, no other.
  CancelToken stop;
  GrantAllControl control;
  control.cancel = &stop;
  std::vector<std::pair<size_t, size_t>> seen;
  control.progress = [&](size_t done, size_t total) {
    seen.emplace_back(done, total);
    stop.Cancel();
  };
  auto stopped = GrantAll(s, **ben, control);
  CHECK(stopped.code() == Code::kCancelled);
  CHECK(seen == std::vector<std::pair<size_t, size_t>>{{0, 3}});
  CHECK(CasesOf(inst, "ben") == 1);

  // Run again to the end: every step reported, the rest granted.
  seen.clear();
  control.cancel = nullptr;
  control.progress = [&](size_t done, size_t total) { seen.emplace_back(done, total); };
  auto all = GrantAll(s, **ben, control);
  REQUIRE(all.ok());
  CHECK(all->granted == 2);
  CHECK(all->already == 1);
  CHECK(all->refused.empty());
  CHECK(seen == std::vector<std::pair<size_t, size_t>>{{0, 3}, {1, 3}, {2, 3}, {3, 3}});
  CHECK(CasesOf(inst, "ben") == 3);

  // Without a control, as before.
  auto plain = GrantAll(s, **FindReviewer(s, "cleo"));
  REQUIRE(plain.ok());
  CHECK(plain->granted == 3);
}

}  // namespace
}  // namespace dojava::client
