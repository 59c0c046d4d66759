// Key files, crypto/PROTOCOL.md §5.3.
//
// Argon2id runs at the lowest parameters a reader accepts (t = 1, 8 MiB) so
// the ASan suite stays fast; the defaults are timed in bench/receipt_bench.
#include "crypto/key_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <catch2/catch_test_macros.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "crypto/primitives.h"
#include "crypto/protocol_constants.h"
#include "crypto/testing/deterministic.h"

using namespace dojava;
using namespace dojava::crypto;
namespace fs = std::filesystem;

namespace {

constexpr KeyFileParams kFast{1, 8192};

SecretBytes Pass(std::string_view p) { return SecretBytes::Copy(p); }

Bytes SealFast(KeyKind kind, const SecretBytes& seed, std::string_view pass = "correct horse") {
  auto f = SealKeyFile(kind, seed, Pass(pass), kFast);
  REQUIRE(f.ok());
  return std::move(f).value();
}

void PutU32(Bytes& f, size_t offset, uint32_t v) {
  for (int i = 0; i < 4; ++i) f[offset + i] = uint8_t(v >> (8 * (3 - i)));
}

// A fresh private directory, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "dojava-keyfile-XXXXXX").string();
    REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string operator/(std::string_view name) const { return (path_ / name).string(); }
  const fs::path& path() const { return path_; }
  size_t EntryCount() const {
    size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(path_)) ++n;
    return n;
  }

 private:
  fs::path path_;
};

