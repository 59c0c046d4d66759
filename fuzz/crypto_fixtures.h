// Fixed keys for the crypto fuzz targets: an Ed25519 pair from a constant
// seed, to sign what the fuzzer writes (so that the parsers behind a
// signature check are reached) and to check round trips.
#ifndef DOJAVA_FUZZ_CRYPTO_FIXTURES_H_
#define DOJAVA_FUZZ_CRYPTO_FIXTURES_H_

#include <array>
#include <cstdint>

#include "crypto/primitives.h"

namespace dojava::fuzz {

// The Ed25519 pair of seed {tag, tag, ...}: built once per tag, kept.
inline const crypto::Ed25519KeyPair& FixedEd25519(uint8_t tag) {
  static std::array<crypto::Ed25519KeyPair*, 256> pairs{};
  if (pairs[tag] == nullptr) {
    std::array<uint8_t, 32> seed;
    seed.fill(tag);
    pairs[tag] = new crypto::Ed25519KeyPair(crypto::Ed25519FromSeed(seed));
  }
  return *pairs[tag];
}

}  // namespace dojava::fuzz

#endif  // DOJAVA_FUZZ_CRYPTO_FIXTURES_H_
