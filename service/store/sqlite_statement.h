// SqliteStatement: RAII owner of one prepared statement (internal to the
// store library; the HTTP layer never sees SQL).
//
// Bind* take 1-based parameter indexes. Blobs are bound SQLITE_STATIC: the
// caller keeps the bytes alive until the statement is reset or destroyed.
// Not thread-safe; used by the thread that owns the connection.
#ifndef DOJAVA_SERVICE_STORE_SQLITE_STATEMENT_H_
#define DOJAVA_SERVICE_STORE_SQLITE_STATEMENT_H_

#include <cstdint>
#include <string>

#include "base/bytes.h"
#include "base/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace dojava::service {

class SqliteStatement {
 public:
  // Owns stmt (finalized on destruction), or, with in_use != nullptr,
  // borrows it from SqliteDb's statement cache: destruction then resets it,
  // clears its bindings and clears *in_use.
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt, bool* in_use = nullptr)
      : db_(db), stmt_(stmt), in_use_(in_use) {}
  SqliteStatement(SqliteStatement&& other) noexcept;
  SqliteStatement& operator=(SqliteStatement&& other) noexcept;
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;
  ~SqliteStatement();

  void BindInt(int index, int64_t value);
  void BindBlob(int index, ByteView value);  // an empty view binds an empty blob
  void BindNull(int index);

  // Advances: true if a row is available, false when done; an error Status
  // (mapped by SqliteDb::MapError) otherwise.
  Result<bool> Step();
  // Runs to completion, ignoring rows.
  Status Run();
  void Reset();

  int64_t ColumnInt(int col) const;
  ByteView ColumnBlob(int col) const;  // valid until the next Step/Reset
  bool ColumnIsNull(int col) const;

 private:
  void Release();

  sqlite3* db_;
  sqlite3_stmt* stmt_;
  bool* in_use_;  // non-null: borrowed from the cache
};

}  // namespace dojava::service

#endif  // DOJAVA_SERVICE_STORE_SQLITE_STATEMENT_H_
