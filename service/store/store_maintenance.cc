#include "service/store/store_maintenance.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <vector>

#include "service/store/database_key.h"
#include "service/store/instance_lock.h"
#include "service/store/schema_migrations.h"
#include "service/store/sqlcipher_store.h"
#include "service/store/sqlite_db.h"

namespace dojava::service {
namespace {

namespace fs = std::filesystem;
constexpr char kHexDigits[] = "0123456789abcdef";
constexpr size_t kCopyBufferSize = 1024 * 1024;

// The raw-key form x'<hex>' in wiped memory, for ATTACH ... KEY ?.
SecretBytes RawKeyText(const SecretBytes& key) {
  SecretBytes text(3 + 2 * key.size());
  auto t = text.reveal_mut();
  t[0] = 'x';
  t[1] = '\'';
  for (size_t i = 0; i < key.size(); ++i) {
    t[2 + 2 * i] = static_cast<uint8_t>(kHexDigits[key.reveal()[i] >> 4]);
    t[3 + 2 * i] = static_cast<uint8_t>(kHexDigits[key.reveal()[i] & 0xf]);
  }
  t[t.size() - 1] = '\'';
  return text;
}

// Creates an empty file with mode 0600 that must not exist yet.
Status CreateEmptyPrivateFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return Status(Code::kAlreadyExists, path + " already exists");
    return Status(Code::kIoError, "cannot create " + path);
  }
  ::close(fd);
  return Status::Ok();
}

Status FsyncPath(const std::string& path, bool directory) {
  const int fd = ::open(path.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
  if (fd < 0) return Status(Code::kIoError, "cannot open " + path + " to sync it");
  const int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return Status(Code::kIoError, "cannot sync " + path);
  return Status::Ok();
}

Status CopyFile(const std::string& from, const std::string& to) {
  const int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) return Status(Code::kIoError, "cannot read " + from);
  const int out = ::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (out < 0) {
    ::close(in);
    return Status(Code::kIoError, "cannot create " + to);
  }
  Status s = Status::Ok();
  std::vector<char> buf(kCopyBufferSize);
  while (s.ok()) {
    const ssize_t n = ::read(in, buf.data(), buf.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      s = Status(Code::kIoError, "cannot read " + from);
      break;
    }
    if (n == 0) break;
    for (ssize_t off = 0; off < n;) {
      const ssize_t w = ::write(out, buf.data() + off, static_cast<size_t>(n - off));
      if (w < 0 && errno == EINTR) continue;
      if (w < 0) {
        s = Status(errno == ENOSPC || errno == EFBIG ? Code::kResourceExhausted : Code::kIoError,
                   "cannot write " + to);
        break;
      }
      off += w;
    }
  }
  if (s.ok() && ::fsync(out) != 0) s = Status(Code::kIoError, "cannot sync " + to);
  ::close(in);
  ::close(out);
  return s;
}

Status RequireSound(const std::string& path, const SecretBytes& key, const char* what) {
  DOJAVA_ASSIGN_OR_RETURN(CheckReport report, StoreMaintenance::Check(path, key));
  if (!report.ok()) {
    return Status(Code::kIoError, std::string(what) + " failed its check: " + report.problems[0]);
  }
  return Status::Ok();
}

// The staged new key during a rekey: beside the key file, so that the final
// rename stays within one directory (atomic) and a crash between the
// database's commit and that rename leaves the new key on the disk.
constexpr const char* kRekeyPendingSuffix = ".rekey-new";

std::string ParentDir(const std::string& path) {
  const fs::path parent = fs::path(path).parent_path();
  return parent.empty() ? "." : parent.string();
}

