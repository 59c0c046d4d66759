// Opening the database: keys, wrong keys, plaintext files, key files.
#include <sqlite3.h>
#include <sys/stat.h>

#include <catch2/catch_test_macros.hpp>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "service/store/database_key.h"
#include "service/store/sqlite_db.h"
#include "tests/support/store_test_util.h"

namespace dojava::service {
namespace {

namespace fs = std::filesystem;
using testing::RandomCase;
using testing::ReadFileBytes;
using testing::TempDir;
using testing::TestStore;

std::vector<std::string> ListDir(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename());
  std::sort(names.begin(), names.end());
  return names;
}

TEST_CASE("open: the file is encrypted (no plaintext SQLite header)", "[open]") {
  TestStore t;
  REQUIRE(t.Create().ok());
  NewCase c = RandomCase();
  REQUIRE(t.store->CreateCase(c).ok());
  t.store.reset();  // checkpoints the WAL into the file
  const Bytes file = ReadFileBytes(t.db_path());
  REQUIRE(file.size() >= 4096);
  CHECK(std::memcmp(file.data(), "SQLite format 3", 15) != 0);
  // Neither the case id nor the lookup hash appear in the clear.
  auto contains = [&](ByteView needle) {
    return std::search(file.begin(), file.end(), needle.begin(), needle.end()) != file.end();
  };
  CHECK_FALSE(contains({c.case_id.data(), c.case_id.size()}));
  CHECK_FALSE(contains({c.lookup_hash.data(), c.lookup_hash.size()}));
  CHECK_FALSE(contains({c.first_message.data(), 32}));
}

TEST_CASE("open: a wrong key is reported as such and the file is untouched", "[open]") {
  TestStore t;
  REQUIRE(t.Create().ok());
  NewCase c = RandomCase();
  REQUIRE(t.store->CreateCase(c).ok());
  t.store.reset();
  const Bytes before = ReadFileBytes(t.db_path());
  const auto names_before = ListDir(t.dir.path());

  SecretBytes wrong = SecretBytes::Random(32);
  auto opened = SqlcipherStore::Open(t.db_path(), wrong, t.clock);
  REQUIRE_FALSE(opened.ok());
  CHECK(opened.code() == Code::kPermissionDenied);
  CHECK(opened.status().message() == "the database key does not match this database");
  // Creating over it is refused too.
  CHECK(SqlcipherStore::Create(t.db_path(), wrong, t.clock).code() == Code::kAlreadyExists);

  CHECK(ReadFileBytes(t.db_path()) == before);
  CHECK(ListDir(t.dir.path()) == names_before);
  REQUIRE(t.Reopen().ok());
  CHECK(t.store->GetCase(c.case_id).ok());
}

TEST_CASE("open: a plaintext SQLite file is refused", "[open]") {
  TempDir dir;
  const std::string path = dir.File("plain.db");
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);  // no key: plaintext
  REQUIRE(sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES (1)", nullptr, nullptr,
                       nullptr) == SQLITE_OK);
  sqlite3_close(db);
  auto opened = SqlcipherStore::Open(path, SecretBytes::Random(32),
                                     std::make_shared<ManualClock>(testing::kToday));
  CHECK(opened.code() == Code::kPermissionDenied);
  CHECK(opened.status().message().find("not encrypted") != std::string::npos);
}

TEST_CASE("open: missing file, wrong key size, newer schema", "[open]") {
  TempDir dir;
  auto clock = std::make_shared<ManualClock>(testing::kToday);
  CHECK(SqlcipherStore::Open(dir.File("none.db"), SecretBytes::Random(32), clock).code() ==
        Code::kNotFound);
  CHECK_FALSE(fs::exists(dir.File("none.db")));
  CHECK(SqlcipherStore::Create(dir.File("x.db"), SecretBytes::Random(16), clock).code() ==
        Code::kInvalidArgument);

  TestStore t;
  REQUIRE(t.Create().ok());
  t.store.reset();
  {
    auto db = SqliteDb::Open(t.db_path(), t.key, SqliteDb::Mode::kReadWrite);
    REQUIRE(db.ok());
    REQUIRE((*db)->Exec("PRAGMA user_version = 99").ok());
  }
  auto newer = SqlcipherStore::Open(t.db_path(), t.key, t.clock);
  CHECK(newer.code() == Code::kUnsupportedVersion);
}

