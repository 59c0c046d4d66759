#include "service/store_maintenance.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>

#include "service/schema_migrations.h"
#include "service/sqlcipher_store.h"
#include "service/sqlite_db.h"

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
  return report;
}

}  // namespace dojava::service
