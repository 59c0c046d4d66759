// StoreMaintenance: the operator's offline and online tools on a store file —
// `dojavad backup`, `restore`, `check` and `rekey`.
//
// Backup is online and consistent: it reads one snapshot of the live database
// (a WAL read transaction, so the server keeps writing) and writes it with
// sqlcipher_export into a new file encrypted under the same key. It never
// copies the live file. Restore checks a backup and copies it into a new
// data directory; the records it yields are byte-identical to the backup's.
#ifndef DOJAVA_SERVICE_STORE_STORE_MAINTENANCE_H_
#define DOJAVA_SERVICE_STORE_STORE_MAINTENANCE_H_

#include <optional>
#include <string>
#include <vector>

#include "base/secret_bytes.h"
#include "base/status.h"

namespace dojava::service {

struct RekeyOptions {
  std::string data_dir;  // holds kDatabaseFileName
  // The current key file; replaced (atomically) by the new key on success.
  // Its directory must be writable: the new key is staged beside it.
  std::string key_file;
  // Empty: generate a new random key. Otherwise a key file (same format and
  // 0600 rule as key_file) holding the new key; it is read, never moved.
  std::string new_key_file;
  // Empty: no copy of the old key is kept. Otherwise a new file (must not
  // exist; mode 0600) that receives the old key before anything changes.
  std::string keep_old_key_file;
};

struct RekeyReport {
  // True if this run only finished an earlier rekey that had committed the
  // database but was stopped before replacing the key file.
  bool finished_interrupted = false;
};

struct CheckReport {
  int schema_version = 0;
  // Empty when the file is sound. Entries come from integrity_check,
  // cipher_integrity_check and foreign_key_check: page numbers and table
  // names, never row contents.
  std::vector<std::string> problems;
  bool ok() const { return problems.empty(); }
  // The installed roster's version and, for a version-2 roster, its expiry
  // day (PROTOCOL.md §6), read from the stored bytes without verifying the
  // signature (the server verifies it when it starts). nullopt: none.
  std::optional<uint64_t> roster_version;
  std::optional<uint32_t> roster_expires_day;
};

class StoreMaintenance {
 public:
  // Writes a consistent encrypted snapshot of the database at db_path to
  // out_path (which must not exist; created mode 0600), then checks the
  // result. On failure a partial out_path is removed.
  static Status Backup(const std::string& db_path, const SecretBytes& key,
                       const std::string& out_path);
  // Checks backup_path, then creates data_dir (which must not exist or be
  // empty; mode 0700) and writes the database into it as kDatabaseFileName,
  // fsynced and in WAL mode, and checks that copy.
  static Status Restore(const std::string& backup_path, const SecretBytes& key,
                        const std::string& data_dir);
  // Changes the database key: SQLCipher's rekey (sqlite3_rekey_v2 with a raw
  // key) while nothing else has the database open, then verifies that the
  // database opens with the new key, refuses the old one and passes Check,
  // and only then renames the staged new key over key_file. The steps and
  // what a crash at each leaves behind are in service/store/STORE.md "Rekey".
  // Failures: kPermissionDenied if the instance is in use (InstanceLock, and
  // SQLite refusing to leave WAL mode while another connection is open) or
  // the current key does not match; kInvalidArgument if the new key equals
  // the old; anything failing before the rename leaves the database and
  // key_file as they were (the database under the old key).
  static Result<RekeyReport> Rekey(const RekeyOptions& options);
  // Integrity, cipher (HMAC) integrity and foreign keys of every page. Opens
  // read-only; safe while the server runs. Fails (not a report) if the file
  // cannot be opened, e.g. wrong key.
  static Result<CheckReport> Check(const std::string& db_path, const SecretBytes& key);
};

}  // namespace dojava::service

#endif  // DOJAVA_SERVICE_STORE_STORE_MAINTENANCE_H_
