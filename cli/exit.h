// How a `dojava` command fails: the exit codes scripts depend on, and the
// Failure a command raises (caught only in main, which prints
// "dojava: <message>" and exits with its code). Failure never leaves cli/.
#ifndef DOJAVA_CLI_EXIT_H_
#define DOJAVA_CLI_EXIT_H_

#include <string>
#include <utility>

#include "base/status.h"

namespace dojava::cli {

// Documented in cli/README.md ("Exit codes"); scripts depend on them.
enum class Exit : int {
  kOk = 0,
  kError = 1,        // anything not listed below (local files that cannot be read...)
  kUsage = 2,        // bad command line
  kUnreachable = 3,  // server or proxy unreachable, connection lost, timeout
  kPassphrase = 4,   // wrong passphrase or damaged key file
  kTrust = 5,        // admin key mismatch, bad roster signature, roster rollback
  kNotFound = 6,     // case, file or reviewer not found
  kIntegrity = 7,    // decryption or authentication failure of server data
  kRefused = 8,      // the server refused the request
  kAuth = 9,         // not logged in, login failed, not on the roster, not granted
  kLocalFile = 10,   // a local file exists (never overwritten), or cannot be written
  kEditor = 11,      // the text needed $EDITOR, but there is no terminal or it failed
  kCleaning = 12,    // get --clean: mat2 is missing or failed (the download is kept)
};

struct Failure {
  Exit exit;
  std::string message;
};

[[noreturn]] void Fail(Exit exit, std::string message);
// The exit code for a Status from client/.
Exit ExitFor(const Status& status);
// `context: message`, exiting with ExitFor(status) unless OK.
void Check(const Status& status, const std::string& context);
template <typename T>
T Unwrap(Result<T> r, const std::string& context) {
  if (!r.ok()) Check(r.status(), context);
  return std::move(r).value();
}

}  // namespace dojava::cli

#endif  // DOJAVA_CLI_EXIT_H_
