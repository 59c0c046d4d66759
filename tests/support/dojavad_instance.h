// A real Dojava instance for end-to-end tests, made as people make one:
// an admin key, `dojavad init` in a temporary directory, `dojavad serve` on
// 127.0.0.1 ephemeral ports, and the `dojava` CLI for the admin, reviewers
// and sources (passphrases in 0600 files, Argon2id at 8 MiB).
//
//   DojavadInstance inst({.name = "Newsroom", .admin_key_by_cli = true});
//   auto server = inst.Serve();            // waits until both listeners answer
//   inst.AddReviewer("alice");
//   std::string receipt = inst.Submit("A report");
//   server.reset();                        // stops it (SIGKILL); or Signal + Wait
#ifndef DOJAVA_TESTS_SUPPORT_DOJAVAD_INSTANCE_H_
#define DOJAVA_TESTS_SUPPORT_DOJAVAD_INSTANCE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "tests/support/dojavad_process.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace dojava::testing {

struct InstanceOptions {
  std::string name = "Test Newsroom";
  // true: `dojava admin init` makes the admin key file (needed to sign
  // rosters with the CLI); false: a key made in the test, public half only.
  bool admin_key_by_cli = false;
  // true: Serve() turns every rate limit off unless its overrides set one.
  bool rate_limits_off = false;
};

class DojavadInstance {
 public:
  // Makes the admin key and runs `dojavad init` (REQUIRE: both succeed).
  explicit DojavadInstance(InstanceOptions options = {});
  DojavadInstance(const DojavadInstance&) = delete;
  DojavadInstance& operator=(const DojavadInstance&) = delete;

  // `dojavad serve` with `overrides` (later ones win) and REQUIRE that both
  // listeners came up. A second Serve() keeps the first one's ports, as an
  // operator's restart would: the CLI state names the server by address.
  std::unique_ptr<DojavadServer> Serve(const std::vector<std::string>& overrides = {});

  // The CLI with `args` (any stdin in `input`).
  ProcessResult Cli(const std::vector<std::string>& args, const std::string& input = "") const;
  // A reviewer key made with `dojava keygen` and added to the roster with
  // `dojava roster add` (REQUIRE; the server must run and the admin key be
  // the CLI's). Returns the key file.
  std::string AddReviewer(const std::string& name);
  // The admin signs the roster's successor with a fresh expiry (PROTOCOL.md
  // §6: after a test moved the server's or the CLI's day) and installs it.
  void RenewRoster();
  // The CLI as reviewer `name` (its key, the passphrase, its state dir, the
  // admin fingerprint when the CLI made the admin key).
  ProcessResult As(const std::string& name, std::vector<std::string> args) const;
  // The CLI as a source: no state directory (nothing left on the device),
  // the admin fingerprint given as a source would have it from paper.
  ProcessResult AsSource(std::vector<std::string> args) const;
  // `dojava submit` of `text` (in a file named `text_name`) with
  // attachments: the receipt, or "" if the CLI failed (its result in
  // *failed). No Catch2 macro inside: tests call it from several threads.
  std::string Submit(const std::string& text, const std::vector<std::string>& attach = {},
                     ProcessResult* failed = nullptr, const std::string& text_name = "");
  // `dojava inbox` with `receipt` (in a 0600 file), optionally following up.
  ProcessResult Inbox(const std::string& receipt, const std::string& followup = "");

  // A path in the instance's temporary directory.
  std::string Path(const std::string& name) const { return tmp_.path() + "/" + name; }
  std::string data_dir() const { return Path("data"); }
  std::string SourceUrl() const { return "http://127.0.0.1:" + std::to_string(source_port_); }
  std::string ReviewerUrl() const { return "http://127.0.0.1:" + std::to_string(reviewer_port_); }
  uint16_t source_port() const { return source_port_; }
  uint16_t reviewer_port() const { return reviewer_port_; }
  const std::string& fingerprint() const { return fingerprint_; }
  const std::string& admin_public_key() const { return admin_public_key_; }
  // What `dojavad init` printed, and the instance id in it (base64url).
  const ProcessResult& init() const { return init_; }
  std::string instance_id() const;

 private:
  void MakeAdminKey();

  InstanceOptions options_;
  http::testing::TempDir tmp_;
  std::string admin_public_key_;
  std::string fingerprint_;
  ProcessResult init_;
  uint16_t source_port_ = 0;
  uint16_t reviewer_port_ = 0;
};

// Writes `data` to `path` with mode 0600.
void WritePrivateFile(const std::string& path, const std::string& data);

}  // namespace dojava::testing

#endif  // DOJAVA_TESTS_SUPPORT_DOJAVAD_INSTANCE_H_
