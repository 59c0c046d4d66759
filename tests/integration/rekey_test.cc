// Integration: `dojavad rekey` through the real binary on a real SQLCipher
// database. What an operator would notice: after a rekey the server runs
// with the new key and refuses the old one; a running instance is not
// rekeyed; a failure before the key file is replaced leaves the old key
// working; an interrupted rekey is finished by running it again.
#include <signal.h>
#include <sys/stat.h>

#include <catch2/catch_test_macros.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "service/store/database_key.h"
#include "service/store/sqlite_db.h"
#include "tests/support/raw_http.h"
#include "tests/support/temp_dir.h"
#include "tests/support/dojavad_instance.h"
#include "tests/support/dojavad_process.h"

namespace dojava::testing {
namespace {

using namespace std::chrono_literals;
using http::testing::Conn;
using http::testing::Get;
using http::testing::TempDir;
namespace fs = std::filesystem;

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

int Mode(const std::string& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return static_cast<int>(st.st_mode & 0777);
}

// A key file written by the test (0600), e.g. a copy of the old key.
std::string WriteKey(const TempDir& dir, const std::string& name, const std::string& text) {
  const std::string path = dir.Write(name, text);
  REQUIRE(::chmod(path.c_str(), 0600) == 0);
  return path;
}

// A fresh instance (tests/support) whose key file lives in keys/ (as
// /etc/dojava/database.key does beside /var/lib/dojava).
struct Instance {
  DojavadInstance instance{{.name = "Rekey Test"}};
  std::string dir = instance.data_dir();
  std::string keys = instance.Path("keys");
  std::string key_file = keys + "/database.key";
  std::string instance_id = instance.instance_id();

  Instance() {
    fs::create_directory(keys);
    fs::rename(dir + "/database.key", key_file);
  }
  RunResult Rekey(std::vector<std::string> extra = {}) const {
    std::vector<std::string> args = {"rekey", "--data-dir", dir, "--key-file", key_file};
    args.insert(args.end(), extra.begin(), extra.end());
    return RunDojavad(args);
  }
};

// Serves with `key_file`, checks that the instance answers with its own id
// (so the database decrypted), stops it cleanly.
void ServesWith(const Instance& inst, const std::string& key_file) {
  DojavadServer server(inst.dir, {"--key-file", key_file});
  INFO(server.Stderr());
  REQUIRE(server.ok());
  Conn c = Conn::Tcp(server.source_port());
  REQUIRE(c.Send(Get("/api/v1/instance")));
  auto r = c.Read(10s);
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->body.find("\"instance_id\":\"" + inst.instance_id + "\"") != std::string::npos);
  server.Signal(SIGTERM);
  CHECK(server.Wait() == 0);
}

TEST_CASE("rekey: serve runs with the new key, the old key does not match",
          "[integration][rekey]") {
  Instance inst;
  const std::string old_text = ReadText(inst.key_file);
  TempDir copies;
  const std::string old_copy = WriteKey(copies, "old.key", old_text);
  // An operator's second name for the old key file: the rekey wipes the
  // replaced file only when no other name is left, so this one survives.
  const std::string link = inst.keys + "/old-link.key";
  fs::create_hard_link(inst.key_file, link);

  RunResult r = inst.Rekey();
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("rekeyed and checked") != std::string::npos);
  const std::string new_text = ReadText(inst.key_file);
  CHECK(new_text.size() == 65);
  CHECK(new_text != old_text);
  CHECK(Mode(inst.key_file) == 0600);
  CHECK_FALSE(fs::exists(inst.key_file + ".rekey-new"));
  CHECK(ReadText(link) == old_text);
  CHECK(r.out.find(new_text.substr(0, 64)) == std::string::npos);  // never printed
  CHECK(r.err.find(new_text.substr(0, 64)) == std::string::npos);
  // No journal, WAL or shared-memory file left by the rekey's connections (a
  // rekey run as root must not leave root-owned files in the data dir).
  for (const char* sidecar : {"-journal", "-wal", "-shm"}) {
    INFO(sidecar);
    CHECK_FALSE(fs::exists(inst.dir + "/dojava.db" + sidecar));
  }

