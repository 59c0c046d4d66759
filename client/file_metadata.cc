#include "client/file_metadata.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

extern char** environ;

namespace dojava::client {
namespace {

constexpr uint16_t kGpsIfdTag = 0x8825;  // TIFF/EXIF: pointer to the GPS block
constexpr size_t kMaxIfdEntries = 1024;

// Reads 2 or 4 bytes at `at` of a TIFF block in its byte order.
uint32_t ReadInt(std::string_view t, size_t at, size_t width, bool little) {
  uint32_t v = 0;
  for (size_t i = 0; i < width; ++i) {
    const auto b = static_cast<uint8_t>(t[at + (little ? width - 1 - i : i)]);
    v = (v << 8) | b;
  }
  return v;
}

// A TIFF block ("II*\0" or "MM\0*") whose first directory names a GPS block.
bool TiffHasGps(std::string_view t) {
  if (t.size() < 8) return false;
  const bool little = t.substr(0, 4) == std::string_view("II*\0", 4);
  if (!little && t.substr(0, 4) != std::string_view("MM\0*", 4)) return false;
  const size_t ifd = ReadInt(t, 4, 4, little);
  if (ifd + 2 > t.size()) return false;
  const size_t n = ReadInt(t, ifd, 2, little);
  for (size_t i = 0; i < n && i < kMaxIfdEntries; ++i) {
    const size_t entry = ifd + 2 + 12 * i;
    if (entry + 12 > t.size()) return false;
    if (ReadInt(t, entry, 2, little) == kGpsIfdTag) return true;
  }
  return false;
}

// JPEG: the APP1 "Exif\0\0" segments before the image data.
bool JpegHasGps(std::string_view d) {
  size_t at = 2;
  while (at + 4 <= d.size() && static_cast<uint8_t>(d[at]) == 0xFF) {
    const auto marker = static_cast<uint8_t>(d[at + 1]);
    if (marker == 0xDA || marker == 0xD9) return false;  // image data: no more metadata
    const size_t len = ReadInt(d, at + 2, 2, false);
    if (len < 2) return false;
    const std::string_view seg = d.substr(at + 4, len - 2);
    if (marker == 0xE1 && seg.substr(0, 6) == std::string_view("Exif\0\0", 6) &&
        TiffHasGps(seg.substr(6))) {
      return true;
    }
    at += 2 + len;
  }
  return false;
}

// PNG: an eXIf chunk.
bool PngHasGps(std::string_view d) {
  size_t at = 8;
  while (at + 12 <= d.size()) {
    const size_t len = ReadInt(d, at, 4, false);
    const std::string_view type = d.substr(at + 4, 4);
    if (type == "eXIf" && TiffHasGps(d.substr(at + 8, len))) return true;
    if (type == "IDAT" || type == "IEND") return false;
    at += 12 + len;
  }
  return false;
}

}  // namespace

bool Mat2Available() {
  const char* path = std::getenv("PATH");
  std::string_view dirs = path != nullptr ? path : "";
  while (!dirs.empty()) {
    const size_t colon = dirs.find(':');
    const std::string dir(dirs.substr(0, colon));
    dirs = colon == std::string_view::npos ? std::string_view() : dirs.substr(colon + 1);
    if (!dir.empty() && ::access((dir + "/mat2").c_str(), X_OK) == 0) return true;
  }
  return false;
}

Result<std::string> CleanWithMat2(const std::string& path) {
  char* argv[] = {const_cast<char*>("mat2"), const_cast<char*>("--"),
                  const_cast<char*>(path.c_str()), nullptr};
  pid_t pid;
  if (!Mat2Available() || ::posix_spawnp(&pid, "mat2", nullptr, nullptr, argv, environ) != 0) {
    return Status(
        Code::kNotFound,
        "mat2 is not installed (apt install mat2), so no metadata-stripped copy was made");
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  const size_t dot = path.rfind('.');
  const std::string cleaned = dot == std::string::npos || dot < path.rfind('/') + 1
                                  ? path + ".cleaned"
                                  : path.substr(0, dot) + ".cleaned" + path.substr(dot);
  struct stat st {};
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || ::lstat(cleaned.c_str(), &st) != 0) {
    return Status(Code::kIoError, "mat2 could not clean " + path +
                                      " (a format it does not support?), so no metadata-stripped "
                                      "copy was made");
  }
  return cleaned;
}

Result<bool> HasLocationMetadata(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status(Code::kIoError, "cannot read " + path);
  std::vector<char> buf(kMetadataScanBytes);
  size_t got = 0;
  while (got < buf.size()) {
    const ssize_t n = ::read(fd, buf.data() + got, buf.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  ::close(fd);
  const std::string_view d(buf.data(), got);
  if (d.size() >= 3 && d.substr(0, 3) == "\xFF\xD8\xFF") return JpegHasGps(d);
  if (d.size() >= 8 && d.substr(0, 8) == "\x89PNG\r\n\x1a\n") return PngHasGps(d);
  return TiffHasGps(d);
}

}  // namespace dojava::client
