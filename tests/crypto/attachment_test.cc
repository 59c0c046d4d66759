// Attachments, crypto/PROTOCOL.md §9. The construction is checked against
// records built by hand from the raw AEAD and the spec's nonce and AD; the
// rest are round trips, streaming-equals-one-shot properties and every
// failure outcome §9.2 names.
#include "crypto/attachment.h"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch_get_random_seed.hpp>
#include <catch2/catch_test_macros.hpp>
#include <cstdio>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

using namespace dojava;
using namespace dojava::crypto;
using protocol::kChunkPlainSize;
using protocol::kChunkRecordSize;

namespace {

constexpr size_t kC = kChunkPlainSize;

// Reproducible pseudo-random bytes: Catch's --rng-seed reproduces a failure.
Bytes TestBytes(size_t n, uint64_t salt) {
  std::array<uint8_t, randombytes_SEEDBYTES> seed{};
  const uint64_t s = Catch::getSeed() ^ (salt * 0x9e3779b97f4a7c15ULL);
  for (size_t i = 0; i < 8; ++i) seed[i] = static_cast<uint8_t>(s >> (8 * i));
  Bytes out(n);
  if (n > 0) randombytes_buf_deterministic(out.data(), n, seed.data());
  return out;
}

FileSecrets FixedSecrets(uint8_t key_byte = 0x01, uint8_t prefix_byte = 0x02,
                         uint8_t id_byte = 0x03) {
  return FileSecrets::FromBytes(Bytes(32, key_byte), Bytes(20, prefix_byte), Bytes(16, id_byte))
      .value();
}

// Large byte strings are compared through Diff so that a failure prints
// where they differ, not half a megabyte of bytes. "" means equal.
std::string Diff(ByteView a, ByteView b) {
  if (a.size() != b.size()) {
    return "sizes " + std::to_string(a.size()) + " and " + std::to_string(b.size());
  }
  const auto [pa, pb] = std::mismatch(a.begin(), a.end(), b.begin());
  if (pa == a.end()) return "";
  return "first difference at byte " + std::to_string(pa - a.begin());
}
std::string Diff(std::string_view a, std::string_view b) { return Diff(AsBytes(a), AsBytes(b)); }
std::string Diff(const std::vector<Bytes>& a, const std::vector<Bytes>& b) {
  if (a.size() != b.size()) {
    return "record counts " + std::to_string(a.size()) + " and " + std::to_string(b.size());
  }
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::string d = Diff(a[i], b[i]); !d.empty())
      return "record " + std::to_string(i) + ": " + d;
  }
  return "";
}

// The file cut by the chunk functions alone, one call per chunk.
std::vector<Bytes> EncryptOneShot(const FileSecrets& secrets, ByteView data) {
  const uint64_t count = ChunkCount(data.size());
  std::vector<Bytes> records;
  for (uint64_t i = 0; i < count; ++i) {
    const bool last = i + 1 == count;
    const size_t begin = i * kC;
    const size_t len = last ? data.size() - begin : kC;
    records.push_back(EncryptChunk(secrets, i, last, data.subspan(begin, len)).value());
  }
  return records;
}

// The file through AttachmentEncryptor, fed in pieces of the given sizes (the
// rest in one piece).
std::vector<Bytes> EncryptStreaming(const FileSecrets& secrets, ByteView data,
                                    const std::vector<size_t>& pieces = {}) {
  std::vector<Bytes> records;
  AttachmentEncryptor encryptor(secrets, [&](ByteView record) {
    records.emplace_back(record.begin(), record.end());
    return Status::Ok();
  });
  size_t pos = 0;
  for (size_t piece : pieces) {
    piece = std::min(piece, data.size() - pos);
    REQUIRE(encryptor.Update(data.subspan(pos, piece)).ok());
    pos += piece;
  }
  REQUIRE(encryptor.Update(data.subspan(pos)).ok());
  REQUIRE(encryptor.Finish().ok());
  CHECK(encryptor.size() == data.size());
  CHECK(encryptor.chunk_count() == records.size());
  return records;
}

struct Decrypted {
  Status status;
  Bytes plaintext;  // what reached the sink, even on failure
};

// Pushes the records, then finishes; stops at the first error.
Decrypted DecryptStreaming(const FileSecrets& secrets, const std::vector<Bytes>& records) {
  Decrypted out;
  AttachmentDecryptor decryptor(secrets, [&](ByteView plain) {
    out.plaintext.insert(out.plaintext.end(), plain.begin(), plain.end());
    return Status::Ok();
  });
  for (const Bytes& record : records) {
    out.status = decryptor.Push(record);
    if (!out.status.ok()) return out;
  }
  out.status = decryptor.Finish();
  if (out.status.ok()) CHECK(decryptor.size() == out.plaintext.size());
  return out;
}

