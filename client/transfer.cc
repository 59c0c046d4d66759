#include "client/transfer.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <functional>
#include <memory>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

#include "base/encoding.h"
#include "client/chunk_lanes.h"
#include "client/fd_io.h"
#include "crypto/protocol_constants.h"

namespace dojava::client {
namespace {

constexpr size_t kChunk = protocol::kChunkPlainSize;
constexpr int kPutAttempts = 3;

Status Errno(const std::string& what) {
  return Status(Code::kIoError, what + ": " + std::strerror(errno));
}

// Reads up to out.size() bytes at `offset`; returns how many (short only at EOF).
Result<size_t> ReadAt(int fd, std::span<uint8_t> out, uint64_t offset) {
  size_t got = 0;
  while (got < out.size()) {
    const ssize_t n =
        ::pread(fd, out.data() + got, out.size() - got, static_cast<off_t>(offset + got));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Errno("read");
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  return got;
}

// PUTs chunk `index` (of `count`) on `lane`: kPutAttempts tries on transport
// errors, each with the same bytes (idempotent on the server), none once
// another worker failed. Errors name the chunk.
Status PutChunk(const ChunkWorkers& workers, ApiClient& lane, const crypto::Id& file_id,
                uint64_t index, uint64_t count, ByteView record) {
  Status s;
  for (int attempt = 0; attempt < kPutAttempts; ++attempt) {
    if (attempt > 0 && workers.stopping()) break;
    s = lane.PutChunk(file_id, index, record);
    if (s.ok() || s.code() != Code::kIoError) break;
  }
  if (s.ok()) return s;
  return Status(s.code(), "chunk " + std::to_string(index + 1) + " of " + std::to_string(count) +
                              ": " + s.message());
}

// The file being uploaded: open, a regular file, its size and chunk count
// known; chunks are read by index (each worker into its own buffer).
struct UploadSource {
  std::string path;
  UniqueFd fd;
  uint64_t size = 0;
  uint64_t count = 0;

  // Reads chunk i into `plain`; is_last and the data length follow from the
  // size. kAlreadyExists if the file has shrunk since it was opened.
  Status Read(uint64_t i, SecretBytes& plain, size_t* len) const {
    const bool last = i + 1 == count;
    const size_t want = last ? static_cast<size_t>(size - i * kChunk) : kChunk;
    DOJAVA_ASSIGN_OR_RETURN(size_t got,
                            ReadAt(fd.get(), plain.reveal_mut().first(want), i * kChunk));
    if (got != want) return Changed();
    *len = want;
    return Status::Ok();
  }

  Status Changed() const {
    return Status(Code::kAlreadyExists, path + " changed while uploading: start again");
  }
};

// Opens `path` for upload: a regular file no larger than the server accepts
// (max_chunks 0: no limit from the server).
Result<UploadSource> OpenUploadSource(const std::string& path, uint64_t max_chunks) {
  UploadSource src{path, UniqueFd(::open(path.c_str(), O_RDONLY | O_CLOEXEC))};
  if (!src.fd.valid()) return Errno(path);
  struct stat st {};
  if (::fstat(src.fd.get(), &st) != 0) return Errno(path);
  if (!S_ISREG(st.st_mode)) return Status(Code::kIoError, path + ": not a regular file");
  src.size = static_cast<uint64_t>(st.st_size);
  src.count = crypto::ChunkCount(src.size);
  if (src.size > crypto::kMaxAttachmentSize || (max_chunks > 0 && src.count > max_chunks)) {
    return Status(Code::kResourceExhausted, path + ": larger than the server accepts");
  }
  return src;
}

// kMalformed if the server lists a chunk index the file does not have.
Status CheckReportedIndexes(const std::vector<uint64_t>& missing, uint64_t count) {
  for (uint64_t i : missing) {
    if (i >= count) return Status(Code::kMalformed, "the server reports an impossible chunk");
  }
  return Status::Ok();
}

}  // namespace

Result<UploadedFile> UploadFile(ApiClient& api, const std::string& path, uint64_t max_chunks,
                                int streams, const TransferControl& control) {
  if (streams < 1 || streams > kMaxUploadStreams) {
    return Status(Code::kInvalidArgument,
                  "upload streams must be 1.." + std::to_string(kMaxUploadStreams));
  }
  DOJAVA_ASSIGN_OR_RETURN(const UploadSource src, OpenUploadSource(path, max_chunks));
  const uint64_t size = src.size;
  const uint64_t count = src.count;
  UploadedFile up{crypto::FileSecrets::Generate(), size, count, {}};
  const size_t slash = path.rfind('/');
  up.name = slash == std::string::npos ? path : path.substr(slash + 1);

  DOJAVA_ASSIGN_OR_RETURN(ApiUpload created, api.CreateUpload(up.secrets.file_id(), count));
  DOJAVA_RETURN_IF_ERROR(CheckReportedIndexes(created.missing, count));
  std::vector<bool> missing_at_start(count, false);
  for (uint64_t i : created.missing) missing_at_start[i] = true;
  // Written by the workers, one element each; read after they are joined.
  std::vector<Bytes> digests(count);
  ApiLanes lanes(api, static_cast<size_t>(streams), false);
  ChunkWorkers workers(static_cast<size_t>(streams));
  std::mutex progress_mu;
  uint64_t done = 0;  // GUARDED_BY(progress_mu)
  auto acknowledged = [&](size_t len) {
    std::lock_guard<std::mutex> lock(progress_mu);
    done += len;
    if (control.progress) control.progress(done, size);
  };
  auto cancelled = [&] { return control.cancel != nullptr && control.cancel->cancelled(); };

  // First pass: every chunk, recording its digest (§9.2).
  std::vector<uint64_t> all(count);
  for (uint64_t i = 0; i < count; ++i) all[i] = i;
  auto first_pass = [&](size_t lane, uint64_t i, SecretBytes& plain, Bytes& record) -> Status {
    if (cancelled()) return Cancelled("upload " + up.name);
    const bool last = i + 1 == count;
    size_t len = 0;
    DOJAVA_RETURN_IF_ERROR(src.Read(i, plain, &len));
    ByteView data = plain.reveal().first(len);
    DOJAVA_ASSIGN_OR_RETURN(digests[i], crypto::ChunkPlaintextDigest(up.secrets, i, last, data));
    if (missing_at_start[i]) {
      DOJAVA_RETURN_IF_ERROR(crypto::EncryptChunkInto(up.secrets, i, last, data, record));
      DOJAVA_RETURN_IF_ERROR(
          PutChunk(workers, lanes.at(lane), up.secrets.file_id(), i, count, record));
    }
    acknowledged(len);
    return Status::Ok();
  };
  DOJAVA_RETURN_IF_ERROR(workers.Run(all, first_pass));
  // What the server still lacks: only ever re-encrypted from unchanged plaintext.
  auto resend = [&](size_t lane, uint64_t i, SecretBytes& plain, Bytes& record) -> Status {
    if (cancelled()) return Cancelled("upload " + up.name);
    const bool last = i + 1 == count;
    size_t len = 0;
    DOJAVA_RETURN_IF_ERROR(src.Read(i, plain, &len));
    auto again = crypto::ReEncryptChunk(up.secrets, i, last, plain.reveal().first(len), digests[i]);
    if (!again.ok()) return src.Changed();
    record = std::move(again).value();  // still one record per worker
    return PutChunk(workers, lanes.at(lane), up.secrets.file_id(), i, count, record);
  };

  for (int round = 0; round < 3; ++round) {
    DOJAVA_ASSIGN_OR_RETURN(ApiUpload state, api.GetUpload(up.secrets.file_id()));
    if (state.missing.empty()) return up;
    DOJAVA_RETURN_IF_ERROR(CheckReportedIndexes(state.missing, count));
    DOJAVA_RETURN_IF_ERROR(workers.Run(state.missing, resend));
  }
  return Status(Code::kInternal, "the server keeps reporting chunks missing");
}

}  // namespace dojava::client
