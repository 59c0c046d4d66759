// Strict text encodings used on the wire and in files (crypto/PROTOCOL.md §2).
//
// Base64url is RFC 4648 §5 without padding; hex is lower-case. Decoders accept
// exactly the canonical form: a string decodes only if encoding the result
// gives back the same string. So no padding, no white space, no upper-case
// hex, no non-zero trailing bits ("AB" and "AC" cannot both decode to one
// byte).
#ifndef DOJAVA_BASE_ENCODING_H_
#define DOJAVA_BASE_ENCODING_H_

#include <string>
#include <string_view>

#include "base/bytes.h"
#include "base/secret_bytes.h"
#include "base/status.h"

namespace dojava {

std::string Base64UrlEncode(ByteView bytes);
// Fails with kMalformed on any non-canonical or invalid input.
Result<Bytes> Base64UrlDecode(std::string_view text);
// Same, into wiped memory; for receipts, keys and other secrets.
Result<SecretBytes> Base64UrlDecodeSecret(std::string_view text);
// The base64url text of a secret, in wiped memory (a std::string would not be).
SecretBytes Base64UrlEncodeSecret(ByteView bytes);

std::string HexEncode(ByteView bytes);
// Lower-case only, even length; kMalformed otherwise.
Result<Bytes> HexDecode(std::string_view text);

// Decodes base64url into exactly N bytes (kMalformed if the length differs).
template <size_t N>
Result<std::array<uint8_t, N>> Base64UrlDecodeFixed(std::string_view text) {
  auto r = Base64UrlDecode(text);
  if (!r.ok()) return r.status();
  if (r->size() != N) return Status(Code::kMalformed, "wrong decoded length");
  std::array<uint8_t, N> a{};
  std::copy(r->begin(), r->end(), a.begin());
  return a;
}

}  // namespace dojava

#endif  // DOJAVA_BASE_ENCODING_H_
