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

// The connections of one upload and the workers that use them: lane 0 is
// the caller's ApiClient, driven by the calling thread; lanes 1..streams-1
// are opened on first use (same options and credentials) and each driven by
// one thread for the duration of Run. The lanes stay open across Runs (the
// first pass and the rounds for missing chunks), and close with the sender.
class ChunkSender {
 public:
  // The work for one chunk index on one lane, with that worker's buffers:
  // a plaintext chunk (wiped memory) and a record of kChunkRecordSize bytes.
  using Work =
      std::function<Status(ApiClient& lane, uint64_t index, SecretBytes& plain, Bytes& record)>;

  ChunkSender(ApiClient& api, int streams) : api_(api), streams_(static_cast<size_t>(streams)) {}

  // Runs `work` for every index of `indexes`, roughly in order, on up to
  // `streams` lanes at once. Returns the first error (then every worker
  // stops after its current request); every thread is joined before it
  // returns, whatever happens.
  Status Run(const std::vector<uint64_t>& indexes, const Work& work) {
    const size_t lanes = std::min(streams_, indexes.size());
    if (lanes == 0) return Status::Ok();
    while (extra_.size() + 1 < lanes) {
      extra_.push_back(std::make_unique<Lane>(api_));
    }
    std::mutex mu;
    size_t next = 0;     // GUARDED_BY(mu)
    Status first_error;  // GUARDED_BY(mu)
    stop_ = false;
    auto fail = [&](Status s) {
      std::lock_guard<std::mutex> lock(mu);
      if (first_error.ok()) first_error = std::move(s);
      stop_ = true;
    };
    // Never throws: an exception escaping a std::thread would end the process.
    auto worker = [&](ApiClient& lane) noexcept {
      try {
        SecretBytes plain(kChunk);
        Bytes record(protocol::kChunkRecordSize);
        for (;;) {
          uint64_t index = 0;
          {
            std::lock_guard<std::mutex> lock(mu);
            if (stop_ || next == indexes.size()) return;
            index = indexes[next++];
          }
          Status s = work(lane, index, plain, record);
          if (!s.ok()) return fail(std::move(s));
        }
      } catch (const std::exception& e) {
        fail(Status(Code::kInternal, std::string("upload worker: ") + e.what()));
      } catch (...) {
        fail(Status(Code::kInternal, "upload worker failed"));
      }
    };
    std::vector<std::thread> threads;
    try {
      threads.reserve(lanes);  // emplace_back then cannot throw after a thread started
      for (size_t k = 1; k < lanes; ++k) threads.emplace_back(worker, std::ref(extra_[k - 1]->api));
    } catch (const std::exception& e) {
      fail(Status(Code::kInternal, std::string("cannot start an upload thread: ") + e.what()));
    }
    worker(api_);
    for (auto& t : threads) t.join();
    return first_error;
  }

  // PUTs chunk `index` (of `count`) on `lane`: kPutAttempts tries on
  // transport errors, each with the same bytes (idempotent on the server),
  // none once another worker failed. Errors name the chunk.
  Status Put(ApiClient& lane, const crypto::Id& file_id, uint64_t index, uint64_t count,
             ByteView record) {
    Status s;
    for (int attempt = 0; attempt < kPutAttempts; ++attempt) {
      if (attempt > 0 && stop_) break;
      s = lane.PutChunk(file_id, index, record);
      if (s.ok() || s.code() != Code::kIoError) break;
    }
    if (s.ok()) return s;
    return Status(s.code(), "chunk " + std::to_string(index + 1) + " of " + std::to_string(count) +
                                ": " + s.message());
  }

 private:
  struct Lane {
    explicit Lane(const ApiClient& main)
        : http(main.http_options()), api(main.WithConnection(&http)) {}
    HttpClient http;
    ApiClient api;
  };

  ApiClient& api_;
  const size_t streams_;
  std::vector<std::unique_ptr<Lane>> extra_;
  std::atomic<bool> stop_{false};
};

}  // namespace

Status Cancelled(const std::string& what) { return Status(Code::kCancelled, what + ": cancelled"); }