  ServesWith(inst, inst.key_file);
  RunResult old_key = RunDojavad({"serve", "--data-dir", inst.dir, "--key-file", old_copy});
  CHECK(old_key.exit_code == 1);
  CHECK(old_key.err.find("does not match") != std::string::npos);
  CHECK(RunDojavad({"check", "--data-dir", inst.dir, "--key-file", inst.key_file}).exit_code == 0);
}

TEST_CASE("rekey --new-key-file and --keep-old-key; the same key twice is refused",
          "[integration][rekey]") {
  Instance inst;
  const std::string old_text = ReadText(inst.key_file);
  TempDir given;
  const std::string wanted = std::string(63, '7') + "e\n";
  const std::string new_file = WriteKey(given, "new.key", wanted);
  const std::string kept = given.path() + "/old-copy.key";

  RunResult r = inst.Rekey({"--new-key-file", new_file, "--keep-old-key", kept});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(ReadText(inst.key_file) == wanted);
  CHECK(ReadText(kept) == old_text);
  CHECK(Mode(kept) == 0600);
  CHECK(Mode(inst.key_file) == 0600);
  CHECK(fs::exists(new_file));  // the operator's file is read, never moved
  ServesWith(inst, inst.key_file);

  RunResult same = inst.Rekey({"--new-key-file", new_file});
  CHECK(same.exit_code == 1);
  CHECK(same.err.find("the new key is the current key") != std::string::npos);
  // A new key file readable by others is refused, like every key file.
  const std::string loose = WriteKey(given, "loose.key", std::string(64, 'b') + "\n");
  REQUIRE(::chmod(loose.c_str(), 0644) == 0);
  RunResult open = inst.Rekey({"--new-key-file", loose});
  CHECK(open.exit_code == 1);
  CHECK(ReadText(inst.key_file) == wanted);
  CHECK(RunDojavad({"rekey", "--help"}).out.find("Usage: dojavad rekey") != std::string::npos);
}

TEST_CASE("rekey refuses an instance that dojavad serve is running", "[integration][rekey]") {
  Instance inst;
  const std::string old_text = ReadText(inst.key_file);
  DojavadServer server(inst.dir, {"--key-file", inst.key_file});
  REQUIRE(server.ok());
  RunResult r = inst.Rekey();
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("is in use") != std::string::npos);
  CHECK(ReadText(inst.key_file) == old_text);
  CHECK_FALSE(fs::exists(inst.key_file + ".rekey-new"));
  // The server was not disturbed.
  Conn c = Conn::Tcp(server.source_port());
  REQUIRE(c.Send(Get("/api/v1/instance")));
  auto resp = c.Read(10s);
  REQUIRE(resp);
  CHECK(resp->status == 200);
  server.Signal(SIGTERM);
  CHECK(server.Wait() == 0);
  // Stopped: now it works.
  CHECK(inst.Rekey().exit_code == 0);
  ServesWith(inst, inst.key_file);
}

TEST_CASE("rekey refuses a database another process has open without the instance lock",
          "[integration][rekey]") {
  // E.g. an older dojavad or a tool that does not take the lock: SQLite
  // itself refuses to leave WAL mode while another connection is open.
  Instance inst;
  const std::string old_text = ReadText(inst.key_file);
  auto key = service::DatabaseKey::LoadFile(inst.key_file);
  REQUIRE(key.ok());
  auto other =
      service::SqliteDb::Open(inst.dir + "/dojava.db", *key, service::SqliteDb::Mode::kReadWrite);
  REQUIRE(other.ok());
  RunResult r = inst.Rekey();
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("is open in another process") != std::string::npos);
  CHECK(ReadText(inst.key_file) == old_text);
  CHECK_FALSE(fs::exists(inst.key_file + ".rekey-new"));
  other->reset();
  ServesWith(inst, inst.key_file);
}