Code DecryptCode(const FileSecrets& secrets, const std::vector<Bytes>& records) {
  return DecryptStreaming(secrets, records).status.code();
}

Bytes Concat(std::initializer_list<ByteView> parts) {
  Bytes out;
  for (ByteView p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

// §9.2 written out independently of attachment.cc: the label spelt here,
// integers big-endian by hand.
Bytes SpecNonce(uint8_t prefix_byte, uint32_t index) {
  Bytes n(24, prefix_byte);
  for (size_t i = 0; i < 4; ++i) n[20 + i] = static_cast<uint8_t>(index >> (24 - 8 * i));
  return n;
}
Bytes SpecAd(uint8_t id_byte, uint32_t index, bool last) {
  const std::string_view label = "dojava/v1/chunk";
  Bytes ad(label.size() + 1 + 1 + 16 + 4 + 1);  // 38 bytes
  size_t p = 0;
  for (char c : label) ad[p++] = static_cast<uint8_t>(c);
  ad[p++] = 0x00;  // L() terminator
  ad[p++] = 0x01;  // version
  for (int i = 0; i < 16; ++i) ad[p++] = id_byte;
  for (int s = 24; s >= 0; s -= 8) ad[p++] = static_cast<uint8_t>(index >> s);
  ad[p++] = last ? 0x01 : 0x00;
  REQUIRE(p == ad.size());
  return ad;
}
// A record sealed with the raw AEAD over any 524288-byte plaintext: lets a
// test build a correctly authenticated last chunk with invalid padding.
Bytes HandBuiltRecord(uint32_t index, bool last, ByteView padded) {
  const Bytes sealed =
      AeadSeal(Bytes(32, 0x01), SpecNonce(0x02, index), SpecAd(0x03, index, last), padded);
  return Concat({Bytes{0x01}, sealed});
}

}  // namespace

TEST_CASE("ChunkCount is floor(size / 524288) + 1", "[attachment]") {
  CHECK(ChunkCount(0) == 1);
  CHECK(ChunkCount(1) == 1);
  CHECK(ChunkCount(kC - 1) == 1);
  CHECK(ChunkCount(kC) == 2);
  CHECK(ChunkCount(kC + 1) == 2);
  CHECK(ChunkCount(3 * kC) == 4);
  CHECK(ChunkCount(kMaxAttachmentSize) == protocol::kMaxChunksPerFile);
  CHECK(ChunkCount(kMaxAttachmentSize + 1) == protocol::kMaxChunksPerFile + 1);
}

TEST_CASE("A chunk record is exactly the construction of §9.2", "[attachment]") {
  const FileSecrets secrets = FixedSecrets();
  SECTION("non-last chunk 5") {
    const Bytes data = TestBytes(kC, 1);
    const Bytes record = EncryptChunk(secrets, 5, false, data).value();
    CHECK(record.size() == kChunkRecordSize);
    CHECK(Diff(record, HandBuiltRecord(5, false, data)) == "");
    auto opened = DecryptChunk(secrets, 5, false, record);
    REQUIRE(opened.ok());
    CHECK(opened->Equals(data));
  }
  SECTION("last chunk 7 holding \"abc\"") {
    Bytes padded(kC, 0);
    padded[0] = 'a';
    padded[1] = 'b';
    padded[2] = 'c';
    padded[3] = 0x80;
    const Bytes record = EncryptChunk(secrets, 7, true, AsBytes("abc")).value();
    CHECK(Diff(record, HandBuiltRecord(7, true, padded)) == "");
    auto opened = DecryptChunk(secrets, 7, true, record);
    REQUIRE(opened.ok());
    CHECK(opened->reveal_chars() == "abc");
  }
  SECTION("index above 2^24 is big-endian in nonce and AD") {
    const Bytes record = EncryptChunk(secrets, 0x0A0B0C, true, {}).value();
    Bytes padded(kC, 0);
    padded[0] = 0x80;
    CHECK(Diff(record, HandBuiltRecord(0x0A0B0C, true, padded)) == "");
  }
}

TEST_CASE("FileSecrets", "[attachment]") {
  const FileSecrets a = FileSecrets::Generate();
  const FileSecrets b = FileSecrets::Generate();
  CHECK(a.file_key().size() == 32);
  CHECK_FALSE(a.file_key().Equals(b.file_key()));
  CHECK(a.nonce_prefix() != b.nonce_prefix());
  CHECK(a.file_id() != b.file_id());

  const FileSecrets c = a.Clone();
  CHECK(c.file_key().Equals(a.file_key()));
  CHECK(c.nonce_prefix() == a.nonce_prefix());
  CHECK(c.file_id() == a.file_id());

  CHECK(FileSecrets::FromBytes(Bytes(31), Bytes(20), Bytes(16)).code() == Code::kMalformed);
  CHECK(FileSecrets::FromBytes(Bytes(32), Bytes(24), Bytes(16)).code() == Code::kMalformed);
  CHECK(FileSecrets::FromBytes(Bytes(32), Bytes(20), Bytes(15)).code() == Code::kMalformed);
  CHECK(FileSecrets::FromBytes(Bytes(32), Bytes(20), Bytes(16)).ok());
}

TEST_CASE("EncryptChunk refuses plaintext that does not fit the chunk's position", "[attachment]") {
  const FileSecrets s = FixedSecrets();
  CHECK(EncryptChunk(s, 0, false, Bytes(0)).code() == Code::kInvalidArgument);
  CHECK(EncryptChunk(s, 0, false, Bytes(kC - 1)).code() == Code::kInvalidArgument);
  CHECK(EncryptChunk(s, 0, false, Bytes(kC + 1)).code() == Code::kInvalidArgument);
  // The last chunk needs a byte for the 0x80 marker.
  CHECK(EncryptChunk(s, 0, true, Bytes(kC)).code() == Code::kInvalidArgument);
  CHECK(EncryptChunk(s, 0, true, Bytes(kC - 1)).ok());
  CHECK(EncryptChunk(s, protocol::kMaxChunksPerFile, true, {}).code() == Code::kInvalidArgument);
  CHECK(EncryptChunk(s, protocol::kMaxChunksPerFile - 1, true, {}).ok());
  Bytes small(kChunkRecordSize - 1);
  CHECK(EncryptChunkInto(s, 0, true, {}, small).code() == Code::kInvalidArgument);
  SecretBytes short_plain(kC - 1);
  const Bytes record = EncryptChunk(s, 0, true, {}).value();
  CHECK(DecryptChunkInto(s, 0, true, record, short_plain.reveal_mut()).code() ==
        Code::kInvalidArgument);
}

TEST_CASE("Round trips at the boundary sizes and random sizes", "[attachment]") {
  std::vector<size_t> sizes = {0, 1, kC - 1, kC, kC + 1, 3 * kC};
  std::mt19937_64 rng(Catch::getSeed());
  for (int i = 0; i < 4; ++i) sizes.push_back(rng() % (4 * kC));
  for (size_t size : sizes) {
    INFO("size " << size);
    const FileSecrets secrets = FileSecrets::Generate();
    const Bytes data = TestBytes(size, size);
    const std::vector<Bytes> records = EncryptStreaming(secrets, data);
    REQUIRE(records.size() == ChunkCount(size));
    for (const Bytes& r : records) CHECK(r.size() == kChunkRecordSize);
    CHECK(Diff(records, EncryptOneShot(secrets, data)) == "");

    const Decrypted d = DecryptStreaming(secrets, records);
    REQUIRE(d.status.ok());
    CHECK(Diff(d.plaintext, data) == "");

    // The chunk functions, told the count, agree.
    Bytes joined;
    for (size_t i = 0; i < records.size(); ++i) {
      auto chunk = DecryptChunk(secrets, i, i + 1 == records.size(), records[i]);
      REQUIRE(chunk.ok());
      joined.insert(joined.end(), chunk->reveal().begin(), chunk->reveal().end());
    }
    CHECK(Diff(joined, data) == "");
  }
}

TEST_CASE("Data ending in 0x80 or zero bytes survives the padding", "[attachment]") {
  const FileSecrets secrets = FileSecrets::Generate();
  for (const Bytes& data : {Bytes{0x80}, Bytes{0x00}, Bytes{'x', 0x80, 0x00}, Bytes(kC - 1, 0),
                            Bytes(kC - 1, 0x80), Bytes(kC + 3, 0)}) {
    INFO("size " << data.size());
    const Decrypted d = DecryptStreaming(secrets, EncryptStreaming(secrets, data));
    REQUIRE(d.status.ok());
    CHECK(Diff(d.plaintext, data) == "");
  }
}

TEST_CASE("Streaming with random Update() splits equals the chunk functions",
          "[attachment][property]") {
  std::mt19937_64 rng(Catch::getSeed());
  for (int iteration = 0; iteration < 25; ++iteration) {
    const size_t size = rng() % (3 * kC + 100);
    std::vector<size_t> pieces;
    for (size_t total = 0; total < size;) {
      // Mix tiny, sub-chunk and multi-chunk pieces (and empty ones).
      const size_t piece = (rng() % 4 == 0) ? rng() % 3 : rng() % (rng() % 2 ? 4096 : 2 * kC);
      pieces.push_back(piece);
      total += piece;
    }
    INFO("iteration " << iteration << ", size " << size << ", " << pieces.size() << " pieces");
    const FileSecrets secrets = FileSecrets::Generate();
    const Bytes data = TestBytes(size, 100 + iteration);
    const std::vector<Bytes> streamed = EncryptStreaming(secrets, data, pieces);
    CHECK(Diff(streamed, EncryptOneShot(secrets, data)) == "");
    CHECK(Diff(DecryptStreaming(secrets, streamed).plaintext, data) == "");
  }
}

TEST_CASE("Encrypting a chunk again gives the same bytes", "[attachment]") {
  const FileSecrets secrets = FileSecrets::Generate();
  const Bytes data = TestBytes(3 * kC + 77, 7);
  const std::vector<Bytes> records = EncryptStreaming(secrets, data);
  // Resuming an upload: chunk 2 re-encrypted alone equals the original.
  CHECK(Diff(EncryptChunk(secrets, 2, false, ByteView(data).subspan(2 * kC, kC)).value(),
             records[2]) == "");
  CHECK(Diff(EncryptChunk(secrets, 3, true, ByteView(data).subspan(3 * kC)).value(), records[3]) ==
        "");
  CHECK(Diff(EncryptStreaming(secrets, data), records) == "");
  // ...and depends on every input.
  CHECK(Diff(EncryptChunk(secrets, 1, false, ByteView(data).subspan(2 * kC, kC)).value(),
             records[2]) != "");
  CHECK(Diff(EncryptChunk(secrets, 2, true, ByteView(data).subspan(2 * kC, kC - 1)).value(),
             EncryptChunk(secrets, 2, false, ByteView(data).subspan(2 * kC, kC)).value()) != "");
  CHECK(Diff(EncryptStreaming(FileSecrets::Generate(), data), records) != "");
}

TEST_CASE("Truncation, reordering, duplication and extension are detected", "[attachment]") {
  const FileSecrets secrets = FileSecrets::Generate();
  const Bytes data = TestBytes(2 * kC + 100, 3);
  const std::vector<Bytes> r = EncryptStreaming(secrets, data);  // 3 records
  REQUIRE(r.size() == 3);
  REQUIRE(DecryptCode(secrets, r) == Code::kOk);

  SECTION("truncated: last chunk dropped") {
    const Decrypted d = DecryptStreaming(secrets, {r[0], r[1]});
    CHECK(d.status.code() == Code::kTruncated);
    // Chunk 1 authenticated as non-last but was never confirmed: only chunk 0
    // was released.
    CHECK(Diff(d.plaintext, ByteView(data).first(kC)) == "");
  }
  SECTION("truncated: only the first chunk") {
    CHECK(DecryptCode(secrets, {r[0]}) == Code::kTruncated);
  }
  SECTION("truncated: no chunk at all") { CHECK(DecryptCode(secrets, {}) == Code::kTruncated); }
  SECTION("truncated: the padding-only chunk of a 524288-byte file dropped") {
    const Bytes exact = TestBytes(kC, 4);
    const std::vector<Bytes> e = EncryptStreaming(secrets, exact);
    REQUIRE(e.size() == 2);
    CHECK(DecryptCode(secrets, {e[0]}) == Code::kTruncated);
  }
  SECTION("a middle chunk dropped: the next one is out of place") {
    CHECK(DecryptCode(secrets, {r[0], r[2]}) == Code::kDecryptFailed);
  }
  SECTION("reordered") {
    CHECK(DecryptCode(secrets, {r[1], r[0], r[2]}) == Code::kDecryptFailed);
    CHECK(DecryptCode(secrets, {r[0], r[2], r[1]}) == Code::kDecryptFailed);
  }
  SECTION("a middle chunk duplicated") {
    const Decrypted d = DecryptStreaming(secrets, {r[0], r[1], r[1], r[2]});
    CHECK(d.status.code() == Code::kDecryptFailed);
    CHECK(d.plaintext.size() == 2 * kC);  // chunks 0 and 1, both genuine
  }
  SECTION("extended: the last chunk duplicated") {
    const Decrypted d = DecryptStreaming(secrets, {r[0], r[1], r[2], r[2]});
    CHECK(d.status.code() == Code::kExtended);
    CHECK(d.plaintext.size() == 2 * kC);  // the last chunk's data never released
  }
  SECTION("extended: a chunk of another file after the last") {
    const std::vector<Bytes> other = EncryptStreaming(FileSecrets::Generate(), data);
    CHECK(DecryptCode(secrets, {r[0], r[1], r[2], other[0]}) == Code::kExtended);
    CHECK(DecryptCode(secrets, {r[0], r[1], r[2], r[0]}) == Code::kExtended);
  }
  SECTION("extended: a record pushed after a successful Finish") {
    AttachmentDecryptor decryptor(secrets, [](ByteView) { return Status::Ok(); });
    for (const Bytes& record : r) REQUIRE(decryptor.Push(record).ok());
    REQUIRE(decryptor.Finish().ok());
    CHECK(decryptor.Push(r[0]).code() == Code::kExtended);
    CHECK(decryptor.Finish().code() == Code::kExtended);
  }
  SECTION("extended: bytes of any length after the last record") {
    std::string stream;
    for (const Bytes& record : r) stream.append(AsChars(record));
    for (size_t extra :
         {size_t{1}, size_t{17}, kChunkRecordSize - 1, kChunkRecordSize, kChunkRecordSize + 1}) {
      INFO("extra bytes " << extra);
      std::istringstream in(stream + std::string(extra, '\0'));
      std::ostringstream out;
      CHECK(DecryptStream(secrets, in, out).code() == Code::kExtended);
    }
  }
  SECTION("a stream cut inside a record: wrong record size") {
    std::string stream;
    for (const Bytes& record : r) stream.append(AsChars(record));
    stream.resize(stream.size() - 1);
    std::istringstream in(stream);
    std::ostringstream out;
    CHECK(DecryptStream(secrets, in, out).code() == Code::kMalformed);
  }
}

TEST_CASE("Records of another key or file do not open", "[attachment]") {
  const FileSecrets secrets = FixedSecrets();
  const Bytes data = TestBytes(kC + 10, 5);
  const std::vector<Bytes> r = EncryptStreaming(secrets, data);
  const std::vector<Bytes> single = EncryptStreaming(secrets, AsBytes("short"));
  for (const FileSecrets& wrong : {FixedSecrets(0x09, 0x02, 0x03), FixedSecrets(0x01, 0x09, 0x03),
                                   FixedSecrets(0x01, 0x02, 0x09)}) {
    const Decrypted d = DecryptStreaming(wrong, r);
    CHECK(d.status.code() == Code::kDecryptFailed);
    CHECK(d.plaintext.empty());
    CHECK(DecryptCode(wrong, single) == Code::kDecryptFailed);
    CHECK(DecryptChunk(wrong, 0, false, r[0]).code() == Code::kDecryptFailed);
  }
  // A chunk of another file at the right position.
  const std::vector<Bytes> other = EncryptStreaming(FileSecrets::Generate(), data);
  CHECK(DecryptCode(secrets, {r[0], other[1]}) == Code::kDecryptFailed);
  CHECK(DecryptCode(secrets, {other[0], r[1]}) == Code::kDecryptFailed);
  // The right record told the wrong position or the wrong `last` flag.
  CHECK(DecryptChunk(secrets, 1, false, r[0]).code() == Code::kDecryptFailed);
  CHECK(DecryptChunk(secrets, 0, true, r[0]).code() == Code::kDecryptFailed);
  CHECK(DecryptChunk(secrets, 1, false, r[1]).code() == Code::kDecryptFailed);
}

TEST_CASE("A flipped bit anywhere in any record is rejected", "[attachment][corruption]") {
  const FileSecrets secrets = FileSecrets::Generate();
  const Bytes data = TestBytes(2 * kC + 1000, 6);
  const std::vector<Bytes> r = EncryptStreaming(secrets, data);
  REQUIRE(r.size() == 3);

  // Every region: version, start and end of the ciphertext, the tag, plus a
  // random sample.
  std::vector<size_t> positions = {0,
                                   1,
                                   2,
                                   16,
                                   1000,
                                   kC / 2,
                                   kC - 1,
                                   kC,
                                   kC + 1,
                                   kC + 8,
                                   kChunkRecordSize - 2,
                                   kChunkRecordSize - 1};
  std::mt19937_64 rng(Catch::getSeed());
  for (int i = 0; i < 24; ++i) positions.push_back(rng() % kChunkRecordSize);

  for (size_t which = 0; which < r.size(); ++which) {
    for (size_t pos : positions) {
      INFO("record " << which << ", byte " << pos);
      std::vector<Bytes> corrupt = r;
      corrupt[which][pos] ^= static_cast<uint8_t>(1u << (pos % 8));
      const Decrypted d = DecryptStreaming(secrets, corrupt);
      const Code expected = pos == 0 ? Code::kUnsupportedVersion : Code::kDecryptFailed;
      CHECK(d.status.code() == expected);
      // Only chunks before the corrupt one were released.
      CHECK(d.plaintext.size() == which * kC);
      CHECK(DecryptChunk(secrets, which, which == 2, corrupt[which]).code() == expected);
    }
  }
}

TEST_CASE("An unknown version is rejected before decryption", "[attachment]") {
  const FileSecrets secrets = FileSecrets::Generate();
  const std::vector<Bytes> r = EncryptStreaming(secrets, TestBytes(kC + 5, 8));
  for (uint8_t version : {uint8_t{0}, uint8_t{2}, uint8_t{0xff}}) {
    INFO("version " << int(version));
    for (size_t which = 0; which < r.size(); ++which) {
      std::vector<Bytes> bad = r;
      bad[which][0] = version;
      CHECK(DecryptCode(secrets, bad) == Code::kUnsupportedVersion);
      CHECK(DecryptChunk(secrets, which, which == 1, bad[which]).code() ==
            Code::kUnsupportedVersion);
    }
    // Garbage that no key opens still reports the version, not the AEAD.
    Bytes garbage(kChunkRecordSize, 0x5a);
    garbage[0] = version;
    CHECK(DecryptCode(secrets, {garbage}) == Code::kUnsupportedVersion);
  }
}

TEST_CASE("A record of the wrong size is malformed", "[attachment]") {
  const FileSecrets secrets = FileSecrets::Generate();
  const std::vector<Bytes> r = EncryptStreaming(secrets, TestBytes(10, 9));
  for (size_t size :
       {size_t{0}, size_t{1}, size_t{17}, kChunkRecordSize - 1, kChunkRecordSize + 1}) {
    INFO("size " << size);
    Bytes record = r[0];
    record.resize(size, 0);
    CHECK(DecryptCode(secrets, {record}) == Code::kMalformed);
    CHECK(DecryptChunk(secrets, 0, true, record).code() == Code::kMalformed);
  }
}

TEST_CASE("The last chunk's padding must be 0x80 then zero bytes", "[attachment]") {
  // Records sealed by hand with the right key, nonce and AD: they
  // authenticate, so only the padding check can reject them.
  const FileSecrets secrets = FixedSecrets();
  auto padded_with = [](std::initializer_list<std::pair<size_t, uint8_t>> bytes) {
    Bytes p(kC, 0);
    for (auto [pos, value] : bytes) p[pos] = value;
    return p;
  };
  const Bytes first = EncryptChunk(secrets, 0, false, TestBytes(kC, 10)).value();

  struct Case {
    const char* name;
    Bytes padded;
    bool valid;
    size_t data_len;
  };
  const std::vector<Case> cases = {
      {"all zero: no marker", Bytes(kC, 0), false, 0},
      {"a non-zero byte after the marker", padded_with({{3, 0x80}, {kC - 1, 0x01}}), false, 0},
      {"a second marker after the marker is data: valid", padded_with({{3, 0x80}, {10, 0x80}}),
       true, 10},
      {"last non-zero byte is not 0x80", padded_with({{0, 'a'}, {1, 0x7f}}), false, 0},
      {"no room for padding", Bytes(kC, 0xaa), false, 0},
      {"marker in the final byte",
       [] {
         Bytes p(kC, 0xaa);
         p[kC - 1] = 0x80;
         return p;
       }(),
       true, kC - 1},
      {"marker alone: empty file", padded_with({{0, 0x80}}), true, 0},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    const Bytes only = HandBuiltRecord(0, true, c.padded);
    const Bytes second = HandBuiltRecord(1, true, c.padded);
    const Code expected = c.valid ? Code::kOk : Code::kMalformed;
    auto chunk = DecryptChunk(secrets, 0, true, only);
    CHECK(chunk.code() == expected);
    if (c.valid && chunk.ok()) {
      CHECK(chunk->Equals(ByteView(c.padded).first(c.data_len)));
    }
    CHECK(DecryptCode(secrets, {only}) == expected);
    const Decrypted d = DecryptStreaming(secrets, {first, second});
    CHECK(d.status.code() == expected);
    CHECK(d.plaintext.size() == kC + (c.valid ? c.data_len : 0));
    // The same bytes as a non-last chunk are never padding-checked.
    CHECK(DecryptChunk(secrets, 0, false, HandBuiltRecord(0, false, c.padded)).ok());
  }
}

TEST_CASE("Decrypting a 64 MiB stream holds at most one chunk of plaintext",
          "[attachment][memory]") {
  // The encryptor feeds the decryptor directly, so the test itself holds no
  // more than a piece of input at a time. The counting sinks prove the
  // bound: after each record the decryptor has released all but one chunk,
  // after each Update the encryptor holds less than one chunk.
  constexpr size_t kTotal = 64u * 1024 * 1024 + 12345;
  const FileSecrets secrets = FileSecrets::Generate();
  crypto_generichash_state in_hash, out_hash;
  crypto_generichash_init(&in_hash, nullptr, 0, 32);
  crypto_generichash_init(&out_hash, nullptr, 0, 32);

  uint64_t released = 0, largest_release = 0, records = 0, lag_violations = 0;
  AttachmentDecryptor decryptor(secrets, [&](ByteView plain) {
    released += plain.size();
    largest_release = std::max<uint64_t>(largest_release, plain.size());
    crypto_generichash_update(&out_hash, plain.data(), plain.size());
    return Status::Ok();
  });
  AttachmentEncryptor encryptor(secrets, [&](ByteView record) {
    ++records;
    DOJAVA_RETURN_IF_ERROR(decryptor.Push(record));
    if (released != (records - 1) * kC) ++lag_violations;
    return Status::Ok();
  });

  uint64_t fed = 0, buffer_violations = 0;
  for (uint64_t piece = 0; fed < kTotal; ++piece) {
    const size_t n = std::min<uint64_t>(kTotal - fed, 700001 + piece % 3);  // off any boundary
    const Bytes input = TestBytes(n, 1000 + piece);
    crypto_generichash_update(&in_hash, input.data(), input.size());
    REQUIRE(encryptor.Update(input).ok());
    fed += n;
    if (encryptor.chunk_count() != fed / kC) ++buffer_violations;
  }
  REQUIRE(encryptor.Finish().ok());
  REQUIRE(decryptor.Finish().ok());

  CHECK(records == ChunkCount(kTotal));
  CHECK(lag_violations == 0);
  CHECK(buffer_violations == 0);
  CHECK(largest_release <= kC);
  CHECK(released == kTotal);
  CHECK(decryptor.size() == kTotal);
  std::array<uint8_t, 32> in_digest{}, out_digest{};
  crypto_generichash_final(&in_hash, in_digest.data(), 32);
  crypto_generichash_final(&out_hash, out_digest.data(), 32);
  CHECK(in_digest == out_digest);
}

TEST_CASE("A sink error stops the stream and stays", "[attachment]") {
  const FileSecrets secrets = FileSecrets::Generate();
  const Bytes data = TestBytes(3 * kC, 11);
  SECTION("encryptor") {
    int calls = 0;
    AttachmentEncryptor encryptor(secrets, [&](ByteView) {
      return ++calls == 2 ? Status(Code::kIoError, "disk full") : Status::Ok();
    });
    CHECK(encryptor.Update(data).code() == Code::kIoError);
    CHECK(calls == 2);
    CHECK(encryptor.Update(AsBytes("more")).code() == Code::kIoError);
    CHECK(encryptor.Finish().code() == Code::kIoError);
    CHECK(calls == 2);
  }
  SECTION("decryptor") {
    const std::vector<Bytes> r = EncryptStreaming(secrets, data);
    AttachmentDecryptor decryptor(secrets,
                                  [](ByteView) { return Status(Code::kIoError, "disk full"); });
    CHECK(decryptor.Push(r[0]).ok());
    CHECK(decryptor.Push(r[1]).code() == Code::kIoError);
    CHECK(decryptor.Push(r[2]).code() == Code::kIoError);
    CHECK(decryptor.Finish().code() == Code::kIoError);
  }
  SECTION("Update after Finish is refused; Finish again repeats its result") {
    AttachmentEncryptor encryptor(secrets, [](ByteView) { return Status::Ok(); });
    REQUIRE(encryptor.Update(data).ok());
    REQUIRE(encryptor.Finish().ok());
    CHECK(encryptor.Update(AsBytes("x")).code() == Code::kInvalidArgument);
    CHECK(encryptor.Finish().ok());
    CHECK(encryptor.chunk_count() == 4);
  }
}

TEST_CASE("Streams and file descriptors round-trip", "[attachment]") {
  const FileSecrets secrets = FileSecrets::Generate();
  const Bytes data = TestBytes(3 * kC + 5, 12);
  const std::vector<Bytes> expected = EncryptOneShot(secrets, data);
  std::string expected_stream;
  for (const Bytes& record : expected) expected_stream.append(AsChars(record));

  SECTION("std::istream / std::ostream") {
    std::istringstream plain_in{std::string(AsChars(data))};
    std::ostringstream cipher_out;
    auto info = EncryptStream(secrets, plain_in, cipher_out);
    REQUIRE(info.ok());
    CHECK(info->size == data.size());
    CHECK(info->chunk_count == 4);
    CHECK(Diff(cipher_out.str(), expected_stream) == "");

    std::istringstream cipher_in(cipher_out.str());
    std::ostringstream plain_out;
    auto back = DecryptStream(secrets, cipher_in, plain_out);
    REQUIRE(back.ok());
    CHECK(back->size == data.size());
    CHECK(Diff(plain_out.str(), AsChars(data)) == "");
  }
  SECTION("file descriptors") {
    FILE* plain = std::tmpfile();
    FILE* cipher = std::tmpfile();
    FILE* back = std::tmpfile();
    REQUIRE((plain && cipher && back));
    REQUIRE(::write(fileno(plain), data.data(), data.size()) == static_cast<ssize_t>(data.size()));
    REQUIRE(::lseek(fileno(plain), 0, SEEK_SET) == 0);
    auto info = EncryptFd(secrets, fileno(plain), fileno(cipher));
    REQUIRE(info.ok());
    CHECK(info->chunk_count == 4);
    REQUIRE(::lseek(fileno(cipher), 0, SEEK_SET) == 0);
    auto out = DecryptFd(secrets, fileno(cipher), fileno(back));
    REQUIRE(out.ok());
    CHECK(out->size == data.size());
    Bytes read_back(data.size() + 1);
    REQUIRE(::lseek(fileno(back), 0, SEEK_SET) == 0);
    CHECK(::read(fileno(back), read_back.data(), read_back.size()) ==
          static_cast<ssize_t>(data.size()));
    read_back.resize(data.size());
    CHECK(Diff(read_back, data) == "");
    std::fclose(plain);
    std::fclose(cipher);
    std::fclose(back);
  }
  SECTION("I/O errors are reported") {
    std::istringstream plain_in{std::string(AsChars(data))};
    std::ostream broken(nullptr);  // every write fails
    CHECK(EncryptStream(secrets, plain_in, broken).code() == Code::kIoError);
    std::istringstream cipher_in(expected_stream);
    CHECK(DecryptStream(secrets, cipher_in, broken).code() == Code::kIoError);
    CHECK(EncryptFd(secrets, -1, STDOUT_FILENO).code() == Code::kIoError);
    CHECK(DecryptFd(secrets, -1, STDOUT_FILENO).code() == Code::kIoError);
  }
}

// PROTOCOL.md §9.2: a download is checked against its file reference.
TEST_CASE("a decrypted file must match its reference", "[attachment]") {
  CHECK(CheckFileReference(AttachmentInfo{1000, 1}, 1000, 1).ok());
  CHECK(CheckFileReference(AttachmentInfo{524288, 2}, 524288, 2).ok());
  CHECK(CheckFileReference(AttachmentInfo{1000, 1}, 999, 1).code() == Code::kMalformed);
  CHECK(CheckFileReference(AttachmentInfo{1000, 1}, 1000, 2).code() == Code::kMalformed);
  // A reference whose two numbers disagree with each other is refused too.
  CHECK(CheckFileReference(AttachmentInfo{1000, 2}, 1000, 2).code() == Code::kMalformed);
}

// PROTOCOL.md §9.2: never seal a changed plaintext under a used nonce.
TEST_CASE("re-encrypting a chunk requires its plaintext to be unchanged", "[attachment]") {
  const FileSecrets s = FileSecrets::Generate();
  Bytes full(kChunkPlainSize, 0x41);
  Bytes tail(1234, 0x42);
  const Bytes d_full = ChunkPlaintextDigest(s, 0, false, full).value();
  const Bytes d_tail = ChunkPlaintextDigest(s, 1, true, tail).value();
  CHECK(d_full.size() == 32);
  // Unchanged: the same record as the first pass.
  CHECK(ReEncryptChunk(s, 0, false, full, d_full).value() ==
        EncryptChunk(s, 0, false, full).value());
  CHECK(ReEncryptChunk(s, 1, true, tail, d_tail).value() == EncryptChunk(s, 1, true, tail).value());
  // Changed by one byte, or truncated (the padded form is hashed): refused.
  full[300000] ^= 1;
  CHECK(ReEncryptChunk(s, 0, false, full, d_full).code() == Code::kAlreadyExists);
  tail.pop_back();
  CHECK(ReEncryptChunk(s, 1, true, tail, d_tail).code() == Code::kAlreadyExists);
  // The digest is bound to the index, the last flag and the file key.
  const Bytes same(kChunkPlainSize, 7);
  CHECK(ChunkPlaintextDigest(s, 0, false, same).value() !=
        ChunkPlaintextDigest(s, 1, false, same).value());
  const Bytes small(10, 7);
  CHECK(ChunkPlaintextDigest(s, 0, true, small).value() !=
        ChunkPlaintextDigest(FileSecrets::Generate(), 0, true, small).value());
  // Wrong sizes are refused as for EncryptChunk.
  CHECK(ChunkPlaintextDigest(s, 0, false, small).code() == Code::kInvalidArgument);
  CHECK(ChunkPlaintextDigest(s, 0, true, full).code() == Code::kInvalidArgument);
  CHECK(ReEncryptChunk(s, 0, false, same, Bytes(31)).code() == Code::kAlreadyExists);
}
