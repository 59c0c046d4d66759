#include "service/store/sqlite_db.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace dojava::service {
namespace {

constexpr char kPlainHeader[16] = "SQLite format 3";  // 15 chars + NUL, as on disk
constexpr char kHexDigits[] = "0123456789abcdef";

bool FileExists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

// True if the file starts with SQLite's plaintext magic: an unencrypted file.
bool HasPlaintextHeader(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char head[sizeof(kPlainHeader)] = {};
  in.read(head, sizeof(head));
  return in.gcount() == static_cast<std::streamsize>(sizeof(head)) &&
         std::memcmp(head, kPlainHeader, sizeof(head)) == 0;
}

// sqlite3_key_v2 with the raw-key form x'<64 hex>', built in wiped memory so
// the key never sits in a std::string or in SQL text.
int ApplyRawKey(sqlite3* db, const SecretBytes& key) {
  SecretBytes text(3 + 2 * key.size());
  auto t = text.reveal_mut();
  t[0] = 'x';
  t[1] = '\'';
  const auto k = key.reveal();
  for (size_t i = 0; i < k.size(); ++i) {
    t[2 + 2 * i] = static_cast<uint8_t>(kHexDigits[k[i] >> 4]);
    t[3 + 2 * i] = static_cast<uint8_t>(kHexDigits[k[i] & 0xf]);
  }
  t[t.size() - 1] = '\'';
  return sqlite3_key_v2(db, "main", t.data(), static_cast<int>(t.size()));
}

}  // namespace

Status SqliteDb::MapError(sqlite3* db, int rc, std::string_view what) {
  const int primary = rc & 0xff;
  const int sys_errno = db != nullptr ? sqlite3_system_errno(db) : 0;
  std::string detail = std::string(what) + ": " + sqlite3_errstr(rc);
  if (primary == SQLITE_NOTADB)
    return Status(Code::kPermissionDenied, std::string(kWrongKeyMessage));
  if (primary == SQLITE_FULL ||
      (primary == SQLITE_IOERR &&
       (sys_errno == ENOSPC || sys_errno == EFBIG || sys_errno == EDQUOT))) {
    return Status(Code::kResourceExhausted, "the disk is full (" + detail + ")");
  }
  if (primary == SQLITE_CONSTRAINT) {
    switch (rc) {
      case SQLITE_CONSTRAINT_UNIQUE:
      case SQLITE_CONSTRAINT_PRIMARYKEY:
        return Status(Code::kAlreadyExists, "already exists");
      case SQLITE_CONSTRAINT_FOREIGNKEY:
        return Status(Code::kNotFound, "refers to something that does not exist");
      default:
        return Status(Code::kInvalidArgument, "a value is out of range");
    }
  }
  return Status(Code::kIoError, detail);
}

Result<std::unique_ptr<SqliteDb>> SqliteDb::Open(const std::string& path, const SecretBytes& key,
                                                 Mode mode) {
  if (key.size() != 32) return Status(Code::kInvalidArgument, "the database key must be 32 bytes");
  const bool exists = FileExists(path);
  if (mode == Mode::kCreate && exists) {
    return Status(Code::kAlreadyExists, "a database already exists at " + path);
  }
  if (mode != Mode::kCreate) {
    if (!exists) return Status(Code::kNotFound, "no database at " + path);
    if (HasPlaintextHeader(path)) {
      return Status(Code::kPermissionDenied,
                    "the database file " + path + " is not encrypted; refusing to use it");
    }
  }
  int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  switch (mode) {
    case Mode::kCreate:
      flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
      break;
    case Mode::kReadWrite:
      flags |= SQLITE_OPEN_READWRITE;
      break;
    case Mode::kReadOnly:
      flags |= SQLITE_OPEN_READONLY;
      break;
  }
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  std::unique_ptr<SqliteDb> db(new SqliteDb(raw, path));
  if (rc != SQLITE_OK) return db->MapError(rc, "cannot open the database " + path);
  // SQLCipher's own log (stderr by default) would print timestamped lines
  // for every wrong-key attempt; dojavad reports errors itself.
  (void)db->Exec("PRAGMA cipher_log_level = NONE");
  // Off on purpose (process-wide; service/store/STORE.md "Pragmas"): wiping every
  // freed allocation halved write throughput when measured, and SQLite's
  // memory only ever holds what the file holds (ids, hashes, public and
  // sealed keys, end-to-end ciphertext); whoever can read this process's
  // memory can read the database key as well.
  (void)db->Exec("PRAGMA cipher_memory_security = OFF");
  if (ApplyRawKey(raw, key) != SQLITE_OK) {
    return Status(Code::kInternal, "cannot apply the database key");
  }
  DOJAVA_RETURN_IF_ERROR(db->Configure(mode));
  return db;
}

