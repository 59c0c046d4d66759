// GroupCommitWriter: the store's single writer. One thread owns the write
// connection; concurrent callers' writes are grouped into one transaction
// (group commit), so one fsync covers many writes.
//
// Contract: Submit() returns only after the transaction that holds the write
// has committed durably (WAL + synchronous=FULL: COMMIT returns after the WAL
// is fsynced), or with the error that prevented it. Each write runs in its own
// SAVEPOINT: a write that fails is rolled back alone and the others of its
// batch still commit. If the batch's transaction fails as a whole (commit
// error, disk full, automatic rollback), every write of the batch gets an
// error: nothing is acknowledged that is not on disk.
//
// Thread safety: Submit/RunOutsideTransaction may be called from any thread.
// The destructor finishes every queued write, then stops the thread.
#ifndef DOJAVA_SERVICE_STORE_GROUP_COMMIT_WRITER_H_
#define DOJAVA_SERVICE_STORE_GROUP_COMMIT_WRITER_H_

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>

#include "base/config_keys.h"
#include "base/status.h"
#include "service/store/sqlite_db.h"

namespace dojava::service {

struct GroupCommitOptions {
  // Most writes in one transaction; 1 means one transaction per write.
  size_t max_batch_writes = 256;
  // Most payload bytes in one transaction (bounds the page cache and WAL
  // growth of one commit when many chunks arrive together).
  size_t max_batch_bytes = 16 * 1024 * 1024;
  // WAL checkpoints (copying committed pages into the database file) are the
  // writer's, not SQLite's automatic one inside COMMIT: they run after the
  // batch's callers have their answers, once the WAL holds at least
  // idle_checkpoint_frames pages (SQLite's own default) and no write is
  // waiting, or once it holds busy_checkpoint_frames pages whatever waits
  // (the WAL stays bounded under a steady load: ~33 MiB at 4 KiB pages, under
  // kJournalSizeLimitBytes). A checkpoint is PASSIVE: it never waits for
  // readers.
  size_t idle_checkpoint_frames = 1000;
  size_t busy_checkpoint_frames = 8192;
  // Once no write has come for this long, the write connection's page cache
  // (up to kPageCacheKiB, filled by a large upload's pages) is given back
  // and the freed heap returned to the system (malloc_trim). 0: never.
  int idle_release_ms = 1000;

  // The batch limits as config keys (the instance config names them
  // `store.group_commit_*`).
  static const config::KeyTable<GroupCommitOptions>& Keys();
};

inline const config::KeyTable<GroupCommitOptions>& GroupCommitOptions::Keys() {
  static const config::KeyTable<GroupCommitOptions> keys =
      std::move(config::KeyTable<GroupCommitOptions>()
                    .Int("max_writes", &GroupCommitOptions::max_batch_writes, 1, 100'000,
                         "most writes grouped in one transaction (1: one transaction per write)")
                    .Int("max_bytes", &GroupCommitOptions::max_batch_bytes, 1 << 20, 1u << 30,
                         "most payload bytes in one transaction"));
  return keys;
}

struct GroupCommitStats {
  uint64_t commits = 0;      // transactions committed
  uint64_t writes = 0;       // writes acknowledged as committed
  uint64_t checkpoints = 0;  // WAL checkpoints run by the writer
  uint64_t wal_frames = 0;   // pages appended to the WAL by commits
};

class GroupCommitWriter {
 public:
  using Work = std::function<Status(SqliteDb&)>;

  GroupCommitWriter(std::unique_ptr<SqliteDb> db, GroupCommitOptions options);
  ~GroupCommitWriter();
  GroupCommitWriter(const GroupCommitWriter&) = delete;
  GroupCommitWriter& operator=(const GroupCommitWriter&) = delete;

  // Runs work on the write connection inside the next batch's transaction.
  // payload_bytes is the size the write adds (for max_batch_bytes).
  Status Submit(const Work& work, size_t payload_bytes);
  // Runs work on the write connection between transactions (checkpoints,
  // maintenance). Returns its Status.
  Status RunOutsideTransaction(const Work& work);

  GroupCommitStats stats() const;

 private:
  // One caller's write. The writer fills result, then fulfils done: only
  // that caller wakes (a broadcast to every waiting caller after each commit
  // cost 64 context switches per commit with 64 writers). The promise's
  // shared state keeps the wake-up safe when the caller returns at once.
  struct Request {
    const Work* work;
    size_t bytes;
    bool outside_transaction;
    Status result;
    std::promise<void> done;
  };

  Status Enqueue(Request* request);
  void Loop();
  void RunBatch(std::deque<Request*>& batch);
  // SQLite's WAL hook: records the WAL's size after each commit.
  static int OnWalCommit(void* self, sqlite3* db, const char* name, int frames);
  // A PASSIVE checkpoint when the WAL is large enough (see
  // GroupCommitOptions); writes_waiting: a write is queued.
  void MaybeCheckpoint(bool writes_waiting);
  // Waits for work; after idle_release_ms without any, releases the page
  // cache once (ReleaseIdleMemory). Returns with mu_ held (in `lock`).
  void WaitForWork(std::unique_lock<std::mutex>& lock);
  void ReleaseIdleMemory();

  std::unique_ptr<SqliteDb> db_;  // used by thread_ only
  size_t wal_frames_ = 0;         // pages in the WAL (0 after a checkpoint); thread_ only
  size_t wal_mx_frame_ = 0;       // the WAL's size at the last commit; thread_ only
  uint64_t wal_appended_ = 0;     // pages appended by all commits; thread_ only
  bool cache_used_ = false;       // a batch ran since the last ReleaseIdleMemory; thread_ only
  const GroupCommitOptions options_;

  mutable std::mutex mu_;
  std::condition_variable work_cv_;  // queue_ not empty, or stop_
  std::deque<Request*> queue_;       // GUARDED_BY(mu_)
  bool stop_ = false;                // GUARDED_BY(mu_)
  GroupCommitStats stats_;           // GUARDED_BY(mu_)
  std::thread thread_;
};

}  // namespace dojava::service

#endif  // DOJAVA_SERVICE_STORE_GROUP_COMMIT_WRITER_H_