// Makes `dir` unwritable even for root (chmod, then chattr +i); false if
// this machine allows neither (the caller skips).
bool MakeUnwritable(const std::string& dir) {
  ::chmod(dir.c_str(), 0500);
  const std::string probe = dir + "/probe";
  if (std::ofstream(probe).good()) {
    fs::remove(probe);
    const std::string cmd = "chattr +i '" + dir + "' 2>/dev/null";
    if (std::system(cmd.c_str()) != 0) return false;
    if (std::ofstream(probe).good()) return false;
  }
  return true;
}

void MakeWritable(const std::string& dir) {
  const std::string cmd = "chattr -i '" + dir + "' 2>/dev/null";
  if (std::system(cmd.c_str()) != 0) {
    // not immutable (chmod was enough, or no chattr): nothing to undo
  }
  ::chmod(dir.c_str(), 0700);
}

TEST_CASE("A rekey that fails before the key file is replaced leaves the old key working",
          "[integration][rekey]") {
  Instance inst;
  const std::string old_text = ReadText(inst.key_file);
  // The key's directory cannot take the staged new key.
  if (!MakeUnwritable(inst.keys)) {
    MakeWritable(inst.keys);
    SKIP("cannot make a directory unwritable here (neither chmod nor chattr +i)");
  }
  RunResult r = inst.Rekey();
  MakeWritable(inst.keys);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("cannot create") != std::string::npos);
  CHECK(ReadText(inst.key_file) == old_text);
  CHECK_FALSE(fs::exists(inst.key_file + ".rekey-new"));
  ServesWith(inst, inst.key_file);

  // The optional copy of the old key cannot be written: also before any
  // change, also nothing changed.
  RunResult no_copy = inst.Rekey({"--keep-old-key", inst.instance.Path("no/such/dir/old.key")});
  CHECK(no_copy.exit_code == 1);
  CHECK(ReadText(inst.key_file) == old_text);
  CHECK_FALSE(fs::exists(inst.key_file + ".rekey-new"));
  ServesWith(inst, inst.key_file);
}

TEST_CASE("rekey run again after an interruption finishes or discards the staged key",
          "[integration][rekey]") {
  Instance inst;
  const std::string first = ReadText(inst.key_file);
  TempDir copies;
  const std::string kept = copies.path() + "/first.key";
  REQUIRE(inst.Rekey({"--keep-old-key", kept}).exit_code == 0);
  const std::string second = ReadText(inst.key_file);

  // The state a power cut between the database's commit and the rename
  // leaves: the database under the new key, the key file still old, the new
  // key staged beside it.
  fs::rename(inst.key_file, inst.key_file + ".rekey-new");
  fs::copy_file(kept, inst.key_file);
  REQUIRE(::chmod(inst.key_file.c_str(), 0600) == 0);
  RunResult finish = inst.Rekey();
  INFO(finish.out << finish.err);
  REQUIRE(finish.exit_code == 0);
  CHECK(finish.out.find("finished an interrupted rekey") != std::string::npos);
  CHECK(ReadText(inst.key_file) == second);
  CHECK_FALSE(fs::exists(inst.key_file + ".rekey-new"));
  ServesWith(inst, inst.key_file);

  // A staged key from a run stopped before its commit never protected
  // anything: dropped, and this run rekeys normally.
  const std::string stale = WriteKey(copies, "stale", std::string(64, 'c') + "\n");
  fs::copy_file(stale, inst.key_file + ".rekey-new");
  RunResult again = inst.Rekey();
  INFO(again.out << again.err);
  REQUIRE(again.exit_code == 0);
  CHECK(again.out.find("rekeyed and checked") != std::string::npos);
  CHECK(ReadText(inst.key_file) != second);
  CHECK(ReadText(inst.key_file) != std::string(64, 'c') + "\n");
  ServesWith(inst, inst.key_file);
}

}  // namespace
}  // namespace dojava::testing
