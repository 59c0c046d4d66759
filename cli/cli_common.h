// What every `dojava` command shares: exit codes, the failure type commands
// raise (caught only in main), options common to all commands, the
// connection to a server and the trust checks of PROTOCOL §6 (admin key
// pinned on first use or from a fingerprint, roster verified and never
// rolled back), and the reviewer's key and roster identity.
//
// Commands run on one thread.
#ifndef DOJAVA_CLI_CLI_COMMON_H_
#define DOJAVA_CLI_CLI_COMMON_H_

#include <boost/json/fwd.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/api_client.h"
#include "cli/http_client.h"
#include "cli/state_store.h"
#include "crypto/primitives.h"
#include "crypto/reviewer_key.h"
#include "crypto/roster.h"
#include "base/status.h"

namespace dojava::cli {

// Documented in cli/README.md ("Exit codes"); scripts depend on them.
enum class Exit : int {
  kOk = 0,
  kError = 1,        // anything not listed below (local file errors...)
  kUsage = 2,        // bad command line
  kUnreachable = 3,  // server or proxy unreachable, connection lost, timeout
  kPassphrase = 4,   // wrong passphrase or damaged key file
  kTrust = 5,        // admin key mismatch, bad roster signature, roster rollback
  kNotFound = 6,     // case, file or reviewer not found
  kIntegrity = 7,    // decryption or authentication failure of server data
  kRefused = 8,      // the server refused the request
  kAuth = 9,         // not logged in, login failed, not on the roster, not granted
};

// Raised by command code; main() prints "dojava: <message>" and exits with
// `exit`. Never crosses out of the CLI.
struct Failure {
  Exit exit;
  std::string message;
};

[[noreturn]] void Fail(Exit exit, std::string message);
// The exit code for a Status from lower layers.
Exit ExitFor(const Status& status);
// `context: message`, exiting with ExitFor(status) unless OK.
void Check(const Status& status, const std::string& context);
template <typename T>
T Unwrap(Result<T> r, const std::string& context) {
  if (!r.ok()) Check(r.status(), context);
  return std::move(r).value();
}

struct CommonOptions {
  std::string server;
  std::string socks5;
  std::string state_dir;
  std::string admin_fingerprint;
  std::string key_file;
  std::string passphrase_file;
  bool json = false;
  int timeout_seconds = 120;
  // Chunk PUTs in flight when uploading attachments (--upload-streams;
  // cli/transfer.h kDefaultUploadStreams, checked there).
  int upload_streams = 3;
  // Set by source commands (submit, inbox): no state on disk unless
  // --state-dir is given, never the `server` marker file, and no blind trust
  // on first contact (--admin-fingerprint, a key pinned in --state-dir, or a
  // confirmation typed on the terminal).
  bool source = false;
};

// An open line to one server, its local state and the API on top.
class Connection {
 public:
  // Parses --server/--socks5 (kUsage on bad values), locates the state dir.
  static std::unique_ptr<Connection> Open(const CommonOptions& options);

  ApiClient& api() { return api_; }
  StateStore& state() { return state_; }
  const ServerUrl& url() const { return http_.options().server; }

 private:
  Connection(HttpOptions http, StateStore state)
      : http_(std::move(http)), api_(&http_), state_(std::move(state)) {}
  HttpClient http_;
  ApiClient api_;
  StateStore state_;
};

// The instance as fetched, with its roster verified against the pinned key.
struct TrustedInstance {
  InstanceInfo info;
  std::optional<crypto::VerifiedRoster> roster;  // nullopt: no roster installed yet
};

// GET /api/v1/instance and the checks of §6/§12.1:
//  - the admin key must equal `own_admin` if given (the admin's own key),
//    else the pinned key, else the --admin-fingerprint, else it is pinned on
//    first use (a notice with the fingerprint goes to stderr); for source
//    commands first use needs the person to confirm the fingerprint on the
//    terminal (stdin a tty), otherwise it is refused (kTrust);
//  - the roster must verify against that key and not roll back from what this
//    machine accepted before; it is then remembered.
// Fails with kTrust / kUnreachable / kRefused.
TrustedInstance FetchTrustedInstance(Connection& conn, const CommonOptions& options,
                                     const crypto::Ed25519Public* own_admin);

// Reads a passphrase (file or terminal) and opens a key file of `kind`.
// kPassphrase for a wrong passphrase; kError for a missing/unsafe file.
SecretBytes OpenKeySeed(const std::string& key_file, const std::string& passphrase_file,
                        uint8_t kind);

// A reviewer: the key and the id under which the verified roster lists it.
struct ReviewerIdentity {
  crypto::ReviewerKey key;
  crypto::Id id{};
  std::string name;
};

ReviewerIdentity LoadReviewer(const CommonOptions& options, const crypto::VerifiedRoster& roster);

// Logs in (challenge, signature, token) and saves the token (0600).
void LoginAndSave(Connection& conn, const TrustedInstance& inst, const ReviewerIdentity& me);

// Uses the saved token, logging in first if there is none.
void EnsureSession(Connection& conn, const TrustedInstance& inst, const ReviewerIdentity& me);

// base64url of an id, and its parse (kUsage on failure).
// Prints `v` as one line of JSON (--json output); the serialised copy is
// wiped afterwards, since it may hold decrypted text.
void PrintJson(const boost::json::value& v);

std::string IdText(const crypto::Id& id);
crypto::Id ParseIdArg(const std::string& text, const std::string& what);

// The roster, or Fail(kRefused, "no roster yet").
const crypto::VerifiedRoster& RequireRoster(const TrustedInstance& inst);

// Today as days since 1970-01-01 UTC.
int64_t TodayDay();
// "2026-12-01" for a day number.
std::string DayText(int64_t day);

}  // namespace dojava::cli

#endif  // DOJAVA_CLI_CLI_COMMON_H_
