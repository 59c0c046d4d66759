// Signed rosters (crypto/PROTOCOL.md §6). Input: mode(1) admin_public(32)
// instance_id(16), then the rest:
//   mode 0: the rest is a signed roster, verified against admin_public (the
//           layout of tests/vectors/roster-v2-*.json), with and without an
//           expiry day; a version byte other than 2 must be
//           unsupported_version (§16: version 1 is not read);
//   mode 1: the rest is a roster without its signature; the target signs it
//           with a fixed admin key, so the rules checked after the signature
//           (sorting, duplicates, names, keys, retirements, the chain fields,
//           instance id) see fuzzed bytes. An accepted roster must re-sign
//           to the same bytes (canonical encoding), and the chain rule must
//           accept it over itself.
#include "crypto/primitives.h"
#include "crypto/protocol_constants.h"
#include "crypto/roster_v2.h"
#include "fuzz/crypto_fixtures.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dojava;
  namespace v2 = crypto::v2;
  fuzz::FuzzInput in(data, size);
  const uint8_t mode = in.Byte() % 2;
  const crypto::Ed25519Public admin_public = in.Array<32>();
  const crypto::Id instance_id = in.Array<16>();
  const ByteView rest = in.Rest();
  if (mode == 0) {
    auto verified = v2::VerifyRoster(rest, admin_public, instance_id, std::nullopt);
    if (!rest.empty() && rest[0] != protocol::kVersion2) {
      DOJAVA_FUZZ_CHECK(verified.code() == Code::kUnsupportedVersion);
    }
    (void)v2::VerifyRoster(rest, admin_public, instance_id, 20000);
    return 0;
  }
  const crypto::Ed25519KeyPair& admin = fuzz::FixedEd25519(0xad);
  Bytes signed_roster(rest.begin(), rest.end());
  const crypto::Signature sig =
      crypto::SignLabeled(admin.secret_key, protocol::kLabelRosterV2, rest);
  signed_roster.insert(signed_roster.end(), sig.begin(), sig.end());
  auto verified = v2::VerifyRoster(signed_roster, admin.public_key, instance_id, std::nullopt);
  if (!verified.ok()) return 0;
  auto resigned = v2::SignRoster(verified->roster(), admin.secret_key, admin.public_key);
  DOJAVA_FUZZ_CHECK(resigned.ok());
  DOJAVA_FUZZ_CHECK(*resigned == signed_roster);
  DOJAVA_FUZZ_CHECK(v2::RosterDigest(signed_roster) == verified->digest());
  DOJAVA_FUZZ_CHECK(v2::CheckRosterChain(*verified, *verified).ok());
  return 0;
}
