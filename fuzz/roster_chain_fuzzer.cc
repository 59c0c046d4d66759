// Rosters of protocol v2 (crypto/PROTOCOL.md §6): verification and the chain
// rule. Input: mode(1), then
//   mode 0: admin_public(32) instance_id(16) today(u32) u16 length, the roster
//           a client saw, then the rest: the roster it is offered (the layout
//           of tests/vectors/roster-v2-*.json). Both are verified against
//           admin_public (the seen one without the expiry), then the chain
//           rule runs from the seen roster to the offered one.
//   mode 1: instance_id(16) u16 length, then two roster bodies without their
//           signatures; the target signs both with a fixed admin key, so the
//           rules after the signature and the chain rule see fuzzed bytes.
// Invariants: an accepted roster re-signs to the same bytes (canonical) and
// has the digest of its bytes; the chain rule accepts a roster over itself,
// never accepts an older version, never a fork (same version, other bytes),
// and a successor it accepts names its predecessor's digest; the floor of
// the address (§12.1) accepts the roster's own version and refuses the next.
#include <optional>

#include "crypto/primitives.h"
#include "crypto/protocol_constants.h"
#include "crypto/roster_v2.h"
#include "fuzz/crypto_fixtures.h"
#include "fuzz/fuzz_input.h"
#include "fuzz/v2_fixtures.h"

namespace {

using namespace dojava;
namespace v2 = crypto::v2;

void CheckOne(const v2::VerifiedRoster& r, ByteView bytes, bool resign) {
  DOJAVA_FUZZ_CHECK(r.digest() == v2::RosterDigest(bytes));
  DOJAVA_FUZZ_CHECK(v2::CheckRosterChain(r, r).ok());
  DOJAVA_FUZZ_CHECK(v2::CheckRosterFloor(r, r.version()).ok());
  if (r.version() < UINT64_MAX) DOJAVA_FUZZ_CHECK(!v2::CheckRosterFloor(r, r.version() + 1).ok());
  if (resign) {
    const crypto::Ed25519KeyPair& admin = fuzz::FixedEd25519(fuzz::kAdminTag);
    auto again = v2::SignRoster(r.roster(), admin.secret_key, admin.public_key);
    DOJAVA_FUZZ_CHECK(again.ok());
    DOJAVA_FUZZ_CHECK(*again == Bytes(bytes.begin(), bytes.end()));
  }
}

void CheckPair(const v2::VerifiedRoster& seen, const v2::VerifiedRoster& next) {
  const Status s = v2::CheckRosterChain(seen, next);
  if (next.version() < seen.version()) DOJAVA_FUZZ_CHECK(s.code() == Code::kRollback);
  if (next.version() == seen.version() && next.digest() != seen.digest())
    DOJAVA_FUZZ_CHECK(s.code() == Code::kRollback);
  if (s.ok() && next.version() == seen.version() + 1)
    DOJAVA_FUZZ_CHECK(next.roster().prev_digest == seen.digest());
  if (s.ok()) {
    // Continuity: no entry of the seen roster vanishes or changes its login key.
    for (const v2::RosterEntry& e : seen.entries()) {
      const v2::RosterEntry* n = next.Find(e.reviewer_id);
      DOJAVA_FUZZ_CHECK(n != nullptr && n->ed25519 == e.ed25519);
    }
  }
  // The seen roster given as an intermediate (wrong count, or out of
  // order) is refused, never accepted.
  if (next.version() > seen.version() + 1)
    DOJAVA_FUZZ_CHECK(!v2::CheckRosterChain(seen, next, {&seen}).ok());
}

Bytes SignBody(ByteView body) {
  const crypto::Ed25519KeyPair& admin = fuzz::FixedEd25519(fuzz::kAdminTag);
  Bytes out(body.begin(), body.end());
  const crypto::Signature sig =
      crypto::SignLabeled(admin.secret_key, protocol::kLabelRosterV2, body);
  out.insert(out.end(), sig.begin(), sig.end());
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::FuzzInput in(data, size);
  const uint8_t mode = in.Byte() % 2;
  if (mode == 0) {
    const crypto::Ed25519Public admin = in.Array<32>();
    const crypto::Id instance = in.Array<16>();
    const uint32_t today = in.U32();
    const size_t len = size_t(in.Byte()) << 8 | in.Byte();
    const ByteView seen_bytes = in.Take(len);
    const ByteView next_bytes = in.Rest();
    auto seen = v2::VerifyRoster(seen_bytes, admin, instance, std::nullopt);
    auto next = v2::VerifyRoster(next_bytes, admin, instance, today);
    if (next.ok()) {
      DOJAVA_FUZZ_CHECK(today <= next->roster().expires_day);
      CheckOne(*next, next_bytes, false);
    }
    if (seen.ok() && next.ok()) CheckPair(*seen, *next);
    return 0;
  }
  const crypto::Id instance = in.Array<16>();
  const size_t len = size_t(in.Byte()) << 8 | in.Byte();
  const Bytes a_bytes = SignBody(in.Take(len));
  const Bytes b_bytes = SignBody(in.Rest());
  const crypto::Ed25519Public& admin = fuzz::FixedEd25519(fuzz::kAdminTag).public_key;
  auto a = v2::VerifyRoster(a_bytes, admin, instance, std::nullopt);
  auto b = v2::VerifyRoster(b_bytes, admin, instance, std::nullopt);
  if (a.ok()) CheckOne(*a, a_bytes, true);
  if (b.ok()) CheckOne(*b, b_bytes, true);
  if (a.ok() && b.ok()) {
    CheckPair(*a, *b);
    CheckPair(*b, *a);
  }
  return 0;
}
