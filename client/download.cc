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
#include <map>
#include <mutex>
#include <optional>
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
// The kernel is asked to start writing the part file to disk after every
// kWritebackBytes appended (StartWriteback).
constexpr uint64_t kWritebackBytes = 8u << 20;

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
// finished first, so that the part file is always the plaintext of chunks
// [0, next) and a resume starts at `next`. A worker whose chunk is not the
// next one leaves it here and takes a spare plaintext buffer to fetch on
// with, so a slow chunk (or a slow write) does not leave the other lanes
// idle; with no spare left it waits until the chunks before it are written.
// Memory stays at `streams` buffers in the workers plus at most `spares`
// held here. Only one thread writes at a time (the one whose chunk is next,
// which then writes the held chunks that follow it), outside the lock.
// When chunk k fails, the chunks below k (in flight or held) are written as
// they complete (they are verified; a resume need not fetch them again), the
// ones above it are dropped. Thread-safe.
class InOrderWriter {
 public:
  InOrderWriter(int fd, uint64_t next, uint64_t size, size_t spares, const TransferControl& control)
      : fd_(fd),
        next_(next),
        written_(next * kChunk),
        flushed_(written_),
        max_spares_(spares),
        size_(size),
        control_(control) {}

  // Hands over chunk `index`, opened into the first `n` bytes of `plain`:
  // written now if it is the next one (with the held chunks that follow it),
  // else held, `plain` then being replaced by a spare buffer. Returns the
  // reason at once if the download was aborted at or below `index`, or the
  // write's error.
  Status Append(uint64_t index, SecretBytes& plain, size_t n) {
    std::unique_lock<std::mutex> lock(mu_);
    turn_.wait(lock, [&] {
      return index >= stop_at_ || (next_ == index && !writing_) || !spares_.empty() ||
             made_spares_ < max_spares_;
    });
    if (index >= stop_at_) return error_;
    if (next_ != index) {
      SecretBytes spare = TakeSpare();
      held_.emplace(index, Held{std::move(plain), n});
      plain = std::move(spare);
      return Status::Ok();
    }
    return WriteRun(lock, plain.reveal().first(n));
  }

