// SqliteDb: one SQLCipher connection, keyed, checked and configured (internal
// to the store library).
//
// Open() refuses to run unless (1) the linked library is SQLCipher
// (PRAGMA cipher_version answers), (2) an existing file does not start with
// the plaintext header "SQLite format 3", and (3) the key decrypts it; a wrong
// key is kPermissionDenied "the database key does not match this database"
// and nothing is written. kCreate refuses an existing file, so a new empty
// database is never created over an old one.
//
// Not thread-safe: one thread at a time uses a connection.
#ifndef DOJAVA_SERVICE_STORE_SQLITE_DB_H_
#define DOJAVA_SERVICE_STORE_SQLITE_DB_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/secret_bytes.h"
#include "base/status.h"
#include "service/store/sqlite_statement.h"

struct sqlite3;

namespace dojava::service {

inline constexpr std::string_view kWrongKeyMessage =
    "the database key does not match this database";
// How long a connection waits for another process's lock (e.g. `dojavad
// purge` while the server runs) before failing with kIoError.
inline constexpr int kBusyTimeoutMs = 10'000;
// How long the writer waits for readers before giving up a WAL truncation.
inline constexpr int kCheckpointBusyTimeoutMs = 200;
// The WAL file is truncated to at most this after a checkpoint.
inline constexpr int64_t kJournalSizeLimitBytes = 64 * 1024 * 1024;
// Prepared statements kept per connection.
inline constexpr size_t kStatementCacheSize = 64;
// Page cache per connection, in KiB (SQLite's default is 2000 KiB).
inline constexpr int64_t kPageCacheKiB = 8 * 1024;

class SqliteDb {
 public:
  enum class Mode {
    kCreate,     // new file; fails if the path exists
    kReadWrite,  // existing file
    kReadOnly,   // existing file, no writes (backup source, check)
  };

  static Result<std::unique_ptr<SqliteDb>> Open(const std::string& path, const SecretBytes& key,
                                                Mode mode);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  // Runs one or more statements without parameters.
  Status Exec(std::string_view sql);
  // Runs one statement without parameters through the statement cache: for
  // the statements of every write (BEGIN, SAVEPOINT, RELEASE, COMMIT), which
  // Exec would compile each time.
  Status Run(std::string_view sql);
  // A prepared statement for sql. Statements are cached per connection (up
  // to kStatementCacheSize): preparing is a large part of a small write's
  // cost. If the cached one is in use, a fresh one is prepared.
  Result<SqliteStatement> Prepare(std::string_view sql);
  // The first column of the first row as an integer (kInternal if no row).
  Result<int64_t> QueryInt(std::string_view sql);
  // Every row of a one-text-column query (PRAGMA integrity_check...).
  Result<std::vector<std::string>> QueryTexts(std::string_view sql);

  // Maps a SQLite result code to a Status that carries no data:
  // NOTADB -> kPermissionDenied (wrong key), FULL / ENOSPC / EFBIG ->
  // kResourceExhausted, UNIQUE -> kAlreadyExists, FOREIGNKEY -> kNotFound,
  // CHECK -> kInvalidArgument, anything else -> kIoError.
  Status MapError(int rc, std::string_view what) const { return MapError(db_, rc, what); }
  static Status MapError(sqlite3* db, int rc, std::string_view what);

  sqlite3* raw() const { return db_; }
  const std::string& path() const { return path_; }

 private:
  SqliteDb(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  Status Configure(Mode mode);

  struct CachedStatement {
    sqlite3_stmt* stmt = nullptr;
    bool in_use = false;
  };

  sqlite3* db_;
  std::string path_;
  // Node-based: the addresses of in_use flags stay valid.
  std::unordered_map<std::string, CachedStatement> cache_;
};

}  // namespace dojava::service

#endif  // DOJAVA_SERVICE_STORE_SQLITE_DB_H_
