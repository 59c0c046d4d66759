// End-to-end flows of issue 5 with the real binaries: `dojavad init` and
// `dojavad serve` on 127.0.0.1 ports (chosen by the kernel, read from the
// server's "listening on" lines), and `dojava` run as a subprocess exactly as
// a person or a script would, with passphrases and receipts in 0600 files.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/json.hpp>
#include <catch2/catch_test_macros.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <random>
#include <sstream>
#include <thread>
#include <tuple>

#include "base/encoding.h"
#include "client/public_key_line.h"
#include "crypto/key_file.h"
#include "crypto/message_v2.h"
#include "crypto/primitives.h"
#include "crypto/reviewer_key.h"
#include "crypto/sealed_key.h"
#include "service/store/database_key.h"
#include "service/store/sqlite_db.h"
#include "service/store/sqlite_statement.h"
#include "tests/support/client_test_util.h"
#include "tests/support/dojavad_process.h"
#include "tests/support/process.h"

extern char** environ;

namespace dojava::cli {
namespace {
namespace json = boost::json;

using client::testing::TempDir;

std::string ReadAll(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void WriteFile(const std::string& p, const std::string& data, mode_t mode = 0600) {
  std::ofstream(p, std::ios::binary) << data;
  ::chmod(p.c_str(), mode);
}

std::string RandomBytes(size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::string s(n, '\0');
  for (auto& c : s) c = static_cast<char>(rng());
  return s;
}

struct RunResult {
  int rc = -1;
  std::string out, err;
};

// Runs `argv` (tests/support/process.h), no stdin; rc is -1 if it died
// from a signal.
RunResult Run(const std::vector<std::string>& argv) {
  testing::ProcessResult p = testing::RunProcess(argv);
  return RunResult{p.exit_code, std::move(p.out), std::move(p.err)};
}

// Runs `argv` in a new session whose stdin and controlling terminal is a
// pseudo-terminal fed `input`; stdout/stderr captured in files of `dir`. `tty`
// receives what was written to the terminal (prompts, echo).
RunResult RunWithTty(const std::string& dir, std::vector<std::string> argv,
                     const std::string& input, std::string* tty) {
  static int n = 0;
  const std::string out = dir + "/tty-out." + std::to_string(++n);
  const std::string err = out + ".err";
  const int master = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
  REQUIRE(master >= 0);
  REQUIRE(::grantpt(master) == 0);
  REQUIRE(::unlockpt(master) == 0);
  const std::string slave = ::ptsname(master);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  // After setsid, opening the terminal makes it the controlling one (/dev/tty).
  posix_spawn_file_actions_addopen(&fa, 0, slave.c_str(), O_RDWR, 0);
  posix_spawn_file_actions_addopen(&fa, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&fa, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSID);
  std::vector<char*> args;
  for (auto& a : argv) args.push_back(a.data());
  args.push_back(nullptr);
  pid_t pid;
  RunResult r;
  REQUIRE(posix_spawn(&pid, args[0], &fa, &attr, args.data(), environ) == 0);
  REQUIRE(::write(master, input.data(), input.size()) == static_cast<ssize_t>(input.size()));
  // Drain the terminal while the child runs, so it never blocks on output.
  int status = 0;
  for (;;) {
    pollfd p{master, POLLIN, 0};
    if (::poll(&p, 1, 100) > 0 && (p.revents & POLLIN)) {
      char buf[4096];
      const ssize_t got = ::read(master, buf, sizeof(buf));
      if (got > 0) tty->append(buf, static_cast<size_t>(got));
    }
    if (::waitpid(pid, &status, WNOHANG) == pid) break;
  }
  r.rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  ::close(master);
  posix_spawnattr_destroy(&attr);
  posix_spawn_file_actions_destroy(&fa);
  r.out = ReadAll(out);
  r.err = ReadAll(err);
  return r;
}

// One dojavad instance in a temp dir, and helpers to run dojava against it.
class Instance {
 public:
  Instance() {
    WriteFile(dir_ / "pass", "correct horse battery staple\n");
    auto admin = Dojava({"admin", "init", "--key-file", dir_ / "admin.key", "--passphrase-file",
                         dir_ / "pass", "--kdf-memory-mib", "8", "--json"});
    REQUIRE(admin.rc == 0);
    json::object o = json::parse(admin.out).as_object();
    admin_public_ = std::string(o["admin_public_key"].as_string());
    fingerprint_ = std::string(o["fingerprint"].as_string());
    auto init = Run({DOJAVAD_BINARY, "init", "--data-dir", dir_ / "data", "--admin-public-key",
                     admin_public_, "--name", "Test Newsroom"});
    INFO(init.err);
    REQUIRE(init.rc == 0);
    Start("127.0.0.1:0", "127.0.0.1:0", dir_ / "data");
  }
  ~Instance() { Stop(); }

  // `dojavad serve` of `data` on the given addresses (port 0: the kernel
  // chooses), every rate limit off, `more` key=value overrides; waits until
  // both listen.
  void Start(const std::string& source, const std::string& reviewer, const std::string& data,
             const std::vector<std::string>& more = {}) {
    std::vector<std::string> overrides = {"source.listen=" + source, "reviewer.listen=" + reviewer};
    for (const char* cls : {"static", "api", "upload", "costly", "download"}) {
      overrides.push_back(std::string("rate.") + cls + ".global_per_second=0");
      overrides.push_back(std::string("rate.") + cls + ".circuit_per_second=0");
    }
    overrides.insert(overrides.end(), more.begin(), more.end());
    server_ = std::make_unique<testing::DojavadServer>(data, overrides);
    INFO(server_->Stderr());
    REQUIRE(server_->ok());
    source_ = "127.0.0.1:" + std::to_string(server_->source_port());
    reviewer_ = "127.0.0.1:" + std::to_string(server_->reviewer_port());
  }

  // SIGTERM, and waits for dojavad to finish.
  void Stop() {
    if (server_) {
      server_->Signal(SIGTERM);
      server_->Wait();
      server_.reset();
    }
  }

  RunResult Dojava(std::vector<std::string> args) {
    args.insert(args.begin(), DOJAVA_CLI_BINARY);
    return Run(args);
  }

  // A reviewer: key file made, added to the roster by the admin.
  std::string AddReviewer(const std::string& name) {
    const std::string key = dir_ / (name + ".key");
    auto kg = Dojava(
        {"keygen", "--key-file", key, "--passphrase-file", dir_ / "pass", "--kdf-memory-mib", "8"});
    REQUIRE(kg.rc == 0);
    auto add = Dojava({"roster", "add", "--server", ReviewerUrl(), "--state-dir",
                       dir_ / "state-admin", "--admin-key", dir_ / "admin.key", "--passphrase-file",
                       dir_ / "pass", "--name", name, "--reviewer-public", key + ".pub", "--json"});
    INFO(add.err);
    REQUIRE(add.rc == 0);
    return key;
  }

  // dojava COMMAND ... as reviewer `name`, with its own state dir.
  RunResult As(const std::string& name, std::vector<std::string> args) {
    const std::vector<std::string> common = {"--server",
                                             ReviewerUrl(),
                                             "--key-file",
                                             dir_ / (name + ".key"),
                                             "--passphrase-file",
                                             dir_ / "pass",
                                             "--state-dir",
                                             dir_ / ("state-" + name),
                                             "--admin-fingerprint",
                                             fingerprint_};
    args.insert(args.end(), common.begin(), common.end());
    return Dojava(std::move(args));
  }

  RunResult AsSource(std::vector<std::string> args) {
    args.push_back("--server");
    args.push_back(SourceUrl());
    args.push_back("--state-dir");
    args.push_back(dir_ / "state-source");
    return Dojava(std::move(args));
  }

  std::string SourceUrl() const { return "http://" + source_; }
  std::string ReviewerUrl() const { return "http://" + reviewer_; }
  const std::string& source_addr() const { return source_; }
  const std::string& reviewer_addr() const { return reviewer_; }
  const TempDir& dir() const { return dir_; }
  const std::string& fingerprint() const { return fingerprint_; }

 private:
  TempDir dir_;
  std::unique_ptr<testing::DojavadServer> server_;
  std::string admin_public_, fingerprint_, source_, reviewer_;
};

json::object Json(const RunResult& r) {
  INFO(r.out << r.err);
  json::error_code ec;
  json::value v = json::parse(r.out, ec);
  REQUIRE(!ec);
  return v.as_object();
}

std::string SubmitReport(Instance& inst, const std::vector<std::string>& attach,
                         const std::vector<std::string>& extra = {}) {
  WriteFile(inst.dir() / "report.txt", "Pegasus na telefonu novinarke — 2026-10");
  std::vector<std::string> args = {"submit",
                                   "--form",
                                   "country=RS",
                                   "--form",
                                   "incident=spyware",
                                   "--text-file",
                                   inst.dir() / "report.txt",
                                   "--json",
                                   "--admin-fingerprint",
                                   inst.fingerprint()};
  for (const auto& a : attach) {
    args.push_back("--attach");
    args.push_back(a);
  }
  args.insert(args.end(), extra.begin(), extra.end());
  auto r = inst.AsSource(args);
  INFO(r.err);
  REQUIRE(r.rc == 0);
  const std::string receipt(Json(r)["receipt"].as_string());
  REQUIRE(receipt.size() == 34);
  return receipt;
}

std::string OnlyCase(Instance& inst, const std::string& reviewer) {
  auto cases = inst.As(reviewer, {"cases", "--json"});
  INFO(cases.err);
  REQUIRE(cases.rc == 0);
  auto arr = Json(cases)["cases"].as_array();
  REQUIRE(arr.size() == 1);
  return std::string(arr[0].as_object()["case_id"].as_string());
}

TEST_CASE("e2e: submit with attachments, reviewer reads, downloads, replies; source follows up",
          "[cli][e2e]") {
  Instance inst;
  inst.AddReviewer("ana");
  const std::string big = RandomBytes(1300 * 1024, 1);  // 3 chunks
  const std::string small = "meeting notes\n";
  WriteFile(inst.dir() / "evidence.bin", big);
  WriteFile(inst.dir() / "notes.txt", small);
  const std::string receipt =
      SubmitReport(inst, {inst.dir() / "evidence.bin", inst.dir() / "notes.txt"});

  const std::string case_id = OnlyCase(inst, "ana");
  auto show = inst.As("ana", {"show", case_id, "--json"});
  INFO(show.err);
  REQUIRE(show.rc == 0);
  json::object shown = Json(show);
  CHECK(show.out.find("Pegasus na telefonu novinarke") != std::string::npos);
  CHECK(shown["files"].as_array().size() == 2);
  CHECK(shown["status"].as_string() == "new");

  // Byte-identical downloads, by number and by name.
  auto get1 = inst.As("ana", {"get", case_id, "1", "-o", inst.dir() / "got1.bin"});
  INFO(get1.err);
  REQUIRE(get1.rc == 0);
  CHECK(ReadAll(inst.dir() / "got1.bin") == big);
  auto get2 = inst.As("ana", {"get", case_id.substr(0, 6), "notes.txt", "-o", inst.dir() / "got2"});
  INFO(get2.err);  // once seen failing with exit 2 under ASan and load, without a message kept
  REQUIRE(get2.rc == 0);
  CHECK(ReadAll(inst.dir() / "got2") == small);

  // An interrupted download resumes: leave what an interrupted run leaves
  // (the first two chunks in OUTPUT.part) and run again.
  auto file_id = Base64UrlDecodeFixed<16>(
      std::string_view(shown["files"].as_array()[0].as_object()["file_id"].as_string()));
  REQUIRE(file_id.ok());
  WriteFile(inst.dir() / ("got3.bin." + HexEncode(*file_id) + ".part"), big.substr(0, 2 * 524288));
  // The part file of another attachment with the same output name is not used.
  WriteFile(inst.dir() / "got3.bin.part", "not this");
  auto resumed = inst.As("ana", {"get", case_id, "1", "-o", inst.dir() / "got3.bin"});
  INFO(resumed.err);
  REQUIRE(resumed.rc == 0);
  CHECK(resumed.err.find("resuming") != std::string::npos);
  CHECK(ReadAll(inst.dir() / "got3.bin") == big);

  // Reply with an attachment.
  WriteFile(inst.dir() / "answer.txt", "please send the SMS screenshots");
  auto reply = inst.As(
      "ana", {"reply", case_id, "Hvala, javićemo se.", "--attach", inst.dir() / "answer.txt"});
  INFO(reply.err);
  REQUIRE(reply.rc == 0);

  // The source reads the reply with the receipt (typed with spaces), gets the
  // reviewer's file and follows up.
  std::string typed = receipt;
  std::replace(typed.begin(), typed.end(), '-', ' ');
  WriteFile(inst.dir() / "receipt", typed + "\n");
  WriteFile(inst.dir() / "followup.txt", "Evo još detalja.");
  auto inbox = inst.AsSource({"inbox", "--receipt-file", inst.dir() / "receipt", "--get", "3", "-o",
                              inst.dir() / "from-reviewer.txt", "--reply-file",
                              inst.dir() / "followup.txt", "--json"});
  INFO(inbox.err);
  REQUIRE(inbox.rc == 0);
  CHECK(inbox.out.find("Hvala, javićemo se.") != std::string::npos);
  CHECK(ReadAll(inst.dir() / "from-reviewer.txt") == "please send the SMS screenshots");
  CHECK(Json(inbox)["sent_seq"].as_int64() == 3);

  auto again = inst.As("ana", {"show", case_id});
  REQUIRE(again.rc == 0);
  CHECK(again.out.find("Evo još detalja.") != std::string::npos);

  // A wrong receipt (valid check digit, no case) is "not found".
  WriteFile(inst.dir() / "wrong", "0000-0000-0000-0000-0000-0000-0000\n");
  auto wrong = inst.AsSource({"inbox", "--receipt-file", inst.dir() / "wrong"});
  CHECK(wrong.rc == 6);
}

// Flips one byte of a stored blob, as someone holding the database key could
// (the server must be stopped). `column` of the first row `where` selects.
// Reads the first stored blob matching `where`, as someone holding the
// database key could.
Bytes GetStoredBlob(const std::string& data_dir, const std::string& table,
                    const std::string& column, const std::string& where) {
  auto key = service::DatabaseKey::LoadFile(data_dir + "/database.key");
  REQUIRE(key.ok());
  auto db =
      service::SqliteDb::Open(data_dir + "/dojava.db", *key, service::SqliteDb::Mode::kReadOnly);
  REQUIRE(db.ok());
  auto sel = (*db)->Prepare("SELECT " + column + " FROM " + table + " WHERE " + where);
  REQUIRE(sel.ok());
  auto row = sel->Step();
  REQUIRE(row.ok());
  REQUIRE(*row);
  ByteView v = sel->ColumnBlob(0);
  return Bytes(v.begin(), v.end());
}

void SetStoredBlob(const std::string& data_dir, const std::string& table, const std::string& column,
                   const std::string& where, const Bytes& blob);

void FlipStoredByte(const std::string& data_dir, const std::string& table,
                    const std::string& column, const std::string& where, size_t offset) {
  Bytes blob = GetStoredBlob(data_dir, table, column, where);
  REQUIRE(offset < blob.size());
  blob[offset] ^= 0x01;
  SetStoredBlob(data_dir, table, column, where, blob);
}

// Replaces a stored blob, as someone holding the database key could.
void SetStoredBlob(const std::string& data_dir, const std::string& table, const std::string& column,
                   const std::string& where, const Bytes& blob) {
  auto key = service::DatabaseKey::LoadFile(data_dir + "/database.key");
  REQUIRE(key.ok());
  auto db =
      service::SqliteDb::Open(data_dir + "/dojava.db", *key, service::SqliteDb::Mode::kReadWrite);
  REQUIRE(db.ok());
  auto upd = (*db)->Prepare("UPDATE " + table + " SET " + column + " = ?1 WHERE " + where);
  REQUIRE(upd.ok());
  upd->BindBlob(1, blob);
  REQUIRE(upd->Run().ok());
}

// `get --clean` writes a metadata-stripped copy next to the original with
// Debian's mat2 (ops/setup installs it), keeping the original byte for byte.
TEST_CASE("e2e: get --clean keeps the original and writes a copy without metadata", "[cli][e2e]") {
  if (::access("/usr/bin/mat2", X_OK) != 0) SKIP("mat2 is not installed (ops/setup installs it)");
  Instance inst;
  inst.AddReviewer("ana");
  // A real JPEG with GPS EXIF (static/test/fixtures/make-fixtures.mjs).
  const std::filesystem::path repo = DOJAVA_SOURCE_DIR;
  const std::string photo = ReadAll((repo / "static/test/fixtures/photo-gps.jpg").string());
  REQUIRE(photo.find("Exif") != std::string::npos);
  WriteFile(inst.dir() / "photo.jpg", photo);
  SubmitReport(inst, {inst.dir() / "photo.jpg"}, {"--keep-metadata"});
  const std::string case_id = OnlyCase(inst, "ana");

  auto got = inst.As("ana", {"get", case_id, "1", "-o", inst.dir() / "got.jpg", "--clean"});
  INFO(got.out << got.err);
  REQUIRE(got.rc == 0);
  CHECK(ReadAll(inst.dir() / "got.jpg") == photo);  // the original, as sent
  const std::string cleaned = ReadAll(inst.dir() / "got.cleaned.jpg");
  REQUIRE(cleaned.size() > 100);
  CHECK(cleaned.substr(0, 2) == "\xFF\xD8");         // still a JPEG
  CHECK(cleaned.find("Exif") == std::string::npos);  // without its EXIF (GPS) block
  CHECK(got.out.find("metadata-stripped copy") != std::string::npos);
}

// Issue 17: `dojava submit` kept the GPS position of photos that the web
// page removes. Now it removes it by the page's rules unless asked not to.
TEST_CASE("e2e: submit removes GPS EXIF and PNG text by default; --keep-metadata sends as is",
          "[cli][e2e]") {
  Instance inst;
  inst.AddReviewer("ana");
  const std::filesystem::path fixtures =
      std::filesystem::path(DOJAVA_SOURCE_DIR) / "static/test/fixtures";
  WriteFile(inst.dir() / "photo.jpg", ReadAll((fixtures / "photo-gps.jpg").string()));
  WriteFile(inst.dir() / "shot.png", ReadAll((fixtures / "photo-text.png").string()));
  SubmitReport(inst, {inst.dir() / "photo.jpg", inst.dir() / "shot.png"});
  const std::string case_id = OnlyCase(inst, "ana");
  for (const auto& [n, out, clean] : {std::tuple{"1", "got.jpg", "photo-clean.jpg"},
                                      std::tuple{"2", "got.png", "photo-clean.png"}}) {
    auto got = inst.As("ana", {"get", case_id, n, "-o", inst.dir() / out});
    INFO(got.out << got.err);
    REQUIRE(got.rc == 0);
    CHECK(ReadAll(inst.dir() / out) == ReadAll((fixtures / clean).string()));
  }
  auto show = inst.As("ana", {"show", case_id});
  CHECK(show.out.find("photo.jpg") != std::string::npos);  // the original name, not /proc/...

  // A photo that claims to be a JPEG but is cut short: refused, nothing sent.
  WriteFile(inst.dir() / "cut.jpg", ReadAll((fixtures / "photo-gps.jpg").string()).substr(0, 300));
  WriteFile(inst.dir() / "report.txt", "x");
  auto cut = inst.AsSource({"submit", "--text-file", inst.dir() / "report.txt", "--attach",
                            inst.dir() / "cut.jpg", "--admin-fingerprint", inst.fingerprint()});
  CHECK(cut.rc == 2);
  CHECK(cut.err.find("--keep-metadata") != std::string::npos);
}

TEST_CASE("e2e: a case key swapped by the server is refused before anything is encrypted",
          "[cli][e2e]") {
  Instance inst;
  const std::string ana_key = inst.AddReviewer("ana");
  SubmitReport(inst, {});
  const std::string case_id = OnlyCase(inst, "ana");
  REQUIRE(inst.As("ana", {"show", case_id}).rc == 0);  // first open: CK pinned
  const std::string data = inst.dir() / "data";
  const std::string source = inst.source_addr(), reviewer = inst.reviewer_addr();

  // The server seals a fresh key of its own (CK') to ana: sealed keys are
  // anonymous, so it opens fine.
  inst.Stop();
  std::string line = ReadAll(ana_key + ".pub");
  while (!line.empty() && line.back() == '\n') line.pop_back();
  auto pub = client::ParsePublicKeyLine(line);
  REQUIRE(pub.ok());
  auto cid = Base64UrlDecodeFixed<16>(case_id);
  REQUIRE(cid.ok());
  const SecretBytes server_key = SecretBytes::Random(32);
  auto sealed = crypto::SealKey(server_key, protocol::kRoleCaseKey, *cid, pub->x25519);
  REQUIRE(sealed.ok());
  SetStoredBlob(data, "case_keys", "sealed", "role = 1 AND length(recipient) = 16", *sealed);
  inst.Start(source, reviewer, data);

  // Pinned: a different key is a trust failure, nothing is sent.
  auto reply = inst.As("ana", {"reply", case_id, "the name of our contact"});
  INFO(reply.err);
  CHECK(reply.rc == 5);
  CHECK(reply.err.find("different case key") != std::string::npos);
  CHECK(inst.As("ana", {"status", case_id, "triage"}).rc == 5);
  // Without the pin (a fresh state dir): the report does not open under CK',
  // so nothing is encrypted under it either.
  auto fresh =
      inst.Dojava({"reply", case_id, "the name of our contact", "--server", inst.ReviewerUrl(),
                   "--key-file", ana_key, "--passphrase-file", inst.dir() / "pass", "--state-dir",
                   inst.dir() / "state-fresh", "--admin-fingerprint", inst.fingerprint()});
  INFO(fresh.err);
  CHECK(fresh.rc == 7);
  CHECK(fresh.err.find("refusing to encrypt") != std::string::npos);
}

// Dojava 0.1.0 wrote version-1 records and rosters (retired, PROTOCOL.md
// §16). This CLI names both and reads nothing of them; dojavad still starts
// on a version-1 roster and serves it as it is.
TEST_CASE("e2e: a version-1 record or roster is refused by the CLI, named", "[cli][e2e]") {
  Instance inst;
  inst.AddReviewer("ana");
  const std::string receipt = SubmitReport(inst, {});
  WriteFile(inst.dir() / "receipt", receipt + "\n");
  const std::string case_id = OnlyCase(inst, "ana");
  const std::string data = inst.dir() / "data";
  const std::string source = inst.source_addr(), reviewer = inst.reviewer_addr();

  inst.Stop();
  Bytes report = GetStoredBlob(data, "messages", "record", "seq = 1");
  report[0] = 1;
  SetStoredBlob(data, "messages", "record", "seq = 1", report);
  inst.Start(source, reviewer, data);
  auto show = inst.As("ana", {"show", case_id});
  INFO(show.out << show.err);
  CHECK(show.rc != 0);
  CHECK((show.out + show.err).find("version-1 record (Dojava 0.1.0)") != std::string::npos);
  CHECK(show.out.find("Pegasus") == std::string::npos);
  auto inbox = inst.AsSource({"inbox", "--receipt-file", inst.dir() / "receipt"});
  INFO(inbox.out << inbox.err);
  CHECK(inbox.rc != 0);
  CHECK((inbox.out + inbox.err).find("version-1 record (Dojava 0.1.0)") != std::string::npos);

  inst.Stop();
  Bytes roster = GetStoredBlob(data, "roster", "signed", "singleton = 1");
  roster[0] = 1;
  SetStoredBlob(data, "roster", "signed", "singleton = 1", roster);
  inst.Start(source, reviewer, data);
  auto cases = inst.As("ana", {"cases"});
  INFO(cases.out << cases.err);
  CHECK(cases.rc != 0);
  CHECK(cases.err.find("a version-1 roster of Dojava 0.1.0 is not read") != std::string::npos);
}

// H1 (PROTOCOL §7.1, §15): source_pk is public, so a compromised server could
// seal a case key of its own (CK') to it, put that record in the source's
// place and a report of its own under CK' in place of message #1: a source
// that opened CK' saw a consistent case and encrypted its follow-up under
// CK'. The source's copy is now wrapped under source_wrap, which only the
// receipt gives: the swapped record does not open and inbox stops before
// anything is read or sent.
TEST_CASE("e2e: a source case key swapped by the server for one sealed to source_pk is refused",
          "[cli][e2e]") {
  Instance inst;
  inst.AddReviewer("ana");
  const std::string receipt = SubmitReport(inst, {});
  WriteFile(inst.dir() / "receipt", receipt + "\n");
  const std::string case_id = OnlyCase(inst, "ana");
  auto before = inst.AsSource({"inbox", "--receipt-file", inst.dir() / "receipt"});
  REQUIRE(before.rc == 0);
  REQUIRE(before.out.find("Pegasus") != std::string::npos);
  const std::string data = inst.dir() / "data";
  const std::string source = inst.source_addr(), reviewer = inst.reviewer_addr();

  inst.Stop();
  const Bytes stored_pk = GetStoredBlob(data, "cases", "source_public_key", "1 = 1");
  REQUIRE(stored_pk.size() == 32);
  crypto::X25519Public source_pk{};
  std::copy(stored_pk.begin(), stored_pk.end(), source_pk.begin());
  auto cid = Base64UrlDecodeFixed<16>(case_id);
  REQUIRE(cid.ok());
  const SecretBytes server_key = SecretBytes::Random(32);
  auto forged = crypto::SealKey(server_key, protocol::kRoleCaseKey, *cid, source_pk);
  REQUIRE(forged.ok());
  const std::string forged_text = R"({"type":"report","source_pk":")" + Base64UrlEncode(source_pk) +
                                  R"(","form":{},"text":"forged by the server","files":[]})";
  const crypto::Ed25519KeyPair server_sign =
      crypto::Ed25519FromSeed(SecretBytes::Random(32).reveal());
  const crypto::v2::Signer as_source{protocol::kAuthorSource, {}, server_sign.public_key,
                                     &server_sign.secret_key};
  auto forged_report =
      crypto::v2::EncryptMessage(server_key, protocol::kKindConversation, *cid, crypto::RandomId(),
                                 AsBytes(forged_text), as_source, {1, 20000, {}});
  REQUIRE(forged_report.ok());
  const std::string source_row = "role = 1 AND length(recipient) = 0";
  const Bytes original = GetStoredBlob(data, "case_keys", "sealed", source_row);
  const Bytes original_report = GetStoredBlob(data, "messages", "record", "seq = 1");
  SetStoredBlob(data, "case_keys", "sealed", source_row, *forged);
  SetStoredBlob(data, "messages", "record", "seq = 1", *forged_report);
  inst.Start(source, reviewer, data);

