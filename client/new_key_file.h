// A new reviewer key file, as `dojava keygen` and Dojava Desk make it: a
// generated passphrase to offer, the length rule for a chosen one (F16),
// and the key file (0600) with its public key line beside it (F.pub, 0644).
// Thread safety: no shared state; CreateReviewerKeyFile runs Argon2id
// (about a second at 256 MiB), so a GUI calls it off its event thread.
#ifndef DOJAVA_CLIENT_NEW_KEY_FILE_H_
#define DOJAVA_CLIENT_NEW_KEY_FILE_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "base/secret_bytes.h"
#include "base/status.h"
#include "crypto/key_file.h"

namespace dojava::client {

// A new key file's passphrase must have at least this many characters
// unless forced (F16): it is all that protects a copied key file.
inline constexpr size_t kMinPassphraseChars = 12;
// Groups of 4 characters in a generated passphrase (5 bits each: 120 bits).
inline constexpr size_t kGeneratedPassphraseGroups = 6;
// The Argon2id memory of a new key file, in MiB (§5.3), and its bounds.
inline constexpr uint32_t kNewKeyDefaultMiB = 256;
inline constexpr uint32_t kNewKeyMinMiB = 8;
inline constexpr uint32_t kNewKeyMaxMiB = 1024;

// A random passphrase "abcd-efgh-…" (kGeneratedPassphraseGroups groups of 4
// from 32 symbols without look-alikes).
SecretBytes GeneratePassphrase();

// Characters (UTF-8 code points) of `text`.
size_t PassphraseChars(const SecretBytes& text);

// Ok if `passphrase` may seal a new key file: kInvalidArgument if it is
// empty, or shorter than kMinPassphraseChars and not `allow_short`.
Status CheckNewPassphrase(const SecretBytes& passphrase, bool allow_short);

// Argon2id parameters of `mib` MiB; kInvalidArgument outside
// kNewKeyMinMiB..kNewKeyMaxMiB.
Result<crypto::KeyFileParams> NewKeyParams(uint32_t mib);

struct NewReviewerKey {
  std::string public_line;  // what the admin adds to the roster
  std::string public_path;  // key_path + ".pub"
};

// Generates a reviewer key, seals it under `passphrase` with `params` and
// writes `key_path` (0600) and `key_path`.pub (0644: meant to be handed
// over). Never overwrites: kAlreadyExists if either exists (nothing
// written). kIoError if a file cannot be written (a key file written before
// the .pub failed is removed again). The passphrase is not checked here
// (CheckNewPassphrase).
Result<NewReviewerKey> CreateReviewerKeyFile(const std::string& key_path,
                                             const SecretBytes& passphrase,
                                             const crypto::KeyFileParams& params);

}  // namespace dojava::client

#endif  // DOJAVA_CLIENT_NEW_KEY_FILE_H_
