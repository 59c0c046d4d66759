#include "crypto/key_file.h"

#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string_view>
#include <utility>

#include "base/encoding.h"
#include "crypto/primitives.h"
#include "crypto/testing/deterministic.h"

namespace dojava::crypto {
namespace {

constexpr size_t kHeaderSize = 56;  // bytes[0..56): everything before the AEAD
constexpr size_t kBodySize = protocol::kKeySize + protocol::kAeadTagSize;  // 48
static_assert(kHeaderSize + kBodySize == protocol::kKeyFileSize);
static_assert(4 + 1 + 1 + 1 + 1 + 4 + 4 + protocol::kSaltSize + protocol::kAeadNonceSize ==
              kHeaderSize);

bool ParamsInBounds(uint32_t ops, uint32_t mem_kib) {
  return ops >= protocol::kKeyFileMinOps && ops <= protocol::kKeyFileMaxOps &&
         mem_kib >= protocol::kKeyFileMinMemKiB && mem_kib <= protocol::kKeyFileMaxMemKiB;
}

bool KnownKind(uint8_t kind) {
  return kind == protocol::kKeyKindReviewer || kind == protocol::kKeyKindAdmin ||
         kind == protocol::kKeyKindEncryption;
}

// L("dojava/v1/key-file") || header.
Bytes AdditionalData(ByteView header) {
  Bytes ad = Label(protocol::kLabelKeyFile);
  ad.insert(ad.end(), header.begin(), header.end());
  return ad;
}

Result<SecretBytes> WrappingKey(const SecretBytes& passphrase, ByteView salt, uint32_t ops,
                                uint32_t mem_kib) {
  return Argon2id(passphrase.reveal(), salt, ops, size_t{mem_kib} * 1024);
}

std::string ErrnoText(int err) { return std::strerror(err); }

// Closes a file descriptor on every exit path.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  // Closes now and reports the error (close can report a failed write-back).
  int Close() {
    const int r = ::close(fd_);
    fd_ = -1;
    return r;
  }

 private:
  int fd_;
};

std::string DirectoryOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string BaseNameOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

Status WriteAll(int fd, ByteView bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status(Code::kIoError, "write: " + ErrnoText(errno));
    }
    done += size_t(n);
  }
  return Status::Ok();
}

Status FsyncDirectory(const std::string& dir) {
  Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0) return Status(Code::kIoError, "open " + dir + ": " + ErrnoText(errno));
  if (::fsync(fd.get()) != 0)
    return Status(Code::kIoError, "fsync " + dir + ": " + ErrnoText(errno));
  return Status::Ok();
}

// Moves tmp to path without ever replacing an existing path: renameat2's
// RENAME_NOREPLACE, or link()+unlink() on file systems without it.
Status RenameNoReplace(const std::string& tmp, const std::string& path) {
  if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, path.c_str(), RENAME_NOREPLACE) == 0) {
    return Status::Ok();
  }
  if (errno == EEXIST) return Status(Code::kAlreadyExists, path + " already exists");
  if (errno != EINVAL && errno != ENOSYS) {
    return Status(Code::kIoError, "rename to " + path + ": " + ErrnoText(errno));
  }
  if (::link(tmp.c_str(), path.c_str()) != 0) {
    if (errno == EEXIST) return Status(Code::kAlreadyExists, path + " already exists");
    return Status(Code::kIoError, "link to " + path + ": " + ErrnoText(errno));
  }
  ::unlink(tmp.c_str());
  return Status::Ok();
}

Status WriteTempAndRename(const std::string& tmp, const std::string& path, ByteView bytes,
                          bool overwrite) {
  {
    Fd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (fd.get() < 0) return Status(Code::kIoError, "create " + tmp + ": " + ErrnoText(errno));
    // The umask can only remove bits, but be exact: 0600, nothing else.
    if (::fchmod(fd.get(), 0600) != 0) {
      return Status(Code::kIoError, "chmod " + tmp + ": " + ErrnoText(errno));
    }
    DOJAVA_RETURN_IF_ERROR(WriteAll(fd.get(), bytes));
    if (::fsync(fd.get()) != 0) return Status(Code::kIoError, "fsync: " + ErrnoText(errno));
    if (fd.Close() != 0) return Status(Code::kIoError, "close: " + ErrnoText(errno));
  }
  if (overwrite) {
    // rename() replaces a symlink at `path` itself; it never follows it.
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
      return Status(Code::kIoError, "rename to " + path + ": " + ErrnoText(errno));
    }
    return Status::Ok();
  }
  return RenameNoReplace(tmp, path);
}

}  // namespace

