#include "client/state_store.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "base/encoding.h"

namespace dojava::client {
namespace {

constexpr size_t kMaxStateFile = 1 << 20;  // a roster of 1000 reviewers is < 150 KiB
constexpr std::string_view kDirLabel = "dojava-cli/state-dir";
constexpr std::string_view kKeyPinLabel = "dojava/v1/cli/key-pin";

Status Errno(const std::string& what) {
  return Status(Code::kIoError, what + ": " + std::strerror(errno));
}

Status MakeDirs(const std::string& path) {
  std::string cur;
  size_t pos = 0;
  while (pos != std::string::npos) {
    pos = path.find('/', pos + 1);
    cur = path.substr(0, pos);
    if (cur.empty()) continue;
    if (::mkdir(cur.c_str(), 0700) != 0 && errno != EEXIST) return Errno(cur);
  }
  return Status::Ok();
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' '))
    s.remove_suffix(1);
  return s;
}

}  // namespace

Result<std::string> DefaultStateDir(const std::string& override_dir) {
  if (!override_dir.empty()) return override_dir;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && xdg[0] == '/') {
    return std::string(xdg) + "/dojava";
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && home[0] == '/') {
    return std::string(home) + "/.local/share/dojava";
  }
  return Status(Code::kInvalidArgument, "no HOME or XDG_DATA_HOME: pass --state-dir");
}

Status WriteFileAtomic(const std::string& path, ByteView bytes, bool overwrite) {
  if (!overwrite) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) == 0) return Status(Code::kAlreadyExists, path + " exists");
  }
  const size_t slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "." : path.substr(0, slash);
  std::string tmp = path + ".tmp-XXXXXX";
  const int fd = ::mkostemp(tmp.data(), O_CLOEXEC);
  if (fd < 0) return Errno(tmp);
  Status st = Status::Ok();
  if (::fchmod(fd, 0600) != 0) st = Errno(tmp);
  size_t off = 0;
  while (st.ok() && off < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + off, bytes.size() - off);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      st = Errno(tmp);
      break;
    }
    off += static_cast<size_t>(n);
  }
  if (st.ok() && ::fsync(fd) != 0) st = Errno(tmp);
  if (::close(fd) != 0 && st.ok()) st = Errno(tmp);
  if (st.ok()) {
    if (!overwrite) {
      // link() fails if path appeared meanwhile: no clobbering race.
      if (::link(tmp.c_str(), path.c_str()) != 0) {
        st = errno == EEXIST ? Status(Code::kAlreadyExists, path + " exists") : Errno(path);
      }
      ::unlink(tmp.c_str());
    } else if (::rename(tmp.c_str(), path.c_str()) != 0) {
      st = Errno(path);
    }
  }
  if (!st.ok()) {
    ::unlink(tmp.c_str());
    return st;
  }
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return Status::Ok();
}

StateStore StateStore::ForServer(const std::string& base, const std::string& server_canonical,
                                 bool write_marker) {
  const Bytes h = crypto::LabeledHash(16, kDirLabel, AsBytes(server_canonical));
  return StateStore(base + "/servers/" + HexEncode(h), server_canonical, write_marker, false);
}

StateStore StateStore::InMemory() { return StateStore("(memory only)", "", false, true); }

Status StateStore::EnsureDir() const {
  DOJAVA_RETURN_IF_ERROR(MakeDirs(dir_));
  if (!write_marker_) return Status::Ok();
  const std::string marker = dir_ + "/server";
  struct stat st {};
  if (::lstat(marker.c_str(), &st) != 0) {
    const std::string text = server_ + "\n";
    Status s = WriteFileAtomic(marker, AsBytes(text), true);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Status StateStore::WriteFile(const std::string& name, ByteView bytes) const {
  if (in_memory_) {
    memory_[name].assign(bytes.begin(), bytes.end());
    return Status::Ok();
  }
  DOJAVA_RETURN_IF_ERROR(EnsureDir());
  return WriteFileAtomic(dir_ + "/" + name, bytes, true);
}

Result<std::optional<Bytes>> StateStore::ReadFile(const std::string& name, size_t max) const {
  if (in_memory_) {
    auto it = memory_.find(name);
    if (it == memory_.end()) return std::optional<Bytes>();
    return std::optional<Bytes>(it->second);
  }
  const std::string path = dir_ + "/" + name;
  const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return std::optional<Bytes>();
    return Errno(path);
  }
  Bytes out;
  uint8_t buf[8192];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof(buf));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      Status s = Errno(path);
      ::close(fd);
      return s;
    }
    if (n == 0) break;
    out.insert(out.end(), buf, buf + n);
    sodium_memzero(buf, sizeof(buf));  // may have held the token
    if (out.size() > max) {
      ::close(fd);
      return Status(Code::kMalformed, path + ": too large");
    }
  }
  ::close(fd);
  return std::optional<Bytes>(std::move(out));
}

