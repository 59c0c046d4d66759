// Downloads: chunk by chunk, verified, resumable; a substituted chunk or a
// short file is caught and leaves no output file.
#include "cli/transfer.h"

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch_test_macros.hpp>
#include <fstream>
#include <iterator>

#include "crypto/encoding.h"
#include "tests/cli/test_util.h"

namespace dojava::cli {
namespace {

constexpr size_t kChunk = protocol::kChunkPlainSize;

struct Encrypted {
  crypto::FileSecrets secrets = crypto::FileSecrets::Generate();
  std::string plain;
  std::vector<Bytes> records;
  explicit Encrypted(size_t size) {
    plain.resize(size);
    for (size_t i = 0; i < size; ++i) plain[i] = static_cast<char>(i * 31 + 7);
    const uint64_t count = crypto::ChunkCount(size);
    for (uint64_t i = 0; i < count; ++i) {
      const bool last = i + 1 == count;
      const size_t len = last ? size - i * kChunk : kChunk;
      records.push_back(*crypto::EncryptChunk(
          secrets, i, last, AsBytes(std::string_view(plain).substr(i * kChunk, len))));
    }
  }
};

std::string PartOf(const std::string& out, const crypto::FileSecrets& secrets) {
  return out + "." + HexEncode(secrets.file_id()) + ".part";
}

std::string ReadAll(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST_CASE("download: byte-identical, 0600 part file renamed at the end", "[cli][transfer]") {
  testing::TempDir dir;
  Encrypted e(3 * kChunk + 1234);
  const std::string out = dir / "report.pdf";
  Status s = DownloadFile([&](uint64_t i) -> Result<Bytes> { return e.records.at(i); }, e.secrets,
                          e.records.size(), e.plain.size(), out, "report.pdf");
  REQUIRE(s.ok());
  CHECK(ReadAll(out) == e.plain);
  CHECK(::access(PartOf(out, e.secrets).c_str(), F_OK) != 0);
  struct stat st {};
  ::stat(out.c_str(), &st);
  CHECK((st.st_mode & 0777) == 0600);
  // Never overwrites.
  CHECK(DownloadFile([&](uint64_t i) -> Result<Bytes> { return e.records.at(i); }, e.secrets,
                     e.records.size(), e.plain.size(), out, "x")
            .code() == Code::kAlreadyExists);
}

TEST_CASE("download: an interrupted download resumes without fetching done chunks again",
          "[cli][transfer]") {
  testing::TempDir dir;
  Encrypted e(4 * kChunk + 10);
  const std::string out = dir / "f";
  std::vector<uint64_t> fetched;
  Status first = DownloadFile(
      [&](uint64_t i) -> Result<Bytes> {
        if (i == 2) return Status(Code::kIoError, "connection lost");
        fetched.push_back(i);
        return e.records.at(i);
      },
      e.secrets, e.records.size(), e.plain.size(), out, "f");
  CHECK(first.code() == Code::kIoError);
  CHECK(::access(out.c_str(), F_OK) != 0);
  fetched.clear();
  Status second = DownloadFile(
      [&](uint64_t i) -> Result<Bytes> {
        fetched.push_back(i);
        return e.records.at(i);
      },
      e.secrets, e.records.size(), e.plain.size(), out, "f");
  REQUIRE(second.ok());
  CHECK(fetched == std::vector<uint64_t>{2, 3, 4});
  CHECK(ReadAll(out) == e.plain);
}

TEST_CASE("download: a flipped, moved or foreign chunk is refused, naming the chunk",
          "[cli][transfer]") {
  testing::TempDir dir;
  Encrypted e(2 * kChunk + 5);
  Encrypted other(2 * kChunk + 5);
  auto run = [&](std::function<Result<Bytes>(uint64_t)> f) {
    const std::string out = dir / "o";
    Status s = DownloadFile(f, e.secrets, e.records.size(), e.plain.size(), out, "o");
    ::unlink(PartOf(out, e.secrets).c_str());
    CHECK(::access(out.c_str(), F_OK) != 0);
    return s;
  };
  Status flipped = run([&](uint64_t i) -> Result<Bytes> {
    Bytes r = e.records.at(i);
    if (i == 1) r[100] ^= 1;
    return r;
  });
  CHECK(flipped.code() == Code::kDecryptFailed);
  CHECK(flipped.message().find("chunk 1") != std::string::npos);
  CHECK(run([&](uint64_t i) -> Result<Bytes> { return e.records.at(i == 1 ? 0 : i); }).code() ==
        Code::kDecryptFailed);
  CHECK(run([&](uint64_t i) -> Result<Bytes> { return other.records.at(i); }).code() ==
        Code::kDecryptFailed);
  CHECK(run([&](uint64_t i) -> Result<Bytes> {
          Bytes r = e.records.at(i);
          r.pop_back();
          return r;
        }).code() == Code::kMalformed);
}

TEST_CASE("download: a reference whose size disagrees with the data is refused (§9.2)",
          "[cli][transfer]") {
  testing::TempDir dir;
  Encrypted e(kChunk + 100);
  const std::string out = dir / "o";
  Status s = DownloadFile([&](uint64_t i) -> Result<Bytes> { return e.records.at(i); }, e.secrets,
                          e.records.size(), e.plain.size() + 1, out, "o");
  CHECK(s.code() == Code::kMalformed);
  CHECK(::access(out.c_str(), F_OK) != 0);
}

TEST_CASE("download: the part file of another file to the same output is never spliced in",
          "[cli][transfer]") {
  testing::TempDir dir;
  Encrypted a(3 * kChunk + 10), b(3 * kChunk + 20);
  const std::string out = dir / "evidence.bin";
  // A is interrupted after two chunks.
  Status first = DownloadFile(
      [&](uint64_t i) -> Result<Bytes> {
        if (i == 2) return Status(Code::kIoError, "connection lost");
        return a.records.at(i);
      },
      a.secrets, a.records.size(), a.plain.size(), out, "a");
  CHECK(first.code() == Code::kIoError);
  CHECK(::access(PartOf(out, a.secrets).c_str(), F_OK) == 0);
  // B to the same output name starts from chunk 0 in its own part file.
  std::vector<uint64_t> fetched;
  Status second = DownloadFile(
      [&](uint64_t i) -> Result<Bytes> {
        fetched.push_back(i);
        return b.records.at(i);
      },
      b.secrets, b.records.size(), b.plain.size(), out, "b");
  REQUIRE(second.ok());
  CHECK(fetched == std::vector<uint64_t>{0, 1, 2, 3});
  CHECK(ReadAll(out) == b.plain);
  // A's part file is left alone (a later `get` of A resumes from it).
  CHECK(ReadAll(PartOf(out, a.secrets)) == a.plain.substr(0, 2 * kChunk));
}

}  // namespace
}  // namespace dojava::cli
