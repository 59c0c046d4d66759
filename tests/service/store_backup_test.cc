// Backup while writers run, restore, check; and the dojavad subcommands.
#include <sys/stat.h>
#include <sys/wait.h>

#include <atomic>
#include <catch2/catch_test_macros.hpp>
#include <filesystem>
#include <fstream>
#include <thread>

#include "service/store/database_key.h"
#include "service/store/store_maintenance.h"
#include "tests/service/store_dump.h"
#include "tests/support/store_test_util.h"

namespace dojava::service {
namespace {

namespace fs = std::filesystem;
using testing::DumpStore;
using testing::RandomCase;
using testing::RandomChunk;
using testing::RandomId;
using testing::RandomRecord;
using testing::TempDir;
using testing::TestStore;

// Fills a store with cases, messages, keys, an attachment and a roster.
void Populate(Store& store, int cases) {
  REQUIRE(store.PutRoster(Roster{7, testing::RandomBytes(500), std::nullopt}).ok());
  for (int i = 0; i < cases; ++i) {
    NewCase c = RandomCase();
    if (i == 0) {
      const Id file = RandomId();
      REQUIRE(store.CreateUpload(file, 2, std::nullopt).ok());
      REQUIRE(store.PutChunk(file, 0, RandomChunk()).ok());
      REQUIRE(store.PutChunk(file, 1, RandomChunk()).ok());
      c.attachments = {file};
    }
    REQUIRE(store.CreateCase(c).ok());
    REQUIRE(store.AppendMessage(c.case_id, RandomRecord(2000), {}).ok());
  }
}

// Backs the store up to `backup` while writers run: each case is created
// with one message, then more are appended; a consistent snapshot never
// holds a message 3 without 2.
Status BackupWhileWriting(TestStore& t, const std::string& backup) {
  std::atomic<bool> stop{false};
  std::atomic<int> written{0};
  std::vector<std::thread> writers;
  for (int w = 0; w < 4; ++w) {
    writers.emplace_back([&] {
      while (!stop.load()) {
        NewCase c = RandomCase();
        if (!t.store->CreateCase(c).ok()) continue;
        for (int m = 0; m < 3; ++m) (void)t.store->AppendMessage(c.case_id, RandomRecord(), {});
        written.fetch_add(1);
      }
    });
  }
  while (written.load() < 10) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  Status s = StoreMaintenance::Backup(t.db_path(), t.key, backup);
  stop = true;
  for (auto& th : writers) th.join();
  return s;
}

// The backup file: private, encrypted, checked under its key only.
void CheckBackupFile(const TestStore& t, const std::string& backup) {
  struct stat st {};
  REQUIRE(::stat(backup.c_str(), &st) == 0);
  CHECK((st.st_mode & 077) == 0);
  const Bytes head = testing::ReadFileBytes(backup);
  REQUIRE(head.size() > 16);
  CHECK(std::string(head.begin(), head.begin() + 15) != "SQLite format 3");
  CHECK(StoreMaintenance::Check(backup, t.key)->ok());
  CHECK(StoreMaintenance::Check(backup, SecretBytes::Random(32)).code() == Code::kPermissionDenied);
}

// Restored to `restored_dir`, every record is byte-identical to the live one
// and the sequence numbers have no gaps.
void CheckRestoredMatchesLive(const TestStore& t, const std::string& backup,
                              const std::string& restored_dir) {
  REQUIRE(StoreMaintenance::Restore(backup, t.key, restored_dir).ok());
  const std::string restored = restored_dir + "/" + kDatabaseFileName;
  const auto live = DumpStore(t.db_path(), t.key);
  const auto copy = DumpStore(restored, t.key);
  REQUIRE(copy.size() == SchemaMigrations::Tables().size());

  // Every restored record is byte-identical to the live one. Cases that got
  // messages after the snapshot differ only in their activity columns.
  for (const auto& [table, rows] : copy) {
    INFO(table);
    const auto& live_rows = live.at(table);
    for (const auto& row : rows) {
      if (table == "cases") {
        const bool same_case = std::any_of(live_rows.begin(), live_rows.end(), [&](const auto& r) {
          return r[0] == row[0] && r[1] == row[1] && r[2] == row[2] && r[3] == row[3];
        });
        CHECK(same_case);
      } else {
        CHECK(std::binary_search(live_rows.begin(), live_rows.end(), row));
      }
    }
  }
  // Consistency: message sequence numbers of every case are 1..n, no gaps.
  std::map<Bytes, std::vector<int64_t>> seqs;
  for (const auto& row : copy.at("messages")) seqs[row[0].bytes].push_back(row[1].integer);
  CHECK(seqs.size() == copy.at("cases").size());
  for (auto& [id, list] : seqs) {
    std::sort(list.begin(), list.end());
    for (size_t i = 0; i < list.size(); ++i) CHECK(list[i] == static_cast<int64_t>(i + 1));
  }
  CHECK(copy.at("chunks").size() == 2);
}

TEST_CASE("backup: a snapshot taken while writers run restores byte-identical", "[backup]") {
  TestStore t;
  REQUIRE(t.Create().ok());
  Populate(*t.store, 20);
  TempDir out;
  const std::string backup = out.File("backup.db");
  REQUIRE(BackupWhileWriting(t, backup).ok());
  CheckBackupFile(t, backup);
  const std::string restored_dir = out.File("restored");
  CheckRestoredMatchesLive(t, backup, restored_dir);

  // With the writers stopped, a second backup is a full, identical copy, and
  // the restored store opens and works.
  const std::string backup2 = out.File("backup2.db");
  REQUIRE(StoreMaintenance::Backup(t.db_path(), t.key, backup2).ok());
  CHECK(StoreMaintenance::Backup(t.db_path(), t.key, backup2).code() == Code::kAlreadyExists);
  REQUIRE(StoreMaintenance::Restore(backup2, t.key, out.File("restored2")).ok());
  CHECK(DumpStore(out.File("restored2") + "/" + kDatabaseFileName, t.key) ==
        DumpStore(t.db_path(), t.key));
  auto reopened =
      SqlcipherStore::Open(out.File("restored2") + "/" + kDatabaseFileName, t.key, t.clock);
  REQUIRE(reopened.ok());
  CHECK((*reopened)->CreateCase(RandomCase()).ok());

  // Restore never writes into a used directory.
  CHECK(StoreMaintenance::Restore(backup2, t.key, restored_dir).code() == Code::kAlreadyExists);
}

TEST_CASE("check: a flipped byte in a page is found", "[backup]") {
  TestStore t;
  REQUIRE(t.Create().ok());
  Populate(*t.store, 5);
  t.store.reset();
  auto report = StoreMaintenance::Check(t.db_path(), t.key);
  REQUIRE(report.ok());
  CHECK(report->ok());
  CHECK(report->schema_version == SchemaMigrations::kLatestVersion);
  {
    std::fstream f(t.db_path(), std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(3 * 4096 + 100);
    char c = 0;
    f.read(&c, 1);
    f.seekp(3 * 4096 + 100);
    c = static_cast<char>(c ^ 0x01);
    f.write(&c, 1);
  }
  report = StoreMaintenance::Check(t.db_path(), t.key);
  if (report.ok()) {
    CHECK_FALSE(report->ok());
  } else {
    CHECK(report.code() != Code::kOk);
  }
}

int Run(const std::string& command) {
  const int rc = std::system((command + " >/dev/null 2>&1").c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

TEST_CASE("dojavad: backup, check, restore, purge subcommands", "[backup][cli]") {
  TestStore t;
  REQUIRE(t.Create().ok());
  Populate(*t.store, 3);
  t.store.reset();
  const std::string dojavad = DOJAVAD_PATH;
  const std::string key_file = t.dir.File("database.key");
  {
    const SecretBytes text = DatabaseKey::Format(t.key);
    std::ofstream(key_file, std::ios::binary) << text.reveal_chars();
  }
  REQUIRE(::chmod(key_file.c_str(), 0600) == 0);
  const std::string dir = t.dir.path();
  TempDir out;

  CHECK(Run(dojavad + " --help") == 0);
  for (const char* sub : {"backup", "restore", "purge", "check"}) {
    INFO(sub);
    CHECK(Run(dojavad + " " + sub + " --help") == 0);
  }
  CHECK(Run(dojavad + " frobnicate") == 2);
  CHECK(Run(dojavad + " check --data-dir " + dir) == 0);
  CHECK(Run(dojavad + " backup --data-dir " + dir + " --out " + out.File("b.db")) == 0);
  CHECK(Run(dojavad + " check --file " + out.File("b.db") + " --key-file " + key_file) == 0);
  CHECK(Run(dojavad + " restore --from " + out.File("b.db") + " --data-dir " + out.File("r") +
            " --key-file " + key_file) == 0);
  CHECK(DumpStore(out.File("r") + "/" + kDatabaseFileName, t.key) == DumpStore(t.db_path(), t.key));
  CHECK(Run(dojavad + " purge --data-dir " + dir) == 0);

  // A group-readable key file is refused.
  REQUIRE(::chmod(key_file.c_str(), 0640) == 0);
  CHECK(Run(dojavad + " check --data-dir " + dir) == 1);
}

}  // namespace
}  // namespace dojava::service
