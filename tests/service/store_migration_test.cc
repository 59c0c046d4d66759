// Forward-only migrations, from every earlier schema version.
#include <catch2/catch_test_macros.hpp>

#include "service/store/schema_migrations.h"
#include "service/store/sqlite_db.h"
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
      REQUIRE(t.store->PutRoster(Roster{1, testing::RandomBytes(100)}).ok());
      REQUIRE(t.store->CreateUpload(file, 1, std::nullopt).ok());
      REQUIRE(t.store->PutChunk(file, 0, chunk).ok());
      c.attachments = {file};
      REQUIRE(t.store->CreateCase(c).ok());
    }
    t.store.reset();
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
          std::vector<std::string>{"cases_by_activity", "cases_by_expiry", "chunks_by_case",
                                   "uploads_by_case", "uploads_by_day"});
    if (from == 0) REQUIRE(t.store->PutSettings(t.settings).ok());
    if (from >= 1) {
      CHECK(*t.store->GetSettings() == t.settings);
      CHECK(t.store->GetRoster()->version == 1);
      CHECK(t.store->GetCase(c.case_id).ok());
      CHECK(t.store->ListMessages(c.case_id, 0, 10, 1 << 20)->at(0).record == c.first_message);
      CHECK(*t.store->GetChunk(c.case_id, file, 0) == chunk);
    }
    // The migrated store works for new writes; reopening again is a no-op.
    REQUIRE(t.store->CreateCase(RandomCase()).ok());
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