Result<Bytes> SealKeyFile(KeyKind kind, const SecretBytes& seed, const SecretBytes& passphrase,
                          KeyFileParams params) {
  EnsureSodium();
  uint8_t salt[protocol::kSaltSize];
  uint8_t nonce[protocol::kAeadNonceSize];
  randombytes_buf(salt, sizeof salt);
  randombytes_buf(nonce, sizeof nonce);
  return SealKeyFile(kind, seed, passphrase, params, salt, nonce);
}

Result<Bytes> SealKeyFile(KeyKind kind, const SecretBytes& seed, const SecretBytes& passphrase,
                          KeyFileParams params, ByteView salt16, ByteView nonce24) {
  if (!KnownKind(uint8_t(kind))) return Status(Code::kInvalidArgument, "unknown key kind");
  if (seed.size() != protocol::kKeySize)
    return Status(Code::kInvalidArgument, "a seed is 32 bytes");
  if (passphrase.empty()) return Status(Code::kInvalidArgument, "an empty passphrase is refused");
  if (!ParamsInBounds(params.ops, params.mem_kib)) {
    return Status(Code::kInvalidArgument, "Argon2id parameters outside what a reader accepts");
  }
  if (salt16.size() != protocol::kSaltSize || nonce24.size() != protocol::kAeadNonceSize) {
    return Status(Code::kInvalidArgument, "salt is 16 bytes and nonce 24 bytes");
  }

  Bytes file;
  file.reserve(protocol::kKeyFileSize);
  ByteWriter w(&file);
  w.Raw(protocol::kKeyFileMagic);
  w.U8(protocol::kVersion);
  w.U8(uint8_t(kind));
  w.U8(protocol::kKdfArgon2id13);
  w.U8(0);  // reserved
  w.U32(params.ops);
  w.U32(params.mem_kib);
  w.Raw(salt16);
  w.Raw(nonce24);
  if (file.size() != kHeaderSize) return Status(Code::kInternal, "key file header size");

  DOJAVA_ASSIGN_OR_RETURN(SecretBytes wk,
                          WrappingKey(passphrase, salt16, params.ops, params.mem_kib));
  const ByteView header(file.data(), kHeaderSize);
  const Bytes ad = AdditionalData(header);
  const Bytes body = AeadSeal(wk.reveal(), nonce24, ad, seed.reveal());
  w.Raw(body);

  // Verify what we produced before anyone stores it (cheap: wk is at hand).
  auto check = AeadOpen(
      wk.reveal(),
      ByteView(file).subspan(kHeaderSize - protocol::kAeadNonceSize, protocol::kAeadNonceSize), ad,
      ByteView(file).subspan(kHeaderSize));
  if (file.size() != protocol::kKeyFileSize || !check.ok() || !check->Equals(seed)) {
    return Status(Code::kInternal, "key file did not verify after sealing");
  }
  return file;
}

