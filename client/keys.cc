#include "client/keys.h"

#include <fcntl.h>
#include <unistd.h>

#include <string_view>

#include "client/fd_io.h"
#include "client/public_key_line.h"
#include "crypto/key_file.h"

namespace dojava::client {
namespace {

// True if the file at `path` starts with the public key line prefix. Reads
// only that many bytes; any error is "no".
bool LooksLikePublicKeyLine(const std::string& path) {
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK));
  if (!fd.valid()) return false;
  char buf[kPublicKeyLinePrefix.size()] = {};
  size_t got = 0;
  while (got < sizeof(buf)) {
    const ssize_t n = ::read(fd.get(), buf + got, sizeof(buf) - got);
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  return std::string_view(buf, got) == kPublicKeyLinePrefix;
}

}  // namespace

Result<Bytes> ReadKeyFileAt(const std::string& path) {
  if (path.empty()) return Status(Code::kInvalidArgument, "--key-file is required");
  if (LooksLikePublicKeyLine(path)) {
    return Status(Code::kInvalidArgument,
                  path +
                      " is your public key line (what you give to the admin), not your key "
                      "file: use the file without .pub");
  }
  auto bytes = crypto::ReadKeyFile(path);
  if (!bytes.ok()) return Status(bytes.code(), path + ": " + bytes.status().message());
  return bytes;
}

Result<SecretBytes> OpenKeySeed(ByteView file, const SecretBytes& passphrase, uint8_t kind,
                                const std::string& path) {
  auto opened = crypto::OpenKeyFile(file, passphrase);
  if (!opened.ok()) {
    if (opened.code() == Code::kWrongPassphrase) {
      return Status(Code::kWrongPassphrase,
                    "wrong passphrase, or the key file " + path + " is damaged");
    }
    return Status(Code::kMalformed,
                  path + ": not a usable key file (" + opened.status().message() + ")");
  }
  if (static_cast<uint8_t>(opened->kind) != kind) {
    return Status(Code::kInvalidArgument,
                  path + (kind == protocol::kKeyKindAdmin
                              ? " is a reviewer key file, not an admin key file"
                              : " is an admin key file, not a reviewer key file"));
  }
  return std::move(opened->seed);
}

Result<ReviewerIdentity> IdentifyReviewer(crypto::ReviewerKey key, const RosterView& roster) {
  const ReviewerEntry* e = roster.FindByEd25519(key.ed25519_public());
  if (e == nullptr) {
    return Status(Code::kPermissionDenied, "your key is not on this server's roster (version " +
                                               std::to_string(roster.version()) +
                                               "); give your public key line to the admin");
  }
  if (!e->active()) {
    return Status(Code::kPermissionDenied,
                  "you were removed from this server's roster (retired as of version " +
                      std::to_string(e->retired_at) +
                      "): you can no longer log in or write; ask the admin");
  }
  if (e->x25519 != key.x25519_public()) {
    return Status(Code::kBadSignature,
                  "the roster lists your signing key with another encryption key");
  }
  return ReviewerIdentity{std::move(key), e->reviewer_id, e->name, {}};
}

}  // namespace dojava::client
