// ReaderPool: read-only connections for concurrent reads (WAL lets readers
// run beside the writer). Connections are opened on demand and at most
// max_idle are kept. Each Read() runs inside one read transaction, so it sees
// one consistent snapshot of committed data.
//
// Thread safety: Read() may be called from any thread.
#ifndef DOJAVA_SERVICE_STORE_READER_POOL_H_
#define DOJAVA_SERVICE_STORE_READER_POOL_H_

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "base/secret_bytes.h"
#include "base/status.h"
#include "service/store/sqlite_db.h"

namespace dojava::service {

class ReaderPool {
 public:
  ReaderPool(std::string path, SecretBytes key, size_t max_idle);

  Status Read(const std::function<Status(SqliteDb&)>& fn);

 private:
  Result<std::unique_ptr<SqliteDb>> Acquire();
  void Release(std::unique_ptr<SqliteDb> db);

  const std::string path_;
  const SecretBytes key_;  // to open more connections
  const size_t max_idle_;
  std::mutex mu_;
  std::vector<std::unique_ptr<SqliteDb>> idle_;  // GUARDED_BY(mu_)
};

}  // namespace dojava::service

#endif  // DOJAVA_SERVICE_STORE_READER_POOL_H_
