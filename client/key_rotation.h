// Rotating a reviewer's encryption key (PROTOCOL §5.1, §12.4): the key of a
// new epoch in a key file of kind 3 beside the identity key file
// (`KEY.epochN`), the key the roster names chosen among those held, and the
// reviewer's key rows sealed again to it, after which the older epochs'
// files are destroyed. Nothing here prints or prompts.
//
// Not thread-safe: one session per thread.
#ifndef DOJAVA_CLIENT_KEY_ROTATION_H_
#define DOJAVA_CLIENT_KEY_ROTATION_H_

#include <cstdint>
#include <string>
#include <vector>

#include "base/secret_bytes.h"
#include "base/status.h"
#include "client/keys.h"
#include "client/roster_view.h"
#include "crypto/key_file.h"
#include "crypto/reviewer_key.h"

namespace dojava::client {

struct ReviewerSession;

// Epoch files looked for beside a key file: KEY.epoch2 .. KEY.epoch<this>.
inline constexpr uint32_t kMaxKeyEpoch = 64;

// KEY.epochN.
std::string EpochKeyPath(const std::string& key_path, uint32_t epoch);

// The epochs whose files exist beside `key_path`, ascending (not read).
std::vector<uint32_t> EpochFiles(const std::string& key_path);

// Opens every epoch file beside `key_path` with `passphrase` (the identity
// key file's). The errors of ReadKeyFileAt and OpenKeySeed (kind 3), naming
// the file.
Result<std::vector<EpochKey>> OpenEpochKeys(const std::string& key_path,
                                            const SecretBytes& passphrase);

// Makes the key of the next epoch (the highest held + 1, at least 2): 32
// random bytes sealed under `passphrase` into KEY.epochN, mode 0600, never
// over an existing file. kResourceExhausted past kMaxKeyEpoch.
Result<EpochKey> CreateEpochKey(const std::string& key_path, const SecretBytes& passphrase,
                                const crypto::KeyFileParams& params);

// The key the roster names for `key`'s signing key: `key` itself if its
// derived (epoch 1) X25519 key is the roster's, else `key` with the epoch
// key among `epochs` that is. Moves into *older every held key of an epoch
// below the roster's (keys of later epochs, not yet on the roster, are left
// out: they are not the current key yet). A key not on the roster is
// returned as it is (IdentifyReviewer then says so); kBadSignature if the
// roster names an encryption key this machine does not hold.
Result<crypto::ReviewerKey> SelectEncryptionKey(crypto::ReviewerKey key,
                                                std::vector<EpochKey> epochs,
                                                const RosterView& roster,
                                                std::vector<EpochKey>* older);

// What ResealToCurrentKey did.
struct ResealReport {
  size_t cases = 0;                  // cases whose rows were sealed again
  size_t keys = 0;                   // rows sealed again
  std::vector<std::string> refused;  // "case X: why"
  std::vector<std::string> removed;  // epoch files destroyed
};

// §12.4: every key row of this reviewer (CK of every generation, NK) that
// opens only with one of s.me->older is sealed again to the current key and
// replaces the row (ApiClient::ResealOwnKeys). When no case failed, the
// files of s.me->older are destroyed (§5.1 MUST) and s.me->older emptied
// (epoch 1, derived from the seed, has no file of its own). Errors only for
// the listing.
Result<ResealReport> ResealToCurrentKey(ReviewerSession& s);

}  // namespace dojava::client

#endif  // DOJAVA_CLIENT_KEY_ROTATION_H_
