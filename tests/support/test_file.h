// A file encrypted as a client would (PROTOCOL.md §9), for tests that drive
// the chunk upload routes of the real dojavad (tests/integration,
// tests/abuse).
#ifndef DOJAVA_TESTS_SUPPORT_TEST_FILE_H_
#define DOJAVA_TESTS_SUPPORT_TEST_FILE_H_

#include <catch2/catch_test_macros.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "base/encoding.h"
#include "base/secret_bytes.h"
#include "crypto/attachment.h"
#include "crypto/protocol_constants.h"
#include "tests/support/api_requests.h"

namespace dojava::testing {

// A file of `chunks` chunks: the last one 1,000 bytes, the others full.
struct TestFile {
  crypto::FileSecrets secrets = crypto::FileSecrets::Generate();
  std::vector<Bytes> records;
  std::string id;

  explicit TestFile(uint32_t chunks) {
    id = Base64UrlEncode(secrets.file_id());
    for (uint32_t i = 0; i < chunks; ++i) {
      const bool last = i + 1 == chunks;
      SecretBytes plain(last ? 1000 : protocol::kChunkPlainSize);
      for (size_t j = 0; j < plain.size(); ++j) plain.reveal_mut()[j] = static_cast<uint8_t>(i + j);
      auto rec = crypto::EncryptChunk(secrets, i, last, plain.reveal());
      REQUIRE(rec.ok());
      records.push_back(std::move(rec).value());
    }
  }
  std::string Record(uint32_t i) const {
    return std::string(reinterpret_cast<const char*>(records[i].data()), records[i].size());
  }
  // The body of POST /api/v1/uploads for this file.
  std::string CreateBody() const { return UploadRequest(secrets.file_id(), records.size()); }
};

}  // namespace dojava::testing

#endif  // DOJAVA_TESTS_SUPPORT_TEST_FILE_H_
