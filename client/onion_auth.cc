#include "client/onion_auth.h"

#include <sodium.h>

#include "client/server_url.h"
#include "client/state_store.h"
#include "crypto/primitives.h"

namespace dojava::client {
namespace {

constexpr size_t kX25519Bytes = 32;
constexpr std::string_view kOnionSuffix = ".onion";
constexpr size_t kOnionHostChars = 56;  // v3 addresses

}  // namespace

std::string Base32NoPadding(ByteView bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (uint8_t b : bytes) {
    buffer = (buffer << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out.push_back(kAlphabet[(buffer >> (bits - 5)) & 31]);
      bits -= 5;
    }
  }
  if (bits > 0) out.push_back(kAlphabet[(buffer << (5 - bits)) & 31]);
  return out;
}

OnionClientKey GenerateOnionClientKey() {
  OnionClientKey k;
  k.secret = SecretBytes::Random(kX25519Bytes);
  const crypto::X25519Public pub = crypto::X25519Base(k.secret.reveal());
  k.public_line = "descriptor:x25519:" + Base32NoPadding(ByteView(pub.data(), pub.size()));
  return k;
}

Result<std::string> WriteOnionAuthPrivate(const std::string& dir, const std::string& server,
                                          const OnionClientKey& key) {
  auto url = ParseServerUrl(server);
  if (!url.ok()) return url.status();
  const std::string& host = url->host;
  if (host.size() != kOnionHostChars + kOnionSuffix.size() || !host.ends_with(kOnionSuffix)) {
    return Status(Code::kInvalidArgument, server + " is not a v3 onion address");
  }
  const std::string name = host.substr(0, kOnionHostChars);
  std::string line = name + ":descriptor:x25519:" + Base32NoPadding(key.secret.reveal()) + "\n";
  const std::string path = dir + "/dojava-" + name.substr(0, 16) + ".auth_private";
  Status st = WriteFileAtomic(path, AsBytes(line), true);
  sodium_memzero(line.data(), line.size());
  if (!st.ok()) return st;
  return path;
}

}  // namespace dojava::client
