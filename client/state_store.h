// Local state of `dojava`, one directory per server address, under the XDG
// data directory ($XDG_DATA_HOME/dojava, else ~/.local/share/dojava; or
// --state-dir):
//
//   servers/<hash of the address>/
//     server             the address, for people reading the directory
//     admin_public_key   the pinned admin key (PROTOCOL §6), base64url
//     roster_state       "version N\ndigest HEX\n": the last accepted roster
//     roster             the bytes of that roster (to verify authors offline)
//     token              the bearer token after `login` (removed by `logout`)
//     case-key-pin-<hex>  reviewers: hashes of a case's CK and NK, first open
//     seen-<hex>      reviewers: the last message of the case they read (unread marks)
//     case-order-<hex>  v2 cases: the high-water mark of §8.4 ("count N\nlast HEX\n")
//     resealed-epoch  reviewers: the encryption-key epoch every key row was sealed to (§12.4)
//
// Directories are created 0700, files 0600, every file replaced atomically
// (temporary file, fsync, rename). Nothing here is a secret except the token,
// which is read into SecretBytes.
//
// Not thread-safe; two `dojava` processes racing on one server directory
// each write whole files, so a reader sees one or the other.
#ifndef DOJAVA_CLIENT_STATE_STORE_H_
#define DOJAVA_CLIENT_STATE_STORE_H_

#include <map>
#include <optional>
#include <string>

#include "base/bytes.h"
#include "base/secret_bytes.h"
#include "base/status.h"
#include "crypto/case_order.h"
#include "crypto/primitives.h"
#include "crypto/roster_v2.h"

namespace dojava::client {

// The base directory: `override_dir` if not empty, else $XDG_DATA_HOME/dojava,
// else $HOME/.local/share/dojava. kInvalidArgument if none can be found.
Result<std::string> DefaultStateDir(const std::string& override_dir);

// What a client remembers of the last roster it accepted (PROTOCOL.md §6):
// its version and digest (`roster_state`), beside its bytes (`roster`).
struct RosterState {
  uint64_t version = 0;  // 0: none seen yet
  Bytes digest;
};

class StateStore {
 public:
  // The directory of `server_canonical` under `base` (created on first write).
  // With !write_marker (source commands) no `server` file naming the address
  // is ever written.
  static StateStore ForServer(const std::string& base, const std::string& server_canonical,
                              bool write_marker = true);
  // State kept in this process's memory only, never written to disk (source
  // commands without --state-dir: no trace of the contact on the computer).
  static StateStore InMemory();

  bool in_memory() const { return in_memory_; }

  const std::string& dir() const { return dir_; }

  // nullopt if nothing is pinned yet. kMalformed for a damaged file.
  Result<std::optional<crypto::Ed25519Public>> PinnedAdminKey() const;
  Status PinAdminKey(const crypto::Ed25519Public& key);

  // {0, {}} if no roster was accepted yet.
  Result<RosterState> LastRoster() const;
  // The signed bytes of the last accepted roster, if kept.
  Result<std::optional<Bytes>> LastRosterBytes() const;
  Status SaveRoster(const RosterState& state, ByteView signed_roster);

  // Reviewers: the keyed hashes (label "dojava/v1/cli/key-pin") of a case's
  // case key and notes key, pinned in `case-key-pin-<hex case id>` on the
  // first successful open. A later key that differs is kBadSignature (the
  // server swapped it); a notes key seen for the first time is added. An
  // empty `nk` (none, or not sealed to this reviewer) pins nothing.
  Status CheckAndPinCaseKeys(const crypto::Id& case_id, const SecretBytes& ck,
                             const SecretBytes& nk);

  // Reviewers: the highest message sequence number of a case this reviewer
  // has read (`seen-<hex case id>`, never sent to the server); 0 if never.
  // Messages after it are unread. kMalformed for a damaged file.
  Result<uint64_t> LastSeen(const crypto::Id& case_id) const;
  // Records `seq` as read (a lower value than the recorded one is ignored).
  Status MarkSeen(const crypto::Id& case_id, uint64_t seq);

  // v2 cases: the high-water mark of §8.4 (records processed and the event
  // hash of the last one); {0, zero} if never read. kMalformed if damaged.
  Result<crypto::v2::HighWaterMark> CaseOrderMark(const crypto::Id& case_id) const;
  Status SaveCaseOrderMark(const crypto::Id& case_id, const crypto::v2::HighWaterMark& mark);

  // Reviewers: the encryption-key epoch (§5.1) to which every key row of
  // this reviewer was last sealed again after a rotation; 1 if never.
  // kMalformed if damaged.
  Result<uint32_t> ResealedEpoch() const;
  Status SaveResealedEpoch(uint32_t epoch);

  Result<std::optional<SecretBytes>> Token() const;
  Status SaveToken(const SecretBytes& token);
  // OK if there was none.
  Status RemoveToken();

 private:
  StateStore(std::string dir, std::string server, bool write_marker, bool in_memory)
      : dir_(std::move(dir)),
        server_(std::move(server)),
        write_marker_(write_marker),
        in_memory_(in_memory) {}
  Status EnsureDir() const;
  Status WriteFile(const std::string& name, ByteView bytes) const;
  Result<std::optional<Bytes>> ReadFile(const std::string& name, size_t max) const;

  std::string dir_;
  std::string server_;
  bool write_marker_ = true;
  bool in_memory_ = false;
  mutable std::map<std::string, Bytes> memory_;  // in_memory_: the "files"
};

// Writes `bytes` to `path` atomically with mode 0600 (temporary file in the
// same directory, fsync, rename, directory fsync). With !overwrite an
// existing path is kAlreadyExists.
Status WriteFileAtomic(const std::string& path, ByteView bytes, bool overwrite);

}  // namespace dojava::client

#endif  // DOJAVA_CLIENT_STATE_STORE_H_
