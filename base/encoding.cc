#include "base/encoding.h"

#include <sodium.h>

namespace dojava {
namespace {

constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;

bool IsBase64UrlChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

// Decodes into `out` (capacity >= text.size() * 3 / 4); returns the length
// or an error. Shared by the plain and the secret variant.
Result<size_t> DecodeInto(std::string_view text, uint8_t* out, size_t cap) {
  EnsureSodium();
  // A length of 1 mod 4 can never be produced by an encoder.
  if (text.size() % 4 == 1) return Status(Code::kMalformed, "invalid base64url length");
  for (char c : text) {
    if (!IsBase64UrlChar(c)) return Status(Code::kMalformed, "invalid base64url character");
  }
  size_t len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(out, cap, text.data(), text.size(), nullptr, &len, &end, kVariant) != 0 ||
      end != text.data() + text.size()) {
    return Status(Code::kMalformed, "invalid base64url");
  }
  // libsodium rejects non-zero trailing bits already; re-encode to be certain
  // that only the canonical spelling is accepted.
  std::string again(sodium_base64_encoded_len(len, kVariant), '\0');
  sodium_bin2base64(again.data(), again.size(), out, len, kVariant);
  again.resize(again.find('\0'));
  const bool same =
      again.size() == text.size() && sodium_memcmp(again.data(), text.data(), text.size()) == 0;
  sodium_memzero(again.data(), again.size());
  if (!same) return Status(Code::kMalformed, "non-canonical base64url");
  return len;
}

}  // namespace

std::string Base64UrlEncode(ByteView bytes) {
  EnsureSodium();
  std::string s(sodium_base64_encoded_len(bytes.size(), kVariant), '\0');
  sodium_bin2base64(s.data(), s.size(), bytes.data(), bytes.size(), kVariant);
  s.resize(s.size() - 1);  // the terminating NUL
  return s;
}

Result<Bytes> Base64UrlDecode(std::string_view text) {
  Bytes out(text.size() * 3 / 4 + 1);
  auto len = DecodeInto(text, out.data(), out.size());
  if (!len.ok()) return len.status();
  out.resize(*len);
  return out;
}

SecretBytes Base64UrlEncodeSecret(ByteView bytes) {
  SecretBytes out(sodium_base64_encoded_len(bytes.size(), kVariant));
  sodium_bin2base64(reinterpret_cast<char*>(out.reveal_mut().data()), out.size(), bytes.data(),
                    bytes.size(), kVariant);
  out.Truncate(out.size() - 1);  // the terminating NUL
  return out;
}

Result<SecretBytes> Base64UrlDecodeSecret(std::string_view text) {
  SecretBytes out(text.size() * 3 / 4 + 1);
  auto len = DecodeInto(text, out.reveal_mut().data(), out.size());
  if (!len.ok()) return len.status();
  out.Truncate(*len);
  return out;
}

std::string HexEncode(ByteView bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string s;
  s.reserve(bytes.size() * 2);
  for (uint8_t b : bytes) {
    s.push_back(kDigits[b >> 4]);
    s.push_back(kDigits[b & 15]);
  }
  return s;
}

Result<Bytes> HexDecode(std::string_view text) {
  if (text.size() % 2 != 0) return Status(Code::kMalformed, "odd hex length");
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;  // upper case is not canonical
  };
  Bytes out(text.size() / 2);
  for (size_t i = 0; i < out.size(); ++i) {
    int hi = nibble(text[2 * i]), lo = nibble(text[2 * i + 1]);
    if (hi < 0 || lo < 0) return Status(Code::kMalformed, "invalid hex character");
    out[i] = uint8_t(hi << 4 | lo);
  }
  return out;
}

}  // namespace dojava
