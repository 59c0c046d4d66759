// Key files (crypto/PROTOCOL.md §5.3). Input: passphrase length (1), the
// passphrase, then the 104-byte file (the layout of the vectors'
// key-file-*.json seeds). Every structural check runs before Argon2id; to
// keep exec/s useful, Argon2id runs only for files at the smallest cost
// (t = 1, m = 8 MiB): any other file is opened with an empty passphrase,
// which stops right after the structural checks.
#include "base/bytes.h"
#include "crypto/key_file.h"
#include "crypto/protocol_constants.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dojava;
  fuzz::FuzzInput in(data, size);
  const size_t passphrase_size = in.Byte();
  Bytes passphrase;
  for (size_t i = 0; i < passphrase_size; ++i) passphrase.push_back(in.Byte());
  const ByteView file = in.Rest();
  bool cheap = false;
  if (file.size() == protocol::kKeyFileSize) {
    ByteReader r(file);
    (void)r.Take(8);  // magic, version, kind, kdf, reserved
    const uint32_t ops = r.U32();
    const uint32_t mem_kib = r.U32();
    cheap = ops == protocol::kKeyFileMinOps && mem_kib == protocol::kKeyFileMinMemKiB;
  }
  const SecretBytes given = cheap ? SecretBytes::Copy(ByteView(passphrase)) : SecretBytes();
  auto opened = crypto::OpenKeyFile(file, given);
  if (opened.ok()) DOJAVA_FUZZ_CHECK(opened->seed.size() == 32);
  return 0;
}
