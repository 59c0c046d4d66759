#include "service/store/database_key.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

namespace dojava::service {
namespace {

int HexValue(uint8_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

constexpr char kHexDigits[] = "0123456789abcdef";

}  // namespace

Result<SecretBytes> DatabaseKey::Parse(ByteView text) {
  if (text.size() == kDatabaseKeyHexSize + 1 && text.back() == '\n') {
    text = text.first(kDatabaseKeyHexSize);
  }
  if (text.size() != kDatabaseKeyHexSize) {
    return Status(Code::kMalformed, "the database key file must hold 64 lower-case hex characters");
  }
  SecretBytes key(kDatabaseKeySize);
  auto out = key.reveal_mut();
  for (size_t i = 0; i < kDatabaseKeySize; ++i) {
    const int hi = HexValue(text[2 * i]);
    const int lo = HexValue(text[2 * i + 1]);
    if (hi < 0 || lo < 0) {
      return Status(Code::kMalformed,
                    "the database key file must hold 64 lower-case hex characters");
    }
    out[i] = static_cast<uint8_t>((hi << 4) | lo);
  }
  return key;
}

Result<SecretBytes> DatabaseKey::LoadFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) {
    if (errno == ENOENT) return Status(Code::kNotFound, "no database key file at " + path);
    return Status(Code::kIoError, "cannot open the database key file " + path);
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return Status(Code::kIoError, "the database key file " + path + " is not a regular file");
  }
  if ((st.st_mode & 077) != 0) {
    ::close(fd);
    return Status(Code::kPermissionDenied,
                  "the database key file " + path +
                      " is accessible by group or others; run: chmod 600 " + path);
  }
  // One byte more than the longest valid file, to detect longer ones.
  SecretBytes buf(kDatabaseKeyHexSize + 2);
  size_t got = 0;
  while (got < buf.size()) {
    const ssize_t n = ::read(fd, buf.reveal_mut().data() + got, buf.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      return Status(Code::kIoError, "cannot read the database key file " + path);
    }
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  ::close(fd);
  buf.Truncate(got);
  return Parse(buf.reveal());
}

Result<std::string> DatabaseKey::CredentialPath(std::string_view name) {
  if (name.empty() || name.find('/') != std::string_view::npos || name == "." || name == "..") {
    return Status(Code::kInvalidArgument, "a credential name is a plain file name");
  }
  const char* dir = std::getenv("CREDENTIALS_DIRECTORY");
  if (dir == nullptr || *dir == '\0') {
    return Status(Code::kNotFound,
                  "CREDENTIALS_DIRECTORY is not set (is this running under systemd with "
                  "LoadCredential=?)");
  }
  return std::string(dir) + "/" + std::string(name);
}

SecretBytes DatabaseKey::Format(const SecretBytes& key) {
  SecretBytes out(2 * key.size() + 1);
  auto o = out.reveal_mut();
  const auto k = key.reveal();
  for (size_t i = 0; i < k.size(); ++i) {
    o[2 * i] = static_cast<uint8_t>(kHexDigits[k[i] >> 4]);
    o[2 * i + 1] = static_cast<uint8_t>(kHexDigits[k[i] & 0xf]);
  }
  o[2 * k.size()] = '\n';
  return out;
}

}  // namespace dojava::service