// Writes a key file: a new file (O_EXCL; mode 0600; given the owner of
// `owner_of`, which only root can change and which then keeps a root-run
// rekey from leaving a key the service user cannot read), written in full and
// fsynced, then its directory fsynced. On failure the file is removed.
Status WriteKeyFile(const std::string& path, const SecretBytes& key, const struct stat& owner_of) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return Status(Code::kAlreadyExists, path + " already exists");
    return Status(Code::kIoError, "cannot create " + path);
  }
  const SecretBytes text = DatabaseKey::Format(key);
  Status s = Status::Ok();
  struct stat st {};
  if (::fstat(fd, &st) != 0) s = Status(Code::kIoError, "cannot stat " + path);
  if (s.ok() && (st.st_uid != owner_of.st_uid || st.st_gid != owner_of.st_gid) &&
      ::fchown(fd, owner_of.st_uid, owner_of.st_gid) != 0) {
    s = Status(Code::kPermissionDenied, "cannot give " + path + " the owner of the key file");
  }
  for (size_t off = 0; s.ok() && off < text.size();) {
    const ssize_t w = ::write(fd, text.reveal().data() + off, text.size() - off);
    if (w < 0 && errno == EINTR) continue;
    if (w < 0) {
      s = Status(Code::kIoError, "cannot write " + path);
      break;
    }
    off += static_cast<size_t>(w);
  }
  if (s.ok() && ::fsync(fd) != 0) s = Status(Code::kIoError, "cannot sync " + path);
  ::close(fd);
  if (s.ok()) s = FsyncPath(ParentDir(path), true);
  if (!s.ok()) ::unlink(path.c_str());
  return s;
}

// rename(2) within one directory, then the directory fsynced: afterwards
// `to` holds the new file even across a power cut.
Status RenameDurably(const std::string& from, const std::string& to) {
  if (::rename(from.c_str(), to.c_str()) != 0) {
    return Status(Code::kIoError, "cannot rename " + from + " to " + to);
  }
  return FsyncPath(ParentDir(to), true);
}

// Best effort, like shred(1): once the old key file has been replaced and
// has no other name left (st_nlink 0: an operator's hard link is never
// touched), overwrite its blocks with zeros and fsync. A journaling file
// system or an SSD may still keep a copy; ops/README.md says so.
void WipeReplacedKeyFile(int fd) {
  struct stat st {};
  if (fd < 0 || ::fstat(fd, &st) != 0 || st.st_nlink != 0 || !S_ISREG(st.st_mode)) return;
  const std::vector<uint8_t> zeros(static_cast<size_t>(st.st_size), 0);
  if (!zeros.empty() &&
      ::pwrite(fd, zeros.data(), zeros.size(), 0) == static_cast<ssize_t>(zeros.size())) {
    (void)::fsync(fd);
  }
}

// OK if `key` opens the database. A read-write open: a hot rollback journal
// left by an interrupted rekey is rolled back here (it is encrypted under the
// key the database had before that rekey, so only that key can do it), and
// the file is switched back to WAL mode. A wrong key writes nothing.
Status KeyOpens(const std::string& db_path, const SecretBytes& key) {
  auto db = SqliteDb::Open(db_path, key, SqliteDb::Mode::kReadWrite);
  return db.ok() ? Status::Ok() : db.status();
}

// One SQLCipher rekey from `from` to `to`. Leaves WAL mode first: that needs
// the only connection to the file (SQLite refuses with SQLITE_BUSY or keeps
// "wal" otherwise), so it is the SQLite-level proof that no server, backup or
// purge is using the database, whatever locks they took. The rekey is then
// one rollback-journal transaction: until its commit (the journal's
// deletion) the database is the old one, and a crash leaves a hot journal
// (pages encrypted under `from`) that the next open with `from` rolls back.
// sqlite3_rekey_v2 returns SQLITE_OK even when a page failed (SQLCipher
// 4.6, src/sqlcipher.c), so callers verify the result by reopening.
Status RekeyOnce(const std::string& db_path, const SecretBytes& from, const SecretBytes& to) {
  DOJAVA_ASSIGN_OR_RETURN(auto db, SqliteDb::Open(db_path, from, SqliteDb::Mode::kReadWrite));
  const Status in_use(Code::kPermissionDenied,
                      "the database " + db_path +
                          " is open in another process (a running dojavad?); stop it first");
  if (!db->Exec("PRAGMA wal_checkpoint(TRUNCATE)").ok()) return in_use;
  auto journal = db->QueryTexts("PRAGMA journal_mode = DELETE");
  if (!journal.ok() || journal->empty() || (*journal)[0] != "delete") return in_use;
  const SecretBytes key_text = RawKeyText(to);
  const int rc = sqlite3_rekey_v2(db->raw(), "main", key_text.reveal().data(),
                                  static_cast<int>(key_text.size()));
  if (rc != SQLITE_OK) return db->MapError(rc, "the rekey failed");
  return Status::Ok();  // closing the connection here is the end of it
}