  auto read = inst.AsSource({"inbox", "--receipt-file", inst.dir() / "receipt"});
  INFO(read.out << read.err);
  CHECK(read.rc == 7);
  CHECK(read.err.find("case key does not open with this receipt") != std::string::npos);
  CHECK(read.out.find("Pegasus") == std::string::npos);  // nothing shown
  CHECK(read.out.find("forged by the server") == std::string::npos);
  WriteFile(inst.dir() / "followup.txt", "the name of our contact");
  auto followup = inst.AsSource({"inbox", "--receipt-file", inst.dir() / "receipt", "--reply-file",
                                 inst.dir() / "followup.txt"});
  INFO(followup.out << followup.err);
  CHECK(followup.rc == 7);
  CHECK(followup.out.find("follow-up sent") == std::string::npos);

  // The original records put back: nothing reached the server (the case
  // still holds the report only), and the source reads its case again.
  inst.Stop();
  SetStoredBlob(data, "case_keys", "sealed", source_row, original);
  SetStoredBlob(data, "messages", "record", "seq = 1", original_report);
  inst.Start(source, reviewer, data);
  auto show = inst.As("ana", {"show", case_id});
  REQUIRE(show.rc == 0);
  CHECK(show.out.find("Pegasus") != std::string::npos);
  CHECK(show.out.find("our contact") == std::string::npos);
  auto after = inst.AsSource({"inbox", "--receipt-file", inst.dir() / "receipt"});
  CHECK(after.rc == 0);
  CHECK(after.out.find("Pegasus") != std::string::npos);
}

