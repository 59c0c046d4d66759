// Local state: pinning, the roster rollback rule over what was saved, the
// token file, and the public key line.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch_test_macros.hpp>
#include <fstream>
#include <iterator>

#include "base/encoding.h"
#include "client/public_key_line.h"
#include "client/state_store.h"
#include "crypto/admin_key.h"
#include "tests/support/client_test_util.h"

namespace dojava::client {
namespace {

using testing::TempDir;

void WriteText(const std::string& path, const std::string& text, mode_t mode) {
  std::ofstream(path) << text;
  ::chmod(path.c_str(), mode);
}

mode_t ModeOf(const std::string& path) {
  struct stat st {};
  ::stat(path.c_str(), &st);
  return st.st_mode & 0777;
}

TEST_CASE("state: admin key pinned per server address", "[cli][state]") {
  TempDir dir;
  StateStore a = StateStore::ForServer(dir.path(), "http://127.0.0.1:8081");
  StateStore b = StateStore::ForServer(dir.path(), "http://other.onion:80");
  CHECK(a.dir() != b.dir());
  auto none = a.PinnedAdminKey();
  REQUIRE(none.ok());
  CHECK_FALSE(none->has_value());
  const crypto::AdminKey admin = crypto::AdminKey::Generate();
  REQUIRE(a.PinAdminKey(admin.public_key()).ok());
  auto pinned = a.PinnedAdminKey();
  REQUIRE(pinned.ok());
  REQUIRE(pinned->has_value());
  CHECK(**pinned == admin.public_key());
  CHECK_FALSE(b.PinnedAdminKey()->has_value());
  CHECK(ModeOf(a.dir() + "/admin_public_key") == 0600);
  // A damaged pin is an error, never a silent re-pin.
  WriteText(a.dir() + "/admin_public_key", "garbage\n", 0600);
  CHECK(a.PinnedAdminKey().code() == Code::kMalformed);
}

TEST_CASE("state: a saved roster state refuses an older roster (rollback)", "[cli][state]") {
  TempDir dir;
  StateStore s = StateStore::ForServer(dir.path(), "http://127.0.0.1:8081");
  const crypto::AdminKey admin = crypto::AdminKey::Generate();
  crypto::Roster roster;
  roster.instance_id = crypto::RandomId();
  roster.version = 1;
  const Bytes v1 = *admin.SignRoster(roster);
  roster.version = 2;
  roster.entries.push_back({crypto::RandomId(), {}, {}, "Ana"});
  // A valid entry needs real keys.
  {
    crypto::Ed25519KeyPair ed = crypto::Ed25519FromSeed(SecretBytes::Random(32).reveal());
    roster.entries[0].ed25519 = ed.public_key;
    roster.entries[0].x25519 = crypto::X25519Base(SecretBytes::Random(32).reveal());
  }
  const Bytes v2 = *admin.SignRoster(roster);

  auto seen0 = s.LastRoster();
  REQUIRE(seen0.ok());
  CHECK(seen0->version == 0);
  auto accepted = crypto::VerifyRosterAdvance(v2, admin.public_key(), roster.instance_id, *seen0);
  REQUIRE(accepted.ok());
  REQUIRE(s.SaveRoster({accepted->version(), accepted->digest()}, v2).ok());

  auto seen = s.LastRoster();
  REQUIRE(seen.ok());
  CHECK(seen->version == 2);
  CHECK(seen->digest == accepted->digest());
  CHECK(crypto::VerifyRosterAdvance(v1, admin.public_key(), roster.instance_id, *seen).code() ==
        Code::kRollback);
  CHECK(crypto::VerifyRosterAdvance(v2, admin.public_key(), roster.instance_id, *seen).ok());
  auto bytes = s.LastRosterBytes();
  REQUIRE(bytes.ok());
  CHECK(**bytes == v2);

  WriteText(s.dir() + "/roster_state", "version x\ndigest 00\n", 0600);
  CHECK(s.LastRoster().code() == Code::kMalformed);
}

TEST_CASE("state: token file is 0600 and logout removes it", "[cli][state]") {
  TempDir dir;
  StateStore s = StateStore::ForServer(dir.path(), "unix:/tmp/x.sock");
  CHECK_FALSE(s.Token()->has_value());
  REQUIRE(s.SaveToken(SecretBytes::Copy(std::string_view("tok"))).ok());
  CHECK(ModeOf(s.dir() + "/token") == 0600);
  auto t = s.Token();
  REQUIRE(t.ok());
  REQUIRE(t->has_value());
  CHECK((*t)->reveal_chars() == "tok");
  REQUIRE(s.RemoveToken().ok());
  CHECK(::access((s.dir() + "/token").c_str(), F_OK) != 0);
  CHECK(s.RemoveToken().ok());  // nothing to remove: fine
}

TEST_CASE("state: the default directory follows XDG, then HOME; --state-dir wins", "[cli][state]") {
  CHECK(*DefaultStateDir("/x/y") == "/x/y");
  ::setenv("XDG_DATA_HOME", "/xdg", 1);
  CHECK(*DefaultStateDir("") == "/xdg/dojava");
  ::unsetenv("XDG_DATA_HOME");
  ::setenv("HOME", "/home/r", 1);
  CHECK(*DefaultStateDir("") == "/home/r/.local/share/dojava");
}

TEST_CASE("WriteFileAtomic never overwrites unless asked", "[cli][state]") {
  TempDir dir;
  const std::string p = dir / "f";
  REQUIRE(WriteFileAtomic(p, AsBytes(std::string_view("a")), false).ok());
  CHECK(WriteFileAtomic(p, AsBytes(std::string_view("b")), false).code() == Code::kAlreadyExists);
  REQUIRE(WriteFileAtomic(p, AsBytes(std::string_view("c")), true).ok());
  std::ifstream in(p);
  std::string s;
  in >> s;
  CHECK(s == "c");
  CHECK(ModeOf(p) == 0600);
}

TEST_CASE("reviewer public key line: format and strict parse", "[cli][keys]") {
  ReviewerPublicKeys k;
  k.ed25519.fill(1);
  k.x25519.fill(2);
  const std::string line = FormatPublicKeyLine(k);
  CHECK(line.rfind("dojava-reviewer-v1:", 0) == 0);
  auto back = ParsePublicKeyLine(line + "\n");
  REQUIRE(back.ok());
  CHECK(back->ed25519 == k.ed25519);
  CHECK(back->x25519 == k.x25519);
  CHECK_FALSE(ParsePublicKeyLine(line + "x").ok());
  CHECK_FALSE(ParsePublicKeyLine("dojava-reviewer-v2" + line.substr(18)).ok());
  CHECK_FALSE(ParsePublicKeyLine(line.substr(0, line.size() - 1)).ok());
  CHECK_FALSE(ParsePublicKeyLine(" " + line).ok());
}

// Regression: a line ending in a lone CR was accepted (the CR was removed
// whether or not an LF followed it); §5.4 allows no ending, LF or CR LF only.
TEST_CASE("reviewer public key line: a lone CR or two endings are refused", "[cli][keys]") {
  ReviewerPublicKeys k;
  k.ed25519.fill(1);
  k.x25519.fill(2);
  const std::string line = FormatPublicKeyLine(k);
  CHECK(ParsePublicKeyLine(line).ok());
  CHECK(ParsePublicKeyLine(line + "\r\n").ok());
  CHECK_FALSE(ParsePublicKeyLine(line + "\r").ok());
  CHECK_FALSE(ParsePublicKeyLine(line + "\n\n").ok());
  CHECK_FALSE(ParsePublicKeyLine(line + "\r\n\n").ok());
  CHECK_FALSE(ParsePublicKeyLine(line + "\n\r").ok());
}

TEST_CASE("state: case and notes keys pinned per case; a swapped key refused", "[cli][state]") {
  TempDir dir;
  StateStore st = StateStore::ForServer(dir.path(), "http://127.0.0.1:8082");
  const crypto::Id case_a = crypto::RandomId(), case_b = crypto::RandomId();
  const SecretBytes ck = SecretBytes::Random(32), ck2 = SecretBytes::Random(32);
  const SecretBytes nk = SecretBytes::Random(32), nk2 = SecretBytes::Random(32);
  const SecretBytes none;
  REQUIRE(st.CheckAndPinCaseKeys(case_a, ck, none).ok());  // first open: pinned
  CHECK(st.CheckAndPinCaseKeys(case_a, ck, none).ok());
  CHECK(st.CheckAndPinCaseKeys(case_a, ck2, none).code() == Code::kBadSignature);
  REQUIRE(st.CheckAndPinCaseKeys(case_a, ck, nk).ok());  // NK seen for the first time
  CHECK(st.CheckAndPinCaseKeys(case_a, ck, nk).ok());
  CHECK(st.CheckAndPinCaseKeys(case_a, ck, nk2).code() == Code::kBadSignature);
  CHECK(st.CheckAndPinCaseKeys(case_a, ck, none).ok());  // not sealed to us: nothing to compare
  CHECK(st.CheckAndPinCaseKeys(case_b, ck2, nk2).ok());  // per case
  CHECK(st.CheckAndPinCaseKeys(case_b, ck, nk2).code() == Code::kBadSignature);
  // The pin holds hashes, not keys.
  std::ifstream in(st.dir() + "/case-key-pin-" + HexEncode(case_a));
  std::string text((std::istreambuf_iterator<char>(in)), {});
  CHECK(text.find(HexEncode(ck.reveal())) == std::string::npos);
  CHECK(text.rfind("ck ", 0) == 0);
  CHECK(ModeOf(st.dir() + "/case-key-pin-" + HexEncode(case_a)) == 0600);
}

TEST_CASE("state: sources keep state in memory, or without the server marker", "[cli][state]") {
  TempDir dir;
  StateStore mem = StateStore::InMemory();
  CHECK(mem.in_memory());
  const crypto::AdminKey admin = crypto::AdminKey::Generate();
  REQUIRE(mem.PinAdminKey(admin.public_key()).ok());
  auto pinned = mem.PinnedAdminKey();
  REQUIRE(pinned.ok());
  REQUIRE(pinned->has_value());
  CHECK(**pinned == admin.public_key());
  REQUIRE(mem.SaveRoster({3, Bytes(32, 7)}, AsBytes(std::string_view("roster"))).ok());
  auto last = mem.LastRoster();
  REQUIRE(last.ok());
  CHECK(last->version == 3);
  CHECK(::access(mem.dir().c_str(), F_OK) != 0);

  StateStore src = StateStore::ForServer(dir.path(), "http://127.0.0.1:8083", false);
  REQUIRE(src.PinAdminKey(admin.public_key()).ok());
  CHECK(::access((src.dir() + "/admin_public_key").c_str(), F_OK) == 0);
  CHECK(::access((src.dir() + "/server").c_str(), F_OK) != 0);
  StateStore rev = StateStore::ForServer(dir.path(), "http://127.0.0.1:8084");
  REQUIRE(rev.PinAdminKey(admin.public_key()).ok());
  CHECK(::access((rev.dir() + "/server").c_str(), F_OK) == 0);
}

}  // namespace
}  // namespace dojava::client

namespace dojava::client {
namespace {

TEST_CASE("state: a v2 case's high-water mark round-trips; a damaged one is named",
          "[cli][state][v2]") {
  client::testing::TempDir dir;
  StateStore s = StateStore::ForServer(dir.path(), "http://127.0.0.1:8081");
  const crypto::Id case_id = crypto::RandomId();
  auto none = s.CaseOrderMark(case_id);
  REQUIRE(none.ok());
  CHECK(none->count == 0);
  crypto::v2::HighWaterMark mark;
  mark.count = 7;
  mark.last_hash.fill(0xab);
  REQUIRE(s.SaveCaseOrderMark(case_id, mark).ok());
  auto back = s.CaseOrderMark(case_id);
  REQUIRE(back.ok());
  CHECK(back->count == 7);
  CHECK(back->last_hash == mark.last_hash);
  const std::string file = s.dir() + "/case-order-" + HexEncode(case_id);
  CHECK(ModeOf(file) == 0600);
  WriteText(file, "count 7\nlast zz\n", 0600);
  CHECK(s.CaseOrderMark(case_id).code() == Code::kMalformed);
}

}  // namespace
}  // namespace dojava::client
