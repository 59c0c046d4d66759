// Shared by the parts of the vector generator that write protocol-2 vectors
// (generate_v2.cc, generate_v2_case.cc): one roster fixture and hand encoders
// that skip the writers' rule checks, for negative vectors.
#ifndef DOJAVA_TESTS_VECTORS_GENERATE_V2_H_
#define DOJAVA_TESTS_VECTORS_GENERATE_V2_H_

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "crypto/message_v2.h"
#include "crypto/primitives.h"
#include "crypto/roster_v2.h"
#include "tests/vectors/vector_sections.h"

namespace dojava::vectors {

struct V2Reviewer {
  crypto::Id id{};
  crypto::Ed25519KeyPair ed;
  Bytes ed_seed;
  crypto::X25519Public x{};
  std::string name;
};

// An instance with roster version 7: Ana and Driton active, Marija retired at
// version 6; expires 30 days after `today`.
struct V2Fixture {
  V2Fixture();
  crypto::Ed25519KeyPair admin;
  crypto::Id instance{};
  uint32_t today = 20800;  // 2026-12-14
  std::vector<V2Reviewer> reviewers;
  crypto::v2::Roster roster;
  Bytes signed_roster;

  // A roster body encoded without any rule check, signed by the admin.
  Bytes HandSigned(const crypto::v2::Roster& r) const;
  // {admin_public, instance_id, roster}: what a reader verifies authors with.
  boost::json::object RosterInput(ByteView roster_bytes) const;
  boost::json::object RosterInput() const { return RosterInput(signed_roster); }
};

// One case of the V2Fixture's instance: its id, CK, NK and the source's
// signing key.
struct CaseFixture {
  V2Fixture f;
  crypto::Id case_id = DetId("v2/case");
  SecretBytes ck = DetSecret("v2/case/ck", 32);
  SecretBytes nk = DetSecret("v2/case/nk", 32);
  Bytes source_seed = Det("v2/case/source-sign", 32);
  crypto::Ed25519KeyPair source = crypto::Ed25519FromSeed(source_seed);

  // The roster input plus case_id, case_key, notes_key and `record`.
  boost::json::object Input(ByteView record) const;
};

struct Written {
  Bytes record;
  boost::json::object encrypt;  // the inputs that re-encrypt it byte for byte
};

// A record written with the real encoder by the source (reviewer < 0) or a
// fixture reviewer, and the inputs that reproduce it.
Written WriteRecord(const CaseFixture& c, const std::string& tag, uint8_t kind, int reviewer,
                    std::string_view body, uint64_t roster_version, const crypto::v2::Digest& prev,
                    const SecretBytes* key = nullptr);

// The body (no signature) of a v2 roster, exactly as §6 lays it out.
Bytes EncodeRosterV2Body(const crypto::v2::Roster& r);

// A v2 message record built by hand: header with `commit`, AEAD under
// KDF(key, message/key) of u32(len) || inner || zeros padded to `padded_size`
// (0: the smallest bucket), its last byte set to `last_pad_byte`.
Bytes SealInnerV2(const SecretBytes& key, uint8_t kind, const crypto::Id& case_id,
                  const crypto::Id& message_id, const crypto::v2::Digest& commit, ByteView nonce,
                  ByteView inner, size_t padded_size = 0, uint8_t last_pad_byte = 0);

}  // namespace dojava::vectors

#endif  // DOJAVA_TESTS_VECTORS_GENERATE_V2_H_