// After a rekey to `key`: the database refuses `old`, every page passes
// Check under `key` (integrity, HMACs, foreign keys), and it opens with `key`
// read-write, which puts it back in WAL mode. That read-write connection is
// the last one: its close checkpoints and deletes the -wal and -shm files
// (the read-only Check cannot), so a rekey run as root leaves no root-owned
// file in the data directory for the service user to trip over.
Status VerifyRekeyed(const std::string& db_path, const SecretBytes& key, const SecretBytes& old) {
  if (Status s = KeyOpens(db_path, old); s.code() != Code::kPermissionDenied) {
    return Status(Code::kInternal, "the database still opens with the old key");
  }
  DOJAVA_RETURN_IF_ERROR(RequireSound(db_path, key, "the rekeyed database"));
  return KeyOpens(db_path, key);
}

// Removes the staged new key (a rekey that did not take) and returns s.
Status UnstageKey(const std::string& pending, Status s) {
  ::unlink(pending.c_str());
  return s;
}

// A staged key left by an earlier run (Rekey step 2). If the old key still
// opens the database, that run stopped before its commit: the staged key
// never protected anything and is dropped. If only the staged key opens it,
// that run committed and stopped before the rename: finish it. True if this
// finished an earlier run, false if there is nothing (left) staged.
Result<bool> ResolveStagedKey(const std::string& db_path, const std::string& key_file,
                              const std::string& pending, const SecretBytes& old_key) {
  struct stat pending_stat {};
  if (::lstat(pending.c_str(), &pending_stat) != 0) return false;
  const Status old_opens = KeyOpens(db_path, old_key);
  if (old_opens.ok()) {
    if (::unlink(pending.c_str()) != 0) return Status(Code::kIoError, "cannot remove " + pending);
    return false;
  }
  if (old_opens.code() != Code::kPermissionDenied) return old_opens;
  DOJAVA_ASSIGN_OR_RETURN(SecretBytes staged, DatabaseKey::LoadFile(pending));
  DOJAVA_RETURN_IF_ERROR(VerifyRekeyed(db_path, staged, old_key));
  DOJAVA_RETURN_IF_ERROR(RenameDurably(pending, key_file));
  return true;
}

// The new key: generated if new_key_file is empty, else read from it; never
// the current key.
Result<SecretBytes> NewKey(const std::string& new_key_file, const SecretBytes& old_key) {
  SecretBytes new_key;
  if (new_key_file.empty()) {
    new_key = SecretBytes::Random(kDatabaseKeySize);
  } else {
    DOJAVA_ASSIGN_OR_RETURN(new_key, DatabaseKey::LoadFile(new_key_file));
  }
  if (new_key.Equals(old_key)) {
    return Status(Code::kInvalidArgument, "the new key is the current key");
  }
  return new_key;
}

// After the rekey's commit: verifies the database under new_key, then
// renames the staged key over the key file and wipes the replaced one.
Status PublishNewKey(const std::string& db_path, const std::string& key_file,
                     const std::string& pending, const SecretBytes& new_key,
                     const SecretBytes& old_key) {
  Status s = VerifyRekeyed(db_path, new_key, old_key);
  if (s.ok()) {
    const int old_fd = ::open(key_file.c_str(), O_RDWR | O_CLOEXEC | O_NOFOLLOW);
    s = RenameDurably(pending, key_file);
    if (s.ok()) WipeReplacedKeyFile(old_fd);
    if (old_fd >= 0) ::close(old_fd);
  }
  return s;
}

// Failed after the commit (s): rekey back, so that the key file (unchanged)
// matches the database again; if even that fails, say where the new key is.
Status RollBackAfterCommit(const Status& s, const std::string& db_path, const std::string& key_file,
                           const std::string& pending, const SecretBytes& new_key,
                           const SecretBytes& old_key) {
  if (KeyOpens(db_path, old_key).ok()) return UnstageKey(pending, s);  // the rekey did not take
  if (RekeyOnce(db_path, new_key, old_key).ok() && VerifyRekeyed(db_path, old_key, new_key).ok()) {
    return UnstageKey(pending,
                      Status(s.code(), s.message() + " (the database is back under the old key)"));
  }
  return Status(s.code(), s.message() + "; the database is under the new key, which is in " +
                              pending + " (the old key is still in " + key_file + ")");
}

}  // namespace

