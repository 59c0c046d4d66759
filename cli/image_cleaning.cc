#include "cli/image_cleaning.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>

#include "base/bytes.h"
#include "payload/image_metadata.h"

namespace dojava::cli {
namespace {

// A read-only mapping of a whole file, unmapped on destruction.
class Mapping {
 public:
  Mapping(void* data, size_t size) : data_(data), size_(size) {}
  ~Mapping() {
    if (data_ != MAP_FAILED && size_ > 0) ::munmap(data_, size_);
  }
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;
  bool ok() const { return data_ != MAP_FAILED; }
  ByteView bytes() const { return {static_cast<const uint8_t*>(data_), size_}; }

 private:
  void* data_;
  size_t size_;
};

Status WriteAll(int fd, ByteView bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return Status(Code::kIoError, "cannot write the cleaned copy");
    bytes = bytes.subspan(static_cast<size_t>(n));
  }
  return Status::Ok();
}

}  // namespace

CleanedImage::CleanedImage(int fd, std::vector<std::string_view> removed)
    : fd_(fd), path_("/proc/self/fd/" + std::to_string(fd)), removed_(std::move(removed)) {}

CleanedImage::~CleanedImage() { ::close(fd_); }

Result<std::unique_ptr<CleanedImage>> CleanedImage::Make(const std::string& path) {
  const int in = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) return Status(Code::kIoError, "cannot open " + path);
  struct stat st {};
  std::array<uint8_t, 8> head{};
  const ssize_t got =
      ::fstat(in, &st) == 0 && S_ISREG(st.st_mode) ? ::pread(in, head.data(), head.size(), 0) : -1;
  if (got < 0) {
    ::close(in);
    return Status(Code::kIoError, "cannot read " + path);
  }
  if (payload::SniffImage(ByteView(head.data(), static_cast<size_t>(got))) ==
      payload::ImageKind::kOther) {
    ::close(in);
    return std::unique_ptr<CleanedImage>();
  }
  const auto size = static_cast<uint64_t>(st.st_size);
  if (size > kMaxCleanedImageBytes) {
    ::close(in);
    return Status(Code::kResourceExhausted, path + " is too large to remove its metadata here");
  }
  const Mapping map(::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, in, 0), size);
  ::close(in);
  if (!map.ok()) return Status(Code::kIoError, "cannot read " + path);
  DOJAVA_ASSIGN_OR_RETURN(payload::MetadataPlan plan, payload::PlanMetadataRemoval(map.bytes()));
  if (plan.removed.empty()) return std::unique_ptr<CleanedImage>();
  const int fd = ::memfd_create("dojava-cleaned", MFD_CLOEXEC);
  if (fd < 0) return Status(Code::kIoError, "cannot make a copy in memory");
  std::unique_ptr<CleanedImage> cleaned(new CleanedImage(fd, plan.removed));
  for (const auto& [begin, end] : plan.keep) {
    DOJAVA_RETURN_IF_ERROR(WriteAll(fd, map.bytes().subspan(begin, end - begin)));
  }
  return cleaned;
}

}  // namespace dojava::cli