Result<OpenedKeyFile> OpenKeyFile(ByteView file, const SecretBytes& passphrase) {
  // Every check of §5.3, in its order, before Argon2id.
  if (file.size() != protocol::kKeyFileSize) {
    return Status(Code::kMalformed, "a key file is exactly 104 bytes");
  }
  ByteReader r(file);
  const ByteView magic = r.Take(protocol::kKeyFileMagic.size());
  const uint8_t version = r.U8();
  const uint8_t kind = r.U8();
  const uint8_t kdf = r.U8();
  const uint8_t reserved = r.U8();
  const uint32_t ops = r.U32();
  const uint32_t mem_kib = r.U32();
  const ByteView salt = r.Take(protocol::kSaltSize);
  const ByteView nonce = r.Take(protocol::kAeadNonceSize);
  const ByteView body = r.Take(kBodySize);
  if (!r.AtEnd()) return Status(Code::kMalformed, "key file layout");  // unreachable at size 104

  if (AsChars(magic) != protocol::kKeyFileMagic) {
    return Status(Code::kMalformed, "not a Dojava key file (bad magic)");
  }
  if (version != protocol::kVersion) {
    return Status(Code::kUnsupportedVersion, "key file version not supported");
  }
  if (kdf != protocol::kKdfArgon2id13) return Status(Code::kMalformed, "unknown key file KDF");
  if (reserved != 0) return Status(Code::kMalformed, "key file reserved byte is not zero");
  if (!ParamsInBounds(ops, mem_kib)) {
    return Status(Code::kMalformed, "key file Argon2id parameters out of bounds");
  }
  if (!KnownKind(kind)) return Status(Code::kMalformed, "unknown key kind");

  // No writer produces an empty passphrase; do not spend Argon2id on it.
  if (passphrase.empty()) {
    return Status(Code::kWrongPassphrase, "wrong passphrase, or the key file is damaged");
  }
  DOJAVA_ASSIGN_OR_RETURN(SecretBytes wk, WrappingKey(passphrase, salt, ops, mem_kib));
  auto seed = AeadOpen(wk.reveal(), nonce, AdditionalData(file.first(kHeaderSize)), body);
  if (!seed.ok()) {
    return Status(Code::kWrongPassphrase, "wrong passphrase, or the key file is damaged");
  }
  return OpenedKeyFile{KeyKind(kind), std::move(seed).value()};
}

Status WriteKeyFile(const std::string& path, ByteView bytes, bool overwrite) {
  if (bytes.size() != protocol::kKeyFileSize) {
    return Status(Code::kInvalidArgument, "a key file is exactly 104 bytes");
  }
  if (path.empty() || path.back() == '/') {
    return Status(Code::kInvalidArgument, "key file path names no file");
  }
  struct stat st;
  if (!overwrite && ::lstat(path.c_str(), &st) == 0) {
    return Status(Code::kAlreadyExists, path + " already exists; not overwriting it");
  }
  const std::string dir = DirectoryOf(path);
  uint8_t rnd[8];
  randombytes_buf(rnd, sizeof rnd);
  const std::string tmp = dir + "/." + BaseNameOf(path) + ".tmp-" + HexEncode(rnd);

  Status s = WriteTempAndRename(tmp, path, bytes, overwrite);
  if (!s.ok()) {
    ::unlink(tmp.c_str());  // may not exist; nothing else to do on failure
    return s;
  }
  return FsyncDirectory(dir);
}

Result<Bytes> ReadKeyFile(const std::string& path) {
  // O_NONBLOCK: opening a FIFO planted at `path` must not hang.
  Fd fd(::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK));
  if (fd.get() < 0) {
    const int err = errno;
    if (err == ENOENT) return Status(Code::kNotFound, "no key file at " + path);
    if (err == ELOOP) {
      return Status(Code::kPermissionDenied,
                    path + " is a symbolic link; refusing to follow it for a key file");
    }
    return Status(Code::kIoError, "open " + path + ": " + ErrnoText(err));
  }
  struct stat st;
  if (::fstat(fd.get(), &st) != 0)
    return Status(Code::kIoError, "stat " + path + ": " + ErrnoText(errno));
  if (!S_ISREG(st.st_mode)) return Status(Code::kIoError, path + " is not a regular file");
  if ((st.st_mode & 0077) != 0) {
    return Status(
        Code::kPermissionDenied,
        "key file " + path + " is accessible by group or others; run `chmod 600 " + path + "`");
  }
  if (st.st_size > off_t(protocol::kKeyFileSize)) {
    return Status(Code::kMalformed, path + " is larger than a key file (104 bytes)");
  }
  // Read at most one byte more than a key file, whatever fstat said: the
  // file may grow between fstat and read.
  Bytes out(protocol::kKeyFileSize + 1);
  size_t got = 0;
  while (got < out.size()) {
    const ssize_t n = ::read(fd.get(), out.data() + got, out.size() - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status(Code::kIoError, "read " + path + ": " + ErrnoText(errno));
    }
    if (n == 0) break;
    got += size_t(n);
  }
  if (got > protocol::kKeyFileSize) {
    return Status(Code::kMalformed, path + " is larger than a key file (104 bytes)");
  }
  out.resize(got);
  return out;
}

}  // namespace dojava::crypto