Status StoreMaintenance::Backup(const std::string& db_path, const SecretBytes& key,
                                const std::string& out_path) {
  DOJAVA_ASSIGN_OR_RETURN(auto db, SqliteDb::Open(db_path, key, SqliteDb::Mode::kReadWrite));
  DOJAVA_RETURN_IF_ERROR(CreateEmptyPrivateFile(out_path));
  auto run = [&]() -> Status {
    DOJAVA_ASSIGN_OR_RETURN(auto attach, db->Prepare("ATTACH DATABASE ?1 AS backup KEY ?2"));
    const SecretBytes key_text = RawKeyText(key);
    attach.BindBlob(1, AsBytes(out_path));
    attach.BindBlob(2, key_text.reveal());
    DOJAVA_RETURN_IF_ERROR(attach.Run());
    DOJAVA_RETURN_IF_ERROR(db->Exec("PRAGMA backup.auto_vacuum = INCREMENTAL"));
    // One read transaction on main: the export sees one snapshot while the
    // server keeps committing to the WAL.
    DOJAVA_RETURN_IF_ERROR(db->Exec("BEGIN"));
    Status s = Status::Ok();
    auto version = SchemaMigrations::Version(*db);
    if (!version.ok()) s = version.status();
    if (s.ok()) s = db->Exec("SELECT sqlcipher_export('backup')");
    if (s.ok()) s = db->Exec("PRAGMA backup.user_version = " + std::to_string(*version));
    if (s.ok()) s = db->Exec("COMMIT");
    if (!s.ok()) (void)db->Exec("ROLLBACK");
    const Status detach = db->Exec("DETACH DATABASE backup");
    return s.ok() ? detach : s;
  };
  Status s = run();
  db.reset();
  if (s.ok()) s = FsyncPath(out_path, false);
  if (s.ok()) s = RequireSound(out_path, key, "the backup");
  if (!s.ok()) {
    std::error_code ec;
    fs::remove(out_path, ec);
  }
  return s;
}

Status StoreMaintenance::Restore(const std::string& backup_path, const SecretBytes& key,
                                 const std::string& data_dir) {
  DOJAVA_RETURN_IF_ERROR(RequireSound(backup_path, key, "the backup"));
  std::error_code ec;
  if (fs::exists(data_dir, ec)) {
    if (!fs::is_directory(data_dir, ec) || !fs::is_empty(data_dir, ec)) {
      return Status(Code::kAlreadyExists, data_dir + " exists and is not an empty directory");
    }
  } else if (::mkdir(data_dir.c_str(), 0700) != 0) {
    return Status(Code::kIoError, "cannot create " + data_dir);
  }
  const std::string target = (fs::path(data_dir) / kDatabaseFileName).string();
  Status s = CopyFile(backup_path, target);
  if (s.ok()) s = FsyncPath(data_dir, true);
  if (s.ok()) {
    // Switches the copy to WAL mode and applies the server's pragmas.
    auto db = SqliteDb::Open(target, key, SqliteDb::Mode::kReadWrite);
    s = db.ok() ? Status::Ok() : db.status();
  }
  if (s.ok()) s = RequireSound(target, key, "the restored database");
  if (!s.ok()) fs::remove(target, ec);
  return s;
}