TEST_CASE("e2e: source commands leave no trace on disk and never trust a key blindly",
          "[cli][e2e]") {
  Instance inst;
  inst.AddReviewer("ana");
  // Where the default state would go.
  const std::string home = inst.dir() / "home", xdg = inst.dir() / "xdg";
  const char* old_home_env = std::getenv("HOME");
  const std::string old_home = old_home_env ? old_home_env : "/";
  REQUIRE(::setenv("HOME", home.c_str(), 1) == 0);
  REQUIRE(::setenv("XDG_DATA_HOME", xdg.c_str(), 1) == 0);
  WriteFile(inst.dir() / "report.txt", "a report");
  auto source = [&](std::vector<std::string> args) {
    args.push_back("--server");
    args.push_back(inst.SourceUrl());
    return inst.Dojava(std::move(args));
  };

  // First contact without a fingerprint and without a terminal: refused,
  // the served fingerprint printed.
  auto blind = source({"submit", "--text-file", inst.dir() / "report.txt"});
  CHECK(blind.rc == 5);
  CHECK(blind.err.find(inst.fingerprint()) != std::string::npos);
  CHECK(blind.out.find("receipt") == std::string::npos);
  auto wrong_fp = source({"submit", "--text-file", inst.dir() / "report.txt", "--admin-fingerprint",
                          "0000 0000 0000 0000 0000 0000 0000 0000 0000 0000"});
  CHECK(wrong_fp.rc == 5);

  // On a terminal the person may confirm the fingerprint shown; anything but
  // "yes" is a refusal.
  std::string tty;
  auto declined = RunWithTty(inst.dir().path(),
                             {DOJAVA_CLI_BINARY, "submit", "--server", inst.SourceUrl(),
                              "--text-file", inst.dir() / "report.txt"},
                             "no\n", &tty);
  CHECK(declined.rc == 5);
  CHECK(tty.find(inst.fingerprint()) != std::string::npos);
  tty.clear();
  auto confirmed = RunWithTty(inst.dir().path(),
                              {DOJAVA_CLI_BINARY, "submit", "--server", inst.SourceUrl(),
                               "--text-file", inst.dir() / "report.txt", "--json"},
                              "yes\n", &tty);
  INFO(confirmed.err << tty);
  CHECK(confirmed.rc == 0);
  CHECK(confirmed.out.find("receipt") != std::string::npos);
  CHECK(tty.find("Type yes") != std::string::npos);

  // With the fingerprint: submitted and read back, and nothing written.
  auto sub = source({"submit", "--text-file", inst.dir() / "report.txt", "--admin-fingerprint",
                     inst.fingerprint(), "--json"});
  INFO(sub.err);
  REQUIRE(sub.rc == 0);
  WriteFile(inst.dir() / "receipt", std::string(Json(sub)["receipt"].as_string()) + "\n");
  auto in1 = source({"inbox", "--receipt-file", inst.dir() / "receipt", "--admin-fingerprint",
                     inst.fingerprint()});
  INFO(in1.err);
  CHECK(in1.rc == 0);
  CHECK(in1.out.find("a report") != std::string::npos);
  CHECK(::access(home.c_str(), F_OK) != 0);
  CHECK(::access(xdg.c_str(), F_OK) != 0);
  // inbox on first contact is held to the same rule.
  CHECK(source({"inbox", "--receipt-file", inst.dir() / "receipt"}).rc == 5);

  // An explicit --state-dir keeps the pin (no fingerprint needed next time),
  // but never a file naming the server.
  const std::string state = inst.dir() / "source-state";
  auto pinned = source({"inbox", "--receipt-file", inst.dir() / "receipt", "--admin-fingerprint",
                        inst.fingerprint(), "--state-dir", state});
  REQUIRE(pinned.rc == 0);
  auto again = source({"inbox", "--receipt-file", inst.dir() / "receipt", "--state-dir", state});
  INFO(again.err);
  CHECK(again.rc == 0);
  auto listing = Run({"/bin/sh", "-c", "find '" + state + "' -type f"});
  CHECK(listing.out.find("admin_public_key") != std::string::npos);
  CHECK(listing.out.find("/server\n") == std::string::npos);
  auto grep = Run({"/bin/sh", "-c", "grep -rl '" + inst.source_addr() + "' '" + state + "'"});
  CHECK(grep.out.empty());
  ::unsetenv("XDG_DATA_HOME");
  ::setenv("HOME", old_home.c_str(), 1);
}

TEST_CASE("e2e: tampering with a stored message, sealed key or chunk is detected and named",
          "[cli][e2e]") {
  Instance inst;
  inst.AddReviewer("ana");
  const std::string big = RandomBytes(1100 * 1024, 2);
  WriteFile(inst.dir() / "evidence.bin", big);
  const std::string receipt = SubmitReport(inst, {inst.dir() / "evidence.bin"});
  WriteFile(inst.dir() / "receipt", receipt + "\n");
  const std::string case_id = OnlyCase(inst, "ana");
  REQUIRE(inst.As("ana", {"reply", case_id, "received"}).rc == 0);
  const std::string data = inst.dir() / "data";
  const std::string source = inst.source_addr(), reviewer = inst.reviewer_addr();

  // A flipped bit in the stored report: both sides say which message failed.
  inst.Stop();
  FlipStoredByte(data, "messages", "record", "seq = 1", 100);
  inst.Start(source, reviewer, data);
  auto show = inst.As("ana", {"show", case_id});
  CHECK(show.rc == 7);
  CHECK(show.out.find("message #1") != std::string::npos);
  // v2 (§8.4): the reply names the report as it was, so it is named too; the
  // case is shown, and refused for writing.
  CHECK(show.out.find("message #2: reordered") != std::string::npos);
  auto inbox = inst.AsSource({"inbox", "--receipt-file", inst.dir() / "receipt"});
  CHECK(inbox.rc == 7);
  CHECK(inbox.out.find("message #1") != std::string::npos);
  // Nothing new is encrypted under a case key that may have been swapped:
  // the source's follow-up and the reviewer's reply and note are refused.
  WriteFile(inst.dir() / "followup.txt", "do not send this");
  auto followup = inst.AsSource({"inbox", "--receipt-file", inst.dir() / "receipt", "--reply-file",
                                 inst.dir() / "followup.txt"});
  CHECK(followup.rc == 7);
  CHECK(followup.err.find("not sending the follow-up") != std::string::npos);
  CHECK(followup.out.find("follow-up sent") == std::string::npos);
  auto refused_reply = inst.As("ana", {"reply", case_id, "do not send this either"});
  CHECK(refused_reply.rc == 7);
  CHECK(refused_reply.err.find("refusing to encrypt") != std::string::npos);
  CHECK(inst.As("ana", {"note", case_id, "nor this"}).rc == 7);
  inst.Stop();
  FlipStoredByte(data, "messages", "record", "seq = 1", 100);  // restored
  inst.Start(source, reviewer, data);
  auto restored = inst.As("ana", {"show", case_id});
  REQUIRE(restored.rc == 0);
  CHECK(restored.out.find("do not send") == std::string::npos);
  CHECK(restored.out.find("nor this") == std::string::npos);

  // A flipped bit in a chunk: the download fails naming the chunk, no output.
  inst.Stop();
  FlipStoredByte(data, "chunks", "record", "idx = 1", 4000);
  inst.Start(source, reviewer, data);
  auto get = inst.As("ana", {"get", case_id, "1", "-o", inst.dir() / "out.bin"});
  CHECK(get.rc == 7);
  CHECK(get.err.find("chunk 1") != std::string::npos);
  CHECK(::access((inst.dir() / "out.bin").c_str(), F_OK) != 0);

  // A flipped bit in the reviewer's sealed case key.
  inst.Stop();
  FlipStoredByte(data, "case_keys", "sealed", "role = 1 AND length(recipient) = 16", 50);
  inst.Start(source, reviewer, data);
  auto sealed = inst.As("ana", {"show", case_id});
  CHECK(sealed.rc == 7);
  CHECK(sealed.err.find("sealed case key") != std::string::npos);
}

TEST_CASE("e2e: notes events, second reviewer granted, ungranted reviewer refused", "[cli][e2e]") {
  Instance inst;
  inst.AddReviewer("ana");
  SubmitReport(inst, {});
  const std::string case_id = OnlyCase(inst, "ana");
  REQUIRE(inst.As("ana", {"status", case_id, "triage"}).rc == 0);
  REQUIRE(inst.As("ana", {"label", case_id, "--add", "spyware", "--add", "sms"}).rc == 0);
  REQUIRE(inst.As("ana", {"label", case_id, "--remove", "sms"}).rc == 0);
  REQUIRE(inst.As("ana", {"assign", case_id, "me"}).rc == 0);
  REQUIRE(inst.As("ana", {"note", case_id, "called the source's lawyer"}).rc == 0);
  // Ana's first open anchored the case and her first note created NK: the
  // server keeps both only in their envelopes (PROTOCOL.md §7.4).
  const Bytes anchor = GetStoredBlob(inst.dir() / "data", "case_anchors", "envelope", "1 = 1");
  CHECK(anchor.size() == 58 + 129 + 16);
  CHECK(anchor[1] == 2);
  const Bytes genesis = GetStoredBlob(inst.dir() / "data", "case_genesis", "envelope", "1 = 1");
  CHECK(genesis[0] == 2);
  CHECK(genesis[1] == 1);

  // Bob joins after the case was sealed: he cannot read it until granted.
  inst.AddReviewer("bob");
  auto bob_cases = inst.As("bob", {"cases", "--json"});
  INFO(bob_cases.err);
  REQUIRE(bob_cases.rc == 0);
  CHECK(Json(bob_cases)["not_granted"].as_int64() == 1);
  CHECK(inst.As("bob", {"show", case_id}).rc == 9);

  auto grant = inst.As("ana", {"grant", case_id, "bob"});
  INFO(grant.err);
  REQUIRE(grant.rc == 0);
  auto bob_show = inst.As("bob", {"show", case_id, "--json"});
  INFO(bob_show.err);
  REQUIRE(bob_show.rc == 0);
  json::object st = Json(bob_show);
  CHECK(st["status"].as_string() == "triage");
  CHECK(st["labels"].as_array().size() == 1);
  CHECK(st["labels"].as_array()[0].as_string() == "spyware");
  CHECK(st["assignee_name"].as_string() == "ana");
  CHECK(bob_show.out.find("called the source's lawyer") != std::string::npos);

  // Filters.
  auto filtered = inst.As("bob", {"cases", "--status", "closed", "--json"});
  REQUIRE(filtered.rc == 0);
  CHECK(Json(filtered)["cases"].as_array().empty());
  auto labelled = inst.As("bob", {"cases", "--label", "spyware", "--assignee", "ana", "--json"});
  REQUIRE(labelled.rc == 0);
  CHECK(Json(labelled)["cases"].as_array().size() == 1);

  // Export as CSV, then delete.
  auto csv = inst.As("bob", {"export", "--format", "csv"});
  REQUIRE(csv.rc == 0);
  CHECK(csv.out.find("\"RS\"") != std::string::npos);
  CHECK(csv.out.find("\"triage\"") != std::string::npos);
  CHECK(inst.As("bob", {"delete", case_id}).rc == 2);  // --yes required
  REQUIRE(inst.As("bob", {"delete", case_id, "--yes"}).rc == 0);
  CHECK(inst.As("ana", {"show", case_id}).rc == 6);
}

