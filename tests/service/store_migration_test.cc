// Forward-only migrations, from every earlier schema version.
#include <algorithm>
#include <catch2/catch_test_macros.hpp>
#include <functional>

#include "service/store/schema_migrations.h"
#include "service/store/sqlite_db.h"
#include "service/store/sqlite_statement.h"
#include "tests/support/store_test_util.h"

namespace dojava::service {
namespace {

using testing::RandomCase;
using testing::RandomChunk;
using testing::RandomId;
using testing::TestStore;

std::vector<std::string> IndexNames(const std::string& path, const SecretBytes& key) {
  auto db = SqliteDb::Open(path, key, SqliteDb::Mode::kReadOnly);
  REQUIRE(db.ok());
  auto names = (*db)->QueryTexts(
      "SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name");
  REQUIRE(names.ok());
  return *names;
}

// Writes a roster and a case with its keys, first message and one bound
// file the way a store of schema version 1 or 2 did (the current store
// writes columns and tables those versions do not have).
void WriteOldRows(const TestStore& t, const NewCase& c, const Id& file) {
  auto db = SqliteDb::Open(t.db_path(), t.key, SqliteDb::Mode::kReadWrite);
  REQUIRE(db.ok());
  SqliteDb& d = **db;
  auto run = [&](const char* sql, const std::function<void(SqliteStatement&)>& bind) {
    auto stmt = d.Prepare(sql);
    REQUIRE(stmt.ok());
    bind(*stmt);
    REQUIRE(stmt->Run().ok());
  };
  const auto view = [](const auto& a) { return ByteView(a.data(), a.size()); };
  // Bound blobs are SQLITE_STATIC: they must outlive the statement's run.
  const Bytes roster_bytes = testing::RandomBytes(100);
  run("INSERT INTO roster (singleton, version, signed) VALUES (1, 1, ?1)",
      [&](SqliteStatement& s) { s.BindBlob(1, roster_bytes); });
  run("INSERT INTO cases VALUES (?1, ?2, ?3, ?4, ?4, ?5)", [&](SqliteStatement& s) {
    s.BindBlob(1, view(c.case_id));
    s.BindBlob(2, view(c.lookup_hash));
    s.BindBlob(3, view(c.source_public_key));
    s.BindInt(4, testing::kToday);
    s.BindInt(5, testing::kToday + 90);
  });
  for (const SealedKey& k : c.keys) {
    run("INSERT INTO case_keys (case_id, recipient, role, sealed) VALUES (?1, ?2, ?3, ?4)",
        [&](SqliteStatement& s) {
          s.BindBlob(1, view(c.case_id));
          s.BindBlob(2, k.reviewer ? view(*k.reviewer) : ByteView{});
          s.BindInt(3, static_cast<int64_t>(k.role));
          s.BindBlob(4, view(k.sealed));
        });
  }
  run("INSERT INTO messages (rowid, case_id, seq, day, record) VALUES (77, ?1, 1, ?2, ?3)",
      [&](SqliteStatement& s) {
        s.BindBlob(1, view(c.case_id));
        s.BindInt(2, testing::kToday);
        s.BindBlob(3, c.first_message);
      });
  run("UPDATE chunks SET case_id = ?1 WHERE file_id = ?2", [&](SqliteStatement& s) {
    s.BindBlob(1, view(c.case_id));
    s.BindBlob(2, view(file));
  });
  run("DELETE FROM uploads WHERE file_id = ?1",
      [&](SqliteStatement& s) { s.BindBlob(1, view(file)); });
}

TEST_CASE("migrations: every earlier version migrates to the latest, data intact", "[migration]") {
  for (int from = 0; from < SchemaMigrations::kLatestVersion; ++from) {
    INFO("from schema version " << from);
    TestStore t;
    StoreOptions old_options;
    old_options.schema_version = from;
    auto created = SqlcipherStore::Create(t.db_path(), t.key, t.clock, old_options);
    REQUIRE(created.ok());
    t.store = std::move(created).value();
    NewCase c = RandomCase();
    const Id file = RandomId();
    const Bytes chunk = RandomChunk();
    if (from >= 1) {  // version 1 has every table: write one of everything
      REQUIRE(t.store->PutSettings(t.settings).ok());
      REQUIRE(t.store->CreateUpload(file, 1, std::nullopt).ok());
      REQUIRE(t.store->PutChunk(file, 0, chunk).ok());
    }
    t.store.reset();
    if (from >= 1) WriteOldRows(t, c, file);
    {
      auto db = SqliteDb::Open(t.db_path(), t.key, SqliteDb::Mode::kReadOnly);
      REQUIRE(db.ok());
      CHECK(*SchemaMigrations::Version(**db) == from);
    }

    REQUIRE(t.Reopen().ok());
    {
      auto db = SqliteDb::Open(t.db_path(), t.key, SqliteDb::Mode::kReadOnly);
      REQUIRE(db.ok());
      CHECK(*SchemaMigrations::Version(**db) == SchemaMigrations::kLatestVersion);
    }
    CHECK(IndexNames(t.db_path(), t.key) ==
          std::vector<std::string>{"case_genesis_by_key", "cases_by_activity", "cases_by_expiry",
                                   "chunks_by_case", "uploads_by_case", "uploads_by_day"});
    if (from == 0) REQUIRE(t.store->PutSettings(t.settings).ok());
    if (from >= 1) {
      CHECK(*t.store->GetSettings() == t.settings);
      CHECK(t.store->GetRoster()->version == 1);
      // Version 3: the installed roster starts the history; keys are generation 0.
      REQUIRE(t.store->ListRosters(0, kMaxRostersPerList)->size() == 1);
      CHECK(t.store->ListRosters(0, kMaxRostersPerList)->at(0).version == 1);
      CHECK(*t.store->GetSealedKeys(c.case_id) == [&] {
        auto keys = c.keys;
        std::sort(keys.begin(), keys.end(), [](const SealedKey& a, const SealedKey& b) {
          const Id none{};
          return std::make_pair(a.reviewer.value_or(none), a.role) <
                 std::make_pair(b.reviewer.value_or(none), b.role);
        });
        return keys;
      }());
      CHECK(t.store->GetCase(c.case_id).ok());
      CHECK(t.store->ListMessages(c.case_id, 0, 10, 1 << 20)->at(0).record == c.first_message);
      CHECK(*t.store->GetChunk(c.case_id, file, 0) == chunk);
    }
    // The migrated store works for new writes, v2 records of the largest
    // bucket included; reopening again is a no-op.
    REQUIRE(t.store->CreateCase(RandomCase()).ok());
    NewCase v2 = RandomCase();
    v2.first_message = testing::RandomBytes(protocol::kMaxMessageRecordSizeV2);
    REQUIRE(t.store->CreateCase(v2).ok());
    CHECK(t.store->AppendMessage(v2.case_id, testing::RandomBytes(kMaxMessageRecordSize + 1), {})
              .code() == Code::kInvalidArgument);
    REQUIRE(t.Reopen().ok());
  }
}

TEST_CASE("migrations: version is the latest for a new database", "[migration]") {
  TestStore t;
  REQUIRE(t.Create().ok());
  auto db = SqliteDb::Open(t.db_path(), t.key, SqliteDb::Mode::kReadOnly);
  REQUIRE(db.ok());
  CHECK(*SchemaMigrations::Version(**db) == SchemaMigrations::kLatestVersion);
  CHECK(SchemaMigrations::MigrateTo(**db, SchemaMigrations::kLatestVersion + 1).code() ==
        Code::kInvalidArgument);
}

}  // namespace
}  // namespace dojava::service
