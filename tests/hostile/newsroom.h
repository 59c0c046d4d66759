// The scene of the hostile-server suite: a real instance made as people
// make one (tests/support DojavadInstance: `dojava admin init`, `dojavad
// init`, `dojavad serve` on 127.0.0.1), the compromised server as two
// HostileProxy instances in front of its reviewer and source listeners, and
// the real `dojava` CLI run through them as reviewers and sources would.
// The test also holds what an attacker who controls the server holds: the
// API, and keys opened from the files of the people it robbed.
#ifndef DOJAVA_TESTS_HOSTILE_NEWSROOM_H_
#define DOJAVA_TESTS_HOSTILE_NEWSROOM_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "crypto/admin_key.h"
#include "crypto/primitives.h"
#include "crypto/reviewer_key.h"
#include "crypto/roster_v2.h"
#include "tests/hostile/hostile_proxy.h"
#include "tests/support/dojavad_instance.h"

namespace dojava::hostile {

using testing::ProcessResult;

// The first line of a CLI failure on stderr and its exit code, for INFO().
std::string Describe(const ProcessResult& r);

// Today as PROTOCOL §1 counts days (UTC), as the CLI and dojavad see it.
uint32_t Today();

class Newsroom {
 public:
  // The instance (admin key by the CLI, rate limits off), served, with the
  // two proxies in front of it (transparent until a test adds a rule).
  Newsroom();
  ~Newsroom();

  testing::DojavadInstance& inst() { return inst_; }
  HostileProxy& reviewers() { return *reviewer_proxy_; }  // the reviewer listener's
  HostileProxy& sources() { return *source_proxy_; }      // the source listener's

  // `dojava keygen` + `dojava roster add` by the admin (not through a proxy).
  void AddReviewer(const std::string& name);
  // `dojava roster remove` (the entry is retired, PROTOCOL §6).
  void RemoveReviewer(const std::string& name);

  // The CLI as reviewer `name` through the reviewer proxy: its key, the
  // passphrase file, its own state directory, and the admin fingerprint as
  // the admin gave it (first contact only needs it; it is checked always).
  ProcessResult As(const std::string& name, std::vector<std::string> args) const;
  // The same without --admin-fingerprint: only what this machine pinned.
  ProcessResult AsPinned(const std::string& name, std::vector<std::string> args) const;
  // The CLI as a source through the source proxy. `state`: a state directory
  // (a source that keeps one; "" none); `fingerprint`: give the admin
  // fingerprint from paper.
  ProcessResult AsSource(std::vector<std::string> args, const std::string& state = "",
                         bool fingerprint = true) const;
  // `dojava submit` through the source proxy: the receipt (REQUIREs success).
  std::string Submit(const std::string& text, const std::string& state = "");
  // `dojava inbox` through the source proxy, optionally with a follow-up.
  ProcessResult Inbox(const std::string& receipt, const std::string& followup = "");
  // The one case `name` lists (REQUIRE), as its id text.
  std::string OnlyCase(const std::string& name);

  // Keys opened from their files with the suite's passphrase (the attacker
  // stole a laptop; or the test needs the admin's signature).
  crypto::ReviewerKey ReviewerKeyOf(const std::string& name) const;
  crypto::AdminKey AdminKeyOf() const;

  // What dojavad serves now, read directly (not through a proxy).
  std::string InstanceJson() const;
  Bytes RosterBytes() const;                 // the installed roster
  crypto::v2::Roster CurrentRoster() const;  // verified against the real admin key
  crypto::Id instance_id() const;
  Bytes salt() const;
  crypto::Id ReviewerId(const std::string& name) const;
  crypto::v2::Digest RosterDigestOf(ByteView roster) const;

  // A bearer token of reviewer `name`, by logging in as any client would
  // (challenge, signature), directly against dojavad.
  std::string Login(const std::string& name) const;
  // POST `json` to `path` of the reviewer listener with `token`: the status
  // and the body.
  std::pair<int, std::string> PostWithToken(const std::string& token, const std::string& path,
                                            const std::string& json) const;
  // GET `path` of the reviewer listener with `token`: the status and the body.
  std::pair<int, std::string> GetWithToken(const std::string& token, const std::string& path) const;

 private:
  std::vector<std::string> ReviewerArgs(const std::string& name, bool fingerprint) const;

  testing::DojavadInstance inst_;
  std::unique_ptr<testing::DojavadServer> server_;
  std::unique_ptr<HostileProxy> reviewer_proxy_;
  std::unique_ptr<HostileProxy> source_proxy_;
};

}  // namespace dojava::hostile

#endif  // DOJAVA_TESTS_HOSTILE_NEWSROOM_H_