Result<std::optional<crypto::Ed25519Public>> StateStore::PinnedAdminKey() const {
  DOJAVA_ASSIGN_OR_RETURN(auto bytes, ReadFile("admin_public_key", 256));
  if (!bytes) return std::optional<crypto::Ed25519Public>();
  auto key = Base64UrlDecodeFixed<32>(Trim(AsChars(*bytes)));
  if (!key.ok()) {
    return Status(Code::kMalformed, dir_ + "/admin_public_key is damaged");
  }
  return std::optional<crypto::Ed25519Public>(*key);
}

Status StateStore::PinAdminKey(const crypto::Ed25519Public& key) {
  const std::string text = Base64UrlEncode(key) + "\n";
  return WriteFile("admin_public_key", AsBytes(text));
}

Result<RosterState> StateStore::LastRoster() const {
  DOJAVA_ASSIGN_OR_RETURN(auto bytes, ReadFile("roster_state", 1024));
  RosterState st;
  if (!bytes) return st;
  const std::string text(AsChars(*bytes));
  const Status damaged(Code::kMalformed, dir_ + "/roster_state is damaged");
  constexpr std::string_view kV = "version ";
  constexpr std::string_view kD = "\ndigest ";
  const size_t d = text.find(kD);
  if (text.rfind(kV, 0) != 0 || d == std::string::npos) return damaged;
  const std::string v = text.substr(kV.size(), d - kV.size());
  if (v.empty() || v.size() > 19 || v.find_first_not_of("0123456789") != std::string::npos) {
    return damaged;
  }
  st.version = std::stoull(v);
  auto digest = HexDecode(Trim(std::string_view(text).substr(d + kD.size())));
  if (!digest.ok() || digest->size() != 32) return damaged;
  st.digest = std::move(digest).value();
  return st;
}

Result<std::optional<Bytes>> StateStore::LastRosterBytes() const {
  return ReadFile("roster", kMaxStateFile);
}

Status StateStore::SaveRoster(const RosterState& state, ByteView signed_roster) {
  DOJAVA_RETURN_IF_ERROR(WriteFile("roster", signed_roster));
  const std::string text =
      "version " + std::to_string(state.version) + "\ndigest " + HexEncode(state.digest) + "\n";
  return WriteFile("roster_state", AsBytes(text));
}

Status StateStore::CheckAndPinCaseKeys(const crypto::Id& case_id, const SecretBytes& ck,
                                       const SecretBytes& nk) {
  const std::string name = "case-key-pin-" + HexEncode(case_id);
  const std::string ck_hash = HexEncode(crypto::LabeledHash(32, kKeyPinLabel, ck.reveal()));
  const std::string nk_hash =
      nk.empty() ? "" : HexEncode(crypto::LabeledHash(32, kKeyPinLabel, nk.reveal()));
  DOJAVA_ASSIGN_OR_RETURN(auto bytes, ReadFile(name, 1024));
  std::string pinned_ck, pinned_nk;
  if (bytes) {
    std::string_view text = AsChars(*bytes);
    const Status damaged(Code::kMalformed, dir_ + "/" + name + " is damaged");
    while (!text.empty()) {
      const size_t nl = text.find('\n');
      std::string_view line = text.substr(0, nl);
      text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
      if (line.rfind("ck ", 0) == 0) {
        pinned_ck = std::string(line.substr(3));
      } else if (line.rfind("nk ", 0) == 0) {
        pinned_nk = std::string(line.substr(3));
      } else if (!line.empty()) {
        return damaged;
      }
    }
    if (pinned_ck.size() != 64 || (!pinned_nk.empty() && pinned_nk.size() != 64)) return damaged;
  }
  const std::string where = " (pinned in " + dir_ + "/" + name + ")";
  if (!pinned_ck.empty() && pinned_ck != ck_hash) {
    return Status(Code::kBadSignature, "the server now serves a different case key for case " +
                                           Base64UrlEncode(case_id) +
                                           " than when you first opened it" + where +
                                           ": it may have been swapped by the server. Refusing.");
  }
  if (!pinned_nk.empty() && !nk_hash.empty() && pinned_nk != nk_hash) {
    return Status(Code::kBadSignature, "the server now serves a different notes key for case " +
                                           Base64UrlEncode(case_id) + " than before" + where +
                                           ": it may have been swapped by the server. Refusing.");
  }
  if (pinned_ck.empty() || (pinned_nk.empty() && !nk_hash.empty())) {
    std::string text = "ck " + ck_hash + "\n";
    const std::string& keep_nk = pinned_nk.empty() ? nk_hash : pinned_nk;
    if (!keep_nk.empty()) text += "nk " + keep_nk + "\n";
    return WriteFile(name, AsBytes(text));
  }
  return Status::Ok();
}