TEST_CASE("e2e: roster rollback refused, admin key pinned, clear failures", "[cli][e2e]") {
  Instance inst;
  inst.AddReviewer("ana");
  REQUIRE(inst.As("ana", {"login"}).rc == 0);
  // Keep a copy of the instance as it is with roster version 1.
  inst.Stop();
  REQUIRE(std::system(
              ("cp -a '" + inst.dir() / "data" + "' '" + inst.dir() / "data-v1" + "'").c_str()) ==
          0);
  const std::string source = inst.source_addr(), reviewer = inst.reviewer_addr();
  inst.Start(source, reviewer, inst.dir() / "data");
  inst.AddReviewer("bob");  // roster version 2
  auto v2 = inst.As("ana", {"cases", "--json"});
  INFO(v2.err);
  REQUIRE(v2.rc == 0);
  // The server is rolled back to its old copy: same address, roster version 1.
  inst.Stop();
  inst.Start(source, reviewer, inst.dir() / "data-v1");
  auto rolled = inst.As("ana", {"cases"});
  CHECK(rolled.rc == 5);
  CHECK(rolled.err.find("rollback") != std::string::npos);
  auto show = inst.Dojava(
      {"roster", "show", "--server", inst.ReviewerUrl(), "--state-dir", inst.dir() / "state-ana"});
  CHECK(show.rc == 5);

  // Another instance answering at a pinned address: refused (admin key changed).
  inst.Stop();
  auto other_admin =
      inst.Dojava({"admin", "init", "--key-file", inst.dir() / "other.key", "--passphrase-file",
                   inst.dir() / "pass", "--kdf-memory-mib", "8", "--json"});
  REQUIRE(other_admin.rc == 0);
  const std::string other_pub(Json(other_admin)["admin_public_key"].as_string());
  auto other_init = Run({DOJAVAD_BINARY, "init", "--data-dir", inst.dir() / "data-other",
                         "--admin-public-key", other_pub, "--name", "Impostor"});
  INFO(other_init.err);
  REQUIRE(other_init.rc == 0);
  inst.Start(source, reviewer, inst.dir() / "data-other");
  auto impostor = inst.As("ana", {"cases"});
  CHECK(impostor.rc == 5);
  CHECK(impostor.err.find("admin key changed") != std::string::npos);
  // First contact with an explicit, wrong fingerprint: refused too.
  auto fp = inst.Dojava({"roster", "show", "--server", inst.ReviewerUrl(), "--state-dir",
                         inst.dir() / "fresh", "--admin-fingerprint", inst.fingerprint()});
  CHECK(fp.rc == 5);

  // Wrong passphrase, unreachable server, unknown case.
  inst.Stop();
  inst.Start(source, reviewer, inst.dir() / "data");
  WriteFile(inst.dir() / "wrongpass", "not it\n");
  auto wp = inst.Dojava({"login", "--server", inst.ReviewerUrl(), "--key-file",
                         inst.dir() / "ana.key", "--passphrase-file", inst.dir() / "wrongpass",
                         "--state-dir", inst.dir() / "state-ana"});
  CHECK(wp.rc == 4);
  CHECK(wp.err.find("wrong passphrase") != std::string::npos);
  CHECK(inst.As("ana", {"show", "AAAAAAAAAAAAAAAAAAAAAA"}).rc == 6);
  CHECK(inst.As("ana", {"logout"}).rc == 0);
  inst.Stop();
  auto down = inst.As("ana", {"cases"});
  CHECK(down.rc == 3);
  CHECK(down.err.find("cannot reach") != std::string::npos);
}

// A loopback TCP proxy in front of a dojavad listener that breaks
// connections the way a failing tor stream does, a bounded number of times:
// on even connections it forwards a request only half-way through the
// second chunk body and closes both sides (the server drops the partial
// body, the client's write or read fails); on odd connections it lets the
// second chunk through, then swallows the server's answer and closes (the
// chunk is committed but the client never hears so, and sends the same bytes
// again). After `max_cuts` of each kind it only forwards. With `dead_after`
// > 0, once that many bytes went to the server (all connections together)
// every connection is closed at once, as when the circuit dies.
class CuttingProxy {
 public:
  // dead_after / dead_down_after: the circuit dies once that many bytes went
  // to the server / came from it (0: never).
  CuttingProxy(const std::string& target, int max_cuts, size_t dead_after = 0,
               size_t dead_down_after = 0)
      : max_cuts_(max_cuts), dead_after_(dead_after), dead_down_after_(dead_down_after) {
    const size_t colon = target.rfind(':');
    REQUIRE(colon != std::string::npos);
    target_port_ = static_cast<uint16_t>(std::stoi(target.substr(colon + 1)));
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a = Loopback(0);
    REQUIRE(::bind(listen_fd_, reinterpret_cast<sockaddr*>(&a), sizeof(a)) == 0);
    REQUIRE(::listen(listen_fd_, 16) == 0);
    socklen_t len = sizeof(a);
    ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
    acceptor_ = std::thread([this] { AcceptLoop(); });
  }
  ~CuttingProxy() {
    stop_ = true;
    acceptor_.join();
    for (auto& t : connections_) t.join();
    ::close(listen_fd_);
  }

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int requests_cut() const { return cuts_[0]; }
  int answers_lost() const { return cuts_[1]; }
  int connections() const { return connections_seen_; }
  int peak_open() const { return peak_open_; }
  int chunk_gets() const { return chunk_gets_; }

 private:
  static constexpr size_t kRecord = 524305;  // PROTOCOL §9.2 chunk record

  static sockaddr_in Loopback(uint16_t port) {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(port);
    return a;
  }

  void AcceptLoop() {
    for (int n = 0; !stop_;) {
      pollfd p{listen_fd_, POLLIN, 0};
      if (::poll(&p, 1, 100) <= 0) continue;
      const int client = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
      if (client < 0) continue;
      const int kind = n++ % 2;
      connections_.emplace_back([this, client, kind] { Forward(client, kind); });
    }
  }

  // Claims one cut of `kind` if any is left.
  bool TakeCut(int kind) {
    std::lock_guard<std::mutex> lock(mu_);
    if (cuts_[kind] >= max_cuts_) return false;
    ++cuts_[kind];
    return true;
  }

  void Forward(int client, int kind) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      ++connections_seen_;
      peak_open_ = std::max(peak_open_, ++open_);
    }
    ForwardOpen(client, kind);
    std::lock_guard<std::mutex> lock(mu_);
    --open_;
  }

  // True once the circuit is dead (dead_after_ bytes went to the server).
  bool Dead(size_t more) {
    if (dead_after_ == 0) return false;
    std::lock_guard<std::mutex> lock(mu_);
    total_up_ += more;
    return total_up_ > dead_after_;
  }

  // Counts chunk GETs going up; true once the circuit is dead downwards
  // (dead_down_after_ bytes came from the server).
  bool DeadDown(std::string_view up, size_t down) {
    std::lock_guard<std::mutex> lock(mu_);
    for (size_t at = up.find("GET /api/v1/"); at != std::string_view::npos;
         at = up.find("GET /api/v1/", at + 1)) {
      const size_t eol = up.find('\n', at);
      if (up.substr(at, eol - at).find("/chunks/") != std::string_view::npos) ++chunk_gets_;
    }
    if (dead_down_after_ == 0) return false;
    total_down_ += down;
    return total_down_ > dead_down_after_;
  }

  void ForwardOpen(int client, int kind) {
    const int server = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a = Loopback(target_port_);
    if (::connect(server, reinterpret_cast<sockaddr*>(&a), sizeof(a)) != 0) {
      ::close(server);
      ::close(client);
      return;
    }
    std::vector<char> buf(64 * 1024);
    size_t up = 0;  // bytes forwarded to the server
    while (!stop_) {
      pollfd p[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
      if (::poll(p, 2, 100) <= 0) continue;
      if (p[0].revents) {
        const ssize_t n = ::recv(client, buf.data(), buf.size(), 0);
        if (n <= 0 || Dead(static_cast<size_t>(n)) ||
            DeadDown(std::string_view(buf.data(), static_cast<size_t>(n)), 0))
          break;
        size_t pass = static_cast<size_t>(n);
        const size_t cut_at = kRecord + kRecord / 2;  // half-way through the second body
        const bool cut = kind == 0 && up + pass > cut_at && TakeCut(0);
        if (cut) pass = cut_at > up ? cut_at - up : 0;
        if (pass > 0 &&
            ::send(server, buf.data(), pass, MSG_NOSIGNAL) != static_cast<ssize_t>(pass))
          break;
        up += pass;
        if (cut) break;
      }
      if (p[1].revents) {
        const ssize_t n = ::recv(server, buf.data(), buf.size(), 0);
        if (n <= 0 || DeadDown({}, static_cast<size_t>(n))) break;
        // The answer to a second chunk: the server has committed it.
        if (kind == 1 && up >= 2 * kRecord && TakeCut(1)) break;
        if (::send(client, buf.data(), static_cast<size_t>(n), MSG_NOSIGNAL) != n) break;
      }
    }
    ::close(server);
    ::close(client);
  }

  const int max_cuts_;
  const size_t dead_after_;
  const size_t dead_down_after_;
  uint16_t target_port_ = 0;
  uint16_t port_ = 0;
  int listen_fd_ = -1;
  std::atomic<bool> stop_{false};
  std::thread acceptor_;
  std::vector<std::thread> connections_;  // only the acceptor adds, joined after it
  std::mutex mu_;
  // GUARDED_BY(mu_) when written; read after the upload.
  int cuts_[2] = {0, 0};
  int connections_seen_ = 0, open_ = 0, peak_open_ = 0, chunk_gets_ = 0;
  size_t total_up_ = 0, total_down_ = 0;
};

std::vector<std::string> SubmitArgs(Instance& inst, const std::vector<std::string>& attach) {
  WriteFile(inst.dir() / "report.txt", "Dokumenti iz ministarstva, u prilogu.");
  std::vector<std::string> args = {"submit",
                                   "--text-file",
                                   inst.dir() / "report.txt",
                                   "--json",
                                   "--admin-fingerprint",
                                   inst.fingerprint(),
                                   "--state-dir",
                                   inst.dir() / "state-source"};
  for (const auto& a : attach) {
    args.push_back("--attach");
    args.push_back(a);
  }
  return args;
}

TEST_CASE("e2e: uploads on several streams reach the reviewer and the source byte for byte",
          "[cli][e2e]") {
  Instance inst;
  inst.AddReviewer("ana");
  // 9 chunks, the last one short; a one-chunk file; an empty one.
  const std::string big = RandomBytes(8 * 524288 + 1234, 7);
  const std::string one = RandomBytes(1000, 8);
  WriteFile(inst.dir() / "big.bin", big);
  WriteFile(inst.dir() / "one.bin", one);
  WriteFile(inst.dir() / "empty.bin", "");
  auto args =
      SubmitArgs(inst, {inst.dir() / "big.bin", inst.dir() / "one.bin", inst.dir() / "empty.bin"});
  RunResult submit;
  {
    // Counts the connections (it breaks none): 4 streams are 4 connections
    // open together, the command's own one and three more, kept alive.
    CuttingProxy proxy(inst.source_addr(), 0);
    args.insert(args.end(), {"--upload-streams", "4", "--server", proxy.url()});
    submit = inst.Dojava(args);
    CHECK(proxy.peak_open() == 4);
    CHECK(proxy.connections() == 4);
  }
  INFO(submit.err);
  REQUIRE(submit.rc == 0);
  const std::string receipt(Json(submit)["receipt"].as_string());

  const std::string case_id = OnlyCase(inst, "ana");
  auto get1 = inst.As("ana", {"get", case_id, "1", "-o", inst.dir() / "got-big"});
  INFO(get1.err);
  REQUIRE(get1.rc == 0);
  CHECK(ReadAll(inst.dir() / "got-big") == big);
  auto get2 = inst.As("ana", {"get", case_id, "2", "-o", inst.dir() / "got-one"});
  REQUIRE(get2.rc == 0);
  CHECK(ReadAll(inst.dir() / "got-one") == one);
  auto get3 = inst.As("ana", {"get", case_id, "3", "-o", inst.dir() / "got-empty"});
  REQUIRE(get3.rc == 0);
  CHECK(ReadAll(inst.dir() / "got-empty").empty());

  // The reviewer's reply path, with the most streams, back to the source.
  const std::string answer = RandomBytes(3 * 524288, 9);  // 4 chunks, the last one empty
  WriteFile(inst.dir() / "answer.bin", answer);
  auto reply = inst.As("ana", {"reply", case_id, "Primljeno.", "--attach",
                               inst.dir() / "answer.bin", "--upload-streams", "8"});
  INFO(reply.err);
  REQUIRE(reply.rc == 0);
  WriteFile(inst.dir() / "receipt", receipt + "\n");
  auto inbox =
      inst.AsSource({"inbox", "--receipt-file", inst.dir() / "receipt", "--get", "4", "-o",
                     inst.dir() / "got-answer", "--admin-fingerprint", inst.fingerprint()});
  INFO(inbox.err);
  REQUIRE(inbox.rc == 0);
  CHECK(ReadAll(inst.dir() / "got-answer") == answer);
}