  // Stops the download at chunk `at`: workers waiting with a chunk at or
  // above it return, held chunks at or above it are dropped. The reason of
  // the lowest such chunk is kept.
  void Abort(Status why, uint64_t at) {
    std::lock_guard<std::mutex> lock(mu_);
    AbortLocked(std::move(why), at);
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
  struct Held {
    SecretBytes plain;
    size_t n = 0;
  };

  SecretBytes TakeSpare() {  // REQUIRES(mu_), a spare free or still to make
    if (spares_.empty()) {
      ++made_spares_;
      return SecretBytes(kChunk);
    }
    SecretBytes s = std::move(spares_.back());
    spares_.pop_back();
    return s;
  }

  void AbortLocked(Status why, uint64_t at) {  // REQUIRES(mu_)
    if (at < stop_at_) {
      stop_at_ = at;
      error_ = std::move(why);
    }
    for (auto it = held_.lower_bound(at); it != held_.end(); it = held_.erase(it)) {
      spares_.push_back(std::move(it->second.plain));
    }
    turn_.notify_all();
  }

  // Writes `data` (chunk next_), then every held chunk that follows it, the
  // lock released while writing; `lock` is held on entry and on return.
  Status WriteRun(std::unique_lock<std::mutex>& lock, ByteView data) {
    writing_ = true;
    std::optional<Held> current;  // the held chunk being written, if any
    for (;;) {
      const uint64_t end = written_ + data.size();
      lock.unlock();
      Status s = WriteAllFd(fd_, data);
      if (s.ok()) s = StartWriteback(end);
      lock.lock();
      if (current) spares_.push_back(std::move(current->plain));
      if (!s.ok()) {
        writing_ = false;
        AbortLocked(s, next_);
        return s;
      }
      written_ += data.size();
      ++next_;
      if (control_.progress) control_.progress(written_, size_);
      auto it = held_.find(next_);
      if (it == held_.end() || next_ >= stop_at_) break;
      current = std::move(it->second);
      held_.erase(it);
      data = current->plain.reveal().first(current->n);
    }
    writing_ = false;
    turn_.notify_all();
    return Status::Ok();
  }

  // Asks the kernel to start writing what was appended since the last call
  // once it is kWritebackBytes, so that the fsync at the end has little left
  // to wait for. `end`: the part file's size now. By the writing thread only.
  Status StartWriteback(uint64_t end) {
    if (end < flushed_ + kWritebackBytes) return Status::Ok();
    if (::sync_file_range(fd_, static_cast<off_t>(flushed_), static_cast<off_t>(end - flushed_),
                          SYNC_FILE_RANGE_WRITE) != 0) {
      return Errno("sync_file_range");
    }
    flushed_ = end;
    return Status::Ok();
  }

  std::mutex mu_;
  std::condition_variable turn_;
  const int fd_;
  uint64_t next_;                    // GUARDED_BY(mu_)
  uint64_t written_;                 // GUARDED_BY(mu_)
  uint64_t flushed_;                 // the writing thread's
  uint64_t stop_at_ = UINT64_MAX;    // GUARDED_BY(mu_)
  Status error_;                     // GUARDED_BY(mu_)
  bool writing_ = false;             // GUARDED_BY(mu_)
  std::map<uint64_t, Held> held_;    // GUARDED_BY(mu_)
  std::vector<SecretBytes> spares_;  // GUARDED_BY(mu_)
  size_t made_spares_ = 0;           // GUARDED_BY(mu_)
  const size_t max_spares_;
  const uint64_t size_;
  const TransferControl& control_;
};

// Fetches chunk `index` on `lane` into `record` (its memory reused).
using LaneFetch = std::function<Status(size_t lane, uint64_t index, Bytes& record)>;

// One chunk: fetched on `lane` (one retry on a transport error), opened with
// its position and `last` flag, appended in order. Errors name the chunk.
Status FetchOpenAppend(const LaneFetch& fetch, const ChunkWorkers& workers, size_t lane, uint64_t i,
                       uint64_t chunks, const crypto::FileSecrets& secrets,
                       const std::string& label, SecretBytes& plain, Bytes& record,
                       InOrderWriter& writer) {
  Status got = fetch(lane, i, record);
  for (int attempt = 1;
       attempt < kGetAttempts && !got.ok() && got.code() == Code::kIoError && !workers.stopping();
       ++attempt) {
    got = fetch(lane, i, record);
  }
  if (!got.ok()) {
    return Status(got.code(), "chunk " + std::to_string(i) + " of " + label + ": " + got.message() +
                                  " (run the command again to resume)");
  }
  const bool last = i + 1 == chunks;
  auto n = crypto::DecryptChunkInto(secrets, i, last, record, plain.reveal_mut());
  if (!n.ok()) {
    return Status(n.code(), "chunk " + std::to_string(i) + " of " + label + " failed to decrypt (" +
                                std::string(CodeName(n.code())) +
                                "): the server sent a damaged or substituted chunk");
  }
  return writer.Append(i, plain, *n);
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

  InOrderWriter writer(part.fd.get(), part.start, size, static_cast<size_t>(streams), control);
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
  auto one = [&](size_t, uint64_t i, Bytes& record) -> Status {
    Result<Bytes> got = fetch(i);
    if (!got.ok()) return got.status();
    record = std::move(got).value();
    return Status::Ok();
  };
  return Download(one, streams, secrets, chunks, size, output, label, control);
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
  return Download(
      [&](size_t lane, uint64_t i, Bytes& record) { return fetch(lanes.at(lane), i, record); },
      streams, secrets, chunks, size, output, label, control);
}

}  // namespace dojava::client
