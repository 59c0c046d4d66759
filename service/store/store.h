// Store: the one storage interface of dojavad. The HTTP layer talks to this
// interface only, so a replicated store can replace SQLCipher later
// (service/store/STORE.md). The SQLCipher implementation is SqlcipherStore.
//
// What is stored is exactly the list of service/store/STORE.md ("What is
// stored"): random ids, hashes, public keys, sealed keys, ciphertext and days.
// Nothing here accepts an address, a time of day, a name or plaintext.
//
// Contract common to every method:
// - Errors are values. Codes used: kInvalidArgument (a length, count or range
//   is wrong), kNotFound (unknown case, upload, chunk, or instance not
//   initialised), kAlreadyExists (duplicate id / conflicting bytes),
//   kRollback (roster version not newer), kResourceExhausted (the disk is
//   full, or an upload would leave less than the configured reserve: only
//   ever about disk space), kLimitReached (a configured count is reached: a
//   case's messages or keys, a file's chunks), kIoError / kInternal.
//   Messages never contain request data.
// - A write method returns only after the transaction holding its write is
//   durable on disk (WAL, synchronous=FULL). A failed write changed nothing.
// - Thread safety: every method may be called from any number of threads at
//   once.
// - Days are days since the Unix epoch (UTC), from the store's Clock.
#ifndef DOJAVA_SERVICE_STORE_STORE_H_
#define DOJAVA_SERVICE_STORE_STORE_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "base/bytes.h"
#include "base/config_keys.h"
#include "base/status.h"
#include "crypto/protocol_constants.h"

namespace dojava::service {

using Day = int64_t;  // days since 1970-01-01 (UTC)
using Id = std::array<uint8_t, protocol::kIdSize>;
inline constexpr size_t kLookupHashSize =
    32;  // a hash of the receipt's lookup key (PROTOCOL.md §4)
using LookupHash = std::array<uint8_t, kLookupHashSize>;
using PublicKey = std::array<uint8_t, protocol::kX25519Size>;
using SealedKeyBytes = std::array<uint8_t, protocol::kSealedKeySize>;

// Smallest and largest message record (PROTOCOL.md §8): header, smallest
// padding bucket, tag .. header, largest bucket, tag. The API checks the
// header itself.
inline constexpr size_t kMinMessageRecordSize =
    protocol::kMessageHeaderSizeV2 + protocol::kMinPaddedSize + protocol::kAeadTagSize;
inline constexpr size_t kMaxMessageRecordSize = protocol::kMaxMessageRecordSizeV2;
// The signed case statements kept for readers (PROTOCOL.md §7.2, §7.3, §8.5),
// each only as its statement envelope (§7.4): these are the envelopes' sizes.
inline constexpr size_t kMinGenesisEnvelopeSize = protocol::EnvelopeSize(protocol::kMinGenesisSize);
inline constexpr size_t kMaxGenesisEnvelopeSize = protocol::EnvelopeSize(protocol::kMaxGenesisSize);
inline constexpr size_t kAnchorEnvelopeSize = protocol::EnvelopeSize(protocol::kCkAnchorSize);
inline constexpr size_t kRekeyEnvelopeSize = protocol::EnvelopeSize(protocol::kRekeySize);
// Re-keys of one case (each adds a generation of CK rows).
inline constexpr uint32_t kMaxRekeysPerCase = 64;
// Rosters of the history in one ListRosters answer at most.
inline constexpr size_t kMaxRostersPerList = 64;
// A signed roster of kRosterMaxReviewers entries fits well under this.
inline constexpr size_t kMaxRosterBytes = 1024 * 1024;
// Sealed keys per case: CK and NK for every reviewer on a full roster + the source's CK.
inline constexpr size_t kMaxSealedKeysPerCase = 2 * protocol::kRosterMaxReviewers + 1;
// Attachments bound by one create-case or append-message call.
inline constexpr size_t kMaxAttachmentsPerMessage = 64;

// Instance settings: written by `dojavad init`, read by everyone.
struct Settings {
  Id instance_id{};
  std::array<uint8_t, protocol::kSaltSize> salt{};
  std::array<uint8_t, protocol::kEd25519PublicSize> admin_public_key{};
  // Retention: a case expires retention_days after its last activity, plus a
  // uniformly random 0..retention_spread_days so expiry does not date activity.
  int64_t retention_days = 90;
  int64_t retention_spread_days = 7;
  // An unfinished upload is purged once more than upload_ttl_days whole days
  // have passed since the day it was created (so it lives at least 24 h).
  int64_t upload_ttl_days = 1;
  // Attachment size cap in chunks: 4096 x 512 KiB = 2 GiB (service/CONFIG.md).
  int64_t max_chunks_per_file = 4096;

  bool operator==(const Settings&) const = default;

