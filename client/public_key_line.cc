#include "client/public_key_line.h"

#include "base/encoding.h"

namespace dojava::client {

std::string FormatPublicKeyLine(const ReviewerPublicKeys& keys) {
  return std::string(kPublicKeyLinePrefix) + Base64UrlEncode(keys.ed25519) + ":" +
         Base64UrlEncode(keys.x25519);
}

Result<ReviewerPublicKeys> ParsePublicKeyLine(std::string_view line) {
  const Status bad(Code::kMalformed,
                   "not a reviewer public key line (dojava-reviewer-v1:<ed25519>:<x25519>)");
  // No ending, or one LF or CR LF (PROTOCOL.md §5.4): a lone CR is not one.
  if (line.ends_with("\r\n")) {
    line.remove_suffix(2);
  } else if (line.ends_with('\n')) {
    line.remove_suffix(1);
  }
  if (line.substr(0, kPublicKeyLinePrefix.size()) != kPublicKeyLinePrefix) return bad;
  line.remove_prefix(kPublicKeyLinePrefix.size());
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos) return bad;
  auto ed = Base64UrlDecodeFixed<32>(line.substr(0, colon));
  auto x = Base64UrlDecodeFixed<32>(line.substr(colon + 1));
  if (!ed.ok() || !x.ok()) return bad;
  return ReviewerPublicKeys{*ed, *x};
}

}  // namespace dojava::client
