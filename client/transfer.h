// Attachment transfers in constant memory (PROTOCOL §9).
//
// Upload: the file is read chunk by chunk, each chunk's plaintext digest is
// recorded on the first pass (§9.2), its record uploaded; chunks the server
// still reports missing afterwards are re-encrypted only through
// ReEncryptChunk, which refuses if the file changed on disk meanwhile (a
// changed chunk under the same nonce would leak the XOR of both).
// Up to `streams` chunk PUTs are in flight at once, each on its own
// keep-alive connection (through SOCKS5: its own tor stream of the same
// circuit), so that neither a round trip nor the server's commit leaves the
// circuit idle, and one stream's window (500 cells) does not cap the
// circuit's (1000). Each connection has one worker thread that takes the next
// chunk index from a shared list and holds one plaintext chunk (wiped
// memory) and one record: memory stays at `streams` of each whatever the
// file size. A PUT is retried with the same bytes (the server answers 204 to
// the same bytes again, so a retry after a lost answer duplicates nothing).
// The first error stops every worker after its current request; all are
// joined before UploadFile returns.
//
// Download: chunk i is fetched and opened at its position with its `last`
// flag known from the file reference, and appended to OUTPUT.part (0600).
// An interrupted download resumes from the chunks already in OUTPUT.part.
// At the end the size is checked against the reference (CheckFileReference)
// and OUTPUT.part renamed to OUTPUT. No plaintext of a chunk is written before
// that chunk authenticated.
#ifndef DOJAVA_CLIENT_TRANSFER_H_
#define DOJAVA_CLIENT_TRANSFER_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

#include "base/status.h"
#include "client/api_client.h"
#include "crypto/attachment.h"

namespace dojava::client {

// Stops a transfer from another thread: the transfer notices before its
// next chunk and returns kCancelled (what was written stays as a resumable
// OUTPUT.part for downloads; an upload is abandoned).
class CancelToken {
 public:
  void Cancel() { cancelled_.store(true); }
  bool cancelled() const { return cancelled_.load(); }

 private:
  std::atomic<bool> cancelled_{false};
};

// Progress and cancellation of one transfer. `progress` gets (bytes done,
// total) after each chunk; it may be called from the transfer's worker
// threads, but never twice at once. `resumed` is told the first chunk of a
// download resumed from an earlier OUTPUT.part. Any of them may be empty.
struct TransferControl {
  std::function<void(uint64_t done, uint64_t total)> progress;
  std::function<void(uint64_t first_chunk, uint64_t chunks)> resumed;
  const CancelToken* cancel = nullptr;  // not owned
};

// Chunk PUTs in flight at once (`--upload-streams`, cli/README.md).
inline constexpr int kDefaultUploadStreams = 3;
inline constexpr int kMaxUploadStreams = 8;

struct UploadedFile {
  crypto::FileSecrets secrets;
  uint64_t size = 0;
  uint64_t chunks = 0;
  std::string name;  // the base name of the path
};

// Encrypts and uploads the file at `path` with up to `streams` (1 to
// kMaxUploadStreams) chunk PUTs in flight; `api`'s connection is one of
// them, the others are opened with its options and credentials and closed
// before returning. kIoError (local or network), kAlreadyExists if the file
// changed while uploading, kResourceExhausted if it is larger than
// `max_chunks` allows, kInvalidArgument for a bad `streams`, server errors
// as ApiClient, kCancelled. Progress is reported as chunks are acknowledged.
Result<UploadedFile> UploadFile(ApiClient& api, const std::string& path, uint64_t max_chunks,
                                int streams = kDefaultUploadStreams,
                                const TransferControl& control = {});

// Fetches chunk `index` of the file (reviewer or source route).
using ChunkFetcher = std::function<Result<Bytes>(uint64_t index)>;

// Downloads and decrypts a file to `output` as described above. Errors:
// kDecryptFailed / kMalformed / kUnsupportedVersion naming the chunk,
// kIoError, server errors, kCancelled. kAlreadyExists if `output` exists.
// `label` names the file in messages.
Status DownloadFile(const ChunkFetcher& fetch, const crypto::FileSecrets& secrets, uint64_t chunks,
                    uint64_t size, const std::string& output, const std::string& label,
                    const TransferControl& control = {});

}  // namespace dojava::client

#endif  // DOJAVA_CLIENT_TRANSFER_H_
