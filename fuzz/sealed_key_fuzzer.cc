// Sealed keys (crypto/PROTOCOL.md §7). Input: mode(1) role(1) case_id(16)
// recipient_secret(32) recipient_public(32), then the rest:
//   mode 0: the rest is an 82-byte record, opened with OpenSealedKey (the
//           layout of tests/vectors/sealed-key-*.json);
//   mode 1: the rest's first 32 bytes are a key; SealKey to the public key
//           derived from recipient_secret, then OpenSealedKey must return it,
//           and must refuse the record with any one byte (the rest's 33rd
//           byte picks which) changed.
#include <algorithm>

#include "crypto/primitives.h"
#include "crypto/protocol_constants.h"
#include "crypto/sealed_key.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dojava;
  fuzz::FuzzInput in(data, size);
  const uint8_t mode = in.Byte() % 2;
  const uint8_t role = in.Byte();
  const crypto::Id case_id = in.Array<16>();
  const SecretBytes secret = SecretBytes::Copy(ByteView(in.Array<32>()));
  const crypto::X25519Public given_public = in.Array<32>();
  if (mode == 0) {
    (void)crypto::OpenSealedKey(in.Rest(), role, case_id, secret, given_public);
    return 0;
  }
  const SecretBytes key = SecretBytes::Copy(ByteView(in.Array<32>()));
  const uint8_t flip_at = in.Byte();
  const crypto::X25519Public recipient = crypto::X25519Base(secret.reveal());
  auto record = crypto::SealKey(key, role, case_id, recipient);
  const bool role_ok = role == protocol::kRoleCaseKey || role == protocol::kRoleNotesKey;
  if (!role_ok) {
    DOJAVA_FUZZ_CHECK(!record.ok());
    return 0;
  }
  if (!record.ok()) return 0;  // a low-order recipient (all-zero secret)
  auto opened = crypto::OpenSealedKey(*record, role, case_id, secret, recipient);
  DOJAVA_FUZZ_CHECK(opened.ok());
  DOJAVA_FUZZ_CHECK(std::ranges::equal(opened->reveal(), key.reveal()));
  Bytes changed = *record;
  changed[flip_at % changed.size()] ^= 0x01;
  DOJAVA_FUZZ_CHECK(!crypto::OpenSealedKey(changed, role, case_id, secret, recipient).ok());
  return 0;
}