namespace {

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
  ChunkSender sender(api, streams);
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
  auto first_pass = [&](ApiClient& lane, uint64_t i, SecretBytes& plain, Bytes& record) -> Status {
    if (cancelled()) return Cancelled("upload " + up.name);
    const bool last = i + 1 == count;
    size_t len = 0;
    DOJAVA_RETURN_IF_ERROR(src.Read(i, plain, &len));
    ByteView data = plain.reveal().first(len);
    DOJAVA_ASSIGN_OR_RETURN(digests[i], crypto::ChunkPlaintextDigest(up.secrets, i, last, data));
    if (missing_at_start[i]) {
      DOJAVA_RETURN_IF_ERROR(crypto::EncryptChunkInto(up.secrets, i, last, data, record));
      DOJAVA_RETURN_IF_ERROR(sender.Put(lane, up.secrets.file_id(), i, count, record));
    }
    acknowledged(len);
    return Status::Ok();
  };
  DOJAVA_RETURN_IF_ERROR(sender.Run(all, first_pass));
  // What the server still lacks: only ever re-encrypted from unchanged plaintext.
  auto resend = [&](ApiClient& lane, uint64_t i, SecretBytes& plain, Bytes& record) -> Status {
    if (cancelled()) return Cancelled("upload " + up.name);
    const bool last = i + 1 == count;
    size_t len = 0;
    DOJAVA_RETURN_IF_ERROR(src.Read(i, plain, &len));
    auto again = crypto::ReEncryptChunk(up.secrets, i, last, plain.reveal().first(len), digests[i]);
    if (!again.ok()) return src.Changed();
    record = std::move(again).value();  // still one record per worker
    return sender.Put(lane, up.secrets.file_id(), i, count, record);
  };

  for (int round = 0; round < 3; ++round) {
    DOJAVA_ASSIGN_OR_RETURN(ApiUpload state, api.GetUpload(up.secrets.file_id()));
    if (state.missing.empty()) return up;
    DOJAVA_RETURN_IF_ERROR(CheckReportedIndexes(state.missing, count));
    DOJAVA_RETURN_IF_ERROR(sender.Run(state.missing, resend));
  }
  return Status(Code::kInternal, "the server keeps reporting chunks missing");
}

Status DownloadFile(const ChunkFetcher& fetch, const crypto::FileSecrets& secrets, uint64_t chunks,
                    uint64_t size, const std::string& output, const std::string& label,
                    const TransferControl& control) {
  struct stat st {};
  if (::lstat(output.c_str(), &st) == 0) {
    return Status(Code::kAlreadyExists, output + " exists; choose another --output");
  }
  // Bound to this file: a part file of another attachment (another key) with
  // the same output name is never spliced in.
  const std::string part = output + "." + HexEncode(secrets.file_id()) + ".part";
  UniqueFd fd(::open(part.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600));
  if (!fd.valid()) return Errno(part);
  if (::fstat(fd.get(), &st) != 0) return Errno(part);
  if (!S_ISREG(st.st_mode) || st.st_uid != ::geteuid()) {
    return Status(Code::kPermissionDenied,
                  part + " is not a regular file of yours: not resuming from it; remove it");
  }
  if ((st.st_mode & 077) != 0 && ::fchmod(fd.get(), 0600) != 0) return Errno(part);
  // Resume after the last whole chunk already written (authenticated then).
  uint64_t start = static_cast<uint64_t>(st.st_size) / kChunk;
  if (start >= chunks) start = chunks - 1;
  if (::ftruncate(fd.get(), static_cast<off_t>(start * kChunk)) != 0) return Errno(part);
  if (::lseek(fd.get(), static_cast<off_t>(start * kChunk), SEEK_SET) < 0) return Errno(part);
  if (start > 0 && control.resumed) control.resumed(start, chunks);

  SecretBytes plain(kChunk);
  uint64_t written = start * kChunk;
  for (uint64_t i = start; i < chunks; ++i) {
    if (control.cancel != nullptr && control.cancel->cancelled()) {
      return Cancelled("download " + label + " (run the command again to resume)");
    }
    Result<Bytes> record = fetch(i);
    if (!record.ok() && record.code() == Code::kIoError) record = fetch(i);  // one retry
    if (!record.ok()) {
      return Status(record.code(), "chunk " + std::to_string(i) + " of " + label + ": " +
                                       record.status().message() +
                                       " (run the command again to resume)");
    }
    const bool last = i + 1 == chunks;
    auto n = crypto::DecryptChunkInto(secrets, i, last, *record, plain.reveal_mut());
    if (!n.ok()) {
      return Status(n.code(), "chunk " + std::to_string(i) + " of " + label +
                                  " failed to decrypt (" + std::string(CodeName(n.code())) +
                                  "): the server sent a damaged or substituted chunk");
    }
    DOJAVA_RETURN_IF_ERROR(WriteAllFd(fd.get(), plain.reveal().first(*n)));
    written += *n;
    if (control.progress) control.progress(written, size);
  }
  DOJAVA_RETURN_IF_ERROR(crypto::CheckFileReference({written, chunks}, size, chunks));
  if (::fsync(fd.get()) != 0) return Errno(part);
  fd.reset();
  if (::link(part.c_str(), output.c_str()) != 0) return Errno(output);
  ::unlink(part.c_str());
  return Status::Ok();
}

}  // namespace dojava::client
