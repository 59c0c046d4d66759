#include "service/store/sqlcipher_store.h"

#include <sodium.h>
#include <sqlite3.h>
#include <sys/statvfs.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <set>
#include <utility>

// Like DOJAVA_RETURN_IF_ERROR, for a call whose lambda argument uses that
// macro itself (distinct variable name, so -Wshadow stays quiet).
#define DOJAVA_OUTER_RETURN_IF_ERROR(expr)         \
  do {                                             \
    ::dojava::Status outer_status_ = (expr);       \
    if (!outer_status_.ok()) return outer_status_; \
  } while (0)

namespace dojava::service {
namespace {

using protocol::kChunkRecordSize;

ByteView View(const Id& id) { return {id.data(), id.size()}; }

template <size_t N>
bool CopyExact(ByteView from, std::array<uint8_t, N>* to) {
  if (from.size() != N) return false;
  std::copy(from.begin(), from.end(), to->begin());
  return true;
}

// Random bytes for rowids and expiry spreads, from libsodium in blocks: one
// getrandom() per kRandomBlock bytes instead of one per row keeps system
// calls off the writer's path. Used by the writer thread only.
constexpr size_t kRandomBlock = 4096;

uint64_t RandomU64() {
  thread_local std::array<uint8_t, kRandomBlock> block;
  thread_local size_t used = kRandomBlock;
  if (used + sizeof(uint64_t) > block.size()) {
    randombytes_buf(block.data(), block.size());
    used = 0;
  }
  uint64_t r = 0;
  std::memcpy(&r, block.data() + used, sizeof(r));
  sodium_memzero(block.data() + used, sizeof(r));
  used += sizeof(r);
  return r;
}

// Uniform in [0, n) (n > 0), without modulo bias.
uint64_t RandomBelow(uint64_t n) {
  const uint64_t limit = UINT64_MAX - UINT64_MAX % n;
  uint64_t r;
  do {
    r = RandomU64();
  } while (r >= limit);
  return r % n;
}

// A uniformly random positive rowid: rows do not reveal arrival order.
int64_t RandomRowid() {
  const uint64_t r = RandomU64() & 0x7fffffffffffffffull;
  return r == 0 ? 1 : static_cast<int64_t>(r);
}

Status Invalid(const char* what) { return Status(Code::kInvalidArgument, what); }

// The ranges of the retention keys (store.h).
Status ValidateSettings(const Settings& s) { return Settings::RetentionKeys().Check(s); }

Result<Settings> ReadSettings(SqliteDb& db) {
  DOJAVA_ASSIGN_OR_RETURN(auto stmt,
                          db.Prepare("SELECT instance_id, salt, admin_public_key, retention_days, "
                                     "retention_spread_days, upload_ttl_days, max_chunks_per_file "
                                     "FROM settings WHERE singleton = 1"));
  DOJAVA_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return Status(Code::kNotFound, "the instance is not initialised (run dojavad init)");
  Settings s;
  if (!CopyExact(stmt.ColumnBlob(0), &s.instance_id) || !CopyExact(stmt.ColumnBlob(1), &s.salt) ||
      !CopyExact(stmt.ColumnBlob(2), &s.admin_public_key)) {
    return Status(Code::kInternal, "settings row is malformed");
  }
  s.retention_days = stmt.ColumnInt(3);
  s.retention_spread_days = stmt.ColumnInt(4);
  s.upload_ttl_days = stmt.ColumnInt(5);
  s.max_chunks_per_file = stmt.ColumnInt(6);
  return s;
}

// Expiry day for a case active today: retention plus a uniform random spread.
Result<Day> ExpiryDay(SqliteDb& db, Day today) {
  DOJAVA_ASSIGN_OR_RETURN(Settings s, ReadSettings(db));
  const auto spread =
      static_cast<Day>(RandomBelow(static_cast<uint64_t>(s.retention_spread_days) + 1));
  return today + s.retention_days + spread;
}

Status ValidateRecord(const Bytes& record) {
  if (record.size() < kMinMessageRecordSize || record.size() > kMaxMessageRecordSize) {
    return Invalid("a message record has the wrong size");
  }
  return Status::Ok();
}

Status ValidateAttachments(const std::vector<Id>& attachments) {
  if (attachments.size() > kMaxAttachmentsPerMessage) return Invalid("too many attachments");
  std::set<Id> seen(attachments.begin(), attachments.end());
  if (seen.size() != attachments.size()) return Invalid("an attachment is listed twice");
  return Status::Ok();
}

// Checks a list of sealed keys on its own: no duplicate (recipient, role),
// never an NK for the source, not too many.
Status ValidateKeys(const std::vector<SealedKey>& keys) {
  if (keys.empty()) return Invalid("no sealed keys");
  if (keys.size() > kMaxSealedKeysPerCase) return Invalid("too many sealed keys");
  std::set<std::pair<std::optional<Id>, Role>> seen;
  for (const auto& k : keys) {
    if (k.role != Role::kCaseKey && k.role != Role::kNotesKey) return Invalid("unknown key role");
    if (!k.reviewer && k.role == Role::kNotesKey) {
      return Invalid("the notes key is never sealed to the source");
    }
    if (!seen.insert({k.reviewer, k.role}).second) {
      return Invalid("two sealed keys for the same recipient and role");
    }
  }
  return Status::Ok();
}

ByteView RecipientBytes(const SealedKey& k) { return k.reviewer ? View(*k.reviewer) : ByteView{}; }

// Inserts keys; an identical existing key is a no-op, a different one for
// the same (recipient, role) is kAlreadyExists. new_case: the case row was
// inserted by this same write, so no key of it can exist yet (foreign key)
// and the look-ups are skipped; keys are distinct (ValidateKeys).
Status InsertKeys(SqliteDb& db, const Id& case_id, const std::vector<SealedKey>& keys,
                  bool new_case) {
  DOJAVA_ASSIGN_OR_RETURN(auto find, db.Prepare("SELECT sealed FROM case_keys WHERE case_id = ?1 "
                                                "AND recipient = ?2 AND role = ?3"));
  DOJAVA_ASSIGN_OR_RETURN(auto insert,
                          db.Prepare("INSERT INTO case_keys (case_id, recipient, role, sealed) "
                                     "VALUES (?2, ?3, ?4, ?5)"));
  for (const auto& k : keys) {
    if (!new_case) {
      find.Reset();
      find.BindBlob(1, View(case_id));
      find.BindBlob(2, RecipientBytes(k));
      find.BindInt(3, static_cast<int64_t>(k.role));
      DOJAVA_ASSIGN_OR_RETURN(bool exists, find.Step());
      if (exists) {
        const ByteView stored = find.ColumnBlob(0);
        if (stored.size() == k.sealed.size() &&
            std::equal(stored.begin(), stored.end(), k.sealed.begin())) {
          continue;
        }
        return Status(Code::kAlreadyExists, "that recipient already holds a different key");
      }
    }
    insert.Reset();
    insert.BindBlob(2, View(case_id));
    insert.BindBlob(3, RecipientBytes(k));
    insert.BindInt(4, static_cast<int64_t>(k.role));
    insert.BindBlob(5, {k.sealed.data(), k.sealed.size()});
    DOJAVA_RETURN_IF_ERROR(insert.Run());
  }
  return Status::Ok();
}

// Binds finished uploads to case_id: their chunks get the case id and the
// upload session is deleted.
Status BindAttachments(SqliteDb& db, const Id& case_id, const std::vector<Id>& attachments) {
  for (const Id& file : attachments) {
    DOJAVA_ASSIGN_OR_RETURN(
        auto upload, db.Prepare("SELECT case_id, chunk_count FROM uploads WHERE file_id = ?1"));
    upload.BindBlob(1, View(file));
    DOJAVA_ASSIGN_OR_RETURN(bool found, upload.Step());
    if (!found) return Status(Code::kNotFound, "unknown attachment");
    if (!upload.ColumnIsNull(0)) {
      const ByteView bound = upload.ColumnBlob(0);
      if (!std::equal(bound.begin(), bound.end(), case_id.begin(), case_id.end())) {
        return Status(Code::kNotFound, "unknown attachment");
      }
    }
    const int64_t chunk_count = upload.ColumnInt(1);
    DOJAVA_ASSIGN_OR_RETURN(auto count,
                            db.Prepare("SELECT count(*) FROM chunks WHERE file_id = ?1"));
    count.BindBlob(1, View(file));
    DOJAVA_ASSIGN_OR_RETURN(bool row, count.Step());
    if (!row || count.ColumnInt(0) != chunk_count) {
      return Invalid("an attachment's upload is not finished");
    }
    DOJAVA_ASSIGN_OR_RETURN(auto bind,
                            db.Prepare("UPDATE chunks SET case_id = ?1 WHERE file_id = ?2"));
    bind.BindBlob(1, View(case_id));
    bind.BindBlob(2, View(file));
    DOJAVA_RETURN_IF_ERROR(bind.Run());
    DOJAVA_ASSIGN_OR_RETURN(auto done, db.Prepare("DELETE FROM uploads WHERE file_id = ?1"));
    done.BindBlob(1, View(file));
    DOJAVA_RETURN_IF_ERROR(done.Run());
  }
  return Status::Ok();
}

Status InsertMessage(SqliteDb& db, const Id& case_id, uint64_t seq, Day day, const Bytes& record) {
  DOJAVA_ASSIGN_OR_RETURN(auto insert,
                          db.Prepare("INSERT INTO messages (rowid, case_id, seq, day, record) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5)"));
  insert.BindInt(1, RandomRowid());
  insert.BindBlob(2, View(case_id));
  insert.BindInt(3, static_cast<int64_t>(seq));
  insert.BindInt(4, day);
  insert.BindBlob(5, record);
  return insert.Run();
}

// Marks activity on a case: last activity today, new expiry. kNotFound if
// the case does not exist.
Status Touch(SqliteDb& db, const Id& case_id, Day today) {
  DOJAVA_ASSIGN_OR_RETURN(Day expiry, ExpiryDay(db, today));
  DOJAVA_ASSIGN_OR_RETURN(
      auto update,
      db.Prepare("UPDATE cases SET last_activity_day = ?1, expiry_day = ?2 WHERE id = ?3"));
  update.BindInt(1, today);
  update.BindInt(2, expiry);
  update.BindBlob(3, View(case_id));
  DOJAVA_RETURN_IF_ERROR(update.Run());
  if (sqlite3_changes(db.raw()) == 0) return Status(Code::kNotFound, "unknown case");
  return Status::Ok();
}

constexpr const char* kCaseColumns =
    "SELECT id, source_public_key, created_day, last_activity_day, expiry_day FROM cases ";

Result<CaseInfo> ReadCaseRow(const SqliteStatement& stmt) {
  CaseInfo c;
  if (!CopyExact(stmt.ColumnBlob(0), &c.case_id) ||
      !CopyExact(stmt.ColumnBlob(1), &c.source_public_key)) {
    return Status(Code::kInternal, "case row is malformed");
  }
  c.created_day = stmt.ColumnInt(2);
  c.last_activity_day = stmt.ColumnInt(3);
  c.expiry_day = stmt.ColumnInt(4);
  return c;
}

Status IncrementalVacuum(SqliteDb& db) { return db.Exec("PRAGMA incremental_vacuum"); }

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
        latest_day, db->QueryInt("SELECT coalesce(max(d), 0) FROM (SELECT max(last_activity_day) "
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

Status SqlcipherStore::PutRoster(const Roster& roster) {
  if (roster.version < 1 || roster.version > static_cast<uint64_t>(INT64_MAX)) {
    return Invalid("the roster version is out of range");
  }
  if (roster.signed_bytes.empty() || roster.signed_bytes.size() > kMaxRosterBytes) {
    return Invalid("the roster has the wrong size");
  }
  return writer_->Submit(
      [&](SqliteDb& db) -> Status {
        DOJAVA_ASSIGN_OR_RETURN(
            auto find, db.Prepare("SELECT version, signed FROM roster WHERE singleton = 1"));
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
        return put.Run();
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

// --- cases ----------------------------------------------------------------------

Status SqlcipherStore::CreateCase(const NewCase& c) {
  DOJAVA_RETURN_IF_ERROR(ValidateKeys(c.keys));
  const bool source_ck = std::any_of(c.keys.begin(), c.keys.end(), [](const SealedKey& k) {
    return !k.reviewer && k.role == Role::kCaseKey;
  });
  if (!source_ck) return Invalid("the source's case key is missing");
  DOJAVA_RETURN_IF_ERROR(ValidateRecord(c.first_message));
  DOJAVA_RETURN_IF_ERROR(ValidateAttachments(c.attachments));
  const Day today = Today();
  return writer_->Submit(
      [&](SqliteDb& db) -> Status {
        DOJAVA_ASSIGN_OR_RETURN(Day expiry, ExpiryDay(db, today));
        DOJAVA_ASSIGN_OR_RETURN(auto insert,
                                db.Prepare("INSERT INTO cases (id, lookup_hash, source_public_key, "
                                           "created_day, last_activity_day, expiry_day) "
                                           "VALUES (?2, ?3, ?4, ?5, ?5, ?6)"));
        insert.BindBlob(2, View(c.case_id));
        insert.BindBlob(3, {c.lookup_hash.data(), c.lookup_hash.size()});
        insert.BindBlob(4, {c.source_public_key.data(), c.source_public_key.size()});
        insert.BindInt(5, today);
        insert.BindInt(6, expiry);
        Status s = insert.Run();
        if (s.code() == Code::kAlreadyExists) {
          return Status(Code::kAlreadyExists, "a case with that id or lookup key exists");
        }
        DOJAVA_RETURN_IF_ERROR(s);
        DOJAVA_RETURN_IF_ERROR(InsertKeys(db, c.case_id, c.keys, /*new_case=*/true));
        DOJAVA_RETURN_IF_ERROR(InsertMessage(db, c.case_id, 1, today, c.first_message));
        return BindAttachments(db, c.case_id, c.attachments);
      },
      c.first_message.size());
}

Result<CaseInfo> SqlcipherStore::GetCase(const Id& case_id) {
  CaseInfo out;
  DOJAVA_OUTER_RETURN_IF_ERROR(readers_->Read([&](SqliteDb& db) -> Status {
    DOJAVA_ASSIGN_OR_RETURN(auto find, db.Prepare(std::string(kCaseColumns) + "WHERE id = ?1"));
    find.BindBlob(1, View(case_id));
    DOJAVA_ASSIGN_OR_RETURN(bool row, find.Step());
    if (!row) return Status(Code::kNotFound, "unknown case");
    DOJAVA_ASSIGN_OR_RETURN(out, ReadCaseRow(find));
    return Status::Ok();
  }));
  return out;
}

Result<CaseInfo> SqlcipherStore::FindCaseByLookupHash(const LookupHash& hash) {
  CaseInfo out;
  DOJAVA_OUTER_RETURN_IF_ERROR(readers_->Read([&](SqliteDb& db) -> Status {
    DOJAVA_ASSIGN_OR_RETURN(auto find,
                            db.Prepare(std::string(kCaseColumns) + "WHERE lookup_hash = ?1"));
    find.BindBlob(1, {hash.data(), hash.size()});
    DOJAVA_ASSIGN_OR_RETURN(bool row, find.Step());
    if (!row) return Status(Code::kNotFound, "unknown case");
    DOJAVA_ASSIGN_OR_RETURN(out, ReadCaseRow(find));
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<CaseInfo>> SqlcipherStore::ListCasesChangedSince(
    Day since, const std::optional<CaseCursor>& after, size_t limit) {
  if (limit == 0) return Invalid("limit must be at least 1");
  limit = std::min(limit, options_.max_list_cases);
  std::vector<CaseInfo> out;
  DOJAVA_OUTER_RETURN_IF_ERROR(readers_->Read([&](SqliteDb& db) -> Status {
    DOJAVA_ASSIGN_OR_RETURN(
        auto list,
        db.Prepare(std::string(kCaseColumns) +
                   "WHERE last_activity_day >= ?1 AND (last_activity_day, id) > (?2, ?3) "
                   "ORDER BY last_activity_day, id LIMIT ?4"));
    list.BindInt(1, since);
    if (after) {
      list.BindInt(2, after->last_activity_day);
      list.BindBlob(3, View(after->case_id));
    } else {
      list.BindInt(2, since);
      list.BindBlob(3, ByteView{});  // the empty blob sorts before every id
    }
    list.BindInt(4, static_cast<int64_t>(limit));
    while (true) {
      DOJAVA_ASSIGN_OR_RETURN(bool row, list.Step());
      if (!row) break;
      DOJAVA_ASSIGN_OR_RETURN(CaseInfo c, ReadCaseRow(list));
      out.push_back(c);
    }
    return Status::Ok();
  }));
  return out;
}

Status SqlcipherStore::DeleteCase(const Id& case_id) {
  DOJAVA_OUTER_RETURN_IF_ERROR(writer_->Submit(
      [&](SqliteDb& db) -> Status {
        DOJAVA_ASSIGN_OR_RETURN(auto del, db.Prepare("DELETE FROM cases WHERE id = ?1"));
        del.BindBlob(1, View(case_id));
        DOJAVA_RETURN_IF_ERROR(del.Run());
        if (sqlite3_changes(db.raw()) == 0) return Status(Code::kNotFound, "unknown case");
        return IncrementalVacuum(db);
      },
      0));
  CheckpointAndTruncate();
  return Status::Ok();
}

Result<uint64_t> SqlcipherStore::AppendMessage(const Id& case_id, const Bytes& record,
                                               const std::vector<Id>& attachments) {
  DOJAVA_RETURN_IF_ERROR(ValidateRecord(record));
  DOJAVA_RETURN_IF_ERROR(ValidateAttachments(attachments));
  const Day today = Today();
  uint64_t seq = 0;
  DOJAVA_OUTER_RETURN_IF_ERROR(writer_->Submit(
      [&](SqliteDb& db) -> Status {
        DOJAVA_RETURN_IF_ERROR(Touch(db, case_id, today));
        DOJAVA_ASSIGN_OR_RETURN(auto last,
                                db.Prepare("SELECT count(*), coalesce(max(seq), 0) FROM messages "
                                           "WHERE case_id = ?1"));
        last.BindBlob(1, View(case_id));
        DOJAVA_ASSIGN_OR_RETURN(bool row, last.Step());
        if (!row) return Status(Code::kInternal, "count returned no row");
        if (static_cast<uint64_t>(last.ColumnInt(0)) >= options_.max_messages_per_case) {
          return Status(Code::kLimitReached, "the case holds the most messages allowed");
        }
        seq = static_cast<uint64_t>(last.ColumnInt(1)) + 1;
        DOJAVA_RETURN_IF_ERROR(InsertMessage(db, case_id, seq, today, record));
        return BindAttachments(db, case_id, attachments);
      },
      record.size()));
  return seq;
}

Result<std::vector<Message>> SqlcipherStore::ListMessages(const Id& case_id, uint64_t after_seq,
                                                          size_t max_count, size_t max_bytes) {
  if (max_count == 0) return Invalid("max_count must be at least 1");
  if (after_seq > static_cast<uint64_t>(INT64_MAX)) return Invalid("sequence out of range");
  std::vector<Message> out;
  DOJAVA_OUTER_RETURN_IF_ERROR(readers_->Read([&](SqliteDb& db) -> Status {
    DOJAVA_ASSIGN_OR_RETURN(auto exists, db.Prepare("SELECT 1 FROM cases WHERE id = ?1"));
    exists.BindBlob(1, View(case_id));
    DOJAVA_ASSIGN_OR_RETURN(bool found, exists.Step());
    if (!found) return Status(Code::kNotFound, "unknown case");
    DOJAVA_ASSIGN_OR_RETURN(
        auto list, db.Prepare("SELECT seq, day, record FROM messages WHERE case_id = ?1 AND "
                              "seq > ?2 ORDER BY seq LIMIT ?3"));
    list.BindBlob(1, View(case_id));
    list.BindInt(2, static_cast<int64_t>(after_seq));
    list.BindInt(3, static_cast<int64_t>(std::min<size_t>(max_count, INT64_MAX)));
    size_t bytes = 0;
    while (true) {
      DOJAVA_ASSIGN_OR_RETURN(bool row, list.Step());
      if (!row) break;
      const ByteView record = list.ColumnBlob(2);
      if (!out.empty() && bytes + record.size() > max_bytes) break;
      bytes += record.size();
      out.push_back(Message{static_cast<uint64_t>(list.ColumnInt(0)), list.ColumnInt(1),
                            Bytes(record.begin(), record.end())});
    }
    return Status::Ok();
  }));
  return out;
}

Status SqlcipherStore::AddSealedKeys(const Id& case_id, const std::vector<SealedKey>& keys) {
  DOJAVA_RETURN_IF_ERROR(ValidateKeys(keys));
  const Day today = Today();
  return writer_->Submit(
      [&](SqliteDb& db) -> Status {
        DOJAVA_RETURN_IF_ERROR(Touch(db, case_id, today));
        DOJAVA_ASSIGN_OR_RETURN(auto count,
                                db.Prepare("SELECT count(*) FROM case_keys WHERE case_id = ?1"));
        count.BindBlob(1, View(case_id));
        DOJAVA_ASSIGN_OR_RETURN(bool row, count.Step());
        if (!row) return Status(Code::kInternal, "count returned no row");
        if (static_cast<size_t>(count.ColumnInt(0)) + keys.size() > kMaxSealedKeysPerCase) {
          return Status(Code::kLimitReached, "the case holds the most keys allowed");
        }
        return InsertKeys(db, case_id, keys, /*new_case=*/false);
      },
      keys.size() * protocol::kSealedKeySize);
}

Result<std::vector<SealedKey>> SqlcipherStore::GetSealedKeys(const Id& case_id) {
  std::vector<SealedKey> out;
  DOJAVA_OUTER_RETURN_IF_ERROR(readers_->Read([&](SqliteDb& db) -> Status {
    DOJAVA_ASSIGN_OR_RETURN(auto exists, db.Prepare("SELECT 1 FROM cases WHERE id = ?1"));
    exists.BindBlob(1, View(case_id));
    DOJAVA_ASSIGN_OR_RETURN(bool found, exists.Step());
    if (!found) return Status(Code::kNotFound, "unknown case");
    DOJAVA_ASSIGN_OR_RETURN(auto list,
                            db.Prepare("SELECT recipient, role, sealed FROM case_keys WHERE "
                                       "case_id = ?1 ORDER BY recipient, role"));
    list.BindBlob(1, View(case_id));
    while (true) {
      DOJAVA_ASSIGN_OR_RETURN(bool row, list.Step());
      if (!row) break;
      SealedKey k;
      const ByteView recipient = list.ColumnBlob(0);
      if (!recipient.empty()) {
        Id id{};
        if (!CopyExact(recipient, &id)) return Status(Code::kInternal, "key row is malformed");
        k.reviewer = id;
      }
      k.role = static_cast<Role>(list.ColumnInt(1));
      if (!CopyExact(list.ColumnBlob(2), &k.sealed)) {
        return Status(Code::kInternal, "key row is malformed");
      }
      out.push_back(k);
    }
    return Status::Ok();
  }));
  return out;
}

// --- attachments ------------------------------------------------------------------

Status SqlcipherStore::CreateUpload(const Id& file_id, uint32_t chunk_count,
                                    const std::optional<Id>& case_id) {
  if (chunk_count == 0) return Invalid("an upload has at least one chunk");
  DOJAVA_RETURN_IF_ERROR(CheckDiskReserve(uint64_t{chunk_count} * kChunkRecordSize));
  const Day today = Today();
  return writer_->Submit(
      [&](SqliteDb& db) -> Status {
        DOJAVA_ASSIGN_OR_RETURN(Settings settings, ReadSettings(db));
        if (chunk_count > settings.max_chunks_per_file) {
          return Status(Code::kLimitReached, "the attachment is larger than allowed");
        }
        DOJAVA_ASSIGN_OR_RETURN(
            auto find, db.Prepare("SELECT case_id, chunk_count FROM uploads WHERE file_id = ?1"));
        find.BindBlob(1, View(file_id));
        DOJAVA_ASSIGN_OR_RETURN(bool exists, find.Step());
        if (exists) {
          const ByteView bound = find.ColumnBlob(0);
          const bool same_case =
              find.ColumnIsNull(0)
                  ? !case_id.has_value()
                  : (case_id.has_value() &&
                     std::equal(bound.begin(), bound.end(), case_id->begin(), case_id->end()));
          if (same_case && find.ColumnInt(1) == chunk_count) return Status::Ok();
          return Status(Code::kAlreadyExists, "an upload with that file id exists");
        }
        DOJAVA_ASSIGN_OR_RETURN(auto bound,
                                db.Prepare("SELECT 1 FROM chunks WHERE file_id = ?1 LIMIT 1"));
        bound.BindBlob(1, View(file_id));
        DOJAVA_ASSIGN_OR_RETURN(bool has_chunks, bound.Step());
        if (has_chunks) return Status(Code::kAlreadyExists, "a file with that id exists");
        DOJAVA_ASSIGN_OR_RETURN(auto insert,
                                db.Prepare("INSERT INTO uploads (file_id, case_id, chunk_count, "
                                           "created_day) VALUES (?2, ?3, ?4, ?5)"));
        insert.BindBlob(2, View(file_id));
        if (case_id) {
          insert.BindBlob(3, View(*case_id));
        } else {
          insert.BindNull(3);
        }
        insert.BindInt(4, chunk_count);
        insert.BindInt(5, today);
        Status s = insert.Run();
        if (s.code() == Code::kNotFound) return Status(Code::kNotFound, "unknown case");
        return s;
      },
      0);
}

Status SqlcipherStore::PutChunk(const Id& file_id, uint32_t index, ByteView record) {
  if (record.size() != kChunkRecordSize) return Invalid("a chunk has the wrong size");
  DOJAVA_RETURN_IF_ERROR(CheckDiskReserve(kChunkRecordSize));
  return writer_->Submit(
      [&](SqliteDb& db) -> Status {
        DOJAVA_ASSIGN_OR_RETURN(
            auto upload, db.Prepare("SELECT case_id, chunk_count FROM uploads WHERE file_id = ?1"));
        upload.BindBlob(1, View(file_id));
        DOJAVA_ASSIGN_OR_RETURN(bool found, upload.Step());
        if (!found) return Status(Code::kNotFound, "unknown upload");
        if (index >= upload.ColumnInt(1)) return Invalid("chunk index beyond the declared count");
        DOJAVA_ASSIGN_OR_RETURN(
            auto existing, db.Prepare("SELECT record FROM chunks WHERE file_id = ?1 AND idx = ?2"));
        existing.BindBlob(1, View(file_id));
        existing.BindInt(2, index);
        DOJAVA_ASSIGN_OR_RETURN(bool stored, existing.Step());
        if (stored) {
          const ByteView bytes = existing.ColumnBlob(0);
          if (bytes.size() == record.size() &&
              std::memcmp(bytes.data(), record.data(), record.size()) == 0) {
            return Status::Ok();
          }
          return Status(Code::kAlreadyExists, "that chunk was stored with other bytes");
        }
        DOJAVA_ASSIGN_OR_RETURN(
            auto insert, db.Prepare("INSERT INTO chunks (rowid, file_id, case_id, idx, record) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5)"));
        insert.BindInt(1, RandomRowid());
        insert.BindBlob(2, View(file_id));
        if (upload.ColumnIsNull(0)) {
          insert.BindNull(3);
        } else {
          insert.BindBlob(3, upload.ColumnBlob(0));
        }
        insert.BindInt(4, index);
        insert.BindBlob(5, record);
        return insert.Run();
      },
      record.size());
}

Result<UploadStatus> SqlcipherStore::GetUploadStatus(const Id& file_id) {
  UploadStatus out;
  DOJAVA_OUTER_RETURN_IF_ERROR(readers_->Read([&](SqliteDb& db) -> Status {
    DOJAVA_ASSIGN_OR_RETURN(auto upload,
                            db.Prepare("SELECT chunk_count FROM uploads WHERE file_id = ?1"));
    upload.BindBlob(1, View(file_id));
    DOJAVA_ASSIGN_OR_RETURN(bool found, upload.Step());
    if (!found) return Status(Code::kNotFound, "unknown upload");
    out.chunk_count = static_cast<uint32_t>(upload.ColumnInt(0));
    DOJAVA_ASSIGN_OR_RETURN(auto have,
                            db.Prepare("SELECT idx FROM chunks WHERE file_id = ?1 ORDER BY idx"));
    have.BindBlob(1, View(file_id));
    uint32_t next = 0;
    while (true) {
      DOJAVA_ASSIGN_OR_RETURN(bool row, have.Step());
      if (!row) break;
      const auto idx = static_cast<uint32_t>(have.ColumnInt(0));
      for (; next < idx; ++next) out.missing.push_back(next);
      next = idx + 1;
    }
    for (; next < out.chunk_count; ++next) out.missing.push_back(next);
    return Status::Ok();
  }));
  return out;
}

Result<Bytes> SqlcipherStore::GetChunk(const Id& case_id, const Id& file_id, uint32_t index) {
  Bytes out;
  DOJAVA_OUTER_RETURN_IF_ERROR(readers_->Read([&](SqliteDb& db) -> Status {
    DOJAVA_ASSIGN_OR_RETURN(auto find,
                            db.Prepare("SELECT record FROM chunks WHERE file_id = ?1 AND "
                                       "idx = ?2 AND case_id = ?3 AND NOT EXISTS "
                                       "(SELECT 1 FROM uploads WHERE file_id = ?1)"));
    find.BindBlob(1, View(file_id));
    find.BindInt(2, index);
    find.BindBlob(3, View(case_id));
    DOJAVA_ASSIGN_OR_RETURN(bool found, find.Step());
    if (!found) return Status(Code::kNotFound, "unknown chunk");
    const ByteView bytes = find.ColumnBlob(0);
    out.assign(bytes.begin(), bytes.end());
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
        return IncrementalVacuum(db);
      },
      0));
  CheckpointAndTruncate();
  return report;
}

}  // namespace dojava::service
