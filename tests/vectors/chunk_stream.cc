#include "tests/vectors/chunk_stream.h"

#include <cstdlib>

#include "crypto/primitives.h"
#include "crypto/protocol_constants.h"
#include "tests/vectors/vector_json.h"

namespace dojava::vectors {

namespace p = protocol;

Bytes VectorPlaintext(uint64_t size) {
  Bytes b(size);
  for (uint64_t i = 0; i < size; ++i) b[i] = uint8_t((i * 31 + 7) % 251);
  return b;
}

std::vector<Bytes> HonestRecords(const crypto::FileSecrets& secrets, ByteView plaintext) {
  const uint64_t count = crypto::ChunkCount(plaintext.size());
  std::vector<Bytes> out;
  for (uint64_t i = 0; i < count; ++i) {
    const size_t begin = size_t(i * p::kChunkPlainSize);
    const size_t len = std::min(plaintext.size() - begin, p::kChunkPlainSize);
    out.push_back(
        crypto::EncryptChunk(secrets, i, i + 1 == count, plaintext.subspan(begin, len)).value());
  }
  return out;
}

Bytes BuildStream(const crypto::FileSecrets& secrets, const std::vector<Bytes>& records,
                  const boost::json::array& stream) {
  Bytes out;
  for (const auto& item : stream) {
    const auto& o = item.as_object();
    if (o.contains("record")) {
      Bytes r = records.at(size_t(o.at("record").as_int64()));
      if (o.contains("flip")) {
        r.at(size_t(o.at("flip").at("offset").as_int64())) ^=
            uint8_t(o.at("flip").at("mask").as_int64());
      }
      if (o.contains("version")) r[0] = uint8_t(o.at("version").as_int64());
      if (o.contains("cut")) r.resize(size_t(o.at("cut").as_int64()));
      out.insert(out.end(), r.begin(), r.end());
    } else if (o.contains("bytes")) {
      const Bytes b = BytesOf(o.at("bytes"));
      out.insert(out.end(), b.begin(), b.end());
    } else if (o.contains("reseal")) {
      // A record sealed correctly (right key, nonce and additional data) over
      // a plaintext the encryptor would never produce.
      const auto& rs = o.at("reseal").as_object();
      const uint32_t index = uint32_t(rs.at("index").as_int64());
      const bool last = rs.at("last").as_bool();
      if (rs.at("plaintext") != "zeros") std::abort();
      const Bytes plain(p::kChunkPlainSize, 0);
      Bytes nonce(secrets.nonce_prefix().begin(), secrets.nonce_prefix().end());
      ByteWriter nw(&nonce);
      nw.U32(index);
      Bytes ad = crypto::Label(p::kLabelChunk);
      ByteWriter aw(&ad);
      aw.U8(p::kVersion);
      aw.Raw(secrets.file_id());
      aw.U32(index);
      aw.U8(last ? 1 : 0);
      out.push_back(p::kVersion);
      const Bytes ct = crypto::AeadSeal(secrets.file_key().reveal(), nonce, ad, plain);
      out.insert(out.end(), ct.begin(), ct.end());
    } else {
      std::abort();
    }
  }
  return out;
}

}  // namespace dojava::vectors