  // The four retention fields as config keys (the instance config's
  // `retention_days`, ... keys; `serve` writes them into the database).
  static const config::KeyTable<Settings>& RetentionKeys();
};
// Allowed ranges, checked by PutSettings.
inline constexpr int64_t kMaxRetentionDays = 3650;
inline constexpr int64_t kMaxRetentionSpreadDays = 60;
inline constexpr int64_t kMaxUploadTtlDays = 30;

inline const config::KeyTable<Settings>& Settings::RetentionKeys() {
  static const config::KeyTable<Settings> keys = std::move(
      config::KeyTable<Settings>()
          .Int("retention_days", &Settings::retention_days, 1, kMaxRetentionDays,
               "a case is deleted this many days after its last activity")
          .Int("retention_spread_days", &Settings::retention_spread_days, 0,
               kMaxRetentionSpreadDays,
               "plus a random 0..this many days, so the expiry does not date the activity")
          .Int("upload_ttl_days", &Settings::upload_ttl_days, 1, kMaxUploadTtlDays,
               "an upload never bound to a case is deleted after this many whole days")
          .Int("max_chunks_per_file", &Settings::max_chunks_per_file, 1,
               protocol::kMaxChunksPerFile,
               "attachment size cap in 512 KiB chunks (4096 = 2 GiB)"));
  return keys;
}

struct Roster {
  uint64_t version = 0;
  Bytes signed_bytes;  // admin-signed roster, opaque to the store
  // PutRoster only: when set, the sealed keys of every reviewer id not in
  // this list are deleted in the same transaction (PROTOCOL.md §12.4: the
  // reviewers that are not active on the new roster lose their key rows).
  std::optional<std::vector<Id>> active_reviewers;
};

enum class Role : uint8_t {
  kCaseKey = protocol::kRoleCaseKey,
  kNotesKey = protocol::kRoleNotesKey
};

// One sealed CK or NK. reviewer == nullopt means "the source"; the source
// only ever receives a CK. generation: 0 for the case's first CK and its NK;
// g >= 1 for the CK of the g-th re-key (reviewers and role CK only).
struct SealedKey {
  std::optional<Id> reviewer;
  Role role = Role::kCaseKey;
  SealedKeyBytes sealed{};
  uint32_t generation = 0;

  bool operator==(const SealedKey&) const = default;
};

struct NewCase {
  Id case_id{};  // chosen by the client (random)
  LookupHash lookup_hash{};
  PublicKey source_public_key{};
  // Must contain exactly one CK for the source; at most one key per
  // (recipient, role); at most kMaxSealedKeysPerCase.
  std::vector<SealedKey> keys;
  Bytes first_message;          // message record, becomes sequence number 1
  std::vector<Id> attachments;  // finished uploads to bind to the case
};

struct CaseInfo {
  Id case_id{};
  PublicKey source_public_key{};
  Day created_day = 0;
  Day last_activity_day = 0;
  Day expiry_day = 0;
};

struct Message {
  uint64_t seq = 0;
  Day day = 0;
  Bytes record;
};

// Position in the list of changed cases, for paging.
struct CaseCursor {
  Day last_activity_day = 0;
  Id case_id{};
};

// The statement envelopes of a case (PROTOCOL.md §7.4; opaque to the store,
// which holds no reviewer id for them: the API verified the clear statements
// and checked the envelopes' version, type and length before storing them).
struct CaseStatements {
  std::vector<Bytes> geneses;  // notes-key genesis envelopes (§7.2, one per CK), by their bytes
  std::vector<Bytes> anchors;  // case-key anchor envelopes (§8.5), by their bytes
  std::vector<std::pair<uint32_t, Bytes>> rekeys;  // (generation, re-key envelope), ascending
};

struct UploadStatus {
  uint32_t chunk_count = 0;
  std::vector<uint32_t> missing;  // ascending chunk indexes not yet stored
};

struct PurgeReport {
  uint64_t cases_deleted = 0;
  uint64_t uploads_deleted = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // --- settings and roster -------------------------------------------------
  // Writes the settings. The first call sets the identity (instance id, salt,
  // admin key); later calls may change limits and retention only: a different
  // identity is kAlreadyExists. Out-of-range limits: kInvalidArgument.
  virtual Status PutSettings(const Settings& settings) = 0;
  // kNotFound before `dojavad init`.
  virtual Result<Settings> GetSettings() = 0;

  // Stores the signed roster if its version is higher than the stored one.
  // The same version with the same bytes is a no-op (retries are safe); the
  // same version with other bytes is kAlreadyExists; a lower one kRollback.
  // The store does not verify the signature: the caller must have.
  // Every roster stored is also kept in the roster history. When
  // roster.active_reviewers is set, the key rows of reviewers not in it are
  // deleted in the same transaction.
  virtual Status PutRoster(const Roster& roster) = 0;
  virtual Result<Roster> GetRoster() = 0;  // kNotFound if none yet
  // Rosters of the history with version > after_version, ascending, at most
  // `limit` (1..kMaxRostersPerList) of them.
  virtual Result<std::vector<Roster>> ListRosters(uint64_t after_version, size_t limit) = 0;
  // The store's day (the clock's, never before a day already stored).
  virtual Day Today() = 0;

