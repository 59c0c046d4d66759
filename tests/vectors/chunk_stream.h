// The attachment vectors' stream description (tests/vectors/README.md,
// "chunks"), shared by the generator and the reader.
#ifndef DOJAVA_TESTS_VECTORS_CHUNK_STREAM_H_
#define DOJAVA_TESTS_VECTORS_CHUNK_STREAM_H_

#include <boost/json.hpp>

#include "crypto/attachment.h"
#include "base/bytes.h"

namespace dojava::vectors {

// Byte i of a vector file's plaintext: (i * 31 + 7) mod 251.
Bytes VectorPlaintext(uint64_t size);

// The honest records of a file (PROTOCOL.md §9.2).
std::vector<Bytes> HonestRecords(const crypto::FileSecrets& secrets, ByteView plaintext);

// Builds the byte stream a reader receives from the honest records and the
// "stream" list of a vector: {"record": i} (optionally "flip": {"offset",
// "mask"}, "version": v, "cut": n bytes kept), {"bytes": hex},
// {"reseal": {"index": i, "last": bool, "plaintext": "zeros"}}.
Bytes BuildStream(const crypto::FileSecrets& secrets, const std::vector<Bytes>& records,
                  const boost::json::array& stream);

}  // namespace dojava::vectors

#endif  // DOJAVA_TESTS_VECTORS_CHUNK_STREAM_H_
