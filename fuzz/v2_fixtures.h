// Fixtures for the protocol v2 fuzz targets: a roster signed by a fixed admin
// key (FixedEd25519(kAdminTag)) with three reviewers whose Ed25519 keys are
// FixedEd25519(1..3); reviewer 3 was retired at version 2 of the version-3
// roster. Targets use it to sign what the fuzzer writes, so the checks after
// a signature see fuzzed bytes, and to read a roster from the input the way
// the vector files give it.
#ifndef DOJAVA_FUZZ_V2_FIXTURES_H_
#define DOJAVA_FUZZ_V2_FIXTURES_H_

#include <array>
#include <cstdint>
#include <optional>

#include "crypto/primitives.h"
#include "crypto/roster_v2.h"
#include "fuzz/crypto_fixtures.h"
#include "fuzz/fuzz_input.h"

namespace dojava::fuzz {

inline constexpr uint8_t kAdminTag = 0xad;
inline constexpr size_t kFixedReviewers = 3;
inline constexpr uint64_t kFixedRosterVersion = 3;
inline constexpr uint64_t kRetiredAt = 2;  // reviewer 3's retirement

inline crypto::Id FixedReviewerId(size_t i) {
  crypto::Id id{};
  id.fill(uint8_t(0x10 * (i + 1)));
  return id;
}

// The fixed roster (i = 0, 1, 2 are reviewers FixedEd25519(i + 1)).
inline const crypto::v2::VerifiedRoster& FixedRoster() {
  static const crypto::v2::VerifiedRoster* roster = [] {
    namespace v2 = crypto::v2;
    v2::Roster r;
    r.instance_id.fill(0x1d);
    r.version = kFixedRosterVersion;
    r.expires_day = 30000;
    r.prev_digest.fill(0x77);
    for (size_t i = 0; i < kFixedReviewers; ++i) {
      v2::RosterEntry e;
      e.reviewer_id = FixedReviewerId(i);
      e.retired_at = i == 2 ? kRetiredAt : 0;
      e.ed25519 = FixedEd25519(uint8_t(i + 1)).public_key;
      std::array<uint8_t, 32> x{};
      x.fill(uint8_t(0x40 + i));
      e.x25519 = crypto::X25519Base(x);
      e.name = std::string("Reviewer ") + char('A' + i);
      r.entries.push_back(std::move(e));
    }
    const crypto::Ed25519KeyPair& admin = FixedEd25519(kAdminTag);
    auto bytes = v2::SignRoster(r, admin.secret_key, admin.public_key);
    if (!bytes.ok()) Fail("fixed roster does not sign");
    auto verified = v2::VerifyRoster(*bytes, admin.public_key, r.instance_id, std::nullopt);
    if (!verified.ok()) Fail("fixed roster does not verify");
    return new v2::VerifiedRoster(std::move(*verified));
  }();
  return *roster;
}

// Reads admin_public(32) instance_id(16) u16 length and that many bytes of a
// signed roster, and verifies it (no expiry check). The fixed roster if
// those bytes do not verify.
class InputRoster {
 public:
  explicit InputRoster(FuzzInput& in) {
    const crypto::Ed25519Public admin = in.Array<32>();
    const crypto::Id instance = in.Array<16>();
    const size_t len = size_t(in.Byte()) << 8 | in.Byte();
    const ByteView bytes = in.Take(len);
    auto verified = crypto::v2::VerifyRoster(bytes, admin, instance, std::nullopt);
    if (verified.ok()) own_.emplace(std::move(*verified));
  }
  const crypto::v2::VerifiedRoster& get() const { return own_ ? *own_ : FixedRoster(); }

 private:
  std::optional<crypto::v2::VerifiedRoster> own_;
};

}  // namespace dojava::fuzz

#endif  // DOJAVA_FUZZ_V2_FIXTURES_H_