  // --- cases ---------------------------------------------------------------
  // Creates the case with its sealed keys, first message (seq 1) and bound
  // attachments, in one transaction. Duplicate case id or lookup hash:
  // kAlreadyExists. Unknown or unfinished attachment: kNotFound /
  // kInvalidArgument. Nothing is written on any failure.
  virtual Status CreateCase(const NewCase& new_case) = 0;
  virtual Result<CaseInfo> GetCase(const Id& case_id) = 0;
  virtual Result<CaseInfo> FindCaseByLookupHash(const LookupHash& hash) = 0;
  // Cases whose last activity day is >= since, ordered by (day, id), at most
  // limit of them, starting after `after` if given.
  virtual Result<std::vector<CaseInfo>> ListCasesChangedSince(
      Day since, const std::optional<CaseCursor>& after, size_t limit) = 0;
  // Deletes the case, its keys, messages, uploads and chunks; reclaims space.
  virtual Status DeleteCase(const Id& case_id) = 0;

  // Appends a message record and binds attachments; returns its sequence
  // number (1, 2, ...). Updates the case's last activity and expiry.
  virtual Result<uint64_t> AppendMessage(const Id& case_id, const Bytes& record,
                                         const std::vector<Id>& attachments) = 0;
  // Messages with seq > after_seq, ascending, at most max_count and at most
  // about max_bytes of records (always at least one if any).
  virtual Result<std::vector<Message>> ListMessages(const Id& case_id, uint64_t after_seq,
                                                    size_t max_count, size_t max_bytes) = 0;

  // Adds sealed keys (a grant), and a notes-key genesis envelope
  // (kMin..kMaxGenesisEnvelopeSize bytes) if given. A
  // key equal to a stored one is a no-op; a different key for a (recipient,
  // role, generation) that already has one is kAlreadyExists (so a notes key,
  // once set, is never replaced); a generation above the case's last re-key
  // is kInvalidArgument. A case holds one genesis per CK, keyed by the CK
  // commitment in the envelope's header: the same envelope again is a
  // no-op, another one with that commitment kAlreadyExists. All or none.
  virtual Status AddSealedKeys(const Id& case_id, const std::vector<SealedKey>& keys,
                               const std::optional<Bytes>& genesis) = 0;
  virtual Result<std::vector<SealedKey>> GetSealedKeys(const Id& case_id) = 0;
  // Stores a case-key anchor envelope (kAnchorEnvelopeSize bytes). The same
  // bytes again: no-op. A case holds at most as many anchors as reviewers
  // with a case-key row of it (any generation): one more is kAlreadyExists.
  virtual Status PutAnchor(const Id& case_id, ByteView anchor_envelope) = 0;
  // Stores a re-key envelope (kRekeyEnvelopeSize bytes) as the next generation with
  // its keys (reviewers: CK' and, with `genesis`, NK'; their generation is
  // set here) and the genesis of NK' (as AddSealedKeys; notes keys without
  // a genesis, or a genesis without them, kInvalidArgument), in one
  // transaction. Returns the generation. kLimitReached past
  // kMaxRekeysPerCase.
  virtual Result<uint32_t> AddRekey(const Id& case_id, ByteView statement,
                                    const std::vector<SealedKey>& keys,
                                    const std::optional<Bytes>& genesis) = 0;
  // Replaces stored keys in place (a reviewer's keys sealed again to its
  // rotated encryption key, PROTOCOL.md §12.4): each key's (recipient, role,
  // generation) must have a row (kNotFound otherwise). All or none.
  virtual Status ReplaceSealedKeys(const Id& case_id, const std::vector<SealedKey>& keys) = 0;
  // The case's geneses, anchors and re-keys (kNotFound for an unknown case).
  virtual Result<CaseStatements> GetCaseStatements(const Id& case_id) = 0;

  // --- attachments -------------------------------------------------------
  // Starts an upload of chunk_count chunks (1..max_chunks_per_file; more:
  // kLimitReached), unbound
  // or bound to an existing case. Repeating the same call is a no-op; the
  // same file id with other parameters is kAlreadyExists. Refused with
  // kResourceExhausted when the whole file would take free disk space under
  // the configured reserve.
  virtual Status CreateUpload(const Id& file_id, uint32_t chunk_count,
                              const std::optional<Id>& case_id) = 0;
  // Stores chunk `index` (exactly protocol::kChunkRecordSize bytes) of an
  // unfinished upload. The same bytes again: no-op; other bytes: kAlreadyExists.
  virtual Status PutChunk(const Id& file_id, uint32_t index, ByteView record) = 0;
  virtual Result<UploadStatus> GetUploadStatus(const Id& file_id) = 0;
  // Chunk of a finished file bound to case_id by CreateCase/AppendMessage
  // (kNotFound otherwise, also while its upload is unfinished).
  virtual Result<Bytes> GetChunk(const Id& case_id, const Id& file_id, uint32_t index) = 0;

  // --- retention ---------------------------------------------------------
  // Deletes expired cases (expiry day before today) and unfinished uploads
  // older than the upload TTL, then reclaims the space.
  virtual Result<PurgeReport> Purge() = 0;
};

}  // namespace dojava::service

#endif  // DOJAVA_SERVICE_STORE_STORE_H_