mode_t ModeOf(const std::string& path) {
  struct stat st;
  REQUIRE(::lstat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

void WritePlain(const std::string& path, ByteView bytes, mode_t mode) {
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
    REQUIRE(out.good());
  }
  REQUIRE(::chmod(path.c_str(), mode) == 0);
}

Bytes ReadPlain(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("Key file round trip, both kinds", "[key_file]") {
  for (KeyKind kind : {KeyKind::kReviewer, KeyKind::kAdmin}) {
    const SecretBytes seed = SecretBytes::Random(32);
    const Bytes file = SealFast(kind, seed, "pässwörd with spaces ");
    REQUIRE(file.size() == 104);
    auto opened = OpenKeyFile(file, Pass("pässwörd with spaces "));
    REQUIRE(opened.ok());
    CHECK(opened->kind == kind);
    CHECK(opened->seed.Equals(seed));
  }
}

TEST_CASE("Key file layout is exactly §5.3", "[key_file]") {
  const SecretBytes seed = SecretBytes::Random(32);
  const Bytes salt(16, 0x5a);
  const Bytes nonce(24, 0xa5);
  auto file = SealKeyFile(KeyKind::kAdmin, seed, Pass("pw"), {2, 9000}, salt, nonce);
  REQUIRE(file.ok());
  REQUIRE(file->size() == 104);
  const Bytes& f = *file;
  CHECK(Bytes(f.begin(), f.begin() + 4) == Bytes{'D', 'J', 'K', 'F'});
  CHECK(f[4] == 1);                                                         // version
  CHECK(f[5] == 2);                                                         // kind: admin
  CHECK(f[6] == 1);                                                         // kdf: Argon2id v1.3
  CHECK(f[7] == 0);                                                         // reserved
  CHECK(Bytes(f.begin() + 8, f.begin() + 12) == Bytes{0, 0, 0, 2});         // t, BE
  CHECK(Bytes(f.begin() + 12, f.begin() + 16) == Bytes{0, 0, 0x23, 0x28});  // 9000, BE
  CHECK(Bytes(f.begin() + 16, f.begin() + 32) == salt);
  CHECK(Bytes(f.begin() + 32, f.begin() + 56) == nonce);
  // body = AEAD(Argon2id(pw, salt, t, m), nonce, L("dojava/v1/key-file") || header, seed)
  auto wk = Argon2id(AsBytes("pw"), salt, 2, 9000u * 1024);
  REQUIRE(wk.ok());
  Bytes ad = Label("dojava/v1/key-file");
  ad.insert(ad.end(), f.begin(), f.begin() + 56);
  CHECK(Bytes(f.begin() + 56, f.end()) == AeadSeal(wk->reveal(), nonce, ad, seed.reveal()));
  // Deterministic given salt and nonce; random otherwise.
  auto again = SealKeyFile(KeyKind::kAdmin, seed, Pass("pw"), {2, 9000}, salt, nonce);
  REQUIRE(again.ok());
  CHECK(*again == f);
  const Bytes r1 = SealFast(KeyKind::kAdmin, seed, "pw");
  const Bytes r2 = SealFast(KeyKind::kAdmin, seed, "pw");
  CHECK(Bytes(r1.begin() + 16, r1.begin() + 56) != Bytes(r2.begin() + 16, r2.begin() + 56));
  // Writers default to t = 3, m = 256 MiB.
  KeyFileParams defaults;
  CHECK(defaults.ops == 3);
  CHECK(defaults.mem_kib == 262144);
}

TEST_CASE("Wrong passphrase", "[key_file]") {
  const SecretBytes seed = SecretBytes::Random(32);
  const Bytes file = SealFast(KeyKind::kReviewer, seed, "correct horse");
  // The passphrase is its bytes exactly as entered: no trimming, no folding.
  for (std::string_view wrong :
       {"correct hors", "correct horse ", "Correct horse", "correct horse\n", "x"}) {
    INFO(wrong);
    CHECK(OpenKeyFile(file, Pass(wrong)).code() == Code::kWrongPassphrase);
  }
  CHECK(OpenKeyFile(file, SecretBytes()).code() == Code::kWrongPassphrase);
  CHECK(OpenKeyFile(file, Pass("correct horse")).ok());
}

TEST_CASE("Sealing refuses bad arguments", "[key_file]") {
  const SecretBytes seed = SecretBytes::Random(32);
  CHECK(SealKeyFile(KeyKind::kReviewer, seed, SecretBytes(), kFast).code() ==
        Code::kInvalidArgument);
  CHECK(SealKeyFile(KeyKind::kReviewer, SecretBytes::Random(31), Pass("p"), kFast).code() ==
        Code::kInvalidArgument);
  CHECK(SealKeyFile(KeyKind::kReviewer, SecretBytes::Random(33), Pass("p"), kFast).code() ==
        Code::kInvalidArgument);
  CHECK(SealKeyFile(KeyKind(4), seed, Pass("p"), kFast).code() ==
        Code::kInvalidArgument);  // kinds 1-3
  for (KeyFileParams p : {KeyFileParams{0, 8192}, KeyFileParams{17, 8192}, KeyFileParams{1, 8191},
                          KeyFileParams{1, 1048577}}) {
    CHECK(SealKeyFile(KeyKind::kReviewer, seed, Pass("p"), p).code() == Code::kInvalidArgument);
  }
  CHECK(SealKeyFile(KeyKind::kReviewer, seed, Pass("p"), kFast, Bytes(15), Bytes(24)).code() ==
        Code::kInvalidArgument);
  CHECK(SealKeyFile(KeyKind::kReviewer, seed, Pass("p"), kFast, Bytes(16), Bytes(23)).code() ==
        Code::kInvalidArgument);
}

// Flip one bit (0x01, then 0x80) of every byte. What each flip must give,
// from §5.3 with t = 1, m = 8192 (0x00002000):
//   0..3 magic -> malformed; 4 version -> unsupported_version;
//   5 kind (1 -> 0 or 0x81), 6 kdf, 7 reserved -> malformed;
//   8..11 t: 0x01000001, 0x00010001, 0x00000101, 0 / 0x80..., 129 -> malformed;
//   12 m: 0x01002000, 0x80002000 -> malformed;
//   13 m: 0x00012000 = 73728 in bounds -> wrong_passphrase;
//         0x00802000 = 8396800 > 1048576 -> malformed;
//   14 m: 0x2100 = 8448, 0xa000 = 40960, in bounds -> wrong_passphrase;
//   15 m: 8193, 8320, in bounds -> wrong_passphrase;
//   16..103 salt, nonce, ciphertext, tag -> wrong_passphrase.
TEST_CASE("Every flipped bit of a key file is rejected with the right outcome", "[key_file]") {
  const SecretBytes seed = SecretBytes::Random(32);
  const SecretBytes pass = Pass("correct horse");
  const Bytes file = SealFast(KeyKind::kReviewer, seed);
  auto expected = [](size_t offset, uint8_t mask) {
    if (offset < 4) return Code::kMalformed;
    if (offset == 4) return Code::kUnsupportedVersion;
    if (offset < 13) return Code::kMalformed;
    if (offset == 13) return mask == 0x01 ? Code::kWrongPassphrase : Code::kMalformed;
    return Code::kWrongPassphrase;
  };
  for (uint8_t mask : {uint8_t(0x01), uint8_t(0x80)}) {
    for (size_t i = 0; i < file.size(); ++i) {
      Bytes bad = file;
      bad[i] ^= mask;
      INFO("offset " << i << " mask " << int(mask));
      const Code want = expected(i, mask);
      CHECK(OpenKeyFile(bad, pass).code() == want);
    }
  }
}

TEST_CASE("In-bounds header changes are caught by the AEAD", "[key_file]") {
  const SecretBytes seed = SecretBytes::Random(32);
  const Bytes file = SealFast(KeyKind::kReviewer, seed);
  Bytes kind = file;
  kind[5] = 2;  // reviewer -> admin: a known kind, but the header is authenticated
  CHECK(OpenKeyFile(kind, Pass("correct horse")).code() == Code::kWrongPassphrase);
  Bytes t = file;
  PutU32(t, 8, 2);
  CHECK(OpenKeyFile(t, Pass("correct horse")).code() == Code::kWrongPassphrase);
  Bytes t16 = file;
  PutU32(t16, 8, 16);  // the upper bound is accepted (and so Argon2id runs)
  CHECK(OpenKeyFile(t16, Pass("correct horse")).code() == Code::kWrongPassphrase);
}

TEST_CASE("Every truncation and extension is malformed", "[key_file]") {
  const Bytes file = SealFast(KeyKind::kAdmin, SecretBytes::Random(32));
  for (size_t n = 0; n < file.size(); ++n) {
    INFO("truncated to " << n);
    CHECK(OpenKeyFile(ByteView(file).first(n), Pass("correct horse")).code() == Code::kMalformed);
  }
  for (size_t extra = 1; extra <= 200; ++extra) {
    Bytes longer = file;
    longer.resize(file.size() + extra, uint8_t(extra));
    INFO("extended by " << extra);
    CHECK(OpenKeyFile(longer, Pass("correct horse")).code() == Code::kMalformed);
  }
}

// Each of these would behave differently if Argon2id ran: t = 0 and
// m = 0xffffffff KiB fail inside libsodium (kInternal), m = 8191 KiB is
// accepted by libsodium (wrong_passphrase), and t = 0xffffffff would run for
// hours. Only a check before Argon2id gives malformed, at once.
TEST_CASE("Out-of-bounds Argon2id parameters are malformed without running Argon2id",
          "[key_file]") {
  const Bytes file = SealFast(KeyKind::kReviewer, SecretBytes::Random(32));
  struct Case {
    uint32_t t, m;
  };
  for (Case c : {Case{0, 8192}, Case{17, 8192}, Case{0xffffffff, 8192}, Case{1, 8191},
                 Case{1, 1048577}, Case{1, 0xffffffff}, Case{0xffffffff, 0xffffffff}, Case{1, 0}}) {
    Bytes bad = file;
    PutU32(bad, 8, c.t);
    PutU32(bad, 12, c.m);
    INFO("t " << c.t << " m " << c.m);
    CHECK(OpenKeyFile(bad, Pass("correct horse")).code() == Code::kMalformed);
  }
}

TEST_CASE("Header checks run in §5.3's order", "[key_file]") {
  const Bytes file = SealFast(KeyKind::kReviewer, SecretBytes::Random(32));
  const SecretBytes pass = Pass("correct horse");
  Bytes f = file;
  f[4] = 2;  // version
  f[6] = 9;  // kdf
  f[7] = 1;  // reserved
  PutU32(f, 8, 0);
  f[5] = 7;  // kind
  CHECK(OpenKeyFile(f, pass).code() == Code::kUnsupportedVersion);
  f[0] = 'X';  // magic before version
  CHECK(OpenKeyFile(f, pass).code() == Code::kMalformed);
  Bytes g = file;
  g[5] = 7;  // an unknown kind alone
  CHECK(OpenKeyFile(g, pass).code() == Code::kMalformed);
  g[5] = 0;
  CHECK(OpenKeyFile(g, pass).code() == Code::kMalformed);
  // A future version is unsupported_version only at the v1 size (§5.3
  // checks the size first).
  Bytes v2 = file;
  v2[4] = 2;
  CHECK(OpenKeyFile(v2, pass).code() == Code::kUnsupportedVersion);
  v2.push_back(0);
  CHECK(OpenKeyFile(v2, pass).code() == Code::kMalformed);
}

TEST_CASE("WriteKeyFile creates mode 0600 whatever the umask, and reads back", "[key_file]") {
  TempDir dir;
  const SecretBytes seed = SecretBytes::Random(32);
  const Bytes file = SealFast(KeyKind::kAdmin, seed);
  for (mode_t mask : {mode_t(0), mode_t(022), mode_t(0277)}) {
    const std::string path = dir / ("admin-" + std::to_string(mask) + ".key");
    const mode_t old = ::umask(mask);
    const Status s = WriteKeyFile(path, file, false);
    ::umask(old);
    INFO("umask " << mask);
    REQUIRE(s.ok());
    CHECK(ModeOf(path) == 0600);
    auto read = ReadKeyFile(path);
    REQUIRE(read.ok());
    CHECK(*read == file);
    auto opened = OpenKeyFile(*read, Pass("correct horse"));
    REQUIRE(opened.ok());
    CHECK(opened->seed.Equals(seed));
    CHECK(opened->kind == KeyKind::kAdmin);
  }
  CHECK(dir.EntryCount() == 3);  // no temporary file left behind
}

TEST_CASE("WriteKeyFile never overwrites unless asked", "[key_file]") {
  TempDir dir;
  const Bytes first = SealFast(KeyKind::kReviewer, SecretBytes::Random(32));
  const Bytes second = SealFast(KeyKind::kReviewer, SecretBytes::Random(32));
  const std::string path = dir / "reviewer.key";
  REQUIRE(WriteKeyFile(path, first, false).ok());
  const Status again = WriteKeyFile(path, second, false);
  CHECK(again.code() == Code::kAlreadyExists);
  CHECK(ReadPlain(path) == first);
  REQUIRE(WriteKeyFile(path, second, true).ok());
  CHECK(ReadPlain(path) == second);
  CHECK(ModeOf(path) == 0600);
  CHECK(dir.EntryCount() == 1);
  // Wrong size, missing directory.
  CHECK(WriteKeyFile(dir / "short.key", Bytes(103), false).code() == Code::kInvalidArgument);
  CHECK(WriteKeyFile(dir / "missing/x.key", first, false).code() == Code::kIoError);
  CHECK(dir.EntryCount() == 1);
}

TEST_CASE("WriteKeyFile does not follow a symlink", "[key_file]") {
  TempDir dir;
  const Bytes file = SealFast(KeyKind::kReviewer, SecretBytes::Random(32));
  const std::string target = dir / "target";
  const std::string link = dir / "link.key";
  WritePlain(target, Bytes{1, 2, 3}, 0644);
  REQUIRE(::symlink(target.c_str(), link.c_str()) == 0);
  CHECK(WriteKeyFile(link, file, false).code() == Code::kAlreadyExists);
  CHECK(ReadPlain(target) == Bytes{1, 2, 3});
  // Overwriting replaces the link itself; the target is untouched.
  REQUIRE(WriteKeyFile(link, file, true).ok());
  CHECK(ReadPlain(target) == Bytes{1, 2, 3});
  struct stat st;
  REQUIRE(::lstat(link.c_str(), &st) == 0);
  CHECK(S_ISREG(st.st_mode));
  CHECK(ModeOf(link) == 0600);
  // A dangling symlink counts as existing: the file it names is not created.
  const std::string dangling = dir / "dangling.key";
  const std::string nowhere = dir / "nowhere";
  REQUIRE(::symlink(nowhere.c_str(), dangling.c_str()) == 0);
  CHECK(WriteKeyFile(dangling, file, false).code() == Code::kAlreadyExists);
  CHECK_FALSE(fs::exists(fs::symlink_status(nowhere)));
}

TEST_CASE("ReadKeyFile refuses files others can access", "[key_file]") {
  TempDir dir;
  const Bytes file = SealFast(KeyKind::kReviewer, SecretBytes::Random(32));
  const std::string path = dir / "k.key";
  for (mode_t mode : {mode_t(0644), mode_t(0640), mode_t(0604), mode_t(0660), mode_t(0620),
                      mode_t(0602), mode_t(0601), mode_t(0610), mode_t(0777)}) {
    WritePlain(path, file, mode);
    auto r = ReadKeyFile(path);
    INFO("mode " << std::oct << mode);
    CHECK(r.code() == Code::kPermissionDenied);
    CHECK(r.status().message().find("chmod 600") != std::string::npos);
  }
  for (mode_t mode : {mode_t(0600), mode_t(0400)}) {
    WritePlain(path, file, mode);
    auto r = ReadKeyFile(path);
    INFO("mode " << std::oct << mode);
    REQUIRE(r.ok());
    CHECK(*r == file);
  }
}

TEST_CASE("ReadKeyFile refuses symlinks, non-files, oversize files", "[key_file]") {
  TempDir dir;
  const Bytes file = SealFast(KeyKind::kReviewer, SecretBytes::Random(32));
  const std::string real = dir / "real.key";
  WritePlain(real, file, 0600);
  const std::string link = dir / "link.key";
  REQUIRE(::symlink(real.c_str(), link.c_str()) == 0);
  CHECK(ReadKeyFile(link).code() == Code::kPermissionDenied);

  CHECK(ReadKeyFile(dir / "absent.key").code() == Code::kNotFound);
  CHECK(ReadKeyFile(dir.path().string()).code() == Code::kIoError);
  const std::string fifo = dir / "fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK(ReadKeyFile(fifo).code() == Code::kIoError);  // and does not hang

  Bytes big = file;
  big.push_back(0);
  WritePlain(real, big, 0600);
  CHECK(ReadKeyFile(real).code() == Code::kMalformed);
  WritePlain(real, Bytes(1 << 20, 0), 0600);
  CHECK(ReadKeyFile(real).code() == Code::kMalformed);

  // A short file is read; opening it reports the size.
  WritePlain(real, ByteView(file).first(50), 0600);
  auto shortf = ReadKeyFile(real);
  REQUIRE(shortf.ok());
  CHECK(shortf->size() == 50);
  CHECK(OpenKeyFile(*shortf, Pass("correct horse")).code() == Code::kMalformed);
}
