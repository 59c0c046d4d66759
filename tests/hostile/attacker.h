// What the compromised server holds beyond the real server's data: keys of
// its own (an admin key, reviewer keys, case and notes keys it made) and
// keys it stole. Gains() answers the question every attack ends with: did
// the client seal anything to the attacker, or write anything under a key
// the attacker holds? It opens every key a client posted with each of the
// attacker's reviewer secrets, and compares the key commitment of every
// record, anchor, genesis and re-key a client posted (in clear and in its
// statement envelope, PROTOCOL §7.4) with the attacker's keys.
#ifndef DOJAVA_TESTS_HOSTILE_ATTACKER_H_
#define DOJAVA_TESTS_HOSTILE_ATTACKER_H_

#include <memory>
#include <string>
#include <vector>

#include "base/secret_bytes.h"
#include "crypto/admin_key.h"
#include "crypto/reviewer_key.h"
#include "crypto/roster_v2.h"
#include "tests/hostile/hostile_proxy.h"

namespace dojava::hostile {

class Attacker {
 public:
  Attacker() : admin_(crypto::AdminKey::Generate()) {}

  const crypto::AdminKey& admin() const { return admin_; }
  // A reviewer key of its own, kept.
  const crypto::ReviewerKey& NewReviewer();
  // A key it stole (a removed reviewer's laptop), kept like its own.
  void Stole(crypto::ReviewerKey key);
  // A case or notes key of its own (CK', NK'), kept.
  const SecretBytes& NewKey();

  // Everything of `seen` that reached the attacker: keys posted that open
  // with one of its reviewer secrets, records, anchors, genesis and re-keys
  // that commit to one of its keys. One line per finding; empty if none.
  std::vector<std::string> Gains(const std::vector<Seen>& seen) const;

 private:
  crypto::AdminKey admin_;
  std::vector<std::unique_ptr<crypto::ReviewerKey>> reviewers_;
  std::vector<std::unique_ptr<SecretBytes>> keys_;
};

// A version-2 roster (PROTOCOL §6) with `entries` changed as the caller
// says, signed by `admin` (the attacker's, or the real admin's when the test
// plays an admin fooled into signing).
Bytes SignedRoster(const crypto::AdminKey& admin, crypto::v2::Roster roster);

// A statement (genesis, anchor or re-key) in its envelope (PROTOCOL §7.4),
// sealed under `key`: the attacker can seal only under a case key it holds
// (CK' it made, or a random key when it holds none of the case).
Bytes Sealed(const SecretBytes& key, uint8_t type, const crypto::Id& case_id, ByteView statement);

// The roster entry of a reviewer key, active.
crypto::v2::RosterEntry EntryFor(const crypto::ReviewerKey& key, const std::string& name);

}  // namespace dojava::hostile

#endif  // DOJAVA_TESTS_HOSTILE_ATTACKER_H_