TEST_CASE("e2e: --upload-streams outside 1..8 is refused before anything is sent", "[cli][e2e]") {
  Instance inst;
  inst.AddReviewer("ana");
  WriteFile(inst.dir() / "a.bin", "x");
  for (const std::string bad : {"0", "9", "abc", "-1", "2.5", ""}) {
    auto args = SubmitArgs(inst, {inst.dir() / "a.bin"});
    args.insert(args.end(), {"--upload-streams", bad, "--server", inst.SourceUrl()});
    auto r = inst.Dojava(args);
    INFO("--upload-streams '" << bad << "': " << r.err);
    CHECK(r.rc == 2);
    CHECK(r.err.find("upload-streams") != std::string::npos);
    CHECK(r.out.empty());
  }
  auto reply = inst.As("ana", {"reply", "AAAAAAAAAAAAAAAAAAAAAA", "text", "--upload-streams", "9"});
  CHECK(reply.rc == 2);
  CHECK(reply.err.find("--upload-streams must be 1..8") != std::string::npos);
  // Nothing reached the server: no case was made.
  auto cases = inst.As("ana", {"cases", "--json"});
  REQUIRE(cases.rc == 0);
  CHECK(Json(cases)["cases"].as_array().empty());
}

TEST_CASE("e2e: a multi-stream upload whose connections break mid-way loses and duplicates nothing",
          "[cli][e2e]") {
  Instance inst;
  inst.AddReviewer("ana");
  const std::string data = RandomBytes(20 * 524288 - 7, 11);  // 20 chunks
  WriteFile(inst.dir() / "leak.bin", data);
  int requests_cut = 0, answers_lost = 0;
  {
    CuttingProxy proxy(inst.source_addr(), 3);
    auto args = SubmitArgs(inst, {inst.dir() / "leak.bin"});
    args.insert(args.end(), {"--upload-streams", "3", "--server", proxy.url()});
    auto submit = inst.Dojava(args);
    INFO(submit.err);
    REQUIRE(submit.rc == 0);
    requests_cut = proxy.requests_cut();
    answers_lost = proxy.answers_lost();
  }
  // The proxy did break connections both ways (else this tests nothing).
  CHECK(requests_cut >= 1);
  CHECK(answers_lost >= 1);
  const std::string case_id = OnlyCase(inst, "ana");
  auto get = inst.As("ana", {"get", case_id, "1", "-o", inst.dir() / "got"});
  INFO(get.err);
  REQUIRE(get.rc == 0);
  CHECK(ReadAll(inst.dir() / "got") == data);
}

TEST_CASE("e2e: a multi-stream upload whose circuit dies ends with a clear error and no case",
          "[cli][e2e]") {
  Instance inst;
  inst.AddReviewer("ana");
  WriteFile(inst.dir() / "leak.bin", RandomBytes(12 * 524288, 12));
  RunResult submit;
  {
    CuttingProxy proxy(inst.source_addr(), 0, 4 * 524305);
    auto args = SubmitArgs(inst, {inst.dir() / "leak.bin"});
    args.insert(args.end(), {"--upload-streams", "3", "--server", proxy.url()});
    submit = inst.Dojava(args);
  }
  INFO(submit.err);
  CHECK(submit.rc == 3);  // unreachable: the process ended, all its workers with it
  CHECK(submit.err.find("uploading " + (inst.dir() / "leak.bin")) != std::string::npos);
  CHECK(submit.err.find(" of 13: ") !=
        std::string::npos);   // names the chunk (13: the last is short)
  CHECK(submit.out.empty());  // no receipt
  auto cases = inst.As("ana", {"cases", "--json"});
  REQUIRE(cases.rc == 0);
  CHECK(Json(cases)["cases"].as_array().empty());
}

// ---- issue 19: downloads with several chunks in flight -------------------

// ana's reviewer options with the server at `url` (a proxy in front of it).
std::vector<std::string> AnaVia(Instance& inst, const std::string& url,
                                std::vector<std::string> args) {
  const std::vector<std::string> common = {"--server",
                                           url,
                                           "--key-file",
                                           inst.dir() / "ana.key",
                                           "--passphrase-file",
                                           inst.dir() / "pass",
                                           "--state-dir",
                                           inst.dir() / "state-ana",
                                           "--admin-fingerprint",
                                           inst.fingerprint()};
  args.insert(args.end(), common.begin(), common.end());
  return args;
}

// A case whose one attachment is `data`; returns the case id.
std::string CaseWithAttachment(Instance& inst, const std::string& data) {
  WriteFile(inst.dir() / "leak.bin", data);
  auto args = SubmitArgs(inst, {inst.dir() / "leak.bin"});
  args.insert(args.end(), {"--server", inst.SourceUrl()});
  auto submit = inst.Dojava(args);
  INFO(submit.err);
  REQUIRE(submit.rc == 0);
  return OnlyCase(inst, "ana");
}

TEST_CASE("e2e: a download keeps N chunk GETs in flight on N connections, byte for byte",
          "[cli][e2e]") {
  Instance inst;
  inst.AddReviewer("ana");
  const std::string data = RandomBytes(14 * 524288 + 99, 21);  // 15 chunks
  const std::string case_id = CaseWithAttachment(inst, data);
  for (int streams : {1, 4}) {
    CuttingProxy proxy(inst.reviewer_addr(), 0);
    const std::string out = inst.dir() / ("got-" + std::to_string(streams));
    auto get = inst.Dojava(
        AnaVia(inst, proxy.url(),
               {"get", case_id, "1", "-o", out, "--download-streams", std::to_string(streams)}));
    INFO(get.err);
    REQUIRE(get.rc == 0);
    CHECK(ReadAll(out) == data);
    CHECK(proxy.chunk_gets() == 15);
    // The command's own connection and streams - 1 more, open together.
    CHECK(proxy.connections() == streams);
    CHECK(proxy.peak_open() == streams);
  }
  for (const std::string bad : {"0", "9", "x"}) {
    auto r = inst.As("ana",
                     {"get", case_id, "1", "-o", inst.dir() / "never", "--download-streams", bad});
    CHECK(r.rc == 2);
    CHECK(r.err.find("--download-streams") != std::string::npos);
  }
}

TEST_CASE("e2e: a download whose circuit dies resumes without fetching verified chunks again",
          "[cli][e2e]") {
  Instance inst;
  inst.AddReviewer("ana");
  const std::string data = RandomBytes(20 * 524288 - 5, 22);  // 20 chunks
  const std::string case_id = CaseWithAttachment(inst, data);
  const std::string out = inst.dir() / "got";
  RunResult cut;
  {
    // The circuit dies after about 8 records came down.
    CuttingProxy proxy(inst.reviewer_addr(), 0, 0, 8 * 524305);
    cut = inst.Dojava(
        AnaVia(inst, proxy.url(), {"get", case_id, "1", "-o", out, "--download-streams", "3"}));
  }
  INFO(cut.err);
  CHECK(cut.rc == 3);
  CHECK(cut.err.find("run the command again to resume") != std::string::npos);
  CHECK(::access(out.c_str(), F_OK) != 0);
  // The part file holds whole verified chunks only, the first ones, in order.
  std::string part;
  for (const auto& e : std::filesystem::directory_iterator(inst.dir().path())) {
    if (e.path().extension() == ".part") part = e.path();
  }
  REQUIRE(!part.empty());
  const std::string held = ReadAll(part);
  const size_t done = held.size() / 524288;
  CHECK(held.size() % 524288 == 0);
  CHECK(done >= 1);
  CHECK(done < 20);
  CHECK(held == data.substr(0, held.size()));

  CuttingProxy proxy(inst.reviewer_addr(), 0);
  auto again = inst.Dojava(AnaVia(inst, proxy.url(), {"get", case_id, "1", "-o", out, "--json"}));
  INFO(again.err);
  REQUIRE(again.rc == 0);
  CHECK(ReadAll(out) == data);
  CHECK(proxy.chunk_gets() == static_cast<int>(20 - done));
  CHECK(::access(part.c_str(), F_OK) != 0);
}

TEST_CASE("e2e: chunk downloads are not charged to the reviewer token's rate limit", "[cli][e2e]") {
  Instance inst;
  inst.AddReviewer("ana");
  const std::string data = RandomBytes(40 * 524288, 23);  // 41 chunks, the last one empty
  const std::string case_id = CaseWithAttachment(inst, data);
  // A token may make 12 requests, then one every 10,000 s: charged to it,
  // the 41 chunks of this file would meet 429 with a Retry-After far beyond
  // what the client waits, and `get` would fail (no clock in this test).
  inst.Stop();
  inst.Start(inst.source_addr(), inst.reviewer_addr(), inst.dir() / "data",
             {"api.token_requests_per_second=0.0001", "api.token_burst=12"});
  auto get = inst.As("ana", {"get", case_id, "1", "-o", inst.dir() / "got"});
  INFO(get.err);
  REQUIRE(get.rc == 0);
  CHECK(ReadAll(inst.dir() / "got") == data);
}

// ---- issue 16 and F11/F16: the CLI where a new reviewer tripped ----------

// Runs `argv` as Run() does, with stdin read from `input` (a file).
RunResult RunWithStdin(const std::string& dir, std::vector<std::string> argv,
                       const std::string& input) {
  static int n = 0;
  const std::string out = dir + "/in-out." + std::to_string(++n);
  const std::string err = out + ".err";
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, input.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&fa, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  std::vector<char*> args;
  for (auto& a : argv) args.push_back(a.data());
  args.push_back(nullptr);
  pid_t pid;
  RunResult r;
  if (posix_spawn(&pid, args[0], &fa, nullptr, args.data(), environ) == 0) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    r.rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  posix_spawn_file_actions_destroy(&fa);
  r.out = ReadAll(out);
  r.err = ReadAll(err);
  return r;
}

// Runs `argv` on a pseudo-terminal as RunWithTty(), answering each prompt of
// `answers` (in order) once it appears on the terminal: a prompt that turns
// echo off flushes what was typed before it, as a real terminal does.
RunResult RunAnsweringTty(const std::string& dir, std::vector<std::string> argv,
                          const std::vector<std::pair<std::string, std::string>>& answers,
                          std::string* tty) {
  const int master = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
  REQUIRE(master >= 0);
  REQUIRE(::grantpt(master) == 0);
  REQUIRE(::unlockpt(master) == 0);
  const std::string slave = ::ptsname(master);
  const std::string out = dir + "/atty-out", err = out + ".err";
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, slave.c_str(), O_RDWR, 0);
  posix_spawn_file_actions_addopen(&fa, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&fa, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSID);
  std::vector<char*> args;
  for (auto& a : argv) args.push_back(a.data());
  args.push_back(nullptr);
  pid_t pid;
  REQUIRE(posix_spawn(&pid, args[0], &fa, &attr, args.data(), environ) == 0);
  size_t next = 0, searched = 0;
  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  for (;;) {
    pollfd p{master, POLLIN, 0};
    if (::poll(&p, 1, 50) > 0 && (p.revents & POLLIN)) {
      char buf[4096];
      const ssize_t got = ::read(master, buf, sizeof(buf));
      if (got > 0) tty->append(buf, static_cast<size_t>(got));
    }
    if (next < answers.size()) {
      const size_t at = tty->find(answers[next].first, searched);
      if (at != std::string::npos) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));  // let it set the terminal
        const std::string& a = answers[next].second;
        REQUIRE(::write(master, a.data(), a.size()) == static_cast<ssize_t>(a.size()));
        searched = at + answers[next].first.size();
        ++next;
      }
    }
    if (::waitpid(pid, &status, WNOHANG) == pid) break;
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      break;
    }
  }
  RunResult r;
  r.rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  ::close(master);
  posix_spawnattr_destroy(&attr);
  posix_spawn_file_actions_destroy(&fa);
  r.out = ReadAll(out);
  r.err = ReadAll(err);
  return r;
}

std::string SubmitTitled(Instance& inst, const std::string& title,
                         const std::vector<std::string>& attach = {}) {
  WriteFile(inst.dir() / "titled.txt", "Details of: " + title);
  std::vector<std::string> args = {"submit",
                                   "--form",
                                   "country=ME",
                                   "--form",
                                   "incident=blocking",
                                   "--form",
                                   "title=" + title,
                                   "--text-file",
                                   inst.dir() / "titled.txt",
                                   "--json",
                                   "--admin-fingerprint",
                                   inst.fingerprint()};
  for (const auto& a : attach) args.insert(args.end(), {"--attach", a});
  auto r = inst.AsSource(args);
  INFO(r.err);
  REQUIRE(r.rc == 0);
  return std::string(Json(r)["receipt"].as_string());
}

size_t Count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

