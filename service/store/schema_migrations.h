// SchemaMigrations: the schema of the store's database and its forward-only
// migrations (service/store/STORE.md "Schema").
//
// The version lives in PRAGMA user_version. Version 0 is an empty file;
// migration n takes version n-1 to n, each in its own transaction, so a crash
// leaves the database at n-1 or n, never between. A database newer than this
// binary is refused (kUnsupportedVersion): an old binary must not write to it.
#ifndef DOJAVA_SERVICE_STORE_SCHEMA_MIGRATIONS_H_
#define DOJAVA_SERVICE_STORE_SCHEMA_MIGRATIONS_H_

#include "base/status.h"
#include "service/store/sqlite_db.h"

namespace dojava::service {

class SchemaMigrations {
 public:
  static constexpr int kLatestVersion = 3;

  // Brings db to target_version (<= kLatestVersion; tests use lower values to
  // build databases of earlier versions). Idempotent.
  static Status MigrateTo(SqliteDb& db, int target_version);
  // The database's version (user_version).
  static Result<int> Version(SqliteDb& db);
  // Names of the tables of the latest schema, and their columns, in order:
  // the metadata audit test checks the file holds exactly these.
  static const std::vector<std::pair<std::string, std::vector<std::string>>>& Tables();
};

}  // namespace dojava::service

#endif  // DOJAVA_SERVICE_STORE_SCHEMA_MIGRATIONS_H_
