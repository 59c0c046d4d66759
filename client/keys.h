// Opening key files (PROTOCOL §5) and finding the reviewer a key belongs to
// on the verified roster. Reading the passphrase is the front end's job
// (a terminal, a file, a dialog): this file never prompts.
//
// Thread safety: no shared state.
#ifndef DOJAVA_CLIENT_KEYS_H_
#define DOJAVA_CLIENT_KEYS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "base/bytes.h"
#include "base/secret_bytes.h"
#include "base/status.h"
#include "client/roster_view.h"
#include "crypto/primitives.h"
#include "crypto/reviewer_key.h"

namespace dojava::client {

// Reads the key file at `path` (crypto::ReadKeyFile: no symlink, owner-only
// mode, bounded size). A public key line (what keygen writes to F.pub) is
// kInvalidArgument saying that the private key file is needed, before any
// check of its mode. Errors name the path.
Result<Bytes> ReadKeyFileAt(const std::string& path);

// Opens the key file bytes `file` (read from `path`, for messages) with
// `passphrase`. kWrongPassphrase for a wrong passphrase or a damaged file,
// kMalformed for a file that is no key file, kInvalidArgument if its kind is
// not `kind` (protocol::kKeyKindAdmin / kKeyKindReviewer).
Result<SecretBytes> OpenKeySeed(ByteView file, const SecretBytes& passphrase, uint8_t kind,
                                const std::string& path);

// An X25519 key of one epoch (§5.1): epoch 1 is derived from the seed
// (`path` empty), later ones are kept in key files of kind 3
// (client/key_rotation.h).
struct EpochKey {
  uint32_t epoch = 1;
  std::string path;
  SecretBytes secret;
  crypto::X25519Public public_key{};
};

// A reviewer: the key and the id under which the verified roster lists it.
struct ReviewerIdentity {
  crypto::ReviewerKey key;
  crypto::Id id{};
  std::string name;
  // Encryption keys of epochs before the roster's, kept until every key row
  // sealed to them is sealed again to the current one (§12.4).
  std::vector<EpochKey> older;
};

// Finds `key` on `roster`. kPermissionDenied if it is not listed (give the
// public key line to the admin) or its entry is retired (§6: no login, no
// writing), kBadSignature if the roster lists its signing key with another
// encryption key.
Result<ReviewerIdentity> IdentifyReviewer(crypto::ReviewerKey key, const RosterView& roster);

}  // namespace dojava::client

#endif  // DOJAVA_CLIENT_KEYS_H_
