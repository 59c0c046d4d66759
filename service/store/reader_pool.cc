#include "service/store/reader_pool.h"

#include <sqlite3.h>

#include <exception>
#include <utility>

namespace dojava::service {

ReaderPool::ReaderPool(std::string path, SecretBytes key, size_t max_idle)
    : path_(std::move(path)), key_(std::move(key)), max_idle_(max_idle) {}

Result<std::unique_ptr<SqliteDb>> ReaderPool::Acquire() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      auto db = std::move(idle_.back());
      idle_.pop_back();
      return db;
    }
  }
  DOJAVA_ASSIGN_OR_RETURN(auto db, SqliteDb::Open(path_, key_, SqliteDb::Mode::kReadOnly));
  DOJAVA_RETURN_IF_ERROR(db->Exec("PRAGMA query_only = ON"));
  return db;
}

void ReaderPool::Release(std::unique_ptr<SqliteDb> db) {
  std::lock_guard<std::mutex> lock(mu_);
  if (idle_.size() < max_idle_) idle_.push_back(std::move(db));
}

Status ReaderPool::Read(const std::function<Status(SqliteDb&)>& fn) {
  DOJAVA_ASSIGN_OR_RETURN(auto db, Acquire());
  Status s = db->Exec("BEGIN");
  if (s.ok()) {
    try {
      s = fn(*db);
    } catch (const std::exception&) {
      s = Status(Code::kInternal, "a read failed unexpectedly");
    }
    const Status end = db->Exec("COMMIT");
    if (s.ok()) s = end;
  }
  if (sqlite3_get_autocommit(db->raw()) == 0) (void)db->Exec("ROLLBACK");
  if (s.ok() || s.code() == Code::kNotFound || s.code() == Code::kInvalidArgument) {
    Release(std::move(db));
  }
  return s;
}

}  // namespace dojava::service