TEST_CASE("open: pragmas are in effect", "[open]") {
  TestStore t;
  REQUIRE(t.Create().ok());
  auto db = SqliteDb::Open(t.db_path(), t.key, SqliteDb::Mode::kReadWrite);
  REQUIRE(db.ok());
  auto& d = **db;
  CHECK(*d.QueryTexts("PRAGMA journal_mode") == std::vector<std::string>{"wal"});
  CHECK(*d.QueryInt("PRAGMA synchronous") == 2);
  CHECK(*d.QueryInt("PRAGMA secure_delete") == 1);
  CHECK(*d.QueryInt("PRAGMA foreign_keys") == 1);
  CHECK(*d.QueryInt("PRAGMA trusted_schema") == 0);
  CHECK(*d.QueryInt("PRAGMA auto_vacuum") == 2);
  CHECK_FALSE(d.QueryTexts("PRAGMA cipher_version")->at(0).empty());
}

void WriteFile(const std::string& path, std::string_view text, mode_t mode) {
  std::ofstream(path, std::ios::binary) << text;
  REQUIRE(::chmod(path.c_str(), mode) == 0);
}

TEST_CASE("key file: format and permissions", "[open]") {
  TempDir dir;
  const std::string hex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
  const std::string path = dir.File("database.key");
  WriteFile(path, hex + "\n", 0600);
  auto key = DatabaseKey::LoadFile(path);
  REQUIRE(key.ok());
  REQUIRE(key->size() == 32);
  CHECK(key->reveal()[1] == 0x11);
  CHECK(key->reveal()[31] == 0xff);
  CHECK(DatabaseKey::Format(*key).reveal_chars() == hex + "\n");
  WriteFile(path, hex, 0400);
  CHECK(DatabaseKey::LoadFile(path).ok());

  WriteFile(path, hex, 0640);
  CHECK(DatabaseKey::LoadFile(path).code() == Code::kPermissionDenied);
  WriteFile(path, hex, 0604);
  CHECK(DatabaseKey::LoadFile(path).code() == Code::kPermissionDenied);

  const std::string bad[] = {
      hex.substr(0, 62),                                                   // short
      hex + "00",                                                          // long
      hex + "\n\n",                                                        // two newlines
      hex + " ",                                                           // trailing space
      "00112233445566778899AABBCCDDEEFF00112233445566778899aabbccddeeff",  // upper case
      "g0112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",  // not hex
      "",
  };
  for (const auto& text : bad) {
    WriteFile(path, text, 0600);
    INFO(text);
    CHECK(DatabaseKey::LoadFile(path).code() == Code::kMalformed);
  }
  CHECK(DatabaseKey::LoadFile(dir.File("missing")).code() == Code::kNotFound);
}

TEST_CASE("key file: systemd credential path", "[open]") {
  TempDir dir;
  ::setenv("CREDENTIALS_DIRECTORY", dir.path().c_str(), 1);
  auto path = DatabaseKey::CredentialPath("dojava-db-key");
  REQUIRE(path.ok());
  CHECK(*path == dir.path() + "/dojava-db-key");
  CHECK(DatabaseKey::CredentialPath("../etc/passwd").code() == Code::kInvalidArgument);
  ::unsetenv("CREDENTIALS_DIRECTORY");
  CHECK(DatabaseKey::CredentialPath("dojava-db-key").code() == Code::kNotFound);
}

}  // namespace
}  // namespace dojava::service