TEST_CASE("e2e (issue 16): cases shows title, country, kind and an unread mark kept locally",
          "[cli][e2e]") {
  Instance inst;
  inst.AddReviewer("ana");
  WriteFile(inst.dir() / "photo.bin", "not really a photo");
  const std::string receipt =
      SubmitTitled(inst, "Sajt portala blokiran", {inst.dir() / "photo.bin"});
  auto listed = inst.As("ana", {"cases", "--json"});
  INFO(listed.err);
  REQUIRE(listed.rc == 0);
  json::object c = Json(listed)["cases"].as_array().at(0).as_object();
  CHECK(c["title"].as_string() == "Sajt portala blokiran");
  CHECK(c["country"].as_string() == "ME");
  CHECK(c["incident"].as_string() == "blocking");
  CHECK(c["files"].as_int64() == 1);
  CHECK(c["unread"].as_bool());
  const std::string case_id(c["case_id"].as_string());
  auto table = inst.As("ana", {"cases"});
  REQUIRE(table.rc == 0);
  CHECK(table.out.find("* " + case_id) != std::string::npos);
  CHECK(table.out.find("Sajt portala blokiran") != std::string::npos);
  CHECK(table.out.find("ME") != std::string::npos);
  CHECK(table.out.find("blocking") != std::string::npos);

  // Reading it clears the mark; one's own note is not news.
  REQUIRE(inst.As("ana", {"show", case_id}).rc == 0);
  CHECK_FALSE(Json(inst.As("ana", {"cases", "--json"}))["cases"]
                  .as_array()[0]
                  .as_object()["unread"]
                  .as_bool());
  REQUIRE(inst.As("ana", {"note", case_id, "checked with the ISP"}).rc == 0);
  CHECK_FALSE(Json(inst.As("ana", {"cases", "--json"}))["cases"]
                  .as_array()[0]
                  .as_object()["unread"]
                  .as_bool());
  // The mark lives in the local state, not on the server: a second state dir
  // of the same reviewer sees the case as unread.
  auto other =
      inst.Dojava({"cases", "--json", "--server", inst.ReviewerUrl(), "--key-file",
                   inst.dir() / "ana.key", "--passphrase-file", inst.dir() / "pass", "--state-dir",
                   inst.dir() / "state-ana-2", "--admin-fingerprint", inst.fingerprint()});
  REQUIRE(other.rc == 0);
  CHECK(Json(other)["cases"].as_array()[0].as_object()["unread"].as_bool());
  // The source writes again: unread.
  WriteFile(inst.dir() / "receipt", receipt + "\n");
  WriteFile(inst.dir() / "more.txt", "one more thing");
  REQUIRE(inst.AsSource({"inbox", "--receipt-file", inst.dir() / "receipt", "--reply-file",
                         inst.dir() / "more.txt", "--admin-fingerprint", inst.fingerprint()})
              .rc == 0);
  CHECK(Json(inst.As("ana", {"cases", "--json"}))["cases"]
            .as_array()[0]
            .as_object()["unread"]
            .as_bool());
}

TEST_CASE("e2e (issue 16): errors point the right way, with an exit code per kind", "[cli][e2e]") {
  Instance inst;
  const std::string ana_key = inst.AddReviewer("ana");
  WriteFile(inst.dir() / "a.bin", "attachment");
  SubmitTitled(inst, "Prisluškivanje", {inst.dir() / "a.bin"});
  const std::string case_id = OnlyCase(inst, "ana");
  auto with = [&](const std::string& server, const std::string& key,
                  std::vector<std::string> args) {
    args.insert(args.end(),
                {"--server", server, "--key-file", key, "--passphrase-file", inst.dir() / "pass",
                 "--state-dir", inst.dir() / "state-x", "--admin-fingerprint", inst.fingerprint()});
    return inst.Dojava(args);
  };
  // The source listener given to a reviewer command.
  auto wrong = with(inst.SourceUrl(), ana_key, {"cases"});
  CHECK(wrong.rc == 2);
  CHECK(wrong.err.find("source listener") != std::string::npos);
  // The public key line given as the key file.
  auto pub = with(inst.ReviewerUrl(), ana_key + ".pub", {"cases"});
  CHECK(pub.rc == 2);
  CHECK(pub.err.find("public key line") != std::string::npos);
  CHECK(pub.err.find("chmod") == std::string::npos);
  // An existing local file is never overwritten: exit 10, before downloading.
  WriteFile(inst.dir() / "taken", "mine");
  auto taken = inst.As("ana", {"get", case_id, "1", "-o", inst.dir() / "taken"});
  CHECK(taken.rc == 10);
  CHECK(taken.err.find("exists") != std::string::npos);
  CHECK(ReadAll(inst.dir() / "taken") == "mine");
  CHECK(inst.As("ana", {"export", "-o", inst.dir() / "taken"}).rc == 10);
  // An empty TEXT is an empty message, not a reason to start an editor.
  auto empty = inst.As("ana", {"reply", case_id, ""});
  CHECK(empty.rc == 2);
  CHECK(empty.err.find("empty") != std::string::npos);
  // No TEXT and no terminal: a clear error instead of an editor that waits forever.
  auto no_tty = inst.As("ana", {"reply", case_id});
  CHECK(no_tty.rc == 11);
  CHECK(no_tty.err.find("no terminal") != std::string::npos);
  // On a terminal, an editor that fails: exit 11, nothing sent.
  REQUIRE(::setenv("VISUAL", "false", 1) == 0);
  std::string tty;
  auto editor =
      RunWithTty(inst.dir().path(),
                 {DOJAVA_CLI_BINARY, "reply", case_id, "--server", inst.ReviewerUrl(), "--key-file",
                  ana_key, "--passphrase-file", inst.dir() / "pass", "--state-dir",
                  inst.dir() / "state-ana", "--admin-fingerprint", inst.fingerprint()},
                 "", &tty);
  ::unsetenv("VISUAL");
  CHECK(editor.rc == 11);
  CHECK(editor.err.find("editor") != std::string::npos);
  auto shown = Json(inst.As("ana", {"show", case_id, "--json"}));
  CHECK(shown["messages"].as_array().size() == 1);
  // Typos.
  auto typo = inst.Dojava({"shwo", case_id});
  CHECK(typo.rc == 2);
  CHECK(typo.err.find("did you mean 'show'") != std::string::npos);
  auto group = inst.Dojava({"roster", "--help"});
  CHECK(group.rc == 0);
  CHECK(group.out.find("roster add") != std::string::npos);
  auto usage = inst.Dojava({"--help"});
  CHECK(usage.rc == 0);  // the longest name keeps two spaces before its summary
  CHECK(usage.out.find("  admin onboarding  write the onboarding file") != std::string::npos);
  auto closed = inst.As("ana", {"status", case_id, "Closed"});
  CHECK(closed.rc == 2);
  CHECK(closed.err.find("investigating") != std::string::npos);
  // Versions.
  auto v1 = inst.Dojava({"--version"});
  CHECK(v1.rc == 0);
  CHECK(v1.out.rfind("dojava 0.", 0) == 0);
  auto v2 = Run({DOJAVAD_BINARY, "--version"});
  CHECK(v2.rc == 0);
  CHECK(v2.out.rfind("dojavad 0.", 0) == 0);
}

TEST_CASE("e2e (issue 16): get --clean fails when mat2 fails or is missing; the file is kept",
          "[cli][e2e]") {
  Instance inst;
  inst.AddReviewer("ana");
  const std::string blob = RandomBytes(4000, 7);
  WriteFile(inst.dir() / "blob.bin", blob);
  SubmitTitled(inst, "Datoteka", {inst.dir() / "blob.bin"});
  const std::string case_id = OnlyCase(inst, "ana");
  if (::access("/usr/bin/mat2", X_OK) == 0) {
    // A format mat2 does not support: it fails, and so does the command.
    auto failed = inst.As("ana", {"get", case_id, "1", "-o", inst.dir() / "got1.bin", "--clean"});
    CHECK(failed.rc == 12);
    CHECK(failed.err.find("mat2 could not clean") != std::string::npos);
    CHECK(ReadAll(inst.dir() / "got1.bin") == blob);
  }
  // No mat2 on PATH.
  const std::string path = std::getenv("PATH");
  REQUIRE(::setenv("PATH", (inst.dir() / "empty-path").c_str(), 1) == 0);
  auto missing = inst.As("ana", {"get", case_id, "1", "-o", inst.dir() / "got2.bin", "--clean"});
  ::setenv("PATH", path.c_str(), 1);
  CHECK(missing.rc == 12);
  CHECK(missing.err.find("not installed") != std::string::npos);
  CHECK(ReadAll(inst.dir() / "got2.bin") == blob);
}

TEST_CASE("e2e (issue 16): grant --all gives a colleague who joins every case at once",
          "[cli][e2e]") {
  Instance inst;
  inst.AddReviewer("ana");
  SubmitTitled(inst, "Prvi");
  SubmitTitled(inst, "Drugi");
  inst.AddReviewer("Bojana Petrović");
  auto before = inst.As("Bojana Petrović", {"cases", "--json"});
  REQUIRE(before.rc == 0);
  CHECK(Json(before)["not_granted"].as_int64() == 2);
  // The start of the name, in any case, is enough.
  auto all = inst.As("ana", {"grant", "--all", "bojana", "--json"});
  INFO(all.err);
  REQUIRE(all.rc == 0);
  CHECK(Json(all)["granted"].as_int64() == 2);
  auto after = inst.As("Bojana Petrović", {"cases", "--json"});
  REQUIRE(after.rc == 0);
  CHECK(Json(after)["cases"].as_array().size() == 2);
  CHECK(Json(after)["not_granted"].as_int64() == 0);
  auto again = inst.As("ana", {"grant", "--all", "Bojana Petrović", "--json"});
  REQUIRE(again.rc == 0);
  CHECK(Json(again)["already"].as_int64() == 2);
  CHECK(inst.As("ana", {"grant", "--all", "nobody"}).rc == 6);
}

TEST_CASE("e2e (F11): reviewers give the admin fingerprint or an onboarding file on first contact",
          "[cli][e2e]") {
  Instance inst;
  const std::string key = inst.AddReviewer("ana");
  auto common = [&](const std::string& state) {
    return std::vector<std::string>{"--key-file",        key,           "--passphrase-file",
                                    inst.dir() / "pass", "--state-dir", inst.dir() / state};
  };
  std::vector<std::string> blind = {"cases", "--server", inst.ReviewerUrl()};
  for (auto& a : common("state-blind")) blind.push_back(a);
  auto refused = inst.Dojava(blind);
  CHECK(refused.rc == 5);
  CHECK(refused.err.find(inst.fingerprint()) != std::string::npos);
  CHECK(refused.err.find("--onboarding") != std::string::npos);
  // Nothing was pinned: the same refusal again.
  CHECK(inst.Dojava(blind).rc == 5);

  auto written =
      inst.Dojava({"admin", "onboarding", "--admin-key", inst.dir() / "admin.key",
                   "--passphrase-file", inst.dir() / "pass", "--server", inst.ReviewerUrl(),
                   "--name", "Test Newsroom", "-o", inst.dir() / "onboarding.txt"});
  INFO(written.err);
  REQUIRE(written.rc == 0);
  const std::string text = ReadAll(inst.dir() / "onboarding.txt");
  CHECK(text.rfind("dojava-onboarding-v1\n", 0) == 0);
  CHECK(text.find(inst.fingerprint()) != std::string::npos);
  std::vector<std::string> onboarded = {"cases", "--json", "--onboarding",
                                        inst.dir() / "onboarding.txt"};
  for (auto& a : common("state-onboarded")) onboarded.push_back(a);
  auto ok = inst.Dojava(onboarded);
  INFO(ok.err);
  CHECK(ok.rc == 0);
  // A file naming another key is refused.
  std::string forged = text;
  const size_t at = forged.find(inst.fingerprint());
  forged[at] = forged[at] == '0' ? '1' : '0';
  WriteFile(inst.dir() / "forged.txt", forged);
  std::vector<std::string> with_forged = {"cases", "--onboarding", inst.dir() / "forged.txt"};
  for (auto& a : common("state-forged")) with_forged.push_back(a);
  CHECK(inst.Dojava(with_forged).rc == 5);
}

TEST_CASE("e2e (F16): keygen and admin init offer a passphrase and refuse short ones",
          "[cli][e2e]") {
  TempDir dir;
  WriteFile(dir / "short", "summer2026\n");
  auto run = [&](std::vector<std::string> args) {
    args.insert(args.begin(), DOJAVA_CLI_BINARY);
    return Run(args);
  };
  auto refused = run({"keygen", "--key-file", dir / "r.key", "--passphrase-file", dir / "short",
                      "--kdf-memory-mib", "8"});
  CHECK(refused.rc == 2);
  CHECK(refused.err.find("shorter than 12") != std::string::npos);
  CHECK(::access((dir / "r.key").c_str(), F_OK) != 0);
  CHECK(run({"keygen", "--key-file", dir / "r.key", "--passphrase-file", dir / "short",
             "--kdf-memory-mib", "8", "--allow-short-passphrase"})
            .rc == 0);
  // On a terminal the offered passphrase is taken with Enter, and opens the key.
  std::string tty;
  auto offered = RunAnsweringTty(dir.path(),
                                 {DOJAVA_CLI_BINARY, "admin", "init", "--key-file",
                                  dir / "admin.key", "--kdf-memory-mib", "8", "--json"},
                                 {{"New passphrase: ", "\n"}}, &tty);
  INFO(tty << offered.err);
  REQUIRE(offered.rc == 0);
  const size_t at = tty.find("A passphrase made for you");
  REQUIRE(at != std::string::npos);
  std::istringstream lines(tty.substr(at));
  std::string line, suggested;
  std::getline(lines, line);
  std::getline(lines, suggested);
  while (!suggested.empty() && (suggested.back() == '\r' || suggested.front() == ' ')) {
    if (suggested.back() == '\r') suggested.pop_back();
    if (!suggested.empty() && suggested.front() == ' ') suggested.erase(0, 1);
  }
  CHECK(suggested.size() == 29);  // 6 groups of 4, 5 dashes
  WriteFile(dir / "suggested", suggested + "\n");
  auto opened = run({"admin", "onboarding", "--admin-key", dir / "admin.key", "--passphrase-file",
                     dir / "suggested", "--server", "http://127.0.0.1:1", "-o", dir / "o.txt"});
  INFO(opened.err);
  CHECK(opened.rc == 0);
}

