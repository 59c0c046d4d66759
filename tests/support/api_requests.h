// Typed builders of the JSON API's request bodies (service/API.md) and of
// the §11 message bodies clients encrypt (crypto/PROTOCOL.md §11), so a test
// names fields instead of concatenating strings. Binary values are given as
// bytes and written base64url, as the API wants them. Requests that are
// malformed on purpose stay spelled out in the tests that send them.
#ifndef DOJAVA_TESTS_SUPPORT_API_REQUESTS_H_
#define DOJAVA_TESTS_SUPPORT_API_REQUESTS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/bytes.h"
#include "base/status.h"
#include "crypto/attachment.h"

namespace dojava::testing {

// SEALED_KEY: one case or notes key for one recipient.
struct SealedKeyEntry {
  std::string recipient;  // "source" or a reviewer id (base64url)
  std::string role;       // "case" or "notes"
  Bytes sealed;
};

// POST /api/v1/uploads: {"file_id", "chunks"}.
std::string UploadRequest(ByteView file_id, uint64_t chunks);

// POST /api/v1/cases.
struct NewCaseRequest {
  ByteView case_id;
  ByteView lookup_key;
  ByteView source_public_key;
  std::vector<SealedKeyEntry> keys;
  ByteView message;
  std::vector<Bytes> files;  // file ids
  std::string Json() const;
};

// POST /api/v1/source/messages and /api/v1/cases/{id}/messages. Without
// `files` the field is left out (the API reads that as []).
std::string MessageRequest(ByteView record, const std::optional<std::vector<Bytes>>& files = {});

// POST /api/v1/cases/{id}/keys: {"keys": [SEALED_KEY, ...]}.
std::string KeysRequest(const std::vector<SealedKeyEntry>& keys);

// §11 FILEREF of a file encrypted with `secrets`.
struct FileRef {
  const crypto::FileSecrets* secrets = nullptr;
  uint64_t chunks = 0;
  uint64_t size = 0;
  std::string name;
  std::string mime;
};

// §11 bodies: {"type": "report", "source_pk", "form": {...}, "text",
// "files"} with a fixed form (`source_pk`: the source's X25519 public key,
// 32 bytes, §11.1), and {"type": "message", "text", "files"}.
std::string ReportBody(std::string_view text, ByteView source_pk,
                       const std::vector<FileRef>& files = {});
std::string MessageBody(std::string_view text, const std::vector<FileRef>& files = {});

// The file secrets of every FILEREF in a §11 body, in order (as a reader
// of the conversation opens its attachments).
Result<std::vector<crypto::FileSecrets>> FileSecretsOf(std::string_view body);

}  // namespace dojava::testing

#endif  // DOJAVA_TESTS_SUPPORT_API_REQUESTS_H_
