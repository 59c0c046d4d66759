// DownloadFile (transfer.h): chunks fetched on several lanes at once,
// opened, and appended to the part file in index order.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstdint>
#include <cstring>
#include <functional>
#include <mutex>
#include <vector>

#include "base/encoding.h"
#include "client/chunk_lanes.h"
#include "client/fd_io.h"
#include "client/transfer.h"
#include "crypto/protocol_constants.h"

namespace dojava::client {
namespace {

constexpr size_t kChunk = protocol::kChunkPlainSize;
// A chunk GET failing on the transport is tried once more (the lane's
// HttpClient reopens its connection); a GET changes nothing on the server.
constexpr int kGetAttempts = 2;

Status Errno(const std::string& what) {
  return Status(Code::kIoError, what + ": " + std::strerror(errno));
}

Status WriteAllFd(int fd, ByteView data) {
  size_t off = 0;
  while (off < data.size()) {
    const ssize_t n = ::write(fd, data.data() + off, data.size() - off);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return Errno("write");
    off += static_cast<size_t>(n);
  }
  return Status::Ok();
}

// OUTPUT.<file id>.part, ours, mode 0600, holding the plaintext of chunks
// [0, start) and nothing else.
struct PartFile {
  std::string path;
  UniqueFd fd;
  uint64_t start = 0;  // the first chunk to fetch
};

// Opens (or creates) the part file of this download. Bound to this file by
// its id: a part file of another attachment (another key) with the same
// output name is never spliced in. Resumes after the last whole chunk
// already written (each authenticated before it was written); a complete
// part file refetches the last chunk, so the end is always checked again.
Result<PartFile> OpenPartFile(const std::string& output, const crypto::FileSecrets& secrets,
                              uint64_t chunks) {
  PartFile part{output + "." + HexEncode(secrets.file_id()) + ".part", {}, 0};
  part.fd = UniqueFd(::open(part.path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600));
  if (!part.fd.valid()) return Errno(part.path);
  struct stat st {};
  if (::fstat(part.fd.get(), &st) != 0) return Errno(part.path);
  if (!S_ISREG(st.st_mode) || st.st_uid != ::geteuid()) {
    return Status(Code::kPermissionDenied,
                  part.path + " is not a regular file of yours: not resuming from it; remove it");
  }
  if ((st.st_mode & 077) != 0 && ::fchmod(part.fd.get(), 0600) != 0) return Errno(part.path);
  part.start = std::min(static_cast<uint64_t>(st.st_size) / kChunk, chunks > 0 ? chunks - 1 : 0);
  const off_t keep = static_cast<off_t>(part.start * kChunk);
  if (::ftruncate(part.fd.get(), keep) != 0) return Errno(part.path);
  if (::lseek(part.fd.get(), keep, SEEK_SET) < 0) return Errno(part.path);
  return part;
}

// Appends opened chunks to the part file in index order, whichever lane
// finished first: a worker whose chunk is not the next one waits, holding
// its one chunk, until the chunks before it are written. So the part file is
// always the plaintext of chunks [0, next) and a resume starts at `next`,
// and memory stays at one chunk per lane. When chunk k fails, the chunks
// below k still in flight are written as they complete (they are verified;
// a resume need not fetch them again), the ones above it are dropped.
// Thread-safe.
class InOrderWriter {
 public:
  InOrderWriter(int fd, uint64_t next, uint64_t size, const TransferControl& control)
      : fd_(fd), next_(next), written_(next * kChunk), size_(size), control_(control) {}

  // Waits for chunk `index`'s turn, writes `data`, reports progress. Returns
  // the reason at once if the download was aborted at or below `index`.
  Status Append(uint64_t index, ByteView data) {
    std::unique_lock<std::mutex> lock(mu_);
    turn_.wait(lock, [&] { return index >= stop_at_ || next_ == index; });
    if (index >= stop_at_) return error_;
    DOJAVA_RETURN_IF_ERROR(WriteAllFd(fd_, data));
    written_ += data.size();
    ++next_;
    if (control_.progress) control_.progress(written_, size_);
    turn_.notify_all();
    return Status::Ok();
  }

  // Stops the download at chunk `at`: workers waiting with a chunk at or
  // above it return. The reason of the lowest such chunk is kept.
  void Abort(Status why, uint64_t at) {
    std::lock_guard<std::mutex> lock(mu_);
    if (at < stop_at_) {
      stop_at_ = at;
      error_ = std::move(why);
    }
    turn_.notify_all();
  }

  Status error() {
    std::lock_guard<std::mutex> lock(mu_);
    return error_;
  }
  uint64_t written() {
    std::lock_guard<std::mutex> lock(mu_);
    return written_;
  }

