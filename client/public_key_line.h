// The reviewer's public key line, what `dojava keygen` writes to F.pub and a
// reviewer hands to the admin:
//   dojava-reviewer-v1:<ed25519 public, base64url>:<x25519 public, base64url>
#ifndef DOJAVA_CLIENT_PUBLIC_KEY_LINE_H_
#define DOJAVA_CLIENT_PUBLIC_KEY_LINE_H_

#include <string>
#include <string_view>

#include "base/status.h"
#include "crypto/primitives.h"

namespace dojava::client {

inline constexpr std::string_view kPublicKeyLinePrefix = "dojava-reviewer-v1:";

struct ReviewerPublicKeys {
  crypto::Ed25519Public ed25519{};
  crypto::X25519Public x25519{};
};

std::string FormatPublicKeyLine(const ReviewerPublicKeys& keys);
// Strict: the prefix, two canonical 32-byte base64url values, nothing else
// (no line ending, or one LF or CR LF). kMalformed otherwise.
Result<ReviewerPublicKeys> ParsePublicKeyLine(std::string_view line);

}  // namespace dojava::client

#endif  // DOJAVA_CLIENT_PUBLIC_KEY_LINE_H_
