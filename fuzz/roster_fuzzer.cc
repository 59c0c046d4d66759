// Signed rosters (crypto/PROTOCOL.md §6). Input: mode(1) admin_public(32)
// instance_id(16), then the rest:
//   mode 0: the rest is a signed roster, verified against admin_public (the
//           layout of tests/vectors/roster-*.json);
//   mode 1: the rest is a roster without its signature; the target signs it
//           with a fixed admin key, so the rules checked after the signature
//           (sorting, duplicates, names, keys, instance id) see fuzzed
//           bytes. An accepted roster must re-sign to the same bytes
//           (canonical encoding), and the rollback rule must accept it over
//           itself and refuse it over a higher version.
#include "crypto/primitives.h"
#include "crypto/protocol_constants.h"
#include "crypto/roster.h"
#include "fuzz/crypto_fixtures.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dojava;
  fuzz::FuzzInput in(data, size);
  const uint8_t mode = in.Byte() % 2;
  const crypto::Ed25519Public admin_public = in.Array<32>();
  const crypto::Id instance_id = in.Array<16>();
  const ByteView rest = in.Rest();
  if (mode == 0) {
    (void)crypto::VerifyRoster(rest, admin_public, instance_id);
    return 0;
  }
  const crypto::Ed25519KeyPair& admin = fuzz::FixedEd25519(0xad);
  Bytes signed_roster(rest.begin(), rest.end());
  const crypto::Signature sig =
      crypto::SignLabeled(admin.secret_key, protocol::kLabelRoster, rest);
  signed_roster.insert(signed_roster.end(), sig.begin(), sig.end());
  auto verified = crypto::VerifyRoster(signed_roster, admin.public_key, instance_id);
  if (!verified.ok()) return 0;
  auto resigned = crypto::SignRoster(verified->roster(), admin.secret_key, admin.public_key);
  DOJAVA_FUZZ_CHECK(resigned.ok());
  DOJAVA_FUZZ_CHECK(*resigned == signed_roster);
  DOJAVA_FUZZ_CHECK(crypto::CheckRosterAdvance(verified->version(), verified->digest(),
                                               verified->version(), verified->digest())
                        .ok());
  if (verified->version() < UINT64_MAX) {
    DOJAVA_FUZZ_CHECK(!crypto::CheckRosterAdvance(verified->version() + 1, verified->digest(),
                                                  verified->version(), verified->digest())
                           .ok());
  }
  return 0;
}
