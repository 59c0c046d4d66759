// CleanedImage: for `dojava submit`, a copy of a JPEG or PNG with its
// metadata removed by the page's rules (payload/image_metadata.h: GPS and
// other EXIF, XMP, comments, text chunks, trailers), so the CLI sends what
// the JavaScript page and the no-JavaScript pages send. `--keep-metadata`
// skips it.
//
// The copy lives in an anonymous memory file (memfd_create): it is never
// written to a disk and is gone when the process ends, however it ends; the
// upload reads it through /proc/self/fd/N like any file. The original is
// mapped read-only, never changed.
//
// Thread safety: none needed; one per file, used by one thread.
#ifndef DOJAVA_CLI_IMAGE_CLEANING_H_
#define DOJAVA_CLI_IMAGE_CLEANING_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace dojava::cli {

// Largest image cleaned (the copy is held in memory); larger: kResourceExhausted.
inline constexpr uint64_t kMaxCleanedImageBytes = uint64_t{512} << 20;

class CleanedImage {
 public:
  // nullptr when `path` is not a JPEG or PNG, or has nothing to remove (the
  // original is sent). kMalformed for a JPEG or PNG that does not parse,
  // kResourceExhausted over kMaxCleanedImageBytes, kIoError naming the path.
  static Result<std::unique_ptr<CleanedImage>> Make(const std::string& path);
  ~CleanedImage();
  CleanedImage(const CleanedImage&) = delete;
  CleanedImage& operator=(const CleanedImage&) = delete;

  // Where the upload reads the copy (/proc/self/fd/N).
  const std::string& path() const { return path_; }
  // What was removed ("exif", "comment", "text", ...).
  const std::vector<std::string_view>& removed() const { return removed_; }

 private:
  CleanedImage(int fd, std::vector<std::string_view> removed);
  const int fd_;
  const std::string path_;
  const std::vector<std::string_view> removed_;
};

}  // namespace dojava::cli

#endif  // DOJAVA_CLI_IMAGE_CLEANING_H_
