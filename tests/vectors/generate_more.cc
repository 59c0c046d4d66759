// Vector sections for receipts, keys, key files and attachments.
#include "crypto/attachment.h"
#include "crypto/protocol_constants.h"
#include "tests/vectors/chunk_stream.h"
#include "tests/vectors/vector_json.h"
#include "tests/vectors/vector_sections.h"

namespace json = boost::json;

namespace dojava::vectors {
namespace {

namespace p = protocol;

json::object Item(const char* key, int64_t value) {
  json::object o;
  o[key] = value;
  return o;
}

void Chunks(VectorWriter& w) {
  struct File {
    std::string tag;
    uint64_t size;
  };
  auto secrets_of = [](const std::string& tag) {
    return crypto::FileSecrets::FromBytes(Det(tag + "/key", 32), Det(tag + "/prefix", 20), Det(tag + "/id", 16))
        .value();
  };
  auto input = [&](const std::string& tag, uint64_t size, json::array stream) {
    const crypto::FileSecrets s = secrets_of(tag);
    const Bytes plain = VectorPlaintext(size);
    json::object in;
    in["file_key"] = HexOf(s.file_key().reveal());
    in["nonce_prefix"] = HexOf(s.nonce_prefix());
    in["file_id"] = HexOf(s.file_id());
    in["size"] = size;
    in["plaintext"] = "byte i = (i * 31 + 7) mod 251";
    json::array hashes;
    for (const Bytes& r : HonestRecords(s, plain)) hashes.push_back(HexOf(crypto::LabeledHash(32, "", r)));
    in["record_hashes"] = std::move(hashes);
    in["stream"] = std::move(stream);
    return in;
  };
  auto honest = [](uint64_t size) {
    json::array a;
    for (uint64_t i = 0; i < crypto::ChunkCount(size); ++i) a.push_back(Item("record", int64_t(i)));
    return a;
  };
  auto ok = [&](const std::string& scenario, const std::string& desc, uint64_t size) {
    json::object out;
    out["size"] = size;
    out["chunk_count"] = crypto::ChunkCount(size);
    out["plaintext_hash"] = HexOf(crypto::LabeledHash(32, "", VectorPlaintext(size)));
    w.Write(scenario, "chunks", desc, input(scenario, size, honest(size)), "success", std::move(out));
  };
  ok("chunks-empty-file", "A file of 0 bytes: one chunk holding only padding.", 0);
  ok("chunks-one-byte", "A file of 1 byte.", 1);
  ok("chunks-exact-chunk", "A file of exactly 524288 bytes: a full chunk, then a padding-only last chunk.",
     p::kChunkPlainSize);
  ok("chunks-three-chunks", "A file of 2 * 524288 + 1000 bytes.", 2 * p::kChunkPlainSize + 1000);

  const uint64_t three = 2 * p::kChunkPlainSize + 1000;
  auto bad = [&](const std::string& scenario, const std::string& desc, uint64_t size, json::array stream,
                 const std::string& expect, json::object overrides = {}) {
    json::object in = input("chunks-base-" + std::to_string(size), size, std::move(stream));
    // The writer's secrets made the records; "reader" replaces some of them
    // for the reader (wrong key, wrong file id).
    if (!overrides.empty()) in["reader"] = std::move(overrides);
    w.Write(scenario, "chunks", desc, std::move(in), expect);
  };
  auto seq = [](std::initializer_list<int> idx) {
    json::array a;
    for (int i : idx) a.push_back(Item("record", i));
    return a;
  };
  bad("chunks-truncated", "The last chunk dropped: the stream ends with a chunk that opens only as non-last.",
      three, seq({0, 1}), "truncated");
  bad("chunks-missing-final", "A 524288-byte file without its padding-only final chunk.", p::kChunkPlainSize,
      seq({0}), "truncated");
  bad("chunks-empty-stream", "No records at all.", three, json::array(), "truncated");
  bad("chunks-reordered", "Chunks 0 and 1 swapped.", three, seq({1, 0, 2}), "decrypt_failed");
  bad("chunks-duplicated", "Chunk 0 sent twice.", three, seq({0, 0, 1, 2}), "decrypt_failed");
  bad("chunks-middle-dropped", "Chunk 1 missing.", three, seq({0, 2}), "decrypt_failed");
  bad("chunks-extended", "The last chunk sent twice.", three, seq({0, 1, 2, 2}), "extended");
  {
    json::array s = seq({0, 1, 2});
    json::object extra;
    extra["bytes"] = "00";
    s.push_back(std::move(extra));
    bad("chunks-trailing-byte", "One byte after the last chunk.", three, std::move(s), "extended");
  }
  {
    json::array s = seq({0, 1, 2});
    json::object flip;
    flip["offset"] = 1000;
    flip["mask"] = 4;
    s[1].as_object()["flip"] = std::move(flip);
    bad("chunks-flipped-bit", "One bit of chunk 1's ciphertext flipped.", three, std::move(s), "decrypt_failed");
  }
  {
    json::object o;
    o["file_key"] = HexOf(Det("chunks/wrong-key", 32));
    bad("chunks-wrong-key", "Decrypted with another file's key.", three, seq({0, 1, 2}), "decrypt_failed",
        std::move(o));
  }
  {
    json::object o;
    o["file_id"] = HexOf(Det("chunks/other-file-id", 16));
    bad("chunks-wrong-file-id", "Read as another file id (the id is in the additional data).", three,
        seq({0, 1, 2}), "decrypt_failed", std::move(o));
  }
  {
    json::array s = seq({0, 1, 2});
    s[0].as_object()["version"] = 2;
    bad("chunks-unknown-version", "Chunk 0's version byte is 2.", three, std::move(s), "unsupported_version");
  }
  {
    json::array s = seq({0, 1});
    s[1].as_object()["cut"] = 1000;
    bad("chunks-cut-record", "The stream ends 1000 bytes into chunk 1.", three, std::move(s), "malformed");
  }
  {
    json::array s;
    json::object reseal;
    reseal["index"] = 0;
    reseal["last"] = true;
    reseal["plaintext"] = "zeros";
    json::object item;
    item["reseal"] = std::move(reseal);
    s.push_back(std::move(item));
    bad("chunks-bad-padding",
        "A last chunk that authenticates but whose plaintext is all zeros: no 0x80 padding marker.", 1,
        std::move(s), "malformed");
  }
}

}  // namespace

std::vector<std::function<void(VectorWriter&)>> ExtraSections() { return {Chunks}; }

}  // namespace dojava::vectors
