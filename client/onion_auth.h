// Tor v3 onion client authorization for a reviewer (what
// ops/tor/reviewer-keygen does, for front ends without a shell): an X25519
// key pair; the public line `descriptor:x25519:<52 base32>` goes to the
// operator (authorized_clients/NAME.auth on the service), the private line
// `<address>:descriptor:x25519:<52 base32>` into the reviewer's tor's
// ClientOnionAuthDir as a 0600 file. Keys from libsodium are used as they are
// (tor clamps the scalar itself).
#ifndef DOJAVA_CLIENT_ONION_AUTH_H_
#define DOJAVA_CLIENT_ONION_AUTH_H_

#include <string>

#include "base/bytes.h"
#include "base/secret_bytes.h"
#include "base/status.h"

namespace dojava::client {

struct OnionClientKey {
  SecretBytes secret;       // 32 bytes
  std::string public_line;  // descriptor:x25519:<52 base32 characters>
};

OnionClientKey GenerateOnionClientKey();

// RFC 4648 base32, upper case, without padding (tor's key encoding).
std::string Base32NoPadding(ByteView bytes);

// Writes `<dir>/dojava-<first 16 characters of the address>.auth_private`
// (0600, replacing an older key for the same address) for the onion in
// `server` (http://NAME.onion[:PORT]); `dir` must exist. Its path.
// kInvalidArgument if `server` is not an onion address.
Result<std::string> WriteOnionAuthPrivate(const std::string& dir, const std::string& server,
                                          const OnionClientKey& key);

}  // namespace dojava::client

#endif  // DOJAVA_CLIENT_ONION_AUTH_H_
