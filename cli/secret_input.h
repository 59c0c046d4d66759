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

// A new key file's passphrase must have at least this many characters
// unless forced (F16): it is all that protects a copied key file.
inline constexpr size_t kMinPassphraseChars = 12;
// Groups of 4 characters in a generated passphrase (5 bits each: 120 bits).
inline constexpr size_t kGeneratedPassphraseGroups = 6;

// A random passphrase "abcd-efgh-…" (kGeneratedPassphraseGroups groups of 4
// from 32 symbols without look-alikes).
SecretBytes GeneratePassphrase();

// The passphrase of a new key file: from `file`, or on the terminal, which
// first shows a generated passphrase that Enter accepts (else the typed one
// is asked twice). Shorter than kMinPassphraseChars is kInvalidArgument
// unless `allow_short`.
Result<SecretBytes> ReadNewPassphrase(const std::string& file, bool allow_short);

}  // namespace dojava::cli

#endif  // DOJAVA_CLI_SECRET_INPUT_H_
