// SqlcipherStore: the Store on one SQLCipher 4 database file
// (service/store/STORE.md has the schema, the pragmas and the durability argument).
//
// Writes go through one GroupCommitWriter; reads through a ReaderPool of
// read-only connections. Rows are inserted with random rowids so their order
// on disk does not record arrival order across the instance.
//
// Ownership: the store keeps a copy of the key (wiped on destruction) to open
// reader connections, and shares ownership of the clock.
// Thread safety: every method may be called concurrently.
#ifndef DOJAVA_SERVICE_STORE_SQLCIPHER_STORE_H_
#define DOJAVA_SERVICE_STORE_SQLCIPHER_STORE_H_

#include <atomic>
#include <memory>
#include <string>

#include "base/secret_bytes.h"
#include "service/store/clock.h"
#include "service/store/group_commit_writer.h"
#include "service/store/reader_pool.h"
#include "service/store/schema_migrations.h"
#include "service/store/store.h"

namespace dojava::service {

// The database file inside an instance's data directory.
inline constexpr const char* kDatabaseFileName = "dojava.db";

struct StoreOptions {
  // Uploads are refused while accepting them would leave less free space than
  // this on the database's file system.
  uint64_t disk_reserve_bytes = 1024ull * 1024 * 1024;
  // Most messages one case may hold.
  uint64_t max_messages_per_case = 10'000;
  // Most cases one ListCasesChangedSince call returns.
  size_t max_list_cases = 1'000;
  GroupCommitOptions group_commit;
  // Idle read connections kept open.
  size_t max_idle_readers = 4;
  // Schema version to migrate to. Only tests set a lower one, to build
  // databases of earlier versions.
  int schema_version = SchemaMigrations::kLatestVersion;

  // The `store.*` keys (the instance config adds the prefix).
  static const config::KeyTable<StoreOptions>& Keys();
};

inline const config::KeyTable<StoreOptions>& StoreOptions::Keys() {
  static const config::KeyTable<StoreOptions> keys = std::move(
      config::KeyTable<StoreOptions>()
          .Int("disk_reserve_bytes", &StoreOptions::disk_reserve_bytes, 0, uint64_t{1} << 50,
               "uploads are refused (507) when they would leave less free disk")
          .Int("max_messages_per_case", &StoreOptions::max_messages_per_case, 1, 10'000'000,
               "most messages one case may hold")
          .Int("max_idle_readers", &StoreOptions::max_idle_readers, 1, 1024,
               "idle read-only database connections kept open")
          .Add("group_commit_", &StoreOptions::group_commit, GroupCommitOptions::Keys()));
  return keys;
}

class SqlcipherStore final : public Store {
 public:
  // Creates a new database at path (kAlreadyExists if the path exists).
  static Result<std::unique_ptr<SqlcipherStore>> Create(const std::string& path,
                                                        const SecretBytes& key,
                                                        std::shared_ptr<const Clock> clock,
                                                        const StoreOptions& options = {});
  // Opens an existing database and migrates it to options.schema_version.
  // Wrong key: kPermissionDenied "the database key does not match this
  // database", and the file is untouched. Missing file: kNotFound.
  static Result<std::unique_ptr<SqlcipherStore>> Open(const std::string& path,
                                                      const SecretBytes& key,
                                                      std::shared_ptr<const Clock> clock,
                                                      const StoreOptions& options = {});
  ~SqlcipherStore() override;

  Status PutSettings(const Settings& settings) override;
  Result<Settings> GetSettings() override;
  Status PutRoster(const Roster& roster) override;
  Result<Roster> GetRoster() override;
  Result<std::vector<Roster>> ListRosters(uint64_t after_version, size_t limit) override;
  // The store's day: the clock's, but never earlier than a day the store has
  // already used or written (latest_day_). A clock that goes backwards (a bad
  // RTC, a wrong NTP answer) then stamps nothing in the past and shortens no
  // retention: a case touched "on an earlier day" would otherwise be purged
  // early once the clock is right again. Thread-safe.
  Day Today() override;
  Status CreateCase(const NewCase& new_case) override;
  Result<CaseInfo> GetCase(const Id& case_id) override;
  Result<CaseInfo> FindCaseByLookupHash(const LookupHash& hash) override;
  Result<std::vector<CaseInfo>> ListCasesChangedSince(Day since,
                                                      const std::optional<CaseCursor>& after,
                                                      size_t limit) override;
  Status DeleteCase(const Id& case_id) override;
  Result<uint64_t> AppendMessage(const Id& case_id, const Bytes& record,
                                 const std::vector<Id>& attachments) override;
  Result<std::vector<Message>> ListMessages(const Id& case_id, uint64_t after_seq, size_t max_count,
                                            size_t max_bytes) override;
  Status AddSealedKeys(const Id& case_id, const std::vector<SealedKey>& keys,
                       const std::optional<Bytes>& genesis) override;
  Result<std::vector<SealedKey>> GetSealedKeys(const Id& case_id) override;
  Status PutAnchor(const Id& case_id, ByteView anchor_envelope) override;
  Result<uint32_t> AddRekey(const Id& case_id, ByteView statement,
                            const std::vector<SealedKey>& keys,
                            const std::optional<Bytes>& genesis) override;
  Status ReplaceSealedKeys(const Id& case_id, const std::vector<SealedKey>& keys) override;
  Result<CaseStatements> GetCaseStatements(const Id& case_id) override;
  Status CreateUpload(const Id& file_id, uint32_t chunk_count,
                      const std::optional<Id>& case_id) override;
  Status PutChunk(const Id& file_id, uint32_t index, ByteView record) override;
  Result<UploadStatus> GetUploadStatus(const Id& file_id) override;
  Result<Bytes> GetChunk(const Id& case_id, const Id& file_id, uint32_t index) override;
  Result<PurgeReport> Purge() override;

  GroupCommitStats writer_stats() const { return writer_->stats(); }
  const std::string& path() const { return path_; }

 private:
  SqlcipherStore(std::string path, std::shared_ptr<const Clock> clock, StoreOptions options,
                 std::unique_ptr<GroupCommitWriter> writer, std::unique_ptr<ReaderPool> readers,
                 Day latest_day);
  static Result<std::unique_ptr<SqlcipherStore>> Finish(std::unique_ptr<SqliteDb> db,
                                                        const std::string& path,
                                                        const SecretBytes& key,
                                                        std::shared_ptr<const Clock> clock,
                                                        const StoreOptions& options);
  // kResourceExhausted if writing `bytes` would leave less than the reserve.
  Status CheckDiskReserve(uint64_t bytes) const;
  // Rewrites the WAL into the database and truncates it, so old page images
  // of deleted rows do not linger in the -wal file. Best effort.
  void CheckpointAndTruncate();
  const std::string path_;
  const std::shared_ptr<const Clock> clock_;
  const StoreOptions options_;
  std::unique_ptr<GroupCommitWriter> writer_;
  std::unique_ptr<ReaderPool> readers_;
  std::atomic<Day> latest_day_{0};
};

}  // namespace dojava::service

#endif  // DOJAVA_SERVICE_STORE_SQLCIPHER_STORE_H_