Result<RekeyReport> StoreMaintenance::Rekey(const RekeyOptions& options) {
  // 1. No server, backup or purge on this instance until we are done.
  DOJAVA_ASSIGN_OR_RETURN(InstanceLock lock,
                          InstanceLock::Acquire(options.data_dir, InstanceLock::Mode::kExclusive));
  const std::string db_path = (fs::path(options.data_dir) / kDatabaseFileName).string();
  const std::string& key_file = options.key_file;
  const std::string pending = key_file + kRekeyPendingSuffix;
  DOJAVA_ASSIGN_OR_RETURN(SecretBytes old_key, DatabaseKey::LoadFile(key_file));
  struct stat key_stat {};
  if (::stat(key_file.c_str(), &key_stat) != 0) {
    return Status(Code::kIoError, "cannot stat " + key_file);
  }
  RekeyReport report;

  // 2. A staged key left by an earlier run: dropped, or its rekey finished.
  DOJAVA_ASSIGN_OR_RETURN(report.finished_interrupted,
                          ResolveStagedKey(db_path, key_file, pending, old_key));
  if (report.finished_interrupted) return report;

  // 3. The new key: generated here, or read from the operator's file.
  DOJAVA_ASSIGN_OR_RETURN(SecretBytes new_key, NewKey(options.new_key_file, old_key));

  // 4. Everything that can fail on the file system happens before the
  // database changes: the old key opens it (and is checked), the new key is
  // staged beside the key file (written, fsynced), the optional copy of the
  // old key is written. A failure here leaves the instance as it was.
  DOJAVA_RETURN_IF_ERROR(KeyOpens(db_path, old_key));  // rolls back a hot journal, if any
  DOJAVA_RETURN_IF_ERROR(RequireSound(db_path, old_key, "the database"));
  DOJAVA_RETURN_IF_ERROR(WriteKeyFile(pending, new_key, key_stat));
  if (!options.keep_old_key_file.empty()) {
    if (Status s = WriteKeyFile(options.keep_old_key_file, old_key, key_stat); !s.ok()) {
      return UnstageKey(pending, s);
    }
  }

  // 5. The rekey itself: one transaction; its commit is the point after
  // which the database needs the new key (kept in `pending` since step 4).
  if (Status s = RekeyOnce(db_path, old_key, new_key); !s.ok()) {
    // Before the commit: the old key still works (verified, not assumed).
    if (KeyOpens(db_path, old_key).ok()) return UnstageKey(pending, s);
    return Status(s.code(), s.message() +
                                "; the database no longer opens with the old key: the "
                                "new key is in " +
                                pending);
  }

  // 6. Verify, and 7. publish the new key by renaming it over the key file.
  Status s = PublishNewKey(db_path, key_file, pending, new_key, old_key);
  if (s.ok()) return report;
  return RollBackAfterCommit(s, db_path, key_file, pending, new_key, old_key);
}

namespace {

// The version (and a version-2 roster's expires_day: byte 25, after version,
// instance id and roster_version, §6) of the installed roster.
Status ReadRosterSummary(SqliteDb& db, CheckReport* report) {
  DOJAVA_ASSIGN_OR_RETURN(auto find,
                          db.Prepare("SELECT version, signed FROM roster WHERE singleton = 1"));
  DOJAVA_ASSIGN_OR_RETURN(bool exists, find.Step());
  if (!exists) return Status::Ok();
  report->roster_version = static_cast<uint64_t>(find.ColumnInt(0));
  const ByteView bytes = find.ColumnBlob(1);
  constexpr size_t kExpiresAt = 1 + protocol::kIdSize + 8;
  if (bytes.size() >= kExpiresAt + 4 && bytes[0] == protocol::kVersion2) {
    ByteReader r(bytes.subspan(kExpiresAt, 4));
    report->roster_expires_day = r.U32();
  }
  return Status::Ok();
}

}  // namespace

Result<CheckReport> StoreMaintenance::Check(const std::string& db_path, const SecretBytes& key) {
  DOJAVA_ASSIGN_OR_RETURN(auto db, SqliteDb::Open(db_path, key, SqliteDb::Mode::kReadOnly));
  CheckReport report;
  DOJAVA_ASSIGN_OR_RETURN(report.schema_version, SchemaMigrations::Version(*db));
  DOJAVA_ASSIGN_OR_RETURN(auto integrity, db->QueryTexts("PRAGMA integrity_check"));
  for (auto& line : integrity) {
    if (line != "ok") report.problems.push_back("integrity: " + line);
  }
  // Empty when every page's HMAC verifies.
  DOJAVA_ASSIGN_OR_RETURN(auto cipher, db->QueryTexts("PRAGMA cipher_integrity_check"));
  for (auto& line : cipher) report.problems.push_back("cipher: " + line);
  DOJAVA_ASSIGN_OR_RETURN(auto fk, db->QueryTexts("PRAGMA foreign_key_check"));
  for (auto& table : fk) report.problems.push_back("foreign key: a row of " + table);
  if (report.schema_version > SchemaMigrations::kLatestVersion) {
    report.problems.push_back("schema version " + std::to_string(report.schema_version) +
                              " is newer than this dojavad");
  }
  if (report.schema_version >= 1) DOJAVA_RETURN_IF_ERROR(ReadRosterSummary(*db, &report));
  return report;
}

}  // namespace dojava::service
