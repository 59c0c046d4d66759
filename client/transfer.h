// Attachment transfers in constant memory (PROTOCOL §9).
//
// Upload: the file is read chunk by chunk, each chunk's plaintext digest is
// recorded on the first pass (§9.2), its record uploaded; chunks the server
// still reports missing afterwards are re-encrypted only through
// ReEncryptChunk, which refuses if the file changed on disk meanwhile (a
// changed chunk under the same nonce would leak the XOR of both).
// A PUT is retried with the same bytes (the server answers 204 to the same
// bytes again, so a retry after a lost answer duplicates nothing).
//
// Download: chunk i is fetched and opened at its position with its `last`
// flag known from the file reference, and appended to OUTPUT.part (0600) in
// index order. No plaintext of a chunk is written before that chunk
// authenticated. An interrupted download resumes from the chunks already in
// OUTPUT.part, without fetching them again. At the end the size is checked
// against the reference (CheckFileReference) and OUTPUT.part renamed to
// OUTPUT.
//
// Both keep up to `streams` chunk requests in flight, each on its own
// keep-alive connection (through SOCKS5: its own tor stream of the same
// circuit) driven by one worker thread (chunk_lanes.h): memory stays at
// `streams` records and plaintext chunks (wiped memory) whatever the file
// size, plus for a download up to `streams` chunks held: a download worker
// whose chunk arrived before the ones below it leaves it with the writer and
// fetches on with a spare buffer (it waits when `streams` are held). The
// first error stops every worker after its current request; all are joined
// before the call returns.
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

// Chunk GETs in flight at once (`--download-streams`, cli/README.md).
inline constexpr int kDefaultDownloadStreams = 3;
inline constexpr int kMaxDownloadStreams = 8;

// Fetches chunk `index` of the file on `lane` (the caller's ApiClient or one
// opened with its options and credentials; reviewer or source route) into
// `record`, the lane's buffer: ApiClient::GetChunk(..., record) reuses its
// memory from one chunk to the next.
using LaneChunkFetcher = std::function<Status(ApiClient& lane, uint64_t index, Bytes& record)>;

// Downloads and decrypts a file to `output` as described above, with up to
// `streams` (1 to kMaxDownloadStreams) chunk GETs in flight; the extra
// connections are closed before returning. Errors: kDecryptFailed /
// kMalformed / kUnsupportedVersion naming the chunk ("the server sent a
// damaged or substituted chunk"), kIoError, server errors, kCancelled,
// kInvalidArgument for a bad `streams`. kAlreadyExists if `output` exists.
// `label` names the file in messages. Progress is reported as chunks are
// written, in order.
Status DownloadFile(ApiClient& api, const LaneChunkFetcher& fetch, int streams,
                    const crypto::FileSecrets& secrets, uint64_t chunks, uint64_t size,
                    const std::string& output, const std::string& label,
                    const TransferControl& control = {});

// Fetches chunk `index` of the file; called from `streams` threads at once.
using ChunkFetcher = std::function<Result<Bytes>(uint64_t index)>;

// As above with one fetch function for every lane (tests, other transports).
Status DownloadFile(const ChunkFetcher& fetch, const crypto::FileSecrets& secrets, uint64_t chunks,
                    uint64_t size, const std::string& output, const std::string& label,
                    const TransferControl& control = {}, int streams = 1);

}  // namespace dojava::client

#endif  // DOJAVA_CLIENT_TRANSFER_H_
