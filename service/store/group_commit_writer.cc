#include "service/store/group_commit_writer.h"

#include <malloc.h>
#include <pthread.h>
#include <sqlite3.h>

#include <chrono>
#include <exception>
#include <utility>
#include <vector>

namespace dojava::service {
namespace {

Status RunGuarded(const GroupCommitWriter::Work& work, SqliteDb& db) {
  try {
    return work(db);
  } catch (const std::exception&) {
    return Status(Code::kInternal, "a write failed unexpectedly");
  }
}

}  // namespace

GroupCommitWriter::GroupCommitWriter(std::unique_ptr<SqliteDb> db, GroupCommitOptions options)
    : db_(std::move(db)), options_(options) {
  // Replaces SQLite's automatic checkpoint (which runs inside COMMIT, while
  // every caller of the batch waits) with MaybeCheckpoint.
  sqlite3_wal_hook(db_->raw(), &GroupCommitWriter::OnWalCommit, this);
  thread_ = std::thread([this] {
    pthread_setname_np(pthread_self(), "dojava-writer");
    Loop();
  });
}

GroupCommitWriter::~GroupCommitWriter() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  work_cv_.notify_one();
  thread_.join();
}

Status GroupCommitWriter::Submit(const Work& work, size_t payload_bytes) {
  Request request{&work, payload_bytes, false, Status::Ok(), {}};
  return Enqueue(&request);
}

Status GroupCommitWriter::RunOutsideTransaction(const Work& work) {
  Request request{&work, 0, true, Status::Ok(), {}};
  return Enqueue(&request);
}

Status GroupCommitWriter::Enqueue(Request* request) {
  std::future<void> done = request->done.get_future();
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stop_) return Status(Code::kInternal, "the store is closing");
    queue_.push_back(request);
  }
  work_cv_.notify_one();
  done.wait();
  return std::move(request->result);
}

GroupCommitStats GroupCommitWriter::stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  return stats_;
}

void GroupCommitWriter::Loop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (true) {
    WaitForWork(lock);
    if (queue_.empty()) return;  // stop_ and drained
    cache_used_ = true;
    std::deque<Request*> batch;
    if (queue_.front()->outside_transaction) {
      batch.push_back(queue_.front());
      queue_.pop_front();
    } else {
      size_t bytes = 0;
      while (!queue_.empty() && !queue_.front()->outside_transaction &&
             batch.size() < options_.max_batch_writes &&
             (batch.empty() || bytes + queue_.front()->bytes <= options_.max_batch_bytes)) {
        bytes += queue_.front()->bytes;
        batch.push_back(queue_.front());
        queue_.pop_front();
      }
    }
    lock.unlock();
    RunBatch(batch);
    lock.lock();
    for (Request* r : batch) {
      if (!r->outside_transaction && r->result.ok()) ++stats_.writes;
    }
    // Writes that arrived while this batch committed: the load is steady.
    const bool writes_waiting = !queue_.empty();
    stats_.wal_frames = wal_appended_;
    // The writer takes the promises over (and so shares their state) before
    // fulfilling any: once fulfilled, a request and its caller may be gone.
    std::vector<std::promise<void>> done;
    done.reserve(batch.size());
    for (Request* r : batch) done.push_back(std::move(r->done));
    lock.unlock();
    for (auto& d : done) d.set_value();
    done.clear();
    MaybeCheckpoint(writes_waiting);
    lock.lock();
  }
}

void GroupCommitWriter::WaitForWork(std::unique_lock<std::mutex>& lock) {
  const auto ready = [this] { return stop_ || !queue_.empty(); };
  if (cache_used_ && options_.idle_release_ms > 0 &&
      !work_cv_.wait_for(lock, std::chrono::milliseconds(options_.idle_release_ms), ready)) {
    lock.unlock();
    ReleaseIdleMemory();
    lock.lock();
  }
  work_cv_.wait(lock, ready);
}

// An upload's pages fill the write connection's page cache (kPageCacheKiB)
// and stay there: without this, a server that took one large attachment
// keeps that much more memory for good. The next write reads the few pages
// it needs again (from the OS's cache, decrypted by SQLCipher).
void GroupCommitWriter::ReleaseIdleMemory() {
  cache_used_ = false;
  sqlite3_db_release_memory(db_->raw());
  // The cache's pages were freed into this thread's malloc arena, in the
  // middle of it: only malloc_trim() gives them back to the system.
  malloc_trim(0);
}

int GroupCommitWriter::OnWalCommit(void* self, sqlite3*, const char*, int frames) {
  auto* writer = static_cast<GroupCommitWriter*>(self);
  const size_t now = frames > 0 ? static_cast<size_t>(frames) : 0;
  // A smaller WAL than at the last commit: it was restarted from the top.
  writer->wal_appended_ += now >= writer->wal_mx_frame_ ? now - writer->wal_mx_frame_ : now;
  writer->wal_mx_frame_ = now;
  writer->wal_frames_ = now;
  return SQLITE_OK;
}

void GroupCommitWriter::MaybeCheckpoint(bool writes_waiting) {
  if (wal_frames_ < options_.idle_checkpoint_frames) return;
  if (writes_waiting && wal_frames_ < options_.busy_checkpoint_frames) return;
  // Best effort, as SQLite's automatic checkpoint: a failure (another
  // process checkpointing) leaves the pages in the WAL for the next one.
  const int rc =
      sqlite3_wal_checkpoint_v2(db_->raw(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  wal_frames_ = 0;  // the next commit reports the WAL's size again
  if (rc == SQLITE_OK) {
    std::lock_guard<std::mutex> lock(mu_);
    ++stats_.checkpoints;
  }
}

void GroupCommitWriter::RunBatch(std::deque<Request*>& batch) {
  SqliteDb& db = *db_;
  if (batch.front()->outside_transaction) {
    batch.front()->result = RunGuarded(*batch.front()->work, db);
    return;
  }
  Status failed = db.Run("BEGIN IMMEDIATE");
  size_t ran = 0;
  for (; ran < batch.size() && failed.ok(); ++ran) {
    Request* r = batch[ran];
    Status s = db.Run("SAVEPOINT w");
    if (s.ok()) {
      r->result = RunGuarded(*r->work, db);
      if (sqlite3_get_autocommit(db.raw()) != 0) {
        // SQLite rolled the whole transaction back (disk full, I/O error):
        // the writes before this one are gone too.
        failed =
            r->result.ok() ? Status(Code::kIoError, "the transaction was rolled back") : r->result;
        break;
      }
      s = r->result.ok() ? Status::Ok() : db.Run("ROLLBACK TO w");
      if (s.ok()) s = db.Run("RELEASE w");
    }
    if (!s.ok()) failed = s;
  }
  if (failed.ok()) failed = db.Run("COMMIT");
  if (!failed.ok()) {
    if (sqlite3_get_autocommit(db.raw()) == 0) (void)db.Exec("ROLLBACK");
    for (Request* r : batch) {
      if (r->result.ok()) {
        r->result = Status(failed.code(), "the write was not committed: " + failed.message());
      }
    }
    return;
  }
  std::lock_guard<std::mutex> lock(mu_);
  ++stats_.commits;
}

}  // namespace dojava::service