TEST_CASE("e2e (issue 16): dojava shell unlocks the key once for several commands", "[cli][e2e]") {
  Instance inst;
  inst.AddReviewer("ana");
  SubmitTitled(inst, "Jedan");
  const std::string case_id = OnlyCase(inst, "ana");
  WriteFile(inst.dir() / "script", "cases --json\nshow " + case_id + "\nstatus " + case_id +
                                       " triage\nlock\nshow " + case_id + " --json\nexit\n");
  std::vector<std::string> argv = {DOJAVA_CLI_BINARY, "shell"};
  for (const std::string& a : std::vector<std::string>{
           "--server", inst.ReviewerUrl(), "--key-file", inst.dir() / "ana.key",
           "--passphrase-file", inst.dir() / "pass", "--state-dir", inst.dir() / "state-ana",
           "--admin-fingerprint", inst.fingerprint()}) {
    argv.push_back(a);
  }
  auto shell = RunWithStdin(inst.dir().path(), argv, inst.dir() / "script");
  INFO(shell.out << shell.err);
  CHECK(shell.rc == 0);
  // Unlocked at the start, and once more after `lock`: not once per command.
  CHECK(Count(shell.err, "key unlocked") == 2);
  CHECK(shell.out.find("Jedan") != std::string::npos);
  CHECK(shell.out.find("status set to triage") != std::string::npos);
  CHECK(shell.out.find("\"status\":\"triage\"") != std::string::npos);
}

TEST_CASE("e2e (issue 16): dojava watch prints a content-free line when something arrives",
          "[cli][e2e]") {
  Instance inst;
  inst.AddReviewer("ana");
  auto once = [&] { return inst.As("ana", {"watch", "--once"}); };
  auto quiet = once();
  INFO(quiet.err);
  REQUIRE(quiet.rc == 0);
  CHECK(quiet.out.find("no new activity") != std::string::npos);
  SubmitTitled(inst, "Tajna tema");
  auto news = once();
  REQUIRE(news.rc == 0);
  CHECK(news.out.find("new activity: 1 case(s)") != std::string::npos);
  const std::string case_id = OnlyCase(inst, "ana");
  CHECK(news.out.find("Tajna") == std::string::npos);  // content-free
  CHECK(news.out.find(case_id) == std::string::npos);
  REQUIRE(inst.As("ana", {"show", case_id}).rc == 0);
  CHECK(once().out.find("no new activity") != std::string::npos);

  // Running: a case that arrives while it watches is announced at the next check.
  const std::string out = inst.dir() / "watch.out";
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&fa, 2, (out + ".err").c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0600);
  std::vector<std::string> argv = {DOJAVA_CLI_BINARY,
                                   "watch",
                                   "--interval",
                                   "10",
                                   "--server",
                                   inst.ReviewerUrl(),
                                   "--key-file",
                                   inst.dir() / "ana.key",
                                   "--passphrase-file",
                                   inst.dir() / "pass",
                                   "--state-dir",
                                   inst.dir() / "state-ana",
                                   "--admin-fingerprint",
                                   inst.fingerprint()};
  std::vector<char*> args;
  for (auto& a : argv) args.push_back(a.data());
  args.push_back(nullptr);
  pid_t pid;
  REQUIRE(posix_spawn(&pid, args[0], &fa, nullptr, args.data(), environ) == 0);
  posix_spawn_file_actions_destroy(&fa);
  std::this_thread::sleep_for(std::chrono::seconds(2));  // its first check: nothing new
  SubmitTitled(inst, "Druga tema");
  bool announced = false;
  for (int i = 0; i < 300 && !announced; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    announced = ReadAll(out).find("new activity: 1 case(s)") != std::string::npos;
  }
  ::kill(pid, SIGTERM);
  int status = 0;
  ::waitpid(pid, &status, 0);
  INFO(ReadAll(out) << ReadAll(out + ".err"));
  CHECK(announced);
  CHECK(ReadAll(out).find("Druga") == std::string::npos);
}

TEST_CASE("e2e (issue 16): dojava doctor checks each step and names the fix", "[cli][e2e]") {
  Instance inst;
  const std::string key = inst.AddReviewer("ana");
  auto doctor = [&](const std::string& server, const std::string& key_file,
                    std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"doctor",
                                     "--server",
                                     server,
                                     "--key-file",
                                     key_file,
                                     "--passphrase-file",
                                     inst.dir() / "pass",
                                     "--state-dir",
                                     inst.dir() / "state-doc",
                                     "--admin-fingerprint",
                                     inst.fingerprint()};
    args.insert(args.end(), extra.begin(), extra.end());
    return inst.Dojava(args);
  };
  auto good = doctor(inst.ReviewerUrl(), key);
  INFO(good.out << good.err);
  CHECK(good.rc == 0);
  for (const char* line : {"ok    key file", "ok    tor reachable", "ok    onion reachable",
                           "skip  client authorization", "ok    admin key",
                           "ok    listed in the roster", "ok    login", "ok    clock"}) {
    CHECK(good.out.find(line) != std::string::npos);
  }
  // The wrong listener.
  auto source = doctor(inst.SourceUrl(), key);
  CHECK(source.rc == 1);
  CHECK(source.out.find("FAIL  login") != std::string::npos);
  CHECK(source.out.find("reviewer address") != std::string::npos);
  // A key file others can read.
  ::chmod(key.c_str(), 0644);
  auto loose = doctor(inst.ReviewerUrl(), key);
  ::chmod(key.c_str(), 0600);
  CHECK(loose.rc == 1);
  CHECK(loose.out.find("FAIL  key file") != std::string::npos);
  CHECK(loose.out.find("fix: chmod 600") != std::string::npos);
  // A key the admin never added.
  REQUIRE(inst.Dojava({"keygen", "--key-file", inst.dir() / "stranger.key", "--passphrase-file",
                       inst.dir() / "pass", "--kdf-memory-mib", "8"})
              .rc == 0);
  auto stranger = doctor(inst.ReviewerUrl(), inst.dir() / "stranger.key");
  CHECK(stranger.rc == 1);
  CHECK(stranger.out.find("FAIL  listed in the roster") != std::string::npos);
  CHECK(stranger.out.find("stranger.key.pub") != std::string::npos);
  // An onion address without tor, and tor that is not running.
  const std::string onion = "http://" + std::string(56, 'a') + ".onion";
  auto no_socks = doctor(onion, key);
  CHECK(no_socks.out.find("FAIL  tor reachable") != std::string::npos);
  CHECK(no_socks.out.find("--socks5 127.0.0.1:9050") != std::string::npos);
  auto dead_tor = doctor(onion, key, {"--socks5", "127.0.0.1:1", "--timeout", "5"});
  CHECK(dead_tor.rc == 1);
  CHECK(dead_tor.out.find("FAIL  tor reachable") != std::string::npos);
  CHECK(dead_tor.out.find("start tor") != std::string::npos);
}

// Runs one statement on the stopped server's database, as someone holding
// the database key could.
void RunStoreSql(const std::string& data_dir, const std::string& sql) {
  auto key = service::DatabaseKey::LoadFile(data_dir + "/database.key");
  REQUIRE(key.ok());
  auto db =
      service::SqliteDb::Open(data_dir + "/dojava.db", *key, service::SqliteDb::Mode::kReadWrite);
  REQUIRE(db.ok());
  auto st = (*db)->Prepare(sql);
  REQUIRE(st.ok());
  REQUIRE(st->Run().ok());
}

TEST_CASE(
    "e2e (v2): the admin's roster chain is installed, verified, renewed offline; a "
    "removed reviewer is retired and refused",
    "[cli][e2e][v2]") {
  Instance inst;
  inst.AddReviewer("ana");
  inst.AddReviewer("bob");
  // The admin tool keeps what it signed, one file per instance beside the key.
  std::string kept;
  for (const auto& e : std::filesystem::directory_iterator(inst.dir().path())) {
    const std::string name = e.path().filename().string();
    if (name.rfind("admin.key.roster-", 0) == 0) {
      CHECK(kept.empty());
      CHECK(name.size() == std::string("admin.key.roster-").size() + 32);
      kept = e.path().string();
    }
  }
  REQUIRE(!kept.empty());
  WriteFile(inst.dir() / "v2.roster", ReadAll(kept));
  auto show_roster = [&] {
    return Json(
        inst.Dojava({"roster", "show", "--json", "--server", inst.ReviewerUrl(), "--state-dir",
                     inst.dir() / "state-ana", "--admin-fingerprint", inst.fingerprint()}));
  };
  // An observer on the source listener (no token needed for the history).
  auto observe = [&] {
    return inst.Dojava({"roster", "show", "--json", "--server", inst.SourceUrl(), "--state-dir",
                        inst.dir() / "state-observer", "--admin-fingerprint", inst.fingerprint()});
  };
  REQUIRE(observe().rc == 0);
  json::object shown = show_roster();
  CHECK(shown["roster_version"].as_int64() == 2);
  CHECK(shown["expires"].as_string().size() == 10);
  REQUIRE(inst.As("ana", {"cases"}).rc == 0);

  // Renew on a machine without network, then install the result.
  auto renew = inst.Dojava({"roster", "renew", "--admin-key", inst.dir() / "admin.key",
                            "--passphrase-file", inst.dir() / "pass", "--expires-days", "60", "-o",
                            inst.dir() / "renewed.roster"});
  INFO(renew.err);
  REQUIRE(renew.rc == 0);
  CHECK(renew.err.find("no change of reviewers") != std::string::npos);
  const std::vector<std::string> admin = {
      "--server",    inst.ReviewerUrl(),       "--state-dir",       inst.dir() / "state-admin",
      "--admin-key", inst.dir() / "admin.key", "--passphrase-file", inst.dir() / "pass"};
  auto with = [&](std::vector<std::string> args) {
    args.insert(args.end(), admin.begin(), admin.end());
    return inst.Dojava(args);
  };
  auto installed = with({"roster", "install", "--roster-file", inst.dir() / "renewed.roster"});
  INFO(installed.err);
  REQUIRE(installed.rc == 0);
  // An older roster is refused by the server; a more than 90-day expiry by the tool.
  CHECK(with({"roster", "install", "--roster-file", inst.dir() / "v2.roster"}).rc == 5);
  CHECK(with({"roster", "renew", "--expires-days", "91"}).rc == 2);

  // Removing retires the entry: shown with the diff, kept on the roster.
  auto removed = with({"roster", "remove", "--name", "bob"});
  INFO(removed.err);
  REQUIRE(removed.rc == 0);
  CHECK(removed.err.find("retired: bob") != std::string::npos);
  // The observer skipped version 3 (it saw 2, now 4): it fetches it from
  // the server's history and checks each link; a version 3 altered there
  // is refused. (Ana, whose token died with the restart, checks continuity.)
  {
    const std::string data = inst.dir() / "data";
    const std::string source = inst.source_addr(), reviewer = inst.reviewer_addr();
    inst.Stop();
    const size_t in_signature =
        GetStoredBlob(data, "roster_history", "signed", "version = 3").size() - 5;
    FlipStoredByte(data, "roster_history", "signed", "version = 3", in_signature);
    inst.Start(source, reviewer, data);
    auto gap = observe();
    CHECK(gap.rc == 5);
    CHECK(gap.err.find("intermediate roster") != std::string::npos);
    inst.Stop();
    FlipStoredByte(data, "roster_history", "signed", "version = 3", in_signature);
    inst.Start(source, reviewer, data);
    CHECK(Json(observe())["roster_version"].as_int64() == 4);
    REQUIRE(inst.As("ana", {"cases"}).rc == 0);
  }
  json::object after = show_roster();
  CHECK(after["roster_version"].as_int64() == 4);
  bool bob_retired = false;
  for (const auto& e : after["reviewers"].as_array()) {
    if (e.as_object().at("name").as_string() == "bob") {
      bob_retired = e.as_object().at("retired_at").as_int64() == 4;
    }
  }
  CHECK(bob_retired);
  auto bob = inst.As("bob", {"cases"});
  CHECK(bob.rc == 9);
  CHECK(bob.err.find("removed") != std::string::npos);
  // A report now is sealed to Ana only: Bob has no key row.
  SubmitReport(inst, {});
  const std::string case_id = OnlyCase(inst, "ana");
  inst.Stop();
  const Bytes rows =
      GetStoredBlob(inst.dir() / "data", "case_keys", "CAST(count(*) AS BLOB)", "role = 1");
  CHECK(std::string(rows.begin(), rows.end()) == "2");  // the source's and Ana's
}

TEST_CASE("e2e (v2): a reordered or truncated listing is named and nothing new is written",
          "[cli][e2e][v2]") {
  Instance inst;
  inst.AddReviewer("ana");
  SubmitReport(inst, {});
  const std::string case_id = OnlyCase(inst, "ana");
  REQUIRE(inst.As("ana", {"reply", case_id, "one"}).rc == 0);
  REQUIRE(inst.As("ana", {"reply", case_id, "two"}).rc == 0);
  REQUIRE(inst.As("ana", {"show", case_id}).rc == 0);  // the high-water mark: 3 records
  const std::string data = inst.dir() / "data";
  const std::string source = inst.source_addr(), reviewer = inst.reviewer_addr();

  inst.Stop();
  const Bytes two = GetStoredBlob(data, "messages", "record", "seq = 2");
  const Bytes three = GetStoredBlob(data, "messages", "record", "seq = 3");
  SetStoredBlob(data, "messages", "record", "seq = 2", three);
  SetStoredBlob(data, "messages", "record", "seq = 3", two);
  inst.Start(source, reviewer, data);
  auto swapped = inst.As("ana", {"show", case_id});
  CHECK(swapped.rc == 7);
  CHECK(swapped.out.find("message #2: reordered") != std::string::npos);
  CHECK(swapped.err.find("not trustworthy: reordered") != std::string::npos);
  auto refused = inst.As("ana", {"reply", case_id, "not now"});
  CHECK(refused.rc == 7);
  CHECK(refused.err.find("refusing to encrypt") != std::string::npos);

  inst.Stop();
  SetStoredBlob(data, "messages", "record", "seq = 2", two);
  SetStoredBlob(data, "messages", "record", "seq = 3", three);
  RunStoreSql(data, "DELETE FROM messages WHERE seq = 3");
  inst.Start(source, reviewer, data);
  auto cut = inst.As("ana", {"show", case_id});
  CHECK(cut.rc == 7);
  CHECK(cut.err.find("not trustworthy: truncated") != std::string::npos);
  CHECK(inst.As("ana", {"reply", case_id, "not now"}).rc == 7);
}


