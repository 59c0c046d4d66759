#include "service/store/schema_migrations.h"

#include <string>
#include <vector>

namespace dojava::service {
namespace {

// Version 1: the tables of service/store/STORE.md "What is stored", plus
// upload sessions. Nothing on disk records the order in which rows arrived
// across the instance: small tables are WITHOUT ROWID, clustered by their
// random ids; the tables of large rows (messages, chunks) have no INTEGER
// PRIMARY KEY and get a random rowid on insert (SqlcipherStore).
// Every column is a random id, a hash, a key, ciphertext, a count or a day.
constexpr const char* kVersion1 = R"sql(
CREATE TABLE settings (
  singleton INTEGER NOT NULL UNIQUE CHECK (singleton = 1),
  instance_id BLOB NOT NULL CHECK (length(instance_id) = 16),
  salt BLOB NOT NULL CHECK (length(salt) = 16),
  admin_public_key BLOB NOT NULL CHECK (length(admin_public_key) = 32),
  retention_days INTEGER NOT NULL CHECK (retention_days BETWEEN 1 AND 3650),
  retention_spread_days INTEGER NOT NULL CHECK (retention_spread_days BETWEEN 0 AND 60),
  upload_ttl_days INTEGER NOT NULL CHECK (upload_ttl_days BETWEEN 1 AND 30),
  max_chunks_per_file INTEGER NOT NULL CHECK (max_chunks_per_file BETWEEN 1 AND 1048576)
) STRICT;
CREATE TABLE roster (
  singleton INTEGER NOT NULL UNIQUE CHECK (singleton = 1),
  version INTEGER NOT NULL CHECK (version >= 1),
  signed BLOB NOT NULL CHECK (length(signed) BETWEEN 1 AND 1048576)
) STRICT;
CREATE TABLE cases (
  id BLOB NOT NULL PRIMARY KEY CHECK (length(id) = 16),
  lookup_hash BLOB NOT NULL UNIQUE CHECK (length(lookup_hash) = 32),
  source_public_key BLOB NOT NULL CHECK (length(source_public_key) = 32),
  created_day INTEGER NOT NULL,
  last_activity_day INTEGER NOT NULL,
  expiry_day INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE TABLE case_keys (
  case_id BLOB NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  recipient BLOB NOT NULL CHECK (length(recipient) IN (0, 16)),  -- empty: the source
  role INTEGER NOT NULL CHECK (role IN (1, 2) AND (role = 1 OR length(recipient) = 16)),
  sealed BLOB NOT NULL CHECK (length(sealed) = 82),
  PRIMARY KEY (case_id, recipient, role)
) STRICT, WITHOUT ROWID;
CREATE TABLE messages (
  case_id BLOB NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL CHECK (seq >= 1),
  day INTEGER NOT NULL,
  record BLOB NOT NULL CHECK (length(record) BETWEEN 586 AND 524362),
  UNIQUE (case_id, seq)
) STRICT;
CREATE TABLE uploads (
  file_id BLOB NOT NULL PRIMARY KEY CHECK (length(file_id) = 16),
  case_id BLOB REFERENCES cases (id) ON DELETE CASCADE,
  chunk_count INTEGER NOT NULL CHECK (chunk_count >= 1),
  created_day INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE TABLE chunks (
  file_id BLOB NOT NULL CHECK (length(file_id) = 16),
  case_id BLOB REFERENCES cases (id) ON DELETE CASCADE,
  idx INTEGER NOT NULL CHECK (idx >= 0),
  record BLOB NOT NULL CHECK (length(record) = 524305),
  UNIQUE (file_id, idx)
) STRICT;
)sql";

// Version 2: indexes for retention (purge by expiry / upload age), for
// listing changed cases, and for the ON DELETE CASCADE of chunks and uploads
// (without them deleting a case scans every chunk).
constexpr const char* kVersion2 = R"sql(
CREATE INDEX cases_by_expiry ON cases (expiry_day);
CREATE INDEX cases_by_activity ON cases (last_activity_day, id);
CREATE INDEX uploads_by_case ON uploads (case_id);
CREATE INDEX uploads_by_day ON uploads (created_day);
CREATE INDEX chunks_by_case ON chunks (case_id);
)sql";

// Version 3 (protocol v2): the history of installed rosters (served to
// clients that must check the chain), a generation per sealed key (0: the
// case's first CK and NK; g: the CK and NK of the g-th re-key), message
// records of both versions (v1 586..524362 bytes, v2 618..524394), and the
// signed case statements the server keeps for readers: the notes-key
// geneses (§7.2, at most one per CK: keyed by the CK commitment `kc` in the
// envelope's header, bytes 3..34),
// case-key anchors (§8.5) and re-key statements (§7.3), each only in its
// statement envelope (§7.4, sealed under CK: no reviewer id is stored; an
// anchor's key is the envelope itself, whose random nonce orders the rows
// without recording arrival). SQLite cannot change
// a CHECK or a primary key in place: case_keys and messages are rebuilt and
// their rows copied (messages keep their random rowids).
constexpr const char* kVersion3 = R"sql(
CREATE TABLE roster_history (
  version INTEGER NOT NULL PRIMARY KEY CHECK (version >= 1),
  signed BLOB NOT NULL CHECK (length(signed) BETWEEN 1 AND 1048576)
) STRICT;
INSERT INTO roster_history (version, signed) SELECT version, signed FROM roster;
CREATE TABLE case_keys_v3 (
  case_id BLOB NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  recipient BLOB NOT NULL CHECK (length(recipient) IN (0, 16)),  -- empty: the source
  role INTEGER NOT NULL CHECK (role IN (1, 2) AND (role = 1 OR length(recipient) = 16)),
  generation INTEGER NOT NULL
    CHECK (generation >= 0 AND (generation = 0 OR length(recipient) = 16)),
  sealed BLOB NOT NULL CHECK (length(sealed) = 82),
  PRIMARY KEY (case_id, recipient, role, generation)
) STRICT, WITHOUT ROWID;
INSERT INTO case_keys_v3 (case_id, recipient, role, generation, sealed)
  SELECT case_id, recipient, role, 0, sealed FROM case_keys;
DROP TABLE case_keys;
ALTER TABLE case_keys_v3 RENAME TO case_keys;
CREATE TABLE messages_v3 (
  case_id BLOB NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL CHECK (seq >= 1),
  day INTEGER NOT NULL,
  record BLOB NOT NULL CHECK (length(record) BETWEEN 586 AND 524394),
  UNIQUE (case_id, seq)
) STRICT;
INSERT INTO messages_v3 (rowid, case_id, seq, day, record)
  SELECT rowid, case_id, seq, day, record FROM messages;
DROP TABLE messages;
ALTER TABLE messages_v3 RENAME TO messages;
CREATE TABLE case_genesis (
  case_id BLOB NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  envelope BLOB NOT NULL CHECK (length(envelope) BETWEEN 261 AND 16245),
  PRIMARY KEY (case_id, envelope)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX case_genesis_by_key ON case_genesis (case_id, substr(envelope, 3, 32));
CREATE TABLE case_anchors (
  case_id BLOB NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  envelope BLOB NOT NULL CHECK (length(envelope) = 203),
  PRIMARY KEY (case_id, envelope)
) STRICT, WITHOUT ROWID;
CREATE TABLE case_rekeys (
  case_id BLOB NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  generation INTEGER NOT NULL CHECK (generation >= 1),
  envelope BLOB NOT NULL CHECK (length(envelope) = 325),
  PRIMARY KEY (case_id, generation)
) STRICT, WITHOUT ROWID;
)sql";

constexpr const char* kMigrations[SchemaMigrations::kLatestVersion] = {kVersion1, kVersion2,
                                                                       kVersion3};

}  // namespace

Result<int> SchemaMigrations::Version(SqliteDb& db) {
  DOJAVA_ASSIGN_OR_RETURN(int64_t v, db.QueryInt("PRAGMA user_version"));
  return static_cast<int>(v);
}

Status SchemaMigrations::MigrateTo(SqliteDb& db, int target_version) {
  if (target_version < 0 || target_version > kLatestVersion) {
    return Status(Code::kInvalidArgument, "unknown schema version");
  }
  DOJAVA_ASSIGN_OR_RETURN(int current, Version(db));
  if (current > kLatestVersion) {
    return Status(Code::kUnsupportedVersion,
                  "the database has schema version " + std::to_string(current) +
                      ", newer than this dojavad (" + std::to_string(kLatestVersion) +
                      "); upgrade dojavad");
  }
  for (int v = current + 1; v <= target_version; ++v) {
    DOJAVA_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
    // Re-read inside the write lock: another process may have migrated.
    auto now = Version(db);
    Status s = now.ok() ? Status::Ok() : now.status();
    if (s.ok() && *now < v) {
      s = db.Exec(kMigrations[v - 1]);
      if (s.ok()) s = db.Exec("PRAGMA user_version = " + std::to_string(v));
    }
    if (s.ok()) s = db.Exec("COMMIT");
    if (!s.ok()) {
      (void)db.Exec("ROLLBACK");
      return Status(s.code(),
                    "schema migration to version " + std::to_string(v) + " failed: " + s.message());
    }
  }
  return Status::Ok();
}

const std::vector<std::pair<std::string, std::vector<std::string>>>& SchemaMigrations::Tables() {
  static const std::vector<std::pair<std::string, std::vector<std::string>>> kTables = {
      {"case_anchors", {"case_id", "envelope"}},
      {"case_genesis", {"case_id", "envelope"}},
      {"case_keys", {"case_id", "recipient", "role", "generation", "sealed"}},
      {"case_rekeys", {"case_id", "generation", "envelope"}},
      {"cases",
       {"id", "lookup_hash", "source_public_key", "created_day", "last_activity_day",
        "expiry_day"}},
      {"chunks", {"file_id", "case_id", "idx", "record"}},
      {"messages", {"case_id", "seq", "day", "record"}},
      {"roster", {"singleton", "version", "signed"}},
      {"roster_history", {"version", "signed"}},
      {"settings",
       {"singleton", "instance_id", "salt", "admin_public_key", "retention_days",
        "retention_spread_days", "upload_ttl_days", "max_chunks_per_file"}},
      {"uploads", {"file_id", "case_id", "chunk_count", "created_day"}},
  };
  return kTables;
}

}  // namespace dojava::service