SqliteDb::~SqliteDb() {
  for (auto& [sql, cached] : cache_) sqlite3_finalize(cached.stmt);
  if (db_ != nullptr) sqlite3_close_v2(db_);
}

Status SqliteDb::Configure(Mode mode) {
  // A build linked against plain SQLite would ignore the key and write an
  // unencrypted file: refuse to run.
  auto version = QueryTexts("PRAGMA cipher_version");
  if (!version.ok() || version->empty() || (*version)[0].empty()) {
    return Status(Code::kInternal,
                  "the linked SQLite has no encryption (PRAGMA cipher_version did not answer); "
                  "refusing to run");
  }
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  DOJAVA_RETURN_IF_ERROR(Exec("PRAGMA cache_size = -" + std::to_string(kPageCacheKiB)));
  // The first read decrypts page 1: a wrong key fails here (SQLITE_NOTADB),
  // before anything is written.
  auto schema_rows = QueryInt("SELECT count(*) FROM sqlite_schema");
  if (!schema_rows.ok()) return schema_rows.status();

  if (mode == Mode::kCreate) {
    // Must precede the first table: auto-vacuum mode is fixed at creation.
    DOJAVA_RETURN_IF_ERROR(Exec("PRAGMA auto_vacuum = INCREMENTAL"));
  }
  // Checked by reading back: SQLite ignores unknown or refused pragmas.
  struct Expect {
    const char* set;
    const char* get;
    int64_t value;
  };
  const Expect always[] = {
      {"PRAGMA foreign_keys = ON", "PRAGMA foreign_keys", 1},
      {"PRAGMA trusted_schema = OFF", "PRAGMA trusted_schema", 0},
      {"PRAGMA secure_delete = ON", "PRAGMA secure_delete", 1},
      {"PRAGMA synchronous = FULL", "PRAGMA synchronous", 2},
  };
  for (const auto& e : always) {
    DOJAVA_RETURN_IF_ERROR(Exec(e.set));
    DOJAVA_ASSIGN_OR_RETURN(int64_t got, QueryInt(e.get));
    if (got != e.value) return Status(Code::kInternal, std::string(e.set) + " did not take effect");
  }
  if (mode == Mode::kReadOnly) return Status::Ok();

  auto journal = QueryTexts("PRAGMA journal_mode = WAL");
  if (!journal.ok()) return journal.status();
  if (journal->empty() || (*journal)[0] != "wal") {
    return Status(Code::kInternal, "cannot switch the database to WAL mode");
  }
  DOJAVA_RETURN_IF_ERROR(
      Exec("PRAGMA journal_size_limit = " + std::to_string(kJournalSizeLimitBytes)));
  DOJAVA_ASSIGN_OR_RETURN(int64_t vacuum, QueryInt("PRAGMA auto_vacuum"));
  if (vacuum != 2)
    return Status(Code::kInternal, "the database is not in incremental auto-vacuum mode");
  return Status::Ok();
}

Status SqliteDb::Exec(std::string_view sql) {
  const std::string text(sql);
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return MapError(rc, "database command failed");
  return Status::Ok();
}

Status SqliteDb::Run(std::string_view sql) {
  DOJAVA_ASSIGN_OR_RETURN(SqliteStatement stmt, Prepare(sql));
  return stmt.Run();
}

Result<SqliteStatement> SqliteDb::Prepare(std::string_view sql) {
  auto it = cache_.find(std::string(sql));
  if (it != cache_.end() && !it->second.in_use) {
    it->second.in_use = true;
    return SqliteStatement(db_, it->second.stmt, &it->second.in_use);
  }
  const bool cache = it == cache_.end() && cache_.size() < kStatementCacheSize;
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                    cache ? SQLITE_PREPARE_PERSISTENT : 0, &stmt, nullptr);
  if (rc != SQLITE_OK) return MapError(rc, "cannot prepare a statement");
  if (!cache) return SqliteStatement(db_, stmt);
  auto& entry = cache_[std::string(sql)];
  entry.stmt = stmt;
  entry.in_use = true;
  return SqliteStatement(db_, stmt, &entry.in_use);
}

Result<int64_t> SqliteDb::QueryInt(std::string_view sql) {
  DOJAVA_ASSIGN_OR_RETURN(SqliteStatement stmt, Prepare(sql));
  DOJAVA_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return Status(Code::kInternal, "query returned no row");
  return stmt.ColumnInt(0);
}

Result<std::vector<std::string>> SqliteDb::QueryTexts(std::string_view sql) {
  DOJAVA_ASSIGN_OR_RETURN(SqliteStatement stmt, Prepare(sql));
  std::vector<std::string> out;
  while (true) {
    DOJAVA_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    out.emplace_back(AsChars(stmt.ColumnBlob(0)));
  }
  return out;
}

}  // namespace dojava::service