 private:
  std::mutex mu_;
  std::condition_variable turn_;
  const int fd_;
  uint64_t next_;                  // GUARDED_BY(mu_)
  uint64_t written_;               // GUARDED_BY(mu_)
  uint64_t stop_at_ = UINT64_MAX;  // GUARDED_BY(mu_)
  Status error_;                   // GUARDED_BY(mu_)
  const uint64_t size_;
  const TransferControl& control_;
};

using LaneFetch = std::function<Result<Bytes>(size_t lane, uint64_t index)>;

// One chunk: fetched on `lane` (one retry on a transport error), opened with
// its position and `last` flag, appended in order. Errors name the chunk.
Status FetchOpenAppend(const LaneFetch& fetch, const ChunkWorkers& workers, size_t lane, uint64_t i,
                       uint64_t chunks, const crypto::FileSecrets& secrets,
                       const std::string& label, SecretBytes& plain, Bytes& record,
                       InOrderWriter& writer) {
  Result<Bytes> got = fetch(lane, i);
  for (int attempt = 1;
       attempt < kGetAttempts && !got.ok() && got.code() == Code::kIoError && !workers.stopping();
       ++attempt) {
    got = fetch(lane, i);
  }
  if (!got.ok()) {
    return Status(got.code(), "chunk " + std::to_string(i) + " of " + label + ": " +
                                  got.status().message() + " (run the command again to resume)");
  }
  record = std::move(got).value();
  const bool last = i + 1 == chunks;
  auto n = crypto::DecryptChunkInto(secrets, i, last, record, plain.reveal_mut());
  if (!n.ok()) {
    return Status(n.code(), "chunk " + std::to_string(i) + " of " + label + " failed to decrypt (" +
                                std::string(CodeName(n.code())) +
                                "): the server sent a damaged or substituted chunk");
  }
  return writer.Append(i, plain.reveal().first(*n));
}

Status Download(const LaneFetch& fetch, int streams, const crypto::FileSecrets& secrets,
                uint64_t chunks, uint64_t size, const std::string& output, const std::string& label,
                const TransferControl& control) {
  if (streams < 1 || streams > kMaxDownloadStreams) {
    return Status(Code::kInvalidArgument,
                  "download streams must be 1.." + std::to_string(kMaxDownloadStreams));
  }
  struct stat st {};
  if (::lstat(output.c_str(), &st) == 0) {
    return Status(Code::kAlreadyExists, output + " exists; choose another --output");
  }
  DOJAVA_ASSIGN_OR_RETURN(PartFile part, OpenPartFile(output, secrets, chunks));
  if (part.start > 0 && control.resumed) control.resumed(part.start, chunks);

  InOrderWriter writer(part.fd.get(), part.start, size, control);
  ChunkWorkers workers(static_cast<size_t>(streams));
  auto work = [&](size_t lane, uint64_t i, SecretBytes& plain, Bytes& record) -> Status {
    Status s = control.cancel != nullptr && control.cancel->cancelled()
                   ? Cancelled("download " + label + " (run the command again to resume)")
                   : FetchOpenAppend(fetch, workers, lane, i, chunks, secrets, label, plain, record,
                                     writer);
    if (!s.ok()) writer.Abort(s, i);
    return s;
  };
  std::vector<uint64_t> todo;
  for (uint64_t i = part.start; i < chunks; ++i) todo.push_back(i);
  const Status run = workers.Run(todo, work);
  // The failure of the lowest chunk, not a report that a worker stopped for it.
  DOJAVA_RETURN_IF_ERROR(writer.error());
  DOJAVA_RETURN_IF_ERROR(run);
  DOJAVA_RETURN_IF_ERROR(crypto::CheckFileReference({writer.written(), chunks}, size, chunks));
  if (::fsync(part.fd.get()) != 0) return Errno(part.path);
  part.fd.reset();
  if (::link(part.path.c_str(), output.c_str()) != 0) return Errno(output);
  ::unlink(part.path.c_str());
  return Status::Ok();
}

}  // namespace

Status DownloadFile(const ChunkFetcher& fetch, const crypto::FileSecrets& secrets, uint64_t chunks,
                    uint64_t size, const std::string& output, const std::string& label,
                    const TransferControl& control, int streams) {
  return Download([&](size_t, uint64_t i) { return fetch(i); }, streams, secrets, chunks, size,
                  output, label, control);
}

Status DownloadFile(ApiClient& api, const LaneChunkFetcher& fetch, int streams,
                    const crypto::FileSecrets& secrets, uint64_t chunks, uint64_t size,
                    const std::string& output, const std::string& label,
                    const TransferControl& control) {
  if (streams < 1 || streams > kMaxDownloadStreams) {
    return Status(Code::kInvalidArgument,
                  "download streams must be 1.." + std::to_string(kMaxDownloadStreams));
  }
  ApiLanes lanes(api, static_cast<size_t>(streams), true);
  return Download([&](size_t lane, uint64_t i) { return fetch(lanes.at(lane), i); }, streams,
                  secrets, chunks, size, output, label, control);
}

}  // namespace dojava::client
