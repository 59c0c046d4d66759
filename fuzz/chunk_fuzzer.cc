// Attachment chunks (crypto/PROTOCOL.md §9). Input: file_key(32)
// nonce_prefix(20) file_id(16) mode(1), then:
//   mode 0: the rest is split into records at the sizes its first bytes give
//           and pushed to an AttachmentDecryptor (short, cut and extended
//           records, streams that end early);
//   mode 1: size(4) flip(4) cut(4): a file of `size` bytes (up to three
//           chunks, bytes by the vectors' rule) is encrypted with
//           AttachmentEncryptor and must decrypt to itself; the stream with
//           one byte changed, and the stream cut short, must both fail.
#include <functional>

#include "crypto/attachment.h"
#include "crypto/protocol_constants.h"
#include "fuzz/fuzz_input.h"

namespace {

using dojava::Bytes;
using dojava::ByteView;
using dojava::Status;
using dojava::crypto::AttachmentDecryptor;
using dojava::crypto::FileSecrets;
namespace p = dojava::protocol;

// Decrypts `stream` record by record; the plaintext size, or -1 on failure.
int64_t DecryptAll(const FileSecrets& secrets, ByteView stream) {
  uint64_t got = 0;
  AttachmentDecryptor d(secrets, [&](ByteView b) {
    got += b.size();
    return Status::Ok();
  });
  while (!stream.empty()) {
    const size_t n = std::min(stream.size(), p::kChunkRecordSize);
    if (!d.Push(stream.first(n)).ok()) return -1;
    stream = stream.subspan(n);
  }
  if (!d.Finish().ok()) return -1;
  return int64_t(got);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dojava;
  fuzz::FuzzInput in(data, size);
  const auto file_key = in.Array<32>();
  const auto prefix = in.Array<p::kChunkNoncePrefixSize>();
  const auto file_id = in.Array<16>();
  auto secrets = FileSecrets::FromBytes(file_key, prefix, file_id);
  DOJAVA_FUZZ_CHECK(secrets.ok());
  const uint8_t mode = in.Byte() % 2;
  if (mode == 0) {
    const uint8_t pieces = in.Byte() % 4;
    size_t sizes[4];
    for (size_t i = 0; i < pieces; ++i) sizes[i] = in.Byte() * 64u;
    ByteView rest = in.Rest();
    AttachmentDecryptor d(*secrets, [](ByteView) { return Status::Ok(); });
    for (size_t i = 0; i < pieces && !rest.empty(); ++i) {
      const size_t n = std::min(rest.size(), sizes[i]);
      (void)d.Push(rest.first(n));
      rest = rest.subspan(n);
    }
    if (!rest.empty()) (void)d.Push(rest);
    (void)d.Finish();
    return 0;
  }
  const uint64_t file_size = (in.U64() & 0xffffffff) % (2 * p::kChunkPlainSize + 4096);
  const uint64_t flip = in.U64();
  const uint64_t cut = in.U64();
  Bytes plaintext(file_size);
  for (size_t i = 0; i < plaintext.size(); ++i) plaintext[i] = uint8_t((i * 31 + 7) % 251);
  Bytes stream;
  crypto::AttachmentEncryptor e(*secrets, [&](ByteView record) {
    stream.insert(stream.end(), record.begin(), record.end());
    return Status::Ok();
  });
  DOJAVA_FUZZ_CHECK(e.Update(plaintext).ok());
  DOJAVA_FUZZ_CHECK(e.Finish().ok());
  DOJAVA_FUZZ_CHECK(stream.size() == crypto::ChunkCount(file_size) * p::kChunkRecordSize);
  DOJAVA_FUZZ_CHECK(DecryptAll(*secrets, stream) == int64_t(file_size));
  Bytes changed = stream;
  changed[flip % changed.size()] ^= uint8_t(1u << (flip >> 32 & 7));
  DOJAVA_FUZZ_CHECK(DecryptAll(*secrets, changed) == -1);
  const ByteView shorter = ByteView(stream).first(cut % stream.size());
  DOJAVA_FUZZ_CHECK(DecryptAll(*secrets, shorter) == -1);
  return 0;
}