Result<uint64_t> StateStore::LastSeen(const crypto::Id& case_id) const {
  const std::string name = "seen-" + HexEncode(case_id);
  DOJAVA_ASSIGN_OR_RETURN(auto bytes, ReadFile(name, 64));
  if (!bytes) return uint64_t{0};
  std::string text(AsChars(*bytes));
  if (!text.empty() && text.back() == '\n') text.pop_back();
  if (text.empty() || text.size() > 19 ||
      text.find_first_not_of("0123456789") != std::string::npos) {
    return Status(Code::kMalformed, dir_ + "/" + name + " is damaged");
  }
  return std::stoull(text);
}

Status StateStore::MarkSeen(const crypto::Id& case_id, uint64_t seq) {
  DOJAVA_ASSIGN_OR_RETURN(uint64_t seen, LastSeen(case_id));
  if (seq <= seen) return Status::Ok();
  const std::string text = std::to_string(seq) + "\n";
  return WriteFile("seen-" + HexEncode(case_id), AsBytes(text));
}

Result<uint32_t> StateStore::ResealedEpoch() const {
  DOJAVA_ASSIGN_OR_RETURN(auto bytes, ReadFile("resealed-epoch", 64));
  if (!bytes) return uint32_t{1};
  std::string text(AsChars(*bytes));
  if (!text.empty() && text.back() == '\n') text.pop_back();
  if (text.empty() || text.size() > 9 ||
      text.find_first_not_of("0123456789") != std::string::npos) {
    return Status(Code::kMalformed, dir_ + "/resealed-epoch is damaged");
  }
  return static_cast<uint32_t>(std::stoul(text));
}

Status StateStore::SaveResealedEpoch(uint32_t epoch) {
  return WriteFile("resealed-epoch", AsBytes(std::to_string(epoch) + "\n"));
}

Result<crypto::v2::HighWaterMark> StateStore::CaseOrderMark(const crypto::Id& case_id) const {
  const std::string name = "case-order-" + HexEncode(case_id);
  DOJAVA_ASSIGN_OR_RETURN(auto bytes, ReadFile(name, 256));
  crypto::v2::HighWaterMark mark;
  if (!bytes) return mark;
  const std::string text(AsChars(*bytes));
  const Status damaged(Code::kMalformed, dir_ + "/" + name + " is damaged");
  constexpr std::string_view kCount = "count ";
  constexpr std::string_view kLast = "\nlast ";
  const size_t l = text.find(kLast);
  if (text.rfind(kCount, 0) != 0 || l == std::string::npos) return damaged;
  const std::string n = text.substr(kCount.size(), l - kCount.size());
  if (n.empty() || n.size() > 19 || n.find_first_not_of("0123456789") != std::string::npos) {
    return damaged;
  }
  auto hash = HexDecode(Trim(std::string_view(text).substr(l + kLast.size())));
  if (!hash.ok() || hash->size() != mark.last_hash.size()) return damaged;
  mark.count = std::stoull(n);
  std::copy(hash->begin(), hash->end(), mark.last_hash.begin());
  return mark;
}

Status StateStore::SaveCaseOrderMark(const crypto::Id& case_id,
                                     const crypto::v2::HighWaterMark& mark) {
  const std::string text =
      "count " + std::to_string(mark.count) + "\nlast " + HexEncode(mark.last_hash) + "\n";
  return WriteFile("case-order-" + HexEncode(case_id), AsBytes(text));
}

Result<std::optional<SecretBytes>> StateStore::Token() const {
  const std::string path = dir_ + "/token";
  struct stat st {};
  if (!in_memory_ && ::lstat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return std::optional<SecretBytes>();
    return Errno(path);
  }
  DOJAVA_ASSIGN_OR_RETURN(auto bytes, ReadFile("token", 256));
  if (!bytes) return std::optional<SecretBytes>();
  SecretBytes token = SecretBytes::Copy(Trim(AsChars(*bytes)));
  sodium_memzero(bytes->data(), bytes->size());
  return std::optional<SecretBytes>(std::move(token));
}

Status StateStore::SaveToken(const SecretBytes& token) {
  SecretBytes line(token.size() + 1);
  std::memcpy(line.reveal_mut().data(), token.reveal().data(), token.size());
  line.reveal_mut()[token.size()] = '\n';
  return WriteFile("token", line.reveal());
}

Status StateStore::RemoveToken() {
  if (in_memory_) {
    memory_.erase("token");
    return Status::Ok();
  }
  const std::string path = dir_ + "/token";
  if (::unlink(path.c_str()) != 0 && errno != ENOENT) return Errno(path);
  return Status::Ok();
}

}  // namespace dojava::client