// The x25519 secret of reviewer `name`'s key file (passphrase "correct
// horse battery staple"), as a thief of that key file would have it.
crypto::ReviewerKey ReviewerKeyOf(Instance& inst, const std::string& name) {
  auto file = crypto::ReadKeyFile(inst.dir() / (name + ".key"));
  REQUIRE(file.ok());
  auto opened =
      crypto::OpenKeyFile(*file, SecretBytes::Copy(std::string_view("correct horse battery staple")));
  REQUIRE(opened.ok());
  auto key = crypto::ReviewerKey::FromSeed(opened->seed);
  REQUIRE(key.ok());
  return std::move(key).value();
}

std::string ReviewerIdHex(Instance& inst, const std::string& name) {
  auto shown = inst.Dojava({"roster", "show", "--json", "--server", inst.SourceUrl(), "--state-dir",
                            inst.dir() / "state-observer", "--admin-fingerprint",
                            inst.fingerprint()});
  json::object roster = Json(shown);
  for (const auto& e : roster["reviewers"].as_array()) {
    if (e.as_object().at("name").as_string() == name) {
      auto id = Base64UrlDecode(std::string_view(e.as_object().at("reviewer_id").as_string()));
      REQUIRE(id.ok());
      return HexEncode(*id);
    }
  }
  FAIL("no reviewer " << name);
  return "";
}

// Issue 14 (F6): removing a reviewer and re-keying their cases. The removed
// reviewer's copy of CK (taken from the database before removal, as they
// would have kept it) opens the old records and none written after the
// re-key; the remaining reviewers and the source read both; the source
// writes under CK'; a reviewer without the case cannot re-key it.
TEST_CASE("e2e (F6): roster remove, rekey --retired, old and new messages, source follows",
          "[cli][e2e][v2]") {
  Instance inst;
  inst.AddReviewer("ana");
  inst.AddReviewer("bob");
  inst.AddReviewer("cora");
  const std::string receipt = SubmitReport(inst, {});
  WriteFile(inst.dir() / "receipt", receipt + "\n");
  const std::string case_id = OnlyCase(inst, "ana");
  REQUIRE(inst.As("ana", {"reply", case_id, "before the re-key"}).rc == 0);
  REQUIRE(inst.As("bob", {"show", case_id}).rc == 0);
  const std::string data = inst.dir() / "data";
  const std::string source = inst.source_addr(), reviewer = inst.reviewer_addr();
  const std::string bob_hex = ReviewerIdHex(inst, "bob");
  const auto case_bytes = Base64UrlDecodeFixed<16>(case_id);
  REQUIRE(case_bytes.ok());
  inst.Stop();
  const Bytes bob_sealed = GetStoredBlob(data, "case_keys", "sealed",
                                         "role = 1 AND recipient = X'" + bob_hex + "'");
  inst.Start(source, reviewer, data);
  const crypto::ReviewerKey bob_key = ReviewerKeyOf(inst, "bob");
  auto bob_ck = crypto::OpenSealedKey(bob_sealed, 1, *case_bytes, bob_key.x25519_secret(),
                                      bob_key.x25519_public());
  REQUIRE(bob_ck.ok());

  // Dave joins after the report: he holds no key of the case.
  inst.AddReviewer("dave");
  const std::vector<std::string> admin = {
      "--server",    inst.ReviewerUrl(),       "--state-dir",       inst.dir() / "state-admin",
      "--admin-key", inst.dir() / "admin.key", "--passphrase-file", inst.dir() / "pass"};
  std::vector<std::string> remove = {"roster", "remove", "--name", "bob"};
  remove.insert(remove.end(), admin.begin(), admin.end());
  auto removed = inst.Dojava(remove);
  INFO(removed.err);
  REQUIRE(removed.rc == 0);
  CHECK(removed.out.find("dojava rekey --retired") != std::string::npos);

  auto dave = inst.As("dave", {"rekey", case_id});
  CHECK(dave.rc == 9);
  CHECK(dave.err.find("not granted") != std::string::npos);

  auto rekeyed = inst.As("ana", {"rekey", "--retired", "--json"});
  INFO(rekeyed.err);
  REQUIRE(rekeyed.rc == 0);
  json::object r = Json(rekeyed);
  REQUIRE(r["rekeyed"].as_array().size() == 1);
  CHECK(r["rekeyed"].as_array()[0].as_object()["case_id"].as_string() == case_id);
  CHECK(r["rekeyed"].as_array()[0].as_object()["generation"].as_int64() == 1);
  CHECK(r["rekeyed"].as_array()[0].as_object()["reviewers"].as_int64() == 2);  // ana, cora
  // Nothing left to do: the current key was made after bob's removal.
  auto again = Json(inst.As("ana", {"rekey", "--retired", "--json"}));
  CHECK(again["rekeyed"].as_array().empty());
  CHECK(again["not_needed"].as_int64() == 1);

  REQUIRE(inst.As("ana", {"reply", case_id, "after the re-key"}).rc == 0);
  WriteFile(inst.dir() / "followup.txt", "follow-up under the new key");
  auto inbox = inst.AsSource({"inbox", "--receipt-file", inst.dir() / "receipt", "--reply-file",
                              inst.dir() / "followup.txt", "--admin-fingerprint",
                              inst.fingerprint()});
  INFO(inbox.err);
  REQUIRE(inbox.rc == 0);
  CHECK(inbox.out.find("before the re-key") != std::string::npos);
  CHECK(inbox.out.find("after the re-key") != std::string::npos);
  CHECK(inbox.out.find("follow-up sent (#4)") != std::string::npos);
  for (const std::string who : {"ana", "cora"}) {
    auto show = inst.As(who, {"show", case_id});
    INFO(who << show.err);
    CHECK(show.rc == 0);
    CHECK(show.out.find("before the re-key") != std::string::npos);
    CHECK(show.out.find("after the re-key") != std::string::npos);
    CHECK(show.out.find("follow-up under the new key") != std::string::npos);
  }

  // Bob's old CK is the key of the report and the first reply, and of
  // neither record written after the re-key (Ana's reply, #3; the source's
  // follow-up, #4): a reader with CK refuses those as wrong_key before any
  // decryption, and CK' is random.
  inst.Stop();
  std::vector<Bytes> records;
  for (int seq = 1; seq <= 4; ++seq) {
    records.push_back(GetStoredBlob(data, "messages", "record", "seq = " + std::to_string(seq)));
  }
  inst.Start(source, reviewer, data);
  const crypto::v2::Digest old_kc = crypto::v2::KeyCommitment(*bob_ck);
  for (int i = 0; i < 4; ++i) {
    auto h = crypto::v2::ParseMessageHeader(records[i]);
    REQUIRE(h.ok());
    CHECK((h->key_commitment == old_kc) == (i < 2));
  }

  // A colleague granted after the re-key gets every generation: Dave reads
  // the old messages and the new ones.
  REQUIRE(inst.As("ana", {"grant", case_id, "dave"}).rc == 0);
  auto dave_show = inst.As("dave", {"show", case_id});
  INFO(dave_show.err);
  CHECK(dave_show.rc == 0);
  CHECK(dave_show.out.find("before the re-key") != std::string::npos);
  CHECK(dave_show.out.find("follow-up under the new key") != std::string::npos);
}

// Issue 14 (F6): rotating a reviewer's encryption key. `key rotate` writes
// the next epoch's key file (0600) and prints the line; the admin's `roster
// add` takes it as a rotation (key_epoch + 1); the reviewer's next command
// seals the keys it holds (CK and NK) to the new key and, after a second
// rotation, destroys the file of the epoch before.
TEST_CASE("e2e (F6): key rotate, the admin signs the new epoch, keys are sealed again",
          "[cli][e2e][v2]") {
  Instance inst;
  inst.AddReviewer("ana");
  inst.AddReviewer("bob");
  const std::string receipt = SubmitReport(inst, {});
  WriteFile(inst.dir() / "receipt", receipt + "\n");
  const std::string case_id = OnlyCase(inst, "ana");
  REQUIRE(inst.As("ana", {"note", case_id, "internal before rotation"}).rc == 0);
  const std::string ana_key = inst.dir() / "ana.key";
  const std::string ana_hex = ReviewerIdHex(inst, "ana");
  const std::vector<std::string> admin = {
      "--server",    inst.ReviewerUrl(),       "--state-dir",       inst.dir() / "state-admin",
      "--admin-key", inst.dir() / "admin.key", "--passphrase-file", inst.dir() / "pass"};
  auto rotate = [&](const std::string& epoch) {
    auto r = inst.Dojava({"key", "rotate", "--key-file", ana_key, "--passphrase-file",
                          inst.dir() / "pass", "--kdf-memory-mib", "8", "--json"});
    INFO(r.err);
    REQUIRE(r.rc == 0);
    json::object o = Json(r);
    CHECK(o["epoch"].as_int64() == std::stoi(epoch));
    const std::string file = ana_key + ".epoch" + epoch;
    CHECK(std::string(o["key_file"].as_string()) == file);
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(ReadAll(ana_key + ".pub") == std::string(o["public_key_line"].as_string()) + "\n");
    // Not on the roster yet: ana goes on with the key the roster names.
    CHECK(inst.As("ana", {"show", case_id}).rc == 0);
    std::vector<std::string> add = {"roster", "add", "--reviewer-public", ana_key + ".pub"};
    add.insert(add.end(), admin.begin(), admin.end());
    auto signed_roster = inst.Dojava(add);
    INFO(signed_roster.err);
    REQUIRE(signed_roster.rc == 0);
  };
  auto ana_row_opens_with = [&](const SecretBytes& x_secret) {
    const std::string data = inst.dir() / "data";
    const std::string source = inst.source_addr(), reviewer = inst.reviewer_addr();
    inst.Stop();
    const Bytes row = GetStoredBlob(data, "case_keys", "sealed",
                                    "role = 1 AND recipient = X'" + ana_hex + "'");
    inst.Start(source, reviewer, data);
    const auto id = Base64UrlDecodeFixed<16>(case_id);
    REQUIRE(id.ok());
    return crypto::OpenSealedKey(row, 1, *id, x_secret, crypto::X25519Base(x_secret.reveal()))
        .ok();
  };
  auto epoch_secret = [&](const std::string& epoch) {
    auto file = crypto::ReadKeyFile(ana_key + ".epoch" + epoch);
    REQUIRE(file.ok());
    auto opened = crypto::OpenKeyFile(
        *file, SecretBytes::Copy(std::string_view("correct horse battery staple")));
    REQUIRE(opened.ok());
    CHECK(opened->kind == crypto::KeyKind::kEncryption);
    return std::move(opened->seed);
  };

  rotate("2");
  const SecretBytes epoch2 = epoch_secret("2");
  auto show = inst.As("ana", {"show", case_id});
  INFO(show.err);
  REQUIRE(show.rc == 0);
  CHECK(show.err.find("sealed 2 key(s) of 1 case(s)") != std::string::npos);  // CK and NK
  CHECK(show.out.find("internal before rotation") != std::string::npos);
  CHECK(ana_row_opens_with(epoch2));
  CHECK_FALSE(ana_row_opens_with(ReviewerKeyOf(inst, "ana").x25519_secret()));
  // Nothing left to seal again; writing works under the new key.
  auto quiet = inst.As("ana", {"reply", case_id, "after the rotation"});
  INFO(quiet.err);
  REQUIRE(quiet.rc == 0);
  CHECK(quiet.err.find("sealed") == std::string::npos);

  rotate("3");
  auto third = inst.As("ana", {"show", case_id});
  INFO(third.err);
  REQUIRE(third.rc == 0);
  CHECK(third.err.find("destroyed the old key file " + ana_key + ".epoch2") != std::string::npos);
  CHECK(::access((ana_key + ".epoch2").c_str(), F_OK) != 0);
  CHECK(ana_row_opens_with(epoch_secret("3")));
  CHECK_FALSE(ana_row_opens_with(epoch2));
  CHECK(third.out.find("internal before rotation") != std::string::npos);
  CHECK(third.out.find("after the rotation") != std::string::npos);
  // A colleague and the source still read everything.
  CHECK(inst.As("bob", {"show", case_id}).out.find("after the rotation") != std::string::npos);
  auto inbox = inst.AsSource({"inbox", "--receipt-file", inst.dir() / "receipt",
                              "--admin-fingerprint", inst.fingerprint()});
  CHECK(inbox.rc == 0);
  CHECK(inbox.out.find("after the rotation") != std::string::npos);
}

}  // namespace
}  // namespace dojava::cli
