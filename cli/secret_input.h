// Reading passphrases and receipts: from the terminal without echo, or from
// a file for scripts. Never from argv or the environment (both are visible
// to other processes on the machine: /proc/PID/cmdline, /proc/PID/environ).
//
// Every secret is returned in SecretBytes; intermediate buffers are wiped.
#ifndef DOJAVA_CLI_SECRET_INPUT_H_
#define DOJAVA_CLI_SECRET_INPUT_H_

#include <string>

#include "base/secret_bytes.h"
#include "base/status.h"
#include "client/new_key_file.h"

namespace dojava::cli {

// The longest secret file accepted (a passphrase or a receipt).
inline constexpr size_t kMaxSecretFileBytes = 4096;

// Reads a secret from `path`: a regular file (not a symlink) with no group or
// other permission bits (kPermissionDenied: "run chmod 600"), at most
// kMaxSecretFileBytes (kMalformed). One trailing "\n" or "\r\n" is removed;
// an empty result is kInvalidArgument. kNotFound / kIoError otherwise.
Result<SecretBytes> ReadSecretFile(const std::string& path);

// Prompts on /dev/tty (to stderr's terminal) and reads one line with echo
// off, restoring the terminal on every path. kIoError if there is no
// terminal (then --passphrase-file / --receipt-file is the way). An empty
// line is kInvalidArgument unless `allow_empty`.
Result<SecretBytes> ReadSecretFromTerminal(const std::string& prompt, bool allow_empty = false);

// A passphrase: from `file` if not empty, else from the terminal. With
// `confirm` (a new key file), the terminal asks twice and the two must match.
Result<SecretBytes> ReadPassphrase(const std::string& file, bool confirm);

// The length rule (F16) and the generated passphrase are the client's
// (client/new_key_file.h), shared with Dojava Desk.
using client::GeneratePassphrase;
using client::kGeneratedPassphraseGroups;
using client::kMinPassphraseChars;

// The passphrase of a new key file: from `file`, or on the terminal, which
// first shows a generated passphrase that Enter accepts (else the typed one
// is asked twice). Shorter than kMinPassphraseChars is kInvalidArgument
// unless `allow_short`.
Result<SecretBytes> ReadNewPassphrase(const std::string& file, bool allow_short);

}  // namespace dojava::cli

#endif  // DOJAVA_CLI_SECRET_INPUT_H_
