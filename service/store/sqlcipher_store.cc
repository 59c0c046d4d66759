#include "service/store/sqlcipher_store.h"

#include <sqlite3.h>
#include <sys/statvfs.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <utility>

#include "service/store/sqlcipher_rows.h"

// The construction, settings, roster and retention of SqlcipherStore; cases,
// messages and keys are in sqlcipher_store_cases.cc, uploads and chunks in
// sqlcipher_store_uploads.cc.

namespace dojava::service {
namespace {

using internal::Invalid;
using internal::ReadSettings;
using internal::View;

// The ranges of the retention keys (store.h).
Status ValidateSettings(const Settings& s) { return Settings::RetentionKeys().Check(s); }

}  // namespace

// --- construction ------------------------------------------------------------

SqlcipherStore::SqlcipherStore(std::string path, std::shared_ptr<const Clock> clock,
                               StoreOptions options, std::unique_ptr<GroupCommitWriter> writer,
                               std::unique_ptr<ReaderPool> readers, Day latest_day)
    : path_(std::move(path)),
      clock_(std::move(clock)),
      options_(std::move(options)),
      writer_(std::move(writer)),
      readers_(std::move(readers)),
      latest_day_(latest_day) {}

SqlcipherStore::~SqlcipherStore() = default;

Result<std::unique_ptr<SqlcipherStore>> SqlcipherStore::Create(const std::string& path,
                                                               const SecretBytes& key,
                                                               std::shared_ptr<const Clock> clock,
                                                               const StoreOptions& options) {
  DOJAVA_ASSIGN_OR_RETURN(auto db, SqliteDb::Open(path, key, SqliteDb::Mode::kCreate));
  return Finish(std::move(db), path, key, std::move(clock), options);
}

Result<std::unique_ptr<SqlcipherStore>> SqlcipherStore::Open(const std::string& path,
                                                             const SecretBytes& key,
                                                             std::shared_ptr<const Clock> clock,
                                                             const StoreOptions& options) {
  DOJAVA_ASSIGN_OR_RETURN(auto db, SqliteDb::Open(path, key, SqliteDb::Mode::kReadWrite));
  return Finish(std::move(db), path, key, std::move(clock), options);
}

Result<std::unique_ptr<SqlcipherStore>> SqlcipherStore::Finish(std::unique_ptr<SqliteDb> db,
                                                               const std::string& path,
                                                               const SecretBytes& key,
                                                               std::shared_ptr<const Clock> clock,
                                                               const StoreOptions& options) {
  if (clock == nullptr) return Status(Code::kInvalidArgument, "no clock");
  if (options.group_commit.max_batch_writes == 0) {
    return Status(Code::kInvalidArgument, "max_batch_writes must be at least 1");
  }
  DOJAVA_RETURN_IF_ERROR(SchemaMigrations::MigrateTo(*db, options.schema_version));
  // Every stored day is at most the latest activity or upload day (a
  // message's day is its case's activity day). Schema version 0 (tests of
  // migrations only) has no tables.
  DOJAVA_ASSIGN_OR_RETURN(
      const int64_t tables,
      db->QueryInt("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN "
                   "('cases', 'uploads')"));
  int64_t latest_day = 0;
  if (tables == 2) {
    DOJAVA_ASSIGN_OR_RETURN(
        latest_day,
        db->QueryInt("SELECT coalesce(max(d), 0) FROM (SELECT max(last_activity_day) "
                     "AS d FROM cases UNION ALL SELECT max(created_day) FROM uploads)"));
  }
  auto writer = std::make_unique<GroupCommitWriter>(std::move(db), options.group_commit);
  auto readers =
      std::make_unique<ReaderPool>(path, SecretBytes::Copy(key.reveal()), options.max_idle_readers);
  return std::unique_ptr<SqlcipherStore>(new SqlcipherStore(
      path, std::move(clock), options, std::move(writer), std::move(readers), latest_day));
}

Day SqlcipherStore::Today() {
  const Day now = clock_->Today();
  Day seen = latest_day_.load();
  while (now > seen && !latest_day_.compare_exchange_weak(seen, now)) {
  }
  return std::max(now, seen);
}

Status SqlcipherStore::CheckDiskReserve(uint64_t bytes) const {
  const std::filesystem::path dir = std::filesystem::path(path_).parent_path();
  struct statvfs vfs {};
  if (::statvfs(dir.empty() ? "." : dir.c_str(), &vfs) != 0) {
    return Status(Code::kIoError, "cannot read the free disk space");
  }
  const uint64_t free_bytes = static_cast<uint64_t>(vfs.f_bavail) * vfs.f_frsize;
  // The WAL holds a second copy of new pages until the next checkpoint.
  const uint64_t needed = 2 * bytes + options_.disk_reserve_bytes;
  if (free_bytes < needed) {
    return Status(Code::kResourceExhausted,
                  "the server is low on disk space and accepts no uploads for now");
  }
  return Status::Ok();
}

void SqlcipherStore::CheckpointAndTruncate() {
  (void)writer_->RunOutsideTransaction([](SqliteDb& db) {
    // A TRUNCATE checkpoint waits for readers (e.g. a running backup) through
    // the busy handler; the writer must not stall that long, so wait briefly
    // and leave the rest to the next purge or delete.
    sqlite3_busy_timeout(db.raw(), kCheckpointBusyTimeoutMs);
    Status s = db.Exec("PRAGMA wal_checkpoint(TRUNCATE)");
    sqlite3_busy_timeout(db.raw(), kBusyTimeoutMs);
    return s;
  });
}

// --- settings and roster ------------------------------------------------------

Status SqlcipherStore::PutSettings(const Settings& settings) {
  DOJAVA_RETURN_IF_ERROR(ValidateSettings(settings));
  return writer_->Submit(
      [&](SqliteDb& db) -> Status {
        auto current = ReadSettings(db);
        if (current.ok()) {
          if (current->instance_id != settings.instance_id || current->salt != settings.salt ||
              current->admin_public_key != settings.admin_public_key) {
            return Status(Code::kAlreadyExists,
                          "the instance identity (id, salt, admin key) cannot change");
          }
        } else if (current.code() != Code::kNotFound) {
          return current.status();
        }
        DOJAVA_ASSIGN_OR_RETURN(
            auto stmt,
            db.Prepare("INSERT INTO settings (singleton, instance_id, salt, admin_public_key, "
                       "retention_days, retention_spread_days, upload_ttl_days, "
                       "max_chunks_per_file) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                       "ON CONFLICT (singleton) DO UPDATE SET retention_days = ?4, "
                       "retention_spread_days = ?5, upload_ttl_days = ?6, "
                       "max_chunks_per_file = ?7"));
        stmt.BindBlob(1, View(settings.instance_id));
        stmt.BindBlob(2, {settings.salt.data(), settings.salt.size()});
        stmt.BindBlob(3, {settings.admin_public_key.data(), settings.admin_public_key.size()});
        stmt.BindInt(4, settings.retention_days);
        stmt.BindInt(5, settings.retention_spread_days);
        stmt.BindInt(6, settings.upload_ttl_days);
        stmt.BindInt(7, settings.max_chunks_per_file);
        return stmt.Run();
      },
      0);
}

Result<Settings> SqlcipherStore::GetSettings() {
  Settings out;
  DOJAVA_OUTER_RETURN_IF_ERROR(readers_->Read([&](SqliteDb& db) -> Status {
    DOJAVA_ASSIGN_OR_RETURN(out, ReadSettings(db));
    return Status::Ok();
  }));
  return out;
}

namespace {

// Deletes the key rows of every reviewer not in `active` (PROTOCOL.md §12.4).
// One scan for the recipients, one delete per recipient that goes.
Status DeleteKeysOfInactive(SqliteDb& db, const std::vector<Id>& active) {
  const std::set<Id> keep(active.begin(), active.end());
  DOJAVA_ASSIGN_OR_RETURN(auto list, db.Prepare("SELECT DISTINCT recipient FROM case_keys "
                                                "WHERE length(recipient) = 16"));
  std::vector<Id> gone;
  while (true) {
    DOJAVA_ASSIGN_OR_RETURN(bool row, list.Step());
    if (!row) break;
    Id id{};
    if (!internal::CopyExact(list.ColumnBlob(0), &id)) {
      return Status(Code::kInternal, "key row is malformed");
    }
    if (keep.count(id) == 0) gone.push_back(id);
  }
  list.Reset();
  DOJAVA_ASSIGN_OR_RETURN(auto del, db.Prepare("DELETE FROM case_keys WHERE recipient = ?1"));
  for (const Id& id : gone) {
    del.Reset();
    del.BindBlob(1, View(id));
    DOJAVA_RETURN_IF_ERROR(del.Run());
  }
  return Status::Ok();
}

// The installed roster and the history: kRollback / kAlreadyExists per
// store.h, else writes both.
Status WriteRoster(SqliteDb& db, const Roster& roster) {
  DOJAVA_ASSIGN_OR_RETURN(auto find,
                          db.Prepare("SELECT version, signed FROM roster WHERE singleton = 1"));
  DOJAVA_ASSIGN_OR_RETURN(bool exists, find.Step());
  if (exists) {
    const auto stored = static_cast<uint64_t>(find.ColumnInt(0));
    if (roster.version < stored) {
      return Status(Code::kRollback, "the roster is older than the stored one");
    }
    if (roster.version == stored) {
      const ByteView bytes = find.ColumnBlob(1);
      if (std::equal(bytes.begin(), bytes.end(), roster.signed_bytes.begin(),
                     roster.signed_bytes.end())) {
        return Status::Ok();
      }
      return Status(Code::kAlreadyExists, "a different roster has the same version");
    }
  }
  find.Reset();
  DOJAVA_ASSIGN_OR_RETURN(
      auto put, db.Prepare("INSERT INTO roster (singleton, version, signed) VALUES (1, ?1, "
                           "?2) ON CONFLICT (singleton) DO UPDATE SET version = ?1, "
                           "signed = ?2"));
  put.BindInt(1, static_cast<int64_t>(roster.version));
  put.BindBlob(2, roster.signed_bytes);
  DOJAVA_RETURN_IF_ERROR(put.Run());
  DOJAVA_ASSIGN_OR_RETURN(
      auto history, db.Prepare("INSERT INTO roster_history (version, signed) VALUES (?1, ?2)"));
  history.BindInt(1, static_cast<int64_t>(roster.version));
  history.BindBlob(2, roster.signed_bytes);
  return history.Run();
}

}  // namespace

Status SqlcipherStore::PutRoster(const Roster& roster) {
  if (roster.version < 1 || roster.version > static_cast<uint64_t>(INT64_MAX)) {
    return Invalid("the roster version is out of range");
  }
  if (roster.signed_bytes.empty() || roster.signed_bytes.size() > kMaxRosterBytes) {
    return Invalid("the roster has the wrong size");
  }
  if (roster.active_reviewers && roster.active_reviewers->size() > protocol::kRosterMaxReviewers) {
    return Invalid("too many reviewers");
  }
  return writer_->Submit(
      [&](SqliteDb& db) -> Status {
        DOJAVA_RETURN_IF_ERROR(WriteRoster(db, roster));
        if (!roster.active_reviewers) return Status::Ok();
        return DeleteKeysOfInactive(db, *roster.active_reviewers);
      },
      roster.signed_bytes.size());
}

Result<Roster> SqlcipherStore::GetRoster() {
  Roster out;
  DOJAVA_OUTER_RETURN_IF_ERROR(readers_->Read([&](SqliteDb& db) -> Status {
    DOJAVA_ASSIGN_OR_RETURN(auto find,
                            db.Prepare("SELECT version, signed FROM roster WHERE singleton = 1"));
    DOJAVA_ASSIGN_OR_RETURN(bool exists, find.Step());
    if (!exists) return Status(Code::kNotFound, "no roster yet");
    out.version = static_cast<uint64_t>(find.ColumnInt(0));
    const ByteView bytes = find.ColumnBlob(1);
    out.signed_bytes.assign(bytes.begin(), bytes.end());
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<Roster>> SqlcipherStore::ListRosters(uint64_t after_version, size_t limit) {
  if (limit == 0 || limit > kMaxRostersPerList) return Invalid("limit out of range");
  if (after_version > static_cast<uint64_t>(INT64_MAX)) return Invalid("version out of range");
  std::vector<Roster> out;
  DOJAVA_OUTER_RETURN_IF_ERROR(readers_->Read([&](SqliteDb& db) -> Status {
    DOJAVA_ASSIGN_OR_RETURN(auto list,
                            db.Prepare("SELECT version, signed FROM roster_history WHERE "
                                       "version > ?1 ORDER BY version LIMIT ?2"));
    list.BindInt(1, static_cast<int64_t>(after_version));
    list.BindInt(2, static_cast<int64_t>(limit));
    while (true) {
      DOJAVA_ASSIGN_OR_RETURN(bool row, list.Step());
      if (!row) break;
      const ByteView bytes = list.ColumnBlob(1);
      out.push_back(Roster{static_cast<uint64_t>(list.ColumnInt(0)),
                           Bytes(bytes.begin(), bytes.end()), std::nullopt});
    }
    return Status::Ok();
  }));
  return out;
}

// --- retention -----------------------------------------------------------------

Result<PurgeReport> SqlcipherStore::Purge() {
  const Day today = Today();
  PurgeReport report;
  DOJAVA_OUTER_RETURN_IF_ERROR(writer_->Submit(
      [&](SqliteDb& db) -> Status {
        DOJAVA_ASSIGN_OR_RETURN(Settings settings, ReadSettings(db));
        DOJAVA_ASSIGN_OR_RETURN(auto cases, db.Prepare("DELETE FROM cases WHERE expiry_day < ?1"));
        cases.BindInt(1, today);
        DOJAVA_RETURN_IF_ERROR(cases.Run());
        report.cases_deleted = static_cast<uint64_t>(sqlite3_changes(db.raw()));
        // Lives at least upload_ttl_days whole days: created on day d, purged
        // from day d + ttl + 1 on.
        const Day cutoff = today - settings.upload_ttl_days;
        DOJAVA_ASSIGN_OR_RETURN(auto chunks,
                                db.Prepare("DELETE FROM chunks WHERE file_id IN "
                                           "(SELECT file_id FROM uploads WHERE created_day < ?1)"));
        chunks.BindInt(1, cutoff);
        DOJAVA_RETURN_IF_ERROR(chunks.Run());
        DOJAVA_ASSIGN_OR_RETURN(auto uploads,
                                db.Prepare("DELETE FROM uploads WHERE created_day < ?1"));
        uploads.BindInt(1, cutoff);
        DOJAVA_RETURN_IF_ERROR(uploads.Run());
        report.uploads_deleted = static_cast<uint64_t>(sqlite3_changes(db.raw()));
        return internal::IncrementalVacuum(db);
      },
      0));
  CheckpointAndTruncate();
  return report;
}

}  // namespace dojava::service
